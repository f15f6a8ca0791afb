"""Validate the knowledge files: the pydantic schema, then every cross-reference.

Run by ``make kb`` after editing ``kb/data`` and by the tests; the program
itself never imports this module, so pydantic stays off a command's path.

    python -m knotwork.kb.build
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from pydantic import ValidationError

from knotwork.kb import schema
from knotwork.kb.loader import (
    load_figure_sites,
    load_kb,
    load_routines,
    raw_figure_sites,
    raw_knowledge,
    raw_routines,
)
from knotwork.kb.models import (
    BuiltinRoutine,
    Claim,
    Condition,
    EscalationRule,
    FigureSites,
    KnowledgeBase,
    RedFlag,
    StopSign,
)


def validate() -> tuple[schema.KnowledgeBase, list[schema.BuiltinRoutine]]:
    """Validate every knowledge file against the schema; raise ``ValidationError``."""
    kb = schema.KnowledgeBase.model_validate(raw_knowledge())
    routines = [schema.BuiltinRoutine.model_validate(r) for r in raw_routines()]
    schema.FigureSites.model_validate(raw_figure_sites())
    return kb, routines


def _unknown(ids: Iterable[str | None], known: set[str], where: str) -> list[str]:
    return [
        f"{where}: unknown id '{i}'" for i in ids if i is not None and i not in known
    ]


def cross_reference_problems(
    kb: KnowledgeBase,
    routines: Iterable[BuiltinRoutine],
    sites: FigureSites,
) -> list[str]:
    """Return every id that points at nothing, each with where it was found."""
    regions = {r.id for r in kb.regions}
    muscles = {m.id for m in kb.muscles}
    keep_off = {k.id for k in kb.keep_off}
    studies = {s.id for s in kb.studies}
    conditions = {c.id for c in kb.conditions}
    flags = conditions | {f.id for f in kb.red_flags}
    concepts = set(kb.safety_patterns.concepts)
    problems: list[str] = []
    if conditions & {f.id for f in kb.red_flags}:
        problems.append("a condition and a red flag share an id")
    for section, known in (("regions", regions), ("muscles", muscles)):
        problems += _unknown(kb.vocabulary[section], known, f"vocabulary.{section}")
    segments = {s.id: set(s.next_to) for s in kb.segments}
    problems += _unknown((r.segment for r in kb.regions), set(segments), "regions")
    for seg, near in segments.items():
        problems += _unknown(near, set(segments), f"segments.{seg}")
        # Meeting goes both ways: the shin meets the knee as the knee the shin.
        problems += [
            f"segments.{seg}: {other} does not name it back"
            for other in near
            if seg not in segments.get(other, {seg})
        ]
    for m in kb.muscles:
        problems += _unknown(m.regions, regions, f"{m.id}.regions")
        problems += _unknown(m.co_triggers, muscles, f"{m.id}.co_triggers")
        for tp in m.trigger_points:
            problems += _unknown(tp.primary + tp.spillover, regions, tp.id)
        for t in m.techniques:
            problems += _unknown(t.keep_off, keep_off, t.id)
    for b in kb.balls:
        problems += _unknown(b.best_regions, regions, b.id)
    for c in kb.conditions:
        limits = c.limits
        areas = (*c.areas, *limits.modify_areas, *limits.no_sustained_pressure)
        problems += _unknown(areas, regions, c.id)
        for p in limits.positions:
            problems += _unknown(p.regions, regions, f"{c.id}.{p.id}")
    cited: list[Condition | RedFlag | Claim] = [*kb.conditions, *kb.red_flags]
    for item in [*cited, *kb.claims]:
        problems += _unknown(item.evidence, studies, f"{item.id}.evidence")
    for rule in kb.safety_patterns.rules:
        problems += _unknown([rule.flag], flags, "safety rule")
        slots = (*rule.all, *rule.anywhere, *rule.none, *rule.none_anywhere)
        words = [c for slot in slots for c in slot.split("|")]
        problems += _unknown(words, concepts, f"rule for {rule.flag}")
    hidden = list(kb.safety_patterns.look_alikes)
    problems += _unknown(hidden, concepts, "look-alikes")
    pointers: list[EscalationRule | StopSign] = [*kb.escalation_rules]
    for e in [*pointers, *kb.stop_signs]:
        problems += _unknown([e.red_flag], flags, e.id)
    for w in kb.lexicon.general:
        problems += _unknown(w.regions, regions, f"lexicon word {w.phrases[0]!r}")
    for s in kb.lexicon.syndromes:
        problems += _unknown(s.regions, regions, s.id)
        problems += _unknown(s.muscles, muscles, s.id)
    for q in kb.screening.questions:
        problems += _unknown([q.flag], flags, q.id)
        problems += _unknown(q.areas, regions | {"*"}, q.id)
    for caveat in kb.screening.caveats:
        problems += _unknown(caveat.regions, regions, "organ caveat")
    for routine in routines:
        targets = [s.target for s in routine.steps]
        problems += _unknown(targets, muscles, routine.id)
    for muscle_id, by_point in sites.sites.items():
        problems += _unknown([muscle_id], muscles, "figure sites")
        problems += _unknown([s.region for s in by_point.values()], regions, muscle_id)
    return problems


def main() -> int:
    """Validate the knowledge files; print what is wrong and return 1, or 0."""
    try:
        validate()
    except ValidationError as error:
        print(f"knowledge files break the schema:\n{error}", file=sys.stderr)
        return 1
    kb = load_kb()
    routines = load_routines().values()
    problems = cross_reference_problems(kb, routines, load_figure_sites())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(
        f"knowledge base ok: {len(kb.muscles)} muscles, {len(kb.regions)} regions, "
        f"{len(kb.balls)} balls, {len(kb.conditions)} conditions, "
        f"{len(kb.red_flags)} red flags, {len(routines)} routines"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
