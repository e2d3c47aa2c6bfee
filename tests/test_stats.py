"""Story statistics: the counts agree with the story, the JSON has its fields, play time follows its stated pace."""

from __future__ import annotations

import json

import pytest
from commandline import heartstopper
from storybuild import FIXTURES

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
