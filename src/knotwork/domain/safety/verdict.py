"""Decide whether self-treatment is safe, from free text and stated conditions.

The screen errs towards caution on warning signs and away from alarm on
ordinary soreness: every concept mention is checked for negation ("no
tingling") and for look-alike phrases ("fell asleep"), and a rule fires only
when all of its parts appear together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from knotwork.domain.language.understanding import Reader, default_reader
from knotwork.domain.safety.clearances import (
    ANY_CLEARANCE,
    cleared_in_text,
    still_healing,
)
from knotwork.domain.safety.health_screen import check_text
from knotwork.domain.safety.mention import Mention
from knotwork.domain.safety.placed_elsewhere import far_from_the_work
from knotwork.domain.safety.questions import (
    Question,
    named_regions,
    organ_caveats,
    questions_to_ask,
    screening_questions,
)
from knotwork.domain.safety.read_mentions import age_mentions, read_mentions
from knotwork.domain.safety.rules import detect
from knotwork.errors import KnotworkError
from knotwork.kb.loader import load_kb
from knotwork.kb.models import Condition, KnowledgeBase
from knotwork.kb.record import asdict, field, record, replace

VERDICTS = ("ok", "modify", "clinician_first", "stop")
# What each verdict tells the person first. A clinician-first answer leads
# with the clinician; any self-care comes after it.
HEADLINES = {
    "stop": "Stop: don't treat this yourself. Get medical help as the advice says.",
    "clinician_first": "Ask your clinician first, before any firm ball work.",
    "modify": "Go gently: lighter pressure, a softer or larger ball, areas to avoid.",
    "ok": "Nothing found that rules out careful ball work.",
}
AREA_VERDICTS = ("ok", "modify", "avoid")


# Conditions that only tell the rules an age; they never change a verdict.
AGE_ONLY = ("age_50_plus",)


class UnknownId(KnotworkError):
    """A condition or area id that knotwork does not know."""


@record
class Reason:
    """One thing that changed the verdict, with what to do about it."""

    id: str
    kind: str
    name: str
    verdict: str
    advice: str
    urgent: bool
    matched: str


@record
class SetAside:
    """A flag the text mentioned that did not count, and why."""

    id: str
    name: str
    matched: str
    because: str


@record(frozen=False)
class SafetyResult:
    """The verdict, the reasons behind it and a verdict per area."""

    verdict: str
    reasons: list[Reason]
    areas: dict[str, str] = field(default_factory=dict)
    set_aside: list[SetAside] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)

    @property
    def red_flags(self) -> list[Reason]:
        """Reasons that are red flags, urgent ones first."""
        flags = [r for r in self.reasons if r.kind == "red_flag"]
        return sorted(flags, key=lambda r: not r.urgent)

    def to_json(self) -> dict[str, Any]:
        """Return the one JSON form of a verdict, shared by the CLI and the API."""
        return {
            "verdict": self.verdict,
            "headline": HEADLINES[self.verdict],
            "reasons": [asdict(r) for r in self.reasons],
            "areas": self.areas,
            "set_aside": [asdict(a) for a in self.set_aside],
            "questions": [q.to_json() for q in self.questions],
            "caveats": self.caveats,
        }

    @property
    def advice_allowed(self) -> bool:
        """Whether self-treatment advice may be shown at all."""
        return self.verdict != "stop" and not self.red_flags


def worst(verdicts: Iterable[str], scale: tuple[str, ...] = VERDICTS) -> str:
    """Return the most cautious verdict of several."""
    return max(verdicts, key=scale.index, default=scale[0])


def check_safety(
    text: str = "",
    conditions: Iterable[str] = (),
    areas: Iterable[str] = (),
    cleared: Iterable[str] = (),
    reader: Reader | None = None,
    answers: Mapping[str, bool] | None = None,
) -> SafetyResult:
    """Screen text, stated conditions and answers; return the verdict and reasons.

    ``cleared`` names conditions a clinician has cleared for ball work; they
    then count at their ``cleared_verdict`` instead. ``answers`` maps screening
    question ids to yes (True) or no (False). Age-only conditions from the
    health screen ("age_50_plus") inform the rules but are not reasons.
    """
    check_text(text)
    answers = dict(answers or {})
    questions = screening_questions()
    unknown = set(answers) - set(questions)
    if unknown:
        raise UnknownId(f"unknown question: {sorted(unknown)[0]}")
    mentions: list[Mention] = []
    own_ages: list[int] = []
    # Where the text turns ("..., but"): words and their sentences.
    turns: list[tuple[int, int]] = []
    asking: set[int] = set()  # sentences that end with a question mark
    if text.strip() or reader is not None:
        reader = reader or default_reader()
        kb = reader.kb
        mentions, annotation = read_mentions(text, reader)
        own_ages = annotation.own_ages()
        turns = [(t.word, t.sentence) for t in annotation.every if t.turns]
        asking = {t.sentence for t in annotation.every if t.asks}
    else:
        # Nothing to read (a routine or plan from the profile alone): the
        # reader's tables are not built for it.
        kb = load_kb()
    mentions += age_mentions(conditions)
    detection = detect(mentions, kb.safety_patterns.rules, own_ages)
    found = detection.found
    for flag in AGE_ONLY:
        found.pop(flag, None)
    for condition in conditions:
        if condition in AGE_ONLY:
            continue
        if not isinstance(kb.flag(condition), Condition):
            raise UnknownId(f"unknown condition: {condition}")
        found.setdefault(condition, "stated in your profile")
    for qid, yes in answers.items():
        if yes:
            found.setdefault(
                questions[qid].flag, f"you answered yes: {questions[qid].text}"
            )
    _keep_most_specific(found)
    cleared_set = set(cleared)
    # "The surgeon has cleared me for massage": what the text tells of there
    # is cleared, as a clinician's clearance in the profile would be.
    cleared_set |= cleared_in_text(
        mentions, detection.sources, set(conditions), turns, asking
    )
    reasons = []
    for flag_id, matched in found.items():
        info = kb.flag(flag_id)
        assert info is not None, flag_id  # every rule's flag exists (a test checks)
        verdict: str = info.verdict
        if flag_id in cleared_set and isinstance(info, Condition):
            verdict = info.cleared_verdict
        reasons.append(
            Reason(
                id=flag_id,
                kind=info.kind,
                name=info.name,
                verdict=verdict,
                advice=info.advice,
                urgent=info.urgent,
                matched=matched,
            )
        )
    if ANY_CLEARANCE in cleared_set:
        reasons += [
            Reason(
                id=info.id,
                kind=info.kind,
                name=info.name,
                verdict=info.cleared_verdict,
                advice=info.advice,
                urgent=False,
                matched=f"{matched} (cleared by your clinician, still healing)",
            )
            for info, matched in still_healing(kb, detection.set_aside, found)
        ]
    named = _named_areas(text, areas, kb, reader)
    placed = (
        {}
        if reader is None
        else far_from_the_work(
            [r.id for r in reasons],
            kb,
            detection.sources,
            text,
            named,
            reader,
            stated=set(conditions),
        )
    )
    for i, reason in enumerate(reasons):
        info = kb.flag(reason.id)
        if reason.id not in placed or not isinstance(info, Condition):
            continue
        elsewhere = info.elsewhere_verdict
        if elsewhere and VERDICTS.index(elsewhere) < VERDICTS.index(reason.verdict):
            reasons[i] = replace(reason, verdict=elsewhere)
    reasons.sort(key=lambda r: (-VERDICTS.index(r.verdict), not r.urgent, r.id))
    set_aside = [
        SetAside(a.id, _flag_name(kb, a.id), a.matched, a.because)
        for a in detection.set_aside
        if a.id not in found
    ]
    verdict = worst(r.verdict for r in reasons)
    # A stop already ends the advice; more questions would only delay care.
    asked = (
        []
        if verdict == "stop"
        else questions_to_ask(
            questions, named_regions(named), detection, found, answers, set_aside
        )
    )
    return SafetyResult(
        verdict=verdict,
        reasons=reasons,
        areas=_area_verdicts(named, reasons, kb, placed),
        set_aside=set_aside,
        questions=asked,
        caveats=organ_caveats(named_regions(named)),
    )


# Within each group only the first present flag is kept: its limits and advice
# already include the others'.
_MOST_SPECIFIC_FIRST = (
    ("pregnancy_third_trimester", "pregnancy_from_20_weeks", "pregnancy"),
    ("cancer", "cancer_history"),
)


def _keep_most_specific(found: dict[str, str]) -> None:
    for group in _MOST_SPECIFIC_FIRST:
        present = [flag for flag in group if flag in found]
        for less in present[1:]:
            found.pop(less)


def _named_areas(
    text: str, areas: Iterable[str], kb: KnowledgeBase, reader: Reader | None
) -> dict[str, list[str]]:
    """Map each named area id to the regions it covers."""
    named: dict[str, list[str]] = {}
    for area in areas:
        if kb.is_region(area):
            named[area] = [area]
        elif kb.is_muscle(area):
            named[area] = list(kb.muscle(area).regions)
        else:
            raise UnknownId(f"unknown area: {area}")
    if text.strip() and reader is not None:
        for region in reader.read(text).regions:
            named.setdefault(region, [region])
    return named


def _area_verdicts(
    named: dict[str, list[str]],
    reasons: list[Reason],
    kb: KnowledgeBase,
    placed: Mapping[str, frozenset[str]],
) -> dict[str, str]:
    verdicts = dict.fromkeys(named, "ok")

    def limit(area: str, verdict: str) -> None:
        verdicts[area] = worst([verdicts.get(area, "ok"), verdict], AREA_VERDICTS)

    for reason in reasons:
        info = kb.flag(reason.id)
        if not isinstance(info, Condition):
            for area in named:
                limit(area, "avoid")
            continue
        area_verdict: str = info.area_verdict
        if (
            reason.verdict in ("ok", "modify")
            and area_verdict == "avoid"
            and not (info.applies_to_named_area or info.areas)
        ):
            area_verdict = "modify"
        where = placed.get(reason.id)
        for area, covered in named.items():
            here = set(covered) & where if where else info.applies_to_named_area
            if here or set(covered) & set(info.areas):
                limit(area, area_verdict)
            elif reason.verdict != "ok":
                limit(area, "modify")
        for region in info.areas:
            if kb.is_region(region):
                limit(region, area_verdict)
    return verdicts


def _flag_name(kb: KnowledgeBase, flag_id: str) -> str:
    flag = kb.flag(flag_id)
    return flag.name if flag else flag_id.replace("_", " ")
