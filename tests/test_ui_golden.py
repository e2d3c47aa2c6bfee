"""Golden screenshots of the title, dialogue, choices, save screen and settings, compared with a tolerance.

The pictures are drawn by the real renderer with a fake clock, so they are the same on every run; the comparison
still forgives small differences (antialiasing, a font hinting change): it fails only when the mean difference per
channel or the share of clearly different pixels passes a threshold.

To regenerate after an intended change of look, run:

    HEARTSTOPPER_UPDATE_GOLDEN=1 python -m pytest tests/test_ui_golden.py

and look at the new files in tests/golden/ before committing them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygame
import pytest
from uidrive import into_game

from game.ui.driver import Driver
from game.ui.screens.game import GameScreen
from game.ui.screens.saveload import SaveLoadScreen
from game.ui.screens.settings import SettingsScreen

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("HEARTSTOPPER_UPDATE_GOLDEN") == "1"
MEAN_LIMIT = 2.5  # mean absolute difference per channel, 0..255
SHARE_LIMIT = 0.01  # share of pixels differing by more than PIXEL_LIMIT in some channel
PIXEL_LIMIT = 40


def difference(a: pygame.Surface, b: pygame.Surface) -> tuple[float, float]:
    """(mean absolute difference per channel, share of clearly different pixels)."""
    a, b = a.convert(24) if a.get_bitsize() != 24 else a, b.convert(24) if b.get_bitsize() != 24 else b
    up = a.copy()
    up.blit(b, (0, 0), special_flags=pygame.BLEND_SUB)
    down = b.copy()
    down.blit(a, (0, 0), special_flags=pygame.BLEND_SUB)
    up.blit(down, (0, 0), special_flags=pygame.BLEND_ADD)
    mean = sum(pygame.transform.average_color(up)[:3]) / 3
    same = pygame.mask.from_threshold(up, (0, 0, 0), (PIXEL_LIMIT, PIXEL_LIMIT, PIXEL_LIMIT, 255)).count()
    total = up.get_width() * up.get_height()
    return mean, (total - same) / total


def check(name: str, picture: pygame.Surface) -> None:
    path = GOLDEN / f"ui_{name}.png"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"{path} is missing; run with HEARTSTOPPER_UPDATE_GOLDEN=1 to create it")
        GOLDEN.mkdir(exist_ok=True)
        pygame.image.save(picture, str(path))
        return
    expected = pygame.image.load(str(path))
    assert expected.get_size() == picture.get_size(), f"{name}: size changed"
    mean, share = difference(picture, expected)
    if mean > MEAN_LIMIT or share > SHARE_LIMIT:
        pygame.image.save(picture, str(GOLDEN / f"ui_{name}.actual.png"))
    assert mean <= MEAN_LIMIT, f"{name}: mean difference {mean:.2f} per channel (see ui_{name}.actual.png)"
    assert share <= SHARE_LIMIT, f"{name}: {share:.2%} of the pixels differ (see ui_{name}.actual.png)"


def to_game(ui: Driver, lines: int) -> GameScreen:
    game = into_game(ui, lines, wait=1.0)
    ui.press(pygame.K_SPACE)  # complete the line
    ui.wait(1.0)
    return game


def test_golden_title(ui: Driver) -> None:
    check("title", ui.frame())


def test_golden_dialogue(ui: Driver) -> None:
    to_game(ui, 3)
    check("dialogue", ui.frame())


def test_golden_choices(ui: Driver) -> None:
    game = to_game(ui, 0)
    while game.menu is None:
        ui.press(pygame.K_SPACE)
        ui.press(pygame.K_SPACE, wait=0.3)
    ui.wait(6.0)  # the leaves have fallen
    check("choices", ui.frame())


def test_golden_save_screen(ui: Driver) -> None:
    game = to_game(ui, 2)
    record = game.record(ui.clock.now)
    record["saved_at"] = "2025-05-01T16:20:00"
    ui.app.saves.write("1", record)
    (ui.app.saves.folder / "2.json").write_text("damaged")
    ui.app.saves.write("3", json.loads(json.dumps(record)) | {"saved_at": "2025-05-02T09:05:00"})
    game.open_saves("save", ui.clock.now)
    screen = ui.top
    assert isinstance(screen, SaveLoadScreen)
    screen.page = "1"
    screen._load_page()
    check("save", ui.frame())


def test_golden_settings(ui: Driver) -> None:
    from game.ui.screens.settings import SettingsScreen as Screen

    ui.app.push(Screen(ui.app))
    assert isinstance(ui.top, SettingsScreen)
    check("settings", ui.frame())
