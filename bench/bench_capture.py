"""Capture: a full playthrough's pictures against a capture of only its menus and endings, in time and bytes,
and the full capture with the capture's own PNG writer against the same capture written by libpng.

All are `heartstopper capture` of the same playthrough of the shipped story at 1280x720, each in its own process,
one after the other; the figures are wall and CPU time, pictures and bytes written, and the ratios of the partial
capture to the full one. Writing PNGs was nearly all of a capture's time (libpng through pygame at about 50 ms of
CPU a picture); the capture now encodes them itself (game/ui/png_writer.py, on a thread per core), and the "libpng"
run is the capture as it was before, with `pygame.image.save` writing each picture in turn, measured in the same
run (best of `--repeats`, alternating). Frames identical to the one before are not written again (the shipped
playthroughs have none). The "animated" run is the same full capture written as one APNG (`--format apng`: each
frame only the pixels that changed), its bytes and time against the same libpng capture.

    python bench/bench_capture.py            # the longest shipped playthrough
    python bench/bench_capture.py --short    # the small test story at 640x360
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 0.33  # the targets: 3x faster, a third of the bytes


# The capture as it was before game/ui/png_writer.py: libpng (through pygame) writing each picture in turn.
LIBPNG = """
import sys, pygame
from game.ui import capture
from game.cli import main

class LibpngWriter:
    def __init__(self): pass
    def __enter__(self): return self
    def __exit__(self, *exc): pass
    def write(self, path, rgb, width, height):
        pygame.image.save(pygame.image.frombytes(rgb, (width, height), "RGB"), str(path))

capture.PictureWriter = LibpngWriter
sys.exit(main(sys.argv[1:]))
"""


def run_capture(
    story: Path, playthrough: Path, out: Path, size: str, only: str | None, libpng: bool = False, apng: bool = False
) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    runner = ["-c", LIBPNG] if libpng else ["-m", "game"]
    command = [sys.executable, *runner, "capture", str(playthrough), "--out", str(out), "--size", size]
    command += ["--story", str(story)] + (["--only", only] if only else []) + (["--format", "apng"] if apng else [])
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
    parser.add_argument("--repeats", type=int, default=2, help="full captures of each kind, alternating (best kept)")
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
        figures: dict[str, tuple[float, float, int, int]] = {}
        plans = [("full", None, False, False), ("full, written by libpng", None, True, False)]
        plans += [("full, as one animated PNG", None, False, True)]
        for label, only, libpng, apng in [*plans * max(1, args.repeats), ("menus and endings", "menus,endings", 0, 0)]:
            out = folder / label.replace(" ", "-").replace(",", "")
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu = run_capture(story, playthrough, out, size, only, bool(libpng), bool(apng))
            if apng:
                index = (out / f"{playthrough.stem}.tsv").read_text(encoding="utf-8").splitlines()
                count, size_bytes = len(index) - 1, (out / f"{playthrough.stem}.png").stat().st_size
            else:
                pictures = list(out.glob("*.png"))
                count, size_bytes = len(pictures), sum(p.stat().st_size for p in pictures)
            measured = (wall, cpu, count, size_bytes)
            figures[label] = min(figures.get(label, measured), measured)
    full, part, before = figures["full"], figures["menus and endings"], figures["full, written by libpng"]
    animated = figures["full, as one animated PNG"]
    for label, (wall, cpu, count, size_bytes) in figures.items():
        print(
            f"capture, {label} ({playthrough.name}, {size}): {wall:.1f} s (CPU {cpu:.1f} s), {count} pictures, "
            f"{size_bytes / 1e6:.1f} MB"
        )
    ratios = {
        "menus and endings over the full capture": (part, full),
        "full capture, our PNG writer over libpng (the capture before)": (full, before),
        "full capture as one animated PNG (--format apng) over libpng PNGs": (animated, before),
    }
    bytes_judged = {
        "menus and endings over the full capture",
        "full capture as one animated PNG (--format apng) over libpng PNGs",
    }
    for what, (one, other) in ratios.items():
        time_ratio, cpu_ratio, bytes_ratio = one[0] / other[0], one[1] / other[1], one[3] / other[3]
        verdict = [_time_verdict(time_ratio, cpu_ratio)]
        if what in bytes_judged:
            verdict.append("bytes met" if bytes_ratio <= LIMIT else "bytes not met")
        targets = "time ≤ 0.33x" + (", bytes ≤ 0.33x" if what in bytes_judged else "")
        print(
            f"{what}: time {time_ratio:.2f}x (CPU {cpu_ratio:.2f}x), bytes {bytes_ratio:.2f}x, {one[2]} pictures "
            f"[target {targets}: {'judged on the full run only' if args.short else '; '.join(verdict)}]"
        )
    return 0


def _time_verdict(wall_ratio: float, cpu_ratio: float) -> str:
    """Wall time is the target; on a machine shared with other work it varies from run to run, CPU time less."""
    if wall_ratio <= LIMIT and cpu_ratio <= LIMIT:
        return "time met"
    if cpu_ratio <= LIMIT or wall_ratio <= LIMIT:
        return f"time met in {'CPU' if cpu_ratio <= LIMIT else 'wall'} time only"
    return "time not met"


if __name__ == "__main__":
    sys.exit(main())
