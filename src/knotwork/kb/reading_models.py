"""The knowledge that reads a description: body words, safety patterns, context.

Part of the knowledge model (see ``kb.models``): the lexicon the finder
matches, the rules and questions of the safety screen, and the context
triggers that say whose and when a mention is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from knotwork.kb.record import record


@record(kw_only=True)
class GeneralWord:
    """An everyday word for a part of the body and the regions it means."""

    phrases: tuple[str, ...]
    regions: Mapping[str, float]


@record(kw_only=True)
class Syndrome:
    """A named pain pattern, the regions it covers and its usual sources."""

    id: str
    name: str
    phrases: tuple[str, ...]
    regions: Mapping[str, float]
    muscles: Mapping[str, float]


@record(kw_only=True)
class SafetyRule:
    """Which concepts, found together, raise a flag."""

    flag: str
    all: tuple[str, ...]
    # Slots met anywhere in the text, whatever the scope ("after a long flight").
    anywhere: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    scope: Literal["sentence", "text"] = "sentence"
    # Past mentions count: a history of clots or of cancer is itself the flag.
    history: bool = False
    # A dated mention older than this many days is set aside ("surgery in 2019").
    max_days: int | None = None
    # Whose mention counts: the person's own, or a child's they describe.
    subject: Literal["self", "child"] = "self"
    # Risk context in `anywhere` counts even when over ("the scar healed").
    anywhere_history: bool = False
    # A warning sign that passed still counts (a mini-stroke, angina at rest).
    resolved_counts: bool = False
    # A passed sign counts only while this recent ("a face that drooped last
    # week"); one dated years back is history, not a warning now.
    passed_within: int | None = None
    # A dated event, not a symptom: inside ``max_days`` it stays recent however
    # well it healed ("gallbladder out five weeks ago, recovery's been smooth").
    dated_event: bool = False
    # Concepts that cancel the rule from anywhere in the text, not only in
    # their sentence: "calves tight after the drive. Both legs the same."
    none_anywhere: tuple[str, ...] = ()
    # How long the sign has lasted: "new" counts only a sign not said to have
    # gone on for a year or more; "long" counts only one that has (numbness
    # "for years" is a known loss of feeling, not a new nerve warning).
    lasting: Literal["any", "new", "long"] = "any"


@record(kw_only=True)
class ContextTrigger:
    """A phrase that marks the words around it as past, negated, another's..."""

    category: str
    # "within" marks the trigger's own words ("I'm a Cancer" is the sign).
    direction: Literal["forward", "backward", "both", "within"]
    scope: Literal["clause", "sentence"]
    window: int
    phrases: tuple[str, ...]
    applies_to: tuple[str, ...] = ()
    unless_next: tuple[str, ...] = ()
    unless_next_body: bool = False


@record(kw_only=True)
class ScreeningQuestion:
    """A yes/no question that settles a flag text cannot."""

    id: str
    text: str
    flag: str
    areas: tuple[str, ...]
    why: str
    source: str
    answered_by: tuple[str, ...] = ()


@record(kw_only=True)
class OrganCaveat:
    """A standing reminder that an organ can mimic a knot in these regions."""

    regions: tuple[str, ...]
    text: str


@record(kw_only=True)
class Screening:
    """The screening questions and organ caveats."""

    questions: tuple[ScreeningQuestion, ...]
    caveats: tuple[OrganCaveat, ...]


@record(kw_only=True)
class ContextLexicon:
    """The context triggers the reader knows."""

    triggers: tuple[ContextTrigger, ...]


@record(kw_only=True)
class SafetyPatterns:
    """The concepts, veto phrases and rules of the safety screen."""

    veto: tuple[str, ...]
    # Look-alikes of one concept only: "bowel cancer" is no bowel change,
    # though it is still cancer.
    look_alikes: Mapping[str, tuple[str, ...]]
    concepts: Mapping[str, tuple[str, ...]]
    rules: tuple[SafetyRule, ...]


@record(kw_only=True)
class Lexicon:
    """Everyday body words, named pain patterns and side words."""

    general: tuple[GeneralWord, ...]
    syndromes: tuple[Syndrome, ...]
    sides: Mapping[Literal["left", "right", "both"], tuple[str, ...]]
