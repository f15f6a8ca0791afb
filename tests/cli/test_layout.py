"""Plain terminal layout: wrapping, panels, tables and styles that fit the width."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.cli import layout, style
from knotwork.cli.layout import Table, fields, panel, wrap
from knotwork.cli.style import bold, clean, coloured, dim, styled, visible, width_of

ESC = "\x1b"


class Terminal(io.StringIO):
    """A stdout that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make stdout a terminal, with colour allowed.

    Called in the test itself: pytest sets its own stdout after fixtures run.
    """
    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)


def widest(text: str) -> int:
    return max(width_of(line) for line in text.split("\n"))


def test_styles_are_plain_text_when_stdout_is_not_a_terminal() -> None:
    # Under pytest stdout is captured: no terminal, so no escape codes.
    assert bold("Safety") == "Safety"
    assert coloured("Stop", "red", strong=True) == "Stop"
    assert dim("") == ""


def test_styles_are_ansi_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    at_a_terminal(monkeypatch)
    assert bold("x") == "\x1b[1mx\x1b[0m"
    assert styled("x", "bold", "red") == "\x1b[1;31mx\x1b[0m"
    assert coloured("x", "dark_orange") == "\x1b[38;5;208mx\x1b[0m"


def test_no_color_turns_styles_off_even_at_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at_a_terminal(monkeypatch)
    assert bold("x") != "x"
    monkeypatch.setenv("NO_COLOR", "1")
    assert bold("x") == "x"
    assert ESC not in panel(coloured("x", "red"), "Title", colour="red", width=30)


def test_width_ignores_style_codes_and_counts_wide_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at_a_terminal(monkeypatch)
    assert width_of(bold("knot")) == 4
    assert width_of(styled("knot", "bold", "dark_orange") + " ok") == 7
    assert width_of("足底") == 4  # two wide characters
    assert width_of("e\u0301") == 1  # a combining accent takes no cell
    assert visible(dim("a") + bold("b")) == "ab"


def test_a_styled_line_wraps_as_the_plain_one_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at_a_terminal(monkeypatch)
    text = "Areas: calf: " + bold("keep the ball off") + "; neck: " + bold("go gently")
    styled_lines = wrap(text, 20)
    assert [visible(line) for line in styled_lines] == wrap(visible(text), 20)
    # A style running over a break is closed, then opened again.
    assert all(line.count(ESC) % 2 == 0 for line in styled_lines)
    assert styled_lines[1].startswith("\x1b[1m") or ESC not in styled_lines[1]


def test_wrap_breaks_at_spaces_and_lines_up_list_items() -> None:
    text = "- Did this start with a fall, an accident or a blow? (any_trauma)"
    assert wrap(text, 30) == [
        "- Did this start with a fall,",
        "  an accident or a blow?",
        "  (any_trauma)",
    ]
    assert wrap("1. one two three four", 12) == ["1. one two", "   three", "   four"]
    assert wrap("first\n\nsecond", 40) == ["first", "", "second"]


def test_a_long_unbreakable_word_is_folded_not_lost() -> None:
    word = "supercalifragilistic" * 5
    lines = wrap(f"see {word} now", 15)
    assert all(width_of(line) <= 15 for line in lines)
    assert "".join(lines).replace(" ", "") == f"see{word}now"
    assert wrap("足" * 9, 5) == ["足足", "足足", "足足", "足足", "足"]


def test_a_persons_text_cannot_send_terminal_commands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at_a_terminal(monkeypatch)
    hostile = "note \x1b]0;title\x07 \x1b[2J \x9b31m done"
    assert ESC not in clean(hostile) and "\x9b" not in clean(hostile)
    # The module's own styles survive around it.
    laid_out = "\n".join(wrap(bold("Note:") + " " + hostile, 80))
    assert "\x1b[1mNote:\x1b[0m" in laid_out
    assert "\x1b]" not in laid_out and "\x1b[2J" not in laid_out


def test_a_panel_boxes_its_text_to_the_width_with_the_title_on_top() -> None:
    box = panel("A line long enough that it has to wrap inside.", "Safety", width=24)
    lines = box.split("\n")
    assert lines[0] == "╭─────── Safety ───────╮"
    assert lines[-1] == "╰" + "─" * 22 + "╯"
    assert all(width_of(line) == 24 for line in lines)
    assert all(line.startswith("│ ") and line.endswith(" │") for line in lines[1:-1])
    assert " ".join(visible(box).replace("│", "").split()).startswith(
        "╭─────── Safety ───────╮ A line long enough that it has to wrap inside."
    )


def test_a_title_too_long_for_the_border_goes_inside_the_panel() -> None:
    box = panel("body", "How to work Finger extensors (extensor digitorum)", width=30)
    assert box.split("\n") == [
        "╭" + "─" * 28 + "╮",
        "│ How to work Finger         │",
        "│ extensors (extensor        │",
        "│ digitorum)                 │",
        "├" + "─" * 28 + "┤",
        "│ body                       │",
        "╰" + "─" * 28 + "╯",
    ]


def sources() -> Table:
    table = Table(
        ("#", "Muscle", "Why"),
        title="Likely sources",
        caption="Side: right",
        right=("#",),
        heading=2,
    )
    table.add_row("1", "Wrist extensors", "Outside of the elbow: main referral zone")
    table.add_row("10", "Supinator", "You mentioned 'tennis elbow'")
    return table


def test_a_table_that_fits_is_a_grid_with_headers_and_right_justified_numbers() -> None:
    text = sources().render(80)
    lines = text.split("\n")
    assert lines[0].strip() == "Likely sources"
    assert lines[1].startswith("┏━━━━┳")
    assert "┃  # ┃ Muscle" in lines[2]
    assert "│  1 │ Wrist extensors │ Outside of the elbow: main referral zone │" in text
    assert "│ 10 │ Supinator" in text
    assert lines[-1].strip() == "Side: right"
    assert widest(text) <= 80


def test_a_table_shrinks_its_widest_column_to_fit() -> None:
    text = sources().render(50)
    assert widest(text) <= 50
    assert "│  1 │ Wrist extensors │" in text
    words = " ".join(visible(text).replace("│", " ").split())
    assert "Outside of the elbow:" in words


def test_a_table_too_narrow_for_a_grid_becomes_records() -> None:
    text = sources().render(24)
    assert widest(text) <= 24
    assert "┃" not in text and "│" not in text
    lines = text.split("\n")
    assert lines[:3] == ["Likely sources", "──────────────", "1. Wrist extensors"]
    assert "  Why  Outside of the" in lines
    assert "10. Supinator" in lines
    assert "Side: right" in lines


def test_records_leave_out_empty_cells_and_keep_multiline_ones() -> None:
    table = Table(("When", "Score", "Notes"))
    table.add_row("Mon 2025-03-03 09:00", "4/10", "")
    table.add_row("Tue 2025-03-04 09:00", "3/10", "after a long run\nslept badly")
    text = table.render(20)
    assert "Notes" not in text.split("Tue")[0]
    tuesday = text.split("Tue")[1].split("\n")
    assert tuesday[2:] == [
        "  Notes  after a",
        "         long run",
        "         slept badly",
        "",
    ]


def test_fields_line_values_up_after_the_longest_label() -> None:
    pairs = [("Balls:", "Lacrosse ball"), ("Training days:", "none")]
    assert fields(pairs, 60, gap=" ") == [
        "Balls:         Lacrosse ball",
        "Training days: none",
    ]
    narrow = fields(pairs, 24, gap=" ")
    assert narrow[0] == "Balls:" and narrow[1].strip() == "Lacrosse ball"


def test_say_wraps_to_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    out = io.StringIO()
    layout.say("Meaningful change: at least 2 points or 30% from baseline.", out)
    assert out.getvalue().split("\n")[:2] == [
        "Meaningful change: at least 2",
        "points or 30% from baseline.",
    ]


def test_the_width_comes_from_columns_else_80(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "123")
    assert style.terminal_width() == 123
    monkeypatch.setenv("COLUMNS", "5")
    assert style.terminal_width() == style.MIN_WIDTH
    monkeypatch.delenv("COLUMNS")
    assert style.terminal_width() == 80  # stdout is not a terminal under pytest


# Text with the awkward parts of real output: spaces, list markers, line
# breaks, wide and combining characters, long words.
PIECES = [*"ab cde-1.  \n足é\u0301■", "x" * 30]
TEXT = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@given(TEXT, st.integers(min_value=2, max_value=120))
def test_no_wrapped_line_is_wider_than_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(width_of(line) <= width for line in lines)
    # Only spaces are dropped (at breaks) or added (as indents).
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


@given(TEXT, st.text(max_size=60), st.integers(min_value=6, max_value=120))
def test_every_panel_line_is_exactly_the_width(
    body: str, title: str, width: int
) -> None:
    lines = panel(body, title, width=width).split("\n")
    assert all(width_of(line) == width for line in lines)


@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda n: st.lists(st.lists(TEXT, min_size=n, max_size=n), max_size=4)
    ),
    st.integers(min_value=20, max_value=160),
    st.booleans(),
)
def test_no_table_line_is_wider_than_the_width(
    rows: list[list[str]], width: int, show_header: bool
) -> None:
    columns = len(rows[0]) if rows else 3
    table = Table(
        [f"Column {i}" for i in range(columns)],
        title="A title that is rather long for a narrow terminal",
        caption="a caption",
        show_header=show_header,
        lines=True,
    )
    for row in rows:
        table.add_row(*row)
    assert widest(table.render(width)) <= width
