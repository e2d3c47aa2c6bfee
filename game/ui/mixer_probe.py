"""Asks this build's audio mixer, once, whether it plays Opus: the one format whose support depends on how
SDL_mixer was built.

The question is put to the mixer itself (it loads a tiny Opus stream made by `game.asset_formats.tiny_opus_stream`)
rather than read from a version number, so the answer is right for whatever pygame-ce a player or a build has. The
game asks before it plays anything; the linter asks too, so it reports Opus files only where they would not play.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the linter's JSON output must stay clean

import pygame

from game.asset_formats import tiny_opus_stream

_answer: bool | None = None


def opus_playable() -> bool:
    """True when pygame's mixer loads an Opus stream (asked once per process; False when there is no mixer)."""
    global _answer
    if _answer is None:
        _answer = _ask()
    return _answer


def _ask() -> bool:
    opened_here = not pygame.mixer.get_init()
    if opened_here:
        driver = os.environ.get("SDL_AUDIODRIVER")
        os.environ["SDL_AUDIODRIVER"] = "dummy"  # ask the decoder, not a sound card: no device is opened
        try:
            pygame.mixer.init()
        except pygame.error:
            return False
        finally:
            if driver is None:
                os.environ.pop("SDL_AUDIODRIVER", None)
            else:
                os.environ["SDL_AUDIODRIVER"] = driver
    with tempfile.TemporaryDirectory(prefix="hs-opus-") as folder:
        path = Path(folder) / "probe.opus"
        path.write_bytes(tiny_opus_stream())
        try:
            pygame.mixer.Sound(str(path))
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.unload()
            playable = True
        except pygame.error:
            playable = False
    if opened_here:
        pygame.mixer.quit()
    return playable
