"""Run the CLI in process, as a person would type it, and keep what it printed."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from knotwork.cli.main import main

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork


@dataclass(frozen=True)
class Result:
    """What one command printed and how it exited."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """Both streams, for assertion messages and "no traceback" checks."""
        return self.stdout + self.stderr

    def json(self) -> Any:
        """Return stdout read as JSON."""
        return json.loads(self.stdout)


def invoke(
    *args: str,
    input: str = "",
    env: Mapping[str, str] | None = None,
    core: Knotwork | None = None,
) -> Result:
    """Run `knotwork ARGS` through ``main`` with ``input`` on stdin."""
    out, err = io.StringIO(), io.StringIO()
    saved_stdin, saved_env = sys.stdin, dict(os.environ)
    sys.stdin = io.StringIO(input)
    os.environ.update(env or {})
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args), core)
    finally:
        sys.stdin = saved_stdin
        os.environ.clear()
        os.environ.update(saved_env)
    return Result(code, out.getvalue(), err.getvalue())


def invoke_json(*args: str) -> Any:
    """Run `knotwork ARGS --json`, insist it succeeded, and return its JSON."""
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    return result.json()
