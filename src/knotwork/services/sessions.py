"""Keep guided-session results."""

from __future__ import annotations

import importlib

from knotwork.domain.records import SessionRecord


def save_session(record: SessionRecord) -> str | None:
    """Store the session in the journal; return where, or None if unavailable."""
    try:
        journal = importlib.import_module("knotwork.services.journal")
    except ImportError:  # the journal lands separately; the record still prints
        return None
    where: str | None = journal.save_session_record(record)
    return where
