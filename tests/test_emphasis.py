"""Emphasis inside text (`*italic*`, `**bold**`): read once into plain text and styled spans, shown styled by the
dialogue box and the backlog, by the text player in a terminal (and marked in a file), never spoken or counted as
words; a lone or unclosed asterisk stays what it was, so no story that loaded before reads differently."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from storybuild import build

from game.emphasis import BOLD, ITALIC, read_emphasis
from game.events import Line
from game.playthrough import Playthrough

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lamplight"


@pytest.mark.parametrize(
    ("written", "plain", "spans"),
    [
        ("a *quiet* word", "a quiet word", ((2, 7, ITALIC),)),
        ("**Now.** Go", "Now. Go", ((0, 4, BOLD),)),
        ("***both*** then", "both then", ((0, 4, ITALIC | BOLD),)),
        ("*outer **inner** out*", "outer inner out", ((0, 6, ITALIC), (6, 11, ITALIC | BOLD), (11, 15, ITALIC))),
        ("5 * 3 = 15", "5 * 3 = 15", ()),
        ("an *unclosed aside", "an *unclosed aside", ()),
        ("a star: \\*", "a star: *", ()),
        ("*across\nlines*", "*across\nlines*", ()),
        ("no markers", "no markers", ()),
    ],
)
def test_markers_are_read_into_plain_text_and_spans(written, plain, spans):
    read = read_emphasis(written)
    assert (read.text, read.spans) == (plain, spans)


def test_unpartnered_markers_are_told_where_they_are_but_a_spaced_star_is_not():
    assert read_emphasis("an *unclosed aside").unmatched == (3,)
    assert read_emphasis("5 * 3").unmatched == ()


SCENES = """\
a:
  title: A
  chapter: One
  lines:
    - narrate: "It was *very* quiet."
    - charlie: "{brave: I'm **sure**.|I'm *not* sure.}"
    - extend: " And *then*."
  ending: done
"""


def lines_of(story) -> list[Line]:
    playthrough = Playthrough(story, seed=0)
    found = []
    while playthrough.ended is None:
        event = playthrough.continue_()
        if isinstance(event, Line):
            found.append(event)
    return found


def test_lines_carry_plain_text_and_styles_static_dynamic_and_extended(tmp_path):
    story = build(tmp_path, SCENES)
    static, dynamic, extended = lines_of(story)
    assert (static.text, static.styles) == ("It was very quiet.", ((7, 11, ITALIC),))
    assert (dynamic.text, dynamic.styles) == ("I'm not sure.", ((4, 7, ITALIC),))
    assert extended.text == "I'm not sure. And then."
    assert extended.styles == ((4, 7, ITALIC), (18, 22, ITALIC))


def test_the_dialogue_box_and_backlog_set_emphasis_in_its_face():
    pytest.importorskip("pygame")
    from game.authoring.layout_probe import LayoutProbe, _ProbeCanvas
    from game.ui.dialogue import DialogueBox

    class Recording(_ProbeCanvas):
        def text(self, text, pos, px, color, **options):
            self.styled.append((text, options.get("italic", False), options.get("bold", False)))
            return super().text(text, pos, px, color, **options)

    probe = LayoutProbe()
    canvas = Recording(probe.canvas.fonts)
    canvas.styled = []
    read = read_emphasis("It was *very* quiet, **truly**.")
    line = Line("narration", read.text, None, None, None, None, "b1", styles=read.spans)
    box = DialogueBox()
    box.show(line, 0.0)
    box.complete()
    box.draw(canvas, 10.0, 30.0, 1.0)
    drawn = [(text, italic, bold) for text, italic, bold in canvas.styled if text.strip()]
    assert ("very", True, False) in drawn and ("truly", False, True) in drawn
    assert ("It was ", False, False) in drawn
    # Half revealed: only the letters so far, across the runs.
    canvas.styled.clear()
    box.show(line, 0.0)
    box.draw(canvas, 9 / 30.0, 30.0, 1.0)
    shown = "".join(text for text, _, _ in canvas.styled if text in "It was very quiet, truly.")
    assert shown == "It was ve"


def test_the_backlog_keeps_and_draws_emphasis(tmp_path):
    pytest.importorskip("pygame")
    from game.loader import load_story
    from game.ui.driver import Driver
    from game.ui.screens.backlog import BacklogScreen
    from game.ui.session import LogEntry

    entry = LogEntry("narration", "It was very quiet.", styles=((7, 11, ITALIC),))
    assert LogEntry.from_dict(entry.to_dict()) == entry
    assert LogEntry.from_dict({**entry.to_dict(), "styles": [[0, 999, 1]]}).styles == ()  # out of the text: dropped
    assert LogEntry.from_dict({"kind": "narration", "text": "old"}).styles == ()  # a log from before emphasis
    driver = Driver(load_story(EXAMPLE), tmp_path)
    try:
        backlog = BacklogScreen(driver.app, [LogEntry("narration", "Plain."), entry])
        driver.app.reset(backlog)
        driver.frame()
        assert list(backlog._styled.values()) == [[[("It was ", 0), ("very", ITALIC), (" quiet.", 0)]]]
    finally:
        driver.close()


def test_the_text_player_styles_a_terminal_and_marks_a_file(tmp_path):
    from game.textplayer import TextPlayer

    story = build(tmp_path, SCENES)
    read = read_emphasis("It was *very* quiet, **truly**.")
    line = Line("narration", read.text, None, None, None, None, "b1", styles=read.spans)
    styled = "It was \x1b[3mvery\x1b[22;23m quiet, \x1b[1mtruly\x1b[22;23m."
    for colour, expected in ((True, styled), (False, "It was *very* quiet, **truly**.")):
        out = io.StringIO()
        player = TextPlayer(story, out=out, read_line=lambda: "", colour=colour, pause=False, width=80)
        player.present_line(line)
        assert out.getvalue().strip() == expected
    sneaky = Line("narration", "a \ue000b", None, None, None, None, "b2")  # a story cannot write the placeholders
    out = io.StringIO()
    TextPlayer(story, out=out, read_line=lambda: "", colour=True, pause=False, width=80).present_line(sneaky)
    assert "\x1b" not in out.getvalue()


def test_speech_stats_and_playthrough_files_see_the_plain_text(tmp_path):
    from game.authoring.stats import story_stats
    from game.ui.spoken import line_words

    story = build(tmp_path, SCENES)
    static = lines_of(story)[0]
    assert "*" not in line_words(static)
    assert story_stats(story)["words"] == story_stats(build(tmp_path / "plain", SCENES.replace("*", "")))["words"]


def test_the_example_story_uses_emphasis():
    from game.loader import load_story

    story = load_story(EXAMPLE)
    playthrough = Playthrough(story, start="landing_glass", seed=0)
    line = next(event for event in iter(playthrough.continue_, None) if isinstance(event, Line))
    assert line.text == "On the landing you tap the barometer. The needle is falling."
    assert line.styles == ((len("On the landing you tap the barometer. The needle is "), len(line.text) - 1, ITALIC),)


def test_hostile_lines_of_asterisks_read_in_linear_time_and_lint_at_the_column(tmp_path):
    from game.authoring.lint import lint_story

    opened = "*a " * 20_000  # 20,000 runs that open and never close: each is looked at once
    read = read_emphasis(opened)
    assert read.text == opened and len(read.unmatched) == 20_000
    pairs = "*a* " * 20_000  # 20,000 pairs, each closed at once
    assert len(read_emphasis(pairs).spans) == 20_000
    scenes = 'a:\n  title: A\n  chapter: One\n  lines:\n    - narrate: "5 * 3 is *fifteen"\n  ending: done\n'
    found = [p for p in lint_story(build(tmp_path, scenes)).problems if p.code == "HS031"]
    assert [(p.line, p.column) for p in found] == [(5, 16 + 1 + len("5 * 3 is "))]


def test_an_extend_right_after_a_load_keeps_the_saved_lines_emphasis(tmp_path):
    """Before: the save kept the last line's plain text only, so the line an `extend` shows again lost its italic."""
    story = build(tmp_path, SCENES)
    playthrough = Playthrough(story, seed=0)
    shown = 0
    while shown < 2:  # up to "I'm not sure.", with "not" in italic
        shown += isinstance(playthrough.continue_(), Line)
    save = json.loads(json.dumps(playthrough.save()))
    assert save["last_line"]["styles"] == [[4, 7, ITALIC]]

    def extended(data: dict) -> Line:
        resumed = Playthrough.from_save(story, data)
        event = resumed.continue_()
        while not isinstance(event, Line):
            event = resumed.continue_()
        return event

    line = extended(save)
    assert line.text == "I'm not sure. And then." and line.continues == len("I'm not sure.")
    assert line.styles == ((4, 7, ITALIC), (18, 22, ITALIC))
    del save["last_line"]["styles"]  # a save from before the styles were kept: the old words plain, still loads
    assert extended(save).styles == ((18, 22, ITALIC),)
    save["last_line"]["styles"] = [[4, 7, ITALIC], [5, 99, BOLD], "x", [1, 2, True], [3, 2, ITALIC], [0, 1, 9]]
    assert extended(save).styles == ((4, 7, ITALIC), (18, 22, ITALIC))  # hand-edited nonsense is dropped


def test_hs031_judges_every_way_a_line_with_braces_can_read(tmp_path):
    """Emphasis is read in the worked-out text, so the linter judges what the player can see: a pick whose two
    texts each hold half of a pair is flagged, at the asterisk, though as written the asterisks pair up; an asterisk
    that only looks open as written (`{brave: one *|two}`: the player sees `one *`) is not; a once-only text that
    shows nothing in the end, a variety option and a value beside the markers are read as they show."""
    from game.authoring.lint import lint_story

    lines = [
        '"{brave: I *am|I am not*} sure."',  # either way, one half of a pair: flagged (written, they pair)
        '"{brave: five *|six} of them."',  # "five * of them.": spaces round it, meant as itself
        '"It was {~*very*|**so**} quiet."',  # every option closes what it opens
        '"{!*Hello*|Hello *again} there."',  # the second option opens what nothing closes
        '"*{grades}* marks."',  # a value between the markers: "*5* marks."
        '"Plain *and* simple."',
    ]
    scenes = "a:\n  title: A\n  chapter: One\n  lines:\n" + "".join(f"    - narrate: {t}\n" for t in lines)
    scenes += "  ending: done\n"
    found = [(p.line, p.column) for p in lint_story(build(tmp_path, scenes)).problems if p.code == "HS031"]
    first = 16 + lines[0].index("*am")  # `    - narrate: ` is 15 columns; lines[...] starts with its quote
    fourth = 16 + lines[3].index("*again")
    assert found == [(5, first), (8, fourth)]


def test_an_emphasised_word_starts_where_the_pen_stopped_even_when_its_first_letter_leans_left():
    """SDL_ttf shifts a text whose first letter reaches left of its pen position (an italic f) right by that much:
    a run after the first is drawn back by it, so the gap before an emphasised word is the line's own space."""
    pygame = pytest.importorskip("pygame")
    from game.ui.canvas import Canvas
    from game.ui.fonts import Fonts
    from game.ui.styled_text import draw_styled, styled_measure

    canvas = Canvas(pygame.Surface((400, 60)), 1.0, Fonts())
    canvas.surface.fill((255, 255, 255))
    before, word = "The needle is ", "falling"
    draw_styled(canvas, (10, 10), 26, (0, 0, 0), False, [(before, 0), (word, ITALIC)], len(before + word))
    italic = canvas.font(26, italic=True)
    pen = 10 + canvas.font(26).size(before)[0]
    lean = italic.metrics("f")[0][0]  # where the f's ink starts, from its pen position
    space = canvas.font(26).size(" ")[0]
    inked = [
        x for x in range(pen - space // 2, pen + 12) if any(canvas.surface.get_at((x, y))[0] < 160 for y in range(60))
    ]
    assert abs(inked[0] - (pen + min(0, lean))) <= 1  # the f's ink starts where the font puts it, not further right
    # and the line is measured as it is drawn
    flags = [0] * len(before) + [ITALIC] * len(word)
    assert styled_measure(canvas, 26, False, before + word, flags)(0, len(before + word)) == pytest.approx(
        canvas.font(26).size(before)[0] + italic.size(word)[0] + min(0, lean)
    )
