"""Directed search: a witness for an ending the breadth-first exploration did not reach within its budget.

Breadth-first exploration proves the fewest choices, but on a story whose states multiply (stats carried across
chapters) it never leaves the first chapters. Random play reaches the endings easily; so can a search that heads
for them. For each ending still unknown, a best-first search runs from the start over concrete states of play
(played through the story's own machine with `expand`, as the explorer does), always taking next the state whose
scene is nearest, in choices across the scene graph, to a scene that finishes with the ending (on the graph, a
choice whose condition the interval over-approximation, `static_reach`, shows can never hold is no way at all),
and whose variables are nearest to meeting the conditions that guard the last choices into those scenes (each
`stat >= 60` short by ten counts as two choices more). Ties go to the state found first. A state already seen is
not taken again.

What it finds is proven (the path replays, and is written as a witness) but need not have the fewest choices; what
it does not find within its budget stays unknown.
"""

from __future__ import annotations

import heapq
from collections import deque
from itertools import count

from game.expressions import Compare, IntLit, Var, walk
from game.machine import PlayState
from game.model import Story
from game.tester.explore import Exploration, expand
from game.tester.paths import TAKE_FINISH, Path, PathStep, step_at
from game.tester.report import ExploreReport
from game.tester.static_reach import StaticReach
from game.tester.verdicts import PROVEN, UNKNOWN, reach_of

DEFAULT_BUDGET = 20_000  # states taken per ending searched for
UNREACHABLE = 1 << 30
POINTS_PER_CHOICE = 5  # how far a guarded variable is from its threshold, counted as choices still to make


def guards_into(story: Story, ending: str) -> list[tuple[str, str, int]]:
    """(variable, operator, number) for each simple comparison guarding a choice into a scene ending with it."""
    targets = {scene.id for scene in story.scenes.values() if scene.ending == ending}
    found: list[tuple[str, str, int]] = []
    for scene in story.scenes.values():
        for choice in scene.choices:
            if choice.goto not in targets or choice.condition is None:
                continue
            for node in walk(choice.condition.tree):
                if isinstance(node, Compare) and isinstance(node.left, Var) and isinstance(node.right, IntLit):
                    found.append((node.left.name, node.op, node.right.value))
    return found


def shortfall(guards: list[tuple[str, str, int]], variables: dict) -> float:
    """How far the variables are from the nearest guard's threshold, in choices (0 when one holds already)."""
    best = None
    for name, op, number in guards:
        value = variables.get(name)
        if not isinstance(value, int) or isinstance(value, bool):
            continue
        if op in (">=", ">"):
            gap = max(0, number + (op == ">") - value)
        elif op in ("<=", "<"):
            gap = max(0, value - number + (op == "<"))
        else:
            gap = 0 if (value == number) == (op == "==") else abs(value - number)
        best = gap if best is None else min(best, gap)
    return (best or 0) / POINTS_PER_CHOICE


def distances_to(story: Story, reach: StaticReach, ending: str) -> dict[str, int]:
    """Scene -> the fewest choices from its entry to finishing with `ending`, over the scene graph."""
    targets = [scene.id for scene in story.scenes.values() if scene.ending == ending]
    into: dict[str, list[tuple[str, int]]] = {scene_id: [] for scene_id in story.scenes}
    for scene in story.scenes.values():
        for target in story.programs[scene.id].goto_targets:
            into[target].append((scene.id, 0))
        if scene.next is not None:
            into[scene.next].append((scene.id, 0))
        for choice in scene.choices:
            if reach.may_take(scene.id, choice.index):
                into[choice.goto].append((scene.id, 0 if choice.fallback else 1))
    distance = dict.fromkeys(targets, 0)
    work: deque[str] = deque(targets)
    while work:  # 0-1 breadth-first, backwards
        scene_id = work.popleft()
        here = distance[scene_id]
        for source, cost in into[scene_id]:
            if here + cost < distance.get(source, UNREACHABLE):
                distance[source] = here + cost
                if cost:
                    work.append(source)
                else:
                    work.appendleft(source)
    return distance


def search_ending(
    exploration: Exploration, reach: StaticReach, ending: str, budget: int = DEFAULT_BUDGET
) -> Path | None:
    """A path from the exploration's start that finishes with `ending`, or None within `budget` states."""
    story = exploration.story
    distance = distances_to(story, reach, ending)
    guards = guards_into(story, ending)
    start_scene = exploration.keys[0][0]
    if start_scene not in distance:
        return None
    start = PlayState(start_scene, dict(exploration.start_values), {start_scene: 1}, set())
    order = count()
    parents: list[tuple[int, int]] = [(-1, 0)]  # node -> (parent node, how it was left)
    heap = [(distance[start_scene] + shortfall(guards, start.variables), 0, next(order), 0, start)]
    seen = {_key(start)}
    taken = 0
    while heap and taken < budget:
        _, made, _, node, state = heapq.heappop(heap)
        taken += 1
        finished, successors = expand(story, state.copy())
        if finished == ending:
            return _path(exploration, parents, node)
        scene = story.scenes[state.state]
        for how, successor in successors:
            left = distance.get(successor.state)
            if left is None:
                continue
            key = _key(successor)
            if key in seen:
                continue
            seen.add(key)
            cost = made + (1 if how >= 0 and not scene.choices[how].fallback else 0)
            parents.append((node, how))
            priority = left + shortfall(guards, successor.variables)
            heapq.heappush(heap, (priority, cost, next(order), len(parents) - 1, successor))
    return None


def _key(state: PlayState) -> tuple:
    return (state.state, tuple(state.variables.items()), frozenset(state.visits.items()), frozenset(state.once))


def _path(exploration: Exploration, parents: list[tuple[int, int]], node: int) -> Path:
    """Replay the found ways out from the start, naming each step as a player sees it."""
    story = exploration.story
    hows: list[int] = []
    while parents[node][0] != -1:
        parent, how = parents[node]
        hows.append(how)
        node = parent
    hows.reverse()
    start_scene = exploration.keys[0][0]
    state = PlayState(start_scene, dict(exploration.start_values), {start_scene: 1}, set())
    steps: list[PathStep] = []
    for how in hows:
        steps.append(step_at(story, state.copy(), how))
        _, successors = expand(story, state)
        state = next(successor for way, successor in successors if way == how)
    steps.append(PathStep(state.state, TAKE_FINISH))
    defaults = story.defaults()
    given = tuple((name, value) for name, value in exploration.start_values.items() if defaults[name] != value)
    return Path(start_scene, tuple(steps), state.state, given)


def prove_by_search(exploration: Exploration, report: ExploreReport, budget: int = DEFAULT_BUDGET) -> int:
    """Search for each ending the report leaves unknown; each found is proven, with its path (and the scenes and
    choices on it are no longer unknown). Returns how many were found."""
    if not any(ending.status == UNKNOWN for ending in report.endings):
        return 0
    reach = reach_of(exploration)
    found = 0
    for ending in report.endings:
        if ending.status != UNKNOWN:
            continue
        path = search_ending(exploration, reach, ending.id, budget)
        if path is None:
            continue
        found += 1
        ending.reachable, ending.status, ending.path, ending.why = True, PROVEN, path, ""
        ending.found_by = "directed search"
        entered = set(path.scenes)
        chosen = {(step.scene, step.choice) for step in path.steps if step.choice is not None}
        report.unknown_scenes = [item for item in report.unknown_scenes if item.scene not in entered]
        report.unknown_choices = [item for item in report.unknown_choices if (item.scene, item.index) not in chosen]
    return found
