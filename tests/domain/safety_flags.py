"""The flags the safety screen raises for a text, for the reader's tests."""

from __future__ import annotations

from knotwork.domain.safety.verdict import check_safety


def flags(text: str) -> set[str]:
    """Return the ids of every reason the screen gives for ``text``."""
    return {r.id for r in check_safety(text).reasons}
