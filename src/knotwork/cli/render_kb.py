"""Knowledge-base entries for people at a terminal."""

from __future__ import annotations

from typing import Any

from knotwork.cli.layout import panel, show
from knotwork.cli.style import bold, dim


def print_muscle(m: dict[str, Any]) -> None:
    """Show one muscle: where it is, where it refers, how to work it."""
    lines = [
        f"{dim('Also called:')} {', '.join(m['lay_names'])}",
        f"{bold('Where:')} {m['location']}",
        f"{bold('Find it:')} {m['how_to_find']}",
        bold("Trigger points:"),
    ]
    for tp in m["trigger_points"]:
        spill = f"; spillover {', '.join(tp['spillover'])}" if tp["spillover"] else ""
        lines.append(
            f"  - {tp['location']}: refers to {', '.join(tp['primary'])}{spill}"
        )
    lines.append(f"{bold('Typical:')} {'; '.join(m['symptoms'])}")
    lines.append(f"{bold('Aggravated by:')} {'; '.join(m['aggravators'])}")
    if m["co_triggers"]:
        lines.append(f"{bold('Co-triggers with:')} {', '.join(m['co_triggers'])}")
    show(panel("\n".join(lines), title=m["name"]))
    for t in m["techniques"]:
        steps = "\n".join(f"{i}. {s}" for i, s in enumerate(t["steps"], 1))
        keep = "; ".join(k["name"] for k in t["keep_off"])
        body = (
            f"{t['position']} | balls: {'/'.join(t['ball_sizes'])}, "
            f"{'/'.join(t['densities'])} | {t['protocol']} "
            f"{t['hold_seconds'][0]}-{t['hold_seconds'][1]} s\n{steps}\n"
            f"Add: {t['movement']}" + (f"\nKeep off: {keep}" if keep else "")
        )
        show(panel(body, title=t["name"]))
    if m["ball_note"]:
        show(panel(m["ball_note"], title="When a ball is the wrong tool"))
