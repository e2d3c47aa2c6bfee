"""Hostile conditions for what players keep: a retitled story, a full disk, saves killed mid-write, damaged files.

Nothing a player made is ever lost or hidden: saves are kept under the story's id (not its title), the autosaves
rotate only once the new one is safely on disk, a failed autosave says so on screen, what killed writers leave is
swept at start, and a damaged save is explained in words a player understands.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
from pathlib import Path

import pygame
import pytest
from storybuild import FIXTURES, problems_of
from uidrive import data_dir

from game import jsonfiles
from game.loader import load_story
from game.playthrough import Playthrough
from game.story_id import story_slug
from game.text_saves import TextSaves, saves_folder
from game.ui.driver import Driver
from game.ui.savestore import AUTOSAVES, SaveStore
from game.ui.screens.dialog import Dialog
from game.ui.screens.game import GameScreen
from game.ui.session import StorySession


def copy_story(tmp_path: Path, source: Path = FIXTURES / "mini", name: str = "story") -> Path:
    target = tmp_path / name
    shutil.copytree(source, target)
    return target


def set_manifest(story_dir: Path, old: str, new: str) -> None:
    manifest = story_dir / "story.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")


def save_in_slot(story_dir: Path, key: str = "3") -> dict:
    story = load_story(story_dir)
    saves = TextSaves.for_story(story)
    saves.write(key, StorySession(story, Playthrough(story)))
    return json.loads(saves.store.path(key).read_text(encoding="utf-8"))


def loads_in_slot(story_dir: Path, key: str = "3") -> bool:
    story = load_story(story_dir)
    saves = TextSaves.for_story(story)
    slot = saves.read(key)
    if slot.status != "ok":
        return False
    saves.resume(slot)  # raises if the engine refuses it (another story, ...)
    return True


# -- a stable save folder ------------------------------------------------------------------------------------------


def test_a_story_without_an_id_keeps_its_saves_where_they_always_were(tmp_path):
    story_dir = copy_story(tmp_path)
    save_in_slot(story_dir)
    assert (data_dir() / "mini" / "saves" / "3.json").is_file()  # today's folder: the title's slug
    assert load_story(story_dir).id == "mini" == story_slug("Mini")


def test_retitling_a_story_with_an_id_keeps_every_save_and_all_progress(tmp_path):
    story_dir = copy_story(tmp_path)
    set_manifest(story_dir, 'title: "Mini"', 'id: mini\ntitle: "Mini"')
    save_in_slot(story_dir)
    set_manifest(story_dir, 'title: "Mini"', 'title: "Mini: The Director\'s Cut"')
    assert loads_in_slot(story_dir)


def test_saves_made_before_the_id_load_after_adding_it_and_retitling(tmp_path):
    """The guide's way to retitle: first `id:` with today's slug, then any title. The old saves (which record only
    the old title) are found in the same folder and are accepted as this story's."""
    story_dir = copy_story(tmp_path)
    data = save_in_slot(story_dir)
    del data["playthrough"]["story_id"]  # a save made before saves recorded the id
    (saves_folder(load_story(story_dir)) / "3.json").write_text(json.dumps(data), encoding="utf-8")
    set_manifest(story_dir, 'title: "Mini"', 'id: mini\ntitle: "A Tiny Story"')
    assert loads_in_slot(story_dir)


def test_a_new_id_brings_the_old_saves_along_and_leaves_the_old_folder_alone(tmp_path):
    story_dir = copy_story(tmp_path)
    save_in_slot(story_dir, "3")
    save_in_slot(story_dir, "quick")
    old = data_dir() / "mini"
    before = {p.relative_to(old): p.read_bytes() for p in old.rglob("*") if p.is_file()}
    set_manifest(story_dir, 'title: "Mini"', 'id: mini-edition-two\ntitle: "Mini"')
    assert loads_in_slot(story_dir, "3") and loads_in_slot(story_dir, "quick")
    new = data_dir() / "mini-edition-two"
    assert {p.relative_to(new): p.read_bytes() for p in new.rglob("*") if p.is_file()} == before
    assert {p.relative_to(old): p.read_bytes() for p in old.rglob("*") if p.is_file()} == before  # untouched
    assert [p.name for p in data_dir().iterdir() if p.name.startswith(".")] == []


def test_a_copy_that_fails_midway_loses_nothing_and_uses_the_old_folder(tmp_path, monkeypatch):
    story_dir = copy_story(tmp_path)
    save_in_slot(story_dir, "3")
    save_in_slot(story_dir, "4")
    set_manifest(story_dir, 'title: "Mini"', 'id: mini-two\ntitle: "Mini"')
    real_copy = shutil.copy2
    copied = []

    def copy_then_disk_full(source, target, **kwargs):
        if copied:
            raise OSError(errno.ENOSPC, "No space left on device")
        copied.append(source)
        return real_copy(source, target, **kwargs)

    monkeypatch.setattr(shutil, "copy2", copy_then_disk_full)
    story = load_story(story_dir)
    assert saves_folder(story) == data_dir() / "mini" / "saves"  # this time the saves are used where they are
    assert not (data_dir() / "mini-two").exists()
    assert [p.name for p in data_dir().iterdir() if p.name.startswith(".")] == []  # no half copy left
    monkeypatch.setattr(shutil, "copy2", real_copy)
    assert loads_in_slot(story_dir, "3") and loads_in_slot(story_dir, "4")  # and the next start copies them
    assert (data_dir() / "mini-two" / "saves" / "4.json").is_file()


def test_the_game_window_uses_the_same_folder_as_the_terminal_player(tmp_path):
    story_dir = copy_story(tmp_path, FIXTURES / "ui_story")
    set_manifest(story_dir, "title:", "id: the-ui-story\ntitle:")
    driver = Driver(load_story(story_dir), data_dir())
    try:
        assert driver.app.saves.folder == data_dir() / "the-ui-story" / "saves" == saves_folder(driver.app.story)
    finally:
        driver.close()


MANIFEST_WITH_ID = """\
id: {story_id}
title: "Test"
start: a
endings:
  done: {{title: "Done"}}
"""


@pytest.mark.parametrize(
    "story_id", ['"../outside"', '"/tmp/x"', "Big-Name", "a--b", '"-a"', '""', "1.5", "[a]", "x" * 65]
)
def test_an_id_that_is_not_a_plain_folder_name_is_refused_at_its_line(tmp_path, story_id):
    problems = problems_of(tmp_path, manifest=MANIFEST_WITH_ID.format(story_id=story_id))
    assert len(problems) == 1
    assert "story.yaml:1:" in str(problems[0]) and "id" in str(problems[0])


@pytest.mark.parametrize("story_id", ["test", "my-story-2", "x" * 64])
def test_a_plain_id_is_taken(tmp_path, story_id):
    assert problems_of(tmp_path, manifest=MANIFEST_WITH_ID.format(story_id=story_id)) == []


def test_the_shipped_story_names_its_id():
    from game.paths import default_story_dir

    story = load_story(default_story_dir())
    assert "\nid: " in (default_story_dir() / "story.yaml").read_text(encoding="utf-8")
    assert story.id == story_slug(story.title)  # the folder its players' saves are already in


# -- autosaves on a full disk ----------------------------------------------------------------------------------------


def disk_full(monkeypatch) -> None:
    """Every new file the game writes fails as on a full disk (renames still work: they need no room)."""

    def no_room(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jsonfiles.tempfile, "mkstemp", no_room)


def test_three_autosaves_on_a_full_disk_lose_no_autosave(tmp_path, monkeypatch):
    store = SaveStore(tmp_path / "saves")
    for n in range(1, AUTOSAVES + 1):
        store.autosave({"number": n})
    before = {p.name: p.read_bytes() for p in store.folder.iterdir()}
    assert len(before) == AUTOSAVES
    disk_full(monkeypatch)
    for _ in range(3):
        with pytest.raises(OSError):
            store.autosave({"number": "new"})
    assert {p.name: p.read_bytes() for p in store.folder.iterdir()} == before


def test_an_autosave_that_fails_when_written_whole_leaves_the_old_ones(tmp_path, monkeypatch):
    """The new file is written but cannot be synced to disk: the older autosaves are not moved."""
    store = SaveStore(tmp_path / "saves")
    store.autosave({"number": 1})
    store.autosave({"number": 2})

    def fsync_fails(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(jsonfiles.os, "fsync", fsync_fails)
    with pytest.raises(OSError):
        store.autosave({"number": 3})
    assert json.loads(store.path("auto-1").read_text()) == {"number": 2}
    assert json.loads(store.path("auto-2").read_text()) == {"number": 1}
    assert sorted(p.name for p in store.folder.iterdir()) == ["auto-1.json", "auto-2.json"]


def test_autosaves_still_rotate_when_the_disk_has_room(tmp_path):
    store = SaveStore(tmp_path / "saves")
    for n in range(1, AUTOSAVES + 3):
        store.autosave({"number": n})
    numbers = [json.loads(store.path(f"auto-{i}").read_text())["number"] for i in range(1, AUTOSAVES + 1)]
    assert numbers == list(range(AUTOSAVES + 2, 2, -1))
    assert len(list(store.folder.iterdir())) == AUTOSAVES


def test_a_failed_autosave_tells_the_player(monkeypatch):
    driver = Driver(load_story(FIXTURES / "ui_story"), data_dir())
    try:
        disk_full(monkeypatch)
        game = driver.start_new_game()  # a scene starts: the game autosaves
        assert isinstance(game, GameScreen)
        shown = [toast.text for toast in driver.app.toasts]
        assert any(text.startswith("Autosave failed: the disk is full") for text in shown), shown
        assert not any("Errno" in text or "No space left" in text for text in shown)
    finally:
        driver.close()


# -- leftovers of killed saves --------------------------------------------------------------------------------------


def leftovers(folder: Path, names: list[str], age: float) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_bytes(b"{" + b" " * 1000)
        os.utime(path, (time.time() - age, time.time() - age))
        paths.append(path)
    return paths


def test_temporary_files_left_by_killed_saves_are_swept_when_the_game_starts():
    story = load_story(FIXTURES / "ui_story")
    store_folder = data_dir() / story.id / "saves"
    old = [
        *leftovers(store_folder, [f".auto-1.json.k{n}.tmp" for n in range(13)] + [".3.json.x.tmp"], age=3600),
        *leftovers(data_dir() / story.id, [".progress.json.a1.tmp"], age=3600),
        *leftovers(data_dir(), [".settings.json.b2.tmp"], age=3600),
    ]
    fresh = leftovers(store_folder, [".quick.json.now.tmp"], age=0)  # another copy of the game writing right now
    kept = leftovers(store_folder, ["notes.tmp", ".hidden-but-mine"], age=3600)  # not ours to remove
    SaveStore(store_folder).write("2", {"format": 1, "playthrough": {}})
    driver = Driver(story, data_dir())
    try:
        assert not any(path.exists() for path in old)
        assert all(path.exists() for path in fresh + kept)
        assert driver.app.saves.read("2").status == "ok"
    finally:
        driver.close()


def test_the_terminal_player_sweeps_them_too():
    story = load_story(FIXTURES / "mini")
    old = leftovers(saves_folder(story), [".auto-1.json.k1.tmp", ".auto-2.json.k2.tmp"], age=600)
    TextSaves.for_story(story)
    assert not any(path.exists() for path in old)


# -- a damaged save, in the player's words ------------------------------------------------------------------------

UNREADABLE = {
    "cut short": '{"format": 1, "playthrough": {"scene": "wal',
    "a 5,000-digit number": '{"format": 1, "playthrough": {}, "saved_at": ' + "9" * 5000 + "}",
    "not UTF-8": b'{"format": 1, "scene_title": "\xff\xfe"}',
    "deeply nested": "[" * 100_000 + "]" * 100_000,
    "another format": '{"format": 99, "playthrough": {}}',
    "not a save": "[1, 2, 3]",
    "engine refuses": json.dumps({"format": 1, "playthrough": {"format": "heartstopper-save", "format_version": "x"}}),
    "wrong types": json.dumps({"format": 1, "playthrough": {"scene": ["a"]}, "frontend": 7}),
}
TECHNICAL = (
    "Expecting",
    "line 1",
    "column",
    "char ",
    "int_max_str_digits",
    "4300",
    "Errno",
    "codec",
    "JSON",
    "mapping",
    "'",
    "{",
    "format 99",
    "recursion",
)


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_a_damaged_save_is_explained_in_the_players_words(case):
    driver = Driver(load_story(FIXTURES / "ui_story"), data_dir())
    try:
        content = UNREADABLE[case]
        path = driver.app.saves.path("1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        from game.ui.screens.flow import load_slot

        load_slot(driver.app, driver.app.saves.read("1"), driver.clock.now)
        dialog = driver.top
        assert isinstance(dialog, Dialog)
        assert dialog.message.startswith("This save is damaged and cannot be loaded")
        assert not [word for word in TECHNICAL if word in dialog.message], dialog.message
        assert len(dialog.message) < 200
        driver.press(pygame.K_RETURN)
        assert path.read_bytes() == (content if isinstance(content, bytes) else content.encode("utf-8"))  # kept
    finally:
        driver.close()


def test_the_guides_say_where_saves_are_kept_and_their_limits_as_the_code_has_them():
    from game.save import MAX_SAVE_BYTES
    from game.story_id import MAX_ID_CHARS
    from game.ui.savestore import MAX_SHOWN_TITLE_CHARS

    root = Path(__file__).resolve().parents[1]
    guide = (root / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"at most {MAX_ID_CHARS} characters" in guide and "`heartstopper-season-two`" in guide
    megabytes = MAX_SAVE_BYTES // 1_048_576
    assert f"at most {megabytes} MB" in guide and f"larger than {megabytes} MB" in readme
    assert f"at most {MAX_SHOWN_TITLE_CHARS} characters" in guide
    assert "named by the story's `id`" in readme


def test_the_data_folder_names_the_story_once_and_old_data_moves_over_whole(tmp_path, monkeypatch):
    """Before: `.../heartstopper-season-two/heartstopper-season-two/saves`. Now the data folder is the program's
    (`heartstopper`); the old folder is renamed to it at the first start, with every save, the settings and the
    progress, and nothing is left behind or lost."""
    from game.ui import datadir

    monkeypatch.delenv(datadir.ENV_VAR)
    monkeypatch.setattr(datadir.platformdirs, "user_data_dir", lambda name, appauthor: str(tmp_path / name))
    old = tmp_path / "heartstopper-season-two"
    (old / "heartstopper-season-two" / "saves").mkdir(parents=True)
    (old / "heartstopper-season-two" / "saves" / "1.json").write_text('{"slot": 1}', encoding="utf-8")
    (old / "heartstopper-season-two" / "progress.json").write_text('{"endings": ["a"]}', encoding="utf-8")
    (old / "other-story" / "saves").mkdir(parents=True)
    (old / "settings.json").write_text('{"volume": 0.5}', encoding="utf-8")
    before = sorted((p.relative_to(old), p.read_bytes() if p.is_file() else None) for p in old.rglob("*"))

    folder = datadir.data_dir()
    assert folder == tmp_path / "heartstopper" and not old.exists()
    assert sorted((p.relative_to(folder), p.read_bytes() if p.is_file() else None) for p in folder.rglob("*")) == before
    story = datadir.story_folder(folder, "heartstopper-season-two", "Heartstopper: Season Two")
    assert str(story).count("heartstopper-season-two") == 1 and (story / "saves" / "1.json").is_file()
    assert datadir.data_dir() == folder  # the next start: nothing left to move

    old.mkdir()  # an old folder made again (an old version of the game run since): the new one is kept, the old
    (old / "settings.json").write_text("{}", encoding="utf-8")  # one left alone
    assert datadir.data_dir() == folder and (old / "settings.json").is_file()


def test_an_old_data_folder_that_cannot_be_renamed_is_used_where_it_is(tmp_path, monkeypatch):
    from game.ui import datadir

    old = tmp_path / "heartstopper-season-two"
    (old / "saves").mkdir(parents=True)

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "in use", str(src))

    monkeypatch.setattr(datadir.os, "rename", refuse)
    assert datadir.moved_from_old_name(tmp_path / "heartstopper", old.name) == old
    assert (old / "saves").is_dir() and not (tmp_path / "heartstopper").exists()
