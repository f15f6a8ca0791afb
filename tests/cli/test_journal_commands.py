"""`knotwork log`, `history`, `profile`, `forget`: messages, exit codes, JSON."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from knotwork.config import Settings
from tests.cli.runner import Result, invoke
from tests.conftest import ROOT
from tests.store.databases import database_settings  # noqa: F401

TOMORROW = (date.today() + timedelta(days=1)).isoformat()


def run(*args: str, stdin: str = "") -> Result:
    return invoke(*args, input=stdin)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _history() -> dict[str, list[Any]]:
    data: dict[str, list[Any]] = run_json("history")
    return data


def test_log_pain_then_see_it_in_history(settings: Settings) -> None:
    result = run("log", "pain", "upper_trapezius", "6", "--side", "left")
    assert result.exit_code == 0, result.output
    assert "Logged pain 6/10 at Upper trapezius (left)" in result.stdout
    logged = run_json(
        "log", "pain", "gastrocnemius", "3", "--at", "2025-03-04 18:15",
        "--activity", "after a run", "--note", "tight on the stairs",
    )  # fmt: skip
    assert logged["spot"] == "gastrocnemius" and isinstance(logged["id"], int)
    pain = _history()["pain"]
    assert [(p["spot"], p["pain"]) for p in pain] == [
        ("gastrocnemius", 3),
        ("upper_trapezius", 6),
    ]
    assert pain[0]["activity"] == "after a run"
    assert pain[0]["at"].endswith("+00:00")


def test_log_pain_takes_the_words_where_understands(settings: Settings) -> None:
    assert run_json("log", "pain", "traps", "5")["spot"] == "upper_trapezius"
    assert run_json("log", "pain", "Upper trapezius", "4")["spot"] == "upper_trapezius"
    assert run_json("log", "pain", "lower back", "3")["spot"] == "low_back"
    refused = run("log", "pain", "elbowish thing", "3")
    assert refused.exit_code == 2 and "unknown muscle or region" in refused.output
    assert len(_history()["pain"]) == 3


def test_log_rom_in_degrees_or_ease(settings: Settings) -> None:
    assert run_json("log", "rom", "neck rotation", "--degrees", "70")["degrees"] == 70
    eased = run_json(
        "log", "rom", "hip hinge", "--ease", "6", "--spot", "hamstrings_medial"
    )
    assert eased["ease"] == 6
    assert len(_history()["rom"]) == 2


def test_log_rom_before_and_after_shows_in_history(settings: Settings) -> None:
    run("log", "rom", "neck rotation", "--degrees", "55", "--side", "left",
        "--phase", "before")  # fmt: skip
    after = run_json("log", "rom", "neck rotation", "--degrees", "68.5",
                     "--side", "left", "--phase", "after")  # fmt: skip
    assert (after["degrees"], after["phase"]) == (68.5, "after")
    table = run("history")
    assert "re-test before" in table.stdout and "re-test after" in table.stdout
    assert "68.5 deg" in table.stdout and "(left)" in table.stdout


def test_history_filters_and_reads_for_people(settings: Settings) -> None:
    run("log", "pain", "calf", "4", "--at", "2024-02-01")
    run("log", "pain", "heel", "2", "--at", "2025-02-01")
    recent = run_json("history", "--since", "2025-01-01")
    assert [p["spot"] for p in recent["pain"]] == ["heel"]
    assert [p["spot"] for p in run_json("history", "--spot", "calf")["pain"]] == [
        "calf"
    ]
    table = run("history")
    assert table.exit_code == 0 and "calf" in table.stdout and "4/10" in table.stdout


BAD_INPUT = [
    (("log", "pain", "upper_trapezius", "11"), "from 0 to 10"),
    (("log", "pain", "upper_trapezius", "-1"), ""),
    (("log", "pain", "qqzx", "4"), "unknown muscle or region 'qqzx'"),
    (("log", "pain", "calf", "4", "--at", TOMORROW + " 09:00"), "in the future"),
    (("log", "pain", "calf", "4", "--at", "last tuesday"), "is not a date"),
    (("log", "pain", "calf", "4", "--at", "2025-02-30"), "is not a date"),
    (("log", "pain", "calf", "four"), "four"),
    (("log", "pain", "calf", "4", "--side", "up"), "side must be one of"),
    (("log", "pain", "calf"), "PAIN"),
    (("log", "rom", "neck rotation"), "either --degrees or --ease"),
    (("log", "rom", "neck rotation", "--degrees", "30", "--ease", "3"), "either"),
    (("log", "rom", "neck rotation", "--ease", "11"), "from 0 to 10"),
    (("log", "rom", "neck rotation", "--degrees", "wide"), "wide"),
    (("log", "rom", "neck rotation", "--degrees", "181"), "from 0 to 180"),
    (("log", "rom", "neck rotation", "--degrees", "-1"), "from 0 to 180"),
    (("log", "rom", "neck rotation", "--ease", "3", "--phase", "during"), "phase"),
    (("history", "--since", "01/02/2025"), "is not a date"),
    (("history", "--spot", "nowhere"), "unknown muscle or region"),
    (("profile", "add-condition", "hayfever"), "unknown condition 'hayfever'"),
    (("profile", "add-ball", "golf"), "unknown ball 'golf'"),
    (("profile", "add-ball", "lacrosse", "--purchased", TOMORROW), "in the future"),
    (("profile", "add-ball", "lacrosse", "--purchased", "June"), "is not a date"),
    (("profile", "remove-ball", "tennis"), "no 'tennis' ball"),
    (("profile", "clear", "pregnancy"), "not in your profile"),
    (("profile", "positions", "sofa"), "unknown position 'sofa'"),
    (("profile", "train", "someday"), "unknown training day"),
    (("profile", "set"), "--tolerance"),
    (("profile", "set", "--tolerance", "extreme"), "tolerance must be one of"),
    (("forget",), "--all"),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUT, ids=" ".join)
def test_bad_input_exits_2_with_a_message_and_changes_nothing(
    settings: Settings, args: tuple[str, ...], message: str
) -> None:
    run("profile", "add-ball", "lacrosse", "--purchased", "2024-01-01")
    before = (_history(), run_json("profile", "show"))
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message.lower() in result.stderr.lower()
    assert "Traceback" not in result.output
    assert (_history(), run_json("profile", "show")) == before


def test_profile_commands_manage_everything(settings: Settings) -> None:
    run("profile", "set", "--tolerance", "low", "--experience", "new")
    run("profile", "add-condition", "osteoporosis")
    run("profile", "add-condition", "anticoagulants")
    run("profile", "clear", "osteoporosis")
    run("profile", "remove-condition", "anticoagulants")
    run("profile", "add-ball", "lacrosse", "--purchased", "2024-09-01")
    run("profile", "add-ball", "tennis")
    run("profile", "remove-ball", "tennis")
    run("profile", "positions", "wall", "seated")
    run("profile", "train", "tue", "thu")
    assert run_json("profile", "show") == {
        "conditions": ["osteoporosis"],
        "cleared": ["osteoporosis"],
        "tolerance": "low",
        "experience": "new",
        "balls": [{"ball": "lacrosse", "purchased": "2024-09-01"}],
        "positions": ["wall", "seated"],
        "training_days": ["tue", "thu"],
        "health": {
            "age_band": None,
            "pregnant_weeks": None,
            "pregnant_as_of": None,
            "gave_birth_on": None,
            "medicines": [],
            "screened_on": None,
        },
    }
    assert run_json("profile", "train")["training_days"] == []
    shown = run("profile", "show")
    assert "Osteoporosis or low bone density (cleared)" in shown.stdout
    assert "Lacrosse ball (bought 2024-09-01)" in shown.stdout
    assert "osteoporosis" not in shown.stdout
    # Values line up after the longest label.
    assert re.search(r"^Positions: +against a wall, seated$", shown.stdout, re.M)


def test_forget_asks_first(settings: Settings) -> None:
    run("log", "pain", "calf", "4")
    kept = run("forget", "--all", stdin="n\n")
    assert kept.exit_code == 1 and "Nothing deleted" in kept.stdout
    assert len(_history()["pain"]) == 1
    gone = run("forget", "--all", stdin="y\n")
    assert gone.exit_code == 0, gone.output
    assert _history()["pain"] == []
    run("log", "pain", "calf", "4")
    assert run("forget", "--all", "--yes").exit_code == 0
    assert _history()["pain"] == []


def test_an_unsafe_database_url_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOTWORK_DATABASE_URL", "mysql://root@localhost/knots")
    result = run("history")
    assert result.exit_code == 2
    assert "KNOTWORK_DATABASE_URL" in result.stderr
    assert "unsupported database 'mysql'" in result.stderr


def test_an_unreachable_database_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOTWORK_DATABASE_URL", "postgresql://x@127.0.0.1:1/none")
    result = run("log", "pain", "calf", "3")
    assert result.exit_code == 1
    assert "cannot open the journal" in result.stderr
    assert "Traceback" not in result.output


HEAVY = ("sqlalchemy", "alembic", "pydantic_settings", "knotwork.store")
LAZY_CHECK = """
import sys
{setup}
heavy = [m for m in {heavy!r} if m in sys.modules]
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


@pytest.mark.parametrize(
    "setup",
    [
        "from knotwork.cli.main import main\nmain(['--help'])",
        "from knotwork.cli.main import main\nmain(['where', 'stiff neck', '--json'])",
        "from knotwork.cli.main import main\n"
        "main(['check', 'knot in my calf', '--json'])",
    ],
    ids=["help", "where", "check"],
)
def test_commands_without_the_journal_never_import_the_database(setup: str) -> None:
    code = LAZY_CHECK.format(setup=setup, heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY=\n" in result.stderr


def test_an_import_larger_than_ten_megabytes_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (10 * 1024 * 1024 + 1))
    result = subprocess.run(
        [sys.executable, "-m", "knotwork", "import", str(big)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "larger than 10 MB" in result.stderr and "Traceback" not in result.stderr


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run knotwork as a new process, as a person would."""
    command = [sys.executable, "-m", "knotwork", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_profile_health_is_asked_and_saved_and_counts_on(settings: Settings) -> None:
    from knotwork.cli.guided_screen import ask_health_screen, screen_answers

    replies = iter(["52", "", "", "apixaban, vitamin D", "no"])
    answers = ask_health_screen(lambda _question: next(replies))
    parsed = screen_answers(answers)
    assert parsed.age_band == "50_plus"
    assert parsed.medicines == ("apixaban", "vitamin D")
    result = run_cli("profile", "health", "--age", "30", "--pregnant-weeks", "22")
    assert result.returncode == 0, result.stderr
    assert "22 weeks pregnant" in " ".join(result.stdout.split())
    checked = run_cli("check", "low back ache", "--json")
    verdict = json.loads(checked.stdout)
    assert "pregnancy_from_20_weeks" in [r["id"] for r in verdict["reasons"]]
    # An option changes only what it names; a clearance lowers the verdict.
    run_cli("profile", "health", "--medicine", "warfarin", "--cleared")
    checked = json.loads(run_cli("check", "low back ache", "--json").stdout)
    reasons = {r["id"] for r in checked["reasons"]}
    assert {"pregnancy_from_20_weeks", "anticoagulants"} <= reasons
    shown = json.loads(run_cli("profile", "show", "--json").stdout)
    assert shown["health"]["pregnant_weeks"] == 22
    assert "pregnancy_from_20_weeks" in shown["cleared"]
    added = run_cli("profile", "add-condition", "pregnancy")
    assert added.returncode == 2
    assert "health screen" in added.stderr
    bad = run_cli("profile", "health", "--pregnant-weeks", "50")
    assert bad.returncode == 2
    assert "weeks of pregnancy" in bad.stderr


def test_profile_health_options_change_only_what_they_name(settings: Settings) -> None:
    run_json("profile", "health", "--age", "30", "--medicine", "warfarin", "--implant")
    cleared = run_json("profile", "health", "--pregnant-weeks", "22", "--cleared")
    assert cleared["health"]["age_band"] and cleared["health"]["medicines"]
    assert "implanted_device" in cleared["conditions"]
    assert "pregnancy_from_20_weeks" in cleared["cleared"]
    again = run_json("profile", "health", "--not-cleared", "--no-implant")
    assert "pregnancy_from_20_weeks" not in again["cleared"]
    assert "implanted_device" not in again["conditions"]
    assert again["health"]["medicines"] == ["warfarin"]
