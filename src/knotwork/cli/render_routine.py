"""A routine for people at a terminal: safety, then its steps and timings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli.layout import Table, say, show
from knotwork.cli.render import print_safety
from knotwork.cli.style import bold, dim
from knotwork.domain.names import count, name_of, position_words

if TYPE_CHECKING:
    from typing import TextIO

    from knotwork.domain.routines.model import Routine


def print_routine(routine: Routine, out: TextIO | None = None) -> None:
    """Show safety, then the steps with timings, then what was left out."""
    print_safety(routine.safety, out)
    if routine.message:
        say(bold(routine.message), out)
    if not routine.steps:
        return
    minutes, seconds = divmod(routine.total_seconds, 60)
    table = Table(
        ("#", "Spot", "Where", "Ball", "Time", "Pressure", "How"),
        title=f"{routine.name} - {minutes}:{seconds:02d}",
        caption=f"{count(routine.position_changes, 'position change')}, "
        f"{routine.pressure_share:.0%} of the time under pressure",
        right=("#",),
        heading=2,
    )
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
    show(table.render(), file=out)
    for d in routine.dropped:
        say(dim(f"Left out {name_of(d.target)}: {d.reason}"), out)
