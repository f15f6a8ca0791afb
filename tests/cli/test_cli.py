"""The CLI contract: JSON shapes, friendly errors, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli.runner import invoke
from tests.cli.runner import invoke_json as run_json


def test_where_json_has_the_documented_shape() -> None:
    data = run_json("where", "tennis elbow")
    assert data["candidates"][0]["muscle"] == "wrist_extensors"
    assert len(data["candidates"]) >= 5
    for c in data["candidates"]:
        assert set(c) >= {"muscle", "score", "why"}
    assert data["safety"]["verdict"] == "ok"
    assert data["treatment"]["steps"]


def test_where_takes_regions_and_a_side() -> None:
    data = run_json("where", "--region", "heel", "--region", "sole", "--side", "left")
    assert data["side"] == "left"
    assert data["candidates"][0]["muscle"] in {"soleus", "plantar_intrinsics"}


def test_red_flag_comes_first_and_withholds_advice() -> None:
    data = run_json("where", "numbness shooting down my leg from my buttock")
    assert data["safety"]["verdict"] == "stop"
    assert data["advice_withheld"] is True
    assert data["treatment"] is None
    assert data["candidates"], "sources are still explained"


def test_avoided_area_is_never_given_a_technique() -> None:
    data = run_json("where", "knot in my calf with a fresh graze on it")
    assert data["safety"]["areas"]["calf"] == "avoid"
    treated = data["treatment"]
    assert treated is None or treated["muscle"] not in {"gastrocnemius", "soleus"}


def test_check_json_has_the_documented_shape() -> None:
    data = run_json("check", "on warfarin, knot in my calf", "--area", "calf")
    assert data["verdict"] == "clinician_first"
    assert data["reasons"][0]["id"] == "anticoagulants"
    assert data["areas"]["calf"] in {"modify", "avoid"}


def test_muscles_json_lists_all_with_trigger_points_and_techniques() -> None:
    result = invoke(*["muscles", "--json"])
    data = json.loads(result.stdout)
    assert len(data) == 61
    for m in data:
        assert {"id", "name", "trigger_points", "techniques"} <= set(m)
        for tp in m["trigger_points"]:
            assert {"primary", "spillover"} <= set(tp)


def test_one_muscle_in_full() -> None:
    result = invoke(*["muscles", "infraspinatus"])
    assert result.exit_code == 0
    assert "Infraspinatus" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["where", "purple monkey dishwasher"],
        ["where"],
        ["where", "--region", "elbow_sideways"],
        ["check"],
        ["check", "--condition", "bad_knees"],
        ["muscles", "nope"],
    ],
)
def test_bad_input_gets_a_message_and_exit_code_2(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def console(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    code = "import sys; from knotwork.cli.main import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
    )


@pytest.mark.parametrize("side", [["--side", "right"], ["--side=right"]])
def test_a_new_process_answers_as_main_does(side: list[str]) -> None:
    args = ["where", "outer elbow hurts when I lift a mug", *side, "--json"]
    done = console(*args)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == run_json(*args[:-1])
    assert json.loads(done.stdout)["side"] == "right"


def test_where_json_does_not_pay_for_frameworks() -> None:
    code = (
        "import sys; from knotwork.cli.main import main;"
        "main(['where','heel','--json']);"
        "heavy={'typer','click','pydantic','sqlalchemy','fastapi','rich'};"
        "sys.stderr.write(repr(sorted(heavy & set(sys.modules))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stderr == "[]"


def test_console_errors_are_friendly() -> None:
    result = console("where", "--side", "up", "heel")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


# The red-flag questions for "between my shoulder blades": night pain, past
# cancer, trauma, weight loss, fever.
FIVE_NOES = "no\n" * 5


def test_guided_start_reads_a_description_and_answers() -> None:
    result = console(stdin="ache between my shoulder blades\n")
    assert result.returncode == 0, result.stderr
    assert "Safety" in result.stdout
    assert "Rhomboid" in result.stdout


def test_guided_start_confirms_by_pressing_and_re_ranks() -> None:
    text = "ache between my shoulder blades"
    # Red-flag questions first (all no), then "p", then yes/no per candidate.
    result = console(stdin=f"{text}\n" + FIVE_NOES + "p\nno\nyes\nnot sure\nq\n")
    assert result.returncode == 0, result.stderr
    assert "kappa about 0.58" in result.stdout
    after = result.stdout.split("After pressing")[1]
    # "yes" was the second candidate's answer: it now leads the table.
    first_row = next(line for line in after.splitlines() if "│ 1 │" in line)
    assert "Thoracic paraspinals" in first_row


def test_guided_start_asks_the_red_flag_questions_before_advice() -> None:
    said_yes = console(stdin="ache between my shoulder blades\nyes\n" + "no\n" * 4)
    assert said_yes.returncode == 0, said_yes.stderr
    out = said_yes.stdout
    assert out.index("worse at night") < out.index("Safety")
    assert "Ask your clinician first" in out and "advice is withheld" in out
    assert "What next?" not in out
    said_no = console(stdin="ache between my shoulder blades\n" + FIVE_NOES)
    assert "Nothing found that rules out careful ball work" in said_no.stdout


def test_guided_start_carries_on_into_a_journal_entry() -> None:
    result = console(stdin="ache between my shoulder blades\n" + FIVE_NOES + "l\n4\n")
    assert result.returncode == 0, result.stderr
    assert "What next?" in result.stdout
    assert "Logged pain 4/10 at Rhomboids" in result.stdout
    history = console("history", "--json")
    assert [p["pain"] for p in json.loads(history.stdout)["pain"]] == [4]


def test_guided_start_carries_on_into_a_session() -> None:
    code = (
        "from knotwork.cli.guided import guided_start;"
        "from knotwork.services import Knotwork; guided_start(Knotwork(), speed=500)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        input="ache between my shoulder blades\n" + FIVE_NOES + "s\n5\n5\n3\n2\n7\n",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Step 1" in result.stdout and "Saved to your journal." in result.stdout
    sessions = json.loads(console("history", "--json").stdout)["sessions"]
    assert len(sessions) == 1 and sessions[0]["pain_before"]


def test_a_routine_that_cannot_be_built_says_why_and_exits_1() -> None:
    result = invoke(*["routine", "--target", "suboccipitals", "--have", "lacrosse",
              "--position", "wall", "--no-profile"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "No routine: Suboccipitals left out" in " ".join(result.stdout.split())


def test_human_output_names_things_instead_of_showing_ids() -> None:
    result = invoke(*["check", "knot in my calf", "--condition", "anticoagulants",
              "--area", "calf"],
    )  # fmt: skip
    text = " ".join(result.stdout.split())
    assert "verdict:" not in text and "clinician_first" not in text
    assert "calf modify" not in text and "go gently" in text
    routine = invoke(*["routine", "desk_five", "--no-profile"], env={"COLUMNS": "250"})
    text = " ".join(routine.stdout.split())
    assert "│ lacrosse │" not in text and "│ Lacrosse ball │" in text
    assert "retest" not in text and "1 position changes" not in text
    assert ".." not in text
    where = invoke(*["where", "tennis elbow"])
    assert "strong" in where.stdout or "likely" in where.stdout


@pytest.mark.parametrize("command", ["where", "check"])
def test_a_description_over_the_limit_is_refused_cleanly(command: str) -> None:
    result = console(command, "tight neck " * 600, "--json")
    assert result.returncode == 2
    assert "at most 5,000" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_answers_to_screening_questions_change_the_verdict() -> None:
    asked = json.loads(console("check", "stiff neck", "--json").stdout)
    assert "neck_dizziness" in [q["id"] for q in asked["questions"]]
    yes = console("check", "stiff neck", "--answer", "neck_dizziness=yes", "--json")
    assert json.loads(yes.stdout)["verdict"] == "clinician_first"
    bad = console("check", "stiff neck", "--answer", "neck_dizziness=maybe")
    assert bad.returncode == 2 and "QUESTION_ID=yes" in bad.stderr
    unknown = console("check", "stiff neck", "--answer", "hiccups=yes")
    assert unknown.returncode == 2 and "unknown question" in unknown.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nosuch"], "invalid choice: 'nosuch'"),
        (["where", "heel", "--no-prof"], "unrecognized arguments: --no-prof"),
        (["where", "heel", "extra words"], "unrecognized arguments"),
        (["log", "pain", "calf"], "required: PAIN"),
        (["routine", "--minutes", "nan"], "finite number"),
        (["serve", "--port", "70000"], "not in 1 to 65535"),
    ],
)
def test_the_grammar_refuses_with_a_message_and_exit_2(
    args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("knotwork: ") and message in result.stderr
    assert "Traceback" not in result.output


def test_a_group_alone_shows_its_commands_and_exits_2() -> None:
    result = invoke("profile")
    assert result.exit_code == 2
    assert "health" in result.stdout and "add-ball" in result.stdout
