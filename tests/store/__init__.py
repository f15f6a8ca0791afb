"""Tests for the store: tables, migrations, repositories, reliability."""
