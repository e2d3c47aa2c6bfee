"""The game's icon in each platform's format, from one square PNG.

An author names an icon in story.yaml (`icon: my_icon`, a file in the assets' icons/ folder, SVG or PNG). The build
rasterises it once to a 256x256 PNG; Windows wants that inside an .ico and macOS inside an .icns. Both formats may
hold PNG data as it is (Windows Vista and later, macOS 10.7 and later), so no image library is needed: the files
are a small header around the same PNG bytes.
"""

from __future__ import annotations

import struct
from pathlib import Path

ICON_SIZE = 256


def render_png(source: Path, out: Path, size: int = ICON_SIZE) -> Path:
    """Rasterise an SVG (or scale a PNG) to a `size` x `size` PNG at `out`."""
    import pygame

    if source.suffix.lower() == ".svg":
        surface = pygame.image.load_sized_svg(str(source), (size, size))
    else:
        surface = pygame.image.load(str(source))
    if surface.get_size() != (size, size):
        surface = pygame.transform.smoothscale(surface, (size, size))
    pygame.image.save(surface, str(out))
    return out


def ico_bytes(png: bytes, size: int = ICON_SIZE) -> bytes:
    """A Windows .ico holding one PNG image (a width or height of 256 is written as 0, as the format says)."""
    side = 0 if size >= 256 else size
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def icns_bytes(png: bytes) -> bytes:
    """A macOS .icns holding one 256x256 PNG image (type 'ic08')."""
    chunk = b"ic08" + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(chunk)) + chunk


def platform_icon(png_path: Path, platform: str) -> Path:
    """The icon file PyInstaller embeds on `platform` ('windows', 'macos'); Linux executables carry none."""
    png = png_path.read_bytes()
    if platform == "windows":
        out = png_path.with_suffix(".ico")
        out.write_bytes(ico_bytes(png))
    elif platform == "macos":
        out = png_path.with_suffix(".icns")
        out.write_bytes(icns_bytes(png))
    else:
        raise ValueError(f"no embedded icon format for {platform}")
    return out
