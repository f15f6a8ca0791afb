"""Where the journal lives, said for a terminal or for a web page."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knotwork.config import Settings


def describe_location(settings: Settings) -> str:
    """Say where the journal lives, without any password."""
    if settings.sqlite_path is not None:
        return str(settings.sqlite_path)
    from urllib.parse import urlsplit

    url = urlsplit(settings.database_url)
    database = url.path.lstrip("/")
    return f"PostgreSQL database {database} on {url.hostname or 'localhost'}"


def describe_location_briefly(settings: Settings) -> str:
    """Say where the journal lives without naming folders, users or hosts.

    For web pages: an absolute path tells any page (or screenshot) the
    account name and folder layout, and a person needs none of it there.
    """
    if settings.sqlite_path is not None:
        return "in knotwork's data folder on this machine"
    return "in your PostgreSQL database"
