"""Colour is never the only cue: the characters' colours stay apart for players with protanopia, deuteranopia and
tritanopia (simulated, measured in CIEDE2000), and the simulation and the measure behave as they should."""

from __future__ import annotations

from pathlib import Path

from game.colour_vision import VISIONS, closest_under_any_vision, delta_e, lab, scene_pairs, simulate
from game.loader import load_story
from game.ui.theme import CHARLIE_BLUE, NICK_YELLOW, parse_hex

ROOT = Path(__file__).resolve().parent.parent
APART = 8.0  # CIEDE2000: clearly different colours side by side (2 is about the smallest difference noticed)


def test_greys_look_the_same_to_everyone_and_red_and_green_do_not() -> None:
    for grey in ((0, 0, 0), (128, 128, 128), (255, 255, 255)):
        for vision in VISIONS:
            assert max(abs(a - b) for a, b in zip(simulate(grey, vision), grey)) <= 1
    red, green = (200, 60, 50), (60, 160, 60)
    typical = delta_e(red, green)
    assert typical > 50
    for vision in ("protanopia", "deuteranopia"):
        assert delta_e(simulate(red, vision), simulate(green, vision)) < typical / 2
    blue, yellow = (60, 90, 220), (230, 210, 60)
    assert delta_e(simulate(blue, "tritanopia"), simulate(yellow, "tritanopia")) < delta_e(blue, yellow)


def test_the_difference_is_a_distance() -> None:
    a, b = (127, 184, 232), (244, 197, 66)
    assert delta_e(a, a) == 0
    assert abs(delta_e(a, b) - delta_e(b, a)) < 1e-9
    assert round(lab((255, 255, 255))[0]) == 100 and round(lab((0, 0, 0))[0]) == 0
    assert delta_e((0, 0, 0), (255, 255, 255)) > 99


def test_charlie_and_nick_stay_blue_and_yellow_and_apart() -> None:
    distance, _ = closest_under_any_vision(CHARLIE_BLUE, NICK_YELLOW)
    assert distance >= APART


def test_characters_who_share_a_scene_have_colours_apart_under_every_vision() -> None:
    story = load_story(ROOT / "story")
    pairs = scene_pairs(story)
    assert len(pairs) > 50
    too_close = []
    for a, b in pairs:
        distance, vision = closest_under_any_vision(
            parse_hex(story.characters[a].color), parse_hex(story.characters[b].color)
        )
        if distance < APART:
            too_close.append(f"{a}/{b}: {distance:.1f} ({vision})")
    assert not too_close, too_close
