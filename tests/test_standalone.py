"""The standalone package as a player gets it: built by tools/build_standalone.py, unpacked in an empty folder and
run with no Python on PATH, no project folder in reach and a fresh HOME.

Slow (each build freezes the game with PyInstaller), so marked `standalone` and left out of the default run;
CI runs `pytest -m standalone`. Skipped when PyInstaller (the `build` extra) is not installed.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from game.events import Line
from game.exitcodes import EXIT_INPUT_ENDED, EXIT_OK
from game.loader import load_story
from game.paths import default_story_dir
from game.playthrough import Playthrough
from game.scripts import load_playthrough_file, resolve_choice

pytest.importorskip("PyInstaller")
pytestmark = [
    pytest.mark.standalone,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the player's run is checked on Linux"),
]

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "tools" / "build_standalone.py"
EPOCH = "1700000000"


def build(story: Path | None, out: Path, work: Path) -> Path:
    command = [sys.executable, str(BUILD), "--out", str(out), "--work", str(work)]
    if story is not None:
        command += ["--story", str(story)]
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=out.parent, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return Path(result.stdout.strip().splitlines()[-1])


def no_python_path(where: Path) -> str:
    """A folder of links to everything in /usr/bin and /bin except Python and its tools."""
    folder = where / "bin"
    folder.mkdir()
    for system_dir in (Path("/usr/bin"), Path("/bin")):
        for tool in sorted(system_dir.iterdir()):
            name = tool.name
            if name.startswith(("python", "pip", "pydoc", "py3")) or os.path.lexists(folder / name):
                continue
            (folder / name).symlink_to(tool)
    return str(folder)


# Inside a private mount namespace (root and `unshare` needed, as in CI), this project and every Python
# installation are covered by empty folders, so the package cannot reach them even by an absolute path.
HIDE = 'n=$1; shift; while [ "$n" -gt 0 ]; do mount -t tmpfs none "$1" || exit 97; shift; n=$((n - 1)); done; exec "$@"'


def hidden_folders() -> list[str]:
    """This project and the Python installations, leaving out any folder inside another (it is hidden with it)."""
    candidates = {
        p.resolve() for p in (ROOT, Path(sys.prefix), Path(sys.base_prefix), *Path("/usr/lib").glob("python3*"))
    }
    outer = [
        path
        for path in candidates
        if path.is_dir() and not any(o != path and path.is_relative_to(o) for o in candidates)
    ]
    return sorted(str(path) for path in outer)


@functools.cache
def hiding() -> tuple[str, ...]:
    """The command prefix that hides the project and Python, or [] where this machine cannot."""
    unshare = shutil.which("unshare")
    if unshare is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return ()
    folders = hidden_folders()
    prefix = (unshare, "-m", "sh", "-c", HIDE, "sh", str(len(folders)), *folders)
    trial = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if trial.returncode == 0 else ()


class Player:
    """An unpacked package and a clean environment to run it in."""

    def __init__(self, archive: Path, where: Path) -> None:
        self.home = where / "home"
        self.home.mkdir()
        unpacked = where / "unpacked"
        unpacked.mkdir()
        with tarfile.open(archive) as tar:
            tar.extractall(unpacked, filter="data")
        (self.folder,) = unpacked.iterdir()
        self.env = {
            "PATH": no_python_path(where),
            "HOME": str(self.home),
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "LANG": "C.UTF-8",
        }

    def run(self, program: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*hiding(), str(self.folder / program), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.home,
            timeout=300,
            check=False,
        )


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> tuple[Path, Path]:
    """The shipped game, built twice from the same inputs in different work folders."""
    first = tmp_path_factory.mktemp("first")
    second = tmp_path_factory.mktemp("second")
    return build(None, first / "dist", first / "work"), build(None, second / "dist", second / "work")


def test_the_environment_has_no_python_and_no_project(tmp_path):
    path = no_python_path(tmp_path)
    found = subprocess.run(["sh", "-c", "command -v python3 python"], env={"PATH": path}, capture_output=True)
    assert found.returncode != 0 and not found.stdout
    if hiding():
        listed = subprocess.run([*hiding(), "ls", "-A", str(ROOT)], env={"PATH": path}, capture_output=True, text=True)
        assert listed.returncode == 0 and listed.stdout == ""


def test_the_archive_is_named_and_laid_out_for_players(shipped):
    archive, _ = shipped
    assert re.fullmatch(r"heartstopper-[0-9][0-9A-Za-z.+_]*-linux-[a-z0-9_]+\.tar\.gz", archive.name)
    top = archive.name.removesuffix(".tar.gz")
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
    assert f"{top}/heartstopper" in members and members[f"{top}/heartstopper"].mode & 0o111
    assert f"{top}/README.txt" in members
    assert f"{top}/heartstopper.png" in members  # the manifest's icon, for Linux desktops
    bundled = f"{top}/_internal/game/_bundled"
    assert f"{bundled}/story/story.yaml" in members
    assert f"{bundled}/assets/backgrounds/title.svg" in members
    assert any(name.startswith(f"{top}/_internal/fontpkg_noto_sans/files/NotoSans") for name in members)
    assert not any("__pycache__" in name or "/." in name for name in members)
    assert {member.mtime for member in members.values()} == {int(EPOCH)}


def test_the_same_inputs_give_the_same_files_and_bytes(shipped):
    first, second = shipped
    with tarfile.open(first) as a, tarfile.open(second) as b:
        names = a.getnames()
        assert names == b.getnames()
    assert names == sorted(names, key=lambda name: name.split("/"))
    listing = json.loads((first.parent / (first.name.removesuffix(".tar.gz") + ".files.json")).read_text())
    assert listing["files"] == names
    assert first.read_bytes() == second.read_bytes()


def test_check_runs_without_python(shipped, tmp_path):
    player = Player(shipped[0], tmp_path)
    result = player.run("heartstopper", "check")
    assert result.returncode == 0, result.stderr
    story = load_story(default_story_dir())
    assert f"{len(story.scenes)} scenes" in result.stdout


def choice_numbers(path: Path) -> tuple[list[str], str, str | None]:
    """The text player's answers for a playthrough file's choices, played here: with the last line shown after them
    and the ending reached (None when the file stops at a menu)."""
    story = load_story(default_story_dir())
    script = load_playthrough_file(path, story)
    playthrough = Playthrough(story, start=script.start, given=script.given or None)
    answers: list[str] = []
    last_line = ""

    def read_on() -> None:
        nonlocal last_line
        while playthrough.can_continue:
            event = playthrough.continue_()
            if isinstance(event, Line):
                last_line = event.text

    for step in script.steps:
        read_on()
        if step.kind != "choose":
            continue
        menu = playthrough.current_choices
        assert menu is not None
        option, why = resolve_choice(step.value, menu.options)
        assert option is not None, why
        answers.append(str(option.number))
        playthrough.choose(option.index)
    read_on()
    return answers, last_line, playthrough.ended.title if playthrough.ended else None


def test_the_text_player_plays_a_playthrough_files_choices(shipped, tmp_path):
    path = default_story_dir() / "playthroughs" / "grades-canon.yaml"
    script = load_playthrough_file(path, load_story(default_story_dir()))
    assert script.start is None and not script.given  # from the very beginning, as a player starts
    answers, last_line, ending = choice_numbers(path)
    assert len(answers) >= 5
    player = Player(shipped[0], tmp_path)
    result = player.run("heartstopper", "play", "--text", stdin="\n".join(answers) + "\n")
    shown = " ".join(result.stdout.split())
    if ending is None:  # the input ends at the next menu, before the story does
        assert result.returncode == EXIT_INPUT_ENDED, result.stderr
    else:
        assert result.returncode == EXIT_OK and f"The end: {ending}" in shown, result.stderr
    for line in [step.value for step in script.steps if step.kind == "expect_line"]:
        assert line in shown, line
    assert " ".join(last_line.split()) in shown
    assert "Choose a number" not in shown and "That choice is locked" not in shown  # each answer taken as meant


def test_a_headless_capture_of_the_first_beats(shipped, tmp_path):
    player = Player(shipped[0], tmp_path)
    first = player.home / "first.yaml"
    first.write_text("name: first beats\nsteps:\n  - expect_scene: prologue_morning_texts\n", encoding="utf-8")
    result = player.run("heartstopper", "capture", str(first), "--out", "shots", "--size", "640x360")
    assert result.returncode == 0, result.stderr
    shots = sorted((player.home / "shots").glob("*.png"))
    assert shots[0].name.endswith("-title.png")
    assert any("prologue_morning_texts" in shot.name for shot in shots)
    import pygame

    picture = pygame.image.load(str(shots[-1]))
    assert picture.get_size() == (640, 360)
    colours = {tuple(picture.get_at((x, y)))[:3] for x in range(0, 640, 32) for y in range(0, 360, 24)}
    assert len(colours) > 20  # a drawn scene, not a blank screen


AUTHOR_MANIFEST = """\
title: "Rain on the Pier"
version: "1.2"
start: pier
icon: gull
endings:
  home: {title: "Home Again"}
"""
AUTHOR_SCENE = """\
pier:
  title: "The Pier"
  chapter: "One"
  lines:
    - narrate: "The rain came in sideways off the sea."
  ending: home
"""


def test_an_author_ships_their_own_story(tmp_path):
    import pygame

    story = tmp_path / "rain" / "story"
    (story / "scenes").mkdir(parents=True)
    (story / "story.yaml").write_text(AUTHOR_MANIFEST, encoding="utf-8")
    (story / "scenes" / "pier.yaml").write_text(AUTHOR_SCENE, encoding="utf-8")
    icons = tmp_path / "rain" / "assets" / "icons"
    icons.mkdir(parents=True)
    gull = pygame.Surface((64, 64))
    gull.fill((40, 90, 160))
    pygame.image.save(gull, str(icons / "gull.png"))
    (story / ".notes.txt").write_text("private", encoding="utf-8")

    out = tmp_path / "dist"
    archive = build(story, out, tmp_path / "work")
    assert archive.name == "rain-on-the-pier-1.2-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    top = "rain-on-the-pier-1.2-linux-x86_64"
    assert f"{top}/rain-on-the-pier.png" in names
    assert not any(name.endswith(".notes.txt") for name in names)
    assert not any("/_bundled/assets/backgrounds/" in name for name in names)  # their assets, not ours
    (tmp_path / "player").mkdir()
    player = Player(archive, tmp_path / "player")
    result = player.run("rain-on-the-pier", "check")
    assert result.returncode == 0, result.stderr
    assert "Rain on the Pier" in result.stdout
    played = player.run("rain-on-the-pier", "play", "--text")
    assert "sideways off the sea" in played.stdout and "The end: Home Again" in played.stdout
    icon = pygame.image.load(str(player.folder / "rain-on-the-pier.png"))
    assert icon.get_size() == (256, 256)
    shutil.rmtree(tmp_path / "work")
