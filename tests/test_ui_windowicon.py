"""The window takes the manifest's icon; a missing, unsafe or broken icon leaves the default, never a crash."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.paths import default_story_dir
from game.ui.storyheader import read_header
from game.ui.windowicon import ICON_SIZE, set_window_icon, window_icon

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def display():
    pygame.display.init()
    pygame.display.set_mode((32, 32))
    yield
    pygame.display.quit()


def test_the_shipped_story_names_its_icon_and_it_draws_at_the_icon_size():
    header = read_header(default_story_dir())
    assert header.icon == "heartstopper"
    surface = window_icon(header.assets_dir, header.icon)
    assert surface is not None and surface.get_size() == ICON_SIZE
    colours = {tuple(surface.get_at((x, y))) for x in range(0, 64, 8) for y in range(0, 64, 8)}
    assert len(colours) > 2  # a picture, not a blank square
    assert set_window_icon(header.assets_dir, header.icon)


def test_no_icon_a_missing_icon_and_a_broken_icon_leave_the_default(tmp_path: Path):
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "broken.png").write_bytes(b"not a picture")
    assert window_icon(tmp_path, None) is None
    assert window_icon(tmp_path, "absent") is None
    assert window_icon(tmp_path, "broken") is None
    assert not set_window_icon(None, "heartstopper")


def test_the_header_takes_only_an_id_as_icon(tmp_path: Path):
    (tmp_path / "story.yaml").write_text('title: "T"\nicon: "../../etc/passwd"\n', encoding="utf-8")
    assert read_header(tmp_path).icon is None
    (tmp_path / "story.yaml").write_text('title: "T"\nicon: mine\n', encoding="utf-8")
    assert read_header(tmp_path).icon == "mine"
