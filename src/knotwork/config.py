"""Settings read from the environment: where knotwork keeps a person's data.

Adapters build ``Settings()`` and pass it in; nothing here runs at import
time, so commands that never touch the journal never pay for it. The rules
themselves live in ``knotwork.paths``, shared with readers that need no
Settings at all.

A plain frozen dataclass, not a pydantic-settings model: three strings do
not need a validation framework, and importing one cost every journal
command about 120 ms of start-up.
"""

from __future__ import annotations

import os
from pathlib import Path

from knotwork import paths
from knotwork.errors import KnotworkError
from knotwork.kb.record import field, record

# A guessable token would be worse than none: insist on a long one.
MIN_TOKEN_LENGTH = 32


class InvalidSettings(KnotworkError):
    """An environment variable holds a value knotwork cannot keep data safely with."""


@record
class Settings:
    """Where the journal lives; refuses anything knotwork cannot keep safely.

    A value given here wins; otherwise ``KNOTWORK_HOME``,
    ``KNOTWORK_DATABASE_URL`` and ``KNOTWORK_ACCESS_TOKEN`` are read (their
    names in any case), and then the defaults.
    """

    home: Path = field(default=None)
    database_url: str = ""
    # Set it to serve beyond this machine. Left empty, a random token is kept
    # in the data folder (see ``access_token_file``).
    access_token: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        env = {k.lower(): v for k, v in os.environ.items()}

        def read(name: str, given: object) -> str | None:
            if given not in (None, ""):
                return os.fspath(given)  # type: ignore[call-overload, no-any-return]
            return env.get(paths.ENV_PREFIX.lower() + name)

        home = paths.home_directory(read("home", self.home))
        try:
            url = paths.known_database_url(
                read("database_url", self.database_url) or ""
            )
        except paths.UnsafeDatabaseUrl as error:
            raise InvalidSettings(f"KNOTWORK_DATABASE_URL: {error}") from None
        token = _strong_token(read("access_token", self.access_token) or "")
        object.__setattr__(self, "home", Path(home))
        object.__setattr__(
            self, "database_url", url or paths.default_database_url(home)
        )
        object.__setattr__(self, "access_token", token)

    @property
    def is_sqlite(self) -> bool:
        """Whether the journal is an embedded SQLite file."""
        return self.database_url.startswith("sqlite:")

    @property
    def sqlite_path(self) -> Path | None:
        """Return the SQLite file, or None for PostgreSQL."""
        found = paths.sqlite_file(self.database_url)
        return None if found is None else Path(found)


def _strong_token(token: str) -> str:
    token = token.strip()
    if token and (len(token) < MIN_TOKEN_LENGTH or not token.isascii()):
        raise InvalidSettings(
            f"KNOTWORK_ACCESS_TOKEN: an access token needs at least "
            f"{MIN_TOKEN_LENGTH} ASCII characters; make one with: python3 -c "
            "'import secrets; print(secrets.token_urlsafe(32))'"
        )
    if token and (not token.isprintable() or " " in token):
        raise InvalidSettings(
            "KNOTWORK_ACCESS_TOKEN: an access token cannot hold spaces or "
            "control characters"
        )
    return token
