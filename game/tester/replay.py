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
_NO_KEY: Key = ()  # a global id no partition has used


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
        # By global id: its key; its first edge in the edge arrays (-1: not played); its edge count; its outcome;
        # the invariants it broke. Then every partition's edges, in the order their tables came.
        self.keys_of: list[Key] = []  # _NO_KEY where none has come yet
        self.start_of = array("q")
        self.count_of = array("q")
        self.outcome_of = bytearray()
        self.broken: dict[int, Broken] = {}
        self.targets = array("q")
        self.vias = array("q")
        self.costs = bytearray()
        self.kept = [0] * count  # per partition: keys received
        self.sent = [0] * count  # per partition: edges received
        self.decoders = [KeyDecoder() for _ in range(count)]
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
        index, count = tables.index, self.count
        if tables.keys_from != self.kept[index] or tables.edges_from != self.sent[index]:
            raise ValueError(f"tables of partition {index} came out of order")
        new_keys = tables.keys if isinstance(tables.keys, list) else self.decoders[index].decode(tables.keys)
        kept = self.kept[index] + len(new_keys)
        needed = (max(kept, *self.kept) + 1) * count
        grown = needed - len(self.serial_of)
        if grown > 0:
            self.serial_of.extend(array("q", [-1]) * grown)
            self.start_of.extend(array("q", [_UNPLAYED]) * grown)
            self.count_of.extend(array("q", [0]) * grown)
            self.outcome_of.extend(bytes(grown))
            self.keys_of.extend([_NO_KEY] * grown)
        first_global = self.kept[index] * count + index
        self.keys_of[first_global : kept * count + index : count] = new_keys
        self.kept[index] = kept
        start_of, count_of, outcome_of = self.start_of, self.count_of, self.outcome_of
        first = len(self.targets)
        for local, edges, start, outcome in zip(
            tables.played, tables.edge_counts, accumulate(tables.edge_counts, initial=first), tables.outcomes
        ):
            found = local * count + index
            start_of[found] = start
            count_of[found] = edges
            outcome_of[found] = outcome
        self.targets.extend(tables.succ_to)
        self.vias.extend(tables.succ_via)
        self.costs.extend(tables.succ_cost)
        self.sent[index] += len(tables.succ_to)
        for local, broken in tables.violations.items():
            self.broken[local * count + index] = broken
        if complete_to is not None:
            self.ready[index] = complete_to

    def advance(self, most: int | None = None) -> bool:
        """Order the states the tables complete so far (those with no more choices than the level every
        partition has sent), `most` of them at the most; whether that stopped it (more could be ordered now)."""
        return self._search(min(self.ready), most)

    def finish(self) -> Exploration:
        """Order the rest (playing here what no partition played) and return the serial `Exploration`."""
        self.rest = _Rest(self.explorer, self.keys_of, self.serial_of)
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

    def _search(self, up_to: int | None, most: int | None = None) -> bool:
        """The serial 0-1 breadth-first search, over the states with at most `up_to` choices (all when None), and
        through `most` states at the most; True when `most` stopped it.

        Its queue holds global ids (a state's serial id is `serial_of[global id]`)."""
        if self.partial:
            return False
        limit = up_to if up_to is not None else 1 << 62
        budget = most if most is not None else 1 << 62
        keys, serial_of, keys_of = self.keys, self.serial_of, self.keys_of
        parent, via, distance = self.parent, self.via, self.distance
        expanded, first_edge = self.expanded, self.first_edge
        edge_from, edge_to, edge_via = self.edge_from, self.edge_to, self.edge_via
        queue = self.queue
        start_of, count_of, outcome_of, broken = self.start_of, self.count_of, self.outcome_of, self.broken
        targets, vias, costs = self.targets, self.vias, self.costs
        endings, endings_at, menu_locks, menu_scenes = self.endings, self.endings_at, self.menu_locks, self.menu_scenes
        violations = self.violations
        max_states = self.explorer.max_states
        rest = self.rest
        base = rest.base if rest is not None else len(serial_of)
        popleft, push, push_front = queue.popleft, queue.append, queue.appendleft
        add_from, add_to, add_via = edge_from.append, edge_to.append, edge_via.append
        new_key, new_parent, new_via, new_distance = keys.append, parent.append, via.append, distance.append
        new_expanded, new_first = expanded.append, first_edge.append
        to: Sequence[int]
        by: Sequence[int]
        paid: Sequence[int]

        if not keys:
            if self.start >= len(serial_of) or not keys_of[self.start]:
                return False  # the start's partition has not sent its tables yet
            serial_of[self.start] = 0
            new_key(keys_of[self.start])
            new_parent(-1)
            new_via(0)
            new_distance(0)
            new_expanded(0)
            new_first(-1)
            push(self.start)
        while queue:
            found = popleft()
            sid = serial_of[found]
            if expanded[sid]:
                continue
            if distance[sid] > limit:
                push_front(found)
                return False  # the partitions have not sent this level yet
            budget -= 1
            if budget < 0:
                push_front(found)
                return True
            expanded[sid] = EXPLORED
            first_edge[sid] = len(edge_from)
            if found >= base or start_of[found] < 0:  # not played: the run was cut short within a level
                assert rest is not None, "the partitions' tables said a level was complete that is not"
                outcome, played_broken, to, by, paid = rest.play(keys[sid])
                first, last = 0, len(to)
                for number, when in played_broken or ():
                    _violated(violations, number, sid, when)
            else:
                first = start_of[found]
                last = first + count_of[found]
                to, by, paid = targets, vias, costs
                outcome = outcome_of[found]
                if broken:
                    for number, when in broken.get(found, ()):
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
                        return False
                    serial_of[found_target] = target
                    new_key(keys_of[found_target])
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
        return False


class _Rest:
    """The states the partitions did not play, played here when the serial order reaches them.

    A run cut short by the cap stops within a level, so the serial search may still reach states no worker played
    (and, from them, states no worker found): they are played here with the same rules, their successors matched
    to the states already found by key, and new ones numbered from `base` on (their keys added to `keys_of`)."""

    def __init__(self, explorer: Explorer, keys_of: list[Key], serial_of: array) -> None:
        self.keys_of = keys_of
        self.serial_of = serial_of
        self.base = len(serial_of)
        self._known: dict[Key, int] | None = None
        self._rules = explorer.rules()
        self._play = player(self._rules, explorer.fire_function())

    def play(self, key: Key) -> tuple[int, Broken | None, list[int], list[int], list[int]]:
        """(outcome, broken invariants, then the global ids, ways and costs of its edges in serial order)."""
        if self._known is None:
            self._known = {known: found for found, known in enumerate(self.keys_of) if known}
        known = self._known
        settle = self._rules.settle
        to: list[int] = []
        by: list[int] = []
        paid: list[int] = []

        def leave(state: PlayState, how: int, cost: int) -> None:
            found = settle(state)
            number = known.get(found)
            if number is None:
                number = known[found] = len(self.keys_of)
                self.keys_of.append(found)
                self.serial_of.append(-1)
            to.append(number)
            by.append(how)
            paid.append(cost)

        outcome, broken = self._play(key, leave)
        return outcome, broken, to, by, paid
