"""The player's settings, kept between runs: text speed, auto-advance, volumes, fullscreen, skipping, and the
accessibility settings (self-voicing, text size, font, high contrast, reduced motion, captions).

Unknown or out-of-range values in the file fall back to defaults one by one, so a hand-edited or damaged settings
file never stops the game.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from game.ui.datadir import read_json, write_json

log = logging.getLogger(__name__)

TEXT_SIZES = ("small", "medium", "large", "largest")
FONTS = ("noto", "hyperlegible")
TEXT_SPEED_MAX = 150  # characters per second; the top of the slider means "instant"


@dataclass(slots=True)
class Settings:
    """Everything the settings screen changes."""

    text_speed: int = 45  # characters per second, TEXT_SPEED_MAX = instant
    auto_delay: float = 1.5  # seconds to wait after a line is complete in auto mode
    music_volume: float = 0.7
    sound_volume: float = 0.8
    fullscreen: bool = False
    text_size: str = "medium"
    skip_unseen: bool = False
    self_voicing: bool = False  # read every line and every focused button aloud (V)
    font: str = "noto"  # "noto" (Noto Sans) or "hyperlegible" (Atkinson Hyperlegible)
    high_contrast: bool = False  # black on white, opaque boxes: text at least 7:1 against its box
    reduce_motion: bool = False  # no shakes or particles; cuts instead of fades
    captions: bool = False  # "[door closes]", "[music: tender]" in the text box and the history

    def chars_per_second(self) -> float:
        """The reveal speed, 0 meaning instant."""
        return 0.0 if self.text_speed >= TEXT_SPEED_MAX else float(self.text_speed)

    def clamp(self) -> None:
        """Bring every value into its range."""
        self.text_speed = int(min(TEXT_SPEED_MAX, max(5, self.text_speed)))
        self.auto_delay = float(min(6.0, max(0.3, self.auto_delay)))
        self.music_volume = float(min(1.0, max(0.0, self.music_volume)))
        self.sound_volume = float(min(1.0, max(0.0, self.sound_volume)))
        if self.text_size not in TEXT_SIZES:
            self.text_size = "medium"
        if self.font not in FONTS:
            self.font = "noto"

    def assign(self, name: str, text: str) -> None:
        """Set one setting from text (`heartstopper capture --set name=value`); ValueError says what is wrong."""
        names = [f.name for f in fields(Settings)]
        if name not in names:
            raise ValueError(f"there is no setting '{name}' (the settings are: {', '.join(names)})")
        default = getattr(Settings(), name)
        value: object
        if isinstance(default, bool):
            words = {"true": True, "on": True, "yes": True, "1": True, "false": False, "off": False, "no": False}
            if text.lower() not in words:
                raise ValueError(f"'{name}' is true or false, not '{text}'")
            value = words[text.lower()]
        elif isinstance(default, (int, float)):
            try:
                value = type(default)(float(text)) if isinstance(default, float) else int(text)
            except ValueError:
                raise ValueError(f"'{name}' is a number, not '{text}'") from None
        else:
            choices = {"text_size": TEXT_SIZES, "font": FONTS}.get(name, ())
            if choices and text not in choices:
                raise ValueError(f"'{name}' is one of {', '.join(choices)}, not '{text}'")
            value = text
        setattr(self, name, value)
        self.clamp()


class SettingsStore:
    """Reads and writes `settings.json`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Settings:
        settings = Settings()
        if not self.path.exists():
            return settings
        try:
            raw = read_json(self.path)
        except (OSError, ValueError) as err:
            log.warning("settings file %s cannot be read (%s); using defaults", self.path, err)
            return settings
        if not isinstance(raw, dict):
            return settings
        for field in fields(Settings):
            if field.name not in raw:
                continue
            value = raw[field.name]
            default = getattr(settings, field.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, (int, float)):
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            else:
                ok = isinstance(value, type(default))
            if ok:
                setattr(settings, field.name, type(default)(value))
        settings.clamp()
        return settings

    def save(self, settings: Settings) -> None:
        try:
            write_json(self.path, asdict(settings))
        except OSError as err:
            log.warning("cannot save settings to %s: %s", self.path, err)
