"""The cosmetic-choice bisimulation on graphs with loops: Paige-Tarjan (O(m log n)) against naive refinement.

Two generated graphs, each solved by both algorithms in one run (the partitions are checked equal):

- a story-like graph: situations labelled by one of 60 scenes, each with one to three edges labelled by one of four
  choices, mostly leading a little further on and sometimes back (loops), each explored as 10 states that nothing
  observable tells apart (as value classes and visit counts make them);
- a ring of states with one marked state: naive refinement needs a round per state (O(n^2)), so it is timed on a
  smaller ring, and Paige-Tarjan on both sizes (its time should grow like n log n: ratio about 10x for 10x states).

Target (issue 13): n log n on cyclic graphs: Paige-Tarjan within 3x of naive refinement where that needs few rounds
(the story-like graph), far faster where it needs many (the ring), and its time on a 10x larger ring at most 20x.

    python bench/bench_bisimulation.py [--states N] [--short]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.tester.bisimulation import coarsest_bisimulation, naive_bisimulation

COPIES = 10


def story_like(states: int, seed: int = 13) -> tuple[list[str], list[tuple[int, str, int]]]:
    """A graph of `states // 10` situations, each explored as 10 states that differ in nothing observable."""
    rng = random.Random(seed)
    base = max(states // COPIES, 1)
    base_labels = [f"scene{rng.randrange(60)}" for _ in range(base)]
    base_edges = []
    for state in range(base):
        for _ in range(rng.randint(1, 3)):
            step = rng.randint(1, 40) if rng.random() < 0.95 else -rng.randint(1, 2000)
            base_edges.append((state, f"choice{rng.randrange(4)}", (state + step) % base))
    labels = [base_labels[state % base] for state in range(base * COPIES)]
    edges = [
        (source + base * copy, label, target + base * rng.randrange(COPIES))
        for copy in range(COPIES)
        for source, label, target in base_edges
    ]
    return labels, edges


def ring(states: int) -> tuple[list[str], list[tuple[int, str, int]]]:
    labels = ["marked", *["plain"] * (states - 1)]
    return labels, [(state, "go", (state + 1) % states) for state in range(states)]


def timed(function, graph) -> tuple[float, list[int]]:
    started = time.perf_counter()
    blocks = function(*graph)
    return time.perf_counter() - started, blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, default=100_000)
    parser.add_argument("--short", action="store_true", help="10,000 states")
    args = parser.parse_args()
    states = 10_000 if args.short else args.states
    graph = story_like(states)
    naive_s, naive_blocks = timed(naive_bisimulation, graph)
    fast_s, fast_blocks = timed(coarsest_bisimulation, graph)
    if naive_blocks != fast_blocks:
        print("the two algorithms disagree", file=sys.stderr)
        return 1
    alone_s, alone_blocks = timed(lambda *graph: coarsest_bisimulation(*graph, quick_rounds=0), graph)
    if alone_blocks != fast_blocks:
        print("Paige-Tarjan alone disagrees", file=sys.stderr)
        return 1
    ratio = fast_s / naive_s
    print(
        f"Story-like graph with loops, {states:,} states, {len(graph[1]):,} edges, {max(fast_blocks) + 1:,} classes: "
        f"ours (a few rounds, then Paige-Tarjan if needed) {fast_s:.2f} s, naive refinement {naive_s:.2f} s, "
        f"{ratio:.2f}x; Paige-Tarjan from the start {alone_s:.2f} s "
        f"[target <= 3x, met: {'yes' if ratio <= 3.0 else 'no'}]"
    )
    naive_size = max(states // 50, 200)
    naive_ring_s, naive_ring = timed(naive_bisimulation, ring(naive_size))
    fast_ring_s, fast_ring = timed(coarsest_bisimulation, ring(naive_size))  # the rounds do not settle it
    if naive_ring != fast_ring:
        print("the two algorithms disagree on the ring", file=sys.stderr)
        return 1
    print(
        f"Ring of {naive_size:,} states, one marked ({naive_size:,} classes, as many naive rounds): Paige-Tarjan "
        f"{fast_ring_s:.3f} s, naive refinement {naive_ring_s:.2f} s ({naive_ring_s / fast_ring_s:.0f}x slower)"
    )
    small = states // 10
    fast_small_s, _ = timed(coarsest_bisimulation, ring(small))
    tenfold = small * 10
    fast_large_s, _ = timed(coarsest_bisimulation, ring(tenfold))
    growth = fast_large_s / fast_small_s
    print(
        f"Paige-Tarjan on a ring of {tenfold:,} states over {small:,}: {fast_large_s:.2f} s, {growth:.1f}x for 10x "
        f"the states [target <= 20x, met: {'yes' if growth <= 20 else 'no'}]"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
