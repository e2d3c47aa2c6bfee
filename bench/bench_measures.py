"""What `heartstopper test --measures` costs on top of the exploration, on the shipped story, in one run.

Explores the shipped story (the peer), then computes the measures (exact odds, cosmetic choices, variables,
line-picking ifs, sampled repetition) on that exploration, and prints the total as a ratio of the exploration's
time (the best of three runs of each) and the extra memory as a ratio of the exploration's (peak resident memory
growth in the first run, from `resource`).
Target (issue 13): the measures add at most 2x: ratio <= 1.0 for time and memory each.

    python bench/bench_measures.py [--story DIR] [--short]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.loader import load_story
from game.paths import default_story_dir
from game.tester.explore import explore
from game.tester.graph import EndingMasks
from game.tester.measures import measure
from game.tester.odds import Policy

REPEATS = 3


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", type=Path, default=None)
    parser.add_argument("--short", action="store_true", help="the same run (the shipped story is the short size)")
    args = parser.parse_args()
    story = load_story(args.story or default_story_dir())
    before = _peak_kib()
    started = time.perf_counter()
    exploration = explore(story)
    explored = time.perf_counter() - started
    after_explore = _peak_kib()
    started = time.perf_counter()
    measure(exploration, EndingMasks(exploration), Policy("uniform"))
    measured = time.perf_counter() - started
    after_measures = _peak_kib()
    explore_memory = max(after_explore - before, 1)
    for _ in range(REPEATS - 1):  # the best of a few runs of each: other work on the machine makes times noisy
        started = time.perf_counter()
        again = explore(story)
        explored = min(explored, time.perf_counter() - started)
        started = time.perf_counter()
        measure(again, EndingMasks(again), Policy("uniform"))
        measured = min(measured, time.perf_counter() - started)
        del again
    ratio = measured / explored
    memory_ratio = (after_measures - after_explore) / explore_memory
    print(f"Exploration of the shipped story: {exploration.states:,} states in {explored:.2f} s")
    print(
        f"Measures on top (odds, cosmetic choices, line ifs, variables, 500 sampled plays): {measured:.2f} s, "
        f"{ratio:.2f}x the exploration's time [target <= 1.0x, met: {'yes' if ratio <= 1.0 else 'no'}]"
    )
    print(
        f"Measures' extra peak memory: {(after_measures - after_explore) / 1024:.0f} MiB, {memory_ratio:.2f}x the "
        f"exploration's {explore_memory / 1024:.0f} MiB [target <= 1.0x, met: {'yes' if memory_ratio <= 1.0 else 'no'}]"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
