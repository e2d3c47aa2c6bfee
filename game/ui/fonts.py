"""Fonts: Noto Sans from the `fontpkg-noto-sans` pip package, or for the accessibility setting Atkinson
Hyperlegible from `fontpkg-atkinson-hyperlegible` (a face drawn so that letters that look alike do not), opened at
the real (scaled) pixel size.

The font files are found through the installed packages, never copied into the repository. If a package is
missing, Noto Sans stands in for it, and pygame's own default font for that, so the game still shows text.
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


# The font setting's choices: (package, file name prefix).
FAMILIES = {
    "noto": ("fontpkg_noto_sans", "NotoSans"),
    "hyperlegible": ("fontpkg_atkinson_hyperlegible", "AtkinsonHyperlegible"),
}


def find_font_files(family: str = "noto") -> FontFiles:
    """Locate a family's regular and italic files in its installed package (Noto Sans if it is missing)."""
    package, prefix = FAMILIES.get(family, FAMILIES["noto"])
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        if family != "noto":
            log.warning("%s is not installed; using Noto Sans", package.replace("_", "-"))
            return find_font_files("noto")
        log.warning("fontpkg-noto-sans is not installed; using pygame's default font")
        return FontFiles(None, None)
    root = Path(spec.origin).parent
    files = list(root.rglob(f"{prefix}*.ttf"))
    regular = sorted(p for p in files if "Italic" not in p.name and "Bold" not in p.name)
    italic = sorted(p for p in files if p.name.startswith(f"{prefix}-Italic"))
    return FontFiles(regular[0] if regular else None, italic[0] if italic else None)


class Fonts:
    """Font objects by pixel size and style, opened once and reused."""

    def __init__(self, files: FontFiles | None = None, family: str = "noto") -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self.family = family
        self.files = files if files is not None else find_font_files(family)
        self._cache: dict[tuple[int, bool, bool], pygame.font.Font] = {}

    def use(self, family: str) -> bool:
        """Switch to another family (the font setting); True if it changed."""
        if family == self.family:
            return False
        self.family = family
        self.files = find_font_files(family)
        self._cache.clear()
        return True

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
