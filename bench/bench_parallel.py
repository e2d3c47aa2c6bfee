"""The branch tester on every core: `heartstopper test --jobs N` against the serial explorer, on the shipped story.

Explores the shipped story (or `--story DIR`) in turns, `--repeat` times each, keeping the best wall-clock time of
each (the machine may be shared: the best run is the one least disturbed):

- serially (`Explorer.run`, one core);
- with `--jobs` worker processes (`game.tester.parallel`; the results are checked to be the serial ones);
- the plain dictionary walk of bench/bench_explore.py (one core), the limit the tester is compared with per core.

Prints the speed-up (serial time over parallel time; target at least 1.6x on 2 cores), the parallel run's states a
second per core against the dictionary walk's (target: within 3x), where the parallel run's processor time went
(the partitions; the coordinator's process, which plays partition 0 and orders every state), and the memory per
state of each run as `--stats` measures it.

    python bench/bench_parallel.py [--jobs 2] [--repeat 3] [--story DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_explore import DictWalk  # noqa: E402

from game.loader import load_story  # noqa: E402
from game.tester.explore import Explorer  # noqa: E402
from game.tester.parallel import explore_partitioned  # noqa: E402

TARGET_SPEEDUP = 1.6
TARGET_PER_CORE = 3.0
TABLES = ("keys", "parent", "via", "edge_to", "edge_via", "expanded", "endings_at", "menu_locks")


def timed(run) -> tuple[float, float, object]:
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - started, time.process_time() - cpu, result


def memory_per_state(story: Path, jobs: int) -> float:
    """Bytes a state as `heartstopper test --stats` measures it, in a fresh process (memory freed by an earlier
    run in the same process would be reused and hide the growth)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    command = [sys.executable, "-m", "game", "test", "--story", str(story), "--json", "--stats", "--jobs", str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    return json.loads(done.stdout)["exploration_stats"]["bytes_per_state"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", type=Path, default=ROOT / "story")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--short", action="store_true", help="one run of each")
    args = parser.parse_args(argv)
    repeat = 1 if args.short else args.repeat
    story = load_story(args.story)
    story.machine  # built once, as in the game  # noqa: B018
    best = {"serial": float("inf"), "parallel": float("inf"), "walk": float("inf")}
    coordinator_cpu = worker_cpu = serial_cpu = 0.0
    serial = parallel = None
    for _ in range(repeat):
        seconds, cpu, serial = timed(lambda: Explorer(story, max_states=50_000_000).run())
        if seconds < best["serial"]:
            best["serial"], serial_cpu = seconds, cpu
        seconds, cpu, parallel = timed(lambda: explore_partitioned(Explorer(story, max_states=50_000_000), args.jobs))
        if seconds < best["parallel"]:
            best["parallel"] = seconds
            coordinator_cpu = cpu
            worker_cpu = float(parallel.stats.get("worker_cpu_seconds", 0.0))
        seconds, _cpu, _ = timed(lambda: DictWalk(story, max_states=50_000_000).run())
        best["walk"] = min(best["walk"], seconds)
    for name in TABLES:
        if getattr(serial, name) != getattr(parallel, name):
            print(f"the parallel exploration differs from the serial one in {name}", file=sys.stderr)
            return 1
    states = serial.states
    memory = {"serial": memory_per_state(args.story, 1), "parallel": memory_per_state(args.story, args.jobs)}
    speedup = best["serial"] / best["parallel"]
    per_core = states / best["parallel"] / args.jobs
    walk = states / best["walk"]
    print(
        f"Shipped story, serial vs --jobs {args.jobs} ({states:,} states, best of {repeat}): serial "
        f"{best['serial']:.2f} s, --jobs {args.jobs} {best['parallel']:.2f} s, {speedup:.2f}x faster "
        f"[target ≥ {TARGET_SPEEDUP:g}x on 2 cores]"
    )
    print(
        f"Per core with --jobs {args.jobs}: {per_core:,.0f} states/s against the dictionary walk's {walk:,.0f} "
        f"states/s on one core, {walk / per_core:.2f}x [target ≤ {TARGET_PER_CORE:g}x]"
    )
    print(
        f"Processor time of the best --jobs {args.jobs} run: partitions {worker_cpu:.2f} s in all, of which the "
        f"coordinator's process (partition 0 and the ordering) {coordinator_cpu:.2f} s; the best serial run "
        f"{serial_cpu:.2f} s"
    )
    print(
        f"Memory per state (test --stats, resident size grown while exploring): serial {memory['serial']:,} bytes, "
        f"--jobs {args.jobs} {memory['parallel']:,} bytes (workers and coordinator)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
