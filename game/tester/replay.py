"""The serial explorer's order, rebuilt from what the partitions of a parallel exploration found.

The serial explorer (`Explorer.run`) numbers states in the order its 0-1 breadth-first search finds them, keeps
the first parent that reaches each with the fewest choices, lists edges in the order states are played, and stops
at `--max-states` at one precise edge. All of that is a function of the graph alone: of each state's edges in
order, what its scene ended with and which invariants broke there. The partitions record exactly that, so running
the same search again over their tables, in integers only, gives the serial `Exploration` field for field: the
same ids, parents, edges, first violations, cut and partial flag.

The search goes level by level, as the partitions do: it takes every state with the fewest choices first, so once
every partition has sent its tables up to a level (`Replay.add`), the search can go on to the end of that level
(`advance`) while the partitions play the next one. What is left when they stop is ordered by `finish`.

The partitions' tables are only a cache of what playing a state gives: when the search reaches a state no partition
played (a run stopped near `--max-states` stops within a level), it plays it here with the same rules (`_Rest`), so
the result never depends on how far the partitions got.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Sequence
from itertools import accumulate

from game.machine import PlayState
from game.tester.explore import CUT, EXPLORED, Exploration, Explorer, FirstViolation, Key, _violated
from game.tester.key_columns import KeyDecoder
from game.tester.partition import ENDED, LOCKED, STUCK, Broken, Tables, player

_UNPLAYED = -1


class Replay:
    """The serial search over the partitions' tables, fed as they come (`add`), run as far as they allow
    (`advance`), then to its end (`finish`)."""

    def __init__(self, explorer: Explorer, count: int, start: int) -> None:
        """`start`: the global id of the first state (local state 0 of the partition that owns it)."""
        self.explorer = explorer
        self.count = count
        self.start = start
        story = explorer.story
        self.endings = {scene_id: scene.ending for scene_id, scene in story.scenes.items() if scene.ending is not None}
        # Per partition, indexed by local state: its key; its first edge in the edge arrays (-1: not played);
        # its edge count; its outcome; the invariants it broke. Then the edges, in the partition's order.
        self.part_keys: list[list[Key]] = [[] for _ in range(count)]
        self.decoders = [KeyDecoder() for _ in range(count)]
        self.starts = [array("q") for _ in range(count)]
        self.counts = [array("q") for _ in range(count)]
        self.outcomes = [bytearray() for _ in range(count)]
        self.broken: list[dict[int, Broken]] = [{} for _ in range(count)]
        self.targets = [array("q") for _ in range(count)]
        self.vias = [array("q") for _ in range(count)]
        self.costs = [bytearray() for _ in range(count)]
        self.ready = [-1] * count  # per partition: the last level whose tables are all here
        self.serial_of = array("q")  # global id -> serial id (-1: not found yet)
        # The serial exploration, as it grows
        self.keys: list[Key] = []
        self.parent = array("q")
        self.via = array("q")
        self.distance = array("q")
        self.edge_from = array("q")
        self.edge_to = array("q")
        self.edge_via = array("q")
        self.expanded = bytearray()
        self.first_edge = array("q")
        self.endings_at: dict[int, str] = {}
        self.menu_locks: list[int] = []
        self.menu_scenes: set[str] = set()
        self.violations: dict[int, FirstViolation] = {}
        self.partial = False
        self.queue: deque[int] = deque()  # global ids
        self.rest: _Rest | None = None

    def add(self, tables: Tables, complete_to: int | None = None) -> None:
        """Take a partition's tables; `complete_to`: the last level they complete (every state of it and before
        played, every edge's target known). Goes on with the search when every partition has sent that far."""
        index = tables.index
        keys = self.part_keys[index]
        if tables.keys_from != len(keys) or tables.edges_from != len(self.targets[index]):
            raise ValueError(f"tables of partition {index} came out of order")
        if isinstance(tables.keys, list):  # from this process
            keys.extend(tables.keys)
        else:
            keys.extend(self.decoders[index].decode(tables.keys))
        grown = len(keys) - len(self.starts[index])
        if grown:
            self.starts[index].extend(array("q", [_UNPLAYED]) * grown)
            self.counts[index].extend(array("q", [0]) * grown)
            self.outcomes[index].extend(bytes(grown))
        starts, counts, outcomes = self.starts[index], self.counts[index], self.outcomes[index]
        first = len(self.targets[index])
        for local, edges, start, outcome in zip(
            tables.played, tables.edge_counts, accumulate(tables.edge_counts, initial=first), tables.outcomes
        ):
            starts[local] = start
            counts[local] = edges
            outcomes[local] = outcome
        self.targets[index].extend(tables.succ_to)
        self.vias[index].extend(tables.succ_via)
        self.costs[index].extend(tables.succ_cost)
        self.broken[index].update(tables.violations)
        needed = max(len(part) for part in self.part_keys) * self.count + self.count
        if needed > len(self.serial_of):
            self.serial_of.extend(array("q", [-1]) * (needed - len(self.serial_of)))
        if complete_to is not None:
            before = min(self.ready)
            self.ready[index] = complete_to
            if min(self.ready) > before:
                self.advance()

    def advance(self) -> None:
        """Order every state the tables complete so far (those with no more choices than the level every
        partition has sent)."""
        self._search(min(self.ready))

    def finish(self) -> Exploration:
        """Order the rest (playing here what no partition played) and return the serial `Exploration`."""
        self.rest = _Rest(self.explorer, self.part_keys, self.count, len(self.serial_of))
        self._search(None)
        explorer = self.explorer
        live_names, dead_fill = explorer.live_variables()
        return Exploration(
            story=explorer.story,
            tracking=explorer.tracking,
            classes=explorer.classes,
            start_values=explorer.start_values(),
            keys=self.keys,
            parent=self.parent,
            via=self.via,
            distance=self.distance,
            edge_from=self.edge_from,
            edge_to=self.edge_to,
            edge_via=self.edge_via,
            endings_at=self.endings_at,
            menu_locks=self.menu_locks,
            violations=self.violations,
            expanded=self.expanded,
            first_edge=self.first_edge,
            partial=self.partial,
            variable_names=tuple(explorer.story.variables),
            menu_scenes=self.menu_scenes,
            live_names=live_names,
            dead_fill=dead_fill,
        )

    def _search(self, up_to: int | None) -> None:
        """The serial 0-1 breadth-first search, over the states with at most `up_to` choices (all when None).

        Its queue holds global ids (a state's serial id is `serial_of[global id]`)."""
        if self.partial:
            return
        keys, serial_of = self.keys, self.serial_of
        parent, via, distance = self.parent, self.via, self.distance
        expanded, first_edge = self.expanded, self.first_edge
        edge_from, edge_to, edge_via = self.edge_from, self.edge_to, self.edge_via
        queue = self.queue
        count = self.count
        part_keys = self.part_keys
        starts, counts, outcomes, broken = self.starts, self.counts, self.outcomes, self.broken
        targets, vias, costs = self.targets, self.vias, self.costs
        endings, endings_at, menu_locks, menu_scenes = self.endings, self.endings_at, self.menu_locks, self.menu_scenes
        violations = self.violations
        max_states = self.explorer.max_states
        rest = self.rest
        base = rest.base if rest is not None else len(serial_of)
        extra_keys = rest.extra_keys if rest is not None else []
        any_broken = any(broken)
        popleft, push, push_front = queue.popleft, queue.append, queue.appendleft
        add_from, add_to, add_via = edge_from.append, edge_to.append, edge_via.append
        new_key, new_parent, new_via, new_distance = keys.append, parent.append, via.append, distance.append
        new_expanded, new_first = expanded.append, first_edge.append

        to: Sequence[int]
        by: Sequence[int]
        paid: Sequence[int]
        if not keys:
            serial_of[self.start] = 0
            new_key(part_keys[self.start % count][self.start // count])
            new_parent(-1)
            new_via(0)
            new_distance(0)
            new_expanded(0)
            new_first(-1)
            push(self.start)
        while queue:
            found = queue[0]
            sid = serial_of[found]
            if up_to is not None and distance[sid] > up_to:
                return  # the partitions have not sent this level yet
            popleft()
            if expanded[sid]:
                continue
            expanded[sid] = EXPLORED
            first_edge[sid] = len(edge_from)
            local, owner = divmod(found, count)
            if found >= base or starts[owner][local] < 0:  # not played: the run was cut short within a level
                assert rest is not None, "the partitions' tables said a level was complete that is not"
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
                        self.partial = True
                        expanded[sid] = CUT
                        return
                    serial_of[found_target] = target
                    if found_target < base:
                        new_key(part_keys[found_target % count][found_target // count])
                    else:
                        new_key(extra_keys[found_target - base])
                    new_parent(sid)
                    new_via(by[slot])
                    new_expanded(0)
                    new_first(-1)
                    if paid[slot]:
                        new_distance(reached + 1)
                        push(found_target)
                    else:
                        new_distance(reached)
                        push_front(found_target)
                elif not expanded[target]:
                    cost = paid[slot]
                    if reached + cost < distance[target]:
                        parent[target] = sid
                        via[target] = by[slot]
                        distance[target] = reached + cost
                        push_front(found_target)
                add_from(sid)
                add_to(target)
                add_via(by[slot])


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
        self._rules = explorer.rules()
        self._play = player(self._rules, explorer.fire_function())

    def play(self, key: Key, serial_of: array) -> tuple[int, Broken | None, list[int], list[int], list[int]]:
        """(outcome, broken invariants, then the global ids, ways and costs of its edges in serial order)."""
        count = self.count
        if self._known is None:
            parts = enumerate(self.part_keys)
            self._known = {key: local * count + index for index, keys in parts for local, key in enumerate(keys)}
        known = self._known
        settle = self._rules.settle
        to: list[int] = []
        by: list[int] = []
        paid: list[int] = []

        def leave(state: PlayState, how: int, cost: int) -> None:
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
