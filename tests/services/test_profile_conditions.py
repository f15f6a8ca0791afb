"""Ticking conditions on a questionnaire never undoes the health screen."""

from __future__ import annotations

from knotwork.config import Settings
from knotwork.domain.safety.health_facts import ScreenAnswers
from knotwork.services.journal import open_journal
from tests.store.databases import database_settings  # noqa: F401


def test_set_conditions_keeps_what_the_health_screen_owns(settings: Settings) -> None:
    with open_journal(settings) as journal:
        journal.set_health(ScreenAnswers("16_to_49", 22, None, (), False, cleared=True))
        owned = set(journal.profile().conditions)
        assert owned  # the pregnancy, cleared, is the screen's
        person = journal.set_conditions(
            ["osteoporosis", "lymphoedema"], cleared=["osteoporosis", "pregnancy"]
        )
    assert {"osteoporosis", "lymphoedema"} | owned <= set(person.conditions)
    assert "osteoporosis" in person.cleared
    # A condition not ticked cannot be cleared through the questionnaire.
    assert set(person.cleared) - owned <= {"osteoporosis"}


def test_set_conditions_replaces_the_ticked_ones(settings: Settings) -> None:
    with open_journal(settings) as journal:
        journal.set_conditions(["osteoporosis"], cleared=["osteoporosis"])
        person = journal.set_conditions(["lymphoedema"])
    assert person.conditions == ["lymphoedema"]
    assert person.cleared == []
