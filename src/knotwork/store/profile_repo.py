"""The person's profile: conditions, tolerance, balls, positions, training days."""

from __future__ import annotations

from datetime import datetime

from knotwork.domain.journal.records import OwnedBall, Profile
from knotwork.domain.safety.health_facts import HealthFacts
from knotwork.store.db import Connection, day_of, json_of

# One person per database: each single-row table's row id is always 1.
PROFILE_ROW = 1
HEALTH_COLUMNS = (
    "age_band, pregnant_weeks, pregnant_as_of, gave_birth_on, medicines, screened_on"
)


def lock_profile(connection: Connection) -> None:
    """Hold the profile until this transaction ends, for a read-modify-write."""
    connection.lock("knotwork:profile")


def load_profile(connection: Connection) -> Profile:
    """Return the saved profile, or the default one if nothing is saved yet."""
    row = connection.one(
        "SELECT tolerance, experience, positions, training_days FROM profile"
        " WHERE id = ?",
        [PROFILE_ROW],
    )
    conditions, cleared = load_conditions(connection)
    balls = [
        OwnedBall(ball=ball, purchased=day_of(purchased))
        for ball, purchased in connection.all(
            "SELECT ball, purchased FROM owned_balls ORDER BY ball"
        )
    ]
    base = Profile()
    if row is not None:
        tolerance, experience, positions, training_days = row
        base = Profile(
            tolerance=tolerance,
            experience=experience,
            positions=list(json_of(positions)),
            training_days=list(json_of(training_days)),
        )
    return Profile(
        health=load_health(connection),
        conditions=conditions,
        cleared=cleared,
        tolerance=base.tolerance,
        experience=base.experience,
        balls=balls,
        positions=base.positions,
        training_days=base.training_days,
    )


def load_conditions(connection: Connection) -> tuple[list[str], list[str]]:
    """Return the recorded conditions and those cleared, both sorted."""
    rows = connection.all(
        "SELECT condition, cleared FROM profile_conditions ORDER BY condition"
    )
    return [c for c, _ in rows], [c for c, cleared in rows if cleared]


def save_profile(connection: Connection, person: Profile, now: datetime) -> None:
    """Replace the saved profile with ``person``."""
    for table in ("profile", "profile_conditions", "owned_balls", "health_screen"):
        connection.execute(f"DELETE FROM {table}")
    connection.execute(
        "INSERT INTO profile (id, tolerance, experience, positions, training_days,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            PROFILE_ROW,
            person.tolerance,
            person.experience,
            connection.json(list(person.positions)),
            connection.json(list(person.training_days)),
            connection.moment(now),
        ],
    )
    cleared = set(person.cleared)
    if person.conditions:
        connection.execute_many(
            "INSERT INTO profile_conditions (condition, cleared) VALUES (?, ?)",
            [(c, c in cleared) for c in person.conditions],
        )
    if person.balls:
        connection.execute_many(
            "INSERT INTO owned_balls (ball, purchased) VALUES (?, ?)",
            [(b.ball, connection.day(b.purchased)) for b in person.balls],
        )
    facts = person.health
    if facts.screened_on is not None:
        connection.execute(
            f"INSERT INTO health_screen (id, {HEALTH_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                PROFILE_ROW,
                facts.age_band,
                facts.pregnant_weeks,
                connection.day(facts.pregnant_as_of),
                connection.day(facts.gave_birth_on),
                connection.json(list(facts.medicines)),
                connection.day(facts.screened_on),
            ],
        )


def load_health(connection: Connection) -> HealthFacts:
    """Return the saved health screen, or an unanswered one."""
    row = connection.one(f"SELECT {HEALTH_COLUMNS} FROM health_screen")
    if row is None:
        return HealthFacts()
    age_band, weeks, as_of, birth, medicines, screened_on = row
    return HealthFacts(
        age_band=age_band,
        pregnant_weeks=weeks,
        pregnant_as_of=day_of(as_of),
        gave_birth_on=day_of(birth),
        medicines=tuple(json_of(medicines)),
        screened_on=day_of(screened_on),
    )
