"""Turning an exploration into findings: endings, unreached scenes, untaken choices (and why), soft-locks, broken
invariants, `if`s whose answer never changes, and on request variable ranges and points of no return.

Everything here reads the explored states and edges; where a finding needs to look inside a scene again (the
values at a menu, which way an `if` went) it replays that scene's steps with `run_silently` from the stored states,
so the answers come from the same compiled steps the game runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Literal

from game.machine import MAX_CALL_DEPTH
from game.model import Choice, Scene, Story
from game.program import OP_BRANCH, SceneProgram, run_silently
from game.tester.analysis import deciding, if_beats
from game.tester.explore import AT_ENTRY, Exploration
from game.tester.graph import EndingMasks, points_of_no_return, stuck_entries
from game.tester.paths import path_to
from game.tester.ranges import variable_ranges
from game.tester.report import (
    ConstantIf,
    EndingResult,
    ExploreReport,
    InvariantViolation,
    PointOfNoReturn,
    Severity,
    SoftLock,
    UnreachedScene,
    UntakenChoice,
)
from game.tester.verdicts import settle_claims


def build_report(exploration: Exploration, *, ranges: bool = False, no_return: bool = False) -> ExploreReport:
    story = exploration.story
    by_scene = states_by_scene(exploration)
    masks = EndingMasks(exploration)
    report = ExploreReport(
        states=exploration.states,
        transitions=exploration.transitions,
        partial=exploration.partial,
        max_states=0,
        endings=_endings(exploration, by_scene),
        unreachable_scenes=[
            UnreachedScene(scene.id, scene.where) for scene in story.scenes.values() if scene.id not in by_scene
        ],
        untaken_choices=_untaken(exploration, by_scene),
        soft_locks=_soft_locks(exploration, masks),
        invariant_violations=_violations(exploration),
        invariants_checked=len(story.invariants),
        constant_ifs=[] if exploration.partial else _constant_ifs(exploration, by_scene),
        stuck_states=stuck_entries(exploration, masks)[1],
        uncapped=dict(exploration.tracking.uncapped),
    )
    if ranges:
        report.ranges = variable_ranges(exploration)
    if no_return and not exploration.partial:  # what some play can still reach is unknown past the frontier
        report.points_of_no_return = _points_of_no_return(exploration, masks)
    settle_claims(exploration, report)
    return report


def states_by_scene(exploration: Exploration) -> dict[str, list[int]]:
    """Scene -> its explored states, in the order found (the first has the fewest choices behind it)."""
    found: dict[str, list[int]] = defaultdict(list)
    for state, key in enumerate(exploration.keys):
        found[key[0]].append(state)
    for states in found.values():
        states.sort(key=lambda state: exploration.distance[state])
    return dict(found)


def _first(exploration: Exploration, states: list[int]) -> int:
    return min(states, key=lambda state: (exploration.distance[state], state))


# -- endings -------------------------------------------------------------------------------------------------------


def _endings(exploration: Exploration, by_scene: dict[str, list[int]]) -> list[EndingResult]:
    story = exploration.story
    finishing: dict[str, list[int]] = defaultdict(list)
    for state, ending_id in exploration.endings_at.items():
        finishing[ending_id].append(state)
    results = []
    for ending in story.endings.values():
        states = finishing.get(ending.id)
        if states:
            path = path_to(exploration, _first(exploration, states), finish=True)
            results.append(EndingResult(ending.id, ending.title, True, path))
            continue
        scenes = [scene.id for scene in story.scenes.values() if scene.ending == ending.id]
        if not scenes:
            why = "no scene ends with it"
        elif len(scenes) == 1:
            why = f"the only scene that ends with it, '{scenes[0]}', is never reached"
        else:
            why = "none of the scenes that end with it is ever reached (" + ", ".join(scenes) + ")"
        if any(scene in by_scene for scene in scenes):  # reached, but always left by a goto first
            why = "the scenes that end with it are always left by a goto before they end"
        results.append(EndingResult(ending.id, ending.title, False, None, why))
    return results


# -- choices -------------------------------------------------------------------------------------------------------


def _untaken(exploration: Exploration, by_scene: dict[str, list[int]]) -> list[UntakenChoice]:
    story = exploration.story
    taken: set[tuple[str, int]] = set()
    keys = exploration.keys
    for source, how in zip(exploration.edge_from, exploration.edge_via):
        if how >= 0:
            taken.add((keys[source][0], how))
    found = []
    for scene in story.scenes.values():
        for choice in scene.choices:
            if (scene.id, choice.index) in taken:
                continue
            why, severity = _why_untaken(exploration, scene, choice, by_scene)
            found.append(UntakenChoice(scene.id, choice.index, choice.text, choice.where, why, severity))
    return found


def _why_untaken(
    exploration: Exploration, scene: Scene, choice: Choice, by_scene: dict[str, list[int]]
) -> tuple[str, Severity]:
    if scene.id not in by_scene:
        return "never offered because the scene is never reached", "error"
    if scene.id not in exploration.menu_scenes:
        return "never offered: the scene is always left by a goto before its menu", "error"
    if choice.fallback:
        return "never needed: another choice can always be taken when this menu is reached", "warning"
    values = _values_at_menu(exploration, scene, by_scene[scene.id], choice)
    if choice.locked is not None:
        return f"always locked: '{choice.locked}' ({values})" if values else f"always locked: '{choice.locked}'", (
            "warning"
        )
    if choice.condition is not None:
        why = "its condition never holds when this scene is reached"
        return (f"{why} ({values})" if values else why), "error"
    return "never available when this scene's menu is reached (a once-choice already taken)", "error"


def _values_at_menu(exploration: Exploration, scene: Scene, states: list[int], choice: Choice) -> str:
    """What the variables and counts a choice's condition reads can be at this scene's menu.

    States hold one value per class; every member of the class it falls in at the menu is a value play may have
    there, so the description says what the values can only be ("grades can only be 0 to 2 there").
    """
    condition = choice.condition
    if condition is None:
        return ""
    story = exploration.story
    program = story.programs[scene.id]
    classes = exploration.classes
    names = sorted(condition.reads)
    counts = sorted(condition.visits_read)
    possible: dict[str, set] = {name: set() for name in names}
    seen_counts: dict[str, set] = {name: set() for name in counts}
    for state_id in states:
        state = exploration.play_state(state_id)
        if program.has_effects and run_silently(program, state.variables, state.visits) is not None:
            continue  # left by a goto: never at the menu
        for name in names:
            domain = classes.domains[name]
            possible[name].update(domain.members(classes.menu[scene.id][name], state.variables[name]))
        for name in counts:
            seen_counts[name].add(state.visits.get(name, 0))
    parts = [_describe_values(name, items, story) for name, items in possible.items() if items]
    caps = exploration.tracking.caps
    for name, items in seen_counts.items():
        if items:
            cap = caps.get(name)
            shown = {
                f"at least {value}" if cap is not None and value == cap and value > 0 else value for value in items
            }
            parts.append(_describe_values(f"visited({name})", shown, None))
    return "; ".join(parts) + (" there" if parts else "")


def _describe_values(name: str, values: set, story: Story | None) -> str:
    if len(values) == 1:
        (value,) = values
        return f"{name} is always {_show(value)}"
    if all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        runs: list[list[int]] = []
        for value in sorted(values):
            if runs and value == runs[-1][1] + 1:
                runs[-1][1] = value
            else:
                runs.append([value, value])
        shown = [str(low) if low == high else f"{low} to {high}" for low, high in runs]
        return f"{name} can only be " + " or ".join(shown)
    order = story.variables[name].type.values if story and name in story.variables else ()
    listed = sorted(values, key=lambda value: (order.index(value) if value in order else 0, str(value)))
    return f"{name} can only be " + " or ".join(_show(value) for value in listed)


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'"
    return str(value)


# -- soft-locks and invariants -------------------------------------------------------------------------------------


def _soft_locks(exploration: Exploration, masks: EndingMasks) -> list[SoftLock]:
    locks: list[SoftLock] = []
    story = exploration.story
    keys = exploration.keys
    menus: dict[str, list[int]] = defaultdict(list)
    for state in exploration.menu_locks:
        menus[keys[state][0]].append(state)
    for scene, states in menus.items():
        first = _first(exploration, states)
        locked = [choice for choice in story.scenes[scene].choices if choice.locked is not None]
        detail = "a menu with nothing to take and no fallback"
        if story.scenes[scene].returns:
            detail = "a 'return' with no call waiting to come back to: play stops with an error"
        elif story.scenes[scene].returns_to is not None:
            detail = f"a call past {MAX_CALL_DEPTH} calls waiting (runaway recursion): play stops with an error"
        elif locked:
            detail += " (every choice shown is locked)"
        locks.append(SoftLock("menu", scene, path_to(exploration, first), len(states), detail))
    entries, _ = stuck_entries(exploration, masks)
    grouped: dict[str, list[int]] = defaultdict(list)
    for state in entries:
        grouped[keys[state][0]].append(state)
    stuck_edges: dict[int, list[int]] = defaultdict(list)
    if grouped:
        for source, target in zip(exploration.edge_from, exploration.edge_to):
            if masks.masks[source] == 0:
                stuck_edges[source].append(target)
    for scene, states in grouped.items():
        first = _first(exploration, states)
        detail = "no ending can be reached from here: " + _loop_description(exploration, stuck_edges, first)
        locks.append(SoftLock("no_ending", scene, path_to(exploration, first), len(states), detail))
    locks.sort(key=lambda lock: (lock.path.choices, len(lock.path.steps), lock.scene))
    return locks


def _loop_description(exploration: Exploration, stuck_edges: dict[int, list[int]], state: int) -> str:
    """The scenes play keeps going round from a stuck state (those it can reach), in story order."""
    story = exploration.story
    reached = {state}
    work = [state]
    while work:
        current = work.pop()
        for target in stuck_edges.get(current, ()):
            if target not in reached:
                reached.add(target)
                work.append(target)
    scenes = sorted({exploration.keys[s][0] for s in reached}, key=lambda scene: story.scenes[scene].order)
    shown = ", ".join(scenes[:8]) + (", ..." if len(scenes) > 8 else "")
    return f"play goes round {shown} with no way out"


def _violations(exploration: Exploration) -> list[InvariantViolation]:
    story = exploration.story
    found = []
    for number, first in sorted(exploration.violations.items()):
        invariant = story.invariants[number]
        path = path_to(exploration, first.state)
        state = exploration.play_state(first.state)
        if first.when != AT_ENTRY:
            run_silently(story.programs[state.state], state.variables, state.visits)
        values = {name: state.variables[name] for name in sorted(invariant.condition.reads)}
        for scene in sorted(invariant.condition.visits_read):
            values[f"visited({scene})"] = state.visits.get(scene, 0)
        found.append(
            InvariantViolation(
                invariant.condition.source, invariant.where, state.state, first.when, path, first.count, values
            )
        )
    return found


# -- ifs whose answer never changes ----------------------------------------------------------------------------------
# Only deciding ifs (with a set, add or goto inside): the explorer keeps exactly what their conditions read, so their
# answers in the explored states are the answers in play. An if that only picks lines is evaluated on class
# representatives and its answers there mean nothing.


def _constant_ifs(exploration: Exploration, by_scene: dict[str, list[int]]) -> list[ConstantIf]:
    story = exploration.story
    found = []
    for scene_id, states in by_scene.items():
        scene = story.scenes[scene_id]
        ifs = [beat for beat in if_beats(scene) if deciding(beat)]
        if not ifs:
            continue
        program = story.programs[scene_id]
        outcomes: dict[int, set[bool]] = {id(beat.condition.fn): set() for beat in ifs}
        watched = _watched_program(program, outcomes)
        for state_id in states:
            state = exploration.play_state(state_id)
            run_silently(watched, state.variables, state.visits)
        for beat in ifs:
            seen = outcomes[id(beat.condition.fn)]
            if len(seen) == 2:
                continue
            outcome: Literal["always true", "always false", "never evaluated"]
            outcome = "never evaluated" if not seen else ("always true" if True in seen else "always false")
            found.append(ConstantIf(scene_id, beat.where, beat.condition.source, outcome))
    return found


def _watched_program(program: SceneProgram, outcomes: dict[int, set[bool]]) -> SceneProgram:
    """The same steps, with each branch's condition wrapped to record the answers it gives."""

    def watch(fn: Callable) -> Callable:
        record = outcomes.setdefault(id(fn), set())

        def watched(variables, visits):
            answer = bool(fn(variables, visits))
            record.add(answer)
            return answer

        return watched

    steps = tuple((step[0], watch(step[1]), step[2]) if step[0] == OP_BRANCH else step for step in program.steps)
    return SceneProgram(program.scene, steps, program.beat_positions, program.goto_targets, program.has_effects)


# -- ranges and points of no return ------------------------------------------------------------------------------------


def _points_of_no_return(exploration: Exploration, masks: EndingMasks) -> list[PointOfNoReturn]:
    story = exploration.story
    found = []
    for (scene_id, index), (before, after) in points_of_no_return(exploration, masks).items():
        closes = before & ~after
        if not closes:
            continue
        choice = story.scenes[scene_id].choices[index]
        found.append(PointOfNoReturn(scene_id, index, choice.text or "", choice.where, masks.names(closes)))
    found.sort(key=lambda item: (story.scenes[item.scene].order, item.index))
    return found


__all__ = ["build_report", "states_by_scene"]
