"""Find red flags and conditions in free text, counting only what applies now.

Each concept mention gets its context from the ConText reader. A rule fires
only on affirmed, literal mentions about the person (or the child they speak
for) that are current or recent enough. When a rule would have fired on
mentions that were set aside, the flag is reported as set aside, with why.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from knotwork.domain.language.ages import CHILD_AGE
from knotwork.domain.language.context import Context
from knotwork.domain.safety.mention import Mention
from knotwork.kb.models import SafetyRule
from knotwork.kb.record import field, record

NOT_A_CHILD = "not about a child"
NOT_LONG_STANDING = "not said to be long-standing"
# A sign that has gone on this long is an old, known one, not a new warning.
LONG_STANDING_DAYS = 365


class SetAsideFlag(NamedTuple):
    """A flag the text mentioned that does not count, and why."""

    id: str
    matched: str
    because: str


@record(frozen=False)
class Detection:
    """What the text says: flags that count and flags set aside."""

    found: dict[str, str]
    set_aside: list[SetAsideFlag]
    mentioned: set[str]
    ages: list[int]
    # The mentions that met each flag's rule: where in the text it was said.
    sources: dict[str, tuple[Mention, ...]] = field(default_factory=dict)


def detect(
    mentions: Iterable[Mention], rules: Iterable[SafetyRule], ages: list[int]
) -> Detection:
    """Apply the rules to the mentions; return what counts and what does not."""
    by_concept: dict[str, list[Mention]] = {}
    for m in mentions:
        by_concept.setdefault(m.concept, []).append(m)
    found: dict[str, str] = {}
    sources: dict[str, tuple[Mention, ...]] = {}
    set_aside: dict[str, SetAsideFlag] = {}
    for rule in rules:
        flag = rule.flag
        if flag in found:
            continue
        # The strict and the loose pass ask the same question of each mention
        # (keyed by identity: the mentions live as long as this call).
        verdicts: dict[tuple[int, bool], str] = {}
        hit = _rule_hit(rule, by_concept, True, verdicts)
        if hit and rule.subject == "child" and _asking_for_themselves(by_concept, ages):
            set_aside[flag] = SetAsideFlag(
                flag, hit[0], f"you gave your own age ({max(ages)}) and your own pain"
            )
            continue
        if hit and "age_under_16" in rule.all and ages and max(ages) >= CHILD_AGE:
            # "In a cast in year 7, I'm 22 now": the age said outright wins.
            set_aside[flag] = SetAsideFlag(
                flag, hit[0], f"you gave your own age ({max(ages)})"
            )
            continue
        if hit:
            found[flag] = hit[0]
            sources[flag] = hit[2]
            set_aside.pop(flag, None)
            continue
        loose = _rule_hit(rule, by_concept, False, verdicts)
        quiet = (NOT_A_CHILD, NOT_LONG_STANDING)
        if loose and loose[1] not in quiet and flag not in set_aside:
            set_aside[flag] = SetAsideFlag(flag, loose[0], loose[1])
    if "radiating_numbness" in found and _diabetic_feet(by_concept):
        set_aside["radiating_numbness"] = SetAsideFlag(
            "radiating_numbness",
            found.pop("radiating_numbness"),
            "numb feet with diabetes: counted as reduced sensation",
        )
    # What the person said of themselves, yes or no, answers a question.
    said = {
        m.concept
        for m in by_concept_values(by_concept)
        if m.context.subject == "self"
        and m.context.sense == "literal"
        and m.context.certainty in ("affirmed", "negated")
    }
    return Detection(found, list(set_aside.values()), said, ages, sources)


def _diabetic_feet(by_concept: dict[str, list[Mention]]) -> bool:
    """Whether every numbness counted is numb feet in a person with diabetes.

    Numb feet or toes with diabetes are a known loss of feeling (reduced
    sensation, ask a clinician), not numbness newly spreading down a limb; a
    numb arm or leg beside them still counts as the warning sign.
    """

    def counted(concept: str) -> list[Mention]:
        return [
            m for m in by_concept.get(concept, ()) if not m.context.set_aside_because()
        ]

    numb = counted("numb")
    # Grouped by sentence, so each numb mention looks only at its own.
    feet: dict[int, list[tuple[int, int]]] = {}
    for m in counted("neuropathy"):
        feet.setdefault(m.sentence, []).append(m.span)

    def in_feet(m: Mention) -> bool:
        spans = feet.get(m.sentence, ())
        return any(lo <= m.span[0] and m.span[1] <= hi for lo, hi in spans)

    return bool(counted("diabetes")) and bool(numb) and all(in_feet(m) for m in numb)


def _asking_for_themselves(
    by_concept: dict[str, list[Mention]], ages: list[int]
) -> bool:
    """Whether an adult names their own pain beside a child's.

    "My daughter gets growing pains, but I'm 38 and my calves are tight" asks
    for the adult; a child's pain alone ("my 8 year old's leg hurts, can I
    use the ball on her?") still asks for the child.
    """
    if not ages or max(ages) < CHILD_AGE:
        return False
    return any(
        m.context.subject == "self"
        and m.context.certainty == "affirmed"
        and m.context.sense == "literal"
        for m in by_concept.get("pain_word", ())
    )


def by_concept_values(by_concept: dict[str, list[Mention]]) -> list[Mention]:
    """Flatten the mentions grouped by concept."""
    return [m for ms in by_concept.values() for m in ms]


def _counts(m: Mention, rule: SafetyRule, anywhere: bool = False) -> str:
    """Return why a mention may not serve this rule, or '' when it may."""
    ctx = m.context
    if rule.lasting != "any" and not anywhere:
        long_standing = (ctx.lasted_days or 0) >= LONG_STANDING_DAYS
        if rule.lasting == "long" and not long_standing:
            return NOT_LONG_STANDING
        if rule.lasting == "new" and long_standing:
            return "long-standing, not a new sign"
    history = rule.history or (anywhere and rule.anywhere_history)
    resolved = rule.resolved_counts
    if rule.subject == "child":
        if ctx.subject != "child":
            return NOT_A_CHILD
        ctx = Context(
            time=ctx.time,
            days_ago=ctx.days_ago,
            certainty=ctx.certainty,
            sense=ctx.sense,
            cue=ctx.cue,
        )
    elif ctx.subject == "child":
        return f"about a child ({ctx.cue})" if ctx.cue else "about a child"
    if (
        rule.passed_within is not None
        and ctx.time in ("resolved", "past")
        and (ctx.days_ago or 0) > rule.passed_within
    ):
        return ctx.set_aside_because(False, rule.passed_within, False)
    if (
        anywhere
        and rule.anywhere_history
        and rule.max_days is not None
        and (ctx.days_ago or 0) > rule.max_days
    ):
        # "Since my stent in 2019": begun then and still so, but a risk that
        # matters for weeks is long past.
        return ctx.set_aside_because(False, rule.max_days, False) or (
            f"too long ago to matter here ({ctx.cue})"
        )
    if anywhere and rule.anywhere_history and ctx.time == "resolved":
        # "Pregnancy is well behind me": a risk that is over is no risk now.
        return ctx.set_aside_because(False, rule.max_days, resolved)
    if anywhere and rule.anywhere_history and not rule.history and ctx.time == "past":
        # A risk told in the past counts while it is recent: a flight last
        # week, not an operation "at 23" or "back in the eighties".
        undated = ctx.days_ago is None
        too_old = rule.max_days is not None and (ctx.days_ago or 0) > rule.max_days
        if undated or too_old:
            return ctx.set_aside_because(False, rule.max_days, resolved)
    if (
        rule.dated_event
        and ctx.days_ago is not None
        and ctx.days_ago <= (rule.max_days or 0)
    ):
        # An operation inside its window stays recent, however it was told:
        # "a c-section four months ago" is within "the last few months".
        if ctx.time == "resolved":
            resolved = True
        elif ctx.time == "past":
            ctx = ctx._replace(time="recent")
    return ctx.set_aside_because(history, rule.max_days, resolved)


def _rule_hit(
    rule: SafetyRule,
    by_concept: dict[str, list[Mention]],
    strict: bool,
    verdicts: dict[tuple[int, bool], str],
) -> tuple[str, str, tuple[Mention, ...]] | None:
    """Return (matched words, why set aside, the mentions) when every slot is met."""
    slots = [slot.split("|") for slot in rule.all]
    anywhere = [slot.split("|") for slot in rule.anywhere]

    def options(slot: list[str], anywhere: bool = False) -> list[tuple[Mention, str]]:
        out = []
        for concept in slot:
            for m in by_concept.get(concept, ()):
                key = (id(m), anywhere)
                why = verdicts.get(key)
                if why is None:
                    why = verdicts[key] = _counts(m, rule, anywhere)
                if not (strict and why):
                    out.append((m, why))
        return out

    met = [options(s) for s in slots]
    extra = [options(s, anywhere=True) for s in anywhere]
    if not all(met) or not all(extra):
        return None
    cancelled = {
        m.sentence for c in rule.none for m in by_concept.get(c, ()) if _cancels(m)
    }
    if any(_cancels(m) for c in rule.none_anywhere for m in by_concept.get(c, ())):
        return None
    first = [(m, why) for m, why in met[0] if m.sentence not in cancelled]
    if not first:
        return None
    tails = [e[0] for e in extra]
    if rule.scope == "text":
        chosen = [o[0] for o in met] + tails
    else:
        # One pass per slot: the first option in each sentence, so the search
        # stays linear however many sentences the text has.
        by_sentence = [_first_per_sentence(slot) for slot in met[1:]]
        chosen = []
        for head in first:
            rest = [s.get(head[0].sentence) or s.get(-1) for s in by_sentence]
            if all(r is not None for r in rest):
                chosen = [head, *[r for r in rest if r is not None], *tails]
                break
        if not chosen:
            return None
    words = ", ".join(dict.fromkeys(m.words for m, _ in chosen))
    why = next((w for _, w in chosen if w), "")
    return words, why, tuple(m for m, _ in chosen)


# Concepts that are themselves denials ("no swelling", "my legs are fine"):
# the negation the reader finds in them is their meaning, not a denial of it.
_DENIALS = frozenset(["swelling_denied", "legs_normal", "explained_lump", "not_cancer"])
# Causes that are other people's by nature: a partner's snoring, the baby.
_OTHERS_CAUSE = frozenset(["woken_by_other"])


def _cancels(m: Mention) -> bool:
    """Whether a mention of a ``none`` concept stands, and so cancels a rule."""
    ctx = m.context
    if m.concept in _DENIALS and ctx.certainty == "negated":
        ctx = ctx._replace(certainty="affirmed")
    if m.concept in _OTHERS_CAUSE and ctx.subject == "other":
        # "What keeps me awake is the wife's snoring": her snoring is still
        # what wakes me, so it still explains the waking.
        ctx = ctx._replace(subject="self")
    return not ctx.set_aside_because(history=True)


def _first_per_sentence(
    options: list[tuple[Mention, str]],
) -> dict[int, tuple[Mention, str]]:
    """Index options by sentence; health-screen mentions sit in sentence -1."""
    out: dict[int, tuple[Mention, str]] = {}
    for option in options:
        out.setdefault(option[0].sentence, option)
    return out
