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


SOUNDNESS_MANIFEST = """\
title: "Tally"
start: s0
characters: {}
variables:
  score: {type: int, default: 0, min: 0, max: 4}
  total: {type: int, default: 0, min: 0, max: 8}
  flag: {type: bool, default: false}
endings:
  low: {title: "Low"}
  top: {title: "Top"}
"""

# `score` is never read by any condition: only the expression worked out in `TALLY` reads it. An analysis that
# forgot the expression's reads would merge all of its values (and skip the scene as not touching it), so the
# tester would play every state with score 0 and never reach `top`.
SOUNDNESS_SCENES = """\
s0:
  title: S
  choices:
    - {text: "Up", goto: s0, add: {score: 1}}
    - {text: "Go", goto: mid}
mid:
  title: M
  lines: [{narrate: "On."}]
  next: tally
tally:
  title: T
  TALLY
fin:
  title: F
  lines:
    - if: "CONDITION"
      then: [{goto: high}]
  ending: low
high:
  title: H
  ending: top
"""

TALLIES = {
    "a set beat": ('lines: [{set: {flag: "score >= 3"}}]\n  next: fin', "flag"),
    "a choice's set": ('choices:\n    - {text: "Tally", goto: fin, set: {flag: "score >= 3"}}', "flag"),
    "an add beat": ('lines: [{add: {total: "score + score"}}]\n  next: fin', "total >= 6"),
    "a choice's add": ('choices:\n    - {text: "Tally", goto: fin, add: {total: "score + score"}}', "total >= 6"),
}


@pytest.mark.parametrize("tally", list(TALLIES), ids=list(TALLIES))
def test_the_tester_never_merges_values_an_expression_tells_apart(tmp_path, tally):
    body, condition = TALLIES[tally]
    scenes = SOUNDNESS_SCENES.replace("TALLY", body).replace("CONDITION", condition)
    story = build(tmp_path, scenes, manifest=SOUNDNESS_MANIFEST)
    exploration = explore(story)
    assert not exploration.partial
    assert set(exploration.endings_at.values()) == {"low", "top"}
    # And the way there is a real one: three times "Up", then on.
    from game.tester.checks import build_report

    top = next(ending for ending in build_report(exploration).endings if ending.id == "top")
    assert top.reachable and top.path is not None
    assert [step.take for step in top.path.steps][:4] == ["Up", "Up", "Up", "Go"]


def test_a_write_read_only_by_an_expression_is_not_dead(tmp_path):
    from game.tester.variables import variable_uses

    scenes = SOUNDNESS_SCENES.replace("TALLY", TALLIES["a set beat"][0]).replace("CONDITION", "flag")
    scenes = scenes.replace('lines: [{narrate: "On."}]', "lines: [{add: {score: 1}}]")
    story = build(tmp_path, scenes, manifest=SOUNDNESS_MANIFEST)
    uses = variable_uses(story)
    assert uses["score"].dead_writes == []
    assert uses["score"].reads >= 1
