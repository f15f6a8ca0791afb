"""The fast saved-conditions reader returns exactly what the Journal saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from knotwork.config import Settings
from knotwork.domain.health_facts import HealthFacts, ScreenAnswers
from knotwork.services.journal import open_journal
from knotwork.store.saved_conditions import read_saved_conditions


def test_it_reads_what_the_journal_saved(tmp_path: object) -> None:
    settings = Settings()
    journal = open_journal(settings)
    path = str(settings.sqlite_path)
    assert read_saved_conditions(path) == ([], [], HealthFacts())
    journal.change_profile(
        lambda p: replace(
            p, conditions=["anticoagulants", "osteoporosis"], cleared=["osteoporosis"]
        )
    )
    person = journal.set_health(
        ScreenAnswers("50_plus", None, date.today(), ("Eliquis", "vitamin D"), False)
    )
    assert read_saved_conditions(path) == (
        ["anticoagulants", "osteoporosis"],
        ["osteoporosis"],
        person.health,
    )
    assert journal.profile().health == person.health


def test_a_missing_file_has_nothing_saved(tmp_path: object) -> None:
    assert read_saved_conditions(f"{tmp_path}/none.db") == ([], [], HealthFacts())
