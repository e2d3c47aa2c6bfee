"""Line-picking `if`s whose answer never changes (`--measures`): exact, never a false finding.

The explorer's value classes merge the values that only a line-picking `if` tells apart, so evaluating such an
`if` on a stored state can be wrong. Hand-made stories where exactly that would happen, the three outcomes
(always true, always false, both), and random stories checked against a naive search over full concrete states.
"""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from storybuild import build, write_story
from test_tester_soundness import MANIFEST as RANDOM_MANIFEST
from test_tester_soundness import conditions, effects, generated_story

from game.machine import PlayState
from game.model import EffectBeat, GotoBeat, IfBeat
from game.tester.analysis import deciding
from game.tester.explore import explore
from game.tester.line_ifs import LineIfs, line_if_findings

MANIFEST = """\
title: "Test"
start: a
characters: {}
variables:
  grades: {type: int, default: 2, min: 0, max: 5}
  brave: {type: bool, default: false}
  mood: {type: enum, values: [calm, cross], default: calm}
endings:
  done: {title: "Done"}
"""

# The last scene of the stories below: the way home, to the ending.
HOME = """\
c:
  title: "C"
  chapter: One
  lines:
    - narrate: "Home."
  ending: done
"""

# Study adds 1 to grades (2 -> 3); the only deciding condition is `grades >= 4`, so 2 and 3 share a class and a
# state keeps 2 for both. The line-picking `grades == 3` is true after Study and false after Rest: evaluated on the
# stored value it would look always false. `grades <= 3` is always true; `brave` is never set: always false.
MERGED = (
    """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Morning."
  choices:
    - text: "Study"
      add: {grades: 1}
      goto: b
    - text: "Rest"
      goto: b
b:
  title: "B"
  chapter: One
  lines:
    - if: "grades == 3"
      then:
        - narrate: "The revision shows."
      else:
        - narrate: "Nothing new."
    - if: "grades <= 3"
      then:
        - narrate: "Not top marks yet."
    - if: "brave"
      then:
        - narrate: "Bold today."
  choices:
    - text: "Push"
      if: "grades >= 4"
      goto: c
    - text: "Go home"
      goto: c
"""
    + HOME
)


def judged(tmp_path: Path, scenes: str) -> LineIfs:
    return line_if_findings(explore(build(tmp_path, scenes, manifest=MANIFEST)))


def findings(tmp_path: Path, scenes: str) -> dict[int, str]:
    return {item.where.line: item.outcome for item in judged(tmp_path, scenes).constant}


def line_of(scenes: str, text: str) -> int:
    return scenes.splitlines().index(text) + 1


def test_an_if_whose_values_share_a_class_is_judged_on_every_value(tmp_path):
    found = findings(tmp_path, MERGED)
    assert line_of(MERGED, '    - if: "grades == 3"') not in found  # both answers: not a finding
    assert found[line_of(MERGED, '    - if: "grades <= 3"')] == "always true"
    assert found[line_of(MERGED, '    - if: "brave"')] == "always false"
    assert len(found) == 2


# A loop: each round adds 1 to grades (clamped at 5) and the hub shows a line when grades is 5. Its class is one
# (nothing deciding reads grades), yet grades does reach 5 after three rounds: not always false. A visit count read
# only by lines (`visited(a) >= 2`) is kept by no state, and still both answers are found; `visited(a) >= 9` needs
# nine visits and grades never stops a round, so it is not "always false" either. `mood` is only ever set to
# `cross` just before the `if` reading it: always true there.
LOOP = (
    """\
a:
  title: "A"
  chapter: One
  lines:
    - if: "grades == 5"
      then:
        - narrate: "Top marks."
    - if: "visited(a) >= 2"
      then:
        - narrate: "Back again."
    - if: "visited(a) >= 9"
      then:
        - narrate: "Ninth time."
    - set: {mood: cross}
    - if: "mood == 'cross'"
      then:
        - narrate: "Still cross."
      else:
        - if: "grades > 100 - 100"
          then:
            - narrate: "Never shown."
  choices:
    - text: "Round"
      add: {grades: 1}
      goto: a
    - text: "Stop"
      goto: c
"""
    + HOME
)


def test_loops_counts_and_nested_ifs(tmp_path):
    result = judged(tmp_path, LOOP)
    found = {item.where.line: item.outcome for item in result.constant}
    answers = {where.line: seen for where, seen in result.answers.items()}
    assert answers[line_of(LOOP, '    - if: "grades == 5"')] == {True, False}
    assert answers[line_of(LOOP, '    - if: "visited(a) >= 2"')] == {True, False}
    assert answers[line_of(LOOP, '    - if: "visited(a) >= 9"')] == {True, False}
    assert found == {line_of(LOOP, "    - if: \"mood == 'cross'\""): "always true"}
    # The `if` nested in a way never taken is never evaluated: not a finding of its own (the outer one is).
    assert answers[line_of(LOOP, '        - if: "grades > 100 - 100"')] == frozenset()


# Two variables read together: `grades >= 3 and brave` is true only on the path that does both, and each of them is
# merged into one class (no deciding condition reads either). `grades + 0 >= 3 or not brave` never fails: a play
# that sets brave also studies. The same `if` inside a deciding `if`'s way is evaluated only where that way is taken.
TOGETHER = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Morning."
  choices:
    - text: "Study and dare"
      add: {grades: 1}
      set: {brave: true}
      goto: b
    - text: "Only study"
      add: {grades: 1}
      goto: b
    - text: "Neither"
      goto: b
b:
  title: "B"
  chapter: One
  lines:
    - if: "grades >= 3 and brave"
      then:
        - narrate: "Both."
    - if: "grades + 0 >= 3 or not brave"
      then:
        - narrate: "Never fails."
    - if: "brave"
      then:
        - set: {mood: cross}
        - if: "grades == 3"
          then:
            - narrate: "Only ever true here."
  ending: done
"""


def test_variables_read_together_and_ifs_inside_a_deciding_way(tmp_path):
    found = findings(tmp_path, TOGETHER)
    assert found == {
        line_of(TOGETHER, '    - if: "grades + 0 >= 3 or not brave"'): "always true",
        line_of(TOGETHER, '        - if: "grades == 3"'): "always true",
    }


def test_a_partial_exploration_judges_nothing(tmp_path):
    exploration = explore(build(tmp_path, MERGED, manifest=MANIFEST), max_states=2)
    assert exploration.partial
    assert line_if_findings(exploration).constant == []


# -- against a naive search over full concrete states --------------------------------------------------------------

NAIVE_STATES = 5_000
taken: dict = {}  # filled by `naive_answers`: variable -> the values it holds at a scene entry or where play stops
VISIT_CAP = 6  # every comparison the random stories write is decided by counts up to 5


@st.composite
def line_stories(draw) -> dict:
    """Random stories, loops allowed unless `forward`, with line-picking ifs (nested, and inside deciding ones)."""
    count = draw(st.integers(2, 5))
    names = [f"s{index}" for index in range(count)]
    forward = draw(st.booleans())

    def targets(position: int) -> list[str]:
        return [*(names[position + 1 :] if forward else names), "end0", "end1"]

    def line_if(depth: int) -> dict:
        beat: dict = {"if": draw(conditions(names)), "then": [{"narrate": "Then."}]}
        if depth < 1 and draw(st.booleans()):
            beat["then"].append(line_if(depth + 1))
        if draw(st.booleans()):
            beat["else"] = [line_if(depth + 1) if depth < 1 and draw(st.booleans()) else {"narrate": "Else."}]
        return beat

    scenes: dict = {}
    for position, name in enumerate(names):
        lines: list = [{"narrate": f"In {name}."}]
        for _ in range(draw(st.integers(1, 4))):
            kind = draw(st.sampled_from(["effect", "line_if", "line_if", "deciding"]))
            if kind == "effect":
                lines.append(draw(effects()))
            elif kind == "line_if":
                lines.append(line_if(0))
            else:
                then = [draw(effects()), line_if(1)]
                if draw(st.booleans()):
                    then.append({"goto": draw(st.sampled_from(targets(position)))})
                lines.append({"if": draw(conditions(names)), "then": then})
        scene: dict = {"title": name, "chapter": "One", "lines": lines}
        choices = []
        for index in range(draw(st.integers(1, 3))):
            choice: dict = {"text": f"Choice {index + 1} of {name}", "goto": draw(st.sampled_from(targets(position)))}
            if draw(st.integers(0, 2)) == 0:
                choice["if"] = draw(conditions(names))
            if draw(st.integers(0, 1)) == 0:
                choice.update(draw(effects()))
            choices.append(choice)
        choices.append({"fallback": True, "goto": draw(st.sampled_from(targets(position)))})
        scene["choices"] = choices
        scenes[name] = scene
    for number in (0, 1):
        scenes[f"end{number}"] = {"title": f"End {number}", "chapter": "End", "lines": [{"narrate": "The end."}]}
        scenes[f"end{number}"]["ending"] = f"e{number}"
    return scenes


def naive_answers(story) -> tuple[dict, bool]:
    """(where -> answers) of every line-picking `if` over every concrete state, and whether the search finished.

    Full states: every exact value and every visit count (capped at VISIT_CAP, which decides every comparison these
    stories write); each scene's beats interpreted directly from the tree, not from the compiled steps.
    """
    from game.tester.explore import expand

    answers: dict = {}
    taken.clear()
    start = PlayState(story.start, story.defaults(), {story.start: 1}, set())
    seen: set = set()
    queue = deque([start])
    while queue:
        if len(seen) >= NAIVE_STATES:
            return answers, False
        state = queue.popleft()
        state.visits = {scene: min(count, VISIT_CAP) for scene, count in state.visits.items()}
        key = (state.state, tuple(state.variables.items()), frozenset(state.visits.items()), frozenset(state.once))
        if key in seen:
            continue
        seen.add(key)
        after = dict(state.variables)
        interpret(story, story.scenes[state.state].beats, after, state.visits, answers)
        _, successors = expand(story, state.copy())
        queue.extend(successor for _, successor in successors)
        for name, value in (*state.variables.items(), *(after.items() if not successors else ())):
            taken.setdefault(name, set()).add(value)
    return answers, True


def interpret(story, beats, variables: dict, visits: dict, answers: dict) -> bool:
    """Play beats on concrete values, recording each line-picking `if`'s answer; False once a `goto` leaves."""
    for beat in beats:
        if isinstance(beat, EffectBeat):
            for change in beat.changes:  # one after another, each seeing the ones before
                value = change.value if change.expression is None else change.expression.fn(variables, visits)
                if beat.op == "add":
                    value = variables[change.variable] + value
                var_type = story.variables[change.variable].type
                if var_type.kind == "int":
                    value = min(max(value, var_type.minimum), var_type.maximum)
                variables[change.variable] = value
        elif isinstance(beat, GotoBeat):
            return False
        elif isinstance(beat, IfBeat):
            answer = bool(beat.condition.fn(variables, visits))
            if not deciding(beat):
                answers.setdefault(beat.where, set()).add(answer)
            if not interpret(story, beat.then if answer else beat.otherwise, variables, visits, answers):
                return False
    return True


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line_stories())
def test_line_ifs_agree_with_a_naive_search(scenes):
    with generated_story(scenes, RANDOM_MANIFEST) as (story, _):
        exploration = explore(story, max_states=200_000)
        result = line_if_findings(exploration)
        naive, finished = naive_answers(story)
        event(f"naive search finished: {finished}; constant ifs: {len(result.constant)}")
        event(f"some ifs not judged (a variable worked out from an expression): {bool(result.unjudged)}")
        judged = {where: seen for where, seen in result.answers.items()}
        unjudged = {where for _, where, _ in result.unjudged}
        for where, seen in naive.items():
            assert where in judged or where in unjudged, where
            if where in judged:
                assert seen <= judged[where], where  # every answer a play gives is found: no finding is ever false
        if finished:
            for where, seen in judged.items():
                assert seen == naive.get(where, set()), where  # and nothing else: the answers are exact
        for item in result.constant:
            assert naive[item.where] == {item.outcome == "always true"}
        if finished:
            for name, values in result.taken.items():
                assert values == taken[name], name  # so the values a variable never takes are exact too


def test_the_reports_list_them_with_file_and_line(tmp_path, capsys):
    from game.cli import main

    folder = write_story(tmp_path, MERGED, manifest=MANIFEST)
    main(["test", "--story", str(folder), "--json", "--measures"])
    data = json.loads(capsys.readouterr().out)
    found = [(item["scene"], item["line"], item["condition"], item["outcome"]) for item in data["constant_line_ifs"]]
    assert found == [("b", 21, "grades <= 3", "always true"), ("b", 24, "brave", "always false")]
    assert all(item["file"] == "story/scenes/main.yaml" for item in data["constant_line_ifs"])
    page = tmp_path / "report.html"
    main(["test", "--story", str(folder), "--html", str(page)])
    out = capsys.readouterr().out
    assert "Conditions that never change anything: 2" in out
    assert 'b: if "brave" is always false (the way it never takes is dead text)' in out
    assert "main.yaml:21</a> b: if “grades &lt;= 3” is always true" in page.read_text(encoding="utf-8")


def test_a_variable_written_from_an_expression_is_not_judged(tmp_path):
    # `brave` is worked out from grades in play: the group of `brave` is given up, never guessed.
    scenes = MERGED.replace("      add: {grades: 1}\n", '      add: {grades: 1}\n      set: {brave: "grades >= 3"}\n')
    result = judged(tmp_path, scenes)
    assert [(where.line, condition) for _, where, condition in result.unjudged] == [(25, "brave")]
    assert [item.condition for item in result.constant] == ["grades <= 3"]


def test_values_a_variable_never_takes(tmp_path, capsys):
    from game.cli import main

    # LOOP: grades starts at 2 and only ever grows; brave is never set; mood is calm at the start, then cross.
    folder = write_story(tmp_path, LOOP, manifest=MANIFEST)
    main(["test", "--story", str(folder), "--json", "--measures"])
    variables = json.loads(capsys.readouterr().out)["variables"]
    assert variables["grades"]["never_takes"] == [0, 1]
    assert variables["brave"]["never_takes"] == [True]
    assert variables["mood"]["never_takes"] == []
    main(["test", "--story", str(folder), "--measures"])
    assert "never takes: 0, 1 (no play holds it at any scene)" in capsys.readouterr().out
