"""One worker's share of a parallel exploration: the states whose hash falls in its partition.

A parallel exploration (`game.tester.parallel`) splits the visited set by a hash of each state's key that every
process computes alike (`owner_function`: no per-process string hashing), so each state has one owner, and the
memory of the visited set splits with it. Work goes in rounds, level by level (a level is the number of choices
made, as in the serial 0-1 search): in a round each partition reads the requests sent to it (a key, with the slot
of the edge that leads to it and its distance), keeps the new ones, answers each with the state's global id, and
then plays every state of the current level it owns, the same way the serial explorer does (`Rules`), sending each
successor it does not own to its owner in one batch per owner and round. A level ends when no round sends a
request of that level any more.

Nothing here decides state ids, parents or the cap: each partition records, for the states it played, their edges
in order (with the global ids of their targets), how the scene was left and which invariants broke. The serial
order is then rebuilt from those tables (`game.tester.replay`), so the results are the serial explorer's, exactly.
"""

from __future__ import annotations

import pickle
import time
import zlib
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from game.machine import FALLBACK, FINISH, NEXT, CallError, PlayState, choice_is_available, pop_return, push_call
from game.model import Story
from game.program import run_silently
from game.tester.explore import (
    AFTER_EFFECTS,
    AT_ENTRY,
    VIA_GOTO,
    VIA_NEXT,
    ExplorationError,
    Explorer,
    Key,
    Rules,
    _fire,
)
from game.tester.key_columns import KeyColumns, KeyEncoder
from game.tester.memory import SAMPLE_EVERY, Memory
from game.tester.spill import VisitedSet

# What playing a state's scene ended with, per local state (`Partition.outcome`).
LEFT = 0  # by a goto, `next`, a choice or a fallback: its edges say where
ENDED = 1  # an ending
MENU = 2  # its menu, with something to take or a fallback
LOCKED = 3  # its menu, with nothing to take and no fallback
STUCK = 4  # play stopped with an error: runaway recursion, or a `return` with no call waiting

_MASK = (1 << 61) - 1

Broken = list[tuple[int, Literal["entry", "after_effects"]]]  # (invariant number, AT_ENTRY | AFTER_EFFECTS)


PAUSE_EVERY = 64  # states played between two calls of `step`'s pause (SAMPLE_EVERY is a multiple of it)
SHARES = 1024  # a key's hash picks one of these slots, and each slot belongs to one partition (`shares`)


def shares(count: int, weights: Sequence[float] | None = None) -> bytes:
    """Slot -> partition, for `count` partitions owning parts of the states in proportion to `weights` (equal
    parts when None)."""
    if count > 255:
        raise ValueError("at most 255 partitions")
    weights = list(weights) if weights is not None else [1.0] * count
    if len(weights) != count or min(weights) < 0 or sum(weights) <= 0:
        raise ValueError(f"{count} weights that are not negative are needed, not {weights}")
    total = sum(weights)
    bounds = []
    running = 0.0
    for weight in weights:
        running += weight
        bounds.append(round(running / total * SHARES))
    table = bytearray()
    for partition, bound in enumerate(bounds):
        table.extend(bytes([partition]) * (bound - len(table)))
    return bytes(table)


def owner_function(
    count: int, exact: Mapping[str, tuple[int, ...]] | None = None, table: bytes | None = None
) -> Callable[[Key], int]:
    """The partition (0..count-1) that owns a key: the same in every process, whatever its hash seed.

    `exact`: per scene, the positions in its values of variables that only ever hold numbers and booleans (whose
    hashes are the same everywhere), so that a tuple of them is hashed in one go; the other values (strings) are
    hashed by CRC-32. Without it every value is looked at."""
    slots = table if table is not None else shares(count)
    texts: dict[str, int] = {}
    counts_memo: dict[frozenset, int] = {}
    numeric = exact or {}

    def text(value: str) -> int:
        found = texts.get(value)
        if found is None:
            found = texts[value] = zlib.crc32(value.encode())
        return found

    def stable(value: object) -> int:
        if isinstance(value, str):
            return text(value)
        if value is None:
            return 7
        return hash(value)  # bool, int: the same in every process

    def owner(key: Key) -> int:
        scene, values, counts, once, stack = key
        if numeric.get(scene) is not None and len(numeric[scene]) == len(values):
            coded = hash(values)
        else:
            coded = hash(tuple(stable(value) for value in values))
        visits = 0
        if counts:
            memo = counts_memo.get(counts)
            if memo is None:
                memo = counts_memo[counts] = sum(hash((text(item), number)) for item, number in counts) & _MASK
            visits = memo
        taken = sum(text(item) for item in once) if once else 0
        calls = hash(tuple(text(item) for item in stack)) if stack else 0
        return slots[(text(scene) + coded * 3 + visits * 5 + taken * 7 + calls * 11) % SHARES]

    return owner


def shared_owner(count: int, chapter_of: Mapping[str, str], table: bytes | None = None) -> Callable[[Key], int]:
    """The owner of a key among partitions that share string hashes (one process, or processes forked from one):
    the hash of the key's variable values and its scene's chapter, or of the whole key when it keeps no value.
    Most ways out of a scene change neither (a `next`, a choice that sets nothing still live), so a state's
    successors mostly stay with its owner and a partition sends far fewer keys to the others (on the shipped story
    about an eighth of the edges cross, against half when the scene is hashed in). The chapter keeps a story whose
    states differ little but by scene from sitting on one partition."""

    slots = table if table is not None else shares(count)

    def owner(key: Key) -> int:
        values = key[1]
        return slots[hash((values, chapter_of[key[0]]) if values else key) % SHARES]

    return owner


def numeric_positions(story: Story, live_names: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """Per scene, the positions of its live variables that hold only ints or booleans (see `owner_function`)."""
    numeric = {name: type(value) in (int, bool) for name, value in story.defaults().items()}
    return {
        scene: tuple(position for position, name in enumerate(names) if numeric[name])
        for scene, names in live_names.items()
    }


@dataclass
class Tables:
    """What a partition learnt since it last sent its tables (`Partition.take_tables`): the keys it kept, in local
    order from `keys_from`; the states it played, in the order it played them, with how many edges each has and
    how its scene ended; their edges, consecutive per state in that order, from the partition's edge `edges_from`;
    and the invariants each broke. Sent level by level while the exploration goes on, so the replay (`Replay`) can
    order one level while the partitions play the next."""

    index: int
    keys_from: int
    keys: KeyColumns | list[Key]  # numbered columns when sent to another process
    played: array  # local numbers of the states played
    edge_counts: array  # per played state: how many edges
    outcomes: bytearray  # per played state: LEFT, ENDED, MENU, LOCKED or STUCK
    edges_from: int
    succ_to: array  # global id of each edge's target
    succ_via: array  # how each edge leaves its source (a choice index or a VIA_ code)
    succ_cost: bytearray  # 1 for a choice, 0 otherwise
    violations: dict[int, Broken]  # local -> [(invariant number, AT_ENTRY | AFTER_EFFECTS)]


@dataclass
class PartitionResult:
    """One partition at the end: its last tables, and how its run went (global id = local * count + index)."""

    index: int
    tables: Tables
    states: int  # keys kept in all
    memory_growth: int = 0  # bytes this partition's process grew by while exploring
    spilled: bool = False
    cpu_seconds: float = 0.0  # processor time this partition took


def player(
    rules: Rules, fire: Callable[[PlayState, str], bool]
) -> Callable[[Key, Callable[[PlayState, int, int], None]], tuple[int, Broken | None]]:
    """`play(key, leave) -> (outcome, broken invariants or None)`: play one stored state's scene the way the serial
    explorer does, calling `leave(state, how, cost)` for each way out in the serial order of edges."""
    plan = rules.plan
    invariants = rules.invariants
    live_names, dead_fill = rules.live_names, rules.dead_fill

    def play(key: Key, leave: Callable[[PlayState, int, int], None]) -> tuple[int, Broken | None]:
        scene_id, values, counts, once_taken, stack = key
        variables = dict(dead_fill[scene_id])
        variables.update(zip(live_names[scene_id], values))
        state = PlayState(scene_id, variables, dict(counts), set(once_taken), stack)
        program, kind, _ending, choices, fallback, returns_to = plan[scene_id]
        visits = state.visits
        broken: Broken | None = None
        for number, fn in invariants:
            if not fn(variables, visits):
                broken = broken or []
                broken.append((number, AT_ENTRY))
        trigger = None
        if program is not None:
            trigger = run_silently(program, variables, visits)
            for number, fn in invariants:
                if not fn(variables, visits):
                    broken = broken or []
                    broken.append((number, AFTER_EFFECTS))
        if trigger is not None:
            _fire(fire, state, trigger)
            leave(state, VIA_GOTO, 0)
            return LEFT, broken
        if kind == "next":
            if returns_to is not None:
                try:
                    push_call(state, returns_to)
                except CallError:  # runaway recursion: play stops here with an error, a dead end
                    return STUCK, broken
            _fire(fire, state, NEXT)
            leave(state, VIA_NEXT, 0)
            return LEFT, broken
        if kind == "return":
            try:
                pop_return(state)
            except CallError:  # a return with no call waiting
                return STUCK, broken
            leave(state, VIA_NEXT, 0)
            return LEFT, broken
        if kind == "ending":
            _fire(fire, state, FINISH)
            return ENDED, broken
        available = [item for item in choices if choice_is_available(item[0], state)]
        if available:
            last = len(available) - 1
            for position, (choice, trigger_name) in enumerate(available):
                branch = state if position == last else state.copy()
                _fire(fire, branch, trigger_name)
                leave(branch, choice.index, 1)
            return MENU, broken
        if fallback is not None:
            _fire(fire, state, FALLBACK)
            leave(state, fallback, 0)
            return MENU, broken
        return LOCKED, broken

    return play


class Partition:
    """The states one worker owns; driven in rounds by `step` (see the module's docstring)."""

    def __init__(
        self,
        explorer: Explorer,
        index: int,
        count: int,
        memory_budget: int | None = None,
        *,
        shared_hash: bool = False,
        weights: Sequence[float] | None = None,
        encode_keys: bool = True,
    ) -> None:
        """`shared_hash`: every partition runs in this process or in a process forked from it, so they all hash
        strings with the same seed and a key's own hash can say its owner (the cheapest way); otherwise (spawned
        processes, a cluster) the owner is computed without string hashes (`owner_function`). `weights`: how
        large a part of the states each partition owns (equal when None; every partition must be given the same).
        `encode_keys`: the tables' keys go to another process, as numbered columns (`KeyColumns`); otherwise
        they are handed over as they are."""
        self.memory = Memory()
        self.cpu_started = time.process_time()
        self.index = index
        self.count = count
        self.rules = explorer.rules()
        self.fire = explorer.fire_function()
        self.shared_hash = shared_hash
        self.slots = shares(count, weights)
        self.chapter_of = {scene_id: scene.chapter for scene_id, scene in explorer.story.scenes.items()}
        if shared_hash:
            self.owner: Callable[[Key], int] = shared_owner(count, self.chapter_of, self.slots)
        else:
            self.owner = owner_function(count, numeric_positions(explorer.story, self.rules.live_names), self.slots)
        self.encode_keys = encode_keys
        self.seen = VisitedSet(memory_budget)
        self.keys: list[Key] = []
        self.distance = array("q")
        self.played = bytearray()
        # Since the tables were last taken: the states played (in order), their edge counts and outcomes, their
        # edges (edge number `edges_from + n` is at position n), the invariants they broke.
        self.keys_from = 0
        self.key_encoder = KeyEncoder()
        self.edges_from = 0
        self.played_now = array("q")
        self.edge_counts = array("q")
        self.outcomes = bytearray()
        self.succ_to = array("q")
        self.succ_via = array("q")
        self.succ_cost = bytearray()
        self.violations: dict[int, Broken] = {}
        self.level = 0
        self.current: list[int] = []
        self.later: list[int] = []
        self.interned: dict = {}
        start = explorer.start_state()
        key = self.rules.settle(start)
        self.start_owner = self.owner(key)
        if self.start_owner == index:
            self._keep(key, 0)

    @property
    def states(self) -> int:
        return len(self.keys)

    def _keep(self, key: Key, distance: int) -> int:
        """A new state: number it and queue it for its level; returns its global id."""
        local = len(self.keys)
        self.seen.insert(key, local)
        self.keys.append(key)
        self.distance.append(distance)
        self.played.append(0)
        (self.current if distance == self.level else self.later).append(local)
        return local * self.count + self.index

    def _reach(self, key: Key, distance: int) -> int:
        """A state reached at `distance`: kept when new, moved to this level when reached sooner; its global id."""
        local = self.seen.get(key)
        if local is None:
            return self._keep(key, distance)
        if not self.played[local] and distance < self.distance[local]:
            self.distance[local] = distance
            if distance == self.level:
                self.current.append(local)
        return local * self.count + self.index

    def step(
        self,
        level: int,
        inbox: list[bytes],
        play: bool = True,
        limit: int | None = None,
        ship: Callable[[Tables], None] | None = None,
        pause: Callable[[], object] | None = None,
    ) -> tuple[list[bytes | None], bool]:
        """One round: read the batches sent here, then (when `play`) play every state of `level` owned here, or
        until more than `limit` states are kept here (the cap is near: the replay plays what the serial search
        still needs).

        `ship`, given in a level's first round, is handed the tables of every level before (complete once the
        batches are read: they hold the last answers) before this round plays. `pause` is called after every
        PAUSE_EVERY states played (the coordinator orders states then, so the ordering keeps pace with its play).

        Returns one batch (or None) per partition, and whether any request of this level was sent (the level
        goes on while one was)."""
        if level != self.level:
            self.level = level
            played, distance = self.played, self.distance
            self.current = [local for local in self.later if not played[local] and distance[local] == level]
            self.later = [local for local in self.later if not played[local] and distance[local] > level]
        count = self.count
        requests: list[list] = [[] for _ in range(count)]  # per owner: keys, then their slots and distances
        slots = [array("q") for _ in range(count)]
        distances = [array("q") for _ in range(count)]
        replies = [array("q") for _ in range(count)]  # per asker: slot, global id, slot, global id, ...
        interned = self.interned
        reach = self._reach
        for batch in inbox:
            sender, keys, their_slots, their_distances, answers = pickle.loads(batch)
            succ_to, edges_from = self.succ_to, self.edges_from
            for position in range(0, len(answers), 2):
                slot = answers[position] - edges_from
                if slot < 0:  # its edge was sent with the tables already: the rounds went wrong
                    raise ExplorationError(f"partition {self.index} was answered for an edge it no longer has")
                succ_to[slot] = answers[position + 1]
            answer = replies[sender]
            for key, slot, distance in zip(keys, their_slots, their_distances):
                scene, values, counts, once, stack = key
                key = (scene, interned.setdefault(values, values), interned.setdefault(counts, counts), once, stack)
                answer.append(slot)
                answer.append(reach(key, distance))
        if ship is not None:
            ship(self.take_tables())
        if play:
            self._play(requests, slots, distances, limit if limit is not None else 1 << 62, pause)
            self.memory.sample(self.seen)
        same_level = False
        out: list[bytes | None] = []
        for owner in range(count):
            if requests[owner] or replies[owner]:
                same_level = same_level or level in distances[owner]
                out.append(
                    pickle.dumps(
                        (self.index, requests[owner], slots[owner], distances[owner], replies[owner]),
                        protocol=pickle.HIGHEST_PROTOCOL,
                    )
                )
            else:
                out.append(None)
        return out, same_level

    def _play(
        self,
        requests: list[list],
        slots: list[array],
        distances: list[array],
        limit: int,
        pause: Callable[[], object] | None = None,
    ) -> None:
        rules = self.rules
        settle = rules.settle
        fire = self.fire
        owner = self.owner
        me = self.index
        keys = self.keys
        played = self.played
        distance = self.distance
        played_now, edge_counts, outcomes = self.played_now, self.edge_counts, self.outcomes
        succ_to, succ_via, succ_cost = self.succ_to, self.succ_via, self.succ_cost
        edges_from = self.edges_from
        current = self.current
        level = self.level
        violations = self.violations
        seen = self.seen
        find, insert = seen.get, seen.insert
        later = self.later
        new_key, new_distance, new_played = keys.append, distance.append, played.append
        reach_later = self._reach
        memory = self.memory
        count = self.count
        mine = me - count  # global id of local state n: n * count + me, so (n + 1) * count + mine
        by_values = self.owner if self.shared_hash else None  # see `shared_owner`, inlined below
        owner_of_slot = self.slots
        chapter_of = self.chapter_of

        def leave(state: PlayState, how: int, cost: int) -> None:
            key = settle(state)
            succ_via.append(how)
            succ_cost.append(cost)
            if by_values is not None:
                values = key[1]
                where = owner_of_slot[hash((values, chapter_of[key[0]]) if values else key) % SHARES]
            else:
                where = owner(key)
            if where == me:
                local = find(key)
                if local is None:  # new: kept here (`_keep`, inlined)
                    local = len(keys)
                    insert(key, local)
                    new_key(key)
                    new_distance(level + cost)
                    new_played(0)
                    (later if cost else current).append(local)
                    succ_to.append(local * count + me)
                elif cost:
                    succ_to.append((local + 1) * count + mine)
                else:
                    succ_to.append(reach_later(key, level))
            else:
                slots[where].append(len(succ_to) + edges_from)
                succ_to.append(-1)  # filled in when the owner answers
                requests[where].append(key)
                distances[where].append(level + cost)

        play = player(rules, fire)
        ticks = 0
        while current and len(keys) <= limit:
            local = current.pop()
            if played[local] or distance[local] != level:
                continue
            played[local] = 1
            first = len(succ_to)
            ended, broken = play(keys[local], leave)
            played_now.append(local)
            outcomes.append(ended)
            edge_counts.append(len(succ_to) - first)
            if broken:
                violations[local] = broken
            ticks += 1
            if not ticks % PAUSE_EVERY:
                if pause is not None:
                    pause()
                if not ticks % SAMPLE_EVERY:
                    memory.sample(seen)
                    find, insert = seen.get, seen.insert  # the visited set may have moved to disk

    def queued(self) -> int:
        """States found and not yet played (those of the next level)."""
        return sum(1 for local in self.later if not self.played[local])

    def take_tables(self) -> Tables:
        """Everything found since the tables were last taken; the partition forgets its copy of the edges (every
        answer they waited for has come: tables are taken between levels)."""
        new_keys = self.keys[self.keys_from :]
        tables = Tables(
            index=self.index,
            keys_from=self.keys_from,
            keys=self.key_encoder.encode(new_keys) if self.encode_keys else new_keys,
            played=self.played_now,
            edge_counts=self.edge_counts,
            outcomes=self.outcomes,
            edges_from=self.edges_from,
            succ_to=self.succ_to,
            succ_via=self.succ_via,
            succ_cost=self.succ_cost,
            violations=self.violations,
        )
        self.keys_from = len(self.keys)
        self.edges_from += len(self.succ_to)
        self.played_now, self.edge_counts, self.outcomes = array("q"), array("q"), bytearray()
        self.succ_to, self.succ_via, self.succ_cost = array("q"), array("q"), bytearray()
        self.violations = {}
        return tables

    def result(self) -> PartitionResult:
        self.seen.close()
        return PartitionResult(
            index=self.index,
            tables=self.take_tables(),
            states=len(self.keys),
            memory_growth=self.memory.growth(),
            spilled=self.seen.spilled,
            cpu_seconds=time.process_time() - self.cpu_started,
        )
