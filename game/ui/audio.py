"""Music and sounds through pygame.mixer, silent when there is no audio device or no file.

Music ids map to assets/music/ID.ogg (or the other suffixes `game.asset_formats` lists for music), sounds to
assets/sounds/ID.wav (or .ogg, .opus), interface sounds to assets/ui/sounds/NAME.wav. Every failure is logged once,
with what the file really is when that is why (`game.asset_formats.sniff`), and then ignored: the story goes on
without sound.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.asset_formats import SUFFIXES, AssetKind, sniff, will_play
from game.assets import first_confined_file

log = logging.getLogger(__name__)


class Audio:
    """Plays the story's music and sounds at the player's volumes."""

    def __init__(self, assets_dir: Path, ui_dir: Path | None = None, *, open_now: bool = True) -> None:
        self.assets_dir = assets_dir
        self.ui_dir = ui_dir if ui_dir is not None else assets_dir / "ui"
        self.music_volume = 0.7
        self.sound_volume = 0.8
        self.current_music: str | None = None
        self._sounds: dict[Path, pygame.mixer.Sound | None] = {}
        self._warned: set[str] = set()
        self.enabled = False
        self._tried = False
        if open_now:
            self.open()

    def open(self) -> None:
        """Open the audio device (slow on some systems, so the game does it after the first frame) and start the
        music asked for so far."""
        if self.enabled or self._tried:
            return
        self._tried = True
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init()
            self.enabled = True
        except pygame.error as err:
            log.warning("no audio device (%s); playing silently", err)
            return
        pygame.mixer.music.set_volume(self.music_volume)
        wanted, self.current_music = self.current_music, None
        if wanted:
            self.play_music(wanted, fade_ms=400)

    def _warn(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message)

    def set_volumes(self, music: float, sound: float) -> None:
        self.music_volume, self.sound_volume = music, sound
        if self.enabled:
            pygame.mixer.music.set_volume(music)

    # Music ------------------------------------------------------------------------------------------------------
    def play_music(self, asset: str | None, *, fade_ms: int = 800) -> None:
        """Loop the music `asset`; None or "none" stops the music. Playing what already plays does nothing."""
        if asset in (None, "none"):
            self.stop_music(fade_ms=fade_ms)
            return
        if asset == self.current_music:
            return
        self.current_music = asset
        if not self.enabled:
            return
        path = _first_file(self.assets_dir / "music", asset, "music", self.assets_dir)
        if path is None:
            self._warn(f"music {asset}", f"missing music '{asset}' (assets/music/{asset}.ogg); silence instead")
            pygame.mixer.music.fadeout(fade_ms)
            return
        try:
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(self.music_volume)
            pygame.mixer.music.play(loops=-1, fade_ms=fade_ms)
        except pygame.error as err:
            self._warn(f"music {asset}", f"cannot play music {path}: {_why(path, 'music', err)}")

    def stop_music(self, *, fade_ms: int = 800) -> None:
        self.current_music = None
        if self.enabled:
            pygame.mixer.music.fadeout(fade_ms) if fade_ms else pygame.mixer.music.stop()

    # Sounds -----------------------------------------------------------------------------------------------------
    def play_sound(self, asset: str) -> None:
        """A story sound effect from assets/sounds/."""
        path = _first_file(self.assets_dir / "sounds", asset, "sound", self.assets_dir)
        self._play(path or self.assets_dir / "sounds" / f"{asset}.wav", f"sound '{asset}'", warn=True)

    def play_ui(self, name: str) -> None:
        """An interface sound from assets/ui/sounds/ (quietly nothing when it is not there)."""
        path = _first_file(self.ui_dir / "sounds", name, "sound", self.ui_dir)
        if path is not None:
            self._play(path, f"UI sound '{name}'", warn=True)

    def _play(self, path: Path, what: str, *, warn: bool) -> None:
        if not self.enabled:
            return
        if path not in self._sounds:
            sound = None
            if path.is_file():
                try:
                    sound = pygame.mixer.Sound(str(path))
                except pygame.error as err:
                    self._warn(what, f"cannot load {what} from {path}: {_why(path, 'sound', err)}")
            elif warn:
                self._warn(what, f"missing {what} ({path.name}); silence instead")
            self._sounds[path] = sound
        sound = self._sounds[path]
        if sound is not None:
            sound.set_volume(self.sound_volume)
            sound.play()


def _first_file(folder: Path, name: str, kind: AssetKind, root: Path) -> Path | None:
    """FOLDER/NAME.SUFFIX for the first suffix of `kind` that has a file within `root` (never one a link leads to
    outside it: `game.assets.confined_file`)."""
    return first_confined_file(folder, name, SUFFIXES[kind], root)


def _why(path: Path, kind: AssetKind, err: pygame.error) -> str:
    """What the file really is, when that is why it does not play; else the mixer's own words."""
    reason = will_play(kind, sniff(path), opus=False)  # it failed: an Opus file is one this mixer cannot play
    return f"the file {reason}" if reason else f"{err}"
