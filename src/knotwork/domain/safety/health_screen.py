"""The health screen: what a person tells knotwork once about their health.

Age band, pregnancy or the weeks after birth, medicines by class, conditions
and implants all become condition ids (so every rule reads them the same
way), plus the age band and the answers to screening questions. A request can
add to the saved screen; it never silently drops what was saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from knotwork.errors import KnotworkError
from knotwork.kb.record import record

# Longest free text the reader takes: about a page. Reading is linear, but a
# person never needs more, and a bound keeps every surface quick.
MAX_TEXT_CHARS = 5000


class TextTooLong(KnotworkError):
    """A description longer than ``MAX_TEXT_CHARS``."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"the description is {length:,} characters long; "
            f"knotwork reads at most {MAX_TEXT_CHARS:,}"
        )
        self.length = length


def check_text(text: str) -> str:
    """Return the text, or raise ``TextTooLong`` when it exceeds the limit."""
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(len(text))
    return text


@record
class HealthScreen:
    """Conditions (with clinician clearance) and screening answers.

    Age, pregnancy, medicines and implants are condition ids too
    ("age_50_plus", "under_16", "pregnancy_from_20_weeks", "antiplatelets",
    "implanted_device"), so the saved profile holds the whole screen.
    """

    conditions: tuple[str, ...] = ()
    cleared: tuple[str, ...] = ()
    answers: tuple[tuple[str, bool], ...] = ()

    @classmethod
    def of(
        cls,
        conditions: Iterable[str] = (),
        cleared: Iterable[str] = (),
        answers: Mapping[str, bool] | None = None,
    ) -> HealthScreen:
        """Build a screen from plain collections."""
        return cls(
            conditions=tuple(dict.fromkeys(conditions)),
            cleared=tuple(dict.fromkeys(cleared)),
            answers=tuple(sorted((answers or {}).items())),
        )

    @property
    def answered(self) -> dict[str, bool]:
        """Return the answers as a mapping."""
        return dict(self.answers)

    def adding(
        self,
        conditions: Iterable[str] = (),
        answers: Mapping[str, bool] | None = None,
    ) -> HealthScreen:
        """Return this screen with a request's conditions and answers added."""
        merged = self.answered | dict(answers or {})
        return HealthScreen.of([*self.conditions, *conditions], self.cleared, merged)


_YES = ("yes", "y", "true", "1")
_NO = ("no", "n", "false", "0")


def parse_answer(text: str) -> tuple[str, bool]:
    """Read "QUESTION_ID=yes" or "QUESTION_ID=no" into (id, answer)."""
    qid, sep, value = text.partition("=")
    value = value.strip().lower()
    if not sep or not qid.strip() or value not in _YES + _NO:
        raise ValueError(
            f"answer '{text[:60]}' should look like QUESTION_ID=yes or =no"
        )
    return qid.strip(), value in _YES
