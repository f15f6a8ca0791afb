"""Run knotwork with ``python -m knotwork``."""

from knotwork.cli.main import run

run()
