"""Shortest paths to explored states, as steps a person (or a playthrough file) can follow.

The explorer keeps one parent pointer per state, never whole paths. A path is rebuilt by walking those pointers
back to the start; each choice step gets the number it has on screen at that moment (locked choices count, used
once-choices and hidden ones do not), found by replaying the parent state's scene with `run_silently` and asking
the machine's own `choice_is_shown`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from game.machine import PlayState, choice_is_shown
from game.model import Story
from game.program import run_silently
from game.tester.explore import VIA_FALLBACK, VIA_GOTO, VIA_NEXT, Exploration
from game.wording import plural

TAKE_NEXT = "next"
TAKE_GOTO = "goto"
TAKE_FALLBACK = "fallback"
TAKE_FINISH = "finish"

# How much of a path a report prints: the first and last choice lines, with a count of those left out between,
# and the first and last scenes of a run passed without a choice. Whole paths go to `--witnesses` files and JSON.
SHOWN_FIRST = 6
SHOWN_LAST = 4
SHOWN_PASSED = 6


@dataclass(frozen=True)
class PathStep:
    """Leaving `scene`: by a choice (`take` is its text, `number` its place on screen) or by next/goto/fallback."""

    scene: str
    take: str
    number: int | None = None  # on-screen number, for choices only
    choice: int | None = None  # the choice's index in the scene (fallbacks too)

    @property
    def is_choice(self) -> bool:
        return self.number is not None

    def to_json(self) -> dict:
        data: dict = {"scene": self.scene, "take": self.take}
        if self.number is not None:
            data["number"] = self.number
        return data

    def describe(self) -> str:
        if self.is_choice:
            return f'{self.scene}: choose {self.number}. "{self.take}"'
        return f"{self.scene}: {self.take}"


@dataclass(frozen=True)
class Path:
    """The steps from the start to the entry of `scene` (plus a final `finish` step for endings)."""

    start: str
    steps: tuple[PathStep, ...]
    scene: str
    given: tuple[tuple[str, object], ...] = ()

    @property
    def choices(self) -> int:
        return sum(1 for step in self.steps if step.is_choice)

    @property
    def finishes(self) -> bool:
        return bool(self.steps) and self.steps[-1].take == TAKE_FINISH

    @property
    def scenes(self) -> list[str]:
        """The scenes entered in order, the start first and `scene` last."""
        return [step.scene for step in self.steps if step.take != TAKE_FINISH] + [self.scene]

    def to_json(self) -> list[dict]:
        return [step.to_json() for step in self.steps]

    def describe(self, indent: str = "    ", *, bounded: bool = True) -> list[str]:
        """One line per choice, with the automatic steps between folded in as scene names.

        Bounded (the default), a long path shows its first `SHOWN_FIRST` and last `SHOWN_LAST` lines with the
        number of choices left out between, and a long run of scenes passed without a choice its ends and a count.
        """
        lines = []
        passed: list[str] = []
        for step in self.steps:
            if step.is_choice:
                lead = f"{_scenes(passed, bounded)} > " if passed else ""
                lines.append(f'{indent}{lead}{step.scene}: {step.number}. "{step.take}"')
                passed = []
            elif step.take != TAKE_FINISH:
                passed.append(step.scene)
        tail = _scenes([*passed, self.scene], bounded)
        lines.append(f"{indent}{tail}" + (" (the end)" if self.finishes else ""))
        if bounded and len(lines) > SHOWN_FIRST + SHOWN_LAST + 1:
            left_out = len(lines) - SHOWN_FIRST - SHOWN_LAST
            more = f"{left_out:,} more choice{'' if left_out == 1 else 's'}"
            lines = [*lines[:SHOWN_FIRST], f"{indent}... {more} ...", *lines[-SHOWN_LAST:]]
        return lines


def _scenes(scenes: list[str], bounded: bool) -> str:
    """Scenes passed in a row, joined by ' > '; bounded, a long run keeps its ends and says how many are between."""
    if bounded and len(scenes) > 2 * SHOWN_PASSED + 1:
        between = len(scenes) - 2 * SHOWN_PASSED
        scenes = [*scenes[:SHOWN_PASSED], f"... {plural(between, 'scene')} ...", *scenes[-SHOWN_PASSED:]]
    return " > ".join(scenes)


def path_to(exploration: Exploration, state_id: int, *, finish: bool = False) -> Path:
    """The path with the fewest choices to a state (and, with `finish`, on through its ending)."""
    chain: list[int] = []
    current = state_id
    while current != -1:
        chain.append(current)
        current = exploration.parent[current]
    chain.reverse()
    steps = [_step(exploration, source, exploration.via[target]) for source, target in pairwise(chain)]
    scene = exploration.keys[state_id][0]
    if finish:
        steps.append(PathStep(scene, TAKE_FINISH))
    start = exploration.keys[0][0]
    given = tuple(_given(exploration).items())
    return Path(start, tuple(steps), scene, given)


def _given(exploration: Exploration) -> dict[str, object]:
    defaults = exploration.story.defaults()
    return {name: value for name, value in exploration.start_values.items() if defaults[name] != value}


def _step(exploration: Exploration, source: int, how: int) -> PathStep:
    scene_id = exploration.keys[source][0]
    if how < 0 or exploration.story.scenes[scene_id].choices[how].fallback:  # no number: no state needed
        return step_at(exploration.story, PlayState(scene_id, {}, {}, set()), how)
    return step_at(exploration.story, exploration.play_state(source), how)


def step_at(story: Story, state: PlayState, how: int) -> PathStep:
    """The step leaving a scene by choice `how`, from the state at its entry (changed: pass a copy to keep it)."""
    scene_id = state.state
    scene = story.scenes[scene_id]
    if how == VIA_NEXT:
        return PathStep(scene_id, TAKE_NEXT)
    if how == VIA_GOTO:
        return PathStep(scene_id, TAKE_GOTO)
    choice = scene.choices[how]
    if choice.fallback:
        return PathStep(scene_id, TAKE_FALLBACK, None, how)
    program = story.programs[scene_id]
    if program.has_effects:
        run_silently(program, state.variables, state.visits)
    number = 0
    for other in scene.choices:
        if choice_is_shown(other, state):
            number += 1
        if other.index == how:
            break
    return PathStep(scene_id, choice.text or "", number, how)


__all__ = ["VIA_FALLBACK", "Path", "PathStep", "path_to"]
