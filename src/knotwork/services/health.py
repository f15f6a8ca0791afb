"""The saved health screen, read the same way by every surface."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from knotwork.domain.health_screen import HealthScreen
from knotwork.errors import KnotworkError

if TYPE_CHECKING:
    from knotwork.domain.records import Profile


class ScreenUnavailable(KnotworkError, RuntimeError):
    """The saved health screen cannot be read (the journal is unavailable)."""


def screen_of(profile: Profile) -> HealthScreen:
    """Return the health screen a saved profile holds."""
    return HealthScreen.of(profile.conditions, profile.cleared)


def saved_screen(environ: Mapping[str, str]) -> HealthScreen:
    """Return the saved health screen for the journal ``environ`` points at.

    A current SQLite journal is read with the standard library, which keeps a
    scripted `check` quick; anything else opens the Journal as usual.
    """
    import os

    from knotwork.paths import UnsafeDatabaseUrl, database_location, sqlite_file

    try:
        url = database_location(environ)
    except UnsafeDatabaseUrl:
        url = ""
    path = sqlite_file(url) if url else None
    if path is not None and "?" not in url:
        if not os.path.exists(path):  # nothing saved yet: nothing to import
            return HealthScreen()
        from knotwork.store.saved_conditions import read_saved_conditions

        saved = read_saved_conditions(path)
        if saved is not None:
            return HealthScreen.of(*saved)
    from knotwork.config import Settings
    from knotwork.services.journal import JournalUnavailable, open_journal

    try:
        return screen_of(open_journal(Settings()).profile())
    except JournalUnavailable as exc:
        raise ScreenUnavailable(str(exc)) from exc
