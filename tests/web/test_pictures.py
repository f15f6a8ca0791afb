"""Pictures drawn from the knowledge: referral maps and placement pictures."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from knotwork.kb.loader import load_kb
from knotwork.web.placement.picture import placement_picture
from knotwork.web.placement.pose_choice import choose_pose
from knotwork.web.placement.techniques import techniques
from knotwork.web.referral import referral_map
from tests.web.api_client import TestClient, api_client


@pytest.fixture
def client() -> Iterator[TestClient]:
    with api_client() as made:
        yield made


def test_every_muscle_has_a_referral_map_with_a_cross_per_trigger_point() -> None:
    for muscle in load_kb().muscles:
        html = referral_map(muscle.id)
        assert f'data-referral="{muscle.id}"' in html
        assert html.count('class="ref-tp"') == len(muscle.trigger_points), muscle.id
        assert 'class="ref-primary"' in html, muscle.id
        assert re.search(r'role="img" aria-label="[^"]+"', html)


def test_spillover_is_stippled_and_drawn_under_the_primary_zone() -> None:
    html = referral_map("suboccipitals")
    assert html.count('class="ref-spill"') >= 1
    front = html.split("</svg>")[0]
    assert front.rindex("ref-spill") < front.index("ref-primary")


def test_the_side_asked_for_is_drawn() -> None:
    right = referral_map("gastrocnemius", "right")
    left = referral_map("gastrocnemius", "left")
    assert right != left and "right side" in right and "left side" in left


def test_every_technique_has_a_placement_picture_with_the_ball_in_frame() -> None:
    for technique_id, (muscle, technique) in techniques().items():
        html = placement_picture(technique_id)
        assert f'data-placement="{technique_id}"' in html
        ball = re.search(r'class="ball" cx="([\d.]+)" cy="([\d.]+)"', html)
        assert ball, technique_id
        assert 0 < float(ball[1]) < 160 and 0 < float(ball[2]) < 110
        pose, _ = choose_pose(muscle, technique)
        if technique.position == "wall":
            assert pose.name.startswith("wall"), technique_id
        if technique.position == "seated":
            assert pose.name == "seated", technique_id
        rings = html.count('class="keepoff"')
        assert rings == len([k for k in technique.keep_off if k in pose.keep_off])
        label = re.search(r'aria-label="([^"]+)"', html)
        assert label and muscle.name.lower() in label[1]


def test_the_technique_name_decides_a_side_lying_pose() -> None:
    muscle, technique = techniques()["gluteus_medius.side_lying"]
    assert choose_pose(muscle, technique)[0].name == "side"


def test_a_muscle_page_shows_its_map_and_each_technique(client: TestClient) -> None:
    response = client.get("/muscles/upper_trapezius")
    assert response.status_code == 200
    assert 'data-referral="upper_trapezius"' in response.text
    for technique in load_kb().muscle("upper_trapezius").techniques:
        assert f'data-placement="{technique.id}"' in response.text
    assert client.get("/muscles/not_a_muscle").status_code == 404


def test_every_ball_is_drawn_to_one_scale_with_its_texture() -> None:
    from knotwork.web.ball_pictures import PX_PER_INCH, ball_picture

    for ball in load_kb().balls:
        html = ball_picture(ball.id)
        assert f'data-ball-picture="{ball.id}"' in html
        radius = float(
            re.findall(
                r'class="ball__body[^"]*" cx="[\d.]+" cy="[\d.]+" '
                r'r="([\d.]+)"',
                html,
            )[0]
        )
        assert radius == pytest.approx(
            sum(ball.diameter_in) / 2 * PX_PER_INCH / 2, abs=0.06
        )
        assert ("ball__spikes" in html) == (ball.texture == "spiky")
        assert html.count('class="ball__body') == (2 if ball.format == "double" else 1)
        assert ball.material in re.search(r'aria-label="([^"]+)"', html)[1]
