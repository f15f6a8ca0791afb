"""Read a pain description into regions, muscles, named conditions and a side."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from knotwork.domain.language.context import Annotation, ContextReader
from knotwork.domain.language.denial import NEGATORS
from knotwork.domain.language.phrases import Match, PhraseMatcher
from knotwork.domain.language.reading_tables import (
    LAY_NAME_WEIGHT,
    ReadingTables,
    reading_tables,
)
from knotwork.domain.language.text import Token, tokenize, tokenize_both
from knotwork.domain.language.words import split_words
from knotwork.domain.language.zones import MOVED_WEIGHT, moved_parts, qualified_zones
from knotwork.kb.loader import load_kb
from knotwork.kb.models import KnowledgeBase
from knotwork.kb.record import field, record, replace


@record(frozen=False)
class Reading:
    """What the text says about where it hurts."""

    tokens: list[Token]
    regions: dict[str, float] = field(default_factory=dict)
    region_words: dict[str, str] = field(default_factory=dict)
    muscles: dict[str, float] = field(default_factory=dict)
    muscle_words: dict[str, list[str]] = field(default_factory=dict)
    syndromes: list[str] = field(default_factory=list)
    negated_regions: set[str] = field(default_factory=set)
    side: str | None = None

    @property
    def understood(self) -> bool:
        """Whether anything in the text pointed at the body."""
        return bool(self.regions or self.muscles or self.syndromes)


class Reader:
    """Reads descriptions with the matchers derived from one knowledge base."""

    def __init__(self, kb: KnowledgeBase, tables: ReadingTables) -> None:
        self.kb = kb
        self.regions = tables.regions
        self.muscles = tables.muscles
        self.syndromes = tables.syndromes
        self.sides = tables.sides
        self.concepts = tables.concepts
        self.veto = tables.veto
        self.context = ContextReader(tables.context, tables.triggers, tables.body_stems)
        self.speller = tables.speller

    def tokens(self, text: str) -> list[Token]:
        """Tokenize and spell-correct text."""
        return self.speller.correct_all(tokenize(text))

    def annotated(self, text: str) -> tuple[list[Token], Annotation]:
        """Return the content tokens and the context of each.

        The finder and the screen both read each text; the last few readings
        are kept so a consultation reads its text once.
        """
        return self._annotated(text)

    @lru_cache(maxsize=4)  # noqa: B019 - the reader lives for the process
    def _annotated(self, text: str) -> tuple[list[Token], Annotation]:
        content, every = tokenize_both(split_words(text))
        tokens = self.speller.correct_all(content)
        return tokens, self.context.annotate(tokens, every)

    def read(self, text: str) -> Reading:
        """Extract regions, muscles, named conditions and side from text.

        The screen and the finder both read each text, so the last few
        readings are kept; each caller gets its own copy to change.
        """
        r = self._read(text, others=False)
        if not (r.regions or r.muscles or r.syndromes):
            # "My mum gets a band of ache across her forehead": a message that
            # speaks only of another person's pain asks where theirs comes from.
            r = self._read(text, others=True)
        return replace(
            r,
            regions=dict(r.regions),
            region_words=dict(r.region_words),
            muscles=dict(r.muscles),
            muscle_words={k: list(v) for k, v in r.muscle_words.items()},
            syndromes=list(r.syndromes),
            negated_regions=set(r.negated_regions),
        )

    @lru_cache(maxsize=128)  # noqa: B019 - the reader lives for the process
    def _zones(self, muscle_id: str) -> frozenset[str]:
        """Return the regions a muscle lies in or sends pain to."""
        m = self.kb.muscle(muscle_id)
        zones = set(m.regions)
        for tp in m.trigger_points:
            zones.update(tp.primary, tp.spillover)
        return frozenset(zones)

    # Two readings per text at most: the person's own, and another's.
    @lru_cache(maxsize=8)  # noqa: B019 - the reader lives for the process
    def _read(self, text: str, others: bool) -> Reading:
        tokens, annotation = self.annotated(text)
        reading = Reading(tokens)

        def elsewhere(match: Match[Any]) -> bool:
            """Whether a mention is someone else's, over, or not meant literally."""
            ctx = annotation.context_of_words(
                tokens[match.start].word, tokens[match.end - 1].word
            )
            if others and ctx.subject == "other":
                ctx = ctx._replace(subject="self")
            return ctx.certainty != "negated" and bool(ctx.set_aside_because())

        def denied(match: Match[Any]) -> bool:
            """Whether a place is said not to hurt: "but the jaw is fine".

            Only in its own clause: "achy cheekbone, sinus scan was clear"
            clears the sinuses, not the cheekbone.
            """
            ctx = annotation.context_of_words(
                tokens[match.start].word, tokens[match.end - 1].word
            )
            clause = tokens[match.end - 1].clause
            after = [
                t
                for t in tokens[match.end : match.end + _DENIAL_REACH]
                if t.clause == clause
            ]
            # "The neck's fine": the place's own "'s" is the "is".
            said_is = tokens[match.end - 1].raw.endswith(("'s", "s'"))
            if said_is and after and after[0].raw in _WELL:
                return True
            if any(t.raw in _LOOKS for t in after):
                return False  # "the knee looks normal": how it looks, not how it feels
            # "The elbow itself doesn't hurt": a denied hurt after the place.
            if any(
                t.raw in _FINE and k and after[k - 1].raw in NEGATORS
                for k, t in enumerate(after)
            ):
                return True
            if ctx.certainty != "negated":
                return False
            return any(t.raw in _FINE for t in after)

        side_found = self.sides.find_all(tokens)
        # Side words sit inside body phrases ("back of my right knee"), so the
        # body matchers read the text without them.
        side_positions = {i for m in side_found for i in range(m.start, m.end)}
        tokens = [t for i, t in enumerate(tokens) if i not in side_positions]
        for named in self.syndromes.find_all(tokens):
            if named.negated or named.payload in reading.syndromes or elsewhere(named):
                continue
            reading.syndromes.append(named.payload)
        zones = [
            z._replace(negated=True) if not z.negated and denied(z) else z
            for z in qualified_zones(self.regions, tokens)
            if not elsewhere(z)
        ]
        # A vague word adds nothing where the person was precise about what it
        # mostly means: "lower back stiff ... stays in the back" is not mid-back.
        exact = {
            r for z in zones if not z.negated and len(z.payload) == 1 for r in z.payload
        }
        moved = moved_parts(tokens)
        felt = any(z.start not in moved and not z.negated for z in zones)
        for zone in zones:
            words = " ".join(t.raw for t in tokens[zone.start : zone.end])
            weights = zone.payload
            if felt and zone.start in moved:
                # "After craning my neck ..., pain under my eye": the neck is
                # what the person did, the eye is where it hurts.
                weights = {r: w * MOVED_WEIGHT for r, w in weights.items()}
            if len(weights) > 1 and any(r in exact for r in weights):
                weights = {r: w for r, w in weights.items() if r in exact}
            for region, w in weights.items():
                if zone.negated:
                    reading.negated_regions.add(region)
                    continue
                _raise(reading.regions, region, w)
                reading.region_words.setdefault(region, words)
        # A syndrome's usual areas fill in only where the person named none:
        # "sciatica-like pain in my buttock" must not add the calf they never
        # mentioned, which would pull the ranking towards calf referrers.
        own_regions = bool(reading.regions)
        for payload in reading.syndromes:
            syndrome = self.kb.syndrome(payload)
            for region, w in sorted(syndrome.regions.items()):
                if own_regions and region not in reading.regions:
                    continue
                _raise(reading.regions, region, w)
                reading.region_words.setdefault(region, syndrome.name)
        for mention in self.muscles.find_all(tokens):
            if mention.negated or elsewhere(mention) or denied(mention):
                continue
            if mention.start and tokens[mention.start - 1].stem in _DESTINATIONS:
                # "Spreads down into my calf": where pain arrives is a place
                # it is felt, not the muscle named as its source.
                continue
            muscle, w = mention.payload
            if (
                w < LAY_NAME_WEIGHT
                and reading.regions
                and not (self._zones(muscle) & set(reading.regions))
            ):
                # A cue ("one-sided") hints at a muscle only where the person
                # names a place it lies in or refers to: not for a sore throat.
                continue
            _raise(reading.muscles, muscle, w)
            words = " ".join(t.raw for t in tokens[mention.start : mention.end])
            reading.muscle_words.setdefault(muscle, []).append(words)
        # A zone the person explicitly ruled out ("not the kneecap") stays out
        # even when a vaguer word ("knee") would have pulled it in.
        for region in reading.negated_regions - exact:
            # ("Inner knee aches, but the knee itself is fine" keeps the
            # inner knee the person named exactly.)
            reading.regions.pop(region, None)
        reading.side = _side(side_found, reading.tokens, self.regions)
        return reading


_DESTINATIONS = frozenset(
    t.stem for t in tokenize("into towards toward reaching", keep_filler=True)
)  # content words between the body part and "at the back"


# Words that say how a place looks: "looks normal" denies no pain.
_LOOKS = frozenset(["looks", "look", "looked", "appears", "appear"])
# What says a place does not hurt, after it in its clause.
_FINE = frozenset(
    ["fine", "ok", "okay", "normal", "alright", "unaffected", "spared", "hurt"]
    + ["hurts", "sore", "ache", "aches", "bother", "bothered", "affected"]
)
_DENIAL_REACH = 6
# What a place "is" when it does not hurt: "the neck's fine".
_WELL = frozenset(["fine", "ok", "okay", "normal", "alright", "unaffected", "spared"])


def _raise(scores: dict[str, float], key: str, value: float) -> None:
    if value > scores.get(key, 0.0):
        scores[key] = value


def _side(
    found: list[Match[str]],
    tokens: list[Token],
    regions: PhraseMatcher[dict[str, float]],
) -> str | None:
    """Pick left, right or both; "right" only counts next to a body word."""
    sides: set[str] = set()
    region_starts = {m.start for m in regions.find_all(tokens)}
    for m in found:
        start, end, side = m.start, m.end, m.payload
        if m.negated:
            continue
        near_body = bool(region_starts & {end, end + 1, start - 1, start - 2})
        beside = tokens[end].stem if end < len(tokens) else ""
        if side == "right" and not (near_body or beside in ("sid", "sided")):
            continue
        sides.add(side)
    if "both" in sides or {"left", "right"} <= sides:
        return "both"
    return next(iter(sides), None)


@cache
def default_reader() -> Reader:
    """Return the reader over the packaged knowledge base, built once."""
    return Reader(load_kb(), reading_tables())
