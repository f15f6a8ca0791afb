"""Console-script entry point for `knotwork`."""

from __future__ import annotations

import sys


def run() -> None:
    """Run the CLI; never let a traceback reach a person."""
    from knotwork.cli import fast

    try:
        if fast.handled(sys.argv[1:]):
            return
        from knotwork.cli.app import app

        app()
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped.\n")
        sys.exit(130)
