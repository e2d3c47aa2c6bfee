"""Build the character sprites: assets/sprites/WHO/OUTFIT/EXPRESSION.svg for every character, outfit and expression.

`default` is what a character usually wears; the other outfit folders (prom, casual, uniform, a second pose...)
come from the wardrobes in tools/sprites/characters.py. Sprites left in the old flat layout
(assets/sprites/WHO/EXPRESSION.svg) are reported by `--check` and removed by a build, once their `default` copy
is written.

Why it exists: the sprites are drawn by code (tools/sprites/) and the SVG files are committed; this
script regenerates them. `--check` reports files that are missing or out of date instead of writing, so
CI can tell when someone changed the drawing code but not the files.

    python tools/build_sprites.py [--only WHO ...] [--check] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from game.wording import plural, word_for

try:
    from tools.sprites.characters import BY_WHO, CAST, looks
    from tools.sprites.compose import compose
except ModuleNotFoundError:  # run as a script: tools/ itself is on sys.path
    from sprites.characters import BY_WHO, CAST, looks  # type: ignore[no-redef]
    from sprites.compose import compose  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "assets" / "sprites"


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and a rename, so no half-written file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="WHO", help="build only these characters")
    parser.add_argument("--check", action="store_true", help="report stale or missing files, write nothing")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: assets/sprites)")
    args = parser.parse_args(argv)

    unknown = [who for who in args.only or [] if who not in BY_WHO]
    if unknown:
        print(
            f"build_sprites: unknown {word_for(len(unknown), 'character')}: {', '.join(unknown)}; "
            f"known: {', '.join(BY_WHO)}",
            file=sys.stderr,
        )
        return 2
    cast = [BY_WHO[who] for who in args.only] if args.only else list(CAST)
    stale: list[Path] = []
    written = 0
    total = 0
    for character in cast:
        for folder, look in looks(character).items():
            for expression in character.expressions:
                total += 1
                path = args.out / character.who / folder / f"{expression}.svg"
                text = compose(character, expression, None if folder == "default" else look)
                current = path.read_text(encoding="utf-8") if path.exists() else None
                if current == text:
                    continue
                if args.check:
                    stale.append(path)
                else:
                    try:
                        write_atomic(path, text)
                    except OSError as err:
                        print(f"build_sprites: cannot write {path}: {err}", file=sys.stderr)
                        return 1
                    written += 1
        flat = sorted((args.out / character.who).glob("*.svg"))  # the layout before outfits
        if args.check:
            stale += flat
        else:
            for path in flat:
                path.unlink()
    if args.check:
        for path in stale:
            print(f"build_sprites: out of date: {path}", file=sys.stderr)
        return 1 if stale else 0
    print(f"build_sprites: {plural(written, 'file')} written, {plural(total, 'sprite')} in total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
