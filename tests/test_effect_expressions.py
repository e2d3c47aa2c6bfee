"""Expressions in `set` and `add`: loading (typed, at exact columns), playing, choices, the tester and the linter."""

from __future__ import annotations

import pytest
from storybuild import MANIFEST, build, problems_of

from game.authoring.graph import build_map
from game.authoring.lint import lint_story
from game.events import Choices
from game.playthrough import Playthrough
from game.tester.explore import explore

TWO_ROOMS = MANIFEST.replace(
    "room: {type: enum, values: [tao, isaac], default: tao}",
    "room: {type: enum, values: [tao, isaac], default: tao}\n"
    "  last_room: {type: enum, values: [isaac, tao], default: isaac}\n"
    "  told: {type: int, default: 0}",
)


def play_to_end(story, choices=()):
    playthrough = Playthrough(story, seed=0)
    pending = list(choices)
    while playthrough.ended is None:
        event = playthrough.continue_()
        if isinstance(event, Choices):
            playthrough.choose(pending.pop(0))
    return playthrough


def test_beats_compute_values_in_order_and_clamp(tmp_path):
    scenes = """\
    a:
      title: A
      chapter: One
      lines:
        - set: {grades: "grades + 2", brave: "grades >= 4"}
        - add: {grades: "grades"}
        - set: {room: last_room, told: "told - 3 + visited(a)"}
      ending: done
    """
    story = build(tmp_path, scenes, manifest=TWO_ROOMS)
    ended = play_to_end(story)
    assert ended.variables["brave"] is True  # the second change saw the first
    assert ended.variables["grades"] == 5  # 4 + 4, clamped to max 5
    assert ended.variables["room"] == "isaac"
    assert ended.variables["told"] == -2  # an int without bounds is not clamped


def test_choice_effects_read_counts_before_the_target_is_entered(tmp_path):
    scenes = """\
    a:
      title: A
      chapter: One
      choices:
        - {text: "Again", goto: a, set: {grades: "visited(a)"}, add: {told: "grades"}}
        - {text: "Stop", goto: b}
    b:
      title: B
      chapter: One
      ending: done
    """
    story = build(tmp_path, scenes, manifest=TWO_ROOMS)
    ended = play_to_end(story, [0, 0, 1])
    # first choice: a entered once -> grades 1, told 1; second: twice -> grades 2, told 3
    assert ended.variables["grades"] == 2 and ended.variables["told"] == 3


@pytest.mark.parametrize(
    ("effect", "at", "message"),
    [
        ('{set: {grades: "grdes + 1"}}', "grdes", "unknown variable 'grdes'"),
        ('{set: {brave: "grades + 1"}}', "grades", "must be true or false"),
        ('{add: {grades: "brave"}}', "brave", "expected a number"),
        ('{set: {grades: "grades = 1"}}', "=", "'=='"),
        ("{set: {room: brave}}", "brave", "must be one of"),
        ("{set: {room: taoo}}", "taoo", "must be one of"),
    ],
)
def test_wrong_expressions_are_reported_at_their_column(tmp_path, effect, at, message):
    scenes = f"a:\n  title: A\n  chapter: One\n  lines:\n    - {effect}\n  ending: done\n"
    problems = problems_of(tmp_path, scenes)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.line, problem.column) == (5, len("    - ") + effect.index(at) + 1), problem
    assert message in problem.message and problem.hint


def test_the_tester_follows_computed_values(tmp_path):
    manifest = TWO_ROOMS.replace('  done: {title: "Done"}', '  done: {title: "Done"}\n  brave_end: {title: "Brave"}')
    scenes = """\
    a:
      title: A
      chapter: One
      choices:
        - {text: "Study", goto: a, add: {grades: "told + 1"}}
        - {text: "Decide", goto: b, set: {brave: "grades >= 4"}}
    b:
      title: B
      chapter: One
      lines:
        - if: brave
          then: [{goto: c}]
      ending: done
    c:
      title: C
      chapter: One
      ending: brave_end
    """
    story = build(tmp_path, scenes, manifest=manifest)
    exploration = explore(story)
    assert not exploration.partial
    assert set(exploration.endings_at.values()) == {"done", "brave_end"}
    drawn = build_map(story)
    assert "set brave = grades ≥ 4" in drawn.text
    assert "add grades + (told + 1)" in drawn.text
    assert all(problem.code != "HS000" for problem in lint_story(story).problems)


def test_a_variable_read_only_by_an_expression_or_text_counts_as_read(tmp_path):
    scenes = """\
    a:
      title: A
      chapter: One
      lines:
        - set: {grades: "told + 1"}
        - narrate: "{brave: Yes.|No.} {room}"
        - set: {brave: true, room: isaac, told: 2}
        - if: "grades > 0"
          then: [{narrate: "x"}]
      ending: done
    """
    story = build(tmp_path, scenes, manifest=TWO_ROOMS)
    unread = [p.message for p in lint_story(story).problems if p.code == "HS001"]
    assert not any(name in message for message in unread for name in ("'told'", "'brave'", "'room'")), unread
