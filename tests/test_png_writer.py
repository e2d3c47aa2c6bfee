"""The capture's PNG writer: its files decode to exactly the pixels given, in the order and under the names asked."""

from __future__ import annotations

import random
from pathlib import Path

import pygame
import pytest
from storybuild import FIXTURES

from game.ui import capture as capture_module
from game.ui.png_writer import PictureWriter, encode_png, write_png


def decoded(path: Path) -> tuple[tuple[int, int], bytes]:
    picture = pygame.image.load(str(path))
    return picture.get_size(), pygame.image.tobytes(picture, "RGB")


def pixels(width: int, height: int, seed: int) -> bytes:
    """Flat areas, a gradient and noise: what a frame holds, in a few kinds deflate treats differently."""
    chance = random.Random(seed)
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            if x < width // 3:
                row += bytes((200, 180, 220))
            elif x < 2 * width // 3:
                row += bytes((y * 255 // height, x % 256, 90))
            else:
                row += chance.randbytes(3)
        rows.append(bytes(row))
    return b"".join(rows)


def test_a_written_png_decodes_to_the_same_pixels(tmp_path):
    for width, height, seed in ((1, 1, 0), (37, 5, 1), (160, 90, 2)):
        rgb = pixels(width, height, seed)
        path = tmp_path / f"{width}x{height}.png"
        write_png(str(path), rgb, width, height)
        assert decoded(path) == ((width, height), rgb)
        assert not list(tmp_path.glob("*.part"))


def test_the_encoder_refuses_pixels_of_another_size():
    with pytest.raises(ValueError, match="not 3x3 RGB"):
        encode_png(bytes(10), 3, 3)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_writer_writes_every_picture_and_reports_a_failure(tmp_path, workers):
    with PictureWriter(workers) as writer:
        for index in range(7):
            writer.write(tmp_path / f"{index}.png", pixels(20, 10, index), 20, 10)
    for index in range(7):
        assert decoded(tmp_path / f"{index}.png") == ((20, 10), pixels(20, 10, index))
    missing = tmp_path / "no-such-folder" / "a.png"
    with pytest.raises(FileNotFoundError) as raised, PictureWriter(workers) as writer:  # from `write` or `close`
        writer.write(missing, pixels(4, 4, 0), 4, 4)
    assert raised.value.filename == str(missing)


def test_captured_pictures_are_the_frames_drawn(tmp_path, monkeypatch):
    """Every file a capture writes decodes to the very pixels the renderer drew for it."""
    given: dict[str, bytes] = {}

    class Recording(PictureWriter):
        def write(self, path: Path, rgb: bytes, width: int, height: int) -> None:
            given[path.name] = rgb
            super().write(path, rgb, width, height)

    monkeypatch.setattr(capture_module, "PictureWriter", Recording)
    playthrough = FIXTURES / "mini" / "playthroughs" / "brave.yaml"
    assert capture_module.capture(FIXTURES / "mini", playthrough, tmp_path, size=(320, 180)) == 0
    written = sorted(path.name for path in tmp_path.glob("*.png"))
    assert written == sorted(given) and len(written) >= 8
    for name in written:
        assert decoded(tmp_path / name) == ((320, 180), given[name])


def test_without_zlib_ng_the_standard_zlib_writes_the_same_pixels(tmp_path, monkeypatch):
    import zlib

    from game.ui import png_writer

    monkeypatch.setattr(png_writer, "deflate", zlib)
    rgb = pixels(37, 5, 3)
    write_png(str(tmp_path / "a.png"), rgb, 37, 5)
    assert decoded(tmp_path / "a.png") == ((37, 5), rgb)
