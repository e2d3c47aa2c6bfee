"""The parts of the standalone build that need no freezer: the manifest's icon, icon files, reproducible archives,
and what the build script refuses before it starts (tests/test_standalone.py builds and runs the real package)."""

from __future__ import annotations

import argparse
import io
import os
import struct
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pygame
import pytest
from storybuild import write_story

from game.loader import load_story
from game.problems import StoryError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import build_standalone  # noqa: E402
from standalone import archive, icons  # noqa: E402

ICON_MANIFEST = """\
title: "Rain on the Pier"
version: 3
start: a
icon: {icon}
endings:
  done: {{title: "Done"}}
"""


def story_with_icon(tmp_path: Path, icon: str = "gull") -> Path:
    return write_story(tmp_path, manifest=ICON_MANIFEST.format(icon=icon))  # tmp_path/story, assets beside it


def test_the_manifest_icon_is_an_id(tmp_path):
    assert load_story(story_with_icon(tmp_path)).icon == "gull"
    assert load_story(write_story(tmp_path / "plain")).icon is None
    with pytest.raises(StoryError) as raised:
        load_story(story_with_icon(tmp_path / "bad", icon="../../etc/passwd"))
    assert any("icon" in problem.message for problem in raised.value.problems)


def test_the_shipped_icon_rasterises_square(tmp_path):
    shipped = load_story(ROOT / "story")
    assert shipped.icon == "heartstopper"
    out = icons.render_png(ROOT / "assets" / "icons" / "heartstopper.svg", tmp_path / "icon.png")
    picture = pygame.image.load(str(out))
    assert picture.get_size() == (icons.ICON_SIZE, icons.ICON_SIZE)
    assert picture.get_at((0, 0)).a == 0 and picture.get_at((128, 128)).a == 255  # rounded corners, solid middle


def test_ico_and_icns_wrap_the_png_as_their_formats_say(tmp_path):
    surface = pygame.Surface((256, 256))
    surface.fill((200, 80, 40))
    pygame.image.save(surface, str(tmp_path / "i.png"))
    png = (tmp_path / "i.png").read_bytes()
    ico = icons.platform_icon(tmp_path / "i.png", "windows").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    width, height, _, _, planes, bits, size, offset = struct.unpack("<BBBBHHII", ico[6:22])
    assert (reserved, kind, count, width, height, planes, bits) == (0, 1, 1, 0, 0, 1, 32)
    assert ico[offset : offset + size] == png
    icns = icons.platform_icon(tmp_path / "i.png", "macos").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert icns[8:12] == b"ic08" and icns[16:] == png
    with pytest.raises(ValueError):
        icons.platform_icon(tmp_path / "i.png", "linux")


def make_folder(root: Path) -> Path:
    (root / "b" / "inner").mkdir(parents=True)
    (root / "a.txt").write_text("a", encoding="utf-8")
    (root / "b" / "inner" / "c.txt").write_text("c", encoding="utf-8")
    (root / "b-x.txt").write_text("x", encoding="utf-8")
    program = root / "run"
    program.write_bytes(b"#!/bin/sh\n")
    program.chmod(0o700)
    return root


def test_archives_depend_only_on_the_files(tmp_path):
    first = make_folder(tmp_path / "one")
    second = make_folder(tmp_path / "two")
    for path in second.rglob("*"):
        os.utime(path, (time.time() - 86_400, time.time() - 86_400))
    names = archive.write_tar_gz(first, tmp_path / "1.tar.gz", "game-1", 1_700_000_000)
    assert archive.write_tar_gz(second, tmp_path / "2.tar.gz", "game-1", 1_700_000_000) == names
    assert (tmp_path / "1.tar.gz").read_bytes() == (tmp_path / "2.tar.gz").read_bytes()
    assert names == [
        "game-1",
        "game-1/a.txt",
        "game-1/b",
        "game-1/b/inner",
        "game-1/b/inner/c.txt",
        "game-1/b-x.txt",
        "game-1/run",
    ]
    with tarfile.open(tmp_path / "1.tar.gz") as tar:
        members = {member.name: member for member in tar.getmembers()}
    assert members["game-1/run"].mode == 0o755 and members["game-1/a.txt"].mode == 0o644
    assert {member.mtime for member in members.values()} == {1_700_000_000}
    assert {(member.uid, member.uname) for member in members.values()} == {(0, "")}
    assert not (tmp_path / "1.tar.gz.partial").exists()


def test_zip_archives_too(tmp_path):
    folder = make_folder(tmp_path / "one")
    names = archive.write_zip(folder, tmp_path / "1.zip", "game-1", 0)
    again = archive.write_zip(folder, tmp_path / "2.zip", "game-1", 0)
    assert names == again and (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO((tmp_path / "1.zip").read_bytes())) as packed:
        info = packed.getinfo("game-1/run")
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert (info.external_attr >> 16) & 0o777 == 0o755


def args(**given) -> argparse.Namespace:
    values = {"story": None, "assets": None, "name": None, "version": None}
    values.update(given)
    return argparse.Namespace(**values)


def test_an_authors_build_is_named_after_their_story(tmp_path):
    story = story_with_icon(tmp_path)
    (tmp_path / "assets" / "icons").mkdir(parents=True)
    surface = pygame.Surface((32, 32))
    pygame.image.save(surface, str(tmp_path / "assets" / "icons" / "gull.png"))
    target = build_standalone.resolve_target(args(story=story))
    assert (target.name, target.version, target.title) == ("rain-on-the-pier", "3", "Rain on the Pier")
    assert target.icon == (tmp_path / "assets" / "icons" / "gull.png").resolve()
    assert target.archive_name == f"rain-on-the-pier-3-{build_standalone.platform_tag()}" + (
        ".zip" if sys.platform == "win32" else ".tar.gz"
    )
    assert build_standalone.resolve_target(args(story=story, name="pier", version="1.0")).stem.startswith("pier-1.0-")


def test_the_shipped_build_is_heartstopper_with_the_package_version():
    target = build_standalone.resolve_target(args())
    assert target.name == "heartstopper" and target.version == build_standalone.package_version()
    assert target.icon is not None and target.icon.name == "heartstopper.svg"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"name": "My Game"}, "--name"),
        ({"version": "1/../2"}, "version"),
        ({"assets": Path("/nonexistent-assets")}, "does not exist"),
    ],
)
def test_bad_options_are_refused_with_a_message(tmp_path, given, message):
    story = write_story(tmp_path)
    with pytest.raises(build_standalone.BuildError, match=message):
        build_standalone.resolve_target(args(story=story, **given))


def test_a_story_with_problems_or_a_missing_icon_is_refused(tmp_path, capsys):
    broken = write_story(tmp_path / "broken", manifest="title: x\n")
    with pytest.raises(build_standalone.BuildError, match="the story has problems"):
        build_standalone.resolve_target(args(story=broken))
    missing = story_with_icon(tmp_path / "missing")
    (tmp_path / "missing" / "assets").mkdir()
    with pytest.raises(build_standalone.BuildError, match="icon 'gull' has no file"):
        build_standalone.resolve_target(args(story=missing))
    assert build_standalone.main(["--story", str(broken), "--out", str(tmp_path / "dist")]) in (1, 2)
    assert "build:" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


def test_staging_leaves_out_hidden_files_and_refuses_links_out(tmp_path):
    source = tmp_path / "story"
    (source / "scenes").mkdir(parents=True)
    (source / "story.yaml").write_text("title: x\n", encoding="utf-8")
    (source / ".git").mkdir()
    (source / ".git" / "config").write_text("secret", encoding="utf-8")
    (source / "scenes" / "__pycache__").mkdir()
    copied = build_standalone.copy_tree(source, tmp_path / "out")
    assert copied == 1 and not (tmp_path / "out" / ".git").exists()
    (tmp_path / "secret.txt").write_text("not the story's", encoding="utf-8")
    (source / "scenes" / "link.yaml").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(build_standalone.BuildError, match="link to outside"):
        build_standalone.copy_tree(source, tmp_path / "out2")
