"""Line-up pictures of the built sprites, for looking at them as a player would.

Why it exists: the drawing code can only be judged by eye. This renders each character's expressions
side by side on a pale background (and the whole cast in one sheet) with pygame, the same loader the
game uses, so misplaced parts and look-alike characters show up before anyone plays.

    python -m tools.sprites.preview OUT_DIR [WHO ...]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .characters import BY_WHO, CAST, Character

PALE = (246, 240, 232)
SPRITES = Path(__file__).resolve().parents[2] / "assets" / "sprites"


def _save(surface: object, path: Path) -> None:
    import pygame

    tmp = path.with_name(f".{path.name}.tmp.png")
    pygame.image.save(surface, str(tmp))
    os.replace(tmp, path)


def lineup(character: Character, out: Path, size: tuple[int, int] = (320, 480)) -> Path:
    """All of one character's expressions side by side; returns the PNG's path."""
    import pygame

    w, h = size
    sheet = pygame.Surface((w * len(character.expressions), h))
    sheet.fill(PALE)
    for i, expression in enumerate(character.expressions):
        sprite = pygame.image.load_sized_svg(str(SPRITES / character.who / "default" / f"{expression}.svg"), size)
        sheet.blit(sprite, (i * w, 0))
    path = out / f"{character.who}.png"
    _save(sheet, path)
    return path


def cast_sheet(out: Path, size: tuple[int, int] = (200, 300), columns: int = 10) -> Path:
    """Every character's neutral sprite in one sheet, to check they are easy to tell apart."""
    import pygame

    w, h = size
    rows = (len(CAST) + columns - 1) // columns
    sheet = pygame.Surface((w * columns, h * rows))
    sheet.fill(PALE)
    for i, character in enumerate(CAST):
        sprite = pygame.image.load_sized_svg(str(SPRITES / character.who / "default" / "neutral.svg"), size)
        sheet.blit(sprite, ((i % columns) * w, (i // columns) * h))
    path = out / "cast.png"
    _save(sheet, path)
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m tools.sprites.preview OUT_DIR [WHO ...]", file=sys.stderr)
        return 2
    out, names = Path(args[0]), args[1:]
    unknown = [who for who in names if who not in BY_WHO]
    if unknown:
        print(f"preview: unknown character(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    pygame.init()
    try:
        out.mkdir(parents=True, exist_ok=True)
        for character in [BY_WHO[w] for w in names] if names else CAST:
            print(lineup(character, out))
        print(cast_sheet(out))
    except (OSError, pygame.error) as err:
        print(f"preview: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
