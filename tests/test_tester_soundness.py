"""The tester's reductions (value classes, capped and forgotten visit counts, forgotten once-choices) lose nothing.

Random small stories, with loops, visit-count conditions (compared with numbers, summed, compared with a variable),
variables read together, once-choices, locked choices, fallbacks and gotos, are explored twice: by the tester, and
by a naive search over full concrete states (every exact value and visit count), bounded in depth. Everything the
naive search finds, the tester finds with at most as many choices; and every path the tester reports, written as
a witness and replayed through the playthrough API, reaches what it claims.
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, reject, settings
from hypothesis import strategies as st
from storybuild import write_story

from game.loader import load_story
from game.machine import PlayState
from game.model import Story
from game.problems import StoryError
from game.program import run_silently
from game.scripts import load_playthrough_file, run_script
from game.tester.checks import build_report
from game.tester.explore import expand, explore
from game.tester.witnesses import write_witnesses

MANIFEST = """\
title: "Random"
start: s0
characters: {}
variables:
  n: {type: int, default: 0, min: 0, max: 3}
  m: {type: int, default: 0, min: 0, max: 2}
  b: {type: bool, default: false}
  e: {type: enum, values: [x, y, z], default: x}
invariants:
  - "not (b and n >= 2)"
  - "m <= 1 or e != 'z'"
endings:
  e0: {title: "Zero"}
  e1: {title: "One"}
"""


@contextmanager
def generated_story(scenes: dict, manifest: str = MANIFEST) -> Iterator[tuple[Story, Path]]:
    """A drawn story written to a temporary folder and loaded, with that folder. The strategies can draw a story
    the loader refuses: hypothesis is told it is no example."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        try:
            story = load_story(write_story(root, yaml.safe_dump(scenes, sort_keys=False), manifest))
        except StoryError:
            reject()
        yield story, root


NAIVE_CHOICES = 5
NAIVE_STEPS = 24
NAIVE_STATES = 30_000


@st.composite
def conditions(draw, scenes: list[str]) -> str:
    scene = st.sampled_from(scenes)
    atom = draw(
        st.sampled_from(
            [
                f"n >= {draw(st.integers(0, 4))}",
                f"n == {draw(st.integers(0, 3))}",
                f"m < {draw(st.integers(1, 2))}",
                "b",
                "not b",
                f"e == '{draw(st.sampled_from('xyz'))}'",
                f"visited({draw(scene)}) >= {draw(st.integers(1, 3))}",
                f"visited({draw(scene)}) == {draw(st.integers(0, 2))}",
                f"visited({draw(scene)}) + visited({draw(scene)}) > {draw(st.integers(1, 4))}",
                f"visited({draw(scene)}) > n",
                f"n + m >= {draw(st.integers(1, 5))}",
            ]
        )
    )
    joined = draw(st.sampled_from(["", "and", "or", "not"]))
    if joined == "not":
        return f"not ({atom})"
    if joined:
        other = draw(st.sampled_from(["b", "n <= 1", f"visited({draw(scene)}) > 0", "e != 'y'", "m == 2"]))
        return f"{atom} {joined} {other}"
    return atom


@st.composite
def effects(draw) -> dict:
    return draw(
        st.sampled_from(
            [
                {"add": {"n": draw(st.sampled_from([1, 2, -1]))}},
                {"add": {"m": 1}},
                {"set": {"n": draw(st.integers(0, 3))}},
                {"set": {"b": draw(st.booleans())}},
                {"set": {"e": draw(st.sampled_from(["x", "y", "z"]))}},
                {"set": {"n": "m + 1"}},  # expressions: kept exact where read, clamped to the range
                {"add": {"n": "m - 1"}},
                {"set": {"b": "n >= 2", "m": "n - m"}},
            ]
        )
    )


@st.composite
def stories(draw) -> dict:
    count = draw(st.integers(3, 7))
    names = [f"s{index}" for index in range(count)]
    targets = [*names, "end0", "end1"]
    scenes: dict = {}
    for name in names:
        lines: list = [{"narrate": f"In {name}."}]
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(["effect", "if", "if_goto"]))
            if kind == "effect":
                lines.append(draw(effects()))
            else:
                then = [draw(effects())] if kind == "if" else [{"goto": draw(st.sampled_from(targets))}]
                beat = {"if": draw(conditions(names)), "then": then}
                if draw(st.booleans()):
                    beat["else"] = [draw(effects())]
                lines.append(beat)
        scene: dict = {"title": name, "chapter": "One", "lines": lines}
        if draw(st.integers(0, 4)) == 0:
            scene["next"] = draw(st.sampled_from(targets))
        else:
            choices = []
            for index in range(draw(st.integers(1, 3))):
                choice: dict = {"text": f"Choice {index + 1} of {name}", "goto": draw(st.sampled_from(targets))}
                if draw(st.booleans()):
                    choice["if"] = draw(conditions(names))
                    if draw(st.integers(0, 3)) == 0:
                        choice["locked"] = "Not now"
                if draw(st.integers(0, 3)) == 0:
                    choice["once"] = True
                if draw(st.integers(0, 2)) == 0:
                    choice.update(draw(effects()))
                choices.append(choice)
            if draw(st.integers(0, 2)) == 0:
                choices.append({"fallback": True, "goto": draw(st.sampled_from(targets))})
            scene["choices"] = choices
        scenes[name] = scene
    for number in (0, 1):
        scenes[f"end{number}"] = {
            "title": f"End {number}",
            "chapter": "End",
            "lines": [{"narrate": "The end."}],
            "ending": f"e{number}",
        }
    return scenes


def naive(story) -> dict:
    """Fewest-choices-first search over full concrete states, bounded; what it finds, at how many choices."""
    start = PlayState(story.start, story.defaults(), {story.start: 1}, set())
    found: dict = {"scenes": {}, "endings": {}, "locks": {}, "broken": {}, "taken": set()}
    seen: set = set()
    queue: deque = deque([(start, 0, 0)])
    while queue and len(seen) < NAIVE_STATES:
        state, choices, steps = queue.popleft()
        key = (state.state, tuple(state.variables.items()), frozenset(state.visits.items()), frozenset(state.once))
        if key in seen:
            continue
        seen.add(key)
        scene = story.scenes[state.state]
        found["scenes"].setdefault(scene.id, choices)
        probe = state.copy()
        program = story.programs[scene.id]
        left_by_goto = program.has_effects and run_silently(program, probe.variables, probe.visits) is not None
        for number, invariant in enumerate(story.invariants):
            fn = invariant.condition.fn
            if not fn(state.variables, state.visits) or not fn(probe.variables, probe.visits):
                found["broken"].setdefault(number, choices)
        if steps >= NAIVE_STEPS:
            continue
        ending, successors = expand(story, state.copy())
        if ending is not None:
            found["endings"].setdefault(ending, choices)
        if scene.exit_kind == "choices" and not left_by_goto and not successors:
            found["locks"].setdefault(scene.id, choices)
        for how, successor in successors:
            chosen = how >= 0 and not scene.choices[how].fallback
            if how >= 0:
                found["taken"].add((scene.id, how))
            if not chosen:
                queue.appendleft((successor, choices, steps + 1))
            elif choices < NAIVE_CHOICES:
                queue.append((successor, choices + 1, steps + 1))
    return found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_reductions_lose_nothing_and_every_witness_replays(scenes):
    with generated_story(scenes, MANIFEST) as (story, root):
        exploration = explore(story, max_states=200_000)
        assert not exploration.partial
        report = build_report(exploration)
        distance = exploration.distance
        at_scene: dict[str, int] = {}
        for state_id, key in enumerate(exploration.keys):
            at_scene[key[0]] = min(at_scene.get(key[0], 1 << 30), distance[state_id])
        found = naive(story)
        event(f"naive: {len(found['endings'])} endings, {len(found['locks'])} locks, {len(found['broken'])} broken")
        event(f"tester: {len(report.soft_locks)} soft-locks, {len(exploration.tracking.caps)} counts kept")
        for scene, choices in found["scenes"].items():
            assert at_scene[scene] <= choices, scene
        endings = {ending.id: ending for ending in report.endings}
        for ending, choices in found["endings"].items():
            assert endings[ending].reachable and endings[ending].path.choices <= choices
        locks = {lock.scene: lock.path.choices for lock in report.soft_locks if lock.kind == "menu"}
        for scene, choices in found["locks"].items():
            assert scene in locks and locks[scene] <= choices
        sources = [invariant.condition.source for invariant in story.invariants]
        broken = {sources.index(violation.invariant): violation for violation in report.invariant_violations}
        for number, choices in found["broken"].items():
            assert number in broken and broken[number].path.choices <= choices
        taken = {(exploration.keys[source][0], how) for source, how in zip(exploration.edge_from, exploration.edge_via)}
        assert found["taken"] <= taken
        unreachable = {scene.scene for scene in report.unreachable_scenes}
        assert not unreachable & set(found["scenes"])
        for witness in write_witnesses(exploration, report, root / "witnesses"):
            script = load_playthrough_file(witness.file, story)
            result = run_script(script, story)
            assert result.passed, result.failure.report(script) + "\n" + witness.file.read_text()
            if script.end is not None:
                assert result.ended == script.end
