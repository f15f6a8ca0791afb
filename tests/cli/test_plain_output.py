"""One-shot commands print for people without Rich, and piped output is plain.

Importing Rich costs several times an empty Python's start-up, so no command
that prints and exits may import it; only the live session and the guided
loop's prompts do.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys

import pytest

from knotwork.cli.style import width_of
from tests.cli.runner import invoke
from tests.conftest import ROOT


def _benchmarked() -> dict[str, list[str]]:
    """The commands the start-up benchmark times, so the two lists agree."""
    spec = importlib.util.spec_from_file_location(
        "cli_latency", ROOT / "bench" / "cli_latency.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    commands: dict[str, list[str]] = module.COMMANDS
    return commands


ONE_SHOT = _benchmarked() | {
    "muscles ID": ["muscles", "infraspinatus"],
    "ball --list": ["ball", "--list"],
    "ball ID": ["ball", "lacrosse"],
    "balls": ["balls"],
    "regions": ["regions"],
    "conditions": ["conditions"],
    "routine --list": ["routine", "--list"],
    "where, stopped": ["where", "numbness shooting down my leg from my buttock"],
    "check, set aside": ["check", "my mum has osteoporosis; my upper back is stiff"],
}
# Runs each command in one fresh process and says which first imported Rich.
RUN_ALL = """
import contextlib, io, json, sys
from knotwork.cli.main import main
seen = {}
for name, args in json.loads(sys.argv[1]).items():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(args)
    rich = sorted(m for m in sys.modules if m == "rich" or m.startswith("rich."))
    seen[name] = {"status": status, "rich": rich[:3], "output": out.getvalue()}
print(json.dumps(seen))
"""
MARKUP = re.compile(
    r"\[/?(?:bold|dim|italic|red|green|yellow|dark_orange)\b[^\]]*\]|\[/\]"
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    home = tmp_path_factory.mktemp("home")
    done = subprocess.run(
        [sys.executable, "-c", RUN_ALL, json.dumps(ONE_SHOT)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, KNOTWORK_HOME=str(home), COLUMNS="100"),
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, dict[str, object]] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("name", list(ONE_SHOT))
def test_a_one_shot_command_does_not_import_rich(
    printed: dict[str, dict[str, object]], name: str
) -> None:
    assert printed[name]["status"] == 0, printed[name]["output"]
    assert printed[name]["rich"] == [], f"{name} imported {printed[name]['rich']}"


@pytest.mark.parametrize("name", list(ONE_SHOT))
def test_piped_output_has_no_escape_codes_or_markup(
    printed: dict[str, dict[str, object]], name: str
) -> None:
    text = str(printed[name]["output"])
    assert "\x1b" not in text
    # A safety panel quotes the person, so brackets of their own may appear;
    # none of these commands were given any.
    assert not MARKUP.search(text), MARKUP.search(text)


def test_a_persons_brackets_and_escapes_print_as_plain_text() -> None:
    logged = invoke("log", "pain", "calf", "3", "--note", "[red]sore[/] \x1b[2Jx")
    assert logged.exit_code == 0, logged.output
    shown = invoke("history").stdout
    assert "[red]sore[/] ?[2Jx" in shown
    assert "\x1b" not in shown


def test_no_line_is_wider_than_the_terminal() -> None:
    for columns in ("100", "40"):
        for args in (
            ["where", "tennis elbow", "--side=right"],
            ["routine", "--target", "upper_trapezius", "--minutes", "5"],
            ["ball", "--region", "sole", "--tolerance", "low"],
            ["muscles", "infraspinatus"],
        ):
            out = invoke(*args, env={"COLUMNS": columns}).stdout
            widest = max(width_of(line) for line in out.splitlines())
            assert widest <= int(columns), (args, columns)
