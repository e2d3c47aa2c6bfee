"""Every test runs headless and never touches the player's real data folder."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("HEARTSTOPPER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("HEARTSTOPPER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def ui():
    """The game window on the UI test story, at its title screen (helpers to drive it: uidrive.py)."""
    from uidrive import UI_STORY, data_dir

    from game.loader import load_story
    from game.ui.driver import Driver

    driver = Driver(load_story(UI_STORY), data_dir())
    yield driver
    driver.close()
