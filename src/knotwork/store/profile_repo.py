"""The person's profile: conditions, tolerance, balls, positions, training days."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from knotwork.domain.records import OwnedBall, Profile
from knotwork.store.engine import lock_for_update
from knotwork.store.tables import owned_balls, profile, profile_conditions

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
    for table in (profile, profile_conditions, owned_balls):
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
