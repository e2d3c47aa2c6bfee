"""What is laid over play keeps clear of what it would hide: captions beside the phone, never over its header or
past the screen's edge, and the authors' overlay above the text box, however many problems it lists."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from uidrive import UI_STORY, drawn_texts, into_game

from game.loader import load_story
from game.ui.canvas import Canvas
from game.ui.caption_pill import draw_caption_pill
from game.ui.dev_overlay import draw_overlay
from game.ui.driver import Driver
from game.ui.fonts import Fonts
from game.ui.phone import Message, PhoneView, phone_rect
from game.ui.theme import BOX, NAMEPLATE_Y, TEXT_SIZES
from tests.test_ui_accessibility import Recording

SCREEN = pygame.Rect(0, 0, 1280, 720)
SHORT = ("[a message whooshes away]",)
LONG = ("[a message whooshes away]", "[music: a slow, tender piano theme]", "[a door closes somewhere downstairs]")


def rect(r: tuple[float, float, float, float]) -> pygame.Rect:
    return pygame.Rect(round(r[0]), round(r[1]), round(r[2]), round(r[3]))


@pytest.mark.parametrize("taken", [frozenset(), frozenset({"right"}), frozenset({"right", "left"})])
@pytest.mark.parametrize("captions", [SHORT, LONG])
@pytest.mark.parametrize("size", sorted(TEXT_SIZES))
def test_captions_stand_beside_the_phone_inside_the_screen(taken, captions, size: str) -> None:
    canvas = Canvas(pygame.Surface((1280, 720)), 1.0, Fonts())
    phone = PhoneView()
    phone.add(Message("nick", "Nick", "#f4c542", "Good morning :)"), -10.0)
    phone.draw(canvas, 0.0, TEXT_SIZES[size], True, taken)
    where = phone_rect(taken)
    pill = rect(draw_caption_pill(canvas, captions, where))
    assert SCREEN.contains(pill), pill
    assert not pill.colliderect(rect(where)), (pill, where)


def test_captions_over_a_phone_in_play_keep_off_its_header(ui: Driver) -> None:
    ui.app.settings.captions = True
    game = into_game(ui, 4)
    assert game.phone.active
    game.shown_captions = list(LONG)
    for size in TEXT_SIZES:
        ui.app.settings.text_size = size
        texts = drawn_texts(ui)
        header = next(r for words, r in texts if words == "Nick")
        shown = [r for words, r in texts if words.startswith("[") or words.endswith("]")]
        assert shown, size
        phone = rect(phone_rect(frozenset(place for _, place in game.session.stage.sprites.values())))
        for r in shown:
            assert SCREEN.contains(r) and not r.colliderect(header) and not r.colliderect(phone), (size, r)


PROBLEMS = "\n".join(
    f"story/scenes/prologue.yaml:{n}:9: error: YAML syntax error: could not find expected ':' in the mapping "
    f"that starts here\n    hint: each line of a mapping is 'key: value'; check the line above for a colon"
    for n in range(8)
)


def test_the_dev_overlay_lists_reload_problems_above_the_text_box(tmp_path: Path) -> None:
    ui = Driver(load_story(UI_STORY), tmp_path, dev=True)
    try:
        game = into_game(ui, 2)
        ui.press(pygame.K_SPACE, wait=1.0)  # the line complete
        game.dev_problem = PROBLEMS
        texts = drawn_texts(ui)
    finally:
        ui.close()
    grow = game.dialogue.grow(ui.app.canvas, 1.0)
    box = rect((BOX[0], NAMEPLATE_Y - grow, BOX[2], BOX[3] + BOX[1] - NAMEPLATE_Y + grow))  # with its plate
    rows = game.dialogue.wrapped(ui.app.canvas, 1.0).rows
    assert all(any(words == row for words, _ in texts) for row in rows)  # the line is drawn
    overlay = [(words, r) for words, r in texts if words.startswith(("scene:", "story/", "    hint", "Shift+R"))]
    assert len(overlay) >= 3
    for words, r in overlay:
        assert not r.colliderect(box), f"the overlay's '{words[:30]}' covers the text box"
        assert SCREEN.contains(r)


@pytest.mark.parametrize("variables", [0, 12, 60])
@pytest.mark.parametrize("problems", [0, 2, 8, 40])
def test_the_dev_overlay_fits_above_its_bottom_and_says_what_it_leaves_out(variables: int, problems: int) -> None:
    canvas = Recording(Fonts())
    names = {f"variable_{i:02}": i for i in range(variables)}
    problem = "\n".join(PROBLEMS.splitlines()[:2] * problems) or None  # each an error and its hint
    bottom = 470.0
    panel = draw_overlay(canvas, "prologue_breakfast", "prologue_breakfast.1", names, problem, bottom)
    assert panel[1] + panel[3] <= bottom and panel[0] >= 0 and panel[2] <= 1260
    drawn = " ".join(words for words, _ in canvas.texts)
    assert "scene: prologue_breakfast" in drawn and "Shift+R" in drawn
    for words, r in canvas.texts:
        assert rect(panel).contains(r), words
    shown = sum(1 for words, _ in canvas.texts if words.startswith("variable_"))
    if shown < variables:
        assert f"{variables - shown} more variables" in drawn
    if problem is not None and "more problem rows" not in drawn:
        assert drawn.split().count("hint:") == problems  # every problem whole, wrapped, none cut off
