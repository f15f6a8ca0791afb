"""Browse the knowledge base: `muscles`, `regions`, `conditions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli.consult_commands import JSON
from knotwork.cli.grammar import arg, command
from knotwork.cli.output import echo, emit_json, fail

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork


@command(
    arg("muscle_id", nargs="?", metavar="ID", help="Show one muscle in full."),
    JSON,
)
def muscles(core: Knotwork, muscle_id: str | None, as_json: bool) -> None:
    """List the muscles knotwork knows, or show one in full.

    Example: knotwork muscles infraspinatus
    """
    from knotwork.services.knowledge import muscle_detail, muscle_summaries

    if muscle_id is None:
        data = muscle_summaries()
        if as_json:
            emit_json(data)
            return
        from knotwork.cli.layout import Table, show
        from knotwork.domain.names import name_of

        table = Table(("id", "name", "refers pain to"), title=f"{len(data)} muscles")
        for m in data:
            zones = {name_of(r) for tp in m["trigger_points"] for r in tp["primary"]}
            table.add_row(m["id"], m["name"], "; ".join(sorted(zones)))
        show(table.render())
        return
    try:
        detail = muscle_detail(muscle_id)
    except KeyError:
        fail(f"unknown muscle '{muscle_id}'.", "List them with: knotwork muscles")
    if as_json:
        emit_json(detail)
        return
    from knotwork.cli.render_kb import print_muscle

    print_muscle(detail)


@command(JSON)
def regions(core: Knotwork, as_json: bool) -> None:
    """List the body-region ids used by --region and --area.

    Example: knotwork regions
    """
    from knotwork.services.knowledge import region_list

    data = region_list()
    if as_json:
        emit_json(data)
        return
    for r in data:
        echo(f"{r['id']:<24} {r['name']}")


@command(JSON)
def conditions(core: Knotwork, as_json: bool) -> None:
    """List the condition and red-flag ids the safety screen knows.

    Example: knotwork conditions
    """
    from knotwork.services.knowledge import safety_list

    data = safety_list()
    if as_json:
        emit_json(data)
        return
    for kind in ("condition", "red_flag"):
        echo(f"{kind.replace('_', ' ')}s:")
        for item in data:
            if item["kind"] == kind:
                echo(f"  {item['id']:<36} {item['verdict']:<16} {item['name']}")


COMMANDS = (muscles, regions, conditions)
