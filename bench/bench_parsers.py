"""Would another YAML parser make the cold load faster? rapidyaml against PyYAML's C parser and our reader.

The loader needs, for every file, Python values with the line and column of every key, value and item (for its
messages), typed scalars, and its own refusals (tabs, anchors, tags, control characters, duplicate keys). This
measures, on the same files in one process, alternating, best of several runs:

- a bare `yaml.load(..., CSafeLoader)` (the yardstick of bench_load.py);
- our positioned reader (`game.yaml_source`, PyYAML's C event parser plus our own building of values);
- rapidyaml parsing alone (a C++ tree, nothing in Python yet);
- rapidyaml plus the least any loader needs: walking its tree into plain dicts, lists and strings, with no positions,
  no typed scalars and no checks. The binding offers no positions per node, so this is a lower bound of what a
  rapidyaml-based reader would cost; the issue's bar is a reader at least 2x faster than ours.

Prints "not measured" when rapidyaml (`pip install rapidyaml`) is not installed; it is not a dependency.

    python bench/bench_parsers.py [--scenes 10000] [--short]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_story  # noqa: E402

from game.yaml_source import parse_file_bytes  # noqa: E402

BAR = 2.0  # adopt another parser only if a reader built on it is at least this much faster than ours


def _walk(ryml, tree, node):  # rapidyaml has no type hints
    """The tree under `node` as plain values (no positions, scalars left as text)."""
    none = ryml.NONE
    if tree.is_map(node):
        mapping = {}
        child = tree.first_child(node)
        while child != none:
            mapping[bytes(tree.key(child)).decode()] = _walk(ryml, tree, child)
            child = tree.next_sibling(child)
        return mapping
    if tree.is_seq(node):
        items = []
        child = tree.first_child(node)
        while child != none:
            items.append(_walk(ryml, tree, child))
            child = tree.next_sibling(child)
        return items
    return bytes(tree.val(node)).decode() if tree.has_val(node) else None


def best(action, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--short", action="store_true", help="1,000 scenes, once")
    args = parser.parse_args(argv)
    try:
        import ryml
    except ImportError:
        print("rapidyaml: not measured (not installed: pip install rapidyaml)")
        return 0
    scenes, repeats = (1_000, 1) if args.short else (args.scenes, args.repeats)
    with tempfile.TemporaryDirectory(prefix="heartstopper-parsers-") as temporary:
        story = write_story(Path(temporary) / "story", scenes)
        files = [story / "story.yaml", *sorted(story.glob("scenes/**/*.yaml"))]
        data = [path.read_bytes() for path in files]
    megabytes = sum(len(d) for d in data) / 1e6

    def bare() -> None:
        for item in data:
            yaml.load(item, Loader=yaml.CSafeLoader)

    def ours() -> None:
        for path, item in zip(files, data):
            parse_file_bytes(path, path.name, item)

    def ryml_parse() -> None:
        for item in data:
            ryml.parse_in_arena(item)

    def ryml_values() -> None:
        for item in data:
            tree = ryml.parse_in_arena(item)
            _walk(ryml, tree, tree.root_id())

    collecting = gc.isenabled()
    gc.disable()  # as the loader does
    try:
        figures = {
            name: best(action, repeats)
            for name, action in (("bare", bare), ("ours", ours), ("parse", ryml_parse), ("values", ryml_values))
        }
    finally:
        if collecting:
            gc.enable()
    what = f"{scenes:,} scenes, {megabytes:.1f} MB, best of {repeats}"
    print(f"our positioned reader ({what}): {figures['ours']:.2f} s, bare CSafeLoader parse {figures['bare']:.2f} s")
    print(f"rapidyaml {ryml.__version__}, parse alone: {figures['parse']:.2f} s")
    speedup = figures["ours"] / figures["values"]
    print(
        f"rapidyaml into plain values (no positions, no checks): {figures['values']:.2f} s, at best "
        f"{speedup:.2f}x faster than our reader [target ≥ {BAR:g}x to adopt]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
