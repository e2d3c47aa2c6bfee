"""Fonts: Noto Sans from the `fontpkg-noto-sans` pip package, opened at the real (scaled) pixel size.

The font files are found through the installed package, never copied into the repository. If the package is
missing, pygame's own default font is used so the game still shows text.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path

import pygame

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FontFiles:
    """The regular and italic font files, or None where the package has none."""

    regular: Path | None
    italic: Path | None


def find_font_files() -> FontFiles:
    """Locate Noto Sans in the installed `fontpkg_noto_sans` package."""
    spec = importlib.util.find_spec("fontpkg_noto_sans")
    if spec is None or not spec.origin:
        log.warning("fontpkg-noto-sans is not installed; using pygame's default font")
        return FontFiles(None, None)
    files = Path(spec.origin).parent / "files"
    regular = sorted(p for p in files.glob("NotoSans*.ttf") if "Italic" not in p.name)
    italic = sorted(p for p in files.glob("NotoSans-Italic*.ttf"))
    return FontFiles(regular[0] if regular else None, italic[0] if italic else None)


class Fonts:
    """Font objects by pixel size and style, opened once and reused."""

    def __init__(self, files: FontFiles | None = None) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self.files = files if files is not None else find_font_files()
        self._cache: dict[tuple[int, bool, bool], pygame.font.Font] = {}

    def get(self, px: int, *, italic: bool = False, bold: bool = False) -> pygame.font.Font:
        """A font whose line is about `px` pixels tall."""
        px = max(6, int(px))
        key = (px, italic, bold)
        font = self._cache.get(key)
        if font is None:
            font = self._open(px, italic)
            if bold:
                font.set_bold(True)
            self._cache[key] = font
        return font

    def _open(self, px: int, italic: bool) -> pygame.font.Font:
        path = self.files.italic if italic and self.files.italic else self.files.regular
        if path is not None:
            try:
                return pygame.font.Font(path, px)
            except (OSError, pygame.error) as err:
                log.warning("cannot open font %s (%s); using pygame's default font", path, err)
                self.files = FontFiles(None, None)
        font = pygame.font.Font(None, round(px * 1.3))
        if italic:
            font.set_italic(True)
        return font
