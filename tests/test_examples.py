"""Every story under examples/ is checked like the shipped one: it loads, lints clean, every ending and scene is
reached, its playthrough files pass, its files follow the editor schemas, and the game plays it from the title
screen. examples/the_question (Ren'Py's sample game, ported) also keeps its generated art and music in step with
tools/build_the_question.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.authoring.lint import lint_folder
from game.branding import branding_of
from game.cli import main
from game.loader import load_story
from game.tester.playthroughs import run_playthroughs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(path.parent for path in (ROOT / "examples").glob("*/story.yaml"))
QUESTION = ROOT / "examples" / "the_question"


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda p: p.name)
def test_an_example_loads_lints_and_passes_the_branch_tester(folder, capsys):
    story = load_story(folder)
    report = lint_folder(folder, opus=False)
    assert report.errors == 0, [str(p) for p in report.problems]
    assert story.playthrough_files, "an example shows how it is tested"
    outcomes, problems = run_playthroughs(story, list(story.playthrough_files))
    assert not problems and all(o.passed for o in outcomes), [o.report for o in outcomes]
    assert main(["test", "--story", str(folder)]) == 0, capsys.readouterr().out  # every ending and scene reached


def test_the_question_is_complete_and_tidy():
    report = lint_folder(QUESTION, opus=False)
    assert report.problems == [], [str(p) for p in report.problems]
    story = load_story(QUESTION)
    outcomes, _ = run_playthroughs(story, list(story.playthrough_files))
    assert {o.ended for o in outcomes} == set(story.endings) == {"good_ending", "bad_ending"}
    brand = branding_of(story)
    assert (brand.heading, brand.background, brand.music) == ("The Question", "meadow", "illurock")


def test_the_question_uses_the_staging_it_was_ported_for():
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted((QUESTION / "scenes").glob("*.yaml")))
    for needed in ("with: fade", "with: dissolve", '"#000000"', "mode: nvl", "show: {who: sylvie, as: smile}"):
        assert needed in text, needed


def test_the_question_art_and_music_are_what_the_generator_makes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_the_question.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    for svg in (QUESTION / "assets").rglob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "<text" not in text and ("gradientUnits" not in text or 'gradientUnits="userSpaceOnUse"' in text)


def test_the_game_plays_the_question_from_its_title_screen():
    from game.ui.driver import Driver
    from game.ui.screens.game import GameScreen

    ui = Driver(load_story(QUESTION), Path(os.environ["HEARTSTOPPER_DATA_DIR"]))
    try:
        assert pygame.display.get_caption()[0] == "The Question"
        ui.press(pygame.K_RETURN)  # New game: the content note
        ui.press(pygame.K_RETURN, wait=2.0)
        game = ui.top
        assert isinstance(game, GameScreen)
        assert game.session.stage.background == "lecturehall" and game.session.stage.music == "illurock"
    finally:
        ui.close()


def test_the_questions_title_panels_sit_on_calm_hillside():
    """Before: a tree stood behind the title's menu panel. The meadow's trees now stand clear of both panels (the
    heading's and the menu's, where the title screen draws them), and the picture there is what the title shows:
    sky and hillside, not the trees' leaves or trunks."""
    import xml.etree.ElementTree as ET

    background = branding_of(load_story(QUESTION)).background
    assert background == "meadow"
    svg = QUESTION / "assets" / "backgrounds" / f"{background}.svg"
    from game.ui.screens.title import ITEMS

    panels = [(60, 56, 640, 176), (72, 248, 300, 58 * len(ITEMS) + 18)]  # as game.ui.screens.title draws them
    trees = [
        (float(c.get("cx")), float(c.get("cy")), float(c.get("r")))
        for c in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}circle")
    ]
    assert trees
    for cx, cy, r in trees:
        for x, y, w, h in panels:
            nearest = (min(max(cx, x), x + w), min(max(cy, y), y + h))
            assert (nearest[0] - cx) ** 2 + (nearest[1] - cy) ** 2 > r**2, f"a tree at {cx:g},{cy:g} is behind a panel"
    picture = pygame.image.load_sized_svg(str(svg), (1280, 720))
    circles = ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}circle")
    leaves = {tuple(pygame.Color(c.get("fill")))[:3] for c in circles}
    x, y, w, h = panels[1]
    seen = {tuple(picture.get_at((px, py)))[:3] for px in range(x, x + w, 6) for py in range(y, y + h, 6)}
    assert not seen & leaves
