"""tools/random_play.py: uniform random playthroughs measure ending odds, variables, repetition and diamonds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from game.loader import load_story
from tests.storybuild import build

ROOT = Path(__file__).resolve().parent.parent
SPEC = importlib.util.spec_from_file_location("random_play", ROOT / "tools" / "random_play.py")
random_play = importlib.util.module_from_spec(SPEC)
sys.modules["random_play"] = random_play
SPEC.loader.exec_module(random_play)

MANIFEST = """\
title: "Test"
start: a
variables:
  brave: {type: bool, default: false}
  score: {type: int, default: 0, min: 0, max: 2}
endings:
  bold: {title: "Bold"}
  quiet: {title: "Quiet"}
"""

SCENES = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "The same sentence, said twice. The same sentence, said twice."
  choices:
    - text: "Look left"
      goto: left
    - text: "Look right"
      goto: right
    - text: "Be brave"
      set: {brave: true}
      add: {score: 2}
      goto: left
left:
  title: "Left"
  chapter: One
  lines:
    - narrate: "A wall."
  next: hub
right:
  title: "Right"
  chapter: One
  lines:
    - narrate: "A window."
  next: hub
hub:
  title: "Hub"
  chapter: One
  lines:
    - if: "brave"
      then:
        - goto: end_bold
  next: end_quiet
end_bold:
  title: "Bold"
  chapter: One
  lines:
    - narrate: "Bold."
  ending: bold
end_quiet:
  title: "Quiet"
  chapter: One
  lines:
    - narrate: "Quiet."
  ending: quiet
"""


@pytest.fixture
def story(tmp_path):
    return build(tmp_path, SCENES, manifest=MANIFEST)


def test_odds_follow_uniform_choices(story):
    result = random_play.measure(story, 300, seed=1)
    assert sum(result["endings"].values()) == pytest.approx(1.0)
    assert 0.25 < result["endings"]["bold"] < 0.42  # one choice of three
    assert result["variables"]["score"]["at_max"] == result["endings"]["bold"]
    assert result["variables"]["brave"]["conditions"] == 1


def test_repeated_sentences_are_counted_within_one_playthrough(story):
    result = random_play.measure(story, 20, seed=1)
    assert result["repeated_sentences"]["median"] == 1
    assert result["repeated_sentences"]["most_often"][0] == ["the same sentence, said twice.", 1.0]


def test_a_diamond_is_two_forgetful_siblings_that_rejoin(story):
    found = random_play.diamonds(story)
    assert sorted(text for _, text, _ in found) == ["Look left", "Look right"]
    assert {where for _, _, where in found} == {"hub"}


def test_a_scene_asked_about_by_visited_is_remembered(tmp_path):
    asked = SCENES.replace('if: "brave"', 'if: "brave or visited(right) > 0"')
    assert random_play.diamonds(build(tmp_path, asked, manifest=MANIFEST)) == []


def test_every_ending_of_the_shipped_story_has_between_10_and_30_percent():
    story = load_story(ROOT / "story")
    odds = random_play.measure(story, 120, seed=1)["endings"]  # seeded: the same plays every run
    assert set(odds) == set(story.endings)
    assert all(0.10 <= share <= 0.30 for share in odds.values()), odds


def test_the_command_prints_a_report(capsys, story):
    assert random_play.main([str(story.story_dir), "-n", "5"]) == 0
    assert "Endings" in capsys.readouterr().out
