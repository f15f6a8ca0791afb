"""The interactive start: ask where it hurts, screen it, explain the top source."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from knotwork.cli.output import fail

if TYPE_CHECKING:
    from rich.console import Console

    from knotwork.services.consult import Consultation


def guided_start() -> None:
    """Ask where it hurts, then show safety, sources and how to treat."""
    from rich.console import Console
    from rich.prompt import Prompt

    from knotwork.cli.render import print_consultation
    from knotwork.services.consult import consult

    out = Console(highlight=False)
    if not sys.stdin.isatty():
        text = sys.stdin.readline().strip()
    else:
        out.print("[bold]knotwork[/] - let's find where that pain comes from.\n")
        text = Prompt.ask("Where does it hurt? Describe it in your own words")
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
    if answer.safety.advice_allowed and answer.finding.candidates:
        confirmed, ruled_out = _press_to_confirm(answer, out)
        if confirmed or ruled_out:
            out.print("\n[bold]After pressing:[/]")
            print_consultation(
                consult(text, confirmed=confirmed, ruled_out=ruled_out), out
            )


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
