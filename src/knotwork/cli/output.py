"""Shared output helpers: JSON for scripts, friendly errors for people.

Kept free of Rich and pydantic so a scripted `--json` call stays quick.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, date, datetime
from typing import Any, NoReturn

from knotwork.kb.record import asdict, is_dataclass

USAGE_ERROR = 2
# C0 and C1 control characters and DEL: ESC and CSI start terminal escape
# sequences (colours, cursor moves, window titles, even clipboard writes).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")


def plain(text: str) -> str:
    """Return a person's text safe to print: control characters become '?'.

    Newlines and tabs stay; everything a terminal would act on goes.
    """
    return _CONTROL.sub("?", text)


def emit_json(data: Any) -> None:
    """Print data as JSON on stdout, with no raw control character in it."""
    # JSON escapes C0 characters itself; C1 ones (e.g. CSI, U+009B) it leaves.
    import json  # only for --json: most commands print for people

    text = json.dumps(data, indent=2, ensure_ascii=False)
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def complain(message: str, hint: str | None = None) -> None:
    """Explain a problem on stderr, with a hint on the next line."""
    sys.stderr.write(f"knotwork: {plain(message)}\n")
    if hint:
        sys.stderr.write(f"{plain(hint)}\n")


def fail(message: str, hint: str | None = None) -> NoReturn:
    """Explain a problem on stderr and exit with status 2."""
    complain(message, hint)
    raise SystemExit(USAGE_ERROR)


def echo(text: str = "", err: bool = False) -> None:
    """Print a line on stdout (or stderr), control characters made safe."""
    (sys.stderr if err else sys.stdout).write(plain(text) + "\n")


def confirm(question: str) -> bool:
    """Ask a yes/no question on stderr; anything but yes is no."""
    sys.stderr.write(f"{question} [y/N]: ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def jsonable(value: Any) -> Any:
    """Turn records into JSON-ready data; moments in UTC, ISO 8601."""
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
