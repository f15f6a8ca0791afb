"""Hostile arguments for every command: each works or exits 2, never a traceback.

Runs the real entry point (`knotwork.cli.main.main`) in process, with
stdin, stdout and stderr swapped, so that a thousand-odd
cases take seconds. A handful of the reported crashes also run as real
processes, exactly as a person would type them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import uvicorn
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cli.runner import Result, invoke

# Every template gets the core values; the rest rotate through the templates,
# so each is tried in several commands and the whole run stays under a minute.
CORE = [
    "nan",
    "inf",
    "99999999999999999999999",
    "0001-01-01T00:00:00+14:00",
    "\x1b[31mred\x1b]0;title\x07",
    "a" * 100_000,
    "",
]
EXTRA = [
    "NaN", "-inf", "Infinity", "1e309", "-1", "0", "-0.0", "9" * 400, "1e-320",
    "0x10", "१२", "0001-01-01", "9999-12-31", "0000-00-00", "2024-02-30",
    "9999-12-31T23:59:59-12:00", "2025-01-01T25:61", "\u202eevil", "\udcff",
    "[red]markup[/]", " ", "-", "--", "--json", "../../../../etc/passwd",
    "/nonexistent/dir/x.json", "/nonexistent/dir/x.fhir.json", "/", ".",
    "left,right", "mon,mon,mon", "lacrosse", "07:30=x", "=", "a=b=c",
]  # fmt: skip

# Each template has one {} slot; every hostile value goes in each slot.
TEMPLATES = [
    ["where", "{}"],
    ["where", "--region", "{}"],
    ["where", "--side", "{}", "neck"],
    ["where", "{}", "--json"],
    ["check", "{}"],
    ["check", "--condition", "{}"],
    ["check", "--area", "{}", "--json"],
    ["muscles", "{}"],
    ["regions", "{}"],
    ["conditions", "{}"],
    ["balls", "{}"],
    ["routine", "{}"],
    ["routine", "--target", "upper_trapezius", "--minutes", "{}"],
    ["routine", "--target", "{}"],
    ["routine", "--where", "{}", "--json"],
    ["routine", "--context", "{}"],
    ["routine", "--have", "{}", "--target", "calf"],
    ["routine", "--position", "{}", "--target", "calf"],
    ["routine", "--side", "{}", "--target", "calf"],
    ["routine", "--condition", "{}", "--target", "calf"],
    ["session", "--plain", "--speed", "{}", "--minutes", "1"],
    ["session", "--plain", "--speed", "1000", "{}"],
    ["session", "--plain", "--minutes", "{}", "--speed", "1000"],
    ["ball", "--budget", "{}"],
    ["ball", "--muscle", "{}"],
    ["ball", "--region", "{}"],
    ["ball", "--condition", "{}", "--json"],
    ["plan", "--train", "{}"],
    ["plan", "--focus", "{}"],
    ["plan", "--minutes-per-week", "{}"],
    ["plan", "--days", "{}"],
    ["plan", "--start", "{}"],
    ["plan", "--time", "{}"],
    ["plan", "--ics", "{}"],
    ["log", "pain", "{}", "5"],
    ["log", "pain", "calf", "{}"],
    ["log", "pain", "calf", "5", "--at", "{}"],
    ["log", "pain", "calf", "5", "--note", "{}"],
    ["log", "pain", "calf", "5", "--side", "{}"],
    ["log", "pain", "calf", "5", "--activity", "{}"],
    ["log", "rom", "{}", "--degrees", "40"],
    ["log", "rom", "neck", "--degrees", "{}"],
    ["log", "rom", "neck", "--ease", "{}"],
    ["log", "rom", "neck", "--ease", "3", "--at", "{}"],
    ["history", "--since", "{}"],
    ["history", "--spot", "{}"],
    ["history", "{}"],
    ["progress", "--since", "{}"],
    ["progress", "--json", "--since", "{}"],
    ["progress", "--json", "--spot", "{}"],
    ["progress", "--spot", "{}"],
    ["progress", "--chart", "{}"],
    ["progress", "{}"],
    ["export", "{}"],
    ["export", "x.json", "--format", "{}"],
    ["export", "--format", "{}"],
    ["export", "{}", "--table", "pain"],
    ["import", "{}"],
    ["profile", "set", "--tolerance", "{}"],
    ["profile", "add-condition", "{}"],
    ["profile", "clear", "{}"],
    ["profile", "remove-condition", "{}"],
    ["profile", "add-ball", "{}"],
    ["profile", "remove-ball", "{}"],
    ["profile", "positions", "{}"],
    ["profile", "train", "{}"],
    ["profile", "{}"],
    ["serve", "--port", "{}"],
    ["serve", "--host", "{}"],
    ["serve", "--allow-host", "{}"],
    ["{}"],
    ["forget", "{}"],
]


def knotwork(*args: str, stdin: str = "") -> Result:
    """Run the entry point in process; return exit code and output."""
    return invoke(*args, input=stdin)


def hostile_files(folder: Path) -> list[str]:
    """Files an attacker might hand to `import` (and paths that are not files)."""
    files = {
        "deep.json": "[" * 200_000 + "]" * 200_000,
        "deep-object.json": '{"a":' * 100_000 + "1" + "}" * 100_000,
        "nan.json": '{"format": "knotwork-export", "version": 1, "pain": [NaN]}',
        "year1.json": json.dumps(
            {
                "format": "knotwork-export",
                "version": 1,
                "pain": [
                    {"spot": "calf", "pain": 3, "at": "0001-01-01T00:00:00+14:00"}
                ],
            }
        ),  # fmt: skip
        "binary.json": "\udcff\x00\x01",
        "empty.json": "",
        "huge-number.json": '{"format": "knotwork-export", "version": 1e999}',
    }
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        paths.append(str(path))
    (folder / "a-folder.json").mkdir()
    return [*paths, str(folder / "a-folder.json"), str(folder / "missing.json")]


def acceptable(outcome: Result) -> str | None:
    """Return what is wrong with an outcome, or None."""
    text = outcome.output
    if outcome.exit_code not in (0, 2):
        return f"exit {outcome.exit_code}"
    if "Traceback" in text or 'File "' in text:
        return "traceback"
    if outcome.exit_code == 2 and not outcome.stderr.strip():
        return "exit 2 without a message"
    if "\x1b]" in text or "\x1b[31m" in text:
        return "raw escape sequence echoed"
    return None


def test_every_command_survives_every_hostile_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # exports named by a bare file name land here
    # `serve` with acceptable options would block forever serving: note it instead.
    started: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append(options))
    extra = [*EXTRA, *hostile_files(tmp_path)]
    failures: list[str] = []
    cases = 0
    for number, template in enumerate(TEMPLATES):
        rotating = [extra[(number * 3 + k) % len(extra)] for k in range(3)]
        for value in [*CORE, *rotating]:
            args = [value if part == "{}" else part for part in template]
            outcome = knotwork(*args)
            cases += 1
            problem = acceptable(outcome)
            if problem:
                shown = " ".join(a[:40] for a in args)
                failures.append(f"{shown!r}: {problem}: {outcome.stderr[-300:]!r}")
    assert cases >= 700
    assert not failures, f"{len(failures)} of {cases} cases:\n" + "\n".join(
        failures[:40]
    )


@settings(max_examples=150)
@given(
    command=st.sampled_from(
        [
            ["where"],
            ["check"],
            ["log", "pain", "calf", "3", "--note"],
            ["routine", "--where"],
            ["progress", "--json", "--since"],
            ["export"],
        ]
    ),  # fmt: skip
    text=st.text(
        st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
        max_size=300,
    ),
)
def test_any_text_in_a_free_text_slot_is_safe(command: list[str], text: str) -> None:
    problem = acceptable(knotwork(*command, text))
    assert problem is None, problem


@pytest.mark.parametrize(
    "args",
    [
        ["log", "pain", "upper_trapezius", "5", "--at", "0001-01-01"],
        ["log", "pain", "upper_trapezius", "5", "--at", "0001-01-01T00:00+14:00"],
        ["progress", "--json", "--since", "0001-01-01"],
        ["routine", "--target", "upper_trapezius", "--minutes", "nan"],
        ["export", "/nonexistent/x.json"],
        ["session", "--plain", "--speed", "nan"],
        ["session", "--plain", "--speed", "inf"],
        ["ball", "--budget", "nan"],
    ],
)
def test_the_reported_crashes_exit_2_with_a_message(args: list[str]) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from knotwork.cli.main import main; sys.exit(main())",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stderr.strip()


def test_a_deeply_nested_import_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    outcome = knotwork("import", str(deep))
    assert outcome.exit_code == 2 and "nested" in outcome.stderr
