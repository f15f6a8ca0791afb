"""One place for what people read instead of ids: names, positions and counts.

Every surface (terminal, web pages, PDF, calendar, FHIR) turns an id into
words through these functions, so a muscle, ball or verdict reads the same
everywhere. Names come from the knowledge base.
"""

from __future__ import annotations

from functools import cache

from knotwork.kb.loader import load_kb

# Where a ball technique is done. "standing" is only for movement and re-test
# steps, which need no ball and so are not a position a person chooses.
POSITIONS = ("wall", "floor", "seated", "handheld")
STEP_POSITIONS = (*POSITIONS, "standing")
POSITION_WORDS = {
    "wall": "against a wall",
    "floor": "on the floor",
    "seated": "seated",
    "handheld": "ball in hand",
    "standing": "standing",
}
VERDICT_WORDS = {
    "ok": "safe to self-treat",
    "modify": "self-treat with changes",
    "clinician_first": "see a clinician first",
    "stop": "do not self-treat now",
}
AREA_WORDS = {"ok": "fine", "modify": "go gently", "avoid": "keep the ball off"}
PROTOCOL_WORDS = {
    "sustained_compression": "hold still on the spot",
    "rolling": "roll slowly",
    "pin_and_stretch": "pin the spot and move",
    "movement": "gentle movement",
    "retest": "re-test",
    "pressure": "ball pressure",
}
STEP_KIND_WORDS = {"retest": "re-test", "movement": "movement", "pressure": "pressure"}
# How strongly the finder's score points at a source (scores run 0 to 1).
_STRENGTH = ((0.75, "strong"), (0.5, "likely"), (0.25, "possible"), (0.0, "weak"))


@cache
def names() -> dict[str, str]:
    """Return a readable name for every muscle, region, ball, condition and flag."""
    kb = load_kb()
    # Later tables win where ids are shared, as a red flag over a stop sign.
    out = {k.id: k.name for k in kb.keep_off}
    out |= {r.id: r.name for r in kb.regions}
    out |= {m.id: m.name for m in kb.muscles}
    out |= {b.id: b.name for b in kb.balls}
    out |= {c.id: c.name for c in kb.conditions}
    out |= {s.id: s.label for s in kb.stop_signs}
    out |= {f.id: f.name for f in kb.red_flags}
    return out


def name_of(identifier: str | None) -> str:
    """Return the readable name of an id, or the id in words if it has none."""
    if identifier is None:
        return ""
    found = names().get(identifier)
    if found is not None:
        return found
    for table in (STEP_KIND_WORDS, PROTOCOL_WORDS, POSITION_WORDS):
        if identifier in table:
            return table[identifier]
    return identifier.replace("_", " ")


def short_name(identifier: str | None) -> str:
    """Return a name without its bracketed or comma-separated detail, capitalised."""
    full = name_of(identifier)
    short = full.split(" (")[0].split(",")[0]
    return short[:1].upper() + short[1:]


def position_words(position: str) -> str:
    """Return where a step is done, in words."""
    return POSITION_WORDS.get(position, position.replace("_", " "))


def protocol_words(protocol: str | None) -> str:
    """Return how a technique is done, in words."""
    if protocol is None:
        return ""
    return PROTOCOL_WORDS.get(protocol, protocol.replace("_", " "))


def verdict_words(verdict: str) -> str:
    """Return a safety verdict in words."""
    return VERDICT_WORDS.get(verdict, verdict.replace("_", " "))


def area_words(verdict: str) -> str:
    """Return what an area verdict means for the ball."""
    return AREA_WORDS.get(verdict, verdict.replace("_", " "))


def strength(score: float) -> str:
    """Return a finder score as a word a person can weigh."""
    return next(word for floor, word in _STRENGTH if score >= floor)


def ball_fit(score: int) -> str:
    """Return a ball chooser's score as how well the ball suits the request."""
    if score >= 60:
        return "very good fit"
    if score >= 30:
        return "good fit"
    return "fair fit" if score >= 0 else "poor fit"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """Return "1 re-test", "2 re-tests": a number with the right noun form."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


# -- the ids knotwork knows, for checking what a person or a file names ------


@cache
def spot_ids() -> frozenset[str]:
    """Return every muscle and region id a pain entry or a step may name."""
    kb = load_kb()
    return frozenset(m.id for m in kb.muscles) | frozenset(r.id for r in kb.regions)


@cache
def condition_ids() -> frozenset[str]:
    """Return every condition id."""
    return frozenset(c.id for c in load_kb().conditions)


@cache
def red_flag_ids() -> frozenset[str]:
    """Return every red-flag id."""
    return frozenset(f.id for f in load_kb().red_flags)


@cache
def ball_ids() -> frozenset[str]:
    """Return every ball id in the catalogue."""
    return frozenset(b.id for b in load_kb().balls)


@cache
def stop_sign_ids() -> frozenset[str]:
    """Return every "stop - something's wrong" sign id."""
    return frozenset(s.id for s in load_kb().stop_signs)
