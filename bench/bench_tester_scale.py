"""The branch tester on a stats-heavy story (bench/generate_stats.py): pre-analysis time, states per second, memory
per state, and states to the first witness of each ending, with and without each reduction.

Each configuration runs in a fresh process (so its memory is its own), exploring up to `--max-states` states:

- `all`: value classes and live variables (what `heartstopper test` does);
- `no-live`: value classes, but every variable kept in every state (dead ones at their class's value);
- `no-classes`: every variable's exact value kept, and every variable in every state.

After the `all` run, the directed search (`game/tester/directed.py`) looks for the endings left unknown.

Memory per state is the growth of the process's resident size during exploration over the states kept. States to
the first witness of an ending is the number of states found when the ending was first reached (breadth-first, by
choices), or "-" when the cap came first.

    python bench/bench_tester_scale.py [--max-states 200000] [--short]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CONFIGS = ("all", "no-live", "no-classes")


def _resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure_one(folder: str, config: str, max_states: int) -> dict:
    """Runs in a child process: load, pre-analyse, explore; the figures as a dict."""
    from game.loader import load_story
    from game.tester.abstraction import compute_classes
    from game.tester.analysis import tracking
    from game.tester.explore import Explorer
    from game.tester.static_reach import static_reach

    story = load_story(folder)
    _ = story.programs  # compiled on first use: not part of the pre-analysis
    started = time.process_time()
    compute_classes(story)
    tracking(story)
    classes_seconds = time.process_time() - started
    started = time.process_time()
    static_reach(story)
    reach_seconds = time.process_time() - started

    class Configured(Explorer):
        def live_variables(self):
            live, fill = super().live_variables()
            if config == "all":
                return live, fill
            return {scene: tuple(story.variables) for scene in live}, fill

    explorer = Configured(story, max_states=max_states)
    if config == "no-classes":
        classes = explorer.classes
        exact = {scene: {name: classes.domains[name].exact for name in story.variables} for scene in story.scenes}
        explorer.classes = type(classes)(classes.domains, exact, exact, classes.exact)
    before = _resident_bytes()
    started = time.process_time()
    exploration = explorer.run()
    seconds = time.process_time() - started
    grown = _resident_bytes() - before
    first: dict[str, int] = {}
    for state, ending in sorted(exploration.endings_at.items()):
        first.setdefault(ending, state + 1)
    searched = {}
    if config == "all" and exploration.partial:
        from game.tester.checks import build_report
        from game.tester.directed import prove_by_search

        report = build_report(exploration)
        started = time.process_time()
        found = prove_by_search(exploration, report)
        searched = {
            "seconds": time.process_time() - started,
            "found": found,
            "refuted": sum(1 for ending in report.endings if ending.status == "refuted"),
            "unknown": sum(1 for ending in report.endings if ending.status == "unknown"),
        }
    return {
        "searched": searched,
        "classes_seconds": classes_seconds,
        "reach_seconds": reach_seconds,
        "states": exploration.states,
        "partial": exploration.partial,
        "states_per_second": exploration.states / seconds if seconds else 0.0,
        "bytes_per_state": grown / max(exploration.states, 1),
        "first_witness": {ending: first.get(ending) for ending in story.endings},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-states", type=int, default=200_000)
    parser.add_argument("--short", action="store_true", help="a smaller story and cap, for a quick look")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_one(args.child[0], args.child[1], args.max_states)))
        return 0
    from generate_stats import write_story

    cap = 20_000 if args.short else args.max_states
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "stats"
        chapters, scenes = (4, 40) if args.short else (8, 105)
        write_story(folder, chapters=chapters, scenes=scenes)
        from game.loader import load_story

        story = load_story(folder)
        shape = f"{len(story.scenes)} scenes, {len(story.variables)} variables, {len(story.endings)} endings"
        results = {}
        for config in CONFIGS:
            child = subprocess.run(
                [sys.executable, __file__, "--max-states", str(cap), "--child", str(folder), config],
                capture_output=True,
                text=True,
                check=True,
                env=dict(os.environ, PYTHONPATH=str(ROOT)),
            )
            results[config] = json.loads(child.stdout)
    full = results["all"]
    print(
        f"stats story ({shape}) pre-analysis: value classes {full['classes_seconds']:.2f} s, "
        f"interval over-approximation {full['reach_seconds']:.2f} s (CPU) [target a few seconds]"
    )
    for config in CONFIGS:
        item = results[config]
        reached = sum(1 for count in item["first_witness"].values() if count is not None)
        print(
            f"stats story, {config}: {item['states']:,} states{' (capped)' if item['partial'] else ''}, "
            f"{item['states_per_second']:,.0f} states/s, {item['bytes_per_state']:,.0f} bytes per state, "
            f"{reached} of {len(item['first_witness'])} endings reached"
        )
    firsts = ", ".join(
        f"{ending} {count:,}" if count is not None else f"{ending} -" for ending, count in full["first_witness"].items()
    )
    print(f"stats story, states to the first witness of each ending (all reductions): {firsts}")
    searched = full["searched"]
    if searched:
        print(
            f"stats story, directed search after the capped exploration: {searched['found']} endings proven in "
            f"{searched['seconds']:.1f} s (CPU), {searched['refuted']} refuted, {searched['unknown']} still unknown"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
