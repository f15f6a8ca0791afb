"""Shared output helpers: JSON for scripts, friendly errors for people.

Deliberately free of Typer so the fast path can use it too.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

USAGE_ERROR = 2


def emit_json(data: Any) -> None:
    """Print data as JSON on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def fail(message: str, hint: str | None = None) -> NoReturn:
    """Explain a problem on stderr and exit with status 2."""
    sys.stderr.write(f"knotwork: {message}\n")
    if hint:
        sys.stderr.write(f"{hint}\n")
    raise SystemExit(USAGE_ERROR)
