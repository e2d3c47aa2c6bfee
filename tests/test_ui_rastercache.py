"""The raster cache: the same pixels as drawing afresh, never stale art, and any broken entry is simply redrawn."""

from __future__ import annotations

import os
import time

import pygame
import pytest

from game.ui.rastercache import RasterCache

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">
<rect width="1280" height="720" fill="{colour}"/><circle cx="640" cy="360" r="200" fill="#ffffff"/></svg>"""
SIZE = (1280, 720)


@pytest.fixture
def art(tmp_path):
    path = tmp_path / "bg.svg"
    path.write_text(SVG.format(colour="#3366cc"))
    return path


def test_a_second_load_reads_the_stored_picture_with_the_same_pixels(tmp_path, art):
    cache = RasterCache(tmp_path / "cache")
    first = cache.load_svg(art, SIZE)
    entries = list((tmp_path / "cache").iterdir())
    assert len(entries) == 1 and entries[0].suffix == ".png"
    second = cache.load_svg(art, SIZE)
    assert second.get_size() == SIZE
    assert pygame.image.tobytes(first, "RGBA") == pygame.image.tobytes(second, "RGBA")


def test_changed_art_is_drawn_again_not_served_stale(tmp_path, art):
    cache = RasterCache(tmp_path / "cache")
    assert cache.load_svg(art, SIZE).get_at((10, 10))[:3] == (0x33, 0x66, 0xCC)
    art.write_text(SVG.format(colour="#cc3366"))
    later = time.time() + 5
    os.utime(art, (later, later))
    assert cache.load_svg(art, SIZE).get_at((10, 10))[:3] == (0xCC, 0x33, 0x66)


def test_a_broken_entry_is_redrawn(tmp_path, art):
    cache = RasterCache(tmp_path / "cache")
    cache.load_svg(art, SIZE)
    (entry,) = (tmp_path / "cache").iterdir()
    entry.write_bytes(b"not a png")
    assert cache.load_svg(art, SIZE).get_at((640, 360))[:3] == (255, 255, 255)


def test_an_unwritable_cache_still_draws(tmp_path, art):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    assert RasterCache(blocker).load_svg(art, SIZE).get_size() == SIZE


def test_small_pictures_are_not_stored(tmp_path, art):
    cache = RasterCache(tmp_path / "cache")
    assert cache.load_svg(art, (320, 180)).get_size() == (320, 180)
    assert not (tmp_path / "cache").exists()
