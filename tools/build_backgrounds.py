"""Write every background SVG from the generator in tools/backgrounds.

Why it exists: the SVGs in assets/backgrounds are generated, then committed so the game never needs
the generator at run time. Run this after changing the drawing code:

    python tools/build_backgrounds.py            # write all backgrounds
    python tools/build_backgrounds.py title coach  # write only these ids
    python tools/build_backgrounds.py --check    # exit 1 if any committed file is out of date
    python tools/build_backgrounds.py --list     # every file it writes, with its time of day and season

An outdoor background also gets its variants (`eiffel_tower.night.svg`, `nick_garden.summer.svg`, see
tools/backgrounds/variants.py), and assets/backgrounds/places.yaml lists the outdoor backgrounds for the game
(falling leaves stay outdoors). Files are written atomically (temporary file, then rename).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
OUT_DIR = ROOT / "assets" / "backgrounds"
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))

import backgrounds  # noqa: E402  (tools/ is put on the path just above)

from game.wording import word_for  # noqa: E402

PLACES_HEADER = """\
# Written by tools/build_backgrounds.py: the backgrounds that are outdoors. The game lets autumn leaves fall
# only on these (and only in autumn); they are also the ones drawn by day and by night, in spring and summer.
outdoors:
"""


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the background SVGs.")
    parser.add_argument("ids", nargs="*", help="background ids to build (default: all)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: assets/backgrounds)")
    parser.add_argument("--check", action="store_true", help="only report files that differ from the generator")
    parser.add_argument("--list", action="store_true", help="list every file with its time of day and season")
    args = parser.parse_args(argv)
    every = backgrounds.files()
    if args.list:
        for name, (scene_id, time, season) in every.items():
            print(f"{name}.svg  {scene_id}  time={time or 'its own'}  season={season or 'autumn'}")
        return 0

    unknown = [i for i in args.ids if i not in backgrounds.SCENES]
    if unknown:
        print(f"error: unknown background {word_for(len(unknown), 'id')}: {', '.join(unknown)}", file=sys.stderr)
        print(f"known: {', '.join(sorted(backgrounds.SCENES))}", file=sys.stderr)
        return 2
    stale = []
    total = 0
    wanted = set(args.ids or backgrounds.SCENES)
    outputs = [(name, *spec) for name, spec in every.items() if spec[0] in wanted]
    places = PLACES_HEADER + "".join(f"  - {name}\n" for name in backgrounds.OUTDOORS)
    if not args.ids:
        path = args.out / "places.yaml"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != places:
                stale.append("places.yaml")
        else:
            write_atomic(path, places)
    for name, scene_id, time, season in outputs:
        text = backgrounds.render(scene_id, time, season)
        path = args.out / f"{name}.svg"
        total += len(text.encode())
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        try:
            write_atomic(path, text)
        except OSError as err:
            print(f"error: cannot write {path}: {err}", file=sys.stderr)
            return 1
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {len(text.encode()) / 1024:.1f} KB")
    if args.check:
        if stale:
            print(f"out of date: {', '.join(stale)} (run python tools/build_backgrounds.py)", file=sys.stderr)
            return 1
        print("all backgrounds up to date")
        return 0
    print(f"total {total / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
