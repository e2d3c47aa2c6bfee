"""Animated captures (`heartstopper capture --format apng`): one APNG whose every frame, decoded by the tests' own
reader (tests/apng_reader.py), is exactly the picture a capture of separate PNGs writes for it."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from apng_reader import chunks, read, rgb
from storybuild import FIXTURES

from game.ui import capture as capture_module
from game.ui.apng_writer import AnimationWriter, Frame
from game.ui.frame_delta import FrameDelta

WALK = 'name: walk\nsteps:\n  - choose: "walk"\nend: together\n'


def loaded(path: Path) -> bytes:
    return pygame.image.tobytes(pygame.image.load(str(path)), "RGB")


def test_every_frame_of_an_animated_capture_is_the_picture_a_png_capture_writes(tmp_path):
    playthrough = tmp_path / "walk.yaml"
    playthrough.write_text(WALK, encoding="utf-8")
    story, size = FIXTURES / "ui_story", (640, 360)
    assert capture_module.capture(story, playthrough, tmp_path / "png", size=size) == 0
    assert capture_module.capture(story, playthrough, tmp_path / "apng", size=size, animation=True) == 0

    pictures = sorted((tmp_path / "png").glob("*.png"))
    assert sorted(path.name for path in (tmp_path / "apng").iterdir()) == ["walk.png", "walk.tsv"]
    data = (tmp_path / "apng" / "walk.png").read_bytes()
    animation = read(data)
    assert (animation.width, animation.height, animation.plays) == (640, 360, 1)
    assert len(animation.frames) == len(pictures) >= 10
    for picture, frame in zip(pictures, animation.frames):
        assert rgb(frame) == loaded(picture), picture.name
        assert rgb(read(picture.read_bytes()).frames[0]) == loaded(picture)  # the reader agrees with pygame's

    # The file's structure: the first frame is the image every viewer shows, the others are fcTL + fdAT pairs.
    kinds = animation.chunks
    assert kinds[:4] == [b"IHDR", b"acTL", b"fcTL", b"IDAT"] and kinds[-1] == b"IEND"
    assert kinds[4:-1] == [b"fcTL", b"fdAT"] * (len(pictures) - 1)
    assert struct.unpack(">II", dict(chunks(data))[b"acTL"]) == (len(pictures), 1)
    # Only what changed is stored, and pictures that go back and forth are drawn on the canvas restored.
    controls = animation.controls
    assert any((c["width"], c["height"]) != (640, 360) for c in controls)
    assert any(c["dispose"] == 2 for c in controls)
    assert all(c["blend"] == 1 for c in controls[1:]) and controls[0]["blend"] == 0

    index = (tmp_path / "apng" / "walk.tsv").read_text(encoding="utf-8").splitlines()
    assert index[0].split("\t") == ["frame", "picture", "kind", "file", "starts at (s)"]
    rows = [line.split("\t") for line in index[1:]]
    assert [row[3] for row in rows] == [path.name for path in pictures]
    assert [row[:3] for row in rows[:2]] == [["1", "1", "title"], ["2", "2", "notes"]]
    assert rows[-1][4] == f"{2 * (len(rows) - 1):g}"


def test_only_and_identical_pictures_in_an_animated_capture(tmp_path):
    """`only` keeps its meaning: the frames are the pictures of those kinds, numbered as in a full capture."""
    playthrough = FIXTURES / "mini" / "playthroughs" / "brave.yaml"
    out = tmp_path / "menus"
    only = frozenset({"menus", "endings"})
    assert capture_module.capture(FIXTURES / "mini", playthrough, out, size=(320, 180), only=only, animation=True) == 0
    rows = [line.split("\t") for line in (out / "brave.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert rows and {row[2] for row in rows} <= only
    assert len(read((out / "brave.png").read_bytes()).frames) == len(rows)
    full = tmp_path / "full"
    assert capture_module.capture(FIXTURES / "mini", playthrough, full, size=(320, 180), only=only) == 0
    assert [row[3] for row in rows] == sorted(path.name for path in full.glob("*.png"))


def surface(size: tuple[int, int], *blocks: tuple[tuple[int, int, int], pygame.Rect]) -> pygame.Surface:
    picture = pygame.Surface(size)
    picture.fill((240, 230, 250))
    for colour, rect in blocks:
        picture.fill(colour, rect)
    return picture


def test_frames_that_go_back_and_forth_repeat_and_change_one_pixel(tmp_path):
    size = (96, 64)
    a = surface(size, ((200, 40, 40), pygame.Rect(10, 10, 30, 40)))
    b = surface(size, ((40, 40, 200), pygame.Rect(10, 10, 30, 40)), ((0, 0, 0), pygame.Rect(60, 5, 20, 20)))
    c = a.copy()
    c.set_at((95, 63), (1, 2, 3))  # one pixel: a change the coarse sample may not see
    d = a.copy()
    d.set_at((0, 0), (9, 9, 9))  # and one in the other corner
    pictures = [a, b, a, a, b, c, c, a, d]
    delta = FrameDelta(size)
    with AnimationWriter(tmp_path / "anim.png", *size, workers=2) as writer:
        shown = []
        for picture in pictures:
            frame = delta.frame(picture)
            if frame is not None:
                writer.add(frame)
                shown.append(picture)
    assert len(shown) == 7  # the repeated a and the repeated c are not frames again
    animation = read((tmp_path / "anim.png").read_bytes())
    assert [rgb(frame) for frame in animation.frames] == [pygame.image.tobytes(p, "RGB") for p in shown]
    controls = animation.controls
    assert (controls[2]["width"], controls[2]["height"]) == (1, 1)  # a again: b taken off, nothing left to draw
    assert controls[1]["dispose"] == 2
    assert (controls[4]["x"], controls[4]["y"], controls[4]["width"], controls[4]["height"]) == (95, 63, 1, 1)
    assert (controls[6]["x"], controls[6]["y"], controls[6]["width"], controls[6]["height"]) == (0, 0, 1, 1)
    assert not list(tmp_path.glob("*.part"))


def test_the_animation_writer_refuses_frames_it_cannot_show_and_leaves_nothing_half_written(tmp_path):
    path = tmp_path / "anim.png"
    whole = Frame(0, 0, 4, 2, bytes(32))
    with AnimationWriter(path, 4, 2) as writer:
        with pytest.raises(ValueError, match="first frame must cover"):
            writer.add(Frame(0, 0, 2, 2, bytes(16)))
        with pytest.raises(ValueError, match="no frame before it"):
            writer.add(Frame(0, 0, 4, 2, bytes(32), restores_previous=True))
        writer.add(whole)
        with pytest.raises(ValueError, match="outside the picture"):
            writer.add(Frame(3, 1, 2, 1, bytes(8)))
        with pytest.raises(ValueError, match="not 2x1 RGBA"):
            writer.add(Frame(0, 0, 2, 1, bytes(5)))
    assert len(read(path.read_bytes()).frames) == 1
    failed = tmp_path / "failed.png"
    with pytest.raises(RuntimeError), AnimationWriter(failed, 4, 2) as writer:
        writer.add(whole)
        raise RuntimeError("the capture stopped")
    assert not list(tmp_path.glob("failed*"))
    with pytest.raises(ValueError, match="at least one frame"), AnimationWriter(failed, 4, 2):
        pass
    assert not list(tmp_path.glob("failed*"))


def test_an_animation_that_cannot_be_written_says_which_file(tmp_path):
    """Its name taken by a folder: a clear message naming it, exit 2, and no temporary file left behind."""
    (tmp_path / "brave.png").mkdir()
    playthrough = str(FIXTURES / "mini" / "playthroughs" / "brave.yaml")
    options = ["--story", str(FIXTURES / "mini"), "--out", str(tmp_path), "--size", "320x180", "--format", "apng"]
    result = subprocess.run(
        [sys.executable, "-m", "game", "capture", playthrough, *options],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
    )
    assert result.returncode == 2, result.stderr
    assert f"cannot write '{tmp_path / 'brave.png'}'" in result.stderr and "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["brave.png"]
