"""Exact ranges of every variable at every scene entry (`--ranges`), from the explored graph.

The explorer keeps, for each variable, one representative value per class (see `abstraction`), so the states do
not hold the exact values. But values of one class follow the same way through the story, step for step, so each
variable's exact values can be carried along the explored edges on their own: from the start's values, through
each edge, to the next states, until nothing new arrives (a least fixpoint). Where each value goes along an edge
is found by replaying the state's scene with that value (every value that has arrived, all variables at once:
value j of each variable in replay j) through `run_silently` and the story machine, as the explorer did.
"""

from __future__ import annotations

import heapq

from game.machine import FALLBACK, PlayState, choice_is_available, choice_trigger
from game.model import Story
from game.program import OP_ADD, OP_EVAL, OP_SET, run_silently
from game.tester.explore import Exploration


def exact_values(exploration: Exploration) -> list[list[set]]:
    """State id -> (per variable, in declared order) the set of exact values it has in some play reaching it.

    States are taken in the order of their scene's topological position (see `analysis`): every edge goes to the
    same or a later position, so when a state is taken everything that can reach it from earlier positions has
    arrived, and only states in loops are ever taken twice.
    """
    story = exploration.story
    names = exploration.variable_names
    domains = exploration.classes.domains
    topo = exploration.tracking.topo
    keys = exploration.keys
    written = {scene_id: _written(story, scene_id, names) for scene_id in story.scenes}
    values: list[list[set] | None] = [None] * exploration.states
    values[0] = [{exploration.start_values[name]} for name in names]
    heap = [(topo[keys[0][0]], 0)]
    queued = {0}
    edge_from, edge_to = exploration.edge_from, exploration.edge_to
    while heap:
        _, state_id = heapq.heappop(heap)
        queued.discard(state_id)
        if not exploration.expanded[state_id]:
            continue
        current = values[state_id]
        assert current is not None
        edges = []
        index = exploration.first_edge[state_id]
        while index < len(edge_from) and edge_from[index] == state_id:
            edges.append(edge_to[index])
            index += 1
        if not edges:
            continue
        changing = written[keys[state_id][0]]
        # A variable the scene and its choices never write keeps its values on every way out.
        arriving: list[list[set]] = [
            [set() if position in changing else current[position] for position in range(len(names))] for _ in edges
        ]
        if changing:
            members = [sorted(items, key=_order(domains[name])) for name, items in zip(names, current)]
            for round_number in range(max(len(members[position]) for position in changing)):
                state = exploration.play_state(state_id)
                for name, items in zip(names, members):
                    state.variables[name] = items[min(round_number, len(items) - 1)]
                for slot, successor in enumerate(_successor_values(story, state)[: len(edges)]):
                    for position in changing:
                        arriving[slot][position].add(successor[names[position]])
        for target, incoming in zip(edges, arriving):
            known = values[target]
            if known is None:
                values[target] = [set(items) for items in incoming]
                changed = True
            else:
                changed = False
                for position, arrived in enumerate(incoming):
                    if not arrived <= known[position]:
                        known[position] |= arrived
                        changed = True
            if changed and target not in queued:
                queued.add(target)
                heapq.heappush(heap, (topo[keys[target][0]], target))
    return [item if item is not None else [set() for _ in names] for item in values]


def _written(story: Story, scene_id: str, names: tuple[str, ...]) -> tuple[int, ...]:
    """Positions of the variables a scene's steps or choices can change."""
    changed: set[str] = set()
    for step in story.programs[scene_id].steps:
        if step[0] in (OP_SET, OP_ADD, OP_EVAL):
            changed.update(change[0] for change in step[1])
    for choice in story.scenes[scene_id].choices:
        changed.update(change.variable for change in (*choice.sets, *choice.adds))
    return tuple(position for position, name in enumerate(names) if name in changed)


def _successor_values(story: Story, state: PlayState) -> list[dict[str, object]]:
    """The variables at the next scene's entry along each way out, in the explorer's edge order.

    Like `explore.expand`, but the machine is only fired for choices with a `set` or `add`: `next`, `goto`, a
    fallback and a choice without effects change no variable on the way.
    """
    scene = story.scenes[state.state]
    program = story.programs[scene.id]
    variables = state.variables
    if program.has_effects and run_silently(program, variables, state.visits) is not None:
        return [variables]
    if scene.next is not None:
        return [variables]
    if scene.ending is not None:
        return []
    found = []
    for choice in scene.choices:
        if choice.fallback or not choice_is_available(choice, state):
            continue
        if choice.sets or choice.adds:
            branch = state.copy()
            story.machine.fire(branch, choice_trigger(choice.index))
            found.append(branch.variables)
        else:
            found.append(variables)
    if not found:
        for choice in scene.choices:
            if choice.fallback:
                branch = state.copy()
                story.machine.fire(branch, FALLBACK)
                found.append(branch.variables)
    return found


def _order(domain):
    position = domain.position

    def key(value: object) -> tuple:
        return (position.get(value, 0), str(value)) if position else (0, value)

    return key


def variable_ranges(exploration: Exploration) -> dict[str, dict[str, list]]:
    """Scene -> variable -> [minimum, maximum] at the scene's entry, over every reachable play.

    Booleans order false before true; an enum's values order as declared.
    """
    story = exploration.story
    names = exploration.variable_names
    per_state = exact_values(exploration)
    merged: dict[str, list[set]] = {}
    for state_id, key in enumerate(exploration.keys):
        scene_values = merged.setdefault(key[0], [set() for _ in names])
        for position, items in enumerate(per_state[state_id]):
            scene_values[position] |= items
    ranges: dict[str, dict[str, list]] = {}
    domains = exploration.classes.domains
    for scene in sorted(merged, key=lambda scene_id: story.scenes[scene_id].order):
        ranges[scene] = {}
        for name, items in zip(names, merged[scene]):
            ordered = sorted(items, key=_order(domains[name]))
            ranges[scene][name] = [ordered[0], ordered[-1]] if ordered else []
    return ranges
