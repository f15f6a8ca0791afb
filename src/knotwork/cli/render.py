"""Rich rendering for people at a terminal. Imported only when needed."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from knotwork.domain.names import area_words, name_of, position_words, strength
from knotwork.domain.safety.verdict import HEADLINES, SafetyResult
from knotwork.domain.treatment.prescription import Treatment
from knotwork.services.consult import Consultation

COLOURS = {
    "ok": "green",
    "modify": "yellow",
    "clinician_first": "dark_orange",
    "stop": "red",
}


def console() -> Console:
    """Return a console on stdout."""
    return Console(highlight=False)


def print_safety(result: SafetyResult, out: Console | None = None) -> None:
    """Show the verdict, urgent red flags first, then questions still to answer."""
    out = out or console()
    colour = COLOURS[result.verdict]
    lines = [f"[bold {colour}]{HEADLINES[result.verdict]}[/]"]
    for reason in result.reasons:
        tag = "URGENT " if reason.urgent else ""
        kind = "warning sign" if reason.kind == "red_flag" else "condition"
        lines.append(
            f"\n[bold]{tag}{reason.name}[/] [dim]({kind}; from: "
            f'"{reason.matched}")[/]\n{reason.advice}'
        )
    if not result.reasons:
        lines.append("No warning signs or limiting conditions found in what you said.")
    limited = {a: v for a, v in result.areas.items() if v != "ok"}
    if limited:
        lines.append(
            "\nAreas: "
            + "; ".join(
                f"{name_of(a)}: [bold]{area_words(v)}[/]"
                for a, v in sorted(limited.items())
            )
        )
    for caveat in result.caveats:
        lines.append(f"\n[italic]{caveat}[/]")
    if result.questions:
        lines.append("\n[bold]Before any advice, please answer:[/]")
        lines += [f"- {q.text} [dim]({q.id})[/]" for q in result.questions]
    if result.set_aside:
        lines.append("\n[dim]Noticed but not counted:[/]")
        lines += [
            f'[dim]- {a.name}: "{a.matched}", {a.because}[/]' for a in result.set_aside
        ]
    out.print(Panel("\n".join(lines), title="Safety", border_style=colour))


def print_consultation(answer: Consultation, out: Console | None = None) -> None:
    """Show safety first, then the likely sources, then how to treat the top one."""
    out = out or console()
    print_safety(answer.safety, out)
    finding = answer.finding
    table = Table(title="Likely sources", show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("Muscle")
    table.add_column("Match")
    table.add_column("Why")
    for i, c in enumerate(finding.candidates[:7], 1):
        table.add_row(str(i), c.name, _bar(c.score), c.why)
    if finding.side:
        table.caption = f"Side: {finding.side}"
    out.print(table)
    if answer.avoided_source:
        name = name_of(answer.avoided_source)
        out.print(
            f"[bold]Your likeliest source, {name}, lies in an area to keep off."
            " Ask your clinician about it first;[/] knotwork will not suggest"
            " working a different muscle in its place."
        )
    if not answer.safety.advice_allowed:
        out.print(
            "[bold red]Self-treatment advice is withheld until the warning signs "
            "above have been checked by a clinician.[/]"
        )
    elif answer.treatment:
        print_treatment(answer.treatment, out)


def _bar(score: float) -> str:
    """Show a 0-1 finder score as five blocks and a word."""
    filled = round(max(0.0, min(score, 1.0)) * 5)
    return "\u25a0" * filled + "\u25a1" * (5 - filled) + f" {strength(score)}"


def print_treatment(t: Treatment, out: Console | None = None) -> None:
    """Show how to work one muscle with a ball."""
    out = out or console()
    if t.technique is None:
        out.print(Panel(t.note or "", title=f"{t.name}: a ball is the wrong tool"))
        return
    lines = [
        f"[bold]{t.technique}[/] - {position_words(t.position or '')}, "
        f"{t.ball} ball" + (f", {t.side} side" if t.side else ""),
        f"Pressure {t.pressure}. Hold {t.hold_seconds[0]}-{t.hold_seconds[1]} s a spot."
        if t.hold_seconds
        else "",
    ]
    lines += [f"{i}. {step}" for i, step in enumerate(t.steps, 1)]
    if t.movement:
        lines.append(f"Add: {t.movement}")
    if t.keep_off:
        lines.append("Keep off: " + "; ".join(t.keep_off))
    if t.note:
        lines.append(f"[dim]{t.note}[/]")
    out.print(Panel("\n".join(x for x in lines if x), title=f"How to work {t.name}"))
