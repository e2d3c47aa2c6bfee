"""Things worn or held that are not clothes or hair: glasses, a book, a scarf, a hair clip, facial hair.

Why it exists: these are the small details that finish a character (Isaac's glasses and book, Sarah's
yellow scarf, Mr Farouk's moustache...). Each says which layer it belongs to, so the composer can paint
it at the right moment, and whether it draws in head coordinates or on the canvas.

Layers, in painting order: "behind" (before everything), "body" (over the clothes), "skin" (on the face,
under the fringe), "hair" (over the fringe), "face" (over the expression), "held" (last, in front).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .body import BOTTOM, Body
from .geometry import Path
from .palette import darker, lighter
from .svg import INK, Sprite

if TYPE_CHECKING:
    from .characters import Character


@dataclass(frozen=True)
class Accessory:
    layer: str
    space: str  # "head" (head coordinates) or "canvas"
    draw: Callable[[Sprite, Character, Body], None]


def _glasses(s: Sprite, ch: Character, body: Body) -> None:
    frame = ch.colours.get("frames", INK)
    for side in (-1, 1):
        x = side * 34.0
        s.el("ellipse", cx=x, cy=4.0, rx=23.0, ry=21.0, fill="#dff0ff", stroke="none", opacity=0.18)
        s.line(str(Path(ox=x, oy=4).M(-14, -8).L(-6, -14)), 3.0, "#ffffff", opacity=0.7)
        s.el("ellipse", cx=x, cy=4.0, rx=23.0, ry=21.0, fill="none", stroke=frame, stroke_width=3.6)
        s.line(str(Path(sx=side).M(57, -2).L(78, -8)), 3.4, frame)
    s.line("M-11 0Q0 -8 11 0", 3.4, frame)


def _book(s: Sprite, ch: Character, body: Body) -> None:
    cover = ch.colours.get("book", "#c0584a")
    cx, top = body.cx - 40, body.neck_base + 190
    pages = Path().M(cx - 86, top + 14).L(cx + 40, top - 6).L(cx + 44, top + 4).L(cx - 82, top + 24).Z()
    s.path(str(pages), fill="#fbf3e2")
    grad = s.linear(cx - 86, top, cx + 58, BOTTOM, [(0, lighter(cover, 0.12)), (1, darker(cover, 0.12))])
    body_path = Path().M(cx - 82, top + 24).L(cx + 44, top + 4).L(cx + 58, BOTTOM + 10).L(cx - 70, BOTTOM + 30).Z()
    s.path(str(body_path), fill=grad)
    s.line(f"M{cx - 68:.1f} {top + 40:.1f}L{cx - 56:.1f} {BOTTOM:.1f}", 3.0, darker(cover, 0.3))
    label = Path().M(cx - 30, top + 70).L(cx + 28, top + 61).L(cx + 32, top + 88).L(cx - 26, top + 97).Z()
    s.path(str(label), fill=lighter(cover, 0.55), stroke_width=2.2)
    s.el("circle", cx=cx + 2.0, cy=top + 130, r=10.0, fill=lighter(cover, 0.4), stroke_width=2.2)
    # fingers curling round the left edge of the book from the hand behind it
    skin = ch.skin
    y_top, y_bottom = top + 24, BOTTOM + 30
    for k in range(4):
        y = top + 92 + k * 17
        edge = cx - 82 + 12 * (y - y_top) / (y_bottom - y_top)
        length = 22 - abs(k - 1.2) * 3
        f = Path(ox=edge - 6, oy=y).M(0, -7.5).L(length, -7.5).Q(length + 8, -7.5, length + 8, 0)
        f.Q(length + 8, 7.5, length, 7.5).L(0, 7.5)
        s.path(str(f), fill=skin, stroke_width=2.6)
        s.line(str(Path(ox=edge - 6, oy=y).M(length + 1, -4).Q(length + 4, 0, length + 1, 4)), 1.6, darker(skin, 0.35))


def _clip(s: Sprite, ch: Character, body: Body) -> None:
    colour = ch.colours.get("clip", "#9b6fd0")
    p = Path(ox=62, oy=-84).M(-18, -6).Q(0, -14, 18, -2).L(16, 8).Q(0, -2, -16, 4).Z()
    s.path(str(p), fill=colour, stroke_width=2.4)
    s.el("circle", cx=50.0, cy=-92.0, r=5.0, fill=lighter(colour, 0.5), stroke_width=2.0)


def _hoops(s: Sprite, ch: Character, body: Body) -> None:
    for side in (-1, 1):
        s.el("circle", cx=side * 86.0, cy=40.0, r=8.0, fill="none", stroke="#e8b94a", stroke_width=3.0)


def _moustache(s: Sprite, ch: Character, body: Body) -> None:
    colour = ch.hair
    p = Path().M(0, 48).C(10, 40, 26, 42, 32, 54).C(34, 58, 30, 60, 26, 56).C(18, 52, 8, 54, 0, 56)
    p.C(-8, 54, -18, 52, -26, 56).C(-30, 60, -34, 58, -32, 54).C(-26, 42, -10, 40, 0, 48).Z()
    grad = s.linear(0, 40, 0, 60, [(0, lighter(colour, 0.15)), (1, colour)])
    s.path(str(p), fill=grad, stroke_width=2.6)


def _beard(s: Sprite, ch: Character, body: Body) -> None:
    colour = ch.hair
    w = ch.build.face
    chin = 104 + ch.build.jaw
    p = (
        Path()
        .M(-w, 4)
        .C(-w + 2, 40, -w + 10, 70, -w + 28, 86 + ch.build.jaw)
        .C(-30, chin + 4, -14, chin + 6, 0, chin + 6)
    )
    p.C(14, chin + 6, 30, chin + 4, w - 28, 86 + ch.build.jaw).C(w - 10, 70, w - 2, 40, w, 4)
    p.C(w - 6, 30, w - 14, 50, w - 30, 62).C(36, 76, 28, 92, 0, 94).C(-28, 92, -36, 76, -(w - 30), 62)
    p.C(-(w - 14), 50, -(w - 6), 30, -w, 4).Z()
    s.path(str(p), fill=colour, stroke_width=2.4, opacity=0.92)
    m = Path().M(0, 46).C(14, 43, 26, 45, 31, 52).C(20, 50, 10, 50, 0, 51)
    m.C(-10, 50, -20, 50, -31, 52).C(-26, 45, -14, 43, 0, 46).Z()
    s.path(str(m), fill=colour, stroke_width=2.2, opacity=0.92)


def _stubble(s: Sprite, ch: Character, body: Body) -> None:
    w = ch.build.face
    chin = 104 + ch.build.jaw
    p = Path().M(-w + 4, 20).C(-w + 6, 60, -w + 24, 90, 0, chin).C(w - 24, 90, w - 6, 60, w - 4, 20)
    p.C(w - 16, 60, 30, 76, 0, 80).C(-30, 76, -(w - 16), 60, -w + 4, 20).Z()
    s.shade(str(p), darker(ch.skin, 0.5), 0.16)
    s.shade("M-24 48Q0 42 24 48Q0 54 -24 48Z", darker(ch.skin, 0.5), 0.2)


def _scarf(s: Sprite, ch: Character, body: Body) -> None:
    colour = ch.colours.get("scarf", "#f3c94c")
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    grad = s.linear(cx - 80, nb - 30, cx + 80, nb + 200, [(0, lighter(colour, 0.15)), (1, darker(colour, 0.1))])
    tail = Path().M(cx + 10, nb + 30).C(cx + 30, nb + 100, cx + 20, nb + 180, cx + 34, nb + 250)
    tail.L(cx + 84, nb + 240).C(cx + 70, nb + 170, cx + 72, nb + 90, cx + 52, nb + 30).Z()
    s.path(str(tail), fill=grad)
    for k in range(5):
        x = cx + 38 + k * 10
        s.line(f"M{x:.1f} {nb + 246 - k * 2:.1f}l1 16", 2.4, colour)
    wrap = Path().M(cx - nw - 16, nb - 40).C(cx - nw - 50, nb - 10, cx - nw - 40, nb + 40, cx, nb + 44)
    wrap.C(cx + nw + 40, nb + 40, cx + nw + 50, nb - 10, cx + nw + 16, nb - 40)
    wrap.C(cx + 20, nb - 20, cx - 20, nb - 20, cx - nw - 16, nb - 40).Z()
    s.path(str(wrap), fill=grad)
    fold = Path().M(cx - nw - 30, nb - 8).C(cx - 20, nb + 26, cx + 20, nb + 26, cx + nw + 30, nb - 8)
    s.line(str(fold), 2.2, darker(colour, 0.3))
    knot = (
        Path()
        .M(cx + 4, nb + 20)
        .C(cx + 20, nb + 6, cx + 50, nb + 14, cx + 54, nb + 36)
        .C(cx + 40, nb + 50, cx + 14, nb + 48, cx + 4, nb + 20)
        .Z()
    )
    s.path(str(knot), fill=lighter(colour, 0.08))


def _guitar(s: Sprite, ch: Character, body: Body) -> None:
    wood = ch.colours.get("guitar", "#a8693d")
    cx, nb = body.cx, body.neck_base
    x0, y0 = cx - body.sw + 24, nb + 90
    x1, y1 = x0 - 46, nb - 170
    neck = Path().M(x0 - 10, y0).L(x1 - 8, y1 + 40).L(x1 + 8, y1 + 42).L(x0 + 10, y0 + 2).Z()
    s.path(str(neck), fill="#6b4630")
    head = Path().M(x1 - 12, y1 + 44).L(x1 - 20, y1).Q(x1 - 4, y1 - 12, x1 + 10, y1 - 2).L(x1 + 12, y1 + 46).Z()
    s.path(str(head), fill=wood)
    for k in range(3):
        y = y1 + 8 + k * 12
        s.el("circle", cx=x1 - 20.0, cy=y, r=3.5, fill="#e6e0ea", stroke_width=1.6)
        s.el("circle", cx=x1 + 14.0, cy=y + 2, r=3.5, fill="#e6e0ea", stroke_width=1.6)


ACCESSORIES: dict[str, Accessory] = {
    "glasses": Accessory("face", "head", _glasses),
    "book": Accessory("held", "canvas", _book),
    "clip": Accessory("hair", "head", _clip),
    "hoops": Accessory("hair", "head", _hoops),
    "moustache": Accessory("face", "head", _moustache),
    "beard": Accessory("skin", "head", _beard),
    "stubble": Accessory("skin", "head", _stubble),
    "scarf": Accessory("body", "canvas", _scarf),
    "guitar": Accessory("behind", "canvas", _guitar),
}
