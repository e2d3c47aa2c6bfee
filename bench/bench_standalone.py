"""Bench the standalone package (tools/build_standalone.py) against the pip-installed game, in one run.

Prints:
- how long the build takes (when this script builds it),
- its size: the archive, the unpacked folder and the number of files,
- process start to the first drawn title frame, for the unpacked package and for the pip-installed game, started
  alternately so both see the same machine load; both run the same probe (tools/standalone/entry.py with
  HEARTSTOPPER_PROBE_FIRST_FRAME set), so the difference is only how Python and the game are packaged. The first
  start of each draws the title art into a fresh raster cache (as a player's very first start does); the median is
  over the later starts.

    python bench/bench_standalone.py                    # build into a temporary folder, then measure
    python bench/bench_standalone.py --archive dist/heartstopper-0.1.0-linux-x86_64.tar.gz

Figures only; nothing here fails on time. Needs the `build` extra when it builds.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "tools" / "build_standalone.py"
ENTRY = ROOT / "tools" / "standalone" / "entry.py"
PROBE_ENV = "HEARTSTOPPER_PROBE_FIRST_FRAME"


def build(out: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"the build failed: {result.stderr.strip().splitlines()[-1:]}")
    return Path(result.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def unpack(archive: Path, where: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(where, filter="data")
    (folder,) = where.iterdir()
    return folder


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    return sum(path.stat().st_size for path in files), len(files)


def time_to_frame(command: list[str], cache: Path, cwd: Path) -> float:
    env = dict(os.environ, HEARTSTOPPER_CACHE_DIR=str(cache), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env[PROBE_ENV] = "1"
    env.pop("PYTHONPATH", None)  # the installed game, not this checkout's folder
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=cwd)
    assert proc.stdout is not None
    elapsed = None
    for line in proc.stdout:
        if line.startswith("FRAME"):
            elapsed = time.perf_counter() - started
    if proc.wait() != 0 or elapsed is None:
        raise SystemExit(f"{command[0]} drew no title frame (exit {proc.returncode})")
    return elapsed


def first_frames(program: Path, runs: int, work: Path) -> None:
    commands = {"standalone": [str(program)], "pip-installed": [sys.executable, str(ENTRY)]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name in commands:
        (work / f"cache-{name}").mkdir()
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(time_to_frame(command, work / f"cache-{name}", work))
    warm = {name: statistics.median(values[1:]) for name, values in times.items()}
    for name, values in times.items():
        print(
            f"process start to first title frame, {name}: median {warm[name] * 1000:.0f} ms, "
            f"best {min(values[1:]) * 1000:.0f} ms (the very first start, drawing the title art: "
            f"{values[0] * 1000:.0f} ms)"
        )
    print(
        f"first title frame, standalone over pip-installed: {warm['standalone'] / warm['pip-installed']:.2f}x "
        f"(medians of {runs - 1} starts each, alternated)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, help="measure this built package instead of building one")
    parser.add_argument("--runs", type=int, default=8, help="starts of each (the first is the cold one)")
    args = parser.parse_args()
    if args.runs < 3:
        parser.error("--runs must be at least 3")
    with tempfile.TemporaryDirectory(prefix="hs-standalone-bench-") as temp:
        work = Path(temp)
        if args.archive is None:
            if importlib.util.find_spec("PyInstaller") is None:
                print("standalone package: not measured, PyInstaller is not installed (pip install -e '.[build]')")
                return 0
            archive, seconds = build(work)
            print(f"standalone build time: {seconds:.0f} s (freeze, strip and pack)")
        else:
            archive = args.archive.resolve()
        folder = unpack(archive, work / "unpacked")
        unpacked, files = folder_size(folder)
        print(
            f"standalone package size: {archive.stat().st_size / 1e6:.1f} MB packed ({archive.name}), "
            f"{unpacked / 1e6:.1f} MB unpacked, {files} files"
        )
        (program,) = [path for path in folder.iterdir() if path.is_file() and os.access(path, os.X_OK)]
        first_frames(program, args.runs, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
