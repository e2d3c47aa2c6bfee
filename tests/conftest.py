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
