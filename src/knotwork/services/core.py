"""``Knotwork``: the one object every adapter opens, as sqlite-utils' ``Database``.

It owns the knowledge base (loaded once, on first use) and the journal (opened
once, on first use), and offers every use case: consult, check, balls,
routine, plan, session, journal, progress, export and import. The saved
profile is applied here and nowhere else, so the CLI, the API and the pages
give the same answer to the same question.

Each use case delegates to the domain or to a service module; this class only
wires them to the knowledge and the journal. Heavy modules are imported inside
the methods that need them, so `knotwork check` never pays for the database.
"""

from __future__ import annotations

import _thread
import gc
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knotwork.config import Settings
    from knotwork.domain.balls.advice import BallAdvice
    from knotwork.domain.balls.needs import BallNeeds
    from knotwork.domain.journal.records import Profile, SessionRecord
    from knotwork.domain.plans.week import WeekPlan
    from knotwork.domain.progress.learning import ProgressReport
    from knotwork.domain.routines.model import Routine
    from knotwork.domain.safety.health_screen import HealthScreen
    from knotwork.domain.safety.verdict import SafetyResult
    from knotwork.exports.json_export import ExportBundle
    from knotwork.kb.models import KnowledgeBase
    from knotwork.services.consult import Consultation
    from knotwork.services.journal import History, Journal


class Knotwork:
    """One person's knotwork: the knowledge, the journal and every use case.

    ``Knotwork(settings)`` is what the web app keeps. The CLI passes no
    settings: they are read from ``environ`` when the journal is first needed,
    because validating them costs `where` and `check` a third of their time.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._settings = settings
        self._environ = os.environ if environ is None else environ
        self._journal: Journal | None = None
        # The web app's worker threads may all ask for the journal at once.
        # (threading.Lock is this same lock; _thread spares the CLI importing
        # the threading module it never uses.)
        self._opening = _thread.allocate_lock()

    # -- what it owns -------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """Return the settings, reading the environment the first time."""
        if self._settings is None:
            from knotwork.config import Settings

            # A bad KNOTWORK_* value raises InvalidSettings, a KnotworkError:
            # the CLI exits 2 and the web app answers with a problem.
            self._settings = Settings()
        return self._settings

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base (built once per process, then cached)."""
        from knotwork.kb.loader import load_kb

        return load_kb()

    @property
    def journal(self) -> Journal:
        """Return the journal, opening (and migrating) it on first use."""
        if self._journal is None:
            with self._opening:
                if self._journal is None:
                    from knotwork.services.journal import open_journal

                    self._journal = open_journal(self.settings)
        return self._journal

    @property
    def is_open(self) -> bool:
        """Whether the journal is open now."""
        return self._journal is not None

    def close(self) -> None:
        """Close the journal if it was opened; the object can open it again."""
        journal, self._journal = self._journal, None
        if journal is not None:
            journal.close()

    def __enter__(self) -> Knotwork:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- the person ---------------------------------------------------------

    def profile(self) -> Profile:
        """Return the saved profile (defaults when nothing is saved)."""
        return self.journal.profile()

    def screen(
        self,
        conditions: Iterable[str] = (),
        answers: Mapping[str, bool] | None = None,
        use_profile: bool = True,
    ) -> HealthScreen:
        """Return the saved health screen (unless refused) plus these additions."""
        from knotwork.domain.safety.health_screen import HealthScreen

        base = HealthScreen()
        if use_profile:
            base = self._saved_screen()
        return base.adding(list(conditions), dict(answers or {}))

    def _saved_screen(self) -> HealthScreen:
        from knotwork.services.health import saved_screen, screen_of

        if self._settings is None and self._journal is None:
            # Read through the journal's layer without Settings: no pydantic.
            return saved_screen(self._environ)
        return screen_of(self.profile())

    # -- finding and safety -------------------------------------------------

    def consult(
        self,
        text: str = "",
        regions: Iterable[str] = (),
        side: str | None = None,
        *,
        answers: Mapping[str, bool] | None = None,
        use_profile: bool = True,
        confirmed: Iterable[str] = (),
        ruled_out: Iterable[str] = (),
        screen: HealthScreen | None = None,
    ) -> Consultation:
        """Find the likely sources and screen the same words for safety.

        ``screen`` replaces the saved one when the caller already holds it
        (the guided loop, which asks questions and re-consults).
        """
        from knotwork.services.consult import consult

        person = screen if screen is not None else self.screen((), answers, use_profile)
        return consult(
            text, regions, side, person, confirmed=confirmed, ruled_out=ruled_out
        )

    def check(
        self,
        text: str = "",
        conditions: Iterable[str] = (),
        areas: Iterable[str] = (),
        *,
        answers: Mapping[str, bool] | None = None,
        use_profile: bool = True,
    ) -> SafetyResult:
        """Screen text, the health screen and its answers for red flags."""
        from knotwork.services.consult import screen

        return screen(text, areas, self.screen(conditions, answers, use_profile))

    def ball_needs(
        self,
        muscles: Iterable[str] = (),
        regions: Iterable[str] = (),
        tolerance: str | None = None,
        experience: str | None = None,
        *,
        no_floor: bool = False,
        travel: bool = False,
        eco: bool = False,
        budget_usd: float | None = None,
        use_profile: bool = True,
    ) -> BallNeeds:
        """Return what the person needs of a ball; comfort left out comes from
        the saved profile (unless refused), else the middle of each scale."""
        from knotwork.domain.balls.needs import BallNeeds, experience_of, tolerance_of

        saved = self.profile() if use_profile else None
        return BallNeeds(
            muscles=tuple(muscles),
            regions=tuple(regions),
            tolerance=tolerance_of(tolerance or (saved.tolerance if saved else None)),
            experience=experience_of(
                experience or (saved.experience if saved else None)
            ),
            no_floor=no_floor,
            travel=travel,
            eco=eco,
            budget_usd=budget_usd,
        )

    def balls(
        self,
        needs: BallNeeds,
        conditions: Iterable[str] = (),
        *,
        use_profile: bool = True,
    ) -> BallAdvice:
        """Rank the balls for these needs within what the health screen allows.

        The saved health screen applies unless refused, as it does for a
        check, so every surface ranks the same balls for the same person.
        """
        from knotwork.domain.balls.advice import choose_balls
        from knotwork.domain.balls.needs import validate_needs

        validate_needs(needs, self.kb)
        areas = [*needs.muscles, *needs.regions]
        safety = self.check("", conditions, areas, use_profile=use_profile)
        return choose_balls(needs, self.kb, safety)

    # -- routines, sessions, plans -----------------------------------------

    def routine(
        self,
        name: str | None = None,
        targets: Sequence[str] = (),
        *,
        use_profile: bool = True,
        minutes: float | None = None,
        context: str | None = None,
        have: Sequence[str] = (),
        positions: Sequence[str] = (),
        conditions: Sequence[str] = (),
        cleared: bool = False,
        side: str | None = None,
        text: str = "",
    ) -> Routine:
        """Build a built-in routine by name, or a custom one for targets.

        The saved profile adds its conditions, clearances, balls and positions
        where the request leaves them out (see ``services.routines``).
        """
        from knotwork.services.routines import make_routine

        return make_routine(
            name=name, targets=targets, minutes=minutes, context=context,
            have=have, positions=positions, conditions=conditions,
            cleared=cleared, side=side, text=text,
            profile=self.profile() if use_profile else None,
        )  # fmt: skip

    def save_session(self, record: SessionRecord) -> None:
        """Keep a finished (or stopped) session in the journal."""
        self.journal.save_session(record)

    def plan(
        self,
        train: Iterable[str] = (),
        focus: Iterable[str] = (),
        minutes_per_week: int | None = None,
        days: int | None = None,
        *,
        use_profile: bool = True,
    ) -> WeekPlan:
        """Plan a week of short sessions around the training days.

        With no training days given, the saved ones are used (unless refused).
        """
        from knotwork.domain.plans.week import build_week_plan

        days_trained = list(train)
        if not days_trained and use_profile:
            days_trained = list(self.profile().training_days)
        return build_week_plan(days_trained, focus, minutes_per_week, days)

    def save_plan(self, plan: Mapping[str, Any]) -> int:
        """Keep a plan, so progress counts sessions against it."""
        return self.journal.save_plan(plan)

    # -- the journal and what it teaches -------------------------------------

    def history(self, spot: str | None = None, since: date | None = None) -> History:
        """Return what was logged, oldest first; ``spot`` may be words."""
        journal = self.journal
        found = None if spot is None else journal.resolve_spot(spot)
        return journal.history(spot=found, since=since)

    def progress(
        self,
        spot: str | None = None,
        since: date | None = None,
        now: datetime | None = None,
    ) -> ProgressReport:
        """Build the progress report: trends, what helps, adherence, alerts."""
        # Thousands of records are built and none form reference cycles, so
        # the cycle collector would only rescan them (a tenth of the time).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._report(spot, since, now)
        finally:
            if collecting:
                gc.enable()

    def _report(
        self, spot: str | None, since: date | None, now: datetime | None
    ) -> ProgressReport:
        from knotwork.domain.progress.learning import build_progress_report

        found = self._report_records(spot, since)
        if found is None:
            journal = self.journal
            now = now or journal.clock()
            history, profile, plans = (
                journal.history(spot=spot, since=since),
                journal.profile(),
                journal.plans(),
            )
        else:
            now = now or datetime.now(UTC)
            history, profile, plans = found, found.profile, found.plans
        return build_progress_report(
            history.pain, history.sessions, rom=history.rom, profile=profile,
            plans=plans, spot=spot, since=since, now=now,
        )  # fmt: skip

    def _report_records(self, spot: str | None, since: date | None) -> Any:
        """Read the journal without building Settings first, or return None.

        Only when the journal is not open already: pydantic's import alone
        would cost a scripted `progress --json` most of its time budget.
        """
        if self._settings is not None or self._journal is not None:
            return None
        from knotwork.services.journal import read_history

        return read_history(self._environ, spot, since)

    def summary(self, bundle: ExportBundle, now: datetime) -> ProgressReport:
        """Return the report a printed summary of an export shows.

        The CLI, the API and the data page all print from the bundle they
        export, so the summary and the data it sits beside always agree.
        """
        from knotwork.domain.progress.learning import build_progress_report

        return build_progress_report(
            bundle.pain, bundle.sessions, rom=bundle.rom, profile=bundle.profile,
            plans=bundle.plans, now=now,
        )  # fmt: skip

    def export_bundle(self) -> ExportBundle:
        """Return everything kept, for an export."""
        return self.journal.export_bundle()

    def import_bundle(self, bundle: ExportBundle) -> None:
        """Store a whole export in an empty journal, or nothing."""
        self.journal.import_bundle(bundle)

    def forget_all(self) -> None:
        """Delete every entry, session, plan and the profile."""
        self.journal.forget_all()
