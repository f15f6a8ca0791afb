"""Rich rendering of a routine."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from knotwork.cli.render import print_safety
from knotwork.domain.names import count, name_of, position_words
from knotwork.domain.routines.model import Routine


def print_routine(routine: Routine, out: Console | None = None) -> None:
    """Show safety, then the steps with timings, then what was left out."""
    out = out or Console(highlight=False)
    print_safety(routine.safety, out)
    if routine.message:
        out.print(f"[bold]{routine.message}[/]")
    if not routine.steps:
        return
    minutes, seconds = divmod(routine.total_seconds, 60)
    table = Table(
        title=f"{routine.name} - {minutes}:{seconds:02d}",
        caption=f"{count(routine.position_changes, 'position change')}, "
        f"{routine.pressure_share:.0%} of the time under pressure",
    )
    for col in ("#", "Spot", "Where", "Ball", "Time", "Pressure", "How"):
        table.add_column(col)
    for i, s in enumerate(routine.steps, 1):
        spot = name_of(s.target or s.kind)
        if s.side:
            spot += f" ({s.side})"
        how = s.instructions[0]
        if s.movement:
            how += f" Add: {s.movement.rstrip('.')}."
        table.add_row(
            str(i),
            spot,
            position_words(s.position),
            name_of(s.ball) if s.ball else "-",
            f"{s.seconds}s",
            s.pressure or "-",
            how,
        )
    out.print(table)
    for d in routine.dropped:
        out.print(f"[dim]Left out {name_of(d.target)}: {d.reason}[/]")
