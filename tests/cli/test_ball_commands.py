"""`knotwork ball`: JSON shape, browsing, friendly errors and exit codes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from knotwork.kb.loader import load_kb
from tests.cli.runner import Result, invoke


def run(*args: str) -> Result:
    result = invoke("ball", *args)
    # Errors must be a clean exit, never a traceback.
    assert "Traceback" not in result.output
    return result


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ranking_json_has_the_documented_shape() -> None:
    data = run_json("--muscle", "gluteus_maximus", "--tolerance", "low")
    assert set(data) >= {"ranking", "starter_pair", "safety"}
    assert len(data["ranking"]) == len(load_kb().balls)
    for entry in data["ranking"]:
        assert set(entry) == {"ball", "name", "score", "reasons"}
        assert entry["reasons"]
    assert set(data["starter_pair"]) == {"broad", "focused", "why"}
    assert set(data["safety"]) == {
        "verdict",
        "headline",
        "reasons",
        "areas",
        "set_aside",
        "questions",
        "caveats",
    }
    assert data["safety"]["verdict"] == "ok"
    assert data["advice_withheld"] is False


def test_options_reach_the_chooser() -> None:
    data = run_json("--region", "calf", "--no-floor")
    assert data["ranking"][0]["ball"] == "handheld"
    data = run_json("-m", "thoracic_paraspinals", "--experience", "some")
    assert data["ranking"][0]["ball"] == "peanut"
    data = run_json("--eco", "--travel", "--budget", "20")
    assert "cork" in [r["ball"] for r in data["ranking"][:2]]


def test_conditions_steer_to_soft_balls_and_report_avoided_areas() -> None:
    data = run_json("--condition", "osteoporosis", "--region", "buttock")
    assert data["safety"]["verdict"] == "clinician_first"
    assert data["ranking"][0]["ball"] == "soft_foam"
    assert "mid_back" in data["avoided_areas"]


def test_stop_verdict_prints_the_advice_and_exits_zero() -> None:
    data = run_json("--region", "calf", "--condition", "fever")
    assert data["safety"]["verdict"] == "stop"
    assert data["ranking"] == []
    assert data["starter_pair"] is None
    assert data["advice_withheld"] is True
    result = run("--region", "calf", "--condition", "fever")
    assert result.exit_code == 0
    assert "Stop: don't treat this yourself" in result.stdout
    assert "No ball is recommended" in result.stdout


def test_human_output_shows_safety_ranking_and_pair() -> None:
    result = run("--muscle", "gluteus_maximus", "--experience", "new")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("Safety") < out.index("Balls for you") < out.index("starter")
    assert "Soft foam ball" in out


def test_list_and_show_browse_the_catalogue_with_care() -> None:
    balls = run_json("--list")
    assert [b["id"] for b in balls] == [b.id for b in load_kb().balls]
    assert all(set(b["care"]) == {"cleaning", "heat", "replace_when"} for b in balls)
    one = run_json("lacrosse")
    assert one["id"] == "lacrosse" and one["care"]["replace_when"]
    shown = run("cork")
    assert shown.exit_code == 0
    for label in ("Cleaning", "Heat", "Replace"):
        assert label in shown.stdout
    assert "peanut" in run("--list").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["golf"], "unknown ball 'golf'"),
        (["gluteus_maximus"], "--muscle gluteus_maximus"),
        (["--muscle", "glutes"], "unknown muscle: glutes"),
        (["--region", "back"], "unknown region: back"),
        (["--condition", "gout"], "unknown condition: gout"),
        (["--budget", "0"], "budget"),
        (["lacrosse", "--eco"], "not both"),
        (["--tolerance", "extreme"], "extreme"),
    ],
)
def test_bad_input_exits_2_with_a_message(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_help_ends_with_an_example() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Example: knotwork ball" in result.stdout
