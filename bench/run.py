"""Every benchmark of the project, in one command and one table.

    python bench/run.py            # full: shipped story, 1,000, 10,000 and 50,000 generated scenes, all scripts
    python bench/run.py --short    # CI: shipped story and 1,000 scenes, other scripts in their short mode if any

Rows:
- story load and check (`load_story`) for the shipped story and generated stories (bench/generate.py), against a
  bare `yaml.load(..., Loader=yaml.CSafeLoader)` of the same files in the same run, with the ratio, and the memory
  the load takes (tracemalloc peak, and what the loaded story keeps); each size runs in its own process
  (bench/bench_load.py) so one size's heap does not weigh on the next;
- the compiled-story cache (game/story_cache.py), measured in the same loop: a load from it against the bare parse,
  and a load with one scene file changed against the load without it (bench/bench_load.py);
- the branch tester's exploration speed (bench/bench_explore.py) and the game's start-up, frame and idle figures
  (bench/bench_game.py), when those scripts are present: their printed figures are folded into the table.

The full run writes the table, with a description of the machine, to bench/RESULTS.md (`--results` elsewhere,
`--no-results` not at all); the short run writes nothing unless `--results` is given. Figures never fail the run
(times depend on the machine); a benchmark that crashes, or a generated story that does not load, does (exit 1).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
FULL_SIZES = (1_000, 10_000, 50_000)
SHORT_SIZES = (1_000,)
TARGET_RATIO = 2.0
TARGET_10K_SECONDS = 2.0
OTHER_SCRIPTS = (
    ("bench_explore.py", "Exploration (branch tester)"),
    ("bench_parallel.py", "Exploration on every core (test --jobs 2) vs serial"),
    ("bench_tester_scale.py", "Branch tester at scale (stats-heavy story)"),
    ("bench_game.py", "Game (start-up, frames, idle)"),
    ("bench_standalone.py", "Standalone package (size, start-up)"),
    ("bench_tools.py", "Authoring tools (lint, stats) against check"),
    ("bench_parsers.py", "Another YAML parser (rapidyaml)"),
    ("bench_capture.py", "Capture (pictures of a playthrough)"),
    ("bench_measures.py", "Measures (test --measures) vs exploration"),
    ("bench_lsp.py", "Language server (diagnostics after an edit)"),
    ("bench_bisimulation.py", "Cosmetic-choice bisimulation on cyclic graphs"),
)
SCRIPT_TIMEOUT = 900


@dataclass
class Row:
    benchmark: str
    measured: str
    bare: str = ""
    ratio: str = ""
    memory: str = ""
    target: str = ""
    met: str = ""


def run_python(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout, check=False
    )


def load_rows(sizes: tuple[int, ...], short: bool) -> tuple[list[Row], list[dict], bool]:
    rows: list[Row] = []
    measured: list[dict] = []
    ok = True
    plans: list[tuple[str, list[str]]] = [("shipped story", ["--story", str(ROOT / "story"), "--repeats", "15"])]
    for size in sizes:
        repeats = 2 if size >= 50_000 else 5
        plans.append((f"{size:,} generated scenes", ["--scenes", str(size), "--repeats", str(repeats)]))
    for label, args in plans:
        print(f"  load: {label} ...", file=sys.stderr, flush=True)
        result = run_python([str(BENCH / "bench_load.py"), *args, "--json"], timeout=SCRIPT_TIMEOUT)
        if result.returncode != 0:
            ok = False
            rows.append(Row(f"Load + check, {label}", "FAILED: " + _last_line(result.stderr)))
            continue
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        measured.append(figures)
        rows.append(_load_row(label, figures))
        rows += _cache_rows(label, figures)
        rows += _memory_rows(label, figures)
    return rows, measured, ok


def target_note(measured: list[dict]) -> str:
    """A word on the 10,000-scene time target when it is missed: how it compares with parsing alone."""
    for figures in measured:
        if figures["scenes"] == 10_000 and figures["load_s"] >= TARGET_10K_SECONDS:
            return (
                f"The 10,000-scene target (under {TARGET_10K_SECONDS:g} s) is not met here: load and check took "
                f"{figures['load_s']:.2f} s, but a bare C-loader parse of the same {figures['bytes'] / 1e6:.1f} MB "
                f"alone took {figures['bare_s']:.2f} s in the same run: the target is below what PyYAML needs just "
                "to turn these files into Python values on this machine. What the loader costs on top of that "
                "(positions, every check) is the ratio."
            )
    return ""


def _load_row(label: str, f: dict) -> Row:
    scenes = f["scenes"]
    size = f"{scenes:,} scenes, {f['files']} files, {f['bytes'] / 1e6:.1f} MB"
    targets = [f"ratio ≤ {TARGET_RATIO:g}x"]
    met = [f["ratio"] <= TARGET_RATIO]
    if scenes == 10_000:
        targets.append(f"< {TARGET_10K_SECONDS:g} s")
        met.append(f["load_s"] < TARGET_10K_SECONDS)
    return Row(
        benchmark=f"Load + check, {label} ({size})",
        measured=f"{f['load_s']:.3f} s (CPU {f['load_cpu_s']:.3f} s)",
        bare=f"{f['bare_s']:.3f} s (CPU {f['bare_cpu_s']:.3f} s)",
        ratio=f"{f['ratio']:.2f}x (CPU {f['ratio_cpu']:.2f}x)",
        memory=f"{f['peak_mb']:.0f} MB / {f['retained_mb']:.0f} MB",
        target="; ".join(targets),
        met="yes" if all(met) else "no",
    )


TARGET_WARM_RATIO = 0.15  # a load from the compiled-story cache, over the bare parse
TARGET_PARTIAL_RATIO = 0.3  # a load with one scene file changed, over the load without the cache


def _judged(ratio: float, limit: float, judged: bool) -> dict[str, str]:
    """A ratio row's target and met columns (both empty where its target does not apply)."""
    if not judged:
        return {"target": "", "met": ""}
    return {"target": f"ratio ≤ {limit:g}x", "met": "yes" if ratio <= limit else "no"}


def _cache_rows(label: str, f: dict) -> list[Row]:
    """The compiled-story cache (game/story_cache.py), measured in the same loop as the load and the bare parse."""
    if "warm_s" not in f:
        return []
    large = f["scenes"] >= 10_000  # the targets are for large stories; small ones are shown for reference
    return [
        Row(
            benchmark=f"Load from the compiled-story cache, {label} (nothing changed)",
            measured=f"{f['warm_s']:.3f} s (CPU {f['warm_cpu_s']:.3f} s)",
            bare=f"{f['bare_s']:.3f} s (CPU {f['bare_cpu_s']:.3f} s)",
            ratio=f"{f['warm_ratio']:.2f}x (CPU {f['warm_ratio_cpu']:.2f}x) of the bare parse",
            memory=f"{f['warm_peak_mb']:.0f} MB peak ({f['warm_peak_mb'] * 1_048_576 / f['bytes']:.1f}x the files)",
            **_judged(f["warm_ratio"], TARGET_WARM_RATIO, large),
        ),
        Row(
            benchmark=f"Load through the cache, {label}, one of {f['files'] - 1} scene files changed",
            measured=f"{f['partial_s']:.3f} s (CPU {f['partial_cpu_s']:.3f} s)",
            bare=f"load without the cache {f['load_s']:.3f} s",
            ratio=f"{f['partial_ratio']:.2f}x (CPU {f['partial_ratio_cpu']:.2f}x) of the load",
            **_judged(f["partial_ratio"], TARGET_PARTIAL_RATIO, large),
        ),
    ]


TARGET_MEMORY_RATIO = 6.0  # the peak of a load, over the story's bytes on disk


def _memory_rows(label: str, f: dict) -> list[Row]:
    """The peak memory of a load (tracemalloc) over the story's size on disk: parsing, and from the cache, against
    the same parsing load reading every scene file before building (how loads were before issue 20)."""
    if "whole_peak_mb" not in f:
        return []
    keys = ("peak_mb", "warm_peak_mb", "partial_peak_mb", "whole_peak_mb")
    times = {key: f[key] * 1_048_576 / f["bytes"] for key in keys}
    return [
        Row(
            benchmark=f"Peak memory of a load, {label}: {what}",
            measured=f"{f[key]:.0f} MiB peak, {f['bytes'] / 1e6:.1f} MB on disk",
            bare=f"reading every file first: {f['whole_peak_mb']:.0f} MiB ({times['whole_peak_mb']:.1f}x)",
            ratio=f"{times[key]:.1f}x the files",
            target=f"≤ {TARGET_MEMORY_RATIO:g}x",
            met="yes" if times[key] <= TARGET_MEMORY_RATIO else "no",
        )
        for what, key in (
            ("parsing (--no-cache)", "peak_mb"),
            ("from the compiled-story cache", "warm_peak_mb"),
            ("through the cache, one scene file changed", "partial_peak_mb"),
        )
    ]


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


# How to run each script briefly for --short when it has no --short of its own, and the documented target to judge
# a column of its output by: (column, target as printed, the largest value that meets it).
SHORT_ARGS = {"bench_explore.py": (["--scenes", "1000", "--repeat", "1"], "--scenes")}
COLUMN_TARGETS = {"bench_explore.py": ("ratio", "tester within 3x of the dict walk", 3.0)}


def script_rows(short: bool) -> tuple[list[Row], bool]:
    """Run the other benchmark scripts; every figure line they print becomes a row."""
    rows: list[Row] = []
    ok = True
    for name, label in OTHER_SCRIPTS:
        path = BENCH / name
        if not path.exists():
            rows.append(Row(label, f"not measured: bench/{name} is not in this checkout"))
            continue
        args = [str(path)]
        if short:
            usage = run_python([str(path), "--help"], timeout=60).stdout
            brief, needs = SHORT_ARGS.get(name, ([], ""))
            if "--short" in usage:
                args.append("--short")
            elif brief and needs in usage:
                args += brief
            else:
                rows.append(Row(label, f"skipped in --short: bench/{name} has no short mode"))
                continue
        print(f"  {name} ...", file=sys.stderr, flush=True)
        try:
            result = run_python(args, timeout=SCRIPT_TIMEOUT)
        except subprocess.TimeoutExpired:
            ok = False
            rows.append(Row(label, f"FAILED: bench/{name} took more than {SCRIPT_TIMEOUT} s"))
            continue
        if result.returncode != 0:
            ok = False
            rows.append(Row(label, f"FAILED (exit {result.returncode}): {_last_line(result.stderr)}"))
            continue
        lines = [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
        found = _script_rows(label, lines, COLUMN_TARGETS.get(name))
        rows += found or [Row(label, "printed no figures")]
    return rows, ok


_TARGET = re.compile(r"\s*\[target ([^\]]*)\]")
_COLUMNS = re.compile(r"\s{2,}")
_NUMBER = re.compile(r"[-+]?[0-9][0-9,]*(\.[0-9]+)?")


def _script_rows(label: str, lines: list[str], column_target: tuple[str, str, float] | None) -> list[Row]:
    """Rows from a script's printed lines: a table (a header of words, then rows of numbers) becomes one row per
    line with each figure named by its column; any other line 'what: figures [target X]' becomes one row."""
    rows: list[Row] = []
    header: list[str] | None = None
    for line in lines:
        cells = _COLUMNS.split(line.strip())
        if len(cells) > 2 and not any(char.isdigit() for char in line):  # column names
            header = cells
            continue
        if header is not None and len(cells) >= len(header) and _NUMBER.match(cells[0]):
            named = dict(zip(header, cells))
            figures = "; ".join(f"{name} {value}" for name, value in named.items())
            extra = " ".join(cells[len(header) :])
            row = Row(f"{label}: {header[0]} {cells[0]}", figures + (f" {extra}" if extra else ""))
            if column_target is not None and column_target[0] in named:
                column, wording, limit = column_target
                row.target = wording
                value = _NUMBER.match(named[column])
                if value is not None:
                    row.met = "yes" if float(value.group().replace(",", "")) <= limit else "no"
            rows.append(row)
            continue
        header = None
        rows.append(_line_row(label, line))
    return rows


def _line_row(label: str, line: str) -> Row:
    target = ""
    found = _TARGET.search(line)
    if found:
        target = found.group(1)
        line = _TARGET.sub("", line)
    what, figures = "", line.strip()
    colon = line.find(": ")
    while colon > 0 and line[:colon].count("(") != line[:colon].count(")"):  # a colon inside brackets
        colon = line.find(": ", colon + 1)
    if 0 < colon < 100:
        what, figures = line[:colon].strip(), line[colon + 2 :].strip()
    else:
        parts = _COLUMNS.split(line.strip(), maxsplit=1)
        if len(parts) == 2 and len(parts[0]) < 60:
            what, figures = parts
    return Row(f"{label}: {what}" if what else label, " ".join(figures.split()), target=target)


HEADER = ("Benchmark", "Measured (best run)", "Bare CSafeLoader parse", "Ratio", "Memory: peak / kept", "Target", "Met")


def table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join("---" for _ in HEADER) + "|"]
    for row in rows:
        cells = (row.benchmark, row.measured, row.bare, row.ratio, row.memory, row.target, row.met)
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return "\n".join(lines)


def machine() -> str:
    def command(*args: str) -> str:
        try:
            return subprocess.run(args, capture_output=True, text=True, check=False, timeout=10).stdout.strip()
        except OSError:
            return "(not available)"

    import yaml

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    lines = [
        f"- Date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- `nproc`: {command('nproc')}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"PyYAML {yaml.__version__} with libyaml: {getattr(yaml, '__with_libyaml__', False)}",
        f"- Load average when the run started: {load} (other work on the machine inflates wall times; CPU times "
        "are given beside them)",
        "- `lscpu | head`:",
        "",
        "```",
        *command("sh", "-c", "lscpu | head").splitlines(),
        "```",
    ]
    return "\n".join(lines)


NOTES = """\
How to read it: times are the best of several runs (wall clock, CPU in brackets), the load alternating with a
bare `yaml.load(data, Loader=yaml.CSafeLoader)` of the same files in the same process; the ratio is load+check
over that bare parse. Memory is measured under tracemalloc in a separate load: the peak of Python allocations
during the load, then what the loaded story keeps. Generated stories come from bench/generate.py and are shaped
like the shipped one (about 15 beats and 1.6 KB of YAML per scene, every kind of beat, conditions, menus). Scene
programs and the story machine are built on first play, not at load; they are not in these times."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="small sizes only, for CI (under a minute)")
    parser.add_argument("--sizes", type=lambda s: tuple(int(x) for x in s.split(",")), help="e.g. 1000,5000")
    parser.add_argument("--results", type=Path, help="write the table and machine here (full run: bench/RESULTS.md)")
    parser.add_argument("--no-results", action="store_true", help="write no results file")
    args = parser.parse_args(argv)
    sizes = args.sizes or (SHORT_SIZES if args.short else FULL_SIZES)
    started = time.perf_counter()
    description = machine()
    rows, measured, loads_ok = load_rows(sizes, args.short)
    more, scripts_ok = script_rows(args.short)
    text = table(rows + more)
    note = target_note(measured)
    print(text)
    if note:
        print(f"\n{note}")
    elapsed = time.perf_counter() - started
    print(f"\n({'short' if args.short else 'full'} run, {elapsed:.0f} s)")
    results = args.results or (None if args.short else BENCH / "RESULTS.md")
    if results is not None and not args.no_results:
        mode = "python bench/run.py --short" if args.short else "python bench/run.py"
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
        body = (
            f"# Benchmark results\n\nMade by `{mode}` ({elapsed:.0f} s).\n\n{text}\n\n"
            + (f"{note}\n\n" if note else "")
            + f"{NOTES}\n\n## Machine\n\n{description}\n- Load average when the run ended: {load}\n"
        )
        temporary = results.with_name(f".{results.name}.tmp")
        temporary.write_text(body, encoding="utf-8")
        os.replace(temporary, results)
        print(f"written to {results}")
    return 0 if loads_ok and scripts_ok else 1


if __name__ == "__main__":
    sys.exit(main())
