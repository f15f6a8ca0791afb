"""Rich rendering of the journal and the profile. Imported only when needed."""

from __future__ import annotations

from datetime import date, datetime

from rich.console import Console
from rich.table import Table
from rich.text import Text

from knotwork.cli.output import plain
from knotwork.domain.journal.records import Profile, SessionRecord
from knotwork.domain.names import name_of, position_words
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


def print_history(found: History, out: Console | None = None) -> None:
    """Show every entry and session as one timeline, oldest first."""
    out = out or Console(highlight=False)
    if not (found.pain or found.rom or found.sessions):
        out.print("Nothing logged yet. Start with: knotwork log pain SPOT 0-10")
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
    table = Table(title="Journal")
    for column in ("When", "What", "Where", "Score", "Notes"):
        table.add_column(column)
    for at, *rest in sorted(rows, key=lambda row: row[0]):
        # Text, not markup: a note saying "[red]" or holding ESC prints as is.
        table.add_row(_local(at), *(Text(plain(cell)) for cell in rest))
    out.print(table)


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


def print_profile(person: Profile, out: Console | None = None) -> None:
    """Show the profile as a short list."""
    out = out or Console(highlight=False)
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
        "Positions": ", ".join(position_words(p) for p in person.positions),
        "Training days": ", ".join(person.training_days) or "none",
    }
    for label, value in lines.items():
        out.print(Text.assemble((f"{label}:", "bold"), " ", plain(value)))
