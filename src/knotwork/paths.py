"""Where the journal lives: the one rule behind ``Settings`` and its readers.

``knotwork.config.Settings`` and the readers that run before any Settings
exist (the saved health screen, `progress --json`) both call these rules.
Only the standard library is imported; platformdirs only when no
KNOTWORK_HOME is set on a system other than Linux.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from knotwork.errors import KnotworkError

DATABASE_FILE = "knotwork.db"
ENV_PREFIX = "KNOTWORK_"

# Only these two back-ends are tested; psycopg 3 is the PostgreSQL driver.
POSTGRES_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")
POSTGRES_URL_PREFIX = "postgresql+psycopg://"
SQLITE_URL_PREFIX = "sqlite:///"


class UnsafeDatabaseUrl(KnotworkError):
    """A database URL knotwork refuses: unknown, or one that would lose data."""


def home_directory(configured: str | None = None) -> str:
    """Return the absolute data folder: ``configured``, else the platform's."""
    if configured is None:
        configured = _platform_data_dir()
    # A relative home would move with the working directory and split one
    # person's journal across folders.
    return os.path.realpath(os.path.expanduser(configured))


def _platform_data_dir() -> str:
    """Return platformdirs' user data folder for knotwork.

    On Linux that is the XDG rule, read here directly: importing platformdirs
    costs a scripted `check` a tenth of its time budget. A test holds the two
    equal; other systems ask platformdirs.
    """
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "").strip()
        if not base:
            base = os.path.expanduser("~/.local/share")
        return os.path.join(base, "knotwork")
    from platformdirs import user_data_dir

    return user_data_dir("knotwork", appauthor=False)


def known_database_url(url: str) -> str:
    """Return the URL in the form knotwork connects with ("" means the default).

    Raise ``UnsafeDatabaseUrl`` for anything but a SQLite file or PostgreSQL.
    """
    url = url.strip()
    if not url:
        return url
    for prefix in POSTGRES_PREFIXES:
        if url.startswith(prefix):
            return POSTGRES_URL_PREFIX + url.removeprefix(prefix)
    in_memory = ":memory:" in url or "mode=memory" in url
    if url.startswith(SQLITE_URL_PREFIX) and not in_memory:
        if url == SQLITE_URL_PREFIX:
            raise UnsafeDatabaseUrl("a SQLite URL needs a file path")
        return url
    if url.startswith("sqlite:"):
        # An in-memory database forgets every entry when the process ends.
        raise UnsafeDatabaseUrl("an in-memory SQLite database would lose the journal")
    scheme = url.split(":", 1)[0]
    raise UnsafeDatabaseUrl(
        f"unsupported database '{scheme}': use sqlite:///PATH or "
        "postgresql+psycopg://USER@HOST/DB"
    )


def default_database_url(home: str) -> str:
    """Return the URL of the SQLite journal inside the data folder ``home``."""
    return SQLITE_URL_PREFIX + os.path.join(home, DATABASE_FILE)


def sqlite_file(url: str) -> str | None:
    """Return the file a SQLite URL names, or None for PostgreSQL."""
    if not url.startswith("sqlite:"):
        return None
    return url.removeprefix(SQLITE_URL_PREFIX).split("?", 1)[0]


def database_location(environ: Mapping[str, str]) -> str:
    """Return the database URL the environment configures, as ``Settings`` does.

    Variable names match case-insensitively, as in ``Settings``.
    Raise ``UnsafeDatabaseUrl`` for a URL ``Settings`` would refuse.
    """
    env = {key.lower(): value for key, value in environ.items()}
    prefix = ENV_PREFIX.lower()
    url = known_database_url(env.get(prefix + "database_url", ""))
    if url:
        return url
    return default_database_url(home_directory(env.get(prefix + "home")))
