"""One voice: the CLI, the REST API and the pages give the same answer.

The same person (one saved profile) asks the same things through all three
surfaces; the verdict, reasons, questions, sources and prescribed steps must
match. A rule living in one adapter would break this.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from tests.cli.runner import invoke_json
from tests.web.api_client import TestClient, api_client

API = "/api/v1"
# A profile that changes the answers: blood thinners (cleared by a clinician)
# and a pregnancy of 20 weeks or more (not cleared), so pressure is gentle,
# some areas are off limits, and lying on the back or front is ruled out.
PROFILE = [
    ["profile", "add-condition", "anticoagulants", "--cleared"],
    ["profile", "add-condition", "pregnancy_from_20_weeks"],
]
WHERE = [
    ("tight knot between my shoulder blades", []),
    ("my calf aches after the long flight home", []),
    ("tension headache at my temple", ["head_sudden_onset=no", "any_fever=no"]),
    ("My sister is on warfarin; my glutes are tight", ["any_trauma=yes"]),
    ("low back ache", ["back_saddle_bladder=no", "back_night_pain=no"]),
]
ROUTINES = [
    ["upper_trapezius", "gluteus_maximus"],
    ["gastrocnemius"],
    ["rhomboids", "infraspinatus"],
]


def cli(*args: str, ok: tuple[int, ...] = (0,)) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "knotwork", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )
    assert done.returncode in ok, done.stderr
    return done.stdout


@pytest.fixture
def client() -> Iterator[TestClient]:
    for command in PROFILE:
        cli(*command)
    with api_client() as made:
        yield made


def answers_of(pairs: list[str]) -> dict[str, bool]:
    return {p.split("=")[0]: p.endswith("=yes") for p in pairs}


@pytest.mark.parametrize(("text", "answers"), WHERE, ids=[w[0][:24] for w in WHERE])
def test_where_answers_the_same_everywhere(
    client: TestClient, text: str, answers: list[str]
) -> None:
    args = [x for a in answers for x in ("--answer", a)]
    from_cli = json.loads(cli("where", text, *args, "--json"))
    body = {"text": text, "answers": answers_of(answers)}
    from_api = client.post(f"{API}/where", json=body).json()
    assert from_api == from_cli
    page = client.post("/find", data={"text": text, "answer": answers}).text
    verdict = from_cli["safety"]["verdict"]
    assert f'data-verdict="{verdict}"' in page
    asked = [q["id"] for q in from_cli["safety"]["questions"]]
    assert re.findall(r'data-question="([a-z0-9_]+)"', page) == asked
    for reason in from_cli["safety"]["reasons"]:
        assert reason["name"] in page
    if not from_cli["advice_withheld"]:
        shown = re.findall(r'class="source" data-muscle="([a-z_]+)"', page)
        ranked = [c["muscle"] for c in from_cli["candidates"]]
        assert shown == ranked[: len(shown)] and shown


def test_check_answers_the_same_on_the_cli_and_the_api(client: TestClient) -> None:
    text = "knot in my calf; I had a baby five weeks ago"
    from_cli = json.loads(cli("check", text, "--area", "calf", "--json"))
    body = {"text": text, "areas": ["calf"]}
    assert client.post(f"{API}/check", json=body).json() == from_cli
    assert from_cli["verdict"] == "stop"


@pytest.mark.parametrize("targets", ROUTINES, ids=["+".join(t) for t in ROUTINES])
def test_routines_prescribe_the_same_steps_everywhere(
    client: TestClient, targets: list[str]
) -> None:
    args = [x for t in targets for x in ("--target", t)]
    # A routine that cannot be built (the calf is off limits here) exits 1.
    from_cli = json.loads(cli("routine", *args, "--json", ok=(0, 1)))
    from_api = client.post(f"{API}/routines", json={"targets": targets}).json()
    assert from_api == from_cli
    query = "&".join(f"target={t}" for t in targets)
    page = client.get(f"/routine?{query}").text
    steps = re.findall(r'data-kind="(\w+)" data-technique="([\w.]*)"', page)
    assert steps == [(s["kind"], s["technique"] or "") for s in from_cli["steps"]]
    # The profile binds the prescription: no face-down or on-the-back work.
    for step in from_cli["steps"]:
        assert step.get("posture") not in ("prone", "supine"), step


@pytest.mark.parametrize(
    ("muscles", "regions"),
    [([], ["sole"]), (["gastrocnemius"], []), (["upper_trapezius"], ["low_back"])],
)
def test_balls_answer_the_same_everywhere(
    client: TestClient, muscles: list[str], regions: list[str]
) -> None:
    # The saved comfort and health screen apply on every surface.
    cli("profile", "set", "--tolerance", "low", "--experience", "new")
    args = [x for m in muscles for x in ("--muscle", m)]
    args += [x for r in regions for x in ("--region", r)]
    from_cli = invoke_json("ball", *args)
    body: dict[str, object] = {"muscles": muscles, "regions": regions}
    assert client.post(f"{API}/balls/choose", json=body).json() == from_cli
    assert from_cli["safety"]["verdict"] != "ok"  # the profile was applied
    page = client.get("/balls?" + "&".join(f"area={a}" for a in muscles + regions))
    shown = re.findall(r'data-ball="([a-z_0-9]+)"', page.text)
    ranked = [r["ball"] for r in from_cli["ranking"]]
    assert shown == ranked[: len(shown)] and (shown or not ranked)
    # Refusing the profile is also the same answer everywhere.
    plain = invoke_json("ball", *args, "--no-profile")
    body["use_profile"] = False
    assert client.post(f"{API}/balls/choose", json=body).json() == plain


def test_plans_use_the_saved_training_days_everywhere(client: TestClient) -> None:
    cli("profile", "train", "tue", "thu", "sat")
    from_cli = invoke_json("plan", "--focus", "calf")
    body = {"focus": ["calf"]}
    from_api = client.post(f"{API}/plans", json=body).json()
    assert from_api.pop("saved_id") is None
    assert from_api == from_cli
    trained = {d["day"] for d in from_cli["days"] if d["training"]}
    assert trained == {"tue", "thu", "sat"}
    page = client.get("/plan?go=1&focus=calf").text
    shown = set(re.findall(r'data-day="(\w+)" class="week__training"', page))
    assert shown == trained
    refused = invoke_json("plan", "--focus", "calf", "--no-profile")
    assert refused != from_cli
    body["use_profile"] = False
    plain = client.post(f"{API}/plans", json=body).json()
    plain.pop("saved_id")
    assert plain == refused


def test_the_journal_reads_the_same_on_the_cli_and_the_api(client: TestClient) -> None:
    for days, pain in ((9, 6), (5, 5), (1, 3)):
        day = (date.today() - timedelta(days=days)).isoformat()
        invoke_json("log", "pain", "upper_trapezius", str(pain), "--at", day)
    invoke_json("profile", "health", "--age", "50+", "--medicine", "warfarin")
    assert client.get(f"{API}/profile").json() == invoke_json("profile", "show")
    from_api = client.get(f"{API}/progress").json()
    from_cli = invoke_json("progress")
    for report in (from_api, from_cli):
        report.pop("generated_at")
    assert from_cli.pop("chart") is None
    assert from_api == from_cli and from_cli["trends"]
