"""The window's icon: the manifest's `icon` picture, so an author's game shows its own icon in the task bar.

Standalone builds embed the icon in the program file (Windows, macOS); the window itself needs it set at run time,
on every platform, or the window manager shows SDL's default. A missing or unreadable icon is not worth a warning
to a player: the window keeps the default and the log says why.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.assets import AssetCatalog

log = logging.getLogger(__name__)

ICON_SIZE = (64, 64)


def window_icon(assets_dir: Path, icon: str | None) -> pygame.Surface | None:
    """The icon `icon` from `assets_dir`'s icons/ folder at the window icon's size, or None when there is none."""
    if not icon:
        return None
    path = AssetCatalog(assets_dir).path("icon", icon)
    if path is None:
        log.info("no icon '%s' in %s/icons; the window keeps the default icon", icon, assets_dir)
        return None
    try:
        if path.suffix == ".svg":
            return pygame.image.load_sized_svg(str(path), ICON_SIZE)
        return pygame.transform.smoothscale(pygame.image.load(str(path)), ICON_SIZE)
    except (pygame.error, OSError, ValueError) as err:
        log.info("the icon %s cannot be drawn (%s); the window keeps the default icon", path, err)
        return None


def set_window_icon(assets_dir: Path | None, icon: str | None) -> bool:
    """Give the window the story's icon; True when it was set."""
    if assets_dir is None:
        return False
    surface = window_icon(Path(assets_dir), icon)
    if surface is None:
        return False
    pygame.display.set_icon(surface)
    return True
