"""Which technique, ball and protocol helps: the ranking and its arithmetic."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.journal.pain_series import session_pain
from knotwork.domain.journal.records import SessionRecord, StepRecord
from knotwork.domain.progress.session_effects import (
    FactorEffect,
    FactorKind,
    SessionEffect,
    rank_factors,
    session_effects,
)
from tests.domain.journal_factories import START

SPOTS = ["upper_trapezius", "calf", "heel"]


def plain_ranking(
    sessions: list[SessionRecord], effects: list[SessionEffect]
) -> list[FactorEffect]:
    """Rank factors the plain way, as the rule reads: the reference."""
    sums: dict[tuple[FactorKind, str], float] = defaultdict(float)
    counts: Counter[tuple[FactorKind, str]] = Counter()
    for session, effect in zip(sessions, effects, strict=True):
        if effect.mean_drop is None:
            continue
        per_key: dict[tuple[FactorKind, str], list[float]] = {}
        for step in session.steps:
            if step.skipped:
                continue
            pair = effect.scores.get(step.target)
            drop = effect.mean_drop if pair is None else pair[0] - pair[1]
            keys: list[tuple[FactorKind, str]] = [
                ("technique", step.technique),
                ("protocol", step.protocol),
            ]
            if step.ball is not None:
                keys.append(("ball", step.ball))
            for key in keys:
                per_key.setdefault(key, []).append(drop)
        for key, drops in per_key.items():
            sums[key] += sum(drops) / len(drops)
        counts.update(per_key.keys())
    ranked = [
        FactorEffect(k, v, counts[k, v], sums[k, v] / counts[k, v]) for k, v in counts
    ]
    ranked.sort(key=lambda f: (-f.mean_drop, -f.sessions, f.kind, f.key))
    return ranked


steps = st.builds(
    StepRecord,
    index=st.integers(0, 9),
    target=st.sampled_from(SPOTS),
    technique=st.sampled_from(["wall_lean", "pin_and_stretch", "strip"]),
    ball=st.none() | st.sampled_from(["lacrosse", "tennis"]),
    protocol=st.sampled_from(["hold", "sweep"]),
    planned_seconds=st.just(60),
    done_seconds=st.just(60),
    skipped=st.booleans(),
)
scores = st.dictionaries(st.sampled_from(SPOTS), st.integers(0, 10))


@st.composite
def sessions(draw: st.DrawFn) -> list[SessionRecord]:
    return [
        SessionRecord(
            f"s{n}",
            "r",
            START + timedelta(days=n),
            None,
            draw(st.lists(steps, max_size=6)),
            draw(scores),
            draw(scores),
        )  # fmt: skip
        for n in range(draw(st.integers(0, 12)))
    ]


@settings(max_examples=200)
@given(done=sessions())
def test_the_ranking_is_the_plain_rule_exactly(done: list[SessionRecord]) -> None:
    effects = session_effects(done, session_pain(done, []))
    assert rank_factors(done, effects) == plain_ranking(done, effects)
