"""Inline emphasis for terminal output, and measuring text as a terminal shows it.

``bold``, ``dim``, ``italic`` and ``coloured`` return their text wrapped in
ANSI styles only when stdout is a terminal and NO_COLOR is not set; otherwise
they return it unchanged, so piped output holds no escape codes. Styles do
not nest: give one call every style a span needs, e.g.
``styled(text, "bold", "red")``.

Everything here is standard library and cheap to import: a one-shot command
that prints for a person must not pay for a rendering framework.
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache
from typing import Literal

from knotwork.cli.output import plain

Style = Literal[
    "bold", "dim", "italic", "red", "green", "yellow", "dark_orange", "magenta", "cyan"
]
Colour = Literal["red", "green", "yellow", "dark_orange", "magenta", "cyan"]
CODES: dict[str, str] = {
    "bold": "1",
    "dim": "2",
    "italic": "3",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "magenta": "35",
    "cyan": "36",
    "dark_orange": "38;5;208",
}
RESET = "\x1b[0m"
DEFAULT_WIDTH = 80
# Narrower than this nothing lays out sensibly; a smaller COLUMNS is raised.
MIN_WIDTH = 20


# Patterns are compiled on first use: piped output, with no style in it,
# never needs them, and each costs a command a little start-up time.
@cache
def sgr() -> re.Pattern[str]:
    """Match any SGR sequence (colours and text styles)."""
    return re.compile(r"\x1b\[[0-9;]*m")


@cache
def _ours() -> re.Pattern[str]:
    """Match only the sequences this module writes: a reset, or its own codes."""
    code = "|".join(re.escape(c) for c in sorted(CODES.values(), key=len)[::-1])
    return re.compile(rf"\x1b\[(?:0|(?:{code})(?:;(?:{code}))*)m")


def colour_wanted() -> bool:
    """Say whether to style output: stdout is a terminal and NO_COLOR is unset."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # no stdout, or a closed one
        return False


def styled(text: str, *styles: Style) -> str:
    """Return ``text`` in the given styles, or as it is when not styling."""
    if not text or not styles or not colour_wanted():
        return text
    codes = ";".join(CODES[s] for s in styles)
    return f"\x1b[{codes}m{text}{RESET}"


def bold(text: str) -> str:
    """Return ``text`` in bold (at a terminal)."""
    return styled(text, "bold")


def dim(text: str) -> str:
    """Return ``text`` dimmed (at a terminal)."""
    return styled(text, "dim")


def italic(text: str) -> str:
    """Return ``text`` in italics (at a terminal)."""
    return styled(text, "italic")


def coloured(text: str, colour: Colour, strong: bool = False) -> str:
    """Return ``text`` in a colour, bold too when ``strong`` (at a terminal)."""
    return styled(text, colour, "bold") if strong else styled(text, colour)


def clean(text: str) -> str:
    """Make text safe to lay out: control characters become '?', tabs spaces.

    Only the style sequences this module writes survive, and only while
    styling; a person's text can move no cursor and set no window title.
    """
    text = text.replace("\t", " ")
    if "\x1b" not in text or not colour_wanted():
        return plain(text)
    kept, start = [], 0
    for match in _ours().finditer(text):
        kept += [plain(text[start : match.start()]), match.group()]
        start = match.end()
    kept.append(plain(text[start:]))
    return "".join(kept)


def visible(text: str) -> str:
    """Return ``text`` without its style sequences."""
    return sgr().sub("", text) if "\x1b" in text else text


def char_width(char: str) -> int:
    """Return how many terminal cells one character takes: 0, 1 or 2."""
    if char.isascii() or "\u2500" <= char <= "\u25fc":
        return 1  # box drawing, blocks and shapes (the borders, bars, sparklines)
    import unicodedata

    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0  # combining marks, zero-width and direction marks
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width_of(text: str) -> int:
    """Return the cells ``text`` takes on a terminal, style sequences ignored."""
    text = visible(text)
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def terminal_width() -> int:
    """Return the width to lay out to: COLUMNS, else the terminal's, else 80.

    The same rule as ``shutil.get_terminal_size``, without importing shutil
    (and with it bz2, lzma and fnmatch) on every command.
    """
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.stdout.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return max(columns or DEFAULT_WIDTH, MIN_WIDTH)
