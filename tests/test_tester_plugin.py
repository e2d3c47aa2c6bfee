"""The pytest plugin: playthrough files become test items, only when asked, failing with the script's report."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from storybuild import FIXTURES

from game.pytest_plugin import story_folder

ROOT = Path(__file__).resolve().parents[1]

PASSING = (
    'name: "Hub, knocked three times"\nsteps:\n  - choose: "Knock"\n  - choose: "Knock"\n  - choose: "Knock"\n'
    '  - choose: "Leave"\nend: out\n'
)
FAILING = 'name: "Leave too early"\nsteps:\n  - choose: "Knock"\n  - choose: "Leave"\nend: out\n'


def _installed() -> bool:
    return any(point.value == "game.pytest_plugin" for point in entry_points(group="pytest11"))


def pytest_run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    plugin = [] if _installed() else ["-p", "game.pytest_plugin"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *plugin, "-q", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


pytest_run.__test__ = False


@pytest.fixture
def work(tmp_path) -> Path:
    story = tmp_path / "authors" / "hub"
    shutil.copytree(FIXTURES / "tester" / "hub", story)
    (story / "playthroughs").mkdir()
    (story / "playthroughs" / "knock.yaml").write_text(PASSING)
    (story / "playthroughs" / "early.yaml").write_text(FAILING)
    (tmp_path / "authors" / "notes.yaml").write_text("not: a playthrough\n")
    return tmp_path


def test_naming_the_story_folder_collects_each_playthrough_as_a_test(work):
    result = pytest_run(work, "authors/hub")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 failed, 1 passed" in result.stdout
    assert "playthrough 'Leave too early' failed at step choose: \"Leave\"" in result.stdout
    assert "expected: a choice matching 'Leave'" in result.stdout
    assert "happened: no choice that can be taken contains that text" in result.stdout
    assert "last lines shown:" in result.stdout


def test_naming_one_file_runs_only_that_file(work):
    result = pytest_run(work, "authors/hub/playthroughs/knock.yaml", "-rA")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED authors/hub/playthroughs/knock.yaml::knock" in result.stdout
    assert "1 passed" in result.stdout and "failed" not in result.stdout


def test_nothing_is_collected_unless_asked(work):
    result = pytest_run(work, "authors")
    assert result.returncode == 5 and "no tests ran" in result.stdout
    result = pytest_run(work, "authors", "--playthroughs")
    assert result.returncode == 1 and "1 failed, 1 passed" in result.stdout


def test_a_story_that_cannot_load_fails_its_items_with_the_problems(work):
    manifest = work / "authors" / "hub" / "story.yaml"
    manifest.write_text(manifest.read_text().replace("start: hub", "start: nowhere"))
    result = pytest_run(work, "authors/hub")
    assert result.returncode == 1 and "2 failed" in result.stdout
    assert (
        "cannot be loaded" in result.stdout
        and "hub/story.yaml:4:8: error: unknown start scene 'nowhere'" in result.stdout
    )


def test_an_unreadable_playthrough_fails_with_its_position(work):
    (work / "authors" / "hub" / "playthroughs" / "early.yaml").write_text("name: Bad\nsteps:\n  - chose: 1\n")
    result = pytest_run(work, "authors/hub")
    assert result.returncode == 1 and "1 failed, 1 passed" in result.stdout
    assert "early.yaml:3:5: error: unknown key 'chose' in a step" in result.stdout


def test_the_projects_own_test_folders_gain_no_items():
    result = pytest_run(ROOT, "--collect-only", "tests/fixtures")
    assert result.returncode == 5, result.stdout + result.stderr
    assert ".yaml" not in result.stdout


def test_only_yaml_in_a_playthroughs_folder_beside_a_story_counts(tmp_path):
    (tmp_path / "story.yaml").write_text("title: X\n")
    (tmp_path / "playthroughs").mkdir()
    assert story_folder(tmp_path / "playthroughs" / "a.yaml") == tmp_path
    assert story_folder(tmp_path / "playthroughs" / "a.txt") is None
    assert story_folder(tmp_path / "a.yaml") is None
    assert story_folder(tmp_path / "other" / "playthroughs" / "a.yaml") is None
