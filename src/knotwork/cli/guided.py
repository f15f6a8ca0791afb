"""The interactive start: where it hurts, is it safe, where it comes from, then act.

After the answer it carries on as a person would expect: start a short
session for the likeliest source, or log how much it hurts now, or stop.
Piped input is read line by line, so the whole loop also runs without a TTY.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from knotwork.cli.output import fail

if TYPE_CHECKING:
    from rich.console import Console

    from knotwork.cli.session_runner import Lines
    from knotwork.services.consult import Consultation

CHOICES = {"s": "session", "l": "log", "q": "quit"}


def guided_start(speed: float = 1.0) -> None:
    """Ask where it hurts, show safety, sources and treatment, then offer to act."""
    from rich.console import Console

    from knotwork.cli.render import print_consultation
    from knotwork.cli.session_runner import Lines
    from knotwork.services.consult import consult

    out = Console(highlight=False)
    lines = None if sys.stdin.isatty() else Lines()
    if lines is None:
        out.print("[bold]knotwork[/] - let's find where that pain comes from.\n")
    text = _ask("Where does it hurt? Describe it in your own words", lines, out)
    if not text:
        fail(
            "nothing to go on.", 'Try: knotwork where "ache between my shoulder blades"'
        )
    answer = consult(text)
    if not answer.understood:
        fail(
            f"I couldn't place '{text}' on the body.",
            'Try naming the spot, e.g. "back of my head", "outer elbow", "heel".',
        )
    print_consultation(answer, out)
    if not answer.safety.advice_allowed or not answer.finding.candidates:
        return
    top = answer.finding.candidates[0]
    out.print(
        f"\nWhat next? [bold]s[/] start a short session for {top.name}, "
        "[bold]l[/] log how much it hurts now, [bold]q[/] quit."
    )
    choice = CHOICES.get((_ask("s, l or q", lines, out) or "q")[:1].lower(), "quit")
    if choice == "session":
        _session(answer, text, lines, out, speed)
    elif choice == "log":
        _log(answer, lines, out)


def _ask(question: str, lines: Lines | None, out: Console) -> str:
    if lines is None:
        from rich.prompt import Prompt

        return Prompt.ask(question, console=out, default="").strip()
    return (lines.answer() or "").strip()


def _side(answer: Consultation) -> str | None:
    side = answer.finding.side
    return side if side in ("left", "right") else None


def _session(
    answer: Consultation, text: str, lines: Lines | None, out: Console, speed: float
) -> None:
    from knotwork.cli.journal_commands import opened_journal, saved_profile
    from knotwork.cli.render_routine import print_routine
    from knotwork.cli.session_runner import run_session
    from knotwork.services.routines import make_routine

    routine = make_routine(
        targets=[answer.finding.candidates[0].muscle],
        context="desk-break",
        side=_side(answer),
        text=text,
        profile=saved_profile(),
    )
    if not routine.steps:
        print_routine(routine, out)
        return
    record = run_session(routine, lines is not None, speed, out, lines)
    with opened_journal() as journal:
        journal.save_session(record)
    out.print("[dim]Saved to your journal.[/]")


def _log(answer: Consultation, lines: Lines | None, out: Console) -> None:
    from datetime import UTC, datetime

    from knotwork.cli.journal_commands import opened_journal
    from knotwork.cli.session_runner import ask_score
    from knotwork.domain.records import PainEntry

    top = answer.finding.candidates[0]
    score = ask_score(f"How much does {top.name} hurt now", lines, out)
    if score is None:
        out.print("Nothing logged.")
        return
    entry = PainEntry(top.muscle, score, datetime.now(UTC), side=_side(answer))
    with opened_journal() as journal:
        journal.log_pain(entry)
    out.print(f"Logged pain {score}/10 at {top.name}.")
