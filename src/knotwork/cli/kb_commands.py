"""Browse the knowledge base: `muscles`, `regions`, `conditions`."""

from __future__ import annotations

from typing import Annotated

import typer

from knotwork.cli.output import emit_json, fail


def register(app: typer.Typer) -> None:
    """Add the knowledge-base browsing commands to the app."""
    app.command()(muscles)
    app.command()(regions)
    app.command()(conditions)


def muscles(
    muscle_id: Annotated[str | None, typer.Argument(help="Show one muscle.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Machine-readable output.")
    ] = False,
) -> None:
    """List the muscles knotwork knows, or show one in full.

    Example: knotwork muscles infraspinatus
    """
    from knotwork.services.knowledge import muscle_detail, muscle_summaries

    if muscle_id is None:
        data = muscle_summaries()
        if as_json:
            emit_json(data)
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(data)} muscles")
        for col in ("id", "name", "refers pain to"):
            table.add_column(col)
        for m in data:
            zones = sorted({r for tp in m["trigger_points"] for r in tp["primary"]})
            table.add_row(m["id"], m["name"], ", ".join(zones))
        Console().print(table)
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


def regions(
    as_json: Annotated[
        bool, typer.Option("--json", help="Machine-readable output.")
    ] = False,
) -> None:
    """List the body-region ids used by --region and --area.

    Example: knotwork regions
    """
    from knotwork.services.knowledge import region_list

    data = region_list()
    if as_json:
        emit_json(data)
        return
    for r in data:
        typer.echo(f"{r['id']:<24} {r['name']}")


def conditions(
    as_json: Annotated[
        bool, typer.Option("--json", help="Machine-readable output.")
    ] = False,
) -> None:
    """List the condition and red-flag ids the safety screen knows.

    Example: knotwork conditions
    """
    from knotwork.services.knowledge import safety_list

    data = safety_list()
    if as_json:
        emit_json(data)
        return
    for kind in ("condition", "red_flag"):
        typer.echo(f"{kind.replace('_', ' ')}s:")
        for item in data:
            if item["kind"] == kind:
                typer.echo(f"  {item['id']:<36} {item['verdict']:<16} {item['name']}")
