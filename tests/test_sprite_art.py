"""The character sprites: every one the story outline promises exists, is SVG that pygame can load, and
looks like a figure (transparent around it, solid where it stands), and a character's expressions
change the face while keeping the same body.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame

ROOT = Path(__file__).resolve().parent.parent
SPRITES = ROOT / "assets" / "sprites"
OUTLINE = ROOT / "docs" / "STORY-OUTLINE.md"
SVG_NS = "{http://www.w3.org/2000/svg}"
WIDTH, HEIGHT = 480, 720
MAX_TOTAL_BYTES = 6 * 1024 * 1024


def _outline_sprite_table() -> tuple[list[str], dict[str, str]]:
    """The shared expressions and each character's own one, as the outline's sprite section lists them."""
    text = OUTLINE.read_text(encoding="utf-8")
    start = text.index("Sprites (")
    end = text.index("Outfits (", start)
    section = text[start:end]
    shared_line = re.search(r"`([a-z_, ]+)`\s+and one expression of their own", section)
    assert shared_line, "the outline no longer lists the shared expressions"
    shared = [name.strip() for name in shared_line.group(1).split(",")]
    own: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or cells[0] in ("who", "---") or set(cells[0]) <= {"-"}:
            continue
        for who, expression in zip(cells[0::3], cells[1::3], strict=False):
            if who and expression:
                own[who] = expression
    return shared, own


SHARED, OWN = _outline_sprite_table()
CASES = [(who, expression) for who, mine in OWN.items() for expression in (*SHARED, mine)]


def _path(who: str, expression: str, outfit: str = "default") -> Path:
    return SPRITES / who / outfit / f"{expression}.svg"


@cache
def _tree(who: str, expression: str) -> ET.Element:
    return ET.parse(_path(who, expression)).getroot()


@cache
def _pixels(who: str, expression: str) -> bytes:
    surface = pygame.image.load_sized_svg(str(_path(who, expression)), (WIDTH, HEIGHT))
    assert surface.get_size() == (WIDTH, HEIGHT)
    return pygame.image.tobytes(surface, "RGBA")


def _alpha(pixels: bytes, x: int, y: int) -> int:
    return pixels[(y * WIDTH + x) * 4 + 3]


def _rows(pixels: bytes, top: int, bottom: int) -> list[bytes]:
    return [pixels[y * WIDTH * 4 : (y + 1) * WIDTH * 4] for y in range(top, bottom)]


def test_outline_table_was_read() -> None:
    assert SHARED == ["neutral", "happy", "sad", "surprised"]
    assert len(OWN) == 27
    assert OWN["charlie"] == "shy" and OWN["sahar"] == "cool" and OWN["julio"] == "kind"


@pytest.mark.parametrize(("who", "expression"), CASES)
def test_sprite_is_plain_svg_that_nanosvg_understands(who: str, expression: str) -> None:
    path = _path(who, expression)
    assert path.is_file(), f"missing sprite {path.relative_to(ROOT)}"
    root = _tree(who, expression)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"
    assert (root.get("width"), root.get("height")) == (str(WIDTH), str(HEIGHT))
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    gradients = 0
    for el in root.iter():
        tag = el.tag.removeprefix(SVG_NS)
        assert tag not in ("text", "filter", "style", "image", "use", "foreignObject"), f"<{tag}> in {path.name}"
        assert "filter" not in el.attrib and "style" not in el.attrib and "class" not in el.attrib
        for name, value in el.attrib.items():
            assert "href" not in name, f"external reference in {path.name}"
            for ref in re.findall(r"url\(#([^)]+)\)", value):
                assert ref in ids, f"{path.name} refers to undefined #{ref}"
            assert "url(" not in value or value.startswith("url(#"), f"external url in {path.name}"
        if tag in ("linearGradient", "radialGradient"):
            gradients += 1
            assert el.get("gradientUnits") == "userSpaceOnUse", f"{path.name}: gradient {el.get('id')}"
    assert gradients > 0, "the style calls for soft gradient shading"


@pytest.mark.parametrize(("who", "expression"), CASES)
def test_sprite_loads_as_a_figure_on_a_transparent_ground(who: str, expression: str) -> None:
    pixels = _pixels(who, expression)
    for x, y in ((0, 0), (WIDTH - 1, 0), (0, HEIGHT - 1), (WIDTH - 1, HEIGHT - 1), (10, 10), (WIDTH - 11, 10)):
        assert _alpha(pixels, x, y) == 0, f"corner ({x}, {y}) is not transparent"
    # solid where the body meets the bottom edge, and across the face
    for x in range(WIDTH // 2 - 60, WIDTH // 2 + 61, 20):
        assert _alpha(pixels, x, HEIGHT - 1) == 255, f"the figure does not reach the bottom edge at x={x}"
    opaque_rows = [y for y in range(HEIGHT) if _alpha(pixels, WIDTH // 2, y) == 255]
    top = opaque_rows[0]
    assert 55 <= top <= 135, f"head top at y={top}, expected around 70..120"
    assert all(_alpha(pixels, WIDTH // 2, y) == 255 for y in range(top + 20, HEIGHT)), "a hole down the middle"


@pytest.mark.parametrize("who", list(OWN))
def test_expressions_change_the_face_and_share_the_body(who: str) -> None:
    expressions = (*SHARED, OWN[who])
    figures = {}
    for expression in expressions:
        groups = {g.get("id"): ET.tostring(g) for g in _tree(who, expression).iter(f"{SVG_NS}g") if g.get("id")}
        assert {"figure", "face"} <= set(groups), f"{who}/{expression}: expected figure and face layers"
        figures[expression] = (groups["figure"], groups.get("worn"))
    assert len(set(figures.values())) == 1, f"{who}: the body, hair or clothes change between expressions"
    for a, b in itertools.combinations(expressions, 2):
        pa, pb = _pixels(who, a), _pixels(who, b)
        face_rows = sum(ra != rb for ra, rb in zip(_rows(pa, 140, 380), _rows(pb, 140, 380), strict=True))
        assert face_rows >= 12, f"{who}: {a} and {b} look almost the same ({face_rows} rows differ)"
        assert _rows(pa, 520, HEIGHT) == _rows(pb, 520, HEIGHT), f"{who}: {a} and {b} differ below the chest"


def test_characters_look_different_from_each_other() -> None:
    neutral = {who: _pixels(who, "neutral") for who in OWN}
    for a, b in itertools.combinations(OWN, 2):
        differing = sum(
            ra != rb for ra, rb in zip(_rows(neutral[a], 0, HEIGHT), _rows(neutral[b], 0, HEIGHT), strict=True)
        )
        assert differing > HEIGHT // 2, f"{a} and {b} are hard to tell apart"


def test_sprites_stay_small() -> None:
    total = sum(path.stat().st_size for path in SPRITES.rglob("*.svg"))
    assert total < MAX_TOTAL_BYTES, f"sprites take {total} bytes"


def test_committed_sprites_match_the_drawing_code() -> None:
    run = subprocess.run(
        [sys.executable, "tools/build_sprites.py", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, f"rebuild the sprites (python tools/build_sprites.py):\n{run.stderr}"


def test_build_script_rejects_an_unknown_character_clearly() -> None:
    run = subprocess.run(
        [sys.executable, "tools/build_sprites.py", "--only", "mystery", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "unknown character: mystery" in run.stderr and "Traceback" not in run.stderr


WARDROBE = {
    "charlie": {"uniform", "casual", "prom", "wave", "uniform_wave", "casual_wave", "prom_wave"},
    "nick": {"uniform", "casual", "prom", "rugby", "wave", "uniform_wave", "casual_wave", "prom_wave", "rugby_wave"},
    **{who: {"uniform", "casual", "prom"} for who in ("tao", "elle", "tara", "darcy")},
}


def test_every_speaking_character_has_a_sprite() -> None:
    from game.loader import load_story
    from game.model import IfBeat, TextBeat
    from game.paths import default_story_dir

    story = load_story(default_story_dir())
    speakers: set[str] = set()

    def walk(beats) -> None:
        for beat in beats:
            if isinstance(beat, TextBeat) and beat.speaker:
                speakers.add(beat.speaker)
            elif isinstance(beat, IfBeat):
                walk(beat.then)
                walk(beat.otherwise)

    for scene in story.scenes.values():
        walk(scene.beats)
    assert speakers and speakers <= set(OWN), f"speak without a sprite: {sorted(speakers - set(OWN))}"


@pytest.mark.parametrize("who", list(WARDROBE))
def test_outfits_have_every_expression_and_change_the_clothes_not_the_face(who: str) -> None:
    expressions = (*SHARED, OWN[who])
    folders = {p.name for p in (SPRITES / who).iterdir() if p.is_dir()}
    assert WARDROBE[who] | {"default"} <= folders
    default = _pixels(who, "neutral")
    for outfit in sorted(WARDROBE[who]):
        figures = set()
        for expression in expressions:
            path = _path(who, expression, outfit)
            assert path.is_file(), f"missing {path.relative_to(ROOT)}"
            root = ET.parse(path).getroot()
            figures.add(next(ET.tostring(g) for g in root.iter(f"{SVG_NS}g") if g.get("id") == "figure"))
        assert len(figures) == 1, f"{who}/{outfit}: the clothes change between expressions"
        surface = pygame.image.load_sized_svg(str(_path(who, "neutral", outfit)), (WIDTH, HEIGHT))
        pixels = pygame.image.tobytes(surface, "RGBA")
        differs = sum(a != b for a, b in zip(_rows(pixels, 0, HEIGHT), _rows(default, 0, HEIGHT), strict=True))
        if outfit in SAME_AS_DEFAULT.get(who, ()):
            assert differs == 0, f"{who}/{outfit} should be their everyday clothes"
        else:
            assert differs > 150, f"{who}/{outfit} looks like the default clothes ({differs} rows differ)"


SAME_AS_DEFAULT = {
    "charlie": ("uniform",),
    "nick": ("rugby",),
    **{w: ("casual",) for w in ("tao", "elle", "tara", "darcy")},
}
