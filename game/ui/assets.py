"""Story art, loaded at the size it is drawn: backgrounds, sprites and UI shapes, with placeholders for gaps.

SVG is rasterised by pygame (nanosvg) at the real on-screen size and cached per size, so art stays sharp at any
window size. A missing or broken file never stops the game: it draws a hatched placeholder with the asset's id
and logs one warning.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pygame

from game.asset_formats import SUFFIXES
from game.assets import first_confined_file
from game.dressing import DEFAULT_OUTFIT, variant_ids
from game.staging import colour_rgb, is_colour
from game.ui.fonts import Fonts
from game.ui.rastercache import RasterCache

log = logging.getLogger(__name__)

_CACHE_LIMIT = 160


class Images:
    """Loads and caches images from a story's assets folder."""

    def __init__(
        self, assets_dir: Path, fonts: Fonts, ui_dir: Path | None = None, rasters: RasterCache | None = None
    ) -> None:
        self.assets_dir = assets_dir
        self.rasters = rasters if rasters is not None else RasterCache()
        self.ui_dir = ui_dir if ui_dir is not None else assets_dir / "ui"
        self.fonts = fonts
        self._cache: dict[tuple, pygame.Surface] = {}
        self._natural: dict[Path, tuple[int, int] | None] = {}
        self._warned: set[str] = set()

    def clear(self) -> None:
        """Forget every rasterised image (after a resize or a hot reload)."""
        self._cache.clear()
        self._natural.clear()

    # What the story asks for -----------------------------------------------------------------------------------
    def background(self, asset: str, size: tuple[int, int]) -> pygame.Surface:
        """The background `asset` covering exactly `size` real pixels."""
        key = ("bg", asset, size)
        surf = self._cache.get(key)
        if surf is None and is_colour(asset):  # a solid colour background: "#000000"
            surf = pygame.Surface(size)
            surf.fill(colour_rgb(asset))
            self._store(key, surf)
        if surf is None:
            path = self.background_path(asset)
            surf = self._load(path, size, cover=True, what=f"background '{asset}'")
            if surf is None:
                surf = placeholder(size, f"background: {asset}", self.fonts)
            surf = surf.convert() if pygame.display.get_surface() is not None else surf
            self._store(key, surf)
        return surf

    def background_path(self, asset: str) -> Path | None:
        """The file of a background or of its variant (`NAME.night`), falling back as `game.dressing` says."""
        folder = self.assets_dir / "backgrounds"
        for i, name in enumerate(variant_ids(asset)):
            path = self._find(folder, name, SUFFIXES["background"])
            if path is not None:
                if i:  # a fallback the author guide promises, not a fault: said only with --dev
                    log.info("no background variant '%s'; showing '%s'", asset, name)
                return path
        return None

    def sprite(self, who: str, expression: str, height: int, outfit: str | None = None) -> pygame.Surface:
        """Character `who` in `outfit` with `expression`, `height` real pixels tall (width follows the art)."""
        key = ("sprite", who, outfit, expression, height)
        surf = self._cache.get(key)
        if surf is None:
            label = f"{who}/{outfit}/{expression}" if outfit else f"{who}/{expression}"
            path = self.sprite_path(who, expression, outfit)
            if path is None and expression != "neutral":
                path = self.sprite_path(who, "neutral", outfit)
                if path is not None:
                    self._warn(f"sprite {label}", f"no sprite {label}; showing {who}'s neutral face")
            surf = self._load_fit(path, height, what=f"sprite '{label}'")
            if surf is None:
                surf = placeholder((height * 5 // 12, height), label, self.fonts)
            self._store(key, surf)
        return surf

    def sprite_path(self, who: str, expression: str, outfit: str | None = None) -> Path | None:
        """sprites/WHO/OUTFIT/EXPRESSION, else the character's default outfit, else the flat sprites/WHO/EXPRESSION
        of stories made before outfits; warns once when an outfit is missing and the default stands in."""
        folder = self.assets_dir / "sprites" / who
        if outfit and outfit != DEFAULT_OUTFIT:
            path = self._find(folder / outfit, expression)
            if path is not None:
                return path
            if self._find(folder / outfit, "neutral") is None:
                self._warn(f"outfit {who}/{outfit}", f"no outfit '{outfit}' for {who}; showing the default clothes")
            else:
                return None  # the outfit exists without this face: the caller falls back to its neutral face
        return self._find(folder / DEFAULT_OUTFIT, expression) or self._find(folder, expression)

    def ui(self, name: str, size: tuple[int, int]) -> pygame.Surface | None:
        """A UI image (assets/ui/NAME.svg) fitted into `size`, or None when it is missing."""
        key = ("ui", name, size)
        surf = self._cache.get(key)
        if surf is None:
            path = self._find(self.ui_dir, name)
            if path is None:
                self._warn(f"ui {name}", f"missing UI image assets/ui/{name}.svg; drawing without it")
                return None
            surf = self._load(path, size, cover=False, what=f"UI image '{name}'")
            if surf is None:
                return None
            self._store(key, surf)
        return surf

    # Loading ---------------------------------------------------------------------------------------------------
    def _find(self, folder: Path, name: str, suffixes: tuple[str, ...] = SUFFIXES["sprite"]) -> Path | None:
        """The first file `folder/NAME.SUFFIX` of the formats the game shows (`game.asset_formats`), within the
        story's assets (or the game's UI folder, for its own images): never a file a link leads to elsewhere."""
        root = self.ui_dir if folder.is_relative_to(self.ui_dir) else self.assets_dir
        return first_confined_file(folder, name, suffixes, root)

    def _store(self, key: tuple, surf: pygame.Surface) -> None:
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.pop(next(iter(self._cache)))
        self._cache[key] = surf

    def _warn(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message)

    def _load(self, path: Path | None, size: tuple[int, int], *, cover: bool, what: str) -> pygame.Surface | None:
        if path is None:
            self._warn(what, f"missing {what}; drawing a placeholder")
            return None
        try:
            if path.suffix == ".svg":
                natural = self._natural_size(path)
                if natural is None:
                    raise pygame.error("cannot read the SVG")
                if cover:
                    scale = max(size[0] / natural[0], size[1] / natural[1])
                    target = (max(1, round(natural[0] * scale)), max(1, round(natural[1] * scale)))
                else:
                    target = size
                surf = self.rasters.load_svg(path, target)
            else:
                surf = pygame.image.load(str(path))
                natural = surf.get_size()
                scale = (max if cover else min)(size[0] / natural[0], size[1] / natural[1])
                surf = pygame.transform.smoothscale(
                    surf, (max(1, round(natural[0] * scale)), max(1, round(natural[1] * scale)))
                )
        except (pygame.error, OSError, ValueError) as err:
            self._warn(what, f"cannot load {what} from {path}: {err}; drawing a placeholder")
            return None
        if cover and surf.get_size() != size:
            out = pygame.Surface(size, pygame.SRCALPHA)
            out.blit(surf, ((size[0] - surf.get_width()) // 2, (size[1] - surf.get_height()) // 2))
            surf = out
        if surf.get_width() <= 1 and surf.get_height() <= 1:
            self._warn(what, f"{what} in {path} is empty; drawing a placeholder")
            return None
        if pygame.display.get_surface() is not None:
            surf = surf.convert_alpha()
        return surf

    def _load_fit(self, path: Path | None, height: int, *, what: str) -> pygame.Surface | None:
        if path is None:
            self._warn(what, f"missing {what}; drawing a placeholder")
            return None
        natural = self._natural_size(path)
        if natural is None:
            self._warn(what, f"cannot load {what} from {path}; drawing a placeholder")
            return None
        width = max(1, round(natural[0] * height / natural[1]))
        return self._load(path, (width, height), cover=False, what=what)

    def _natural_size(self, path: Path) -> tuple[int, int] | None:
        if path not in self._natural:
            size = svg_declared_size(path) if path.suffix == ".svg" else None
            if size is None:  # not declared in the root element (or not an SVG): rasterise once to find out
                try:
                    size = pygame.image.load(str(path)).get_size()
                except (pygame.error, OSError, ValueError):
                    size = None
            self._natural[path] = size if size and size[0] > 0 and size[1] > 0 else None
        return self._natural[path]


_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.S)
_SVG_LENGTH = re.compile(rb'\b(width|height)\s*=\s*["\']\s*([0-9]+(?:\.[0-9]+)?)\s*(?:px)?\s*["\']')
_SVG_VIEWBOX = re.compile(rb'\bviewBox\s*=\s*["\']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*["\']')


def svg_declared_size(path: Path) -> tuple[int, int] | None:
    """An SVG's size from its root element's width and height (or viewBox), without rasterising it.

    Rasterising a full-screen SVG only to learn its size took as long as drawing it; this reads a few hundred
    bytes instead. None when the root element does not say (the caller then rasterises).
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return None
    root = _SVG_ROOT.search(head)
    if root is None:
        return None
    lengths = {name.decode(): float(value) for name, value in _SVG_LENGTH.findall(root.group(0))}
    if "width" in lengths and "height" in lengths:
        return round(lengths["width"]), round(lengths["height"])
    box = _SVG_VIEWBOX.search(root.group(0))
    if box is not None:
        return round(float(box.group(1))), round(float(box.group(2)))
    return None


def placeholder(size: tuple[int, int], label: str, fonts: Fonts) -> pygame.Surface:
    """A hatched rectangle with `label` written on it: missing art that is impossible to overlook."""
    w, h = max(2, size[0]), max(2, size[1])
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    surf.fill((250, 226, 232, 235))
    step = max(8, min(w, h) // 14)
    for x in range(-h, w, step):
        pygame.draw.line(surf, (226, 120, 150, 255), (x, h), (x + h, 0), max(1, step // 5))
    pygame.draw.rect(surf, (200, 60, 100, 255), (0, 0, w, h), max(2, step // 3))
    font = fonts.get(max(10, min(h // 12, w // max(8, len(label) // 2 + 2))))
    text = font.render(label, True, (120, 20, 60))
    box = text.get_rect(center=(w // 2, h // 2)).inflate(step, step // 2)
    pygame.draw.rect(surf, (255, 255, 255, 240), box, border_radius=step // 2)
    surf.blit(text, text.get_rect(center=(w // 2, h // 2)))
    return surf
