"""The person's profile in the journal: read it, and change it atomically.

``Journal`` inherits these methods; they live here so the journal module
stays about entries, sessions and plans. Every change is a function from the
stored profile to the new one, applied by ``change_profile`` in one locked
transaction and checked before it is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from knotwork.domain.journal.records import InvalidRecord, OwnedBall, Profile
from knotwork.kb.record import replace
from knotwork.services import journal_checks as checks
from knotwork.store import profile_repo

if TYPE_CHECKING:
    from knotwork.domain.safety.health_facts import ScreenAnswers
    from knotwork.store.db import Database

Clock = Callable[[], datetime]


class JournalProfile:
    """The profile half of ``Journal``: needs its ``database`` and ``clock``."""

    database: Database
    clock: Clock

    def profile(self) -> Profile:
        """Return the person's profile (the default one until they set it)."""
        with self.database.reading() as connection:
            return profile_repo.load_profile(connection)

    def update_profile(self, person: Profile) -> Profile:
        """Check and replace the whole profile; return it as stored."""
        return self.change_profile(lambda _old: person)

    def change_profile(self, change: Callable[[Profile], Profile]) -> Profile:
        """Apply ``change`` to the stored profile atomically; return the result.

        Read and write share one locked transaction, so two edits made at once
        both land instead of one overwriting the other.
        """
        now = self.clock()
        with self.database.writing() as connection:
            profile_repo.lock_profile(connection)
            person = change(profile_repo.load_profile(connection))
            person = checks.check_profile(person, now.astimezone().date())
            profile_repo.save_profile(connection, person, now)
        return person

    def set_preferences(
        self, tolerance: str | None = None, experience: str | None = None
    ) -> Profile:
        """Set pressure tolerance and/or experience."""
        return self.change_profile(
            lambda p: replace(
                p,
                tolerance=tolerance or p.tolerance,
                experience=experience or p.experience,
            )
        )

    def add_condition(self, condition: str, cleared: bool = False) -> Profile:
        """Record a condition, optionally already cleared by a clinician."""

        def add(p: Profile) -> Profile:
            from knotwork.domain.safety.health_facts import SCREEN_OWNED

            if condition in SCREEN_OWNED and p.health.answered:
                # The answered screen decides these; a second source would
                # silently disagree with it.
                raise InvalidRecord(
                    f"'{condition}' comes from your health screen: change it "
                    "there (knotwork profile health, or the Health screen page)"
                )
            clear = [*p.cleared, condition] if cleared else p.cleared
            return replace(p, conditions=[*p.conditions, condition], cleared=clear)

        return self.change_profile(add)

    def set_conditions(
        self, conditions: Sequence[str], cleared: Sequence[str] = ()
    ) -> Profile:
        """Replace the conditions the person ticked, keeping the screen's own.

        Age, pregnancy and the weeks after a birth come from the health screen
        (``set_health``); a questionnaire of conditions leaves them as they are.
        Only a ticked condition can be cleared.
        """
        from knotwork.domain.safety.health_facts import SCREEN_OWNED

        chosen = list(dict.fromkeys(c for c in conditions if c not in SCREEN_OWNED))
        clear = [c for c in dict.fromkeys(cleared) if c in chosen]
        return self.change_profile(
            lambda p: replace(
                p,
                conditions=[*chosen, *(c for c in p.conditions if c in SCREEN_OWNED)],
                cleared=[*clear, *(c for c in p.cleared if c in SCREEN_OWNED)],
            )
        )

    def clear_condition(self, condition: str) -> Profile:
        """Mark a recorded condition as cleared by a clinician.

        A condition the health screen implies (a pregnancy, the weeks after a
        birth) can be cleared too; it is recorded so the clearance is kept.
        """

        def clear(p: Profile) -> Profile:
            from knotwork.services.health import screen_of

            implied = screen_of(p, self.clock().astimezone().date()).conditions
            if condition not in p.conditions and condition not in implied:
                raise InvalidRecord(f"'{condition}' is not in your profile")
            conditions = list(dict.fromkeys([*p.conditions, condition]))
            return replace(p, conditions=conditions, cleared=[*p.cleared, condition])

        return self.change_profile(clear)

    def remove_condition(self, condition: str) -> Profile:
        """Forget a condition."""

        def remove(p: Profile) -> Profile:
            if condition not in p.conditions:
                raise InvalidRecord(f"'{condition}' is not in your profile")
            return replace(
                p,
                conditions=[c for c in p.conditions if c != condition],
                cleared=[c for c in p.cleared if c != condition],
            )

        return self.change_profile(remove)

    def set_health(self, answers: ScreenAnswers) -> Profile:
        """Save the health screen's answers, dated today, in one transaction.

        An implant is a condition like any other, so it joins or leaves the
        conditions; the rest are dated facts that turn into conditions as the
        calendar moves (see ``services.health.screen_of``).
        """
        from knotwork.domain.safety.health_facts import health_facts

        facts = health_facts(
            age_band=answers.age_band,
            pregnant_weeks=answers.pregnant_weeks,
            gave_birth_on=answers.gave_birth_on,
            medicines=answers.medicines,
            today=self.clock().astimezone().date(),
        )

        def change(p: Profile) -> Profile:
            from knotwork.domain.safety.health_facts import SCREEN_OWNED, medicine_class

            others = [c for c in p.conditions if c != "implanted_device"]
            implant = ["implanted_device"] if answers.implant else []
            conditions = [*others, *implant]
            cleared = [c for c in p.cleared if c in conditions]
            if answers.cleared is not None:
                # A clearance covers what the screen implies today (a pregnancy
                # at its current stage, the weeks after a birth).
                today = facts.screened_on or self.clock().date()
                owned = [
                    c
                    for c in facts.conditions(today, medicine_class)
                    if c in SCREEN_OWNED
                ]
                cleared = [c for c in cleared if c not in SCREEN_OWNED]
                if answers.cleared:
                    conditions = list(dict.fromkeys([*conditions, *owned]))
                    cleared = [*cleared, *owned]
            return replace(p, health=facts, conditions=conditions, cleared=cleared)

        return self.change_profile(change)

    def add_ball(self, ball: str, purchased: date | None = None) -> Profile:
        """Record a ball the person owns; adding it again updates the date."""
        owned = OwnedBall(ball=ball, purchased=purchased)
        return self.change_profile(
            lambda p: replace(p, balls=[*(b for b in p.balls if b.ball != ball), owned])
        )

    def remove_ball(self, ball: str) -> Profile:
        """Forget a ball."""

        def remove(p: Profile) -> Profile:
            if all(b.ball != ball for b in p.balls):
                raise InvalidRecord(f"you have no '{ball}' ball in your profile")
            return replace(p, balls=[b for b in p.balls if b.ball != ball])

        return self.change_profile(remove)

    def set_positions(self, positions: Sequence[str]) -> Profile:
        """Set the positions the person can use."""
        return self.change_profile(lambda p: replace(p, positions=list(positions)))

    def set_training_days(self, days: Sequence[str]) -> Profile:
        """Set the person's training days."""
        return self.change_profile(lambda p: replace(p, training_days=list(days)))
