"""What is laid over play keeps clear of what it would hide: captions beside the phone, never over its header or
past the screen's edge, and the authors' overlay above the text box, however many problems it lists."""

from __future__ import annotations

import pygame
import pytest
from uidrive import drawn_texts, into_game

from game.ui.canvas import Canvas
from game.ui.caption_pill import draw_caption_pill
from game.ui.driver import Driver
from game.ui.fonts import Fonts
from game.ui.phone import Message, PhoneView, phone_rect
from game.ui.theme import TEXT_SIZES

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
