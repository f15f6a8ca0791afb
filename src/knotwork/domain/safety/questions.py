"""The red-flag questions a clinician would ask, and the standing caveats.

Free text can never settle safety on its own, so each body area carries short
yes/no questions (kept as data, each with its flag and source). A question is
asked when its area is named or implied, when the text raised its flag only
as a question or a hypothetical, and never when the text or an answer already
settled it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from knotwork.kb.loader import load_kb

if TYPE_CHECKING:
    from knotwork.domain.safety.rules import Detection

EVERYWHERE = "*"


class Question(NamedTuple):
    """A yes/no screening question, the flag a yes raises, and why it is asked."""

    id: str
    text: str
    flag: str
    why: str
    areas: tuple[str, ...] = ()
    answered_by: tuple[str, ...] = ()

    def to_json(self) -> dict[str, str]:
        """Return the documented JSON form."""
        return {"id": self.id, "text": self.text, "flag": self.flag, "why": self.why}


@cache
def screening_questions() -> dict[str, Question]:
    """Return every screening question by id, in the order they are asked."""
    return {
        q.id: Question(
            id=q.id,
            text=q.text,
            flag=q.flag,
            why=f"{q.why} ({q.source})",
            areas=q.areas,
            answered_by=q.answered_by,
        )
        for q in load_kb().screening.questions
    }


def named_regions(named: Mapping[str, list[str]]) -> set[str]:
    """Return every region the named areas cover."""
    return {region for covered in named.values() for region in covered}


def questions_to_ask(
    questions: Mapping[str, Question],
    regions: Iterable[str],
    detection: Detection,
    found: Mapping[str, str],
    answers: Mapping[str, bool],
    set_aside: Iterable[Any],
) -> list[Question]:
    """Return the unanswered questions that matter for these regions and words."""
    regions = set(regions)
    unsure = {
        a.id
        for a in set_aside
        if a.because.startswith(("asked as a question", "hypothetical"))
    }
    asked = []
    for q in questions.values():
        if q.id in answers or q.flag in found:
            continue
        if set(q.answered_by) & detection.mentioned:
            continue
        relevant = EVERYWHERE in q.areas or bool(regions & set(q.areas))
        if relevant or q.flag in unsure:
            asked.append(q)
    return asked


def organ_caveats(regions: Iterable[str]) -> list[str]:
    """Return the standing caveats for regions where organs can mimic a knot."""
    regions = set(regions)
    caveats = load_kb().screening.caveats
    return [c.text for c in caveats if regions & set(c.regions)]
