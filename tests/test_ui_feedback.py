"""Small things the game tells or keeps for the player: the safe answer focused in a question that cannot be undone,
a toast for the self-voicing key, and hover that follows the pointer when a screen comes back."""

from __future__ import annotations

from pathlib import Path

import pygame
from uidrive import UI_STORY, into_game

from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.dialog import Dialog
from game.ui.screens.saveload import SaveLoadScreen
from game.ui.speech import Speaker

TOAST_BAND = pygame.Rect(440, 16, 400, 40)  # where the first toast is drawn, at the top in the middle


def band(picture: pygame.Surface, area: pygame.Rect) -> bytes:
    return pygame.image.tobytes(picture.subsurface(area), "RGB")


def saved_in_slot_one(ui: Driver) -> SaveLoadScreen:
    """Into play, then the game menu's Save, a save in slot 1; the save screen, its first slot highlighted."""
    into_game(ui, 1)
    ui.press(pygame.K_ESCAPE)
    ui.click_rect(ui.top.list.buttons[2].rect)  # Save
    screen = ui.top
    assert isinstance(screen, SaveLoadScreen)
    ui.click_rect(screen.grid.buttons[0].rect)
    assert ui.app.saves.read("1").status == "ok"
    assert screen.list.focus == 0
    return screen


def test_enter_on_the_delete_question_keeps_the_save(ui: Driver) -> None:
    screen = saved_in_slot_one(ui)
    ui.press(pygame.K_DELETE)
    dialog = ui.top
    assert isinstance(dialog, Dialog)
    assert dialog.list.buttons[dialog.list.focus or 0].label == "Keep"
    ui.press(pygame.K_RETURN)
    assert ui.top is screen
    assert ui.app.saves.read("1").status == "ok"
    ui.press(pygame.K_DELETE)  # deleting takes a deliberate move to "Delete"
    ui.press(pygame.K_LEFT)
    ui.press(pygame.K_RETURN)
    assert ui.top is screen
    assert ui.app.saves.read("1").status == "empty"


class Recorder:
    """A voice that remembers what it was asked to say."""

    name = "recorder"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(self, text: str) -> None:
        self.calls.append(text)

    def stop(self) -> None:
        pass


def test_the_self_voicing_key_shows_a_toast_each_way(tmp_path: Path) -> None:
    voice = Recorder()
    speaker = Speaker(voice, keep_all=True)
    ui = Driver(load_story(UI_STORY), tmp_path, speaker=speaker)
    try:
        into_game(ui)
        ui.press(pygame.K_v)
        assert [t.text for t in ui.app.toasts] == ["Self-voicing on"]
        shown = ui.frame()
        ui.wait(3.0)
        assert ui.app.toasts == []
        assert band(shown, TOAST_BAND) != band(ui.frame(), TOAST_BAND)  # it was on screen, and goes after a moment
        ui.press(pygame.K_v)
        assert [t.text for t in ui.app.toasts] == ["Self-voicing off"]
        speaker.wait()
    finally:
        ui.close()
    said = "\n".join(voice.calls)
    assert said.count("Self-voicing on") == 1 and said.count("Self-voicing off") == 1  # the toasts are not said again


def move(ui: Driver, logical: tuple[float, float]) -> None:
    ui.post(pygame.event.Event(pygame.MOUSEMOTION, pos=ui.window_pos(logical), rel=(0, 0), buttons=(0, 0, 0)))


def centre(rect: tuple[float, float, float, float]) -> tuple[float, float]:
    return (rect[0] + rect[2] / 2, rect[1] + rect[3] / 2)


def test_the_quick_menu_highlight_follows_the_pointer_back_from_the_save_screen(ui: Driver) -> None:
    game = into_game(ui, 1)
    ui.click_rect(game.quick.rects["save"])
    assert isinstance(ui.top, SaveLoadScreen) and game.quick.hovered == "save"
    move(ui, (640, 300))  # the pointer goes on to the middle of the save screen
    ui.press(pygame.K_ESCAPE)
    assert ui.top is game
    assert game.quick.hovered is None
    ui.click_rect(game.quick.rects["save"])
    move(ui, centre(game.quick.rects["qload"]))  # this time it rests where the quick menu's Q.Load will be
    ui.press(pygame.K_ESCAPE)
    assert ui.top is game
    assert game.quick.hovered == "qload"
