"""The saved health screen, read the same way by every surface."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from knotwork.domain.safety.health_screen import HealthScreen
from knotwork.errors import KnotworkError

if TYPE_CHECKING:
    from knotwork.domain.journal.records import Profile


class ScreenUnavailable(KnotworkError, RuntimeError):
    """The saved health screen cannot be read (the journal is unavailable)."""


def screen_of(profile: Profile, today: date | None = None) -> HealthScreen:
    """Return the health screen a saved profile holds, as it stands ``today``.

    The screen's dated answers count on: a pregnancy saved at 18 weeks is read
    at 20 weeks a fortnight later, and the limits from 20 weeks then apply.
    """
    from knotwork.domain.safety.health_facts import medicine_class, with_screen

    conditions = with_screen(
        profile.conditions, profile.health, today or date.today(), medicine_class
    )
    return HealthScreen.of(conditions, profile.cleared)


def saved_screen(environ: Mapping[str, str]) -> HealthScreen:
    """Return the saved health screen for the journal ``environ`` points at.

    Read without ``Settings`` (pydantic alone would cost a scripted `check`
    much of its time budget) and through the journal's own repository. A
    SQLite journal that does not exist yet holds no screen, and is not
    created just to say so.
    """
    import os

    from knotwork.paths import UnsafeDatabaseUrl, database_location, sqlite_file

    try:
        url = database_location(environ)
    except UnsafeDatabaseUrl:
        from knotwork.config import Settings

        url = Settings().database_url  # raises, with the message people see
    path = sqlite_file(url)
    if path is not None and not os.path.exists(path):
        return HealthScreen()
    from knotwork.services.journal import JournalUnavailable, open_journal_at

    try:
        with open_journal_at(url) as journal:
            return screen_of(journal.profile())
    except JournalUnavailable as exc:
        raise ScreenUnavailable(str(exc)) from exc


def health_view(profile: Profile, today: date | None = None) -> dict[str, object]:
    """Return the health screen as every surface shows it (one JSON form)."""
    from knotwork.domain.safety.health_facts import SCREEN_PROMPTS

    today = today or date.today()
    return {
        "answers": profile.health.to_json(),
        "conditions_today": list(screen_of(profile, today).conditions),
        "to_ask_again": profile.health.to_ask_again(today),
        "questions": [
            {"id": p.id, "text": p.text, "hint": p.hint} for p in SCREEN_PROMPTS
        ],
    }


def screen_answers_of(profile: Profile, today: date | None = None) -> dict[str, str]:
    """Return the saved screen as the plain-text answers a form would hold.

    Weeks of pregnancy are today's count, so saving them again dates them anew.
    """
    from knotwork.domain.safety.health_facts import SCREEN_OWNED

    facts = profile.health
    weeks = facts.weeks_pregnant(today or date.today())
    return {
        "age_band": facts.age_band or "",
        "pregnant_weeks": "" if weeks is None else str(min(weeks, 42)),
        "gave_birth_on": facts.gave_birth_on.isoformat() if facts.gave_birth_on else "",
        "medicines": ", ".join(facts.medicines),
        "implant": "yes" if "implanted_device" in profile.conditions else "no",
        "cleared": "yes" if set(profile.cleared) & SCREEN_OWNED else "no",
    }
