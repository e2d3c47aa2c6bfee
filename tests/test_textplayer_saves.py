"""The terminal player keeps the content note's promise: stop, save and come back at any time, in the game's slots.

A save made in the terminal is an ordinary slot of the game window's Save and Load screens and the other way round;
quitting keeps the place as an autosave; every way a slot can be wrong gets words, never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from datetime import datetime
from pathlib import Path

import pygame
import pytest
from storybuild import FIXTURES
from uidrive import into_game

from game.events import Choices, Line
from game.exitcodes import EXIT_INPUT_ENDED, EXIT_OK
from game.loader import load_story
from game.model import Story
from game.playthrough import Playthrough
from game.text_saves import TextSaves, saves_folder, slot_key
from game.textplayer import TextPlayer
from game.ui.screens.flow import load_slot
from game.ui.screens.game import GameScreen
from game.ui.session import StorySession


def play(story: Story, answers: list[str], *, pause: bool = False, session: StorySession | None = None):
    """Run the terminal player on scripted answers; returns (exit code, everything it printed)."""
    out = io.StringIO()
    lines = iter([answer + "\n" for answer in answers])
    player = TextPlayer(
        story,
        out=out,
        read_line=lambda: next(lines, ""),
        colour=False,
        pause=pause,
        width=80,
        saves=TextSaves(story, saves_folder(story), now=lambda: datetime(2026, 5, 1, 18, 30)),
    )
    code = player.play(session or StorySession(story, Playthrough(story)))
    return code, out.getvalue()


@pytest.fixture
def mini() -> Story:
    return load_story(FIXTURES / "mini")


def test_help_lists_save_load_saves_and_quit(mini):
    code, out = play(mini, ["help", "2", "1"])
    assert code == EXIT_OK and "At any prompt, type help for the commands: save, load and quit." in out
    for command in ("save [SLOT]", "load [SLOT]", "saves", "quit"):
        assert f"\n  {command}" in out
    assert "  1. Study" in out.split("The saves are the game's own")[1]  # the menu is shown again after the help


def test_save_then_load_in_a_later_session_goes_on_from_the_same_menu(mini):
    code, out = play(mini, ["2", "save 4"])
    assert code == EXIT_OK and "Saved in slot 4." in out and "your place is saved" in out
    assert (saves_folder(mini) / "4.json").is_file()
    code, out = play(mini, ["load 4", "1"])
    assert "You have saves: type load to go on from your latest, help for more." in out
    assert "Loaded slot 4: School: The Hall (1 May 2026, 18:30)." in out
    after = out.split("Loaded slot 4")[1]
    assert "» The Hall" in after and "  1. Go home" in after
    assert code == EXIT_OK and "★ The end: Good" in after


def test_save_alone_takes_the_first_empty_slot_and_load_alone_the_latest(mini):
    play(mini, ["save", "2", "save"])
    assert sorted(p.name for p in saves_folder(mini).glob("*.json")) == ["1.json", "2.json"]
    code, out = play(mini, ["load", "1"])
    assert "Loaded slot 2: School: The Hall" in out and code == EXIT_OK


def test_saving_over_a_slot_asks_first_and_no_keeps_the_old_save(mini):
    play(mini, ["save 1"])
    before = (saves_folder(mini) / "1.json").read_bytes()
    code, out = play(mini, ["2", "save 1", "n"])
    assert "Slot 1 holds Home: The Kitchen (1 May 2026, 18:30). Save over it? [y/N]" in out and "Not saved." in out
    assert (saves_folder(mini) / "1.json").read_bytes() == before
    assert code == EXIT_INPUT_ENDED  # nothing was saved after the choice
    play(mini, ["2", "save 1", "y"])
    assert json.loads((saves_folder(mini) / "1.json").read_text())["scene_title"] == "The Hall"


def test_quit_keeps_the_place_as_an_autosave_and_load_auto_comes_back(mini):
    code, out = play(mini, ["2", "quit"])
    assert code == EXIT_OK and "Your place is kept as autosave 1" in out and "Goodbye." in out
    code, out = play(mini, ["load auto", "1"])
    assert "Loaded autosave 1: School: The Hall" in out and "★ The end: Good" in out


def test_quitting_before_doing_anything_writes_no_autosave(mini):
    code, out = play(mini, ["quit"])
    assert code == EXIT_OK and "autosave" not in out and not saves_folder(mini).exists()


def test_save_and_quit_work_at_the_enter_prompt_of_an_interactive_terminal(mini):
    code, out = play(mini, ["", "", "save quick", "", "quit"], pause=True)
    assert "Saved in the quick slot." in out and code == EXIT_OK
    record = json.loads((saves_folder(mini) / "quick.json").read_text())
    session = StorySession.from_record(mini, record["playthrough"], record["frontend"])
    session.advance()
    assert isinstance(session.beat, Line) and session.beat.text == "Hi!"  # the line the player had reached


def test_slot_names_that_are_no_slot_are_refused_in_words(mini):
    code, out = play(mini, ["save 0", "save 55", "save auto", "load " + "9" * 2000, "load quick", "load 7", "2", "1"])
    assert code == EXIT_OK
    assert "Not saved: there is no slot '0': the slots are 1 to 54, quick, or auto-1 to auto-9." in out
    assert "there is no slot '55'" in out
    assert "Not saved: the autosaves are made by the game" in out
    assert "there is no slot '" + "9" * 20 + "...'" in out
    assert "The quick slot is empty" in out and "Slot 7 is empty" in out


def test_saves_lists_every_slot_with_where_and_when_and_damage(mini):
    play(mini, ["2", "save 3"])
    folder = saves_folder(mini)
    (folder / "5.json").write_text("{ not json")
    code, out = play(mini, ["saves", "load 5", "2", "1"])
    assert f"Your saves (in {folder}):" in out
    assert "  3       School: The Hall (1 May 2026, 18:30)" in out
    assert "  5       damaged (" in out and "Slot 5 cannot be loaded: it is damaged" in out
    assert code == EXIT_OK and "Traceback" not in out


def test_a_save_whose_scene_is_gone_offers_its_chapter_from_the_start(tmp_path):
    story_dir = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", story_dir)
    story = load_story(story_dir)
    play(story, ["2", "save 2"])
    record_path = saves_folder(story) / "2.json"
    record = json.loads(record_path.read_text())
    record["playthrough"]["scene"] = "a_scene_since_removed"
    record_path.write_text(json.dumps(record))
    code, out = play(story, ["load 2", "y", "1"])
    assert "Slot 2 was made in a scene that is no longer in the story." in out
    assert "Start the chapter “School” from its beginning? [y/N]" in out
    assert "» The Hall" in out.split("from its beginning?")[1] and code == EXIT_OK


def test_a_save_that_cannot_be_written_says_so_and_play_goes_on(mini, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("HEARTSTOPPER_DATA_DIR", str(blocker))  # the data folder would have to be inside a file
    code, out = play(mini, ["save", "2", "1"])
    assert "Not saved: " in out and "Errno" not in out
    assert code == EXIT_OK and "★ The end: Good" in out


def test_slot_keys_are_the_game_windows_own():
    assert [slot_key(word, saving=False) for word in ("1", "054", "quick", "auto", "auto-9", "QUICK")] == [
        "1",
        "54",
        "quick",
        "auto-1",
        "auto-9",
        "quick",
    ]


# -- the same slots as the game window ---------------------------------------------------------------------------


def test_a_save_made_in_the_terminal_loads_in_the_game_window(ui):
    story = ui.app.story
    code, _ = play(story, ["save 1"])  # at the story's first menu
    assert code == EXIT_OK  # the input ended with the place saved: a natural stop
    slot = ui.app.saves.read("1")  # the window's own store finds it, in its own folder
    assert slot.status == "ok" and slot.thumbnail_png is None
    load_slot(ui.app, slot, ui.clock())
    game = ui.top
    assert isinstance(game, GameScreen) and isinstance(game.session.beat, Choices)
    terminal = StorySession(story, Playthrough(story))
    while not isinstance(terminal.beat, Choices):
        terminal.advance()
    assert game.session.beat == terminal.beat
    assert game.session.stage.to_dict() == terminal.stage.to_dict()  # the stage comes back as the window drew it


def test_a_save_made_in_the_game_window_loads_in_the_terminal(ui):
    game = into_game(ui, 1)
    beat = game.session.beat
    assert isinstance(beat, Line)
    ui.press(pygame.K_F5)  # quick save
    assert ui.app.saves.read("quick").status == "ok"
    code, out = play(ui.app.story, ["load quick", "quit"])
    after = out.split("Loaded the quick slot")[1]
    assert beat.text in after and code == EXIT_OK


def test_the_terminal_and_the_window_use_one_save_folder(ui):
    assert saves_folder(ui.app.story) == ui.app.saves.folder


def test_ctrl_c_keeps_the_place_as_an_autosave(mini):
    answers = iter(["2\n"])

    def read_line() -> str:
        answer = next(answers, None)
        if answer is None:
            raise KeyboardInterrupt
        return answer

    player = TextPlayer(
        mini,
        out=io.StringIO(),
        read_line=read_line,
        colour=False,
        pause=False,
        width=80,
        saves=TextSaves.for_story(mini),
    )
    assert player.play(StorySession(mini, Playthrough(mini))) == 130
    assert TextSaves.for_story(mini).read("auto-1").scene_title == "The Hall"


def test_the_terminal_player_saves_where_pygame_cannot_even_be_imported(tmp_path):
    """The terminal player is for machines the window cannot run on: its saves need no pygame."""
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['pygame'] = None; "
        "from game.cli import main; raise SystemExit(main(['play', '--text', '--story', sys.argv[1]]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "mini")],
        input="2\nsave 2\n1\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "HEARTSTOPPER_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "Saved in slot 2." in result.stdout and "★ The end: Good" in result.stdout
    assert (tmp_path / "mini" / "saves" / "2.json").is_file()


def test_at_a_real_terminal_lines_wait_for_enter_and_ctrl_d_quits_keeping_the_place(tmp_path):
    """Played on a pseudo-terminal as a person would: Enter through the lines, a choice, then Ctrl+D."""
    import select
    import subprocess
    import sys
    import time

    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "game", "play", "--text", "--story", str(FIXTURES / "mini")],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "HEARTSTOPPER_DATA_DIR": str(tmp_path), "TERM": "dumb", "COLUMNS": "80"},
    )
    os.close(follower)
    seen = b""

    def read_until(marker: bytes) -> None:
        nonlocal seen
        deadline = time.monotonic() + 60
        while marker not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1)
            if ready:
                try:
                    seen += os.read(leader, 4096)
                except OSError:  # the child closed the terminal
                    return
        assert marker in seen, seen.decode(errors="replace")[-800:]

    read_until(b"[Enter]")
    assert b"Morning light." in seen and b"Charlie:" not in seen  # one line at a time
    for _ in range(6):
        os.write(leader, b"\n")
    read_until(b"3. Ask Isaac")
    os.write(leader, b"2\n")
    read_until(b"The hall.")
    os.write(leader, b"\n")
    read_until(b"1. Go home")
    os.write(leader, b"\x04")  # Ctrl+D
    read_until(b"Goodbye.")
    assert child.wait(timeout=60) == EXIT_OK
    os.close(leader)
    assert b"Your place is kept as autosave 1" in seen
    assert (tmp_path / "mini" / "saves" / "auto-1.json").is_file()


def test_a_hand_edited_save_with_an_enormous_title_is_listed_on_one_short_line(mini):
    play(mini, ["2", "save 3"])
    path = saves_folder(mini) / "3.json"
    record = json.loads(path.read_text())
    record["scene_title"] = "T" * 100_000
    record["chapter"] = "C" * 100_000
    path.write_text(json.dumps(record))
    code, out = play(mini, ["saves", "2", "1"])
    (line,) = [line for line in out.splitlines() if line.startswith("  3 ")]
    assert len(line) < 160 and line.count("…") == 2 and code == EXIT_OK


def test_control_characters_in_a_hand_edited_save_never_reach_the_terminal(mini):
    play(mini, ["2", "save 3"])
    path = saves_folder(mini) / "3.json"
    record = json.loads(path.read_text())
    record["scene_title"] = "\x1b]0;pwned\x07\x1b[31mRed\u202eevil"
    path.write_text(json.dumps(record))
    code, out = play(mini, ["saves", "load 3", "1"])
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07\\x1b[31mRed\\u202eevil" in out and code == EXIT_OK
