"""A consultation hands every adapter the same routine targets."""

from __future__ import annotations

from knotwork.domain.treatment.prescription import avoided
from knotwork.services.consult import consult


def test_routine_targets_never_lie_in_an_avoided_area() -> None:
    answer = consult("I have a healing cut on my calf and my calf aches when I run")
    assert answer.avoided_source in ("gastrocnemius", "soleus")
    targets = answer.routine_targets()
    assert targets and answer.avoided_source not in targets
    assert not any(avoided(t, answer.safety) for t in targets)


def test_no_routine_targets_when_safety_stops_the_advice() -> None:
    answer = consult("crushing chest pain and short of breath when I climb stairs")
    assert answer.safety.verdict == "stop"
    assert answer.routine_targets() == []


def test_a_confirmed_source_leads_the_routine() -> None:
    plain = consult("ache between my shoulder blades")
    second = plain.finding.candidates[1].muscle
    pressed = consult("ache between my shoulder blades", confirmed=[second])
    assert pressed.routine_targets() == [second]
