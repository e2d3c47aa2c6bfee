"""How fast the branch tester explores, against the fastest walk of the same states.

Generates stories of 1,000 and 10,000 scenes (variables, conditions, choices, once-choices, visit counts, hubs
revisited, gotos and fallbacks), writes them to a temporary folder and loads them with the real loader. Then
explores each twice over the same compiled story, with the same state keys, the same deduplication and the same
loop:

- the tester: every transition fired through the story's `transitions` machine, as in play;
- the limit: every transition looked up in plain dictionaries built from the compiled scenes (`DictWalk`, kept
  here only, as the baseline to compare with; it is a second copy of the rules, which the tester must not have).

It prints states per second for both and the ratio (target: the tester within 3x of the limit).

    python bench/bench_explore.py [--scenes 1000 10000] [--repeat 5] [--profile] [--story story]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.loader import load_story
from game.machine import FALLBACK, FINISH, NEXT, PlayState, choice_trigger, ending_state
from game.model import Story
from game.program import apply_add, goto_trigger
from game.tester.explore import Explorer

SCENES_PER_SEGMENT = 10

MANIFEST = """\
title: "Bench {scenes}"
start: h0
characters:
  tao: {{name: Tao, color: "#e07a5f"}}
variables:
  score: {{type: int, default: 0, min: 0, max: 4}}
  mood: {{type: int, default: 0, min: 0, max: 3}}
  flag: {{type: bool, default: false}}
  side: {{type: enum, values: [none, left, right], default: none}}
  total: {{type: int, default: 0, min: 0, max: 3}}
invariants:
  - "score <= 4 and mood <= 3"
endings:
  calm: {{title: "Calm"}}
  bold: {{title: "Bold"}}
"""

SEGMENT = """\
h{k}:
  title: "Hub {k}"
  chapter: "Part {k}"
  lines:
    - narrate: "A crossroads."
    - if: "visited(h{k}) > 4"
      then:
        - narrate: "You have been here a while."
  choices:
    - text: "Look around"
      once: true
      add: {{score: 1}}
      goto: a{k}
    - text: "Talk to Tao"
      if: "mood < 3"
      goto: b{k}
    - text: "Wander"
      goto: c{k}
    - text: "Leave"
      if: "visited(h{k}) >= 3 or flag"
      goto: x{k}
    - text: "Rest"
      if: "score >= 3"
      locked: "Not tired yet"
      goto: e{k}
a{k}:
  title: "Looking {k}"
  chapter: "Part {k}"
  lines:
    - narrate: "Posters."
    - if: "score >= 2"
      then:
        - set: {{flag: true}}
  next: h{k}
b{k}:
  title: "Talking {k}"
  chapter: "Part {k}"
  lines:
    - tao: "Hi."
    - add: {{mood: 1}}
  next: h{k}
c{k}:
  title: "Wandering {k}"
  chapter: "Part {k}"
  lines:
    - narrate: "Two corridors."
  choices:
    - text: "Left"
      set: {{side: left}}
      goto: h{k}
    - text: "Right"
      set: {{side: right}}
      goto: d{k}
    - text: "Back the way you came"
      if: "side == 'left' and visited(c{k}) + visited(d{k}) > 3"
      goto: e{k}
    - fallback: true
      goto: h{k}
d{k}:
  title: "The Right Corridor {k}"
  chapter: "Part {k}"
  lines:
    - narrate: "Quiet."
    - if: "visited(d{k}) >= 2"
      then:
        - goto: x{k}
  next: h{k}
e{k}:
  title: "Resting {k}"
  chapter: "Part {k}"
  lines:
    - add: {{mood: -1}}
  choices:
    - text: "Get up"
      goto: h{k}
    - text: "Keep going"
      if: "mood >= 1"
      goto: x{k}
x{k}:
  title: "Onwards {k}"
  chapter: "Part {k}"
  lines:
    - if: "score >= 3"
      then:
        - add: {{total: 1}}
    - set: {{score: 0, mood: 0, flag: false, side: none}}
  next: y{k}
y{k}:
  title: "On the Way {k}"
  chapter: "Part {k}"
  lines:
    - narrate: "The path goes on."
  next: z{k}
z{k}:
  title: "Nearly There {k}"
  chapter: "Part {k}"
  lines:
    - narrate: "Almost."
  next: w{k}
w{k}:
  title: "Arriving {k}"
  chapter: "Part {k}"
  lines:
    - narrate: "A new place."
  next: {after}
"""

ENDINGS = """\
finale:
  title: "Finale"
  chapter: "End"
  lines:
    - narrate: "The end of the road."
  choices:
    - text: "Sit down"
      goto: calm_end
    - text: "Run"
      if: "total >= 2"
      goto: bold_end
calm_end:
  title: "Calm"
  chapter: "End"
  lines:
    - narrate: "Calm."
  ending: calm
bold_end:
  title: "Bold"
  chapter: "End"
  lines:
    - narrate: "Bold."
  ending: bold
"""


def write_story(folder: Path, scenes: int) -> Path:
    """A story of about `scenes` scenes: segments of ten (a hub and its rooms), then an ending."""
    segments = max(1, scenes // SCENES_PER_SEGMENT)
    story = folder / f"bench{scenes}"
    (story / "scenes").mkdir(parents=True)
    (story / "story.yaml").write_text(MANIFEST.format(scenes=scenes), encoding="utf-8")
    chunk = 100
    for first in range(0, segments, chunk):
        parts = []
        for k in range(first, min(first + chunk, segments)):
            after = f"h{k + 1}" if k + 1 < segments else "finale"
            parts.append(SEGMENT.format(k=k, after=after))
        (story / "scenes" / f"part{first // chunk:03d}.yaml").write_text("".join(parts), encoding="utf-8")
    (story / "scenes" / "zz_end.yaml").write_text(ENDINGS, encoding="utf-8")
    return story


# -- the limit: the same exploration with plain dictionaries for transitions ------------------------------------------


def dict_table(story: Story) -> dict[str, dict[str, tuple]]:
    """scene -> trigger -> (target state, condition fn, once id to check, sets, adds, once id to record)."""
    table: dict[str, dict[str, tuple]] = {}
    for scene_id, scene in story.scenes.items():
        entries: dict[str, tuple] = {}
        for slot, target in enumerate(story.programs[scene_id].goto_targets):
            entries[goto_trigger(slot)] = (target, None, None, (), (), None)
        if scene.next is not None:
            entries[NEXT] = (scene.next, None, None, (), (), None)
        if scene.ending is not None:
            entries[FINISH] = (ending_state(scene.ending), None, None, (), (), None)
        for choice in scene.choices:
            sets = tuple((change.variable, change.value) for change in choice.sets)
            adds = tuple(
                (
                    change.variable,
                    change.value,
                    story.variables[change.variable].type.minimum,
                    story.variables[change.variable].type.maximum,
                )
                for change in choice.adds
            )
            once = choice.id if choice.once else None
            condition = choice.condition.fn if choice.condition is not None else None
            trigger = FALLBACK if choice.fallback else choice_trigger(choice.index)
            entries[trigger] = (choice.goto, condition, once, sets, adds, once)
        table[scene_id] = entries
    return table


class DictWalk(Explorer):
    """The explorer with transitions looked up in dictionaries instead of fired through the machine."""

    def fire_function(self) -> Callable[[PlayState, str], bool]:
        table = dict_table(self.story)
        scenes = self.story.scenes

        def fire(state: PlayState, trigger: str) -> bool:
            target, condition, check_once, sets, adds, record_once = table[state.state][trigger]
            if check_once is not None and check_once in state.once:
                return False
            if condition is not None and not condition(state.variables, state.visits):
                return False
            variables = state.variables
            for name, value in sets:
                variables[name] = value
            if adds:
                apply_add(variables, adds)
            if record_once is not None:
                state.once.add(record_once)
            state.state = target
            if target in scenes:
                state.visits[target] = state.visits.get(target, 0) + 1
            return True

        return fire


# -- measuring -------------------------------------------------------------------------------------------------------


def measure(explorers: list[Explorer], repeat: int) -> list[tuple[float, int, int]]:
    """For each explorer: best CPU seconds over `repeat` runs (taken in turns, so whatever else the machine does
    hits both alike), and the states and transitions found."""
    best = [float("inf")] * len(explorers)
    found = [(0, 0)] * len(explorers)
    for _ in range(repeat):
        for index, explorer in enumerate(explorers):
            started = time.process_time()  # CPU time: other work on the machine does not count
            result = explorer.run()
            best[index] = min(best[index], time.process_time() - started)
            found[index] = (result.states, result.transitions)
            assert not result.partial
    return [(seconds, *counts) for seconds, counts in zip(best, found)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="profile one tester run of the largest story")
    parser.add_argument("--story", type=Path, action="append", default=[], help="also measure this story folder")
    args = parser.parse_args(argv)
    print(f"{'scenes':>7} {'states':>9} {'edges':>9} {'tester states/s':>16} {'dict walk states/s':>19} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for scenes in [*args.scenes, *args.story]:
            started = time.perf_counter()
            story = load_story(scenes if isinstance(scenes, Path) else write_story(Path(folder), scenes))
            loading = time.perf_counter() - started
            story.machine  # built once, as in the game  # noqa: B018
            (tester_time, states, transitions), (walk_time, walk_states, walk_transitions) = measure(
                [Explorer(story, max_states=50_000_000), DictWalk(story, max_states=50_000_000)], args.repeat
            )
            if (walk_states, walk_transitions) != (states, transitions):
                print(f"the walks differ: {states}/{transitions} against {walk_states}/{walk_transitions}")
                return 1
            print(
                f"{len(story.scenes):>7,} {states:>9,} {transitions:>9,} {states / tester_time:>16,.0f} "
                f"{states / walk_time:>19,.0f} {tester_time / walk_time:>5.2f}x   (loaded in {loading:.1f} s)"
            )
            if args.profile and scenes == max(args.scenes):
                profiler = cProfile.Profile()
                profiler.enable()
                Explorer(story, max_states=50_000_000).run()
                profiler.disable()
                pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
