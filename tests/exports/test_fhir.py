"""Pain entries as a FHIR R4 Bundle, validated with the fhir.resources models.

fhir.resources 8 ships R5 by default plus R4B and STU3; R4B (4.3.0) keeps
R4's Bundle and Observation structure, so its models validate our R4 output.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from fhir.resources.R4B import __fhir_version__
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.journal.records import PainEntry
from knotwork.exports.fhir import (
    PAIN_SEVERITY_CODE,
    PAIN_SEVERITY_DISPLAY,
    fhir_bundle,
    write_fhir,
)

NOW = datetime(2025, 3, 1, 12, tzinfo=UTC)
ENTRIES = [
    PainEntry(
        "upper_trapezius",
        6,
        datetime(2025, 2, 3, 17, 5, tzinfo=UTC),
        "left",
        activity="typing",
        session_id="s1",
        phase="before",
    ),
    PainEntry("calf", 2, datetime(2025, 2, 1, 8, tzinfo=timezone(timedelta(hours=1)))),
]


def _observations(bundle: dict[str, Any]) -> list[Observation]:
    model = Bundle.model_validate(bundle)
    assert model.type == "collection"
    return [entry.resource for entry in model.entry or []]


def test_validated_models_are_r4_family() -> None:
    assert __fhir_version__.startswith("4.")


def test_each_pain_entry_is_a_loinc_coded_observation() -> None:
    observations = _observations(fhir_bundle(ENTRIES, NOW))
    assert len(observations) == 2
    calf, trapezius = observations  # oldest first
    for obs in observations:
        coding = obs.code.coding[0]
        assert (coding.system, coding.code) == ("http://loinc.org", PAIN_SEVERITY_CODE)
        assert coding.display == PAIN_SEVERITY_DISPLAY
        assert obs.status == "final"
    assert trapezius.valueInteger == 6 and calf.valueInteger == 2
    assert trapezius.bodySite.text == "Upper trapezius, left side"
    assert calf.bodySite.text.lower().startswith("calf")
    assert trapezius.effectiveDateTime == ENTRIES[0].at
    assert calf.effectiveDateTime == ENTRIES[1].at
    notes = [n.text for n in trapezius.note]
    assert "Activity at the time: typing." in notes


def test_naive_moments_are_local_time_with_an_offset() -> None:
    naive = datetime(2025, 2, 1, 8, 0)
    zone = timezone(timedelta(hours=-5))
    bundle = fhir_bundle([PainEntry("calf", 3, naive)], NOW, tz=zone)
    obs = bundle["entry"][0]["resource"]
    assert obs["effectiveDateTime"] == naive.astimezone(zone).isoformat()
    assert obs["effectiveDateTime"].endswith("-05:00")
    _observations(bundle)


def test_the_bundle_is_deterministic_and_written_atomically(tmp_path: Path) -> None:
    first = fhir_bundle(ENTRIES, NOW)
    assert fhir_bundle(list(reversed(ENTRIES)), NOW) == first
    urls = [e["fullUrl"] for e in first["entry"]]
    assert len(set(urls)) == 2 and all(u.startswith("urn:uuid:") for u in urls)
    path = tmp_path / "pain.fhir.json"
    write_fhir(path, ENTRIES, NOW)
    assert json.loads(path.read_text("utf-8")) == first


@settings(deadline=None, max_examples=30)
@given(
    st.lists(
        st.builds(
            PainEntry,
            spot=st.sampled_from(["calf", "suboccipitals", "heel", "piriformis"]),
            pain=st.integers(0, 10),
            at=st.datetimes(
                min_value=datetime(2001, 1, 1),
                max_value=datetime(2030, 1, 1),
                timezones=st.just(UTC),
            ),
            side=st.none() | st.sampled_from(["left", "right", "both", "centre"]),
            note=st.none() | st.text(max_size=30),
        ),
        max_size=8,
    )
)
def test_any_pain_log_makes_a_valid_bundle(entries: list[PainEntry]) -> None:
    observations = _observations(fhir_bundle(entries, NOW))
    assert sorted(o.valueInteger for o in observations) == sorted(
        e.pain for e in entries
    )
