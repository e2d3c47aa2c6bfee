"""Story statistics: the counts agree with the story, the JSON has its fields, play time follows its stated pace."""

from __future__ import annotations

import json

import pytest
from commandline import heartstopper
from storybuild import FIXTURES, write_story

from game.authoring.stats import READING, ReadingPace, describe_minutes, render_text, story_stats
from game.loader import load_story
from game.model import TextBeat
from game.summary import count_words, iter_beats


@pytest.fixture(scope="module")
def mini():
    return load_story(FIXTURES / "mini")


def test_totals_match_what_check_counts(mini):
    data = story_stats(mini)
    # `heartstopper check` on this story says: 6 scenes, 22 beats, 7 choices, 37 words, 2 endings
    assert (data["scenes"], data["beats"], data["choices"], data["words"], data["endings"]) == (6, 22, 7, 37, 2)
    assert data["ending_titles"] == {"good": "Good", "quiet": "Quiet"}


def test_chapters_and_characters_add_up_to_the_totals(mini):
    data = story_stats(mini)
    for key in ("scenes", "beats", "choices", "words"):
        assert sum(chapter[key] for chapter in data["chapters"]) == data[key]
    assert [chapter["name"] for chapter in data["chapters"]] == [c.name for c in mini.chapters]
    lines = [beat for scene in mini.scenes.values() for beat in iter_beats(scene.beats) if isinstance(beat, TextBeat)]
    assert sum(c["lines"] for c in data["characters"].values()) == len(lines) == data["lines"]
    assert sum(c["words"] for c in data["characters"].values()) == sum(count_words(b.text) for b in lines)
    assert set(data["characters"]) == set(mini.characters) | {"narrator"}


def test_play_time_follows_the_stated_reading_pace(mini):
    data = story_stats(mini)
    play = data["play_time"]
    assert play["words_per_minute"] == READING.words_per_minute
    expected = data["words"] / READING.words_per_minute + data["menus"] * READING.seconds_per_menu / 60
    assert play["everything_minutes"] == round(expected, 1)
    runs = play["playthrough_minutes"]
    assert play["playthrough_runs"] == READING.playthrough_runs
    assert 0 < runs["shortest"] <= runs["average"] <= runs["longest"]  # loops may be read more than once


def test_a_slower_reader_takes_longer_and_runs_are_repeatable(mini):
    slow = story_stats(mini, ReadingPace(words_per_minute=100))
    fast = story_stats(mini)
    assert slow["play_time"]["everything_minutes"] > fast["play_time"]["everything_minutes"]
    assert story_stats(mini) == fast


def test_minutes_read_like_a_person_would_say_them():
    assert describe_minutes(7.4) == "7 min"
    assert describe_minutes(81) == "1 h 21 min"


def test_the_report_names_chapters_and_speakers(mini):
    text = render_text(story_stats(mini))
    assert text.splitlines()[0] == "Mini (version 2)"
    assert "6 scenes, 22 beats" in text
    assert "Chapters" in text and "Characters (by words)" in text


def test_the_command_prints_json_with_the_required_fields():
    result = heartstopper("stats", "--json", "--story", str(FIXTURES / "mini"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for field in ("scenes", "words", "endings", "choices", "characters", "chapters", "play_time"):
        assert field in data
    assert data["characters"]["charlie"]["name"] == "Charlie"


def test_the_shipped_story_reports_every_chapter():
    from game.paths import default_story_dir

    story = load_story(default_story_dir())
    data = story_stats(story, ReadingPace(playthrough_runs=4))
    assert [c["name"] for c in data["chapters"]] == [c.name for c in story.chapters]
    assert data["play_time"]["playthrough_runs"] == 4


def fork(way: str) -> str:
    """A story whose one menu goes home (an ending) or to the scene `way` (written after it)."""
    return f"""\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Which way?"
  choices:
    - text: "Home"
      goto: home
    - text: "Away"
      goto: away
home:
  title: "Home"
  lines:
    - narrate: "Home again."
  ending: done
away:
{way}"""


RECURSION = fork("""\
  title: "Recur"
  lines:
    - narrate: "deeper"
    - call: away
    - return
""")

LOOP = fork("""\
  title: "Round"
  lines:
    - narrate: "and round"
  next: away
""")


def test_playthroughs_stopped_by_runaway_calls_are_counted_not_raised(tmp_path):
    story = load_story(write_story(tmp_path, RECURSION))
    data = story_stats(story, ReadingPace(playthrough_runs=16))
    play = data["play_time"]
    unfinished = play["playthroughs_unfinished"]
    assert play["playthroughs_tried"] == 16
    assert len(unfinished) == 1 and "'away'" in unfinished[0]["why"] and "play stopped" in unfinished[0]["why"]
    assert 0 < play["playthrough_runs"] < 16  # a fair coin takes both ways in sixteen tries
    assert play["playthrough_runs"] + unfinished[0]["count"] == 16
    text = render_text(data)
    assert f"from the {play['playthrough_runs']} of 16 random playthroughs that reached an ending" in text
    assert f"{unfinished[0]['count']} of 16 random playthroughs did not reach an ending" in text


def test_playthroughs_that_loop_forever_are_said_to(tmp_path):
    story = load_story(write_story(tmp_path, LOOP))
    data = story_stats(story, ReadingPace(playthrough_runs=16, max_events=500))
    play = data["play_time"]
    [looped] = play["playthroughs_unfinished"]
    assert "went on past 500 steps" in looped["why"]
    assert play["playthrough_runs"] + looped["count"] == 16
    assert f"{looped['count']} of 16 random playthroughs did not reach an ending" in render_text(data)


def test_every_playthrough_ending_is_reported_as_before(mini):
    data = story_stats(mini)
    assert data["play_time"]["playthroughs_unfinished"] == []
    assert "did not reach an ending" not in render_text(data)
    assert f"from {READING.playthrough_runs} playthroughs choosing at random" in render_text(data)


def test_the_command_reports_stopped_playthroughs_without_a_traceback(tmp_path):
    story = write_story(tmp_path, RECURSION)
    result = heartstopper("stats", "--story", str(story))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "did not reach an ending" in result.stdout and "play stopped" in result.stdout
    data = json.loads(heartstopper("stats", "--json", "--story", str(story)).stdout)
    assert data["play_time"]["playthroughs_unfinished"][0]["count"] > 0


def test_under_a_minute_is_not_said_as_none():
    assert describe_minutes(0.2) == "<1 min"
    assert describe_minutes(0) == "0 min"
    text = render_text(story_stats(load_story(FIXTURES / "mini")))
    assert "~0 min" not in text
