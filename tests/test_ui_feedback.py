"""Small things the game tells or keeps for the player: the safe answer focused in a question that cannot be undone,
a toast for the self-voicing key, and hover that follows the pointer when a screen comes back."""

from __future__ import annotations

import pygame
from uidrive import into_game

from game.ui.driver import Driver
from game.ui.screens.dialog import Dialog
from game.ui.screens.saveload import SaveLoadScreen


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
