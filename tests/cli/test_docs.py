"""Every command and option is documented, in its --help and in the README."""

from __future__ import annotations

import argparse
import re

import pytest

from knotwork.cli.grammar import Command, commands_of
from knotwork.cli.main import DESCRIPTION, ENTRIES
from tests.cli.runner import invoke
from tests.conftest import ROOT

COMMANDS = commands_of(ENTRIES)
PATHS = [c.path for c in COMMANDS]


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"^## {title}\n(.*?)(?=^## )", text, re.M | re.S)
    assert found, f"the README has no '## {title}' section"
    return found.group(1)


@pytest.mark.parametrize("command", COMMANDS, ids=PATHS)
def test_every_command_has_help_ending_with_an_example(command: Command) -> None:
    doc = command.doc
    assert doc, f"{command.path} has no docstring"
    last = doc.splitlines()[-1]
    assert last.startswith(f"Example: knotwork {command.path}"), last


@pytest.mark.parametrize("command", COMMANDS, ids=PATHS)
def test_every_option_and_argument_has_help(command: Command) -> None:
    for arg in command.args:
        text = arg.settings.get("help")
        assert text and text != argparse.SUPPRESS, f"{command.path} {arg.flags}"
        assert text.strip().endswith((".", ")")), f"{command.path} {arg.flags}"


@pytest.mark.parametrize("path", PATHS)
def test_help_shows_the_docstring_and_exits_0(path: str) -> None:
    result = invoke(*path.split(), "--help")
    assert result.exit_code == 0, result.output
    assert "Example: knotwork" in result.stdout


def test_the_program_help_lists_every_command_and_ends_with_an_example() -> None:
    assert DESCRIPTION.splitlines()[-1].startswith("Example: knotwork ")
    shown = invoke("--help").stdout
    for path in PATHS:
        assert f" {path.split()[0]} " in shown, path


def test_the_readme_command_list_names_every_command() -> None:
    listed = re.findall(
        r"^- `knotwork ([a-z -]+?)(?: [A-Z\[.]|`)", _readme_section("Commands"), re.M
    )
    assert sorted(listed) == sorted(PATHS)
