"""The knowledge base loads, is complete and every cross-reference resolves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knotwork.kb.loader import DATA_DIR, load_kb
from knotwork.kb.models import KnowledgeBase
from tests.conftest import SHARED

SEED_TABLE_BALLS = {"tennis", "lacrosse", "layered_foam", "cork", "soft_foam", "peanut"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def shared_vocabulary() -> dict[str, dict[str, str]]:
    path = SHARED / "vocabulary.json"
    source = path if path.exists() else Path(DATA_DIR) / "vocabulary.json"
    data = json.loads(source.read_text())
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def test_every_shared_vocabulary_id_is_kept_spelt_exactly(kb: KnowledgeBase) -> None:
    for section, ids in shared_vocabulary().items():
        assert set(ids) <= set(kb.vocabulary[section]), section
    assert {r.id for r in kb.regions} == set(kb.vocabulary["regions"])
    assert {m.id for m in kb.muscles} == set(kb.vocabulary["muscles"])
    assert {c.id for c in kb.conditions} == set(kb.vocabulary["conditions"])
    assert {f.id for f in kb.red_flags} == set(kb.vocabulary["red_flags"])


def test_all_61_muscles_are_covered(kb: KnowledgeBase) -> None:
    assert len(kb.muscles) == 61
    assert len({m.id for m in kb.muscles}) == 61


def test_muscle_cross_references_resolve(kb: KnowledgeBase) -> None:
    regions = set(kb.vocabulary["regions"])
    muscles = set(kb.vocabulary["muscles"])
    keep_off = {k.id for k in kb.keep_off}
    for m in kb.muscles:
        assert set(m.regions) <= regions, m.id
        assert set(m.co_triggers) <= muscles - {m.id}, m.id
        for tp in m.trigger_points:
            assert tp.id.startswith(f"{m.id}."), tp.id
            assert set(tp.primary) <= regions, tp.id
            assert set(tp.spillover) <= regions, tp.id
            assert not set(tp.primary) & set(tp.spillover), tp.id
        for t in m.techniques:
            assert t.id.startswith(f"{m.id}."), t.id
            assert set(t.keep_off) <= keep_off, t.id


def test_every_region_receives_referred_pain(kb: KnowledgeBase) -> None:
    referred = {
        r
        for m in kb.muscles
        for tp in m.trigger_points
        for r in tp.primary + tp.spillover
    }
    assert set(kb.vocabulary["regions"]) - referred == set()


def test_a_ball_is_offered_or_an_alternative_is_explained(kb: KnowledgeBase) -> None:
    for m in kb.muscles:
        assert m.techniques or m.ball_note, m.id
    for front_of_neck in ("sternocleidomastoid", "scalenes"):
        muscle = kb.muscle(front_of_neck)
        assert muscle.ball_note and not muscle.techniques
    assert kb.muscle("iliopsoas").ball_note


def test_hold_times_follow_the_recorded_rule(kb: KnowledgeBase) -> None:
    caution = kb.dosing.bruise_caution_seconds
    for m in kb.muscles:
        for t in m.techniques:
            low, high = t.hold_seconds
            assert 10 <= low <= high <= 90, t.id
            if high > caution:  # long holds only as sustained compression
                assert t.protocol == "sustained_compression", t.id


def test_ball_catalogue_covers_the_seed_table_and_more(kb: KnowledgeBase) -> None:
    ids = {b.id for b in kb.balls}
    assert ids >= SEED_TABLE_BALLS
    assert {"spiky", "handheld"} <= ids
    assert {b.id for b in kb.balls if b.in_seed_table} == SEED_TABLE_BALLS
    for b in kb.balls:
        assert set(b.best_regions) <= set(kb.vocabulary["regions"]), b.id
        assert b.care.cleaning and b.care.heat and b.care.replace_when


def test_safety_knowledge_is_complete_and_consistent(kb: KnowledgeBase) -> None:
    regions = set(kb.vocabulary["regions"])
    for c in kb.conditions:
        assert set(c.areas) <= regions, c.id
        limits = c.limits
        assert set(limits.modify_areas) <= regions, c.id
        assert set(limits.no_sustained_pressure) <= regions, c.id
        for p in limits.positions:
            assert set(p.regions) <= regions, (c.id, p.id)
    flags = {c.id for c in kb.conditions} | {f.id for f in kb.red_flags}
    concepts = set(kb.safety_patterns.concepts)
    fired = set()
    for rule in kb.safety_patterns.rules:
        assert rule.flag in flags
        fired.add(rule.flag)
        for slot in rule.all + rule.none:
            assert set(slot.split("|")) <= concepts, rule
    # Every red flag is read from text; a condition may also come only from
    # the health screen in the profile, so it needs no text rule.
    assert fired <= flags
    assert {f.id for f in kb.red_flags} <= fired, flags - fired
    for rule in kb.escalation_rules:
        assert rule.red_flag is None or rule.red_flag in flags
    for sign in kb.stop_signs:
        assert sign.red_flag is None or sign.red_flag in flags


def test_evidence_links_resolve_and_cite_only_seed_sources(kb: KnowledgeBase) -> None:
    studies = {s.id for s in kb.studies}
    for claim in kb.claims:
        assert set(claim.evidence) <= studies, claim.id
    for item in [*kb.conditions, *kb.red_flags]:
        assert set(item.evidence) <= studies
    for s in kb.studies:
        assert "doi" not in s.citation.lower(), "never invent a DOI"
        assert s.source


def test_dosing_matches_the_seeds(kb: KnowledgeBase) -> None:
    d = kb.dosing
    assert d.pressure_target == (5, 6)
    assert d.minutes_per_muscle_group == (1, 3)
    assert d.session_minutes == (5, 15)
    assert d.days_per_week == (3, 7)
    holds = {p.seconds for p in d.hold_positions}
    assert {(15, 60), (60, 90)} <= holds
    assert d.bruise_caution_seconds == 60
    assert d.reconciliation


def test_lexicon_points_at_known_ids(kb: KnowledgeBase) -> None:
    regions = set(kb.vocabulary["regions"])
    for word in kb.lexicon.general:
        assert set(word.regions) <= regions
    for s in kb.lexicon.syndromes:
        assert set(s.regions) <= regions
        assert set(s.muscles) <= set(kb.vocabulary["muscles"])
    named = {s.id for s in kb.lexicon.syndromes}
    required = {"tennis_elbow", "golfers_elbow", "rotator_cuff_like", "frozen_shoulder"}
    assert required | {"sciatica_like", "plantar_heel_pain"} <= named


def test_internal_figures_stay_internal(kb: KnowledgeBase) -> None:
    internal = {s.id for s in kb.studies if s.audience == "internal"}
    assert "gilbert_2020" in internal
    for claim in kb.claims:
        if set(claim.evidence) & internal:
            assert claim.audience == "internal", claim.id


def test_long_holds_are_credited_to_the_seed_author_not_the_trials(
    kb: KnowledgeBase,
) -> None:
    trials = {"cagnie_2015", "ziaeifar_2018"}
    rule = next(
        r for r in kb.dosing.hold_rules if r.protocol == "sustained_compression"
    )
    assert "seed003_guide" in rule.evidence and not trials & set(rule.evidence)
    claim = next(c for c in kb.claims if c.id == "compression_60_90_upper_body")
    assert claim.evidence == ("seed003_guide",)


def test_pregnancy_and_other_limits_are_structured(kb: KnowledgeBase) -> None:
    by = {c.id: c for c in kb.conditions}
    postures = {
        cid: {p for lim in by[cid].limits.positions for p in lim.postures}
        for cid in ("pregnancy", "pregnancy_from_20_weeks", "pregnancy_third_trimester")
    }
    assert postures["pregnancy"] == {"prone"}
    assert postures["pregnancy_from_20_weeks"] == {"prone", "supine"}
    assert postures["pregnancy_third_trimester"] == {"prone", "supine"}
    assert (by["pregnancy"].verdict, by["pregnancy"].cleared_verdict) == (
        "clinician_first",
        "modify",
    )
    for cid in ("pregnancy", "pregnancy_from_20_weeks", "postpartum"):
        assert "calf" in by[cid].areas
    assert {"thumb", "shoulder_top", "ankle_inner", "achilles"} <= set(
        by["pregnancy"].limits.no_sustained_pressure
    )
    assert any(
        "floor" in lim.positions and "mid_back" in lim.regions
        for lim in by["osteoporosis"].limits.positions
    )
    for cid in ("anticoagulants", "reduced_sensation", "antiplatelets"):
        assert (by[cid].limits.max_hold_seconds or 99) <= 30, cid
    for cid in ("lymphoedema", "bleeding_disorder", "low_platelets", "under_16"):
        assert by[cid].verdict == "clinician_first", cid


def test_reviewed_keep_offs_sit_on_the_right_techniques(kb: KnowledgeBase) -> None:
    keep = {t.id: set(t.keep_off) for m in kb.muscles for t in m.techniques}
    assert "perineum" in keep["adductor_magnus.chair_press"]
    for tid in ("pectoralis_major.wall_sweep", "pectoralis_minor.wall_snow_angel"):
        assert {"implanted_device", "breast_tissue"} <= keep[tid]
    assert "radial_nerve" in keep["triceps_brachii.floor_roll"]
    assert "lateral_femoral_cutaneous_nerve" in keep["iliopsoas.iliacus_light_prone"]
    assert "quadrilateral_space" in keep["teres_minor.wall_edge"]
    for m in ("adductors", "adductor_magnus"):
        for t in kb.muscle(m).techniques:
            assert "femoral_triangle" in t.keep_off
            assert t.position in ("seated", "handheld") or t.densities == ("soft",)
