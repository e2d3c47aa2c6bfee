"""Capture: a full playthrough's pictures against a capture of only its menus and endings, in time and bytes.

Both are `heartstopper capture` of the same playthrough of the shipped story at 1280x720, each in its own process,
one after the other; the figures are wall and CPU time, pictures and bytes written, and the ratios of the partial
capture to the full one. Writing PNGs is nearly all of a capture's time (libpng at about 85 ms a picture here), and
frames identical to the one before are not written again (the shipped playthroughs have none).

    python bench/bench_capture.py            # the longest shipped playthrough
    python bench/bench_capture.py --short    # the small test story at 640x360
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

ROOT = Path(__file__).resolve().parent.parent


def run_capture(story: Path, playthrough: Path, out: Path, size: str, only: str | None) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    command = [sys.executable, "-m", "game", "capture", str(playthrough), "--out", str(out), "--size", size]
    command += ["--story", str(story)] + (["--only", only] if only else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, env=env, cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"capture failed: {result.stderr.decode(errors='replace')[-400:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="the small test story at 640x360")
    args = parser.parse_args(argv)
    if args.short:
        story, size = ROOT / "tests" / "fixtures" / "ui_story", "640x360"
    else:
        story, size = ROOT / "story", "1280x720"
    with tempfile.TemporaryDirectory(prefix="heartstopper-capture-bench-") as temporary:
        folder = Path(temporary)
        if args.short:
            playthrough = folder / "walk.yaml"
            playthrough.write_text('name: walk\nsteps:\n  - choose: "walk"\nend: together\n', encoding="utf-8")
        else:
            playthrough = max((story / "playthroughs").glob("*.yaml"), key=lambda p: p.stat().st_size)
        figures = {}
        for label, only in (("full", None), ("menus and endings", "menus,endings")):
            out = folder / label.replace(" ", "-")
            wall, cpu = run_capture(story, playthrough, out, size, only)
            pictures = list(out.glob("*.png"))
            figures[label] = (wall, cpu, len(pictures), sum(p.stat().st_size for p in pictures))
    full, part = figures["full"], figures["menus and endings"]
    for label, (wall, cpu, count, size_bytes) in figures.items():
        print(
            f"capture, {label} ({playthrough.name}, {size}): {wall:.1f} s (CPU {cpu:.1f} s), {count} pictures, "
            f"{size_bytes / 1e6:.1f} MB"
        )
    print(
        f"capture of menus and endings over the full capture: time {part[0] / full[0]:.2f}x (CPU "
        f"{part[1] / full[1]:.2f}x), bytes {part[3] / full[3]:.2f}x [target time ≤ 0.33x, bytes ≤ 0.33x]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
