"""Consultations for people at a terminal: safety, likely sources, treatment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli.layout import Table, panel, say, show
from knotwork.cli.style import Colour, bold, coloured, dim, italic
from knotwork.domain.names import area_words, name_of, position_words, strength
from knotwork.domain.safety.verdict import HEADLINES, SafetyResult

if TYPE_CHECKING:
    from typing import TextIO

    from knotwork.domain.treatment.prescription import Treatment
    from knotwork.services.consult import Consultation

COLOURS: dict[str, Colour] = {
    "ok": "green",
    "modify": "yellow",
    "clinician_first": "dark_orange",
    "stop": "red",
}


def print_safety(result: SafetyResult, out: TextIO | None = None) -> None:
    """Show the verdict, urgent red flags first, then questions still to answer."""
    colour = COLOURS[result.verdict]
    lines = [coloured(HEADLINES[result.verdict], colour, strong=True)]
    for reason in result.reasons:
        tag = "URGENT " if reason.urgent else ""
        kind = "warning sign" if reason.kind == "red_flag" else "condition"
        source = f'({kind}; from: "{reason.matched}")'
        lines.append(f"\n{bold(tag + reason.name)} {dim(source)}\n{reason.advice}")
    if not result.reasons:
        lines.append("No warning signs or limiting conditions found in what you said.")
    limited = {a: v for a, v in result.areas.items() if v != "ok"}
    if limited:
        lines.append(
            "\nAreas: "
            + "; ".join(
                f"{name_of(a)}: {bold(area_words(v))}"
                for a, v in sorted(limited.items())
            )
        )
    for caveat in result.caveats:
        lines.append(f"\n{italic(caveat)}")
    if result.questions:
        lines.append("\n" + bold("Before any advice, please answer:"))
        lines += [f"- {q.text} {dim(f'({q.id})')}" for q in result.questions]
    if result.set_aside:
        lines.append("\n" + dim("Noticed but not counted:"))
        for aside in result.set_aside:
            lines.append(dim(f'- {aside.name}: "{aside.matched}", {aside.because}'))
    show(panel("\n".join(lines), title="Safety", colour=colour), file=out)


def print_consultation(answer: Consultation, out: TextIO | None = None) -> None:
    """Show safety first, then the likely sources, then how to treat the top one."""
    print_safety(answer.safety, out)
    finding = answer.finding
    table = Table(
        ("#", "Muscle", "Match", "Why"),
        title="Likely sources",
        caption=f"Side: {finding.side}" if finding.side else "",
        right=("#",),
        heading=2,
    )
    for i, c in enumerate(finding.candidates[:7], 1):
        table.add_row(str(i), c.name, _bar(c.score), c.why)
    show(table.render(), file=out)
    if answer.avoided_source:
        name = name_of(answer.avoided_source)
        say(
            bold(
                f"Your likeliest source, {name}, lies in an area to keep off."
                " Ask your clinician about it first;"
            )
            + " knotwork will not suggest working a different muscle in its place.",
            out,
        )
    if not answer.safety.advice_allowed:
        say(
            coloured(
                "Self-treatment advice is withheld until the warning signs "
                "above have been checked by a clinician.",
                "red",
                strong=True,
            ),
            out,
        )
    elif answer.treatment:
        print_treatment(answer.treatment, out)


def _bar(score: float) -> str:
    """Show a 0-1 finder score as five blocks and a word."""
    filled = round(max(0.0, min(score, 1.0)) * 5)
    return "\u25a0" * filled + "\u25a1" * (5 - filled) + f" {strength(score)}"


def print_treatment(t: Treatment, out: TextIO | None = None) -> None:
    """Show how to work one muscle with a ball."""
    if t.technique is None:
        title = f"{t.name}: a ball is the wrong tool"
        if t.note:
            show(panel(t.note, title=title), file=out)
        else:  # no box with nothing in it
            say(bold(title), out)
        return
    lines = [
        f"{bold(t.technique)} - {position_words(t.position or '')}, "
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
        lines.append(dim(t.note))
    body = "\n".join(x for x in lines if x)
    show(panel(body, title=f"How to work {t.name}"), file=out)
