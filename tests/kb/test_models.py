"""The run-time dataclasses hold exactly what the pydantic schema validates."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from pydantic import BaseModel

from knotwork.kb import build, models, schema
from knotwork.kb import record as dataclasses
from knotwork.kb.loader import (
    load_figure_sites,
    load_kb,
    load_routines,
    raw_figure_sites,
)
from knotwork.kb.models import as_json

DATACLASSES = {
    name: cls
    for name, cls in vars(models).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls)
}


def test_every_model_has_a_schema_with_the_same_fields_in_order() -> None:
    assert len(DATACLASSES) > 30
    for name, cls in DATACLASSES.items():
        checked = getattr(schema, name)
        assert issubclass(checked, BaseModel), name
        keys = [
            f.metadata.get("json", f.name) for f in dataclasses.fields(cls) if f.init
        ]
        aliases = [f.alias or n for n, f in checked.model_fields.items()]
        assert keys == aliases, name


def test_models_are_frozen() -> None:
    kb = load_kb()
    muscle = kb.muscles[0]
    for frozen in (kb, muscle, muscle.trigger_points[0], kb.balls[0], kb.dosing):
        with pytest.raises(dataclasses.FrozenInstanceError):
            frozen.id = "changed"  # type: ignore[misc, union-attr]


def test_loaded_knowledge_round_trips_the_validated_data() -> None:
    validated, routines = build.validate()
    assert as_json(load_kb()) == validated.model_dump(mode="json")
    assert [as_json(r) for r in load_routines().values()] == [
        r.model_dump(mode="json", by_alias=True) for r in routines
    ]
    sites = schema.FigureSites.model_validate(raw_figure_sites())
    assert as_json(load_figure_sites()) == sites.model_dump(mode="json")


def test_models_compare_hash_and_show_by_value_as_dataclasses_do() -> None:
    muscle = load_kb().muscle("upper_trapezius")
    copy = dataclasses.replace(muscle)
    assert copy == muscle and copy is not muscle
    assert hash(copy) == hash(muscle)
    assert dataclasses.replace(muscle, name="other") != muscle
    assert muscle != as_json(muscle)  # another type never equals a model
    point = muscle.trigger_points[0]
    assert repr(point).startswith(f"TriggerPoint(id={point.id!r}, location=")
    assert {point, dataclasses.replace(point)} == {point}


def test_lists_load_as_tuples_and_lookups_find_every_id() -> None:
    kb = load_kb()
    assert all(isinstance(m.trigger_points, tuple) for m in kb.muscles)
    assert all(kb.muscle(m.id) is m for m in kb.muscles)
    assert all(kb.region(r.id) is r for r in kb.regions)
    assert all(kb.ball(b.id) is b for b in kb.balls)
    assert all(kb.flag(c.id) is c for c in kb.conditions)
    assert all(kb.flag(f.id) is f for f in kb.red_flags)
    assert kb.flag("no_such_flag") is None
    with pytest.raises(KeyError):
        kb.muscle("no_such_muscle")


def test_the_data_passes_every_cross_reference_check() -> None:
    kb = load_kb()
    routines = load_routines().values()
    assert build.cross_reference_problems(kb, routines, load_figure_sites()) == []


def test_a_dangling_id_is_reported_with_where_it_is() -> None:
    kb = load_kb()
    muscle = dataclasses.replace(kb.muscles[0], co_triggers=("no_such_muscle",))
    broken = dataclasses.replace(kb, muscles=(muscle, *kb.muscles[1:]))
    problems = build.cross_reference_problems(broken, [], load_figure_sites())
    assert problems == [f"{muscle.id}.co_triggers: unknown id 'no_such_muscle'"]


def test_make_kb_validates_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main() == 0
    assert capsys.readouterr().out.startswith("knowledge base ok: 61 muscles")


def test_the_run_time_path_never_imports_pydantic() -> None:
    code = textwrap.dedent(
        """
        import sys
        from knotwork.kb.loader import load_kb, load_routines, load_figure_sites
        from knotwork.domain.finder.ranking import find_sources
        from knotwork.domain.safety.verdict import check_safety
        from knotwork.domain.treatment.prescription import treatment_for
        load_kb(), load_routines(), load_figure_sites()
        finding = find_sources("sore neck and a headache")
        treatment_for(finding.candidates[0].muscle, check_safety("on warfarin"))
        print(sorted(m for m in sys.modules if m.split(".")[0] == "pydantic"))
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"
