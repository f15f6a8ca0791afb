"""The facts of the health screen that change with the calendar.

A person answers the screen once: age band, pregnancy and its weeks (or the
date of a birth), and the medicines they take. Weeks of pregnancy are stored
with the day they were given, so "18 weeks" said in March is read as 26 weeks
in May and the limits from 20 weeks apply without asking again. The screen
turns into condition ids, the one language every safety rule reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import NamedTuple

from knotwork.errors import KnotworkError
from knotwork.kb.record import record

AGE_BANDS = ("under_16", "16_to_49", "50_plus")
AGE_BAND_NAMES = {
    "under_16": "under 16",
    "16_to_49": "16 to 49",
    "50_plus": "50 or over",
}
_AGE_CONDITION = {"under_16": "under_16", "50_plus": "age_50_plus"}

# A pregnancy is followed up to 42 weeks; past that the baby has almost
# certainly arrived, so the screen asks again rather than guess.
MAX_PREGNANCY_WEEKS = 42
# The clot risk after a birth stays raised for about six to twelve weeks.
POSTPARTUM_WEEKS = 12
MAX_MEDICINES = 20
MAX_MEDICINE_CHARS = 60

# Conditions the screen owns once it has been answered: a saved screen, not
# an old hand-added id, says whether the person is pregnant or how old.
SCREEN_OWNED = frozenset(
    [
        "under_16",
        "age_50_plus",
        "pregnancy",
        "pregnancy_from_20_weeks",
        "pregnancy_third_trimester",
        "postpartum",
    ]
)
MEDICINE_CLASSES = ("anticoagulants", "antiplatelets", "oral_steroids")
MEDICINE_CLASS_NAMES = {
    "anticoagulants": "a blood thinner",
    "antiplatelets": "an antiplatelet",
    "oral_steroids": "a steroid tablet",
}


class InvalidHealthFacts(KnotworkError, ValueError):
    """A health-screen answer outside its bounds."""


@record
class HealthFacts:
    """What the person said about themselves, and on which day."""

    age_band: str | None = None
    pregnant_weeks: int | None = None
    pregnant_as_of: date | None = None
    gave_birth_on: date | None = None
    medicines: tuple[str, ...] = ()
    screened_on: date | None = None

    @property
    def answered(self) -> bool:
        """Whether the person has been through the screen."""
        return self.screened_on is not None

    def weeks_pregnant(self, today: date) -> int | None:
        """Return the weeks of pregnancy today, counted on from when given."""
        if self.pregnant_weeks is None:
            return None
        since = self.pregnant_as_of or today
        return self.pregnant_weeks + max(0, (today - since).days) // 7

    def weeks_since_birth(self, today: date) -> int | None:
        """Return the whole weeks since the birth, if one was given."""
        if self.gave_birth_on is None:
            return None
        return max(0, (today - self.gave_birth_on).days) // 7

    def conditions(
        self, today: date, classify: Callable[[str], str | None]
    ) -> list[str]:
        """Return the condition ids these facts mean today.

        ``classify`` names the medicine class of a medicine ("Eliquis" is an
        anticoagulant), or None for one that changes nothing here.
        """
        found: list[str] = []
        if self.age_band in _AGE_CONDITION:
            found.append(_AGE_CONDITION[self.age_band])
        weeks = self.weeks_pregnant(today)
        if weeks is not None:
            found.append("pregnancy")
            if weeks >= 28:
                found.append("pregnancy_third_trimester")
            elif weeks >= 20:
                found.append("pregnancy_from_20_weeks")
        after_birth = self.weeks_since_birth(today)
        if after_birth is not None and after_birth < POSTPARTUM_WEEKS:
            found.append("postpartum")
        for medicine in self.medicines:
            kind = classify(medicine)
            if kind and kind not in found:
                found.append(kind)
        return found

    def to_ask_again(self, today: date) -> list[str]:
        """Return what has probably changed since the screen was answered."""
        notes = []
        weeks = self.weeks_pregnant(today)
        if weeks is not None and weeks > MAX_PREGNANCY_WEEKS:
            notes.append(
                f"The screen counts {weeks} weeks of pregnancy: has your baby "
                "arrived? Update your health screen so the advice fits."
            )
        return notes

    def to_json(self) -> dict[str, object]:
        """Return the documented JSON form."""
        return {
            "age_band": self.age_band,
            "pregnant_weeks": self.pregnant_weeks,
            "pregnant_as_of": _iso(self.pregnant_as_of),
            "gave_birth_on": _iso(self.gave_birth_on),
            "medicines": list(self.medicines),
            "screened_on": _iso(self.screened_on),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def health_facts(
    *,
    age_band: str | None,
    pregnant_weeks: int | None,
    gave_birth_on: date | None,
    medicines: Iterable[str],
    today: date,
) -> HealthFacts:
    """Validate a person's answers and date them ``today``."""
    if age_band is not None and age_band not in AGE_BANDS:
        raise InvalidHealthFacts(
            f"age band '{age_band[:20]}' should be one of {', '.join(AGE_BANDS)}"
        )
    if pregnant_weeks is not None and (
        isinstance(pregnant_weeks, bool)
        or not 0 <= pregnant_weeks <= MAX_PREGNANCY_WEEKS
    ):
        raise InvalidHealthFacts(
            f"weeks of pregnancy should be from 0 to {MAX_PREGNANCY_WEEKS}"
        )
    if gave_birth_on is not None:
        if gave_birth_on > today:
            raise InvalidHealthFacts("the date of the birth is in the future")
        if (today - gave_birth_on).days > 366 * 2:
            # Older than two years changes nothing here; keep the screen short.
            gave_birth_on = None
    names = tuple(dict.fromkeys(m.strip() for m in medicines if m.strip()))
    if len(names) > MAX_MEDICINES:
        raise InvalidHealthFacts(f"list at most {MAX_MEDICINES} medicines")
    for name in names:
        if len(name) > MAX_MEDICINE_CHARS:
            raise InvalidHealthFacts(
                f"a medicine name is at most {MAX_MEDICINE_CHARS} characters"
            )
    return HealthFacts(
        age_band=age_band,
        pregnant_weeks=pregnant_weeks,
        pregnant_as_of=today if pregnant_weeks is not None else None,
        gave_birth_on=gave_birth_on,
        medicines=names,
        screened_on=today,
    )


def check_facts(facts: HealthFacts, today: date) -> HealthFacts:
    """Return saved or imported facts unchanged, or raise when out of bounds."""
    if not facts.answered:
        return HealthFacts()
    days = [facts.screened_on, facts.pregnant_as_of, facts.gave_birth_on]
    if any(day is not None and day > today for day in days):
        raise InvalidHealthFacts("a health-screen date is in the future")
    if (facts.pregnant_weeks is None) != (facts.pregnant_as_of is None):
        raise InvalidHealthFacts("weeks of pregnancy need the day they were given")
    checked = health_facts(
        age_band=facts.age_band,
        pregnant_weeks=facts.pregnant_weeks,
        gave_birth_on=None,
        medicines=facts.medicines,
        today=today,
    )
    if checked.medicines != facts.medicines:
        raise InvalidHealthFacts("medicine names must be distinct and not blank")
    return facts


def with_screen(
    conditions: Iterable[str],
    facts: HealthFacts,
    today: date,
    classify: Callable[[str], str | None],
) -> list[str]:
    """Return saved conditions with the screen's facts applied for today."""
    saved = list(conditions)
    if facts.answered:
        saved = [c for c in saved if c not in SCREEN_OWNED]
    return list(dict.fromkeys([*saved, *facts.conditions(today, classify)]))


def medicine_class(name: str) -> str | None:
    """Return the class of a medicine that changes ball work, else None.

    The safety reader already knows brand and generic names ("Eliquis",
    "apixaban", "Plavix"), so the screen asks it rather than keep a second list.
    """
    from knotwork.domain.safety.verdict import check_safety

    reasons = check_safety(f"I take {name} every day").reasons
    return next((r.id for r in reasons if r.id in MEDICINE_CLASSES), None)


class ScreenPrompt(NamedTuple):
    """One item of the health screen, asked the same way on every surface."""

    id: str
    text: str
    hint: str


# The screen a person answers once. Answers are plain text so the terminal,
# the web form and the API read them with one parser (``read_screen``).
SCREEN_PROMPTS = (
    ScreenPrompt(
        "age_band",
        "How old are you?",
        "under 16, 16 to 49, or 50 or over",
    ),
    ScreenPrompt(
        "pregnant_weeks",
        "Are you pregnant? If so, how many weeks?",
        "a number of weeks, or leave blank for no",
    ),
    ScreenPrompt(
        "gave_birth_on",
        "Have you given birth in the last 12 weeks? If so, on what date?",
        "YYYY-MM-DD, or leave blank for no",
    ),
    ScreenPrompt(
        "medicines",
        "Which medicines do you take regularly? Blood thinners (warfarin, "
        "apixaban/Eliquis, rivaroxaban/Xarelto), aspirin or clopidogrel, and "
        "steroid tablets (prednisolone) matter most.",
        "names separated by commas, or leave blank for none",
    ),
    ScreenPrompt(
        "implant",
        "Do you have an implanted device: a pacemaker or defibrillator, a port, "
        "breast implants, a nerve stimulator or an insulin pump?",
        "yes or no",
    ),
)

_AGE_WORDS = {
    "under 16": "under_16",
    "under_16": "under_16",
    "16 to 49": "16_to_49",
    "16_to_49": "16_to_49",
    "50 or over": "50_plus",
    "50_plus": "50_plus",
    "50+": "50_plus",
}
_YES_WORDS = frozenset(["yes", "y", "true", "1", "on"])
_NO_WORDS = frozenset(["no", "n", "false", "0", "off", "none", ""])


class ScreenAnswers(NamedTuple):
    """The screen's answers, read and bounded, ready to save."""

    age_band: str | None
    pregnant_weeks: int | None
    gave_birth_on: date | None
    medicines: tuple[str, ...]
    implant: bool
    # A clinician has cleared ball work despite a pregnancy or a recent birth;
    # None leaves any earlier clearance as it was.
    cleared: bool | None = None


def read_screen(answers: Mapping[str, str]) -> ScreenAnswers:
    """Read the screen's plain-text answers, or raise ``InvalidHealthFacts``."""
    unknown = sorted(set(answers) - {p.id for p in SCREEN_PROMPTS} - {"cleared"})
    if unknown:
        raise InvalidHealthFacts(f"unknown health-screen answer '{unknown[0][:40]}'")
    text = {k: str(v).strip()[:400] for k, v in answers.items()}
    age = text.get("age_band", "").lower()
    age_band = _read_age(age) if age else None
    weeks_text = text.get("pregnant_weeks", "").lower()
    pregnant_weeks = None
    if weeks_text not in _NO_WORDS:
        if not weeks_text.isdigit():
            raise InvalidHealthFacts("weeks of pregnancy should be a whole number")
        pregnant_weeks = int(weeks_text)
    birth_text = text.get("gave_birth_on", "")
    gave_birth_on = None
    if birth_text.lower() not in _NO_WORDS:
        try:
            gave_birth_on = date.fromisoformat(birth_text)
        except ValueError:
            raise InvalidHealthFacts(
                f"'{birth_text[:20]}' is not a date like 2026-11-02"
            ) from None
    medicines_text = text.get("medicines", "")
    medicines = tuple(
        m.strip()
        for m in medicines_text.replace(";", ",").replace("\n", ",").split(",")
        if m.strip() and m.strip().lower() not in _NO_WORDS
    )
    implant_text = text.get("implant", "").lower()
    if implant_text not in _YES_WORDS | _NO_WORDS:
        raise InvalidHealthFacts("answer the implant question with yes or no")
    cleared_text = text.get("cleared")
    cleared = None if cleared_text is None else cleared_text.lower() in _YES_WORDS
    return ScreenAnswers(
        age_band,
        pregnant_weeks,
        gave_birth_on,
        medicines,
        implant_text in _YES_WORDS,
        cleared,
    )


def _read_age(text: str) -> str:
    if text in _AGE_WORDS:
        return _AGE_WORDS[text]
    if text.isdigit():
        years = int(text)
        if 0 < years < 16:
            return "under_16"
        if 16 <= years < 50:
            return "16_to_49"
        if 50 <= years <= 120:
            return "50_plus"
    raise InvalidHealthFacts("give your age band: under 16, 16 to 49, or 50 or over")
