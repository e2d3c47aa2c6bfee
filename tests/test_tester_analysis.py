"""What the explorer remembers: visit-count caps (the rule in docs/TESTING.md), forgetting what can no longer be
read, and value classes."""

from __future__ import annotations

import pytest
from storybuild import build

from game.expressions import Compare, VarType, compile_expression
from game.tester.abstraction import compute_classes
from game.tester.analysis import comparison_caps, tracking
from game.tester.explore import explore

VARIABLES = {
    "grades": VarType("int", minimum=0, maximum=5),
    "score": VarType("int"),
    "brave": VarType("bool"),
}
SCENES = {"a", "b", "x"}


def caps(text: str) -> dict:
    tree = compile_expression(text, VARIABLES, SCENES).tree
    compare = tree if isinstance(tree, Compare) else next(node for node in tree.operands if isinstance(node, Compare))
    return comparison_caps(compare, {"grades": (0, 5), "score": (None, None)})


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("visited(x) > 0", {"x": 1}),
        ("visited(x) >= 1", {"x": 1}),
        ("visited(x) == 0", {"x": 1}),
        ("visited(x) >= 3", {"x": 3}),
        ("visited(x) == 2", {"x": 3}),
        ("visited(x) < 2", {"x": 2}),
        ("visited(x) <= 2", {"x": 3}),
        ("2 < visited(x)", {"x": 3}),
        ("visited(a) + visited(b) > 10", {"a": 11, "b": 11}),
        ("visited(a) + visited(a) >= 4", {"a": 2}),
        ("visited(x) - 1 > 2", {"x": 4}),
        ("-visited(x) < -2", {"x": 3}),
        ("visited(x) > grades", {"x": 6}),
        ("visited(x) + grades >= 4", {"x": 4}),
        ("visited(x) > score", {"x": None}),
        ("visited(a) - visited(b) > 3", {"a": None, "b": None}),
        ("visited(x) - visited(x) > 3", {"x": 0}),
    ],
)
def test_caps_follow_the_documented_rule(condition, expected):
    assert caps(condition) == expected


def test_a_cap_decides_every_comparison_like_the_real_count():
    """Brute force: for counts up to 30, the capped count gives the same answer as the real one."""
    for text in ("visited(x) >= 3", "visited(a) + visited(b) > 10", "visited(x) > grades", "visited(x) - 1 == 2"):
        compiled = compile_expression(text, VARIABLES, SCENES)
        found = caps(text)
        for grades in range(6):
            for a in range(31):
                for b in range(31):
                    visits = {"x": a, "a": a, "b": b}
                    capped = {scene: min(count, found.get(scene) or count) for scene, count in visits.items()}
                    variables = {"grades": grades, "score": 0, "brave": False}
                    assert compiled.fn(variables, visits) == compiled.fn(variables, capped), (text, visits)


LOOP = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Hub."
    - if: "visited(b) > 1"
      then:
        - narrate: "Only words: this if decides nothing."
  choices:
    - text: "Go round"
      goto: b
    - text: "Leave"
      if: "visited(b) >= 2 and grades >= 3"
      goto: c
    - text: "Study"
      once: true
      add: {grades: 2}
      goto: a
b:
  title: "B"
  chapter: One
  lines:
    - narrate: "Round."
  next: a
c:
  title: "C"
  chapter: One
  lines:
    - set: {grades: 0}
    - narrate: "Out."
  choices:
    - text: "On"
      goto: d
d:
  title: "D"
  chapter: One
  lines:
    - if: "brave"
      then:
        - narrate: "Brave."
  ending: done
"""


def test_only_deciding_conditions_keep_counts_and_items_are_forgotten_past_their_readers(tmp_path):
    story = build(tmp_path, LOOP)
    found = tracking(story)
    assert found.caps == {"b": 2}  # the words-only if's visited(b) > 1 does not count; the guard's >= 2 does
    assert found.topo["a"] == found.topo["b"] < found.topo["c"] < found.topo["d"]
    once = story.scenes["a"].choices[2].id
    assert found.horizon == {"b": found.topo["a"], once: found.topo["a"]}
    exploration = explore(story)
    for scene, _, visits, taken, _ in exploration.keys:
        if scene in ("c", "d"):
            assert visits == frozenset() and taken == frozenset()  # forgotten: nothing can read them any more


def test_value_classes_group_what_nothing_tells_apart(tmp_path):
    story = build(tmp_path, LOOP)
    classes = compute_classes(story)
    # At a, grades matters as "at least 3" now, or after "Study" adds 2 (clamped at 5): 0 | 1 2 | 3 4 5 ...
    assert classes.entry["a"]["grades"] == (0, 1, 1, 2, 2, 2)
    # ... c sets it before any read, and d reads nothing: one class.
    assert classes.entry["c"]["grades"] == (0,) * 6
    assert classes.entry["d"]["grades"] == (0,) * 6
    # brave is only read by an if that shows words: never told apart.
    assert classes.entry["a"]["brave"] == (0, 0)
    assert classes.canon_maps("c") == (
        ("grades", dict.fromkeys(range(6), 0)),
        ("brave", {False: False, True: False}),
        ("room", {"tao": "tao", "isaac": "tao"}),
    )


def test_variables_read_together_stay_exact(tmp_path):
    manifest = """\
    title: "Test"
    start: a
    characters: {}
    variables:
      x: {type: int, default: 0, min: 0, max: 3}
      y: {type: int, default: 0, min: 0, max: 3}
      z: {type: int, default: 0, min: 0, max: 3}
    endings:
      done: {title: "Done"}
    """
    scenes = """\
    a:
      title: "A"
      chapter: One
      lines:
        - narrate: "Sum."
      choices:
        - text: "Enough"
          if: "x + y >= 5"
          goto: e
        - text: "More x"
          add: {x: 1}
          goto: a
        - text: "More y"
          add: {y: 1}
          goto: a
        - text: "More z"
          if: "z < 3"
          add: {z: 1}
          goto: a
    e:
      title: "E"
      chapter: One
      lines:
        - narrate: "Done."
      ending: done
    """
    story = build(tmp_path, scenes, manifest=manifest)
    classes = compute_classes(story)
    assert classes.exact == frozenset({"x", "y"})
    assert classes.entry["a"]["x"] == (0, 1, 2, 3)
    assert classes.entry["a"]["z"] == (0, 1, 2, 3)
    assert classes.entry["e"]["z"] == (0, 0, 0, 0)
    assert classes.entry["e"]["x"] == (0, 0, 0, 0)  # read together, but never again after a
    exploration = explore(story)
    assert exploration.states == 4 * 4 * 4 + 1  # every (x, y, z) at a; at e nothing is read any more: one state
