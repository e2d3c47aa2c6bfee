"""The serial explorer's order, rebuilt from what the partitions of a parallel exploration found.

The serial explorer (`Explorer.run`) numbers states in the order its 0-1 breadth-first search finds them, keeps
the first parent that reaches each with the fewest choices, lists edges in the order states are played, and stops
at `--max-states` at one precise edge. All of that is a function of the graph alone: of each state's edges in
order, what its scene ended with and which invariants broke there. The partitions record exactly that, so running
the same search again over their tables, in integers only, gives the serial `Exploration` field for field: the
same ids, parents, edges, first violations, cut and partial flag. Its cost is a small part of playing the scenes.

The partitions' tables are only a cache of what playing a state gives: when the search reaches a state no partition
played (a run stopped near `--max-states` stops within a level), it plays it here with the same rules (`_Rest`), so
the result never depends on how far the partitions got.
"""

from __future__ import annotations

from array import array
from collections import deque

from game.tester.explore import CUT, EXPLORED, Exploration, Explorer, FirstViolation, Key, _violated
from game.tester.partition import ENDED, LOCKED, STUCK, PartitionResult, player


def replay(explorer: Explorer, parts: list[PartitionResult], start: int) -> Exploration:
    """The `Exploration` the serial explorer would return, from the partitions' tables (`start`: its global id)."""
    story = explorer.story
    count = len(parts)
    ordered = sorted(parts, key=lambda part: part.index)
    largest = max(len(part.keys) for part in ordered)
    serial_of = array("q", [-1]) * (largest * count + count)
    part_keys = [part.keys for part in ordered]
    starts = [part.succ_start for part in ordered]
    counts = [part.succ_count for part in ordered]
    targets = [part.succ_to for part in ordered]
    vias = [part.succ_via for part in ordered]
    costs = [part.succ_cost for part in ordered]
    outcomes = [part.outcome for part in ordered]
    broken = [part.violations for part in ordered]
    endings = {scene_id: scene.ending for scene_id, scene in story.scenes.items()}

    keys: list[Key] = []
    global_of = array("q")
    parent = array("q")
    via = array("q")
    distance = array("q")
    edge_from = array("q")
    edge_to = array("q")
    edge_via = array("q")
    expanded = bytearray()
    first_edge = array("q")
    endings_at: dict[int, str] = {}
    menu_locks: list[int] = []
    menu_scenes: set[str] = set()
    violations: dict[int, FirstViolation] = {}
    max_states = explorer.max_states
    partial = False

    base = len(serial_of)  # global ids from here on: states found only by `rest`
    rest = _Rest(explorer, part_keys, count, base)

    def admit(found: int) -> int:
        sid = len(keys)
        serial_of[found] = sid
        global_of.append(found)
        keys.append(part_keys[found % count][found // count])
        parent.append(-1)
        via.append(0)
        distance.append(0)
        expanded.append(0)
        first_edge.append(-1)
        return sid

    any_broken = any(broken)
    queue: deque[int] = deque([admit(start)])
    popleft, push, push_front = queue.popleft, queue.append, queue.appendleft
    add_from, add_to, add_via = edge_from.append, edge_to.append, edge_via.append
    new_global, new_key = global_of.append, keys.append
    new_parent, new_via, new_distance, new_expanded, new_first = (
        parent.append,
        via.append,
        distance.append,
        expanded.append,
        first_edge.append,
    )
    while queue:
        sid = popleft()
        if expanded[sid]:
            continue
        expanded[sid] = EXPLORED
        first_edge[sid] = len(edge_from)
        found = global_of[sid]
        owner = found % count
        local = found // count
        if found >= base or starts[owner][local] < 0:  # not played: the run was cut short within a level
            outcome, played_broken, to, by, paid = rest.play(keys[sid], serial_of)
            first, last = 0, len(to)
            for number, when in played_broken or ():
                _violated(violations, number, sid, when)
        else:
            first = starts[owner][local]
            last = first + counts[owner][local]
            to, by, paid = targets[owner], vias[owner], costs[owner]
            outcome = outcomes[owner][local]
            if any_broken:
                for number, when in broken[owner].get(local, ()):
                    _violated(violations, number, sid, when)
        if outcome:
            if outcome == ENDED:
                endings_at[sid] = endings[keys[sid][0]]
                continue
            if outcome == STUCK:
                menu_locks.append(sid)
                continue
            menu_scenes.add(keys[sid][0])
            if outcome == LOCKED:
                menu_locks.append(sid)
                continue
        reached = distance[sid]
        for slot in range(first, last):
            found_target = to[slot]
            target = serial_of[found_target]
            if target < 0:
                target = len(keys)
                if target >= max_states:
                    partial = True
                    expanded[sid] = CUT
                    break
                serial_of[found_target] = target
                new_global(found_target)
                new_key(
                    part_keys[found_target % count][found_target // count]
                    if found_target < base
                    else rest.extra_keys[found_target - base]
                )
                new_parent(sid)
                new_via(by[slot])
                new_expanded(0)
                new_first(-1)
                if paid[slot]:
                    new_distance(reached + 1)
                    push(target)
                else:
                    new_distance(reached)
                    push_front(target)
            elif not expanded[target]:
                cost = paid[slot]
                if reached + cost < distance[target]:
                    parent[target] = sid
                    via[target] = by[slot]
                    distance[target] = reached + cost
                    push_front(target)
            add_from(sid)
            add_to(target)
            add_via(by[slot])
        if partial:
            break
    live_names, dead_fill = explorer.live_variables()
    return Exploration(
        story=story,
        tracking=explorer.tracking,
        classes=explorer.classes,
        start_values=explorer.start_values(),
        keys=keys,
        parent=parent,
        via=via,
        distance=distance,
        edge_from=edge_from,
        edge_to=edge_to,
        edge_via=edge_via,
        endings_at=endings_at,
        menu_locks=menu_locks,
        violations=violations,
        expanded=expanded,
        first_edge=first_edge,
        partial=partial,
        variable_names=tuple(story.variables),
        menu_scenes=menu_scenes,
        live_names=live_names,
        dead_fill=dead_fill,
    )


class _Rest:
    """The states the partitions did not play, played here when the serial order reaches them.

    A run cut short by the cap stops within a level, so the serial search may still reach states no worker played
    (and, from them, states no worker found): they are played here with the same rules, their successors matched
    to the states already found by key, and new ones numbered from `base` on."""

    def __init__(self, explorer: Explorer, part_keys: list[list[Key]], count: int, base: int) -> None:
        self.explorer = explorer
        self.part_keys = part_keys
        self.count = count
        self.base = base
        self.extra_keys: list[Key] = []
        self._known: dict[Key, int] | None = None
        self._play = None
        self._settle = None

    def _found(self) -> dict[Key, int]:
        if self._known is None:
            count = self.count
            self._known = {
                key: local * count + index
                for index, keys in enumerate(self.part_keys)
                for local, key in enumerate(keys)
            }
            rules = self.explorer.rules()
            self._play = player(rules, self.explorer.fire_function())
            self._settle = rules.settle
        return self._known

    def play(self, key: Key, serial_of: array) -> tuple[int, list | None, list[int], list[int], list[int]]:
        """(outcome, broken invariants, then the global ids, ways and costs of its edges in serial order)."""
        known = self._found()
        settle = self._settle
        to: list[int] = []
        by: list[int] = []
        paid: list[int] = []

        def leave(state, how: int, cost: int) -> None:
            found = settle(state)
            number = known.get(found)
            if number is None:
                number = known[found] = self.base + len(self.extra_keys)
                self.extra_keys.append(found)
                serial_of.append(-1)
            to.append(number)
            by.append(how)
            paid.append(cost)

        outcome, broken = self._play(key, leave)
        return outcome, broken, to, by, paid
