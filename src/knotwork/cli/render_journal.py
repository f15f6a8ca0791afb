"""The journal and the profile for people at a terminal."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from knotwork.cli.layout import Table, fields, say, show
from knotwork.cli.style import bold, terminal_width
from knotwork.domain.names import name_of, position_words

if TYPE_CHECKING:
    from typing import TextIO

    from knotwork.domain.journal.records import Profile, SessionRecord
    from knotwork.services.journal import History


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%a %Y-%m-%d %H:%M")


def _session_summary(record: SessionRecord) -> str:
    parts = []
    for spot, before in record.pain_before.items():
        after = record.pain_after.get(spot)
        parts.append(
            f"{name_of(spot)} {before}" + ("" if after is None else f" -> {after}")
        )
    done = sum(1 for s in record.steps if not s.skipped)
    parts.append(f"{done}/{len(record.steps)} steps")
    if record.stop is not None:
        parts.append(f"stopped: {name_of(record.stop.sign)}")
    elif not record.completed:
        parts.append("not finished")
    return "; ".join(parts)


def print_history(found: History, out: TextIO | None = None) -> None:
    """Show every entry and session as one timeline, oldest first."""
    if not (found.pain or found.rom or found.sessions):
        say("Nothing logged yet. Start with: knotwork log pain SPOT 0-10", out)
        return
    rows: list[tuple[datetime, str, str, str, str]] = []
    for p in found.pain:
        where = name_of(p.spot) + (f" ({p.side})" if p.side else "")
        extra = "; ".join(x for x in (p.activity, p.note) if x)
        rows.append((p.at, "pain", where, f"{p.pain}/10", extra))
    for r in found.rom:
        measure = f"{r.degrees:g} deg" if r.degrees is not None else f"ease {r.ease}"
        what = f"re-test {r.phase}" if r.phase else "re-test"
        where = r.movement + (f" ({r.side})" if r.side else "")
        rows.append((r.at, what, where, measure, r.note or ""))
    for s in found.sessions:
        routine = name_of(s.routine)
        rows.append((s.started_at, "session", routine, "", _session_summary(s)))
    table = Table(("When", "What", "Where", "Score", "Notes"), title="Journal")
    for at, *rest in sorted(rows, key=lambda row: row[0]):
        # The table makes a person's text safe: a note holding ESC shows '?'.
        table.add_row(_local(at), *rest)
    show(table.render(), file=out)


def _health_words(person: Profile) -> str:
    """Say the health screen's answers and what they mean today."""
    from knotwork.domain.safety.health_facts import (
        AGE_BAND_NAMES,
        MEDICINE_CLASS_NAMES,
        medicine_class,
    )
    from knotwork.services.health import screen_of

    facts = person.health
    if not facts.answered:
        return "not answered yet (knotwork profile health)"
    today = date.today()
    parts = []
    if facts.age_band:
        parts.append(f"aged {AGE_BAND_NAMES[facts.age_band]}")
    weeks = facts.weeks_pregnant(today)
    parts.append(f"{weeks} weeks pregnant" if weeks is not None else "not pregnant")
    after = facts.weeks_since_birth(today)
    if after is not None:
        parts.append(f"gave birth {after} week{'s' * (after != 1)} ago")
    for medicine in facts.medicines:
        kind = medicine_class(medicine)
        kind_words = f" ({MEDICINE_CLASS_NAMES[kind]})" if kind else ""
        parts.append(f"takes {medicine}{kind_words}")
    implied = screen_of(person, today).conditions
    extra = [name_of(c) for c in implied if c not in person.conditions]
    said = "; ".join(parts) + f" (answered {facts.screened_on})"
    notes = facts.to_ask_again(today)
    if extra:
        said += ". Counts today: " + ", ".join(extra)
    return " ".join([said, *notes])


def print_profile(person: Profile, out: TextIO | None = None) -> None:
    """Show the profile as a short list."""
    cleared = set(person.cleared)
    conditions = [
        name_of(c) + (" (cleared)" if c in cleared else "") for c in person.conditions
    ]
    balls = [
        name_of(b.ball) + (f" (bought {b.purchased})" if b.purchased else "")
        for b in person.balls
    ]
    lines = {
        "Health screen": _health_words(person),
        "Conditions": ", ".join(conditions) or "none",
        "Tolerance": person.tolerance,
        "Experience": person.experience,
        "Balls": ", ".join(balls) or "none recorded",
        "Positions": ", ".join(position_words(p) for p in person.positions) or "none",
        "Training days": ", ".join(person.training_days) or "none",
    }
    pairs = [(bold(f"{label}:"), value) for label, value in lines.items()]
    show(*fields(pairs, terminal_width(), gap=" "), file=out)
