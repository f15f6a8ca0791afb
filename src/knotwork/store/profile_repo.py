"""The person's profile: conditions, tolerance, balls, positions, training days."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from knotwork.domain.health_facts import HealthFacts
from knotwork.domain.records import OwnedBall, Profile
from knotwork.store.engine import lock_for_update
from knotwork.store.tables import (
    health_screen,
    owned_balls,
    profile,
    profile_conditions,
)

PROFILE_ROW = 1


def lock_profile(connection: Connection) -> None:
    """Hold the profile until this transaction ends, for a read-modify-write."""
    lock_for_update(connection, "knotwork:profile")


def load_profile(connection: Connection) -> Profile:
    """Return the saved profile, or the default one if nothing is saved yet."""
    row = connection.execute(
        select(profile).where(profile.c.id == PROFILE_ROW)
    ).one_or_none()
    conditions = connection.execute(
        select(profile_conditions).order_by(profile_conditions.c.condition)
    ).all()
    balls = [
        OwnedBall(ball=b.ball, purchased=b.purchased)
        for b in connection.execute(select(owned_balls).order_by(owned_balls.c.ball))
    ]
    base = (
        Profile()
        if row is None
        else Profile(
            tolerance=row.tolerance,
            experience=row.experience,
            positions=list(row.positions),
            training_days=list(row.training_days),
        )
    )
    return Profile(
        health=load_health(connection),
        conditions=[c.condition for c in conditions],
        cleared=[c.condition for c in conditions if c.cleared],
        tolerance=base.tolerance,
        experience=base.experience,
        balls=balls,
        positions=base.positions,
        training_days=base.training_days,
    )


def save_profile(connection: Connection, person: Profile, now: datetime) -> None:
    """Replace the saved profile with ``person``."""
    for table in (profile, profile_conditions, owned_balls, health_screen):
        connection.execute(delete(table))
    connection.execute(
        insert(profile).values(
            id=PROFILE_ROW,
            tolerance=person.tolerance,
            experience=person.experience,
            positions=list(person.positions),
            training_days=list(person.training_days),
            updated_at=now,
        )
    )
    cleared = set(person.cleared)
    if person.conditions:
        connection.execute(
            insert(profile_conditions),
            [{"condition": c, "cleared": c in cleared} for c in person.conditions],
        )
    if person.balls:
        connection.execute(
            insert(owned_balls),
            [{"ball": b.ball, "purchased": b.purchased} for b in person.balls],
        )
    facts = person.health
    if facts.screened_on is not None:
        connection.execute(
            insert(health_screen).values(
                id=PROFILE_ROW,
                age_band=facts.age_band,
                pregnant_weeks=facts.pregnant_weeks,
                pregnant_as_of=facts.pregnant_as_of,
                gave_birth_on=facts.gave_birth_on,
                medicines=list(facts.medicines),
                screened_on=facts.screened_on,
            )
        )


def load_health(connection: Connection) -> HealthFacts:
    """Return the saved health screen, or an unanswered one."""
    row = connection.execute(select(health_screen)).one_or_none()
    if row is None:
        return HealthFacts()
    return HealthFacts(
        age_band=row.age_band,
        pregnant_weeks=row.pregnant_weeks,
        pregnant_as_of=row.pregnant_as_of,
        gave_birth_on=row.gave_birth_on,
        medicines=tuple(row.medicines),
        screened_on=row.screened_on,
    )
