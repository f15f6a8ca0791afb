"""Shared output helpers: JSON for scripts, friendly errors for people.

Deliberately free of Typer so the fast path can use it too.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, NoReturn

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
    text = json.dumps(data, indent=2, ensure_ascii=False)
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def fail(message: str, hint: str | None = None) -> NoReturn:
    """Explain a problem on stderr and exit with status 2."""
    sys.stderr.write(f"knotwork: {plain(message)}\n")
    if hint:
        sys.stderr.write(f"{plain(hint)}\n")
    raise SystemExit(USAGE_ERROR)
