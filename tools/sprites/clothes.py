"""Outfits: what each character wears over the shared body.

Why it exists: clothes are how characters are told apart at a glance (Charlie's blue jumper, Nick's
rugby hoops, Tao's loud retro shirt...). Each outfit is built from a few reusable pieces (the shaded
torso, a V opening, a shirt collar, a tie, lapels, stripes that follow the body's edges) and takes its
colours from the character's table entry (`colours`), so a new outfit is a short function here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .body import BOTTOM, Body, draw_torso
from .geometry import Path, Point, clip_convex, cubic, poly
from .palette import darker, lighter
from .svg import INK, Sprite

if TYPE_CHECKING:
    from .characters import Character

WHITE_SHIRT = "#f7f5f2"


# -- reusable pieces ------------------------------------------------------------------------------


def _neck_corners(body: Body) -> tuple[Point, Point]:
    y = body.neck_base - 4
    return (body.cx - body.neck_w - 8, y), (body.cx + body.neck_w + 8, y)


def vee(body: Body, depth: float, spread: float = 0.0) -> list[Point]:
    """A V-shaped opening at the neck, as a convex polygon (its top follows the crew neckline)."""
    (lx, ly), (rx, ry) = _neck_corners(body)
    lx, rx = lx - spread, rx + spread
    cx, nb = body.cx, body.neck_base
    top = cubic((rx, ry), (cx + body.neck_w, nb + 16), (cx - body.neck_w, nb + 16), (lx, ly), steps=8)
    return [(lx, ly), (cx, nb + depth), *top[:-1]]


def open_front(body: Body, top_spread: float, bottom_half: float, neck_dip: float = 0.0) -> list[Point]:
    """An opening that runs from the neck to the bottom of the frame (open jacket, cardigan, coat)."""
    (lx, ly), (rx, ry) = _neck_corners(body)
    lx, rx = lx - top_spread, rx + top_spread
    cx, nb = body.cx, body.neck_base
    top = cubic((rx, ry), (cx + body.neck_w, nb + 16 + neck_dip), (cx - body.neck_w, nb + 16 + neck_dip), (lx, ly), 8)
    return [(lx, ly), (cx - bottom_half, BOTTOM), (cx + bottom_half, BOTTOM), *top[:-1]]


def fill_region(sprite: Sprite, region: list[Point], colour: str, *, outline: bool = True) -> None:
    """Fill a region with a softly shaded colour."""
    ys = [p[1] for p in region]
    grad = sprite.linear(0, min(ys), 0, max(ys), [(0, darker(colour, 0.08)), (0.3, colour), (1, lighter(colour, 0.05))])
    sprite.el("path", d=poly(region), fill=grad, stroke=INK if outline else "none")


def crew_band(sprite: Sprite, body: Body, colour: str, width: float = 12.0) -> None:
    """A ribbed crew neckline around the base of the neck."""
    (lx, ly), (rx, ry) = _neck_corners(body)
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    p = Path().M(lx, ly).C(cx - nw, nb + 16, cx + nw, nb + 16, rx, ry)
    p.L(rx + width * 0.9, ry + width * 0.3).C(
        cx + nw + 6, nb + 16 + width * 1.2, cx - nw - 6, nb + 16 + width * 1.2, lx - width * 0.9, ly + width * 0.3
    ).Z()
    sprite.path(str(p), fill=darker(colour, 0.06))
    for k in range(-4, 5):
        x = cx + k * (nw + 8) / 4.3
        t = abs(k) / 4.5
        y0 = nb + 12 - 10 * t * t
        sprite.line(str(Path().M(x, y0).L(x * 1 + (x - cx) * 0.08, y0 + width * 0.8)), 1.5, darker(colour, 0.3))


def shirt_collar(
    sprite: Sprite, body: Body, colour: str = WHITE_SHIRT, *, open_neck: bool = False, lift: float = 0
) -> None:
    """The two points of a shirt collar around the neck."""
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    for side in (-1, 1):
        p = Path(ox=cx, sx=side)
        if open_neck:
            p.M(nw + 3, nb - 20).L(nw + 26, nb + 6).L(14, nb + 44 - lift).L(6, nb + 26).Q(
                nw - 2, nb - 2, nw + 3, nb - 20
            )
        else:
            p.M(nw + 2, nb - 20).L(nw + 24, nb + 8).L(8, nb + 40 - lift).L(0, nb + 16).Q(
                nw - 4, nb - 2, nw + 2, nb - 20
            )
        grad = sprite.linear(cx, nb - 20, cx, nb + 40, [(0, darker(colour, 0.12)), (1, colour)])
        sprite.path(str(p.Z()), fill=grad)


def tie(
    sprite: Sprite,
    body: Body,
    colour: str,
    stripe: str,
    inside: list[Point],
    *,
    loose: float = 0.0,
    length: float = 330,
) -> None:
    """A striped tie, cut to the opening it shows through. `loose` drops and shifts the knot."""
    cx, nb = body.cx + loose * 0.35, body.neck_base + loose
    knot = [(cx - 10, nb + 12), (cx + 10, nb + 12), (cx + 7, nb + 32), (cx - 7, nb + 32)]
    blade = [
        (cx - 7, nb + 31),
        (cx + 7, nb + 31),
        (cx + 17, nb + length - 22),
        (cx + 1, nb + length),
        (cx - 15, nb + length - 22),
    ]
    shown = clip_convex(blade, inside)
    if len(shown) > 2:
        sprite.el("path", d=poly(shown), fill=colour, stroke=INK)
        for k in range(0, 16):
            y = nb + 40 + k * 26
            band = [(cx - 40, y), (cx + 40, y - 30), (cx + 40, y - 21), (cx - 40, y + 9)]
            part = clip_convex(clip_convex(band, blade), inside)
            if len(part) > 2:
                sprite.el("path", d=poly(part), fill=stripe, stroke="none")
        sprite.el("path", d=poly(shown), fill="none", stroke=INK)
    sprite.el("path", d=poly(knot), fill=lighter(colour, 0.08), stroke=INK)
    sprite.line(f"M{cx - 5:.1f} {nb + 18:.1f}L{cx + 6:.1f} {nb + 15:.1f}", 1.6, stripe)


def hoops(sprite: Sprite, body: Body, colour: str, bands: list[tuple[float, float]]) -> None:
    """Horizontal stripes across the whole figure, following its edges."""
    for top, height in bands:
        ys = [top + height * i / 6 for i in range(7)]
        left = [(body.edges_at(y)[0] + 1.5, y) for y in ys]
        right = [(body.edges_at(y)[1] - 1.5, y) for y in reversed(ys)]
        sprite.el("path", d=poly(left + right), fill=colour, stroke="none")
        for y in (top, top + height):
            lx, rx = body.edges_at(y)
            sprite.line(f"M{lx + 1:.1f} {y:.1f}L{rx - 1:.1f} {y:.1f}", 1.8, darker(colour, 0.25))


def lapels(sprite: Sprite, body: Body, colour: str, depth: float, *, width: float = 30, notch: bool = True) -> None:
    """Jacket lapels folded back along the edges of a V opening of the given depth."""
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    for side in (-1, 1):
        p = Path(ox=cx, sx=side)
        p.M(nw + 6, nb - 8).L(nw + 6 + width, nb + 30)
        if notch:
            p.L(nw + width - 2, nb + 44).L(nw + width + 10, nb + 52)
        p.L(16 + width * 0.25, nb + depth - 20).L(2, nb + depth).L(nw + 10, nb - 4).Z()
        sprite.path(str(p), fill=darker(colour, 0.08))


def buttons(sprite: Sprite, xs: list[float], ys: list[float], colour: str, r: float = 5.0) -> None:
    for x in xs:
        for y in ys:
            sprite.el("circle", cx=x, cy=y, r=r, fill=colour, stroke_width=2.0)


def badge(sprite: Sprite, x: float, y: float, colour: str, trim: str) -> None:
    """A small school crest (a shield with a chevron), no lettering."""
    p = Path(ox=x, oy=y).M(-14, -16).L(14, -16).L(14, 0).Q(14, 14, 0, 20).Q(-14, 14, -14, 0).Z()
    sprite.path(str(p), fill=colour, stroke_width=2.2)
    sprite.line(str(Path(ox=x, oy=y).M(-9, 4).L(0, -6).L(9, 4)), 2.4, trim)


def scatter(body: Body, spacing: float, top: float, margin: float = 14) -> list[Point]:
    """Evenly scattered points inside the figure below `top` (for prints and tweed flecks)."""
    pts = []
    row = 0
    y = top
    while y < BOTTOM - 6:
        lx, rx = body.edges_at(y)
        x = lx + margin + (spacing / 2 if row % 2 else 0)
        while x < rx - margin:
            pts.append((x, y))
            x += spacing
        y += spacing * 0.8
        row += 1
    return pts


# -- outfits --------------------------------------------------------------------------------------


def _colour(character: Character, key: str) -> str:
    try:
        return character.colours[key]
    except KeyError:
        raise KeyError(f"{character.who}: outfit {character.outfit!r} needs colour {key!r}") from None


def jumper_uniform(sprite: Sprite, body: Body, ch: Character) -> None:
    """A V-neck school jumper over a white shirt and striped tie."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, main)
    v = vee(body, 112)
    fill_region(sprite, v, WHITE_SHIRT)
    tie(sprite, body, _colour(ch, "tie"), _colour(ch, "stripe"), v)
    shirt_collar(sprite, body)
    _vee_band(sprite, body, 112, main)


def _vee_band(sprite: Sprite, body: Body, depth: float, colour: str) -> None:
    (lx, ly), (rx, ry) = _neck_corners(body)
    cx, nb = body.cx, body.neck_base
    p = Path().M(lx, ly).L(cx, nb + depth).L(rx, ry).L(rx + 12, ry + 2).L(cx, nb + depth + 16).L(lx - 12, ly + 2).Z()
    sprite.path(str(p), fill=darker(colour, 0.07))
    for t in (0.25, 0.5, 0.75):
        for side in (-1, 1):
            x0 = cx + side * (rx - cx) * (1 - t)
            y0 = ry + (nb + depth - ry) * t
            sprite.line(f"M{x0:.1f} {y0:.1f}L{x0 + side * 11:.1f} {y0 + 3:.1f}", 1.4, darker(colour, 0.3))


def rugby(sprite: Sprite, body: Body, ch: Character) -> None:
    """A hooped rugby shirt with a white collar and a buttoned placket."""
    main, hoop = _colour(ch, "main"), _colour(ch, "stripe")
    draw_torso(sprite, body, main)
    nb = body.neck_base
    hoops(sprite, body, hoop, [(nb + 140, 36), (nb + 230, 36)])
    draw_torso_seams_only(sprite, body, main)
    cx = body.cx
    placket = [(cx - 11, nb + 6), (cx + 11, nb + 6), (cx + 11, nb + 96), (cx - 11, nb + 96)]
    sprite.el("path", d=poly(placket), fill=hoop, stroke=INK)
    buttons(sprite, [cx], [nb + 40, nb + 72], WHITE_SHIRT, 4.2)
    shirt_collar(sprite, body, WHITE_SHIRT, open_neck=True, lift=4)


def draw_torso_seams_only(sprite: Sprite, body: Body, colour: str) -> None:
    """Re-draw the arm lines on top of stripes."""
    for side in (-1, 1):
        sprite.line(poly(body.seam(side), closed=False), 2.6)


def retro_shirt(sprite: Sprite, body: Body, ch: Character) -> None:
    """A loud seventies shirt: big pointed collar and a print of circles and zigzags."""
    main, pattern = _colour(ch, "main"), _colour(ch, "pattern")
    draw_torso(sprite, body, main)
    cx, nb = body.cx, body.neck_base
    for i, (x, y) in enumerate(scatter(body, 58, nb + 40, 22)):
        if abs(x - cx) < 26:
            continue
        if i % 3 == 0:
            sprite.el("circle", cx=x, cy=y, r=12.0, fill=pattern, stroke="none")
            sprite.el("circle", cx=x, cy=y, r=5.0, fill=_colour(ch, "dot"), stroke="none")
        else:
            sprite.line(f"M{x - 12:.1f} {y:.1f}l6 -7l6 7l6 -7l6 7", 3.2, pattern)
    draw_torso_seams_only(sprite, body, main)
    sprite.line(f"M{cx:.1f} {nb + 40:.1f}L{cx:.1f} {BOTTOM:.1f}", 2.4)
    buttons(sprite, [cx + 8], [nb + 120, nb + 200, nb + 280], pattern, 4.5)
    # an open neck with skin showing, then the wide collar points
    v = vee(body, 56)
    fill_region(sprite, v, ch.skin, outline=True)
    nw = body.neck_w
    for side in (-1, 1):
        p = (
            Path(ox=cx, sx=side)
            .M(nw + 2, nb - 18)
            .L(nw + 58, nb + 28)
            .L(20, nb + 64)
            .L(4, nb + 54)
            .Q(nw, nb, nw + 2, nb - 18)
        )
        sprite.path(str(p.Z()), fill=lighter(main, 0.08))


def dungarees(sprite: Sprite, body: Body, ch: Character) -> None:
    """A striped tee under paint-spattered dungarees with buttoned straps."""
    tee, stripe, main = _colour(ch, "inner"), _colour(ch, "stripe"), _colour(ch, "main")
    draw_torso(sprite, body, tee)
    nb, cx = body.neck_base, body.cx
    hoops(sprite, body, stripe, [(nb + 40 + 44 * k, 14) for k in range(8)])
    crew_band(sprite, body, tee, 10)
    draw_torso_seams_only(sprite, body, tee)
    bib_top = nb + 150
    bib = [(cx - 74, bib_top), (cx + 74, bib_top), (cx + 86, BOTTOM), (cx - 86, BOTTOM)]
    fill_region(sprite, bib, main)
    for side in (-1, 1):
        x_top = cx + side * 44
        strap = [
            (x_top - side * 15, nb + 8),
            (x_top + side * 15, nb + 10),
            (cx + side * 68, bib_top + 4),
            (cx + side * 38, bib_top + 4),
        ]
        sprite.el("path", d=poly(strap), fill=darker(main, 0.05), stroke=INK)
        buttons(sprite, [cx + side * 53], [bib_top + 16], lighter(main, 0.5), 6.5)
    pocket = Path(ox=cx, oy=bib_top + 58).M(-34, 0).L(34, 0).L(32, 44).Q(0, 54, -32, 44).Z()
    sprite.path(str(pocket), fill=lighter(main, 0.12))
    for x, y, r, c in (
        (cx - 48, bib_top + 130, 7, "#f4a35e"),
        (cx - 40, bib_top + 146, 4, "#f4a35e"),
        (cx + 52, bib_top + 110, 6, "#6fbfae"),
        (cx + 18, bib_top + 160, 8, "#f6a3c0"),
        (cx + 62, bib_top + 124, 3.5, "#6fbfae"),
        (cx - 10, bib_top + 24, 4, "#f3cf55"),
    ):
        sprite.el("circle", cx=float(x), cy=float(y), r=float(r), fill=c, stroke="none")


def cardigan_uniform(sprite: Sprite, body: Body, ch: Character) -> None:
    """A buttoned cardigan over a white shirt and tie."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, main)
    v = vee(body, 150, spread=4)
    fill_region(sprite, v, WHITE_SHIRT)
    tie(sprite, body, _colour(ch, "tie"), _colour(ch, "stripe"), v)
    shirt_collar(sprite, body)
    _vee_band(sprite, body, 150, main)
    cx, nb = body.cx, body.neck_base
    sprite.line(f"M{cx:.1f} {nb + 166:.1f}L{cx:.1f} {BOTTOM:.1f}", 2.4)
    buttons(sprite, [cx + 9], [nb + 190, nb + 250, nb + 310], lighter(main, 0.5), 5.0)


def jumper(sprite: Sprite, body: Body, ch: Character) -> None:
    """A soft crew-neck jumper, optionally with a shirt collar showing."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, main)
    if "collar" in ch.colours:
        shirt_collar(sprite, body, ch.colours["collar"], lift=6)
    crew_band(sprite, body, main)
    if "motif" in ch.colours:
        _heart(sprite, body.cx + 48, body.neck_base + 120, ch.colours["motif"])


def _heart(sprite: Sprite, x: float, y: float, colour: str) -> None:
    p = Path(ox=x, oy=y).M(0, 14).C(-20, 0, -14, -16, 0, -7).C(14, -16, 20, 0, 0, 14).Z()
    sprite.path(str(p), fill=colour, stroke_width=2.4)


def peter_pan(sprite: Sprite, body: Body, ch: Character) -> None:
    """A jumper with a rounded white collar."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, main)
    crew_band(sprite, body, main, 8)
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    for side in (-1, 1):
        p = (
            Path(ox=cx, sx=side)
            .M(1, nb + 12)
            .Q(nw - 2, nb + 2, nw + 10, nb - 6)
            .C(nw + 40, nb + 4, nw + 40, nb + 40, 16, nb + 44)
            .Q(4, nb + 40, 1, nb + 12)
            .Z()
        )
        sprite.path(str(p), fill=_colour(ch, "collar"))


def open_cardigan(sprite: Sprite, body: Body, ch: Character) -> None:
    """An open cardigan over a top (with a round neck, and a pendant if the table says so)."""
    main, inner = _colour(ch, "main"), _colour(ch, "inner")
    draw_torso(sprite, body, main)
    region = open_front(body, 4, 56, neck_dip=6)
    fill_region(sprite, region, inner)
    crew_band(sprite, body, inner, 7)
    cx, nb = body.cx, body.neck_base
    if "pendant" in ch.colours:
        sprite.line(
            f"M{cx - 30:.1f} {nb + 10:.1f}Q{cx:.1f} {nb + 74:.1f} {cx + 30:.1f} {nb + 10:.1f}",
            1.8,
            darker(ch.colours["pendant"], 0.3),
        )
        sprite.el("circle", cx=cx, cy=nb + 48, r=6.0, fill=ch.colours["pendant"], stroke_width=2.0)
    for side in (-1, 1):
        (nx, ny) = _neck_corners(body)[0 if side < 0 else 1]
        band = Path().M(nx, ny).L(cx + side * 56, BOTTOM).L(cx + side * 78, BOTTOM).L(nx + side * 20, ny + 2).Z()
        sprite.path(str(band), fill=darker(main, 0.06))
    buttons(sprite, [cx - 66], [nb + 170, nb + 240, nb + 310], lighter(main, 0.55), 4.5)


def leather(sprite: Sprite, body: Body, ch: Character) -> None:
    """An open leather jacket with wide lapels over a coloured tee."""
    main, inner = _colour(ch, "main"), _colour(ch, "inner")
    draw_torso(sprite, body, main)
    region = open_front(body, 8, 66)
    fill_region(sprite, region, inner)
    crew_band(sprite, body, inner, 8)
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    for side in (-1, 1):
        p = (
            Path(ox=cx, sx=side)
            .M(nw + 14, nb - 10)
            .L(nw + 70, nb + 34)
            .L(nw + 48, nb + 64)
            .L(nw + 84, nb + 96)
            .L(70, nb + 230)
            .L(66, BOTTOM)
            .L(nw + 22, nb - 2)
            .Z()
        )
        sprite.path(str(p), fill=lighter(main, 0.06))
        zip_x = cx + side * 70
        sprite.line(
            f"M{zip_x:.1f} {nb + 236:.1f}L{zip_x - side * 2:.1f} {BOTTOM:.1f}", 2.0, "#c9c3cf", stroke_dasharray="3 4"
        )
    sprite.el("rect", x=cx - 74.0, y=nb + 250, width=7.0, height=16.0, rx=2.0, fill="#d8d2de", stroke_width=1.8)
    for side in (-1, 1):
        x = body.cx + side * (body.sw - 22)
        sprite.line(
            f"M{x:.1f} {nb + 90:.1f}Q{x + side * 4:.1f} {nb + 150:.1f} {x:.1f} {nb + 210:.1f}",
            4.0,
            "#ffffff",
            opacity=0.22,
        )
    lx = body.cx + 110
    sprite.line(f"M{lx:.1f} {nb + 180:.1f}L{lx - 40:.1f} {nb + 186:.1f}", 2.2, lighter(main, 0.3))


def hoodie(sprite: Sprite, body: Body, ch: Character) -> None:
    """A university hoodie: hood folded round the neck, drawstrings, a crest patch and a pocket."""
    main, crest = _colour(ch, "main"), _colour(ch, "crest")
    draw_torso(sprite, body, main)
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    hood = Path().M(cx - nw - 10, nb - 10).C(cx - nw - 70, nb - 4, cx - nw - 72, nb + 50, cx - 20, nb + 54)
    hood.L(cx + 20, nb + 54).C(cx + nw + 72, nb + 50, cx + nw + 70, nb - 4, cx + nw + 10, nb - 10)
    hood.C(cx + nw + 30, nb + 24, cx - nw - 30, nb + 24, cx - nw - 10, nb - 10).Z()
    sprite.path(str(hood), fill=darker(main, 0.1))
    inner = Path().M(cx - nw - 4, nb - 6).C(cx - nw - 20, nb + 26, cx + nw + 20, nb + 26, cx + nw + 4, nb - 6)
    inner.C(cx + nw + 10, nb + 8, cx - nw - 10, nb + 8, cx - nw - 4, nb - 6).Z()
    sprite.path(str(inner), fill=darker(main, 0.3), stroke="none")
    for side in (-1, 1):
        x = cx + side * 18
        sprite.line(
            f"M{x:.1f} {nb + 44:.1f}Q{x + side * 4:.1f} {nb + 100:.1f} {x - side * 2:.1f} {nb + 140:.1f}",
            3.2,
            lighter(main, 0.75),
        )
        sprite.el(
            "rect", x=x - side * 2 - 3.5, y=nb + 138, width=7.0, height=12.0, rx=2.0, fill="#d9d4dc", stroke_width=1.8
        )
    shield = Path(ox=cx, oy=nb + 198).M(-34, -34).L(34, -34).L(34, 2).Q(34, 30, 0, 42).Q(-34, 30, -34, 2).Z()
    sprite.path(str(shield), fill=crest)
    sprite.line(str(Path(ox=cx, oy=nb + 198).M(-20, 8).L(0, -12).L(20, 8)), 4.0, main)
    sprite.line(str(Path(ox=cx, oy=nb + 198).M(-20, 22).L(0, 2).L(20, 22)), 4.0, main)
    pocket = Path(ox=cx, oy=BOTTOM - 60).M(-80, 0).L(80, 0).L(100, 70).L(-100, 70).Z()
    sprite.path(str(pocket), fill=lighter(main, 0.05))


def coat(sprite: Sprite, body: Body, ch: Character) -> None:
    """A smart wool coat, open over a roll-neck jumper."""
    main, inner = _colour(ch, "main"), _colour(ch, "inner")
    draw_torso(sprite, body, main)
    region = open_front(body, 10, 58)
    fill_region(sprite, region, inner)
    cx, nb, nw = body.cx, body.neck_base, body.neck_w
    roll = Path().M(cx - nw - 6, nb - 44).Q(cx, nb - 36, cx + nw + 6, nb - 44).L(cx + nw + 12, nb + 6)
    roll.Q(cx, nb + 22, cx - nw - 12, nb + 6).Z()
    sprite.path(str(roll), fill=lighter(inner, 0.06))
    for k in range(-3, 4):
        x = cx + k * 9
        sprite.line(f"M{x:.1f} {nb - 38:.1f}L{x * 1.0 + k * 1.5:.1f} {nb + 12:.1f}", 1.4, darker(inner, 0.4))
    for side in (-1, 1):
        p = (
            Path(ox=cx, sx=side)
            .M(nw + 14, nb - 14)
            .L(nw + 64, nb + 40)
            .L(nw + 52, nb + 60)
            .L(nw + 80, nb + 80)
            .L(66, nb + 250)
            .L(62, BOTTOM)
            .L(nw + 18, nb - 4)
            .Z()
        )
        sprite.path(str(p), fill=darker(main, 0.06))
    buttons(sprite, [cx - 82], [nb + 290], darker(main, 0.4), 6.0)
    sprite.line(f"M{cx + 100:.1f} {nb + 250:.1f}L{cx + 60:.1f} {nb + 256:.1f}", 2.4)


def blazer(sprite: Sprite, body: Body, ch: Character) -> None:
    """A school blazer: tie (tight, or loose with an open collar), lapels, crest, buttons.

    Optional colours: "jumper" shows a V-neck jumper under the blazer; "pin" adds a small rainbow pin.
    """
    main = _colour(ch, "main")
    loose = float(ch.colours.get("loose", "0"))
    draw_torso(sprite, body, main)
    depth = 200
    v = vee(body, depth, spread=6)
    fill_region(sprite, v, WHITE_SHIRT)
    cx, nb = body.cx, body.neck_base
    if "jumper" in ch.colours:
        jv = vee(body, 120, spread=0)
        jumper_region = [pt for pt in v]
        fill_region(sprite, jumper_region, ch.colours["jumper"])
        fill_region(sprite, jv, WHITE_SHIRT)
        tie(sprite, body, _colour(ch, "tie"), _colour(ch, "stripe"), jv)
        shirt_collar(sprite, body)
        _vee_band(sprite, body, 120, ch.colours["jumper"])
    elif loose:
        skin_v = vee(body, 40 + loose * 0.6)
        fill_region(sprite, skin_v, ch.skin)
        shirt_collar(sprite, body, open_neck=True)
        # the loosened tie's loop runs up under the collar on both sides
        knot_x, knot_y = cx + loose * 0.35, nb + loose + 14
        for side in (-1, 1):
            loop = Path().M(knot_x + side * 8, knot_y).Q(cx + side * 16, nb + 20, cx + side * (body.neck_w + 6), nb - 2)
            sprite.line(str(loop), 5.0, _colour(ch, "tie"))
        tie(sprite, body, _colour(ch, "tie"), _colour(ch, "stripe"), v, loose=loose)
    else:
        tie(sprite, body, _colour(ch, "tie"), _colour(ch, "stripe"), v)
        shirt_collar(sprite, body)
    lapels(sprite, body, main, depth)
    buttons(sprite, [cx], [nb + 228, nb + 290], darker(main, 0.45), 5.5)
    badge(sprite, cx + 78, nb + 130, darker(main, 0.2), _colour(ch, "crest"))
    sprite.line(f"M{cx + 56:.1f} {nb + 108:.1f}L{cx + 104:.1f} {nb + 104:.1f}", 2.2, lighter(main, 0.25))
    if "pin" in ch.colours:
        for k, colour in enumerate(("#e86a6a", "#f2a65a", "#f3d35b", "#7cc38a", "#6f9be0", "#a57ad8")):
            r = 15 - k * 2.2
            sprite.line(
                f"M{cx - 88 - r:.1f} {nb + 96:.1f}A{r:.1f} {r:.1f} 0 0 1 {cx - 88 + r:.1f} {nb + 96:.1f}", 2.4, colour
            )


def tweed(sprite: Sprite, body: Body, ch: Character) -> None:
    """A tweed jacket with flecks, over a pale shirt and a plain tie."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, main)
    cx, nb = body.cx, body.neck_base
    for i, (x, y) in enumerate(scatter(body, 22, nb + 20, 10)):
        dx = 4 if i % 2 else -4
        sprite.line(f"M{x:.1f} {y:.1f}l{dx} 6", 1.6, darker(main, 0.3) if i % 3 else lighter(main, 0.3))
    draw_torso_seams_only(sprite, body, main)
    depth = 190
    v = vee(body, depth, spread=6)
    fill_region(sprite, v, _colour(ch, "shirt"))
    tie(sprite, body, _colour(ch, "tie"), darker(_colour(ch, "tie"), 0.15), v)
    shirt_collar(sprite, body, _colour(ch, "shirt"))
    lapels(sprite, body, main, depth, width=34)
    buttons(sprite, [cx], [nb + 218, nb + 280], darker(main, 0.45), 6.0)
    sprite.line(f"M{cx + 60:.1f} {nb + 110:.1f}L{cx + 106:.1f} {nb + 106:.1f}", 2.4)
    sprite.path(f"M{cx + 72:.1f} {nb + 108:.1f}l6 -18l8 0l-4 18z", fill=_colour(ch, "tie"), stroke_width=2.0)


def art_shirt(sprite: Sprite, body: Body, ch: Character) -> None:
    """An open-collared shirt with a brush in the pocket and paint on the sleeves."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, main)
    cx, nb = body.cx, body.neck_base
    v = vee(body, 70)
    fill_region(sprite, v, _colour(ch, "inner"))
    shirt_collar(sprite, body, lighter(main, 0.06), open_neck=True)
    sprite.line(f"M{cx:.1f} {nb + 70:.1f}L{cx:.1f} {BOTTOM:.1f}", 2.4)
    buttons(sprite, [cx + 7], [nb + 110, nb + 180, nb + 250, nb + 320], lighter(main, 0.6), 4.2)
    # a paintbrush and a pencil in the chest pocket
    px, py = cx - 74, nb + 120
    sprite.path(f"M{px - 6:.1f} {py - 62:.1f}l6 -2l4 60l-8 0z", fill="#e9c46a", stroke_width=2.2)
    sprite.path(f"M{px - 6:.1f} {py - 62:.1f}q3 -14 6 -2z", fill="#c9463d", stroke_width=2.0)
    sprite.path(f"M{px + 10:.1f} {py - 40:.1f}l7 0l0 38l-7 0z", fill="#6fa2d8", stroke_width=2.2)
    pocket = Path(ox=px, oy=py).M(-30, -6).L(30, -6).L(28, 40).Q(0, 48, -28, 40).Z()
    sprite.path(str(pocket), fill=lighter(main, 0.08))
    splashes = _colour(ch, "paint").split(",")
    for side in (-1, 1):
        x0 = body.cx + side * (body.sw - 18)
        for k, (dx, dy, r) in enumerate(((0, 200, 8), (-6, 236, 5), (8, 262, 6.5), (-2, 300, 4), (6, 330, 7))):
            colour = splashes[(k + (side > 0)) % len(splashes)]
            sprite.el("circle", cx=x0 + side * dx, cy=nb + dy, r=float(r), fill=colour, stroke="none")
        sprite.path(
            f"M{x0 - 8:.1f} {nb + 214:.1f}q10 -6 16 4q-4 10 -14 6z", fill=splashes[0], stroke="none", opacity=0.9
        )


def guitar_top(sprite: Sprite, body: Body, ch: Character) -> None:
    """A soft long-sleeved top with a guitar strap across the chest."""
    main, strap = _colour(ch, "main"), _colour(ch, "strap")
    draw_torso(sprite, body, main)
    crew_band(sprite, body, main, 9)
    cx, nb = body.cx, body.neck_base
    a = (cx - body.sw + 40, nb + 6)
    b = (cx + body.sw - 10, BOTTOM - 40)
    band = [(a[0] - 6, a[1] - 14), (a[0] + 20, a[1] + 6), (b[0] + 10, b[1] - 16), (b[0] - 14, b[1] + 12)]
    sprite.el("path", d=poly(band), fill=strap, stroke=INK)
    steps = 9
    for k in range(1, steps):
        t = k / steps
        x = a[0] + 7 + (b[0] - a[0] - 9) * t
        y = a[1] - 4 + (b[1] - a[1] - 2) * t
        d = Path(ox=x, oy=y).M(0, -7).L(6, 0).L(0, 7).L(-6, 0).Z()
        sprite.path(str(d), fill=_colour(ch, "accent"), stroke="none")


OUTFITS: dict[str, Callable[[Sprite, Body, Character], None]] = {
    "jumper_uniform": jumper_uniform,
    "rugby": rugby,
    "retro_shirt": retro_shirt,
    "dungarees": dungarees,
    "cardigan_uniform": cardigan_uniform,
    "jumper": jumper,
    "peter_pan": peter_pan,
    "open_cardigan": open_cardigan,
    "leather": leather,
    "hoodie": hoodie,
    "coat": coat,
    "blazer": blazer,
    "tweed": tweed,
    "art_shirt": art_shirt,
    "guitar_top": guitar_top,
}


def _formal() -> None:
    """Prom clothes live in their own module (formal.py, which builds on the pieces above)."""
    from .formal import dress, suit

    OUTFITS.update({"suit": suit, "dress": dress})


_formal()
