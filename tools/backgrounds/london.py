"""The day in London: the gallery with the art show and the shopping street outside.

Why it exists: London is a bright, busy day out after Paris's dusk, so it gets clear daylight, white
gallery walls and colourful shopfronts, plus the red of a phone box to say London without a
single word of text.
"""

from __future__ import annotations

from . import palette as p
from .landmarks import awning
from .light import beam, floor_shade, sky, vertical, vignette, wash
from .nature import bush, cloud, scatter_leaves
from .room import bunting, floorboards, skirting
from .shapes import circle, ellipse, flat_rect, line, poly, rect
from .svg import Canvas, num


def _artwork(c: Canvas, x: float, y: float, w: float, h: float, kind: str, frame: str) -> None:
    """A framed work on a gallery wall with its little caption card: abstract fields, a seascape, a
    pattern of circles or a figure-free city at night."""
    rect(c, x - 10, y - 10, w + 20, h + 20, frame, wob=0.5)
    ix, iy, iw, ih = x, y, w, h
    if kind == "fields":
        vertical(c, ix, iy, iw, ih, p.YELLOW_PALE, p.PEACH)
        flat_rect(c, ix, iy + ih * 0.55, iw, ih * 0.45, p.RUST, opacity=0.8)
        flat_rect(c, ix + iw * 0.1, iy + ih * 0.2, iw * 0.4, ih * 0.3, p.BLUE, opacity=0.85)
    elif kind == "sea":
        vertical(c, ix, iy, iw, ih, p.PINK_PALE, p.BLUE_SOFT)
        circle(c, ix + iw * 0.7, iy + ih * 0.35, ih * 0.12, p.YELLOW, line=False)
        flat_rect(c, ix, iy + ih * 0.55, iw, ih * 0.45, p.BLUE_DEEP, opacity=0.85)
        for k in range(3):
            line(
                c,
                ix + 10,
                iy + ih * (0.65 + k * 0.1),
                ix + iw - 10,
                iy + ih * (0.65 + k * 0.1),
                width=2.0,
                colour=p.WHITE,
                stroke_opacity=0.6,
            )
    elif kind == "circles":
        flat_rect(c, ix, iy, iw, ih, p.CREAM)
        for k, col in enumerate((p.RED, p.YELLOW, p.BLUE, p.GREEN, p.PURPLE)):
            circle(c, ix + iw * (0.2 + 0.15 * k), iy + ih * (0.3 + 0.1 * (k % 3)), ih * 0.14, col, width=2.0)
    elif kind == "blocks":
        flat_rect(c, ix, iy, iw, ih, p.PINK_PALE)
        for k, col in enumerate((p.TEAL, p.YELLOW, p.ROSE, p.NAVY)):
            flat_rect(
                c, ix + 12 + k * (iw - 24) / 4, iy + 20 + (k % 2) * 30, (iw - 24) / 4 - 8, ih - 60, col, opacity=0.85
            )
    else:
        vertical(c, ix, iy, iw, ih, p.NIGHT_TOP, p.PURPLE_DEEP)
        for k in range(6):
            bw = iw / 6
            bh = ih * (0.3 + 0.1 * (k % 3))
            flat_rect(c, ix + k * bw, iy + ih - bh, bw - 3, bh, "#2a2548")
            for r in range(3):
                flat_rect(c, ix + k * bw + 6, iy + ih - bh + 8 + r * 14, 6, 6, p.GLOW, opacity=0.9)
        circle(c, ix + iw * 0.8, iy + ih * 0.2, 8, p.YELLOW_PALE, line=False)
    rect(c, ix, iy, iw, ih, "none", wob=0.4, width=2.0)
    rect(c, x + w + 20, y + h - 30, 30, 22, p.WHITE, width=1.5, wob=0.2)


def london_art_show(c: Canvas) -> None:
    """A bright gallery for the art show: white walls, track spotlights pooling on framed works at both
    sides and one large canvas on the back wall, a pale wooden floor and a plinth with a sculpture."""
    wall = c.linear(0, 0, 1280, 0, [(0, "#f3efe9"), (0.5, "#fbf8f3"), (1, "#efe9e2")])
    flat_rect(c, 0, 0, 1280, 470, wall)
    # Ceiling track with spotlights.
    rect(c, -4, 20, 1288, 10, p.GREY_DARK, wob=0.3)
    spots = (150, 390, 640, 890, 1130)
    for sx in spots:
        beam(
            c,
            [(sx - 8, 44), (sx + 8, 44), (sx + 110, 400), (sx - 110, 400)],
            (sx, 44),
            (sx, 400),
            colour="#fff1d0",
            strength=0.35,
        )
        poly(c, [(sx - 10, 28), (sx + 10, 28), (sx + 14, 52), (sx - 14, 52)], p.INK, wob=0.2, width=2.0)
    _artwork(c, 60, 110, 180, 220, "fields", p.WOOD_DARK)
    _artwork(c, 300, 140, 150, 120, "circles", p.WHITE)
    _artwork(c, 500, 90, 230, 150, "sea", p.WOOD)
    _artwork(c, 800, 140, 110, 110, "city", p.INK)
    _artwork(c, 960, 110, 170, 210, "blocks", p.WOOD_DARK)
    floorboards(c, 470, top="#e8d6bb", bottom="#cdb590", rows=7)
    skirting(c, 0, 470, 1280, colour=p.WHITE, h=10)
    # Plinth with a sculpture at the right edge, a bench to sit at the left.
    rect(c, 1190, 330, 84, 150, p.WHITE)
    d = "M1206 330Q1196 280 1230 250Q1266 220 1252 180Q1276 230 1256 270Q1242 300 1262 330Z"
    c.el("path", d=d, fill=p.BLUE_SOFT)
    circle(c, 1238, 200, 14, p.YELLOW_SOFT, width=2.0)
    rect(c, 20, 420, 200, 18, p.WOOD_DARK, wob=0.4)
    for lx in (36, 190):
        rect(c, lx, 438, 12, 40, p.GREY_DARK, wob=0.3, width=2.0)
    wash(c, 0, 0, 1280, 470, p.WHITE, start=(640, 0), end=(640, 470), strength=0.2)
    vignette(c, 0.18)
    floor_shade(c, 560)


def _shopfront(
    c: Canvas, x: float, w: float, base: float, colour: str, stripes: tuple[str, str] | None, kind: str
) -> None:
    """One shop: a painted fascia (blank, no words), a big window with its display, and a door."""
    top = base - 230
    rect(c, x, top, w, 230, colour, wob=0.6)
    rect(c, x + 10, top + 10, w - 20, 40, p.WHITE if colour != p.WHITE else p.NAVY, wob=0.4, width=2.0)
    wx, wy, ww, wh = x + 16, top + 70, w * 0.62, 150
    vertical(c, wx, wy, ww, wh, "#e6f0f6", "#c9dbe6")
    if kind == "clothes":
        line(c, wx + 10, wy + 20, wx + ww - 10, wy + 20, width=3.0, colour=p.GREY_DARK, wob=0)
        for k, col in enumerate((p.PINK, p.YELLOW, p.BLUE_SOFT, p.GREEN)):
            hx = wx + 26 + k * (ww - 40) / 4
            c.el(
                "path",
                d=f"M{num(hx - 14)} {num(wy + 34)}L{num(hx)} {num(wy + 22)}L{num(hx + 14)} {num(wy + 34)}",
                fill="none",
                stroke_width=2.0,
            )
            poly(
                c,
                [(hx - 16, wy + 34), (hx + 16, wy + 34), (hx + 20, wy + 100), (hx - 20, wy + 100)],
                col,
                width=2.0,
                wob=0.4,
            )
    elif kind == "books":
        for r in range(3):
            for k in range(int(ww / 16)):
                col = (p.RED, p.BLUE, p.YELLOW, p.GREEN, p.PURPLE)[(k + r) % 5]
                rect(c, wx + 8 + k * 15, wy + 40 + r * 38 - 28, 12, 28, col, width=1.5, wob=0.2)
            line(c, wx, wy + 40 + r * 38, wx + ww, wy + 40 + r * 38, width=2.5, wob=0)
    elif kind == "cakes":
        for k in range(3):
            cx = wx + 30 + k * (ww - 60) / 2
            ellipse(c, cx, wy + 110, 26, 7, p.WHITE, width=2.0)
            rect(c, cx - 20, wy + 76, 40, 32, (p.PINK_PALE, p.YELLOW_PALE, p.PEACH)[k], width=2.0, wob=0.3)
            circle(c, cx, wy + 72, 5, p.RED, width=1.5)
    else:
        for k in range(3):
            cx = wx + 30 + k * (ww - 60) / 2
            poly(
                c,
                [(cx - 18, wy + 110), (cx + 22, wy + 110), (cx + 22, wy + 98), (cx, wy + 92), (cx - 18, wy + 92)],
                (p.BLUE_DEEP, p.RED, p.WHITE)[k],
                width=2.0,
                wob=0.3,
            )
    rect(c, wx, wy, ww, wh, "none", wob=0.4)
    flat_rect(
        c, wx, wy, ww, wh, c.linear(wx, wy, wx + ww, wy + wh, [(0, p.WHITE, 0.4), (0.5, p.WHITE, 0), (1, p.WHITE, 0.2)])
    )
    dx = x + w * 0.7
    rect(c, dx, base - 160, w * 0.24, 160, "#4c4a63", wob=0.4)
    rect(c, dx + 8, base - 150, w * 0.24 - 16, 70, "#c9dbe6", width=2.0, wob=0.3)
    if stripes:
        awning(c, x - 4, top + 54, w * 0.66, 34, stripes)


def _phone_box(c: Canvas, x: float, base: float, h: float) -> None:
    """A red telephone box: domed top, glazed sides with many small panes, a blank sign band."""
    w = h * 0.4
    red = "#cf4b45"
    rect(c, x - 4, base - 10, w + 8, 10, red, wob=0.3)
    rect(c, x, base - h, w, h - 10, red, wob=0.5)
    c.el(
        "path",
        d=f"M{num(x - 4)} {num(base - h)}Q{num(x + w / 2)} {num(base - h - w * 0.35)} {num(x + w + 4)} "
        f"{num(base - h)}Z",
        fill=red,
    )
    rect(c, x + 8, base - h + 10, w - 16, 16, p.WHITE, width=2.0, wob=0.2)
    gx, gy, gw, gh = x + 12, base - h + 36, w - 24, h * 0.62
    flat_rect(c, gx, gy, gw, gh, "#dce8ef")
    d = ""
    for k in range(1, 3):
        d += f"M{num(gx + gw * k / 3)} {num(gy)}V{num(gy + gh)}"
    for k in range(1, 6):
        d += f"M{num(gx)} {num(gy + gh * k / 6)}H{num(gx + gw)}"
    c.el("path", d=d, fill="none", stroke=red, stroke_width=4.0, stroke_opacity=1)
    rect(c, gx, gy, gw, gh, "none", width=2.0, wob=0.2)


def london_shops(c: Canvas) -> None:
    """A London shopping street on a bright afternoon: brick terraces above painted shopfronts with
    striped awnings and window displays, bunting across the street and a red phone box at the left."""
    sky(c, ["#9cc8ea", "#cfe3f0", "#f4ead8"], h=260)
    cloud(c, 460, 60, 200, opacity=0.85)
    cloud(c, 900, 40, 170, opacity=0.75)
    # Upper floors: brick with sash windows and a cornice.
    fronts = (
        (0, 260, "#b86b57"),
        (260, 250, "#c98f6c"),
        (510, 260, "#a9644f"),
        (770, 250, "#c7836a"),
        (1020, 260, "#b57761"),
    )
    for fx, fw, brick in fronts:
        top = 40 + (fx // 10) % 3 * 18
        rect(c, fx, top, fw, 300 - top, brick, wob=0.5)
        rect(c, fx - 4, top - 10, fw + 8, 16, p.STONE, wob=0.4)
        for k in range(3):
            wx = fx + 24 + k * (fw - 48) / 3
            rect(c, wx, top + 30, (fw - 48) / 3 - 18, 80, "#cfe0ea", wob=0.4)
            line(c, wx, top + 70, wx + (fw - 48) / 3 - 18, top + 70, width=3.0, colour=p.WHITE, stroke_opacity=1, wob=0)
            rect(c, wx - 4, top + 110, (fw - 48) / 3 - 10, 7, p.STONE, width=2.0, wob=0.2)
    shops = (
        (0, 260, p.BLUE_DEEP, (p.BLUE_SOFT, p.WHITE), "clothes"),
        (260, 250, "#7fa7a0", None, "books"),
        (510, 260, p.PINK, (p.PINK_PALE, p.WHITE), "cakes"),
        (770, 250, p.MUSTARD, None, "shoes"),
        (1020, 260, p.NAVY, (p.YELLOW_SOFT, p.WHITE), "clothes"),
    )
    for sx, sw, col, aw, kind in shops:
        _shopfront(c, sx, sw, 470, col, aw, kind)
    bunting(c, 0, 30, 1280, 30, 60, (p.RED, p.WHITE, p.BLUE, p.YELLOW_SOFT))
    # Pavement and kerb.
    vertical(c, 0, 470, 1280, 250, "#d8d1c8", "#bdb3a8")
    d = ""
    for k in range(-10, 11):
        d += f"M{num(640 + k * 90)} 470L{num(640 + k * 170)} 720"
    for y in (500, 545, 610, 700):
        d += f"M0 {y}H1280"
    c.el("path", d=d, fill="none", stroke="#a99f94", stroke_width=1.2, stroke_opacity=0.7)
    _phone_box(c, 20, 500, 260)
    for px in (300, 1100):
        rect(c, px - 30, 420, 60, 56, p.RUST, wob=0.4)
        bush(c, px - 34, 424, 68, p.GREEN, dots=p.PINK)
    scatter_leaves(c, 100, 480, 1100, 40, 10)
    vignette(c, 0.16)
    floor_shade(c, 560)


SCENES = {
    "london_art_show": london_art_show,
    "london_shops": london_shops,
}
