"""Ask the health screen in the terminal, one question at a time.

The questions are the domain's ``SCREEN_PROMPTS``, the same ones the web form
and the API take, so every surface asks the same thing in the same words.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from knotwork.domain.safety.health_facts import ScreenAnswers


def ask_health_screen(read: Callable[[str], str] | None = None) -> dict[str, str]:
    """Ask every screen question; return the plain-text answers.

    ``read`` shows a question and returns the reply; by default the terminal
    prompts, and piped input is read a line per question.
    """
    from knotwork.domain.safety.health_facts import SCREEN_PROMPTS

    if read is None:
        read = _terminal_reader()
    # Prompts go to stderr so `--json` output on stdout stays clean.
    print(
        "A few questions, asked once, so the advice fits you. You can change\n"
        "the answers any time with `knotwork profile health`.",
        file=sys.stderr,
    )
    return {p.id: read(f"{p.text} ({p.hint})").strip() for p in SCREEN_PROMPTS}


def screen_answers(answers: Mapping[str, str]) -> ScreenAnswers:
    """Read the answers with the one parser every surface uses."""
    from knotwork.domain.safety.health_facts import read_screen

    return read_screen(answers)


def _terminal_reader() -> Callable[[str], str]:
    if sys.stdin.isatty():
        from rich.console import Console
        from rich.prompt import Prompt

        # On stderr, like the rest of the screen, so stdout holds only results.
        asker = Console(stderr=True)
        return lambda question: Prompt.ask(question, default="", console=asker)

    def from_pipe(question: str) -> str:
        print(question, file=sys.stderr)
        return sys.stdin.readline().rstrip("\n")

    return from_pipe
