"""The interactive start: ask where it hurts, screen it, explain the top source."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from knotwork.cli.output import fail

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from knotwork.domain.health_screen import HealthScreen
    from knotwork.services.consult import Consultation

# Red-flag questions can raise new ones (a yes may reveal another area); a
# person answers a handful at most, so a few rounds always settle it.
MAX_ROUNDS = 4


def guided_start() -> None:
    """Ask where it hurts, ask the red-flag questions, then advise."""
    from rich.console import Console
    from rich.prompt import Prompt

    from knotwork.cli.render import print_consultation
    from knotwork.domain.health_screen import TextTooLong
    from knotwork.services.health import ScreenUnavailable, saved_screen

    out = Console(highlight=False)
    interactive = sys.stdin.isatty()
    if not interactive:
        text = sys.stdin.readline().strip()
    else:
        out.print("[bold]knotwork[/] - let's find where that pain comes from.\n")
        text = Prompt.ask("Where does it hurt? Describe it in your own words")
    if not text:
        fail(
            "nothing to go on.", 'Try: knotwork where "ache between my shoulder blades"'
        )
    try:
        person = saved_screen(os.environ)
    except ScreenUnavailable as exc:
        fail(f"{exc}")

    def ask(question: str) -> bool | None:
        if interactive:
            reply = Prompt.ask(question, choices=["yes", "no"])
        else:
            out.print(f"{question} (yes/no)")
            reply = sys.stdin.readline().strip().lower()
        return {"yes": True, "y": True, "no": False, "n": False}.get(reply)

    try:
        answer = ask_until_settled(text, person, ask, out.print)
    except TextTooLong as exc:
        fail(f"{exc}.")
    if not answer.understood:
        fail(
            f"I couldn't place '{text[:80]}' on the body.",
            'Try naming the spot, e.g. "back of my head", "outer elbow", "heel".',
        )
    print_consultation(answer, out)
    if answer.safety.advice_allowed and answer.finding.candidates:
        from knotwork.services.consult import consult

        confirmed, ruled_out = _press_to_confirm(answer, out)
        if confirmed or ruled_out:
            out.print("\n[bold]After pressing:[/]")
            again = consult(
                text, screen=person, confirmed=confirmed, ruled_out=ruled_out
            )
            print_consultation(again, out)


def _press_to_confirm(
    answer: Consultation, out: Console
) -> tuple[list[str], list[str]]:
    """Ask the person to press each top candidate's trigger point; yes/no/not sure."""
    from rich.prompt import Prompt

    from knotwork.domain.finder import PRESS_CONFIRM_COUNT, PRESS_NOTE, PRESS_QUESTION
    from knotwork.kb.loader import load_kb

    interactive = sys.stdin.isatty()
    out.print(f"\n[bold]Confirm by pressing.[/] {PRESS_NOTE}")
    confirmed: list[str] = []
    ruled_out: list[str] = []
    for candidate in answer.finding.candidates[:PRESS_CONFIRM_COUNT]:
        point = load_kb().muscle(candidate.muscle).trigger_points[0]
        out.print(f"\nPress the {candidate.name.lower()}: {point.location}.")
        if interactive:
            said = Prompt.ask(
                PRESS_QUESTION, choices=["yes", "no", "not sure"], default="not sure"
            )
        else:
            said = sys.stdin.readline().strip().lower() or "not sure"
            out.print(f"{PRESS_QUESTION} {said}")
        if said in ("yes", "y"):
            confirmed.append(candidate.muscle)
        elif said in ("no", "n"):
            ruled_out.append(candidate.muscle)
    return confirmed, ruled_out


def ask_until_settled(
    text: str,
    person: HealthScreen,
    ask: Callable[[str], bool | None],
    say: Callable[[str], None],
) -> Consultation:
    """Consult, asking each screening question before any advice is given.

    An unanswered question (no reply, or one that is neither yes nor no)
    stays unanswered, and the advice says it is still open.
    """
    from knotwork.services.consult import consult

    answer = consult(text, screen=person)
    skipped: set[str] = set()
    for _ in range(MAX_ROUNDS):
        open_questions = [q for q in answer.safety.questions if q.id not in skipped]
        if not open_questions or not answer.understood:
            break
        say("[bold]Before any advice, a few questions a clinician would ask:[/]")
        replies: dict[str, bool] = {}
        for q in open_questions:
            reply = ask(q.text)
            if reply is None:
                skipped.add(q.id)
            else:
                replies[q.id] = reply
        if not replies:
            break
        person = person.adding(answers=replies)
        answer = consult(text, screen=person)
    return answer
