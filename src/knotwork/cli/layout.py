"""Lay text out for a terminal: wrapped paragraphs, boxed panels and tables.

Every function measures in terminal cells and ignores style sequences (see
``knotwork.cli.style``), so styled and plain output wrap alike. Nothing is
cut off: a word longer than the width is folded, and a table too wide for
the width is shown as one short record per row instead of a crushed grid.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Iterable, Sequence
from typing import TextIO

from knotwork.cli.style import (
    RESET,
    Colour,
    bold,
    clean,
    dim,
    sgr,
    styled,
    terminal_width,
    visible,
    width_of,
)

# What starts a list item; its continuation lines line up after it.
MARKERS = ("-", "*", "•", "->")
# A grid column squeezed below this many cells, and below 60% of what it
# wants, reads worse than the same row shown as a record.
NARROWEST = 20
GAP = "  "


def say(text: str = "", file: TextIO | None = None) -> None:
    """Print text wrapped to the terminal's width."""
    lines = wrap(text, terminal_width())
    (file or sys.stdout).write("\n".join(lines) + "\n")


def show(*blocks: str, file: TextIO | None = None) -> None:
    """Print blocks already laid out (panels, tables), one after another."""
    out = file or sys.stdout
    for block in blocks:
        out.write(block + "\n")


def wrap(text: str, width: int) -> list[str]:
    """Return ``text`` as lines no wider than ``width`` cells.

    Line breaks in the text are kept, words break at spaces, a list item's
    continuation lines line up after its marker ("- ", "1. ", "-> "), and a
    word wider than the line is folded. A style that runs over a line break
    is closed at the end of the line and opened again on the next.
    (``textwrap`` counts characters, so it would count style codes as text
    and a wide character as one cell; this counts cells.)
    """
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines += _wrap_paragraph(paragraph, max(1, width))
    return _carry_styles(lines)


def _wrap_paragraph(text: str, width: int) -> list[str]:
    if width_of(text) <= width:
        return [text.rstrip(" ")]
    hang = _hanging(visible(text))
    hang = hang if hang * 2 <= width else 0
    out: list[str] = []
    line: list[str] = []
    used, gap, has_word = 0, "", False

    def flush(indent: int) -> None:
        nonlocal line, used
        if visible("".join(line)).strip():
            out.append("".join(line).rstrip(" "))
        line, used = [" " * indent], indent

    for token in _tokens(text):
        if token[0] == " ":
            if has_word:
                gap = token
            else:  # the first line's own indent
                line.append(token)
                used += len(token)
            continue
        size = width_of(token)
        if has_word and used + len(gap) + size <= width:
            line += [gap, token]
            used += len(gap) + size
        elif not has_word and used + size <= width:
            line.append(token)
            used += size
        else:
            if has_word:
                flush(hang)
            while size > width - used:  # wider than the line: fold it
                head, token = _fold(token, width - used)
                if not visible(head):  # not one character fits after the indent
                    token = head + token
                    if used == 0:  # a wide character on a line of one cell
                        head, token = _fold(token, 2)
                    else:
                        flush(0)
                        continue
                line.append(head)
                flush(hang)
                size = width_of(token)
            line.append(token)
            used += size
        has_word, gap = True, ""
    out.append("".join(line).rstrip(" "))
    return out


def _hanging(text: str) -> int:
    """Return the cells before a list item's text: its indent and marker."""
    item = text.lstrip(" ")
    indent = len(text) - len(item)
    marker, space, rest = item.partition(" ")
    numbered = marker[:-1].isdigit() and marker.endswith(".")
    if not space or not (marker in MARKERS or numbered):
        return indent
    return len(text) - len(rest.lstrip(" "))


def _tokens(text: str) -> list[str]:
    """Split text into words and the runs of spaces between them."""
    tokens: list[str] = []
    spaces = 0
    for part in text.split(" "):
        if not part:
            spaces += 1
            continue
        if spaces:
            tokens.append(" " * spaces)
        tokens.append(part)
        spaces = 1
    return tokens


def _fold(word: str, room: int) -> tuple[str, str]:
    """Split a word after as many cells as fit in ``room``; the head may be empty."""
    used, cut = 0, 0
    for piece in re.findall(r"\x1b\[[0-9;]*m|.", word, re.S):
        size = width_of(piece)
        if used + size > room:
            break
        used += size
        cut += len(piece)
    return word[:cut], word[cut:]


def _carry_styles(lines: list[str]) -> list[str]:
    """Close a style at each line's end and reopen it on the next line."""
    out, active = [], ""
    for line in lines:
        if not active and "\x1b" not in line:
            out.append(line)
            continue
        text = active + line
        for match in sgr().finditer(line):
            code = match.group()
            active = "" if code == RESET else active + code
        out.append(text + RESET if active else text)
    return out


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - width_of(text))
    return space + text if right else text + space


def _centred(text: str, width: int) -> str:
    return " " * max(0, (width - width_of(text)) // 2) + text


def panel(
    body: str,
    title: str = "",
    colour: Colour | None = None,
    width: int | None = None,
) -> str:
    """Return ``body`` in a rounded box as wide as the line, its title on top.

    A title too long for the top border heads the box instead, ruled off
    from the text below it.
    """
    width = width or terminal_width()
    inner = max(1, width - 4)
    title = clean(title).replace("\n", " ")
    label = f" {title} " if title else ""

    def edge(text: str) -> str:
        return styled(text, colour) if colour else text

    def rows(text: str) -> list[str]:
        return [
            f"{edge('│')} {_pad(line, inner)} {edge('│')}" for line in wrap(text, inner)
        ]

    heading: list[str] = []
    if width_of(label) > width - 4:
        heading = [*rows(bold(title)), edge("├" + "─" * (width - 2) + "┤")]
        label = ""
    fill = width - 2 - width_of(label)
    named = styled(label, colour, "bold") if colour else bold(label)
    top = edge("╭" + "─" * (fill // 2)) + named + edge("─" * (fill - fill // 2) + "╮")
    bottom = edge("╰" + "─" * (width - 2) + "╯")
    return "\n".join([top, *heading, *rows(body), bottom])


class Table:
    """Rows under column headers, laid out as a grid or, when narrow, records.

    ``right`` names the columns to right-justify; ``heading`` is how many
    leading columns name a row when it is shown as a record.
    """

    def __init__(
        self,
        headers: Sequence[str],
        title: str = "",
        caption: str = "",
        right: Collection[str] = (),
        show_header: bool = True,
        lines: bool = False,
        title_left: bool = False,
        heading: int = 1,
    ) -> None:
        self.headers = [clean(h) for h in headers]
        self.title, self.caption = clean(title), clean(caption)
        self.right = [h in right for h in headers]
        self.show_header, self.lines = show_header, lines
        self.title_left, self.heading = title_left, heading
        self.rows: list[list[str]] = []

    def add_row(self, *cells: str) -> None:
        """Add a row; a cell may hold several lines."""
        if len(cells) != len(self.headers):
            raise ValueError(f"{len(cells)} cells for {len(self.headers)} columns")
        self.rows.append([clean(c) for c in cells])

    def render(self, width: int | None = None) -> str:
        """Return the table laid out to fit ``width`` (default: the terminal)."""
        width = width or terminal_width()
        widths = self._grid_widths(width)
        return "\n".join(self._grid(widths, width) if widths else self._records(width))

    def _grid_widths(self, width: int) -> list[int] | None:
        """Return each column's width, or None when a grid would not read well."""
        shown = [
            [header] * self.show_header + [row[i] for row in self.rows]
            for i, header in enumerate(self.headers)
        ]
        wants = [max([1, *(_longest_line(c) for c in cells)]) for cells in shown]
        needs = [max([1, *(_longest_word(c) for c in cells)]) for cells in shown]
        room = width - 3 * len(wants) - 1
        if sum(wants) <= room:
            return wants
        if sum(needs) > room:
            return None

        # Shrink the widest columns to one level, none below its longest word.
        def at(level: int) -> list[int]:
            return [max(n, min(w, level)) for n, w in zip(needs, wants, strict=True)]

        level = max(wants)
        while sum(at(level)) > room:
            level -= 1
        widths = at(level)
        for i, want in enumerate(wants):
            if sum(widths) < room and widths[i] < want:
                widths[i] += 1
        squeezed = any(
            w < want and w < NARROWEST and w * 5 < want * 3
            for w, want in zip(widths, wants, strict=True)
        )
        return None if squeezed else widths

    def _grid(self, widths: list[int], width: int) -> list[str]:
        def rule(left: str, fill: str, cross: str, right: str) -> str:
            return left + cross.join(fill * (w + 2) for w in widths) + right

        def row(cells: Sequence[str], bar: str, header: bool = False) -> list[str]:
            wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
            out = []
            for n in range(max(len(w) for w in wrapped)):
                parts = [
                    _pad(bold(w[n]) if header else w[n], size, right)
                    if n < len(w)
                    else " " * size
                    for w, size, right in zip(wrapped, widths, self.right, strict=True)
                ]
                out.append(bar + " " + f" {bar} ".join(parts) + " " + bar)
            return out

        total = sum(widths) + 3 * len(widths) + 1
        out = self._title(total, width)
        if self.show_header:
            out.append(rule("┏", "━", "┳", "┓"))
            out += row(self.headers, "┃", header=True)
            out.append(rule("┡", "━", "╇", "┩"))
        else:
            out.append(rule("┌", "─", "┬", "┐"))
        for i, cells in enumerate(self.rows):
            if i and self.lines:
                out.append(rule("├", "─", "┼", "┤"))
            out += row(cells, "│")
        out.append(rule("└", "─", "┴", "┘"))
        if self.caption:
            out += [_centred(c, total) for c in wrap(dim(self.caption), width)]
        return out

    def _title(self, total: int, width: int) -> list[str]:
        if not self.title:
            return []
        lines = wrap(bold(self.title), width)
        if self.title_left or len(lines) > 1:
            return lines
        return [_centred(lines[0], total)]

    def _records(self, width: int) -> list[str]:
        """Show each row as its name in bold, then one labelled line per cell.

        Records are set apart by blank lines, and the last one by a blank line
        from what follows.
        """
        out = self._title(0, width)
        if out:
            out.append("─" * min(width, max(width_of(line) for line in out)))
        for n, cells in enumerate(self.rows):
            if n:
                out.append("")
            name, rest = cells[: self.heading], cells[self.heading :]
            if len(name) > 1 and visible(name[0]).isdigit():
                name = [f"{name[0]}.", *name[1:]]
            out += wrap(bold(" ".join(c for c in name if c)), width)
            if self.show_header:
                labels = self.headers[self.heading :]
                out += fields(zip(labels, rest, strict=True), width, indent=2)
            else:
                out += _indented(GAP.join(c for c in rest if c), 2, width)
        if self.caption:
            out += ["", *wrap(dim(self.caption), width)]
        return [*out, ""]


def fields(
    pairs: Iterable[tuple[str, str]], width: int, indent: int = 0, gap: str = GAP
) -> list[str]:
    """Return labelled values, the values lined up after the longest label.

    Pairs with no value are left out; a value with no label takes a line of
    its own. When the labels would leave the values less than half the width,
    each label goes on a line of its own, its value indented below it.
    """
    pairs = [(label, value) for label, value in pairs if visible(value).strip()]
    label_width = max([0, *(width_of(label) for label, _ in pairs)])
    start = indent + label_width + len(gap)
    inline = start * 2 <= width
    start = start if inline else indent + 2
    out = []
    for label, value in pairs:
        if not label:
            out += _indented(value, indent, width)
        elif inline:
            text = _indented(value, start, width)
            text[0] = " " * indent + _pad(label, label_width) + gap + text[0][start:]
            out += text
        else:
            out += [" " * indent + label, *_indented(value, start, width)]
    return out


def _indented(text: str, indent: int, width: int) -> list[str]:
    return [" " * indent + line for line in wrap(text, max(1, width - indent))]


def _longest_line(cell: str) -> int:
    return max(width_of(line) for line in cell.split("\n"))


def _longest_word(cell: str) -> int:
    return max([0, *(width_of(word) for word in visible(cell).split())])
