"""The terminal session runs without a TTY, sped up, and handles stop."""

from __future__ import annotations

import json
import subprocess
import sys


def session(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from knotwork.cli.main import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, "session", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_plain_sped_up_session_runs_to_the_end() -> None:
    result = session(
        "between_meetings",
        "--plain",
        "--speed",
        "200",
        "--json",
        stdin="6\n5\n3\n2\n8\n",
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["completed"] is True
    assert record["pain_before"] == {"upper_trapezius": 6, "rhomboids": 5}
    assert record["pain_after"] == {"upper_trapezius": 3, "rhomboids": 2}
    assert record["retest_ease"] == 8
    assert "Step 1" in result.stderr and "left" in result.stderr


def test_stop_something_is_wrong_ends_with_advice() -> None:
    result = session(
        "between_meetings",
        "--plain",
        "--speed",
        "5",
        "--json",
        stdin="6\n5\n!x numbness\n",
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["completed"] is False
    assert record["stop"]["sign"] == "numbness"
    assert "Session stopped" in result.stderr


def test_bad_pain_score_is_refused_with_exit_2() -> None:
    result = session("between_meetings", "--plain", "--speed", "200", stdin="eleven\n")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_red_flag_gives_no_session() -> None:
    result = session(
        "--target", "gastrocnemius", "--plain", "--condition", "fever", stdin=""
    )
    assert result.returncode == 0
    assert "Step 1" not in result.stdout


def test_the_session_saves_itself_to_the_journal() -> None:
    result = session(
        "between_meetings",
        "--plain",
        "--speed",
        "200",
        "--json",
        stdin="6\n5\n3\n2\n8\n",
    )
    assert result.returncode == 0, result.stderr
    saved_id = json.loads(result.stdout)["id"]
    code = "import sys; from knotwork.cli.main import main; sys.exit(main())"
    history = subprocess.run(
        [sys.executable, "-c", code, "history", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert saved_id in history.stdout


def test_routines_apply_the_saved_profile() -> None:
    code = "import sys; from knotwork.cli.main import main; sys.exit(main())"

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert cli("profile", "add-condition", "varicose_veins").returncode == 0
    routine = json.loads(cli("routine", "feet_calves", "--json").stdout)
    targets = {s["target"] for s in routine["steps"] if s["kind"] == "pressure"}
    assert "gastrocnemius" not in targets and "soleus" not in targets
    ignored = json.loads(cli("routine", "feet_calves", "--no-profile", "--json").stdout)
    assert "gastrocnemius" in {s["target"] for s in ignored["steps"]}


def test_a_long_hold_asks_has_it_eased_and_moves_on_at_no() -> None:
    result = session(
        "mid_back_hips_glutes",
        "--plain",
        "--speed",
        "200",
        "--json",
        stdin="\n" * 4 + "yes\nno\n" + "\n" * 6,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("Has it eased?") == 2
    record = json.loads(result.stdout)
    holds = [s for s in record["steps"] if s["planned_seconds"] == 90]
    assert [s["skipped"] for s in holds] == [False, True]
    assert holds[1]["done_seconds"] == 60


def test_plain_session_with_no_input_asks_nobody() -> None:
    result = session("between_meetings", "--plain", "--speed", "500", stdin="")
    assert result.returncode == 0, result.stderr
    assert "Pain now at" not in result.stdout + result.stderr
    assert "re-test" in result.stdout and "retest" not in result.stdout
    assert "Saved to your journal." in result.stdout
