"""Youth teams, ages about to turn, and whom a message asks for.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.language.understanding import default_reader
from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("I run the under-12s and they all want balls", 11),
        ("my U10 boys squad", 9),
        ("I turn 16 in a month", 15),
    ],
)
def test_a_team_or_a_coming_birthday_gives_an_age(text: str, years: int) -> None:
    ages = default_reader().annotated(text)[1].ages
    assert [a.years for a in ages] == [years]


@pytest.mark.parametrize("text", ["finished in under 5 minutes", "I saw U2 live"])
def test_numbers_that_are_no_team(text: str) -> None:
    assert default_reader().annotated(text)[1].ages == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I coach the under 13s and want to hand out spiky balls after "
            "training. Is that safe for them?",
            "under_16",
        ),
        (
            "My brother is 30 and has Down syndrome; he'd like to use the ball "
            "on his calves.",
            "down_syndrome",
        ),
        (
            "My daughter is 11 with a sore back, and my own calves are tight too. "
            "Can she use the ball?",
            "under_16",
        ),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # The writer's own age is not the age of the person asked about.
        ("I'm 14 and asking for my dad, 50, is the ball ok for him?", "under_16"),
        # A youth coach with their own problem.
        (
            "I coach an under 10s side and several have sore knees. My own "
            "problem is a stiff neck.",
            "under_16",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_tight_from_studying_is_a_cause_not_a_topic() -> None:
    text = (
        "My 19-year-old has hypermobility and her neck is tight from studying "
        "for exams. Is the ball ok for her?"
    )
    assert check_safety(text).verdict == "modify"


@pytest.mark.parametrize("text", ["?", "-", "...", "own", "my own", "'"])
def test_texts_with_few_or_no_words_are_read_without_error(text: str) -> None:
    assert check_safety(text).verdict == "ok"
