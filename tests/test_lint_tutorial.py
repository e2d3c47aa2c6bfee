"""The tutorial of docs/AUTHORING.md works as written: applied to a copy of the shipped story, the story loads, the
tutorial's playthrough passes, and the linter finds nothing in what the tutorial added."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from game.authoring.lint import lint_story
from game.loader import load_story
from game.paths import default_story_dir
from game.scripts import load_playthrough_file, run_script

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "AUTHORING.md"
BLOCK = re.compile(r"<!-- tutorial: (\S+)(?: ([^\n]*?))? -->\n```yaml\n(.*?)```", re.DOTALL)


def tutorial_blocks() -> dict[str, tuple[str, str]]:
    blocks = {path: (where or "", text) for path, where, text in BLOCK.findall(GUIDE.read_text(encoding="utf-8"))}
    assert set(blocks) == {
        "story/story.yaml",
        "story/scenes/prologue.yaml",
        "story/scenes/prologue_walk.yaml",
        "story/playthroughs/prologue-tell-tori.yaml",
    }
    return blocks


@pytest.fixture(scope="module")
def tutorial_story(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tutorial")
    story = root / "story"
    shutil.copytree(default_story_dir(), story)
    for path, (where, text) in tutorial_blocks().items():
        target = root / path
        if not where:
            target.write_text(text, encoding="utf-8")
        elif where == 'after "variables:"':
            original = target.read_text(encoding="utf-8")
            assert original.count("\nvariables:\n") == 1
            target.write_text(original.replace("\nvariables:\n", "\nvariables:\n" + text, 1), encoding="utf-8")
        else:
            assert where == "end of prologue_breakfast"
            original = target.read_text(encoding="utf-8")
            head, sep, tail = original.partition("\n\nprologue_school_gates:")
            assert sep, "prologue_school_gates follows prologue_breakfast"
            target.write_text(head + "\n" + text.rstrip("\n") + sep + tail, encoding="utf-8")
    return story


def test_the_tutorials_story_loads_and_its_playthrough_passes(tutorial_story):
    story = load_story(tutorial_story)
    assert {"prologue_walk_with_tori", "prologue_walk_on"} <= set(story.scenes)
    script = load_playthrough_file(tutorial_story / "playthroughs" / "prologue-tell-tori.yaml", story)
    result = run_script(script, story)
    assert result.passed, result.failure.report(script) if result.failure else ""


def test_the_linter_finds_nothing_in_what_the_tutorial_added(tutorial_story):
    story = load_story(tutorial_story)
    report = lint_story(story)
    added = [
        problem
        for problem in report.problems
        if problem.file.endswith("prologue_walk.yaml") or "told_tori" in problem.message
    ]
    assert not added, "\n".join(str(problem) for problem in added)


EXAMPLE = re.compile(r"<!-- lint example: the tutorial without its if -->\n```\n(.*?)```", re.DOTALL)


def test_the_guides_lint_example_is_what_lint_prints_for_the_tutorial_without_its_if(
    tutorial_story, tmp_path, monkeypatch
):
    from game.authoring.lint_cli import _summary

    monkeypatch.chdir(tmp_path)  # the guide runs lint beside the story folder: paths are relative to it
    story = tmp_path / "story"
    shutil.copytree(tutorial_story, story)
    walk = story / "scenes" / "prologue_walk.yaml"
    text = walk.read_text(encoding="utf-8")
    forgotten = re.sub(r'    - if: "told_tori"\n      then:\n.*?\n      else:\n    (.*?\n)', r"\1", text, flags=re.S)
    assert forgotten != text
    walk.write_text(forgotten, encoding="utf-8")
    report = lint_story(load_story(story))
    printed = "\n".join([*(str(p) for p in report.problems), _summary(report.errors, report.warnings, False, True)])
    (example,) = EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))
    assert printed + "\n" == example
