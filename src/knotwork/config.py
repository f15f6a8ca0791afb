"""Settings read from the environment: where knotwork keeps a person's data.

Adapters build ``Settings()`` and pass it in; nothing here runs at import
time, so commands that never touch the journal never pay for it.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DATABASE_FILE = "knotwork.db"

# Only these two back-ends are tested; psycopg 3 is the PostgreSQL driver.
POSTGRES_PREFIXES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def _default_home() -> Path:
    return Path(user_data_dir("knotwork", appauthor=False))


class Settings(BaseSettings):
    """Where the journal lives; refuses anything knotwork cannot keep safely."""

    model_config = SettingsConfigDict(env_prefix="KNOTWORK_", extra="ignore")

    home: Path = Field(default_factory=_default_home)
    database_url: str = ""

    @field_validator("home")
    @classmethod
    def _absolute_home(cls, home: Path) -> Path:
        # A relative home would move with the working directory and split
        # one person's journal across folders.
        return home.expanduser().resolve()

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        url = url.strip()
        if not url:
            return url
        for prefix in POSTGRES_PREFIXES:
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url.removeprefix(prefix)
        in_memory = ":memory:" in url or "mode=memory" in url
        if url.startswith("sqlite:///") and not in_memory:
            if url == "sqlite:///":
                raise ValueError("a SQLite URL needs a file path")
            return url
        if url.startswith("sqlite:"):
            # An in-memory database forgets every entry when the process ends.
            raise ValueError("an in-memory SQLite database would lose the journal")
        scheme = url.split(":", 1)[0]
        raise ValueError(
            f"unsupported database '{scheme}': use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DB"
        )

    @model_validator(mode="after")
    def _fill_default_url(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{self.home / DATABASE_FILE}"
        return self

    @property
    def is_sqlite(self) -> bool:
        """Whether the journal is an embedded SQLite file."""
        return self.database_url.startswith("sqlite:")

    @property
    def sqlite_path(self) -> Path | None:
        """Return the SQLite file, or None for PostgreSQL."""
        if not self.is_sqlite:
            return None
        return Path(self.database_url.removeprefix("sqlite:///").split("?", 1)[0])
