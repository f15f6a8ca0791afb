"""The interactive start: where it hurts, is it safe, where it comes from, then act.

Before any advice it asks the red-flag questions a clinician would ask for
the areas described, and answers change the verdict. After the answer it
carries on as a person would expect: start a short session for the likeliest
source, or log how much it hurts now, or stop.
Piped input is read line by line, so the whole loop also runs without a TTY.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from knotwork.cli.output import fail

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from knotwork.cli.session_runner import Lines
    from knotwork.domain.safety.health_screen import HealthScreen
    from knotwork.services.consult import Consultation
    from knotwork.services.core import Knotwork

CHOICES = {"p": "press", "s": "session", "l": "log", "q": "quit"}
# A yes can bring new questions; a person answers a handful at most, so a few
# rounds always settle it.
MAX_ROUNDS = 4


def guided_start(core: Knotwork, speed: float = 1.0) -> None:
    """Ask where it hurts, show safety, sources and treatment, then offer to act."""
    from rich.console import Console

    from knotwork.cli.render import print_consultation
    from knotwork.cli.session_runner import Lines
    from knotwork.domain.safety.health_screen import TextTooLong
    from knotwork.services.health import ScreenUnavailable

    out = Console(highlight=False)
    lines = None if sys.stdin.isatty() else Lines()
    if lines is None:
        out.print("[bold]knotwork[/] - let's find where that pain comes from.\n")
    if lines is None:
        _screen_once(core)
    text = _ask("Where does it hurt? Describe it in your own words", lines, out)
    if not text:
        fail(
            "nothing to go on.", 'Try: knotwork where "ache between my shoulder blades"'
        )
    try:
        person = core.screen()
    except ScreenUnavailable as exc:
        fail(f"{exc}")

    def ask(question: str) -> bool | None:
        if lines is not None:  # piped: show the question the answer belongs to
            out.print(f"{question} (yes/no)")
        reply = _ask(f"{question} (yes/no)", lines, out).lower()
        return {"yes": True, "y": True, "no": False, "n": False}.get(reply)

    try:
        answer = ask_until_settled(core, text, person, ask, out.print)
    except TextTooLong as exc:
        fail(f"{exc}.")
    if not answer.understood:
        fail(
            f"I couldn't place '{text[:80]}' on the body.",
            'Try naming the spot, e.g. "back of my head", "outer elbow", "heel".',
        )
    print_consultation(answer)
    if not answer.safety.advice_allowed or not answer.finding.candidates:
        return
    pressed = False
    while True:
        session = _session_offer(core, answer)
        press = "" if pressed else "[bold]p[/] confirm the source by pressing, "
        out.print(
            f"\nWhat next? {press}{session}"
            "[bold]l[/] log how much it hurts now, [bold]q[/] quit."
        )
        keys = ("" if pressed else "p, ") + ("s, " if session else "") + "l or q"
        choice = CHOICES.get((_ask(keys, lines, out) or "q")[:1].lower(), "quit")
        if choice == "session" and not session:
            choice = "quit"
        if choice != "press" or pressed:
            break
        pressed = True
        answer = _press_to_confirm(core, answer, text, person, lines, out)
    if choice == "session":
        _session(core, answer, text, lines, out, speed)
    elif choice == "log":
        _log(core, answer, lines, out)


def _screen_once(core: Knotwork) -> None:
    """Ask the health screen the first time a person uses the guided start.

    Only at a terminal: a script piping answers has not agreed to more
    questions, and `knotwork profile health` answers it there.
    """
    from knotwork.cli.guided_screen import ask_health_screen, screen_answers

    if core.profile().health.answered:
        return
    core.journal.set_health(screen_answers(ask_health_screen()))


def _ask(question: str, lines: Lines | None, out: Console) -> str:
    if lines is None:
        from rich.prompt import Prompt

        return Prompt.ask(question, console=out, default="").strip()
    return (lines.answer() or "").strip()


def _press_to_confirm(
    core: Knotwork,
    answer: Consultation,
    text: str,
    person: HealthScreen,
    lines: Lines | None,
    out: Console,
) -> Consultation:
    """Ask the person to press each top candidate's trigger point, then re-rank."""
    from knotwork.cli.render import print_consultation
    from knotwork.domain.finder.ranking import (
        PRESS_CONFIRM_COUNT,
        PRESS_NOTE,
        PRESS_QUESTION,
    )

    out.print(f"\n[bold]Confirm by pressing.[/] {PRESS_NOTE}")
    confirmed: list[str] = []
    ruled_out: list[str] = []
    for candidate in answer.finding.candidates[:PRESS_CONFIRM_COUNT]:
        point = core.kb.muscle(candidate.muscle).trigger_points[0]
        out.print(f"\nPress the {candidate.name.lower()}: {point.location}.")
        question = f"{PRESS_QUESTION} (yes/no/not sure)"
        if lines is not None:  # piped: show the question the answer belongs to
            out.print(question)
        said = _ask(question, lines, out).lower()
        if said in ("yes", "y"):
            confirmed.append(candidate.muscle)
        elif said in ("no", "n"):
            ruled_out.append(candidate.muscle)
    if not confirmed and not ruled_out:
        return answer
    again = core.consult(text, screen=person, confirmed=confirmed, ruled_out=ruled_out)
    out.print("\n[bold]After pressing:[/]")
    print_consultation(again)
    return again


def _side(answer: Consultation) -> str | None:
    side = answer.finding.side
    return side if side in ("left", "right") else None


def _session_offer(core: Knotwork, answer: Consultation) -> str:
    """Offer a session only for sources safety lets a routine work."""
    targets = answer.routine_targets()
    if not targets:
        return ""
    names = " and ".join(core.kb.muscle(t).name for t in targets)
    return f"[bold]s[/] start a short session for {names}, "


def _session(
    core: Knotwork,
    answer: Consultation,
    text: str,
    lines: Lines | None,
    out: Console,
    speed: float,
) -> None:
    from knotwork.cli.render_routine import print_routine
    from knotwork.cli.session_runner import run_session

    routine = core.routine(
        targets=answer.routine_targets(),
        context="desk-break",
        side=_side(answer),
        text=text,
    )
    if not routine.steps:
        print_routine(routine)
        return
    record = run_session(routine, lines is not None, speed, out, lines)
    core.save_session(record)
    out.print("[dim]Saved to your journal.[/]")


def _log(
    core: Knotwork, answer: Consultation, lines: Lines | None, out: Console
) -> None:
    from datetime import UTC, datetime

    from knotwork.cli.session_runner import ask_score
    from knotwork.domain.journal.records import PainEntry

    top = answer.finding.candidates[0]
    score = ask_score(f"How much does {top.name} hurt now", lines, out)
    if score is None:
        out.print("Nothing logged.")
        return
    entry = PainEntry(top.muscle, score, datetime.now(UTC), side=_side(answer))
    core.journal.log_pain(entry)
    out.print(f"Logged pain {score}/10 at {top.name}.")


def ask_until_settled(
    core: Knotwork,
    text: str,
    person: HealthScreen,
    ask: Callable[[str], bool | None],
    say: Callable[[str], None],
) -> Consultation:
    """Consult, asking each screening question before any advice is given.

    A question left unanswered (no reply, or neither yes nor no) stays open,
    and the safety panel lists it.
    """
    answer = core.consult(text, screen=person)
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
        answer = core.consult(text, screen=person)
    return answer
