"""Settings read from the environment: where knotwork keeps a person's data.

Adapters build ``Settings()`` and pass it in; nothing here runs at import
time, so commands that never touch the journal never pay for it. The rule
itself lives in ``knotwork.paths``, shared with the start-up fast path.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knotwork import paths

# A guessable token would be worse than none: insist on a long one.
MIN_TOKEN_LENGTH = 32


def _default_home() -> Path:
    return Path(paths.home_directory())


class Settings(BaseSettings):
    """Where the journal lives; refuses anything knotwork cannot keep safely."""

    model_config = SettingsConfigDict(env_prefix=paths.ENV_PREFIX, extra="ignore")

    home: Path = Field(default_factory=_default_home)
    database_url: str = ""
    # KNOTWORK_ACCESS_TOKEN: set it to serve beyond this machine. Left empty,
    # a random token is kept in the data folder (see ``access_token_file``).
    access_token: str = Field(default="", repr=False)

    @field_validator("home", mode="before")
    @classmethod
    def _absolute_home(cls, home: Any) -> Any:
        if isinstance(home, str | os.PathLike):
            return Path(paths.home_directory(os.fspath(home)))
        return home  # not a path at all: pydantic explains the error

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        return paths.known_database_url(url)

    @field_validator("access_token")
    @classmethod
    def _strong_token(cls, token: str) -> str:
        token = token.strip()
        if token and (len(token) < MIN_TOKEN_LENGTH or not token.isascii()):
            raise ValueError(
                f"an access token needs at least {MIN_TOKEN_LENGTH} ASCII "
                "characters; make one with: python3 -c "
                "'import secrets; print(secrets.token_urlsafe(32))'"
            )
        if token and not token.isprintable() or " " in token:
            raise ValueError("an access token cannot hold spaces or control characters")
        return token

    @model_validator(mode="after")
    def _fill_default_url(self) -> Settings:
        if not self.database_url:
            self.database_url = paths.default_database_url(str(self.home))
        return self

    @property
    def is_sqlite(self) -> bool:
        """Whether the journal is an embedded SQLite file."""
        return self.database_url.startswith("sqlite:")

    @property
    def sqlite_path(self) -> Path | None:
        """Return the SQLite file, or None for PostgreSQL."""
        found = paths.sqlite_file(self.database_url)
        return None if found is None else Path(found)
