"""Alembic migrations: the only way the journal's schema changes."""
