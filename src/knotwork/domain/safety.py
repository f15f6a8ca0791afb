"""Decide whether self-treatment is safe, from free text and stated conditions.

The screen errs towards caution on warning signs and away from alarm on
ordinary soreness: every concept mention is checked for negation ("no
tingling") and for look-alike phrases ("fell asleep"), and a rule fires only
when all of its parts appear together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from knotwork.domain.limits import check_text_length
from knotwork.domain.understanding import Reader, default_reader
from knotwork.errors import KnotworkError

VERDICTS = ("ok", "modify", "clinician_first", "stop")
AREA_VERDICTS = ("ok", "modify", "avoid")
# The third trimester starts at week 28, i.e. the seventh month.
THIRD_TRIMESTER_WEEK = 28
THIRD_TRIMESTER_MONTH = 7
_NUMBER_WORDS = dict(
    zip(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        range(1, 13),
        strict=True,
    )
)
_PREGNANCY_AGE = re.compile(
    r"(\d{1,2}|[a-z]+)\s*(weeks?|wks?|months?)\s*(pregnant|gone|along|of pregnancy)"
)


class UnknownId(KnotworkError):
    """A condition or area id that knotwork does not know."""


@dataclass(frozen=True)
class Reason:
    """One thing that changed the verdict, with what to do about it."""

    id: str
    kind: str
    name: str
    verdict: str
    advice: str
    urgent: bool
    matched: str


@dataclass
class SafetyResult:
    """The verdict, the reasons behind it and a verdict per area."""

    verdict: str
    reasons: list[Reason]
    areas: dict[str, str] = field(default_factory=dict)

    @property
    def red_flags(self) -> list[Reason]:
        """Reasons that are red flags, urgent ones first."""
        flags = [r for r in self.reasons if r.kind == "red_flag"]
        return sorted(flags, key=lambda r: not r.urgent)

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
) -> SafetyResult:
    """Screen text and stated conditions; return the verdict and its reasons.

    ``cleared`` names conditions a clinician has cleared for ball work; they
    then count at their ``cleared_verdict`` instead.
    """
    check_text_length(text)
    reader = reader or default_reader()
    index = reader.index
    flags: dict[str, dict[str, Any]] = index["safety"]["flags"]
    found = detect_flags(text, reader)
    for condition in conditions:
        if condition not in flags or flags[condition]["kind"] != "condition":
            raise UnknownId(f"unknown condition: {condition}")
        found.setdefault(condition, "stated in your profile")
    cleared_set = set(cleared)
    reasons = []
    for flag_id, matched in found.items():
        info = flags[flag_id]
        verdict = info["verdict"]
        if flag_id in cleared_set and info["kind"] == "condition":
            verdict = info["cleared_verdict"]
        reasons.append(
            Reason(
                id=flag_id,
                kind=info["kind"],
                name=info["name"],
                verdict=verdict,
                advice=info["advice"],
                urgent=info["urgent"],
                matched=matched,
            )
        )
    reasons.sort(key=lambda r: (-VERDICTS.index(r.verdict), not r.urgent, r.id))
    named = _named_areas(text, areas, reader)
    return SafetyResult(
        verdict=worst(r.verdict for r in reasons),
        reasons=reasons,
        areas=_area_verdicts(named, reasons, flags, index),
    )


def detect_flags(text: str, reader: Reader) -> dict[str, str]:
    """Return the red flags and conditions in text, with the words that showed it."""
    safety = reader.index["safety"]
    tokens = reader.tokens(text)
    vetoed: set[int] = set()
    for m in reader.veto.find_all(tokens):
        vetoed.update(range(m.start, m.end))
    # concept -> list of (sentence, words) for non-negated, non-vetoed mentions
    mentions: dict[str, list[tuple[int, str]]] = {}
    for m in reader.concepts.find_all(tokens):
        if m.negated or vetoed & set(range(m.start, m.end)):
            continue
        words = " ".join(t.raw for t in tokens[m.start : m.end])
        mentions.setdefault(m.payload, []).append((tokens[m.start].sentence, words))
    found: dict[str, str] = {}
    for rule in safety["rules"]:
        hit = _rule_hit(rule, mentions)
        if hit and rule["flag"] not in found:
            found[rule["flag"]] = hit
    _pregnancy_by_age(text, found)
    return found


def _rule_hit(rule: dict[str, Any], mentions: dict[str, list[tuple[int, str]]]) -> str:
    """Return the matched words when every slot of the rule is met, else ''."""
    slots = [slot.split("|") for slot in rule["all"]]
    options = [[hit for c in slot for hit in mentions.get(c, [])] for slot in slots]
    if not all(options):
        return ""
    # "none" concepts cancel the rule in their sentence ("surgery years ago").
    cancelled = {s for c in rule["none"] for s, _ in mentions.get(c, [])}
    options[0] = [hit for hit in options[0] if hit[0] not in cancelled]
    if not options[0]:
        return ""
    if rule["scope"] == "text":
        return ", ".join(o[0][1] for o in options)
    for sentence, words in options[0]:
        rest = [next((w for s, w in o if s == sentence), "") for o in options[1:]]
        if all(rest):
            return ", ".join([words, *rest])
    return ""


def _pregnancy_by_age(text: str, found: dict[str, str]) -> None:
    for amount, unit, _ in _PREGNANCY_AGE.findall(text.lower()):
        number = int(amount) if amount.isdigit() else _NUMBER_WORDS.get(amount, 0)
        if not number:
            continue
        limit = (
            THIRD_TRIMESTER_MONTH if unit.startswith("month") else THIRD_TRIMESTER_WEEK
        )
        found.setdefault("pregnancy", f"{number} {unit} pregnant")
        if number >= limit:
            found.setdefault("pregnancy_third_trimester", f"{number} {unit} pregnant")
    if "pregnancy_third_trimester" in found:
        found.pop("pregnancy", None)


def _named_areas(
    text: str, areas: Iterable[str], reader: Reader
) -> dict[str, list[str]]:
    """Map each named area id to the regions it covers."""
    index = reader.index
    named: dict[str, list[str]] = {}
    for area in areas:
        if area in index["regions"]:
            named[area] = [area]
        elif area in index["muscles"]:
            named[area] = index["muscles"][area]["lies_in"]
        else:
            raise UnknownId(f"unknown area: {area}")
    if text:
        for region in reader.read(text).regions:
            named.setdefault(region, [region])
    return named


def _area_verdicts(
    named: dict[str, list[str]],
    reasons: list[Reason],
    flags: dict[str, dict[str, Any]],
    index: dict[str, Any],
) -> dict[str, str]:
    verdicts = dict.fromkeys(named, "ok")

    def limit(area: str, verdict: str) -> None:
        verdicts[area] = worst([verdicts.get(area, "ok"), verdict], AREA_VERDICTS)

    for reason in reasons:
        info = flags[reason.id]
        if reason.kind == "red_flag":
            for area in named:
                limit(area, "avoid")
            continue
        area_verdict = info["area_verdict"]
        if (
            reason.verdict in ("ok", "modify")
            and area_verdict == "avoid"
            and not (info["named_area"] or info["areas"])
        ):
            area_verdict = "modify"
        for area, covered in named.items():
            if info["named_area"] or set(covered) & set(info["areas"]):
                limit(area, area_verdict)
            elif reason.verdict != "ok":
                limit(area, "modify")
        for region in info["areas"]:
            if region in index["regions"]:
                limit(region, area_verdict)
    return verdicts
