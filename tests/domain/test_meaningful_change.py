"""The meaningful-change rule: at least 2 points or at least 30% from baseline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.domain.progress.meaningful_change import (
    MEANINGFUL_CHANGE_SOURCE,
    assess_change,
    is_meaningful_change,
)

levels = st.floats(min_value=0, max_value=10, allow_nan=False)


@pytest.mark.parametrize(
    ("baseline", "current", "meaningful", "direction"),
    [
        (6, 4, True, "better"),  # 2 points
        (6, 5, False, "unchanged"),  # 1 point, 17%
        (3, 2, True, "better"),  # 1 point but 33%
        (10, 8.5, False, "unchanged"),  # 1.5 points, 15%
        (2, 1.4, True, "better"),  # exactly 30%
        (0, 1, False, "unchanged"),  # no percentage from zero, under 2 points
        (0, 2, True, "worse"),
        (4, 6, True, "worse"),
        (5, 5, False, "unchanged"),
    ],
)
def test_examples(
    baseline: float, current: float, meaningful: bool, direction: str
) -> None:
    change = assess_change(baseline, current)
    assert change.meaningful is meaningful
    assert change.direction == direction


def test_near_misses_are_not_meaningful() -> None:
    # 1.9 points and 27% of 7: neither threshold is reached.
    assert not is_meaningful_change(7, 5.1)
    # Means of whole numbers must not miss 2 points by a rounding error.
    assert is_meaningful_change(6.1, 6.1 - 2.0)


def test_source_is_cited() -> None:
    assert MEANINGFUL_CHANGE_SOURCE == (
        "Farrar et al., Pain 2001 (NRS: ~2 points or ~30%)"
    )


@given(levels, levels)
def test_two_points_always_count_and_small_changes_never(
    baseline: float, current: float
) -> None:
    delta = abs(current - baseline)
    if delta >= 2:
        assert is_meaningful_change(baseline, current)
    threshold = min(2.0, 0.3 * baseline) if baseline > 0 else 2.0
    if delta < threshold - 1e-6:
        assert not is_meaningful_change(baseline, current)


@given(levels, levels, levels)
def test_a_bigger_change_the_same_way_stays_meaningful(
    baseline: float, a: float, b: float
) -> None:
    near, far = sorted((a, b), key=lambda x: abs(x - baseline))
    same_side = (near - baseline) * (far - baseline) > 0
    if same_side and is_meaningful_change(baseline, near):
        assert is_meaningful_change(baseline, far)


@given(levels, levels)
def test_direction_follows_the_sign(baseline: float, current: float) -> None:
    change = assess_change(baseline, current)
    if not change.meaningful:
        assert change.direction == "unchanged"
    elif current < baseline:
        assert change.direction == "better" and change.points < 0
    else:
        assert change.direction == "worse" and change.points > 0
