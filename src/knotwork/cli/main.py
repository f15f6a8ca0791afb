"""`knotwork`: parse the command line once, run the command over one core object.

``main(argv, core)`` is the whole CLI: the console script calls it with the
process's arguments, and the tests call it in process with their own.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from knotwork.cli import (
    ball_commands,
    consult_commands,
    journal_commands,
    kb_commands,
    plan_commands,
    progress_commands,
    routine_commands,
    serve_commands,
    session_commands,
)
from knotwork.cli.grammar import Command, Group, build_parser
from knotwork.cli.output import USAGE_ERROR, complain
from knotwork.errors import KnotworkError

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork

DESCRIPTION = """\
Find where a knot's pain comes from, check it is safe, and work it.

Run with no command in a terminal to be guided through find -> check -> treat.
Every command takes --help.

Example: knotwork where "ache between my shoulder blades\""""

# In the order `knotwork --help` lists them: find, check, treat, keep track.
ENTRIES: tuple[Command | Group, ...] = (
    *consult_commands.COMMANDS,
    *kb_commands.COMMANDS,
    *routine_commands.COMMANDS,
    *session_commands.COMMANDS,
    *ball_commands.COMMANDS,
    *plan_commands.COMMANDS,
    *journal_commands.COMMANDS,
    *progress_commands.COMMANDS,
    *serve_commands.COMMANDS,
)
# Where to look an id up, by the start of the message that refused it.
HINTS = {
    "unknown muscle or region": "See the ids with: knotwork muscles, knotwork regions",
    "unknown condition": "See the ids with: knotwork conditions",
}
JOURNAL_UNAVAILABLE = 1
STOPPED = 130


def main(argv: Sequence[str] | None = None, core: Knotwork | None = None) -> int:
    """Run one command and return its exit status; no traceback reaches a person.

    ``core`` defaults to a ``Knotwork`` over the environment's settings, built
    once here and closed at the end.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    owned = core is None
    if core is None:
        from knotwork.services.core import Knotwork

        core = Knotwork()
    try:
        return _run(args, core)
    except SystemExit as stop:
        return _status(stop.code)
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped.\n")
        return STOPPED
    except KnotworkError as error:
        return _refused(error)
    except UnicodeError:
        # Bytes that are not text in a file name or argument.
        complain("an argument or file is not valid UTF-8 text")
        return USAGE_ERROR
    except OSError as error:
        # A missing folder, a full disk, no permission: say which file, no more.
        where = f" ({error.filename})" if error.filename else ""
        complain(f"{error.strerror or error}{where}")
        return USAGE_ERROR
    finally:
        if owned:
            core.close()


def _run(args: list[str], core: Knotwork) -> int:
    parsed = build_parser(DESCRIPTION, ENTRIES).parse_args(args)
    values = vars(parsed)
    command, group = values.pop("run"), values.pop("group_parser")
    if group is not None and command is None:
        group.print_help()  # `knotwork log` alone: show what it can do
        return USAGE_ERROR
    if command is None:
        from knotwork.cli.guided import guided_start

        guided_start(core)
        return 0
    status: int | None = command(core, **values)
    return status or 0


def _status(code: object) -> int:
    if code is None:
        return 0
    return code if isinstance(code, int) else USAGE_ERROR


def _refused(error: KnotworkError) -> int:
    """Say why knotwork refused; an unreachable journal exits 1, the rest 2."""
    journal = sys.modules.get("knotwork.services.journal")
    if journal is not None and isinstance(error, journal.JournalUnavailable):
        complain(str(error))
        return JOURNAL_UNAVAILABLE
    message = str(error)
    complain(
        message, next((h for k, h in HINTS.items() if message.startswith(k)), None)
    )
    return USAGE_ERROR
