"""Hostile input: text long enough to freeze the game if it were measured carelessly.

Fitting text to a width is counted in measurements, never timed: a careless fit measures a string once per
character it drops, so a 100,000-character title from a hand-edited save would take a hundred thousand
measurements of a hundred thousand characters each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from storybuild import problems_of

from game.loader import load_story
from game.ui.canvas import Canvas
from game.ui.driver import Driver
from game.ui.screens.saveload import SaveLoadScreen

STORY = Path(__file__).parent / "fixtures" / "ui_story"


class Counted:
    """A measure of `per_char` units a character that counts its calls and the characters it measured."""

    def __init__(self, per_char: float = 10.0) -> None:
        self.per_char = per_char
        self.calls = 0
        self.chars = 0

    def __call__(self, text: str) -> float:
        self.calls += 1
        self.chars += len(text)
        return len(text) * self.per_char


@pytest.mark.parametrize("length", [0, 1, 7, 99, 100, 101, 1_000, 100_000])
def test_fit_prefix_finds_the_longest_start_that_fits(length):
    from game.ui.textlayout import fit_prefix

    measure = Counted()
    text = "x" * length
    assert fit_prefix(text, measure, 1000) == min(length, 100)
    assert measure.calls <= 2 * 20 + 2  # doubling then bisecting: a few dozen measurements, never one per character
    assert measure.chars <= 4 * 200 * 20  # and only of starts about as long as what fits


def test_fit_prefix_with_uneven_widths_matches_one_character_at_a_time():
    from game.ui.textlayout import fit_prefix

    widths = {"i": 3, "m": 14, "n": 9, "w": 12, " ": 5}
    text = "mini wim wimmi " * 40

    def measure(part: str) -> float:
        return sum(widths[c] for c in part)

    for width in (0, 2, 3, 13, 14, 100, 333, 1000, 10_000):
        slow = max((k for k in range(len(text) + 1) if measure(text[:k]) <= width), default=0)
        assert fit_prefix(text, measure, width) == slow


def test_ellipsize_a_100000_character_title_measures_a_few_dozen_times():
    from game.ui.textlayout import ellipsize

    measure = Counted()
    shown = ellipsize("t" * 100_000, measure, 400)
    assert shown.endswith("\u2026") and measure(shown) <= 400 and measure(shown[:-1] + "tt") > 400
    assert measure.calls < 80
    assert ellipsize("short", Counted(), 400) == "short"


def test_wrapping_a_20000_character_word_breaks_it_in_few_measurements():
    from game.ui.textlayout import wrap

    measure = Counted()
    wrapped = wrap("w" * 20_000, measure, 1000)
    assert [len(row) for row in wrapped.rows] == [100] * 200
    assert measure.calls < 200 * 40  # one character at a time took about two million


def test_the_load_screen_draws_a_hand_edited_100000_character_title_at_once(monkeypatch):
    """A save edited to hold a 100,000-character scene title and chapter: the Load screen draws its first frame
    with a bounded number of measurements (before: one whole-title measurement per character dropped, a hang)."""
    ui = Driver(load_story(STORY), Path(__import__("os").environ["HEARTSTOPPER_DATA_DIR"]))
    try:
        game = ui.start_new_game()
        assert game is not None
        ui.press(pygame.K_F5)  # a quick save, then edited by hand
        path = ui.app.saves.path("quick")
        record = json.loads(path.read_text(encoding="utf-8"))
        record["scene_title"] = "Nick " * 20_000
        record["chapter"] = "C" * 100_000
        path.write_text(json.dumps(record), encoding="utf-8")
        assert ui.app.saves.read("quick").status == "ok"

        calls = 0
        real_measure = Canvas.measure

        def counted(self, text, px, **kw):
            nonlocal calls
            calls += 1
            if calls > 2_000:
                raise AssertionError("the Load screen measures text one character at a time")
            return real_measure(self, text, px, **kw)

        monkeypatch.setattr(Canvas, "measure", counted)
        screen = SaveLoadScreen(ui.app, "load")
        ui.app.push(screen)
        screen.page = "quick"
        screen._load_page()
        ui.frame()
        assert calls < 2_000
    finally:
        ui.close()


def test_the_load_screen_fits_a_long_title_within_its_box():
    """Fitting is exact, not just fast: a long title is cut with an ellipsis where the slot's text ends."""
    pygame.font.init()
    from game.ui.fonts import Fonts

    canvas = Canvas(pygame.Surface((1280, 720)), 1.0, Fonts())
    from game.ui.screens.saveload import _fit

    title = "NickandCharlieattheseaside" * 10
    shown = _fit(canvas, title, 17, 300)
    assert shown.endswith("\u2026") and canvas.measure(shown, 17) <= 300
    assert title.startswith(shown[:-1])
    assert canvas.measure(title[: len(shown)] + "\u2026", 17) > 300  # not one character more would fit
    assert _fit(canvas, "Nick", 17, 300) == "Nick"


def test_a_slot_shows_at_most_a_bounded_title_from_a_hand_edited_save(tmp_path):
    from game.ui.savestore import MAX_SHOWN_TITLE_CHARS, SaveStore

    store = SaveStore(tmp_path)
    store.write("1", {"format": 1, "playthrough": {}, "scene_title": "N" * 100_000, "chapter": "C" * 100_000})
    slot = store.read("1")
    assert slot.status == "ok"
    assert 0 < len(slot.scene_title) <= MAX_SHOWN_TITLE_CHARS and 0 < len(slot.chapter) <= MAX_SHOWN_TITLE_CHARS


TITLE_SCENES = """\
a:
  title: "{title}"
  chapter: "{chapter}"
  lines:
    - narrate: "Hello."
  ending: done
"""


@pytest.mark.parametrize("field", ["title", "chapter"])
def test_a_scene_title_or_chapter_longer_than_the_limit_is_refused_at_its_place(tmp_path, field):
    from game.loader import MAX_TITLE_CHARS

    values = {"title": "A", "chapter": "One"}
    values[field] = "long " * 3_800  # 19,000 characters: passed check and lint before
    problems = problems_of(tmp_path, TITLE_SCENES.format(**values))
    assert len(problems) == 1
    shown = str(problems[0])
    assert f"{MAX_TITLE_CHARS} characters" in shown and f"'{field}'" in shown
    assert ":3:" in shown if field == "chapter" else ":2:" in shown
    assert len(shown) < 400  # the message never repeats the text


def test_a_title_at_the_limit_is_taken(tmp_path):
    from game.loader import MAX_TITLE_CHARS

    assert problems_of(tmp_path, TITLE_SCENES.format(title="t" * MAX_TITLE_CHARS, chapter="One")) == []


def test_story_and_ending_titles_are_capped_too(tmp_path):
    from storybuild import MANIFEST

    from game.loader import MAX_TITLE_CHARS

    manifest = MANIFEST.replace('title: "Test"', f'title: "{"T" * (MAX_TITLE_CHARS + 1)}"').replace(
        'done: {title: "Done"}', f'done: {{title: "{"D" * (MAX_TITLE_CHARS + 1)}"}}'
    )
    problems = problems_of(tmp_path, manifest=manifest)
    assert len(problems) == 2
    assert all(f"{MAX_TITLE_CHARS} characters" in str(p) for p in problems)


def test_the_author_guide_lists_the_title_limit():
    from game.loader import MAX_TITLE_CHARS

    guide = (Path(__file__).resolve().parents[1] / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
    assert f"| a title (story, scene, ending), a chapter, a character's name | {MAX_TITLE_CHARS} characters" in guide
