"""Rasterised SVG art kept on disk between runs, so the game does not redraw the same picture every start.

nanosvg rasterises a full-screen background in about a tenth of a second; reading the same picture back as a PNG
takes a few milliseconds. The first start after installing (or after the art or the window size changes) draws
and stores; later starts read. Entries are keyed by the file's path, size and modification time and the target
size, so changed art is never served stale. The cache is only an optimisation: any failure to read or write it
falls back to rasterising, and entries are written atomically.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from pathlib import Path

import platformdirs
import pygame

from game.jsonfiles import write_atomic
from game.ui.datadir import APP_NAME

log = logging.getLogger(__name__)

ENV_VAR = "HEARTSTOPPER_CACHE_DIR"
MIN_PIXELS = 640 * 360  # small pictures rasterise faster than a file can be read back


def cache_dir() -> Path:
    override = os.environ.get(ENV_VAR)
    return Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "raster"


class RasterCache:
    """Rasterised SVGs by (file, modification, target size)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir()

    def _entry(self, path: Path, size: tuple[int, int]) -> Path | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{size[0]}x{size[1]}"
        return self.folder / (hashlib.blake2b(key.encode(), digest_size=12).hexdigest() + ".png")

    def load_svg(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        """The SVG at `path` rasterised at `size`, from the cache when it holds it (raises pygame.error as load)."""
        if size[0] * size[1] < MIN_PIXELS:
            return pygame.image.load_sized_svg(str(path), size)
        entry = self._entry(path, size)
        if entry is not None and entry.is_file():
            try:
                surface = pygame.image.load(str(entry))
                if surface.get_size() == size:
                    return surface
            except (pygame.error, OSError):
                log.info("raster cache entry %s unreadable; drawing again", entry)
        surface = pygame.image.load_sized_svg(str(path), size)
        if entry is not None:
            self._store(entry, surface)
        return surface

    def _store(self, entry: Path, surface: pygame.Surface) -> None:
        try:
            encoded = io.BytesIO()
            pygame.image.save(surface, encoded, "png")
            write_atomic(entry, encoded.getvalue())
        except (pygame.error, OSError) as error:
            log.info("cannot keep a rasterised picture in %s (%s)", self.folder, error)
