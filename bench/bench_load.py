"""Time and memory of loading and checking a story, against a bare parse of the same YAML files.

`load_story` reads every file with positions, then checks every beat, choice and condition. The yardstick is what
PyYAML's C loader needs just to turn the same files into plain Python values (`yaml.load(data, CSafeLoader)`), timed
in the same process, alternating with the loads so both meet the same machine conditions. Times are the best of
several runs (wall clock; CPU time is reported too, since other work on a shared machine inflates wall time).
The compiled-story cache (game/story_cache.py) is measured in the same loop: a load from it against the bare parse,
and a load after one scene file changed against the load without the cache (in a temporary cache folder; a copy
of `--story` is edited, never the folder itself).
Memory is measured in a separate run under tracemalloc: the peak of Python allocations during the load, and what
the loaded story keeps (tracemalloc does not see libyaml's own small C buffers); beside it, the peak of the same load
reading every scene file before building any (as loads did before they streamed the files), and of a load from the
cache.

    python bench/bench_load.py --scenes 10000          # a generated story of that size
    python bench/bench_load.py --story story --json    # the shipped story, one JSON line
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_story  # noqa: E402

from game import loader  # noqa: E402
from game.loader import load_story  # noqa: E402


def story_files(story_dir: Path) -> list[Path]:
    """The files the loader reads: the manifest and the scene files (the default glob)."""
    return [story_dir / "story.yaml", *sorted(story_dir.glob("scenes/**/*.yaml"))]


def bare_parse(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(story_dir: Path, repeats: int) -> dict:
    """Load and bare-parse `story_dir` `repeats` times each, alternating; then one load under tracemalloc."""
    files = story_files(story_dir)
    bare_parse(files)  # warm the page cache and PyYAML's imports before timing anything
    story = load_story(story_dir, cache=False)
    scenes = len(story.scenes)
    del story
    loads: list[tuple[float, float]] = []
    bares: list[tuple[float, float]] = []
    warms: list[tuple[float, float]] = []
    partials: list[tuple[float, float]] = []
    changed = files[len(files) // 2] if len(files) > 1 else files[0]
    original = changed.read_bytes()
    load_story(story_dir, cache=True)  # the compiled-story cache, made once
    try:
        for repeat in range(repeats):
            gc.collect()
            bares.append(timed(lambda: bare_parse(files)))
            gc.collect()
            loads.append(timed(lambda: load_story(story_dir, cache=False)))
            gc.collect()
            warms.append(timed(lambda: load_story(story_dir, cache=True)))
            # one scene file edited (a comment added): only it is parsed again, the rest comes from the cache
            changed.write_bytes(original + f"# edit {repeat}\n".encode())
            gc.collect()
            partials.append(timed(lambda: load_story(story_dir, cache=True)))
    finally:
        changed.write_bytes(original)
    gc.collect()
    tracemalloc.start()
    story = load_story(story_dir, cache=False)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del story
    gc.collect()
    tracemalloc.start()  # the same load reading every scene file before building any (as before streaming them)
    story = loader._StoryLoader(story_dir, stream=False).load()
    whole_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del story
    gc.collect()
    changed.write_bytes(original + b"# edited again\n")
    tracemalloc.start()
    story = load_story(story_dir, cache=True)  # one file changed since the cache was written
    partial_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    changed.write_bytes(original)
    del story
    load_story(story_dir, cache=True)  # the cache as the files are now
    gc.collect()
    tracemalloc.start()
    story = load_story(story_dir, cache=True)  # from the compiled-story cache
    warm_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    programs = timed(lambda: story.programs)  # built on first play, not at load: reported apart
    best_load, best_bare, best_warm, best_partial = min(loads), min(bares), min(warms), min(partials)
    return {
        "story": str(story_dir),
        "scenes": scenes,
        "files": len(files),
        "bytes": sum(path.stat().st_size for path in files),
        "repeats": repeats,
        "load_s": best_load[0],
        "load_cpu_s": best_load[1],
        "load_median_s": statistics.median(w for w, _ in loads),
        "bare_s": best_bare[0],
        "bare_cpu_s": best_bare[1],
        "bare_median_s": statistics.median(w for w, _ in bares),
        "ratio": best_load[0] / best_bare[0],
        "ratio_cpu": best_load[1] / best_bare[1],
        "warm_s": best_warm[0],
        "warm_cpu_s": best_warm[1],
        "warm_ratio": best_warm[0] / best_bare[0],
        "warm_ratio_cpu": best_warm[1] / best_bare[1],
        "partial_s": best_partial[0],
        "partial_cpu_s": best_partial[1],
        "partial_ratio": best_partial[0] / best_load[0],
        "partial_ratio_cpu": best_partial[1] / best_load[1],
        "peak_mb": peak / 1_048_576,
        "warm_peak_mb": warm_peak / 1_048_576,
        "whole_peak_mb": whole_peak / 1_048_576,
        "partial_peak_mb": partial_peak / 1_048_576,
        "retained_mb": retained / 1_048_576,
        "programs_s": programs[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--scenes", type=int, help="generate a story of this many scenes in a temporary folder")
    which.add_argument("--story", type=Path, help="an existing story folder")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of a sentence")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="heartstopper-bench-") as temporary:
        os.environ["HEARTSTOPPER_CACHE_DIR"] = str(Path(temporary) / "cache")  # never the user's own cache
        story_dir = args.story or write_story(Path(temporary) / "story", args.scenes)
        if args.story:  # the one-file edit must not touch the real story: measure a copy
            story_dir = Path(shutil.copytree(args.story, Path(temporary) / args.story.resolve().name))
        result = measure(story_dir, max(1, args.repeats))
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['scenes']} scenes in {result['files']} files ({result['bytes'] / 1e6:.1f} MB): "
            f"load+check {result['load_s']:.3f} s, bare CSafeLoader parse {result['bare_s']:.3f} s, "
            f"ratio {result['ratio']:.2f}x; tracemalloc peak {result['peak_mb']:.0f} MB, "
            f"retained {result['retained_mb']:.0f} MB; from the cache {result['warm_s']:.3f} s "
            f"({result['warm_ratio']:.2f}x the bare parse), one file changed {result['partial_s']:.3f} s "
            f"({result['partial_ratio']:.2f}x the load)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
