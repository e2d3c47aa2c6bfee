"""The partitioned exploration on a Dask cluster (`heartstopper test --cluster ADDRESS|local`).

The same partitions and rounds as on one machine (`game.tester.parallel`), each partition a Dask actor: a
stateful object living on one worker, which loads the story from its folder itself (a compiled story does not
travel; the folder must be readable at the same path on every worker) and keeps its share of the visited set.
This process drives the rounds and forwards each round's batches (pickled settled keys, never play states) between
the actors; the results are rebuilt in serial order by `game.tester.replay`, so they are exactly the serial run's.

`local` starts a `distributed.LocalCluster` of `--jobs` single-threaded worker processes on this machine (the mode
the tests use); an address (`tcp://host:8786`) joins a running scheduler. Needs the optional extra:
`pip install 'heartstopper-season-two[distributed]'`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from game.tester.explore import Exploration, Explorer
from game.tester.parallel import Outcome, available_cores, explore_partitioned, run_step
from game.tester.partition import Partition, PartitionResult, Tables

LOCAL = "local"
CONNECT_SECONDS = 10
MISSING = (
    "--cluster needs Dask's distributed scheduler, an optional extra: "
    "pip install 'heartstopper-season-two[distributed]'"
)


class ClusterError(RuntimeError):
    """The cluster cannot be reached: a usage problem, said in one line."""


def available() -> bool:
    """Whether the optional extra is installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


class RemotePartition:
    """A partition as a Dask actor: built on its worker from the story's folder."""

    def __init__(
        self,
        folder: str,
        start: str | None,
        given: dict,
        max_states: int,
        index: int,
        count: int,
        share: int | None,
    ) -> None:
        from game.loader import load_story

        explorer = Explorer(load_story(Path(folder)), start=start, given=given, max_states=max_states)
        self.partition = Partition(explorer, index, count, share)

    def start_owner(self) -> int:
        return self.partition.start_owner

    def step(
        self, level: int, inbox: list[bytes], play: bool, limit: int | None = None, ship: bool = False
    ) -> tuple[Outcome, Tables | None]:
        """A round; with `ship`, the tables taken before it played come back with its outcome."""
        shipped: list[Tables] = []
        outcome = run_step(self.partition, level, inbox, play, limit, shipped.append if ship else None)
        return outcome, (shipped[0] if shipped else None)

    def result(self) -> PartitionResult:
        return self.partition.result()


class DaskWorkers:
    """The partitions as actors on a Dask cluster, one per worker (round-robin when there are fewer workers)."""

    def __init__(self, explorer: Explorer, folder: Path, count: int, address: str, memory_budget: int | None) -> None:
        from distributed import Client, LocalCluster

        self.cluster = None
        if address == LOCAL:
            self.cluster = LocalCluster(
                n_workers=count or available_cores(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=50,
            )
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout=CONNECT_SECONDS)
            except (OSError, TimeoutError, ValueError) as error:
                raise ClusterError(f"cannot reach a Dask scheduler at '{address}': {error}") from None
        try:
            hosts = sorted(self.client.scheduler_info()["workers"])
            count = count or max(1, len(hosts))
            share = memory_budget // count if memory_budget is not None else None
            futures = [
                self.client.submit(
                    RemotePartition,
                    str(folder.resolve()),
                    explorer.start,
                    explorer.given,
                    explorer.max_states,
                    index,
                    count,
                    share,
                    actor=True,
                    workers=[hosts[index % len(hosts)]] if hosts else None,
                    pure=False,
                )
                for index in range(count)
            ]
            self.actors = [future.result() for future in futures]
            self.count = count
            self.start_owner = self.actors[0].start_owner().result()
        except BaseException:
            self.close()
            raise

    def step_all(
        self,
        level: int,
        inboxes: list[list[bytes]],
        play: bool,
        limit: int | None = None,
        ship: Callable[[Tables], None] | None = None,
        idle: Callable[[], bool] | None = None,
    ) -> list[Outcome]:
        calls = [actor.step(level, inbox, play, limit, ship is not None) for actor, inbox in zip(self.actors, inboxes)]
        while idle is not None and idle():  # order what can be ordered while the actors play
            pass
        answers = [call.result() for call in calls]
        if ship is not None:
            for _outcome, tables in answers:
                ship(tables)
        return [outcome for outcome, _tables in answers]

    def results(self) -> list[PartitionResult]:
        calls = [actor.result() for actor in self.actors]
        return [call.result() for call in calls]

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def explore_on_cluster(
    explorer: Explorer, folder: Path, jobs: int, address: str = LOCAL, memory_budget: int | None = None
) -> Exploration:
    """Explore with `jobs` partitions on a Dask cluster (`local`: a LocalCluster here; 0: one per worker of the
    cluster); the serial results."""
    workers = DaskWorkers(explorer, folder, jobs, address, memory_budget)
    try:
        exploration = explore_partitioned(explorer, workers.count, workers=workers)
    finally:
        workers.close()
    exploration.stats["cluster"] = address
    return exploration
