"""Console-script entry point for `knotwork`."""

from __future__ import annotations

import sys


def run() -> None:
    """Run the CLI; never let a traceback reach a person."""
    from knotwork.cli import fast
    from knotwork.cli.output import fail
    from knotwork.errors import KnotworkError

    try:
        if fast.handled(sys.argv[1:]):
            return
        from knotwork.cli.app import app

        # Typer would print its own (pretty) traceback; errors come back here.
        app()
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped.\n")
        sys.exit(130)
    except KnotworkError as error:
        fail(str(error))
    except UnicodeError:
        # Bytes that are not text in a file name or argument.
        fail("an argument or file is not valid UTF-8 text")
    except OSError as error:
        # A missing folder, a full disk, no permission: say which file, no more.
        where = f" ({error.filename})" if error.filename else ""
        fail(f"{error.strerror or error}{where}")
