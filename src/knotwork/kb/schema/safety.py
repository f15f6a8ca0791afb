"""Red flags, the rules that raise them, the context lexicon and the questions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from knotwork.kb.kinds import Verdict
from knotwork.kb.schema.base import Model


class RedFlag(Model):
    id: str
    name: str
    verdict: Verdict
    urgent: bool
    advice: str
    during_session: bool = False
    evidence: list[str] = []


class EscalationRule(Model):
    id: str
    trigger: str
    action: str
    red_flag: str | None


class StopSign(Model):
    id: str
    label: str
    red_flag: str | None
    advice: str


class SafetyRule(Model):
    flag: str
    all: list[str] = Field(min_length=1)
    # Slots met anywhere in the text, whatever the scope ("after a long flight").
    anywhere: list[str] = []
    none: list[str] = []
    scope: Literal["sentence", "text"] = "sentence"
    # Past mentions count: a history of clots or of cancer is itself the flag.
    history: bool = False
    # A dated mention older than this many days is set aside ("surgery in 2019").
    max_days: int | None = Field(default=None, gt=0)
    # Whose mention counts: the person's own, or a child's they describe.
    subject: Literal["self", "child"] = "self"
    # Risk context in `anywhere` counts even when over ("the scar healed").
    anywhere_history: bool = False
    # A warning sign that passed still counts (a mini-stroke, angina at rest).
    resolved_counts: bool = False
    # A passed sign counts only while this recent ("a face that drooped last
    # week"); one dated years back is history, not a warning now.
    passed_within: int | None = Field(default=None, gt=0)
    # A dated event, not a symptom: inside ``max_days`` it stays recent however
    # well it healed ("gallbladder out five weeks ago, recovery's been smooth").
    dated_event: bool = False
    # Concepts that cancel the rule from anywhere in the text, not only in
    # their sentence: "calves tight after the drive. Both legs the same."
    none_anywhere: list[str] = []
    # How long the sign has lasted: "new" counts only a sign not said to have
    # gone on for a year or more; "long" counts only one that has (numbness
    # "for years" is a known loss of feeling, not a new nerve warning).
    lasting: Literal["any", "new", "long"] = "any"


class ContextTrigger(Model):
    category: Literal[
        "other",
        "child",
        "self",
        "current",
        "past",
        "resolved",
        "negated",
        "hypothetical",
        "question",
        "figurative",
    ]
    # "within" marks the trigger's own words ("I'm a Cancer" is the sign).
    direction: Literal["forward", "backward", "both", "within"]
    scope: Literal["clause", "sentence"]
    window: int = Field(ge=1, le=20)
    phrases: list[str] = Field(min_length=1)
    applies_to: list[str] = []
    unless_next: list[str] = []
    unless_next_body: bool = False


class ScreeningQuestion(Model):
    id: str
    text: str = Field(min_length=10, max_length=300)
    flag: str
    areas: list[str] = Field(min_length=1)
    why: str
    source: str = Field(min_length=3)
    answered_by: list[str] = []


class OrganCaveat(Model):
    regions: list[str] = Field(min_length=1)
    text: str


class Screening(Model):
    questions: list[ScreeningQuestion] = Field(min_length=1)
    caveats: list[OrganCaveat]


class ContextLexicon(Model):
    triggers: list[ContextTrigger] = Field(min_length=1)


class SafetyPatterns(Model):
    veto: list[str]
    # Look-alikes of one concept only: "bowel cancer" is no bowel change,
    # though it is still cancer.
    look_alikes: dict[str, list[str]]
    concepts: dict[str, list[str]]
    rules: list[SafetyRule]
