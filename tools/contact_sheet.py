"""Render every background and every character sprite onto one PNG, to judge the art side by side.

Why it exists: backgrounds and sprites are drawn by different generators, and the only real test that
they look like one game by one hand is to see them together. The sheet has three parts: a few scenes
as the player sees them (a background with characters standing in it at the game's own sprite size and
places, and the dialogue box's area shaded), every background as a labelled thumbnail, and every sprite.

    python tools/contact_sheet.py                   # writes out/contact-sheet.png
    python tools/contact_sheet.py /tmp/sheet.png    # or any path you give

Runs headless (SDL_VIDEODRIVER=dummy is set if nothing else is). The PNG is written atomically.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.ui.fonts import Fonts  # noqa: E402
from game.ui.theme import BOX, INK, PAPER, PAPER_DEEP, SPRITE_HEIGHT, SPRITE_X  # noqa: E402
from game.wording import plural  # noqa: E402

BACKGROUNDS = ROOT / "assets" / "backgrounds"
SPRITES = ROOT / "assets" / "sprites"
DEFAULT_OUT = ROOT / "out" / "contact-sheet.png"

MARGIN = 24
THUMB = (320, 180)
THUMB_COLS = 6
SPRITE_CELL = (96, 144)
SCENE = (640, 360)
# Scenes shown with characters in them: (background, [(who, expression, place), ...]).
STAGED = (
    ("charlie_bedroom", [("charlie", "shy", "left"), ("nick", "grin", "right")]),
    ("truham_corridor", [("tao", "dramatic", "left"), ("elle", "dreamy", "center"), ("isaac", "thoughtful", "right")]),
    ("montmartre_steps", [("nick", "happy", "left"), ("charlie", "happy", "right")]),
)


class SheetError(Exception):
    """A problem worth a one-line message instead of a traceback."""


def load_svg(path: Path, size: tuple[int, int]) -> pygame.Surface:
    """Rasterise an SVG at `size`, or raise SheetError naming the file."""
    try:
        return pygame.image.load_sized_svg(str(path), size)
    except (pygame.error, FileNotFoundError, OSError) as err:
        raise SheetError(f"cannot load {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {err}") from err


def staged_scene(background: str, cast: list[tuple[str, str, str]]) -> pygame.Surface:
    """A 1280x720 frame as the game composes it, scaled down: background, sprites, the dialogue box area."""
    frame = load_svg(BACKGROUNDS / f"{background}.svg", (1280, 720)).convert_alpha()
    width = round(SPRITE_HEIGHT * 480 / 720)
    for who, expression, place in cast:
        sprite = load_svg(SPRITES / who / "default" / f"{expression}.svg", (width, SPRITE_HEIGHT))
        frame.blit(sprite, (SPRITE_X[place] - width // 2, 720 - SPRITE_HEIGHT))
    box = pygame.Surface(BOX[2:], pygame.SRCALPHA)
    pygame.draw.rect(box, (*PAPER, 215), box.get_rect(), border_radius=18)
    frame.blit(box, BOX[:2])
    return pygame.transform.smoothscale(frame, SCENE)


def build(out: Path) -> tuple[int, int]:
    """Draw the sheet and write it to `out`; returns (backgrounds, sprites) counted."""
    backgrounds = sorted(p for p in BACKGROUNDS.glob("*.svg") if "." not in p.stem)  # not the variants
    sprites = sorted(SPRITES.glob("*/default/*.svg"))
    if not backgrounds:
        raise SheetError(f"no backgrounds found in {BACKGROUNDS}")
    if not sprites:
        raise SheetError(f"no sprites found in {SPRITES}")

    pygame.display.init()
    pygame.display.set_mode((1, 1))
    fonts = Fonts()
    label_font = fonts.get(18)
    head_font = fonts.get(26, bold=True)

    sprite_cols = (THUMB_COLS * (THUMB[0] + MARGIN) - MARGIN) // SPRITE_CELL[0]
    width = MARGIN * 2 + THUMB_COLS * (THUMB[0] + MARGIN) - MARGIN
    thumb_rows = -(-len(backgrounds) // THUMB_COLS)
    sprite_rows = -(-len(sprites) // sprite_cols)
    staged_h = SCENE[1] + 40
    height = (
        MARGIN + 40 + staged_h + 40 + thumb_rows * (THUMB[1] + 30) + 40 + sprite_rows * (SPRITE_CELL[1] + 24) + MARGIN
    )
    sheet = pygame.Surface((width, height))
    sheet.fill(PAPER)

    y = MARGIN

    def heading(text: str) -> None:
        nonlocal y
        sheet.blit(head_font.render(text, True, INK), (MARGIN, y))
        y += 40

    heading("In play: backgrounds with sprites at game size, dialogue box shaded")
    x = MARGIN
    for background, cast in STAGED:
        if (BACKGROUNDS / f"{background}.svg").exists():
            sheet.blit(staged_scene(background, cast), (x, y))
            x += SCENE[0] + MARGIN
            if x + SCENE[0] > width:
                break
    y += staged_h

    heading(f"Backgrounds ({len(backgrounds)})")
    for i, path in enumerate(backgrounds):
        col, row = i % THUMB_COLS, i // THUMB_COLS
        tx = MARGIN + col * (THUMB[0] + MARGIN)
        ty = y + row * (THUMB[1] + 30)
        sheet.blit(pygame.transform.smoothscale(load_svg(path, (1280, 720)), THUMB), (tx, ty))
        pygame.draw.rect(sheet, INK, (tx - 1, ty - 1, THUMB[0] + 2, THUMB[1] + 2), 1)
        sheet.blit(label_font.render(path.stem, True, INK), (tx, ty + THUMB[1] + 4))
    y += thumb_rows * (THUMB[1] + 30)

    heading(f"Sprites ({len(sprites)})")
    for i, path in enumerate(sprites):
        col, row = i % sprite_cols, i // sprite_cols
        sx = MARGIN + col * SPRITE_CELL[0]
        sy = y + row * (SPRITE_CELL[1] + 24)
        pygame.draw.rect(sheet, PAPER_DEEP, (sx + 2, sy, SPRITE_CELL[0] - 4, SPRITE_CELL[1]))
        sheet.blit(load_svg(path, SPRITE_CELL), (sx, sy))
        name = f"{path.parent.parent.name}/{path.stem}"
        label = label_font.render(name, True, INK)
        if label.get_width() > SPRITE_CELL[0] - 2:
            label = pygame.transform.smoothscale(
                label, (SPRITE_CELL[0] - 2, round(label.get_height() * (SPRITE_CELL[0] - 2) / label.get_width()))
            )
        sheet.blit(label, (sx + 1, sy + SPRITE_CELL[1] + 2))

    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".png", dir=out.parent)
    os.close(fd)
    try:
        pygame.image.save(sheet, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(backgrounds), len(sprites)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw all backgrounds and sprites onto one PNG.")
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help="PNG to write (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.out.suffix.lower() != ".png":
        print(f"error: the contact sheet is a PNG; give a path ending in .png, not {args.out}", file=sys.stderr)
        return 2
    try:
        counts = build(args.out)
    except SheetError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: cannot write {args.out}: {err}", file=sys.stderr)
        return 1
    finally:
        pygame.quit()
    print(f"{args.out}: {plural(counts[0], 'background')}, {plural(counts[1], 'sprite')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
