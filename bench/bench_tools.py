"""The authoring tools against the loader: `lint` and `stats` next to `check` on the same large story.

`check` is the yardstick: it loads and checks the story, which every tool must do first. `lint` and `stats` are
run the same way (as the command an author types, each in its own process, without the compiled-story cache so
every one of them parses the YAML), alternating, several times; the figures are the best wall-clock and CPU times
of each, and the ratios of lint and stats over check. Stories come from bench/generate.py: scenes in files of fifty
(the usual shape) and all of them in one file of about 16 MB (the largest a scene file may be).

    python bench/bench_tools.py                 # 10,000 scenes, both shapes
    python bench/bench_tools.py --short         # 1,000 scenes, both shapes, once
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import write_story  # noqa: E402

TARGET = 3.0  # lint and stats within 3x of check
TOOLS = ("check", "lint", "stats")


def run_tool(tool: str, story: Path, cache_dir: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of `heartstopper TOOL --no-cache --story STORY` in its own process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HEARTSTOPPER_CACHE_DIR=str(cache_dir))
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "game", tool, "--no-cache", "--story", str(story)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if tool != "lint" and result.returncode != 0:  # lint exits 1 for the problems it finds in generated stories
        raise SystemExit(f"{tool} failed on {story}: {result.stderr.decode(errors='replace')[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(story: Path, repeats: int, cache_dir: Path) -> dict[str, tuple[float, float]]:
    times: dict[str, list[tuple[float, float]]] = {tool: [] for tool in TOOLS}
    for _ in range(repeats):
        for tool in TOOLS:
            times[tool].append(run_tool(tool, story, cache_dir))
    return {tool: (min(w for w, _ in runs), min(c for _, c in runs)) for tool, runs in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--short", action="store_true", help="1,000 scenes, once (for CI)")
    args = parser.parse_args(argv)
    scenes, repeats = (1_000, 1) if args.short else (args.scenes, args.repeats)
    with tempfile.TemporaryDirectory(prefix="heartstopper-tools-") as temporary:
        folder = Path(temporary)
        shapes = (
            ("in files of 50", write_story(folder / "files", scenes)),
            ("in one file", write_story(folder / "one", scenes, per_file=scenes)),
        )
        for shape, story in shapes:
            size = sum(p.stat().st_size for p in story.rglob("*.yaml")) / 1e6
            best = measure(story, repeats, folder / "cache")
            check_wall, check_cpu = best["check"]
            for tool in ("lint", "stats"):
                wall, cpu = best[tool]
                print(
                    f"{tool} over check, {scenes:,} scenes {shape} ({size:.1f} MB): {wall / check_wall:.2f}x "
                    f"(CPU {cpu / check_cpu:.2f}x): {tool} {wall:.2f} s (CPU {cpu:.2f} s), check {check_wall:.2f} s "
                    f"(CPU {check_cpu:.2f} s), best of {repeats} [target ≤ {TARGET:g}x]"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
