"""The front end's parts on their own: scaling, text layout, placeholders for missing art, capture, dev reload,
and the shipped story through the real UI."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pygame
import pytest
from uidrive import data_dir, into_game

from game import sources
from game.cli import main
from game.events import Choices, Line
from game.loader import load_story
from game.problems import StoryError
from game.ui.capture import capture
from game.ui.driver import Driver
from game.ui.scaling import Viewport
from game.ui.screens.game import GameScreen
from game.ui.textlayout import normalize, reveal_count, wrap

STORY = Path(__file__).parent / "fixtures" / "ui_story"
ROOT = Path(__file__).parent.parent


def test_letterboxing_keeps_16_9_centred() -> None:
    wide = Viewport.fit((1920, 800))
    assert wide.size == (1422, 800) and wide.offset == (249, 0)
    tall = Viewport.fit((800, 800))
    assert tall.size == (800, 450) and tall.offset == (0, 175)
    assert tall.to_logical((400, 400)) == pytest.approx((640, 360))
    assert len(Viewport.fit((1280, 720)).bars()) == 0


def test_wrapping_is_fixed_before_the_reveal_so_words_never_jump() -> None:
    text = "one two three four five six seven"
    rows = wrap(text, lambda s: len(s) * 10, 100).rows
    assert rows == ("one two", "three four", "five six", "seven")
    wrapped = wrap(text, lambda s: len(s) * 10, 100)
    total = len(normalize(text))
    for count in range(total + 1):
        shown = wrapped.visible(count)
        for partial, full in zip(shown, rows):
            assert full.startswith(partial)  # every partial row is the start of its final row
    assert wrapped.visible(total) == list(rows)
    assert wrap("abcdefghijklmnop", lambda s: len(s) * 10, 50).rows == ("abcde", "fghij", "klmno", "p")
    assert reveal_count(10.0, 10.5, 20, 100) == 10 and reveal_count(10.0, 99, 0, 7) == 7


def test_missing_art_draws_a_placeholder_and_warns_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    story_dir = tmp_path / "story"
    shutil.copytree(STORY, story_dir)
    shutil.rmtree(story_dir / "assets" / "sprites" / "nick")
    (story_dir / "assets" / "backgrounds" / "room.svg").write_text("<svg this is broken")
    caplog.set_level(logging.WARNING)
    ui = Driver(load_story(story_dir), data_dir())
    try:
        ui.press(pygame.K_RETURN)
        ui.press(pygame.K_RETURN)
        game = ui.top
        assert isinstance(game, GameScreen)
        for _ in range(6):
            ui.press(pygame.K_SPACE)
            ui.press(pygame.K_SPACE, wait=0.5)
        frame = ui.frame()
        # the placeholder is hatched in pink: find its border colour on screen
        assert any(frame.get_at((x, y))[:3] == (200, 60, 100) for x in range(0, 1280, 2) for y in range(0, 720, 8))
    finally:
        ui.close()
    warnings = [r.getMessage() for r in caplog.records if "nick/" in r.getMessage()]
    assert len(warnings) == len(set(warnings)) >= 1
    assert any("room" in r.getMessage() for r in caplog.records)


def test_capture_writes_a_picture_of_every_beat(tmp_path: Path) -> None:
    script = tmp_path / "walk.yaml"
    script.write_text('name: walk\nsteps:\n  - choose: "walk"\nend: together\n')
    out = tmp_path / "shots"
    assert capture(STORY, script, out, (960, 540)) == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert names[0] == "0001-title.png" and names[1] == "0002-content-note.png"
    assert any("intro-menu" in n for n in names) and any("ending-together" in n for n in names)
    assert names[-1].endswith("closing-note.png")
    lines = sum(1 for n in names if n.split("-", 1)[1].startswith(("intro-", "walk-")) and "menu" not in n)
    assert lines == 9  # seven beats to read in the intro (two of them messages), two in the walk
    assert pygame.image.load(str(out / names[3])).get_size() == (960, 540)


def test_capture_only_some_kinds_writes_the_same_pictures_under_the_same_names(tmp_path: Path) -> None:
    script = tmp_path / "walk.yaml"
    script.write_text('name: walk\nsteps:\n  - choose: "walk"\nend: together\n')
    assert capture(STORY, script, tmp_path / "all", (320, 180)) == 0
    assert capture(STORY, script, tmp_path / "some", (320, 180), only=frozenset({"menus", "endings"})) == 0
    some = sorted(p.name for p in (tmp_path / "some").glob("*.png"))
    assert some and all("-menu" in name or "ending-" in name for name in some)
    assert set(some) < {p.name for p in (tmp_path / "all").glob("*.png")}
    for name in some:
        assert (tmp_path / "some" / name).read_bytes() == (tmp_path / "all" / name).read_bytes()


def test_capture_does_not_write_a_picture_identical_to_the_one_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story_dir = Path(shutil.copytree(STORY, tmp_path / "story"))
    intro = story_dir / "scenes" / "intro.yaml"
    line = '    - narrate: "The afternoon light falls across the desk."\n'
    intro.write_text(intro.read_text().replace(line, line + line, 1))  # the same line twice: the same picture
    script = tmp_path / "walk.yaml"
    script.write_text('name: walk\nsteps:\n  - choose: "walk"\nend: together\n')
    assert capture(story_dir, script, tmp_path / "out", (320, 180)) == 0
    names = sorted(p.name for p in (tmp_path / "out").glob("*.png"))
    assert "0004-intro-narration.png" in names and not any(name.startswith("0005-") for name in names)
    assert "0006-intro-speech.png" in names  # the numbers after it are those of a full capture
    assert "1 identical to the one before" in capsys.readouterr().out


def test_capture_only_refuses_an_unknown_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "walk.yaml"
    script.write_text('name: walk\nsteps:\n  - choose: "walk"\n')
    code = main(["capture", str(script), "--out", str(tmp_path / "out"), "--story", str(STORY), "--only", "menu"])
    assert code == 2 and "'menu' is not a kind of picture" in capsys.readouterr().err


def test_capture_reports_a_choice_it_cannot_take(tmp_path: Path) -> None:
    script = tmp_path / "brave.yaml"
    script.write_text('name: brave\nsteps:\n  - choose: "brave"\n')
    assert capture(STORY, script, tmp_path / "out", (640, 360)) == 1


def test_dev_reload_keeps_the_place_and_shows_the_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story_dir = tmp_path / "story"
    shutil.copytree(STORY, story_dir)
    ui = Driver(load_story(story_dir), data_dir(), dev=True)
    try:
        game = into_game(ui, 2, wait=0.5)
        beat = game.session.beat
        assert isinstance(beat, Line) and beat.text.startswith("Hi! I brought biscuits")
        ui.frame()  # with the overlay
        scene = story_dir / "scenes" / "intro.yaml"
        scene.write_text(scene.read_text().replace("I brought biscuits", "I brought crumpets"))
        parsed: list[str] = []
        real_parse = sources.parse_file_bytes
        monkeypatch.setattr(
            sources, "parse_file_bytes", lambda path, *rest: parsed.append(Path(path).name) or real_parse(path, *rest)
        )
        ui.press(pygame.K_r, mod=pygame.KMOD_SHIFT)
        assert parsed == ["story.yaml", "intro.yaml"]  # the compiled-story cache gave every other file
        beat = game.session.beat
        assert isinstance(beat, Line) and beat.text.startswith("Hi! I brought crumpets")
        assert game.session.stage.sprites.keys() == {"charlie", "nick"}
        scene.write_text("intro: [this is not a scene")
        ui.press(pygame.K_r, mod=pygame.KMOD_SHIFT)
        assert game.dev_problem and "intro.yaml" in game.dev_problem  # shown on the overlay, not a crash
        ui.frame()
    finally:
        ui.close()


def test_the_shipped_story_plays_through_the_real_ui_to_its_first_menu() -> None:
    try:
        story = load_story(ROOT / "story")
    except StoryError as err:
        pytest.skip(f"the shipped story does not check clean yet: {err.problems[0]}")
    ui = Driver(story, data_dir())
    try:
        ui.press(pygame.K_RETURN)
        ui.press(pygame.K_RETURN)
        game = ui.top
        assert isinstance(game, GameScreen)
        for _ in range(200):
            if isinstance(game.session.beat, Choices):
                break
            ui.press(pygame.K_SPACE)
            ui.press(pygame.K_SPACE, wait=0.2)
        assert isinstance(game.session.beat, Choices)
        ui.frame()
    finally:
        ui.close()


def test_a_resized_window_letterboxes_and_clicks_still_land() -> None:
    ui = Driver(load_story(STORY), data_dir())
    try:
        pygame.display.set_mode((900, 900), pygame.RESIZABLE)
        ui.post(pygame.event.Event(pygame.VIDEORESIZE, size=(900, 900), w=900, h=900))
        viewport = ui.app.display.viewport
        assert viewport.size == (900, 506) and viewport.offset == (0, 197)
        frame = ui.frame()
        assert frame.get_at((450, 100))[:3] == (22, 16, 16)  # the bar above the picture
        title = ui.top
        settings = next(b.rect for b in title.list.buttons if b.label == "Settings")
        ui.click_rect(settings)  # logical coordinates map through the new scale
        from game.ui.screens.settings import SettingsScreen

        assert isinstance(ui.top, SettingsScreen)
        ui.frame()
    finally:
        ui.close()


def test_no_display_raises_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui.launch import NoDisplayError, init_pygame

    pygame.display.quit()
    monkeypatch.setenv("SDL_VIDEODRIVER", "no-such-video-driver")
    with pytest.raises(NoDisplayError, match="no display"):
        init_pygame()
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    init_pygame()


def test_an_invisible_fallback_window_counts_as_no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.ui.launch import NoDisplayError, init_pygame

    pygame.display.quit()
    monkeypatch.delenv("SDL_VIDEODRIVER")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    try:
        with pytest.raises(NoDisplayError):
            init_pygame()
    finally:
        pygame.display.quit()
        monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
        init_pygame()
