"""The game presents the author's staging: five people in five places, a face that changes where it stands, a
dissolve caught halfway, a colour background, a fade and the full page of an NVL passage; reduce-motion makes every
transition a cut. Pictures are compared with goldens (tests/golden/ui_staging_*.png, made by the real renderer with
a fake clock; see tests/test_ui_golden.py to regenerate)."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pygame
import pytest
from test_ui_golden import check
from uidrive import UI_STORY

from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.game import GameScreen
from game.ui.theme import BOX

MANIFEST = """\
title: "Staging"
start: a
characters:
  charlie: {name: Charlie, color: "#7fb8e8"}
  nick: {name: Nick, color: "#f4c542"}
  tao: {name: Tao, color: "#e07a5f"}
  elle: {name: Elle, color: "#c587bb"}
  isaac: {name: Isaac, color: "#7fb685"}
endings:
  done: {title: "Done"}
"""

SCENES = """\
a:
  title: "A"
  chapter: One
  background: room
  lines:
    - show: {who: charlie, at: far_left}
    - show: {who: nick, at: 0.35}
    - show: {who: tao, at: center}
    - show: {who: elle, at: 0.65}
    - show: {who: isaac, at: far_right}
    - narrate: "Five of them, and room for everyone."
    - show: {who: nick, as: happy}
    - nick: "Same place, new face."
    - background: {id: "#1d2a3a", with: dissolve, duration: 2}
    - narrate: "The room goes dark blue."
    - hide: {who: all, with: fade, duration: 2}
    - narrate: "Nobody left."
    - mode: nvl
    - narrate: "The page fills, line by line, the way a book would."
    - charlie: "It keeps what was said above."
    - narrate: "Until the passage ends."
    - mode: adv
    - narrate: "Back in the box."
  ending: done
"""


@pytest.fixture
def story(tmp_path):
    folder = tmp_path / "staging"
    (folder / "scenes").mkdir(parents=True)
    (folder / "story.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "scenes" / "a.yaml").write_text(textwrap.dedent(SCENES), encoding="utf-8")
    assets = folder / "assets"
    shutil.copytree(UI_STORY / "assets", assets)
    for who, like in (("tao", "charlie"), ("elle", "nick"), ("isaac", "charlie")):
        shutil.copytree(assets / "sprites" / like, assets / "sprites" / who)
    return load_story(folder)


def start(story, *, reduce_motion: bool = False) -> tuple[Driver, GameScreen]:
    ui = Driver(story, Path(os.environ["HEARTSTOPPER_DATA_DIR"]))
    ui.app.settings.reduce_motion = reduce_motion
    ui.press(pygame.K_RETURN)  # New game (no content note)
    game = ui.top
    assert isinstance(game, GameScreen)
    ui.wait(2.0)
    return ui, game


def next_line(ui: Driver, wait: float = 2.0) -> None:
    ui.press(pygame.K_SPACE)  # complete the line
    ui.press(pygame.K_SPACE, wait=wait)  # and go on


def test_five_places_a_face_in_place_a_dissolve_a_fade_and_a_page(story):
    ui, game = start(story)
    try:
        ui.press(pygame.K_SPACE, wait=1.0)
        assert [round(game.stage.place_of(who)) for who in ("charlie", "nick", "tao", "elle", "isaac")] == [
            128,
            448,
            640,
            832,
            1152,
        ]
        check("staging_five_places", ui.frame())
        next_line(ui)
        assert game.session.stage.sprites["nick"] == ("happy", "0.35") and round(game.stage.place_of("nick")) == 448
        next_line(ui, wait=0.0)
        ui.wait(1.0)  # halfway through the two-second dissolve to a colour
        assert game.stage.animating(ui.clock.now)
        check("staging_dissolve_halfway", ui.frame())
        ui.wait(1.5)  # the line is typed: one press goes on (a second, during the fade, would cut it short)
        ui.press(pygame.K_SPACE)
        ui.wait(1.0)  # the fade is at its darkest
        dark = ui.frame()
        assert max(dark.get_at((640, 200))[:3]) < 40
        ui.wait(1.5)
        for _ in range(2):
            next_line(ui)
        ui.press(pygame.K_SPACE, wait=1.0)
        assert game.nvl.active and len(game.nvl.lines) == 3
        check("staging_nvl_page", ui.frame())
        next_line(ui)
        assert not game.nvl.active and game.dialogue.line.text == "Back in the box."
    finally:
        ui.close()


def test_reduce_motion_makes_every_transition_a_cut(story):
    ui, game = start(story, reduce_motion=True)
    try:
        for _ in range(2):
            next_line(ui, wait=0.0)
        next_line(ui, wait=0.0)  # to "The room goes dark blue.": the colour is there at once
        assert not game.stage.animating(ui.clock.now)
        assert tuple(ui.frame().get_at((640, 100))[:3]) == (0x1D, 0x2A, 0x3A)
    finally:
        ui.close()


def to_the_fade(ui: Driver) -> float:
    """From the first line to the moment "Nobody left." is pulled, with its two-second `fade`; that moment."""
    next_line(ui)
    next_line(ui)
    next_line(ui, wait=2.5)  # the dissolve to dark blue has ended, the line is typed
    ui.press(pygame.K_SPACE)  # on to "Nobody left.", which hides everyone `with: fade, duration: 2`
    return ui.clock.now


def test_a_fade_goes_to_black_holds_and_comes_up_on_the_new_stage_before_the_text(story):
    ui, game = start(story)
    try:
        began = to_the_fade(ui)
        assert game.dialogue.line.text == "Nobody left."
        assert game.dialogue.started == pytest.approx(began + 2.0)  # the line waits for the picture
        blue = (0x1D, 0x2A, 0x3A)
        box_point = (BOX[0] + 200, BOX[1] + 60)

        def at(seconds: float) -> pygame.Surface:
            ui.wait(began + seconds - ui.clock.now)
            return ui.frame()

        going = at(0.4)  # halfway to black: the old stage, everyone still there, darkening; no text box
        assert 0 < max(going.get_at((640, 100))[:3]) < max(blue)
        assert game.stage.leaving and not game.line_complete(ui.clock.now)
        assert max(going.get_at(box_point)[:3]) < 200  # the box is not drawn over the fade
        quick = game.quick.rects["save"]
        quick_point = (quick[0] + quick[2] // 2, quick[1] + quick[3] // 2)
        assert max(going.get_at(quick_point)[:3]) < 200  # the quick menu darkens with the rest
        for seconds in (0.8, 1.0, 1.2):  # black, held: the stage changes in the dark, the quick menu too
            dark = at(seconds)
            assert tuple(dark.get_at((640, 100))[:3]) == (0, 0, 0) == tuple(dark.get_at(box_point)[:3])
            assert tuple(dark.get_at(quick_point)[:3]) == (0, 0, 0)
        coming = at(1.6)  # coming up on the emptied room
        assert 0 < max(coming.get_at((640, 100))[:3]) < max(blue) and not game.stage.leaving
        up = at(2.05)
        assert tuple(up.get_at((640, 100))[:3]) == blue and not game.stage.fading(ui.clock.now)
        assert max(up.get_at(box_point)[:3]) > 200  # the text box is back, the line typing
    finally:
        ui.close()


def test_a_click_cuts_a_fade_short_and_reduce_motion_cuts_it_outright(story):
    ui, game = start(story)
    try:
        began = to_the_fade(ui)
        ui.wait(0.3)
        ui.press(pygame.K_SPACE)  # impatient: the new stage at once, the line from now
        assert not game.stage.fading(ui.clock.now) and game.dialogue.line.text == "Nobody left."
        assert game.dialogue.started == pytest.approx(began + 0.3)
        assert tuple(ui.frame().get_at((640, 100))[:3]) == (0x1D, 0x2A, 0x3A)
    finally:
        ui.close()
    ui, game = start(story, reduce_motion=True)
    try:
        began = to_the_fade(ui)
        assert not game.stage.fading(ui.clock.now) and game.dialogue.started == began
        assert tuple(ui.frame().get_at((640, 100))[:3]) == (0x1D, 0x2A, 0x3A)
    finally:
        ui.close()


NVL_MENU = """\
a:
  title: "A"
  chapter: One
  background: room
  lines:
    - mode: nvl
    - narrate: "The page fills, line by line, the way a book would, and the evening goes on outside the window."
    - charlie: "It keeps what was said above, every word of it, until the passage ends."
    - narrate: "Then there is a question to answer, and it sits on the page with everything before it."
    - charlie: "So which is it going to be?"
  choices:
    - {text: "The long way round, by the river", goto: b}
    - {text: "Straight home", goto: b}
    - {text: "Nowhere at all", goto: b}
b:
  title: "B"
  chapter: One
  lines: [{narrate: "Done."}]
  ending: done
"""


def test_a_menu_after_an_nvl_passage_sits_on_the_page_under_its_last_line(story):
    """Before: the menu was laid over the middle of the page, its buttons on top of the passage's lines."""
    from game.ui.nvl import MENU_BOTTOM, PAGE

    folder = story.story_dir
    (folder / "scenes" / "a.yaml").write_text(NVL_MENU, encoding="utf-8")
    ui, game = start(load_story(folder))
    try:
        for _ in range(12):
            if game.menu is not None:
                break
            next_line(ui, wait=0.5)
        assert game.menu is not None and game.nvl.active
        frame = ui.frame()
        check("staging_nvl_menu", frame)
        buttons = [button.rect for button in game.menu.list.buttons]
        assert game.nvl.lines[-1].text == "So which is it going to be?"  # the question stays on the page
        assert all(y >= game.nvl.text_end + 8 for _, y, _, _ in buttons), "a choice covers the page's text"
        assert all(PAGE[1] < y and y + h <= MENU_BOTTOM for _, y, _, h in buttons)  # on the page
        for number in (1, 2, 3):  # each button is drawn where it is clicked: paper, not the page's text
            x, y, _, h = buttons[number - 1]
            assert frame.get_at((round(x + 40), round(y + h / 2)))[:3] != frame.get_at((140, 60))[:3]
        ui.press(pygame.K_2, wait=1.0)
        assert game.session.playthrough.scene == "b"
    finally:
        ui.close()


def test_capture_waits_out_a_slow_transition_and_pictures_the_page(tmp_path):
    """`heartstopper capture` pictures each beat once its stage has settled, however long the author's
    transition; the NVL lines are pictured on their page."""
    from game.ui.capture import capture

    folder = tmp_path / "slow"
    (folder / "scenes").mkdir(parents=True)
    (folder / "story.yaml").write_text(MANIFEST.replace('title: "Staging"', 'title: "Slow"'), encoding="utf-8")
    (folder / "scenes" / "a.yaml").write_text(
        'a:\n  title: "A"\n  chapter: One\n  background: "#000000"\n  lines:\n'
        '    - background: {id: "#ffffff", with: dissolve, duration: 9}\n'
        '    - mode: nvl\n    - narrate: "White at last."\n  ending: done\n',
        encoding="utf-8",
    )
    script = tmp_path / "walk.yaml"
    script.write_text('name: "Walk"\nsteps: []\nend: done\n', encoding="utf-8")
    assert capture(folder, script, tmp_path / "out", size=(320, 180), only=frozenset({"lines"})) == 0
    (picture,) = sorted((tmp_path / "out").glob("*-a-narration.png"))
    frame = pygame.image.load(str(picture))
    assert tuple(frame.get_at((4, 90))[:3]) == (255, 255, 255)  # the dissolve has ended: white, not grey
    assert frame.get_at((160, 60))[:3] != (255, 255, 255)  # the page is over it
