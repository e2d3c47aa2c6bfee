"""Exploration on several cores: partitions in worker processes, driven in rounds, results rebuilt in serial order.

`explore_partitioned` runs `game.tester.partition.Partition`s, one per job, in worker processes (or in this process
with `Inline`, which the tests use to check the algorithm without starting processes, and which a single job with
a memory budget uses), and routes the batches they send each other: each worker sends one pickled batch of
settled keys (never whole play states) per other worker and round, through this coordinator, which forwards the
bytes without reading them. A level goes on while a round sends requests of that level; then one more round
delivers the rest (the next level's states and the answers), and the coordinator knows how many states exist. It
stops when none is left to play, or near `--max-states` (a partition past its share of the cap stops playing): the
replay plays whatever else the serial search reaches before its cap (see `game.tester.replay`).

The findings are then the serial explorer's, exactly (`replay`); `Exploration.stats` says how the run went: the jobs,
the memory each worker grew by, whether a visited set spilled to disk.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Protocol

from game.model import Story
from game.tester.explore import DEFAULT_MAX_STATES, Exploration, ExplorationError, Explorer
from game.tester.memory import Memory
from game.tester.partition import Partition, PartitionResult, Tables
from game.tester.replay import Replay

Outcome = tuple[list, bool, int, int]  # (a batch or None per partition, same-level requests sent, states, queued)


def available_cores() -> int:
    """The cores this process may run on (`--jobs 0` / `auto`)."""
    counting = getattr(os, "process_cpu_count", None)
    if counting is not None:
        return max(1, counting() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Workers(Protocol):
    count: int
    start_owner: int

    def step_all(
        self,
        level: int,
        inboxes: list[list[bytes]],
        play: bool,
        limit: int | None = None,
        ship: Callable[[Tables], None] | None = None,
        idle: Callable[[], bool] | None = None,
    ) -> list[Outcome]:
        """One round in every partition; with `ship`, each partition's tables go to it first (see
        `Partition.step`), as soon as they are taken. `idle` is called over and over while the coordinator would
        only wait (for as long as it returns True): it orders states meanwhile."""
        ...

    def results(self) -> list[PartitionResult]: ...

    def close(self) -> None: ...


def run_step(
    partition: Partition,
    level: int,
    inbox: list[bytes],
    play: bool,
    limit: int | None = None,
    ship: Callable[[Tables], None] | None = None,
    pause: Callable[[], object] | None = None,
) -> Outcome:
    out, same_level = partition.step(level, inbox, play, limit, ship, pause)
    return out, same_level, partition.states, (0 if play else partition.queued())


class Inline:
    """Every partition in this process, one after the other: the same rounds, no processes."""

    def __init__(self, explorer: Explorer, count: int, memory_budget: int | None) -> None:
        share = memory_budget // count if memory_budget is not None else None
        self.count = count
        self.partitions = [Partition(explorer, index, count, share, shared_hash=True) for index in range(count)]
        self.start_owner = self.partitions[0].start_owner

    def step_all(
        self,
        level: int,
        inboxes: list[list[bytes]],
        play: bool,
        limit: int | None = None,
        ship: Callable[[Tables], None] | None = None,
        idle: Callable[[], bool] | None = None,
    ) -> list[Outcome]:
        outcomes = [run_step(part, level, inbox, play, limit, ship) for part, inbox in zip(self.partitions, inboxes)]
        while idle is not None and idle():
            pass
        return outcomes

    def results(self) -> list[PartitionResult]:
        return [part.result() for part in self.partitions]

    def close(self) -> None:
        for part in self.partitions:
            part.seen.close()


# The share of playing the states that ordering them costs the coordinator (`Replay`; measured on the shipped
# story, where ordering 208,000 states takes about 8% of the time playing them does): the coordinator plays a
# partition too, a smaller one by this much, so that every core has as much to do.
ORDER_SLICE = 256  # states ordered at a time: between two looks at a worker, and every PAUSE_EVERY states played
REPLAY_SHARE = 0.08


def coordinator_weights(count: int) -> list[float]:
    """How large a part of the states each partition owns when the coordinator plays partition 0 and orders them
    all: partition 0 gets less by the ordering's share, the others split the rest."""
    if count == 1:
        return [1.0]
    mine = max(0.5 / count, (1 + REPLAY_SHARE) / count - REPLAY_SHARE)
    return [mine] + [(1 - mine) / (count - 1)] * (count - 1)


def _serve(
    connection, explorer: Explorer | tuple, index: int, count: int, share: int | None, weights: list[float]
) -> None:
    """A worker process: build its partition, then answer the coordinator's calls until asked for the result.

    `explorer` is the coordinator's own when the process was forked, or (story folder, start, given, cap) when it
    was spawned (a compiled story cannot be pickled): the story is then loaded here."""
    gc.disable()  # as in the serial explorer: millions of small containers, no cycles
    try:
        if isinstance(explorer, tuple):
            from game.loader import load_story

            folder, start, given, max_states = explorer
            explorer = Explorer(load_story(folder), start=start, given=given, max_states=max_states)
            partition = Partition(explorer, index, count, share, weights=weights)
        else:  # forked: the same string hashes as the coordinator and every other worker
            partition = Partition(explorer, index, count, share, shared_hash=True, weights=weights)
        connection.send(("ready", partition.start_owner))
        while True:
            call = connection.recv()
            if call[0] == "step":
                level, inbox, play, limit, ship = call[1:]
                send = (lambda tables: connection.send(("tables", tables))) if ship else None
                connection.send(("ok", run_step(partition, level, inbox, play, limit, send)))
            elif call[0] == "result":
                connection.send(("ok", partition.result()))
                return
            else:
                return
    except (EOFError, KeyboardInterrupt):
        return
    except BaseException:  # report it to the coordinator, which raises it there
        with contextlib.suppress(OSError, ValueError):
            connection.send(("error", traceback.format_exc()))


class Processes:
    """Partition 0 in this process (the coordinator plays it between routing rounds and ordering states), and a
    worker process for each other partition, with a pipe to this coordinator: `--jobs N` keeps N processes busy."""

    def __init__(self, explorer: Explorer, count: int, memory_budget: int | None) -> None:
        share = memory_budget // count if memory_budget is not None else None
        methods = multiprocessing.get_all_start_methods()
        forking = "fork" in methods
        # fork: the workers inherit the loaded story and its analysis instead of rebuilding them
        context = multiprocessing.get_context("fork") if forking else multiprocessing.get_context("spawn")
        given: Explorer | tuple = explorer
        if not forking:
            given = (explorer.story.story_dir, explorer.start, explorer.given, explorer.max_states)
        weights = coordinator_weights(count)
        self.count = count
        self.connections = []
        self.processes = []
        self.local = Partition(explorer, 0, count, share, shared_hash=forking, weights=weights, encode_keys=False)
        self.start_owner = self.local.start_owner
        try:
            for index in range(1, count):
                mine, theirs = context.Pipe()
                process = context.Process(
                    target=_serve,
                    args=(theirs, given, index, count, share, weights),
                    daemon=True,
                    name=f"explore-{index}",
                )
                process.start()
                theirs.close()
                self.connections.append(mine)
                self.processes.append(process)
            for worker in range(count - 1):
                self._receive(worker)
        except BaseException:
            self.close()
            raise

    def _receive(self, worker: int):
        try:
            kind, payload = self.connections[worker].recv()
        except EOFError:
            raise ExplorationError(f"exploration worker {worker + 1} stopped unexpectedly") from None
        if kind == "error":
            raise ExplorationError(f"exploration worker {worker + 1} failed:\n{payload}")
        return payload

    def step_all(
        self,
        level: int,
        inboxes: list[list[bytes]],
        play: bool,
        limit: int | None = None,
        ship: Callable[[Tables], None] | None = None,
        idle: Callable[[], bool] | None = None,
    ) -> list[Outcome]:
        for connection, inbox in zip(self.connections, inboxes[1:]):
            connection.send(("step", level, inbox, play, limit, ship is not None))
        if ship is not None:
            # Each worker sends its tables before it plays, so take them at once (a worker blocks on a full pipe
            # until they are read); the replay orders them, with this process's own, while the workers play.
            for worker in range(self.count - 1):
                ship(self._receive(worker))
        # Partition 0 orders a slice of states every few it plays, so the ordering keeps pace with the play
        mine = run_step(self.local, level, inboxes[0], play, limit, ship, idle)
        for connection in self.connections:  # order states while a worker is still playing
            while idle is not None and not connection.poll() and idle():
                pass
        return [mine] + [self._receive(worker) for worker in range(self.count - 1)]

    def results(self) -> list[PartitionResult]:
        for connection in self.connections:
            connection.send(("result",))
        return [self.local.result()] + [self._receive(worker) for worker in range(self.count - 1)]

    def close(self) -> None:
        for connection in self.connections:
            with contextlib.suppress(OSError, ValueError):
                connection.send(("stop",))
            connection.close()
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        self.local.seen.close()


def coordinate(
    workers: Workers, max_states: int, progress: Callable[[int, int], None] | None, replay: Replay
) -> list[PartitionResult]:
    """Drive the rounds (see the module's docstring), handing `replay` each partition's tables level by level;
    return every partition's last tables."""
    count = workers.count
    inboxes: list[list[bytes]] = [[] for _ in range(count)]

    def route(outcomes: Sequence[Outcome]) -> tuple[list[list[bytes]], bool]:
        routed: list[list[bytes]] = [[] for _ in range(count)]
        same_level = False
        for out, same, _states, _queued in outcomes:
            same_level = same_level or same
            for owner, batch in enumerate(out):
                if batch is not None:
                    routed[owner].append(batch)
        return routed, same_level

    def order() -> bool:
        return replay.advance(ORDER_SLICE)

    level = 0
    limit = max_states // count + 1  # a partition stops playing past its share of the cap
    full = False
    while True:
        going = True
        # A level's first round starts with the tables of the levels before, complete now: the replay orders
        # them while the partitions play this level.
        ship: Callable[[Tables], None] | None = partial(replay.add, complete_to=level - 1) if level else None
        while going:
            outcomes = workers.step_all(level, inboxes, True, limit, ship, order)
            ship = None
            inboxes, going = route(outcomes)
            # Near the cap: stop here; the replay plays whatever else the serial search plays before it stops.
            full = (
                any(outcome[2] > limit for outcome in outcomes) or sum(outcome[2] for outcome in outcomes) > max_states
            )
            going = going and not full
        outcomes = workers.step_all(level, inboxes, False, idle=order)
        inboxes, _ = route(outcomes)
        states = sum(outcome[2] for outcome in outcomes)
        queued = sum(outcome[3] for outcome in outcomes)
        if progress is not None:
            progress(states, queued)
        if full or states > max_states or not queued:
            break
        level += 1
    while any(inboxes):  # the last answers
        inboxes, _ = route(workers.step_all(level, inboxes, False))
    return workers.results()


def explore_partitioned(
    explorer: Explorer,
    jobs: int,
    *,
    memory_budget: int | None = None,
    inline: bool = False,
    workers: Workers | None = None,
) -> Exploration:
    """Explore with `jobs` partitions (worker processes unless `inline`, or the given `workers`); the results are
    those of `explorer.run()`, with `stats` on how the run went."""
    coordinator = Memory()
    collecting = gc.isenabled()
    gc.disable()
    pool: Workers | None = workers
    try:
        if pool is None:
            pool = Inline(explorer, jobs, memory_budget) if inline else Processes(explorer, jobs, memory_budget)
        # The start is local state 0 of its owner, so its global id is the owner's number.
        replay = Replay(explorer, pool.count, pool.start_owner)
        parts = coordinate(pool, explorer.max_states, explorer.progress, replay)
        for part in sorted(parts, key=lambda part: part.index):
            replay.add(part.tables)
        exploration = replay.finish()
    finally:
        if pool is not None and workers is None:
            pool.close()
        if collecting:
            gc.enable()
    growth = coordinator.growth()
    if isinstance(pool, Processes):  # partition 0 grew this process; every other, its own
        growth += sum(part.memory_growth for part in parts if part.index != 0)
    elif not isinstance(pool, Inline):  # each partition's process grew on its own
        growth += sum(part.memory_growth for part in parts)
    exploration.stats = {
        "jobs": jobs,
        "memory_bytes": growth,
        "spilled": any(part.spilled for part in parts),
        "states_found": sum(part.states for part in parts),
        "worker_cpu_seconds": round(sum(part.cpu_seconds for part in parts), 3),
    }
    return exploration


def explore_with(
    story: Story,
    *,
    jobs: int = 1,
    memory_budget: int | None = None,
    start: str | None = None,
    given: Mapping[str, object] | None = None,
    max_states: int = DEFAULT_MAX_STATES,
    progress: Callable[[int, int], None] | None = None,
) -> Exploration:
    """`explore`, in `jobs` worker processes when more than one, and through partitions whose visited sets spill
    to disk past `memory_budget` bytes when one is given (a single partition in this process for one job); the
    findings are the same whichever way."""
    explorer = Explorer(story, start=start, given=given, max_states=max_states, progress=progress)
    if jobs <= 1 and memory_budget is None:
        return explorer.run()
    return explore_partitioned(explorer, max(1, jobs), memory_budget=memory_budget, inline=jobs <= 1)
