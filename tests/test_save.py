"""Saves: resuming exactly, and careful reading of saves that are damaged, edited or out of date."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest
from storybuild import FIXTURES, mini

from game.events import Line
from game.loader import load_story
from game.playthrough import Playthrough
from game.save import SaveError, read_json_file, write_json_atomically


def played_to_menu() -> Playthrough:
    pt = Playthrough(mini())
    while pt.can_continue:
        pt.continue_()
    return pt


def test_a_save_is_plain_json():
    data = played_to_menu().save()
    assert json.loads(json.dumps(data)) == data
    assert data["format"] == "heartstopper-save" and data["story"] == "Mini" and data["story_version"] == 2
    assert data["scene"] == "kitchen" and data["chapter"] == "Home" and data["waiting_menu"] is True
    assert data["variables"] == {"grades": 2, "brave": False, "room": "tao"}
    assert data["visits"] == {"kitchen": 1}


@pytest.mark.parametrize(
    ("edit", "reason", "message"),
    [
        (lambda d: [], "damaged", "it is not a save file"),
        (lambda d: {**d, "format": "other"}, "damaged", "not a Heartstopper save"),
        (lambda d: {**d, "format_version": 99}, "damaged", "newer than this game understands"),
        (lambda d: {**d, "story": "Another", "story_id": "another"}, "wrong_story", "another story ('Another')"),
        (
            lambda d: {k: v for k, v in d.items() if k != "story_id"} | {"story": "Another"},
            "wrong_story",
            "('Another')",
        ),
        (lambda d: {**d, "scene": 7}, "damaged", "it names no scene"),
        (lambda d: {**d, "scene": "gone"}, "unknown_scene", "the saved scene 'gone' (chapter 'Home') is no longer"),
        (lambda d: {**d, "position": -1}, "damaged", "position in the scene is not a whole number"),
        (lambda d: {**d, "position": "3"}, "damaged", "position in the scene is not a whole number"),
        (
            lambda d: {**d, "variables": {"grades": 9}},
            "damaged",
            "variable 'grades' is 9, but it must be a whole number from 0 to 5",
        ),
        (lambda d: {**d, "variables": {"brave": "yes"}}, "damaged", "variable 'brave' is 'yes'"),
        (lambda d: {**d, "variables": {"room": "attic"}}, "damaged", "must be one of 'tao', 'isaac'"),
        (lambda d: {**d, "variables": []}, "damaged", "variables are not a mapping"),
        (lambda d: {**d, "visits": {"kitchen": -2}}, "damaged", "visit count of 'kitchen' is not a whole number"),
        (lambda d: {**d, "once": "all"}, "damaged", "once-choices are not a list of ids"),
        (lambda d: {**d, "seen": [1, 2]}, "damaged", "seen lines are not a list of ids"),
        (lambda d: {**d, "ended": "nope"}, "damaged", "an ending the story does not have"),
        (lambda d: {**d, "announce": "x"}, "damaged", "'announce' is not true or false"),
    ],
)
def test_edited_saves_are_refused_with_a_clear_reason(edit, reason, message):
    story = mini()
    data = edit(played_to_menu().save())
    with pytest.raises(SaveError) as caught:
        Playthrough.from_save(story, data)
    assert caught.value.reason == reason
    assert message in str(caught.value)


def test_a_save_of_a_removed_scene_names_its_chapter_so_the_game_can_offer_its_start():
    story = mini()
    data = {**played_to_menu().save(), "scene": "gone"}
    with pytest.raises(SaveError) as caught:
        Playthrough.from_save(story, data)
    assert caught.value.chapter == "Home" and story.chapter_start("Home") == "kitchen"


def test_unknown_variables_are_ignored_and_new_ones_take_defaults():
    data = played_to_menu().save()
    data["variables"] = {"grades": 3, "removed_since": 1}
    pt = Playthrough.from_save(mini(), data)
    assert pt.variables == {"grades": 3, "brave": False, "room": "tao"}


def test_a_save_survives_edits_to_its_scene(tmp_path):
    story_dir = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", story_dir)
    pt = Playthrough(load_story(story_dir))
    shown = []
    while len(shown) < 3:
        event = pt.continue_()
        if isinstance(event, Line):
            shown.append(event.text)
    data = pt.save()
    scene_file = story_dir / "scenes" / "home.yaml"
    scene_file.write_text(
        scene_file.read_text().replace(
            '    - narrate: "Morning light."\n', '    - narrate: "Morning light."\n    - narrate: "A new line."\n'
        )
    )
    resumed = Playthrough.from_save(load_story(story_dir), data)
    texts = []
    while resumed.can_continue:
        event = resumed.continue_()
        if isinstance(event, Line):
            texts.append(event.text)
    assert shown == ["Morning light.", "Morning.", "Hi!"]
    assert texts[0] == "He said hi."  # resumes after the last line shown, though every position moved


def test_atomic_write_replaces_whole_files(tmp_path):
    path = tmp_path / "saves" / "slot1.json"
    write_json_atomically(path, {"a": 1})
    write_json_atomically(path, {"a": 2})
    assert json.loads(path.read_text()) == {"a": 2}
    assert [p.name for p in path.parent.iterdir()] == ["slot1.json"]


def test_a_save_killed_while_writing_leaves_the_old_save(tmp_path):
    path = tmp_path / "slot.json"
    write_json_atomically(path, {"old": True})
    script = textwrap.dedent(f"""
        import os, signal
        import game.jsonfiles as jsonfiles
        def die_before_the_rename(fd):
            os.kill(os.getpid(), signal.SIGKILL)
        jsonfiles.os.fsync = die_before_the_rename
        import game.save as save
        save.write_json_atomically(__import__('pathlib').Path({str(path)!r}), {{"new": True}})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    assert json.loads(path.read_text()) == {"old": True}


@pytest.mark.parametrize("content", [b"", b"{", b"\xff\xfe", b"[1, 2", b"null"])
def test_unreadable_save_files_are_damaged_not_crashes(tmp_path, content):
    path = tmp_path / "slot.json"
    path.write_bytes(content)
    try:
        data = read_json_file(path)
    except SaveError as error:
        assert error.reason == "damaged" and "cannot be read" in str(error)
        return
    with pytest.raises(SaveError):
        Playthrough.from_save(mini(), data)
