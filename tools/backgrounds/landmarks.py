"""Paris, recognisable in silhouette: the Eiffel Tower, the basilica on Montmartre, the Louvre's glass
pyramid and palace, a stone bridge over the river, Haussmann buildings and lamp posts.

Why it exists: the Paris chapter must read as Paris at a glance. These are simplified, original
drawings of public landmarks (shapes, not copied pictures), scaled by their arguments so several scenes
can place them near or far.
"""

from __future__ import annotations

from . import palette as p
from .light import glow, vertical
from .shapes import circle, ellipse, flat_rect, line, poly, rect
from .svg import Canvas, num

TOWER = "#b4786a"
TOWER_DARK = "#8c5a5a"


def eiffel_tower(c: Canvas, x: float, base: float, h: float, *, sparkle: bool = True) -> None:
    """The tower: curved legs with the great arch, two platforms, the tapering top and its antenna."""
    bw, w1, w2, w3 = 0.3 * h, 0.16 * h, 0.075 * h, 0.018 * h
    y1, y2, y3 = base - 0.27 * h, base - 0.53 * h, base - 0.92 * h
    fill = c.linear(x - bw, 0, x + bw, 0, [(0, "#c99282"), (0.55, TOWER), (1, TOWER_DARK)])
    # Legs and arch.
    d = (
        f"M{num(x - bw)} {num(base)}Q{num(x - w1 * 1.25)} {num(base - 0.12 * h)} {num(x - w1)} {num(y1)}"
        f"L{num(x + w1)} {num(y1)}Q{num(x + w1 * 1.25)} {num(base - 0.12 * h)} {num(x + bw)} {num(base)}"
        f"L{num(x + bw * 0.62)} {num(base)}Q{num(x + bw * 0.5)} {num(base - 0.2 * h)} {num(x)} {num(base - 0.2 * h)}"
        f"Q{num(x - bw * 0.5)} {num(base - 0.2 * h)} {num(x - bw * 0.62)} {num(base)}Z"
    )
    c.el("path", d=d, fill=fill)
    # Middle and upper sections.
    d2 = (
        f"M{num(x - w1 * 0.88)} {num(y1)}Q{num(x - w2 * 1.2)} {num(base - 0.42 * h)} {num(x - w2)} {num(y2)}"
        f"L{num(x + w2)} {num(y2)}Q{num(x + w2 * 1.2)} {num(base - 0.42 * h)} {num(x + w1 * 0.88)} {num(y1)}"
        f"L{num(x + w1 * 0.4)} {num(y1)}Q{num(x)} {num(base - 0.36 * h)} {num(x - w1 * 0.4)} {num(y1)}Z"
    )
    c.el("path", d=d2, fill=fill)
    d3 = (
        f"M{num(x - w2 * 0.85)} {num(y2)}Q{num(x - w3 * 1.5)} {num(base - 0.75 * h)} {num(x - w3)} {num(y3)}"
        f"L{num(x + w3)} {num(y3)}Q{num(x + w3 * 1.5)} {num(base - 0.75 * h)} {num(x + w2 * 0.85)} {num(y2)}Z"
    )
    c.el("path", d=d3, fill=fill)
    # Lattice: light cross-bracing inside each section.
    _lattice(c, x, base - 0.02 * h, y1, bw * 0.85, w1, 5)
    _lattice(c, x, y1, y2, w1 * 0.8, w2, 5)
    _lattice(c, x, y2, y3, w2 * 0.75, w3, 7)
    # Platforms, top cabin and antenna.
    rect(c, x - w1 - 0.03 * h, y1 - 0.03 * h, 2 * w1 + 0.06 * h, 0.03 * h, TOWER_DARK, wob=0.4)
    rect(c, x - w2 - 0.02 * h, y2 - 0.022 * h, 2 * w2 + 0.04 * h, 0.022 * h, TOWER_DARK, wob=0.3)
    rect(c, x - w3 * 1.6, y3 - 0.03 * h, w3 * 3.2, 0.03 * h, TOWER_DARK, wob=0.2, width=2.0)
    line(c, x, y3 - 0.03 * h, x, base - h, width=3.0, wob=0)
    if sparkle:
        after_dark = getattr(c, "time", None) != "day"  # the tower sparkles from dusk on, never in daylight
        for _ in range(26):
            t = c.rng.uniform(0.02, 0.9)
            half = bw * (1 - t) ** 2.2 + w3
            sx = x + c.rng.uniform(-half, half) * 0.9
            sy = base - t * h
            if after_dark:
                glow(c, sx, sy, 9, p.GLOW, 0.8)
                circle(c, sx, sy, 1.6, p.WHITE, line=False)


def _lattice(c: Canvas, x: float, bottom: float, top: float, wb: float, wt: float, rows: int) -> None:
    d = ""
    for k in range(rows):
        ya = bottom + (top - bottom) * k / rows
        yb = bottom + (top - bottom) * (k + 1) / rows
        wa = wb + (wt - wb) * k / rows
        wbb = wb + (wt - wb) * (k + 1) / rows
        d += f"M{num(x - wa)} {num(ya)}L{num(x + wbb)} {num(yb)}M{num(x + wa)} {num(ya)}L{num(x - wbb)} {num(yb)}"
        d += f"M{num(x - wbb)} {num(yb)}H{num(x + wbb)}"
    c.el("path", d=d, fill="none", stroke_width=1.5, stroke_opacity=0.45)


def _dome(c: Canvas, x: float, base: float, r: float, h: float, fill: str, *, lantern: bool = True) -> None:
    """A tall, slightly pointed dome on `base`, radius `r`, height `h`, with a small lantern."""
    d = (
        f"M{num(x - r)} {num(base)}C{num(x - r)} {num(base - h * 0.75)} {num(x - r * 0.25)} {num(base - h * 0.85)} "
        f"{num(x)} {num(base - h)}C{num(x + r * 0.25)} {num(base - h * 0.85)} {num(x + r)} {num(base - h * 0.75)} "
        f"{num(x + r)} {num(base)}Z"
    )
    c.el("path", d=d, fill=fill)
    c.el(
        "path",
        d=f"M{num(x - r * 0.45)} {num(base)}Q{num(x - r * 0.3)} {num(base - h * 0.7)} {num(x)} {num(base - h)}",
        fill="none",
        stroke_width=1.5,
        stroke_opacity=0.4,
    )
    if lantern:
        lw = max(4.0, r * 0.16)
        rect(c, x - lw, base - h - lw * 2.4, lw * 2, lw * 2.4, fill, width=2.0, wob=0.2)
        ellipse(c, x, base - h - lw * 2.4, lw * 1.1, lw * 0.9, fill, width=2.0)
        line(c, x, base - h - lw * 3.3, x, base - h - lw * 4.6, width=2.0, wob=0)


def basilica(c: Canvas, x: float, base: float, s: float, *, stone: str = "#f4ece6", shade: str = "#d8cbe0") -> None:
    """The white basilica on the hill: bell tower behind, main dome on its drum, two side domes,
    corner turrets and a three-arched porch. `s` is roughly the half-width of the building."""
    fill = c.linear(x - s, 0, x + s, 0, [(0, stone), (0.6, stone), (1, shade)])
    # Bell tower behind at the right.
    tx = x + 0.72 * s
    rect(c, tx - 0.11 * s, base - 1.45 * s, 0.22 * s, 0.9 * s, fill)
    for k in range(2):
        rect(c, tx - 0.06 * s, base - 1.38 * s + k * 0.2 * s, 0.12 * s, 0.13 * s, shade, width=2.0, wob=0.2)
    _dome(c, tx, base - 1.45 * s, 0.12 * s, 0.24 * s, fill)
    # Main body.
    rect(c, x - 0.78 * s, base - 0.55 * s, 1.56 * s, 0.55 * s, fill)
    # Side domes on drums.
    for sx in (x - 0.52 * s, x + 0.52 * s):
        rect(c, sx - 0.14 * s, base - 0.78 * s, 0.28 * s, 0.24 * s, fill, wob=0.5)
        _dome(c, sx, base - 0.78 * s, 0.15 * s, 0.28 * s, fill)
    # Main drum with columns, then the great dome.
    rect(c, x - 0.3 * s, base - 1.05 * s, 0.6 * s, 0.5 * s, fill)
    for k in range(5):
        cx = x - 0.22 * s + k * 0.11 * s
        line(c, cx, base - 1.0 * s, cx, base - 0.62 * s, width=2.0, stroke_opacity=0.5, wob=0.2)
    rect(c, x - 0.34 * s, base - 1.1 * s, 0.68 * s, 0.07 * s, fill, wob=0.3, width=2.0)
    _dome(c, x, base - 1.1 * s, 0.32 * s, 0.55 * s, fill)
    # Corner turrets.
    for sx in (x - 0.74 * s, x + 0.74 * s):
        _dome(c, sx, base - 0.55 * s, 0.07 * s, 0.14 * s, fill, lantern=False)
    # Porch with three arches.
    rect(c, x - 0.34 * s, base - 0.42 * s, 0.68 * s, 0.42 * s, fill)
    for k in range(3):
        ax = x - 0.22 * s + k * 0.22 * s
        aw, ah = 0.08 * s, 0.26 * s
        d = (
            f"M{num(ax - aw)} {num(base)}V{num(base - ah)}Q{num(ax - aw)} {num(base - ah - aw * 1.2)} {num(ax)} "
            f"{num(base - ah - aw * 1.2)}Q{num(ax + aw)} {num(base - ah - aw * 1.2)} {num(ax + aw)} {num(base - ah)}"
            f"V{num(base)}Z"
        )
        c.el("path", d=d, fill=shade, stroke_width=2.0)
    # Side windows.
    for sx in (x - 0.6 * s, x - 0.45 * s, x + 0.45 * s, x + 0.6 * s):
        rect(c, sx - 0.03 * s, base - 0.4 * s, 0.06 * s, 0.16 * s, shade, width=2.0, wob=0.2)


def pyramid(c: Canvas, x: float, base: float, h: float, *, tint: str = p.BLUE_SOFT) -> None:
    """The glass pyramid: a triangle of panes with a diagonal lattice and a sheen on one face."""
    half = h * 1.55
    left, right, apex = (x - half, base), (x + half, base), (x, base - h)
    fill = c.linear(x - half, base - h, x + half, base, [(0, p.WHITE), (0.45, tint), (1, "#8fa7c8")])
    poly(c, [left, apex, right], fill, wob=0.3)
    d = ""
    n = 9
    for k in range(1, n):
        t = k / n
        # Lines parallel to each sloping side, and horizontal courses.
        ax, ay = x - half + half * t, base - h * t
        d += f"M{num(ax)} {num(ay)}L{num(x - half + 2 * half * t)} {num(base)}"
        bx = x + half - half * t
        d += f"M{num(bx)} {num(ay)}L{num(x + half - 2 * half * t)} {num(base)}"
    c.el("path", d=d, fill="none", stroke_width=1.5, stroke_opacity=0.4)
    sheen = c.linear(x, base - h, x + half * 0.6, base, [(0, p.WHITE, 0.6), (1, p.WHITE, 0)])
    poly(
        c,
        [(x, base - h + 6), (x + half * 0.55, base - h * 0.32), (x + half * 0.25, base - h * 0.25)],
        sheen,
        line=False,
        wob=0,
    )
    line(c, x, base - h, x, base, width=2.0, stroke_opacity=0.5, wob=0)


def palace_wing(
    c: Canvas,
    x: float,
    base: float,
    w: float,
    h: float,
    *,
    stone: str = "#efe2cf",
    roof: str = "#8e93ad",
    bays: int = 8,
) -> None:
    """A long classical palace wing (the Louvre's): two storeys of arched windows and a mansard roof."""
    vertical(c, x, base - h, w, h, stone, "#dccab3")
    rect(c, x, base - h, w, h, "none", wob=0.6)
    poly(
        c,
        [(x - 4, base - h), (x + 10, base - h - h * 0.3), (x + w - 10, base - h - h * 0.3), (x + w + 4, base - h)],
        roof,
        wob=0.6,
    )
    bay = w / bays
    for k in range(bays):
        bx = x + bay * (k + 0.5)
        for row in range(2):
            wy = base - h + h * (0.12 + row * 0.45)
            ww, wh = bay * 0.36, h * 0.3
            d = (
                f"M{num(bx - ww / 2)} {num(wy + wh)}V{num(wy + ww / 2)}"
                f"Q{num(bx - ww / 2)} {num(wy)} {num(bx)} {num(wy)}"
                f"Q{num(bx + ww / 2)} {num(wy)} {num(bx + ww / 2)} {num(wy + ww / 2)}V{num(wy + wh)}Z"
            )
            c.el("path", d=d, fill="#a9b4cf", stroke_width=2.0)
        if k % 2 == 0:
            rect(c, bx - bay * 0.12, base - h - h * 0.22, bay * 0.24, h * 0.15, stone, width=2.0, wob=0.3)
    line(c, x, base - h * 0.52, x + w, base - h * 0.52, width=2.0, stroke_opacity=0.5)


def haussmann(
    c: Canvas,
    x: float,
    base: float,
    w: float,
    floors: int,
    *,
    stone: str = "#f1e1cb",
    roof: str = "#9aa0bd",
    lit: float = 0.0,
    floor_h: float = 58,
) -> None:
    """A Paris apartment block: stone front, tall windows with iron balconies, a zinc mansard roof with
    dormers and chimney pots. `lit` is the share of windows glowing warm (evenings)."""
    h = floors * floor_h
    top = base - h
    rect(c, x, top, w, h, stone, wob=0.8)
    # Mansard roof with dormers and chimneys.
    roof_h = floor_h * 0.9
    poly(c, [(x - 6, top), (x + 16, top - roof_h), (x + w - 16, top - roof_h), (x + w + 6, top)], roof, wob=0.6)
    for cx in (x + w * 0.18, x + w * 0.78):
        rect(c, cx, top - roof_h - 22, 22, 24, p.BRICK, width=2.0, wob=0.3)
        for k in range(2):
            rect(c, cx + 3 + k * 9, top - roof_h - 32, 6, 10, p.RUST, width=1.5, wob=0.2)
    cols = max(2, int(w / 46))
    for k in range(cols):
        dx = x + w * (k + 0.5) / cols
        rect(c, dx - 8, top - roof_h * 0.7, 16, roof_h * 0.5, "#c9cbe0", width=2.0, wob=0.3)
    for f in range(floors):
        fy = top + f * floor_h
        line(c, x, fy + floor_h - 4, x + w, fy + floor_h - 4, width=1.5, stroke_opacity=0.35, wob=0.5)
        for k in range(cols):
            wx = x + w * (k + 0.5) / cols - 10
            glow_it = c.rng.random() < lit and getattr(c, "time", None) != "day"  # no lamps lit by day
            rect(c, wx, fy + 10, 20, floor_h - 22, p.YELLOW_SOFT if glow_it else "#aeb9d6", width=2.0, wob=0.4)
            if glow_it:
                glow(c, wx + 10, fy + floor_h / 2, 26, p.GLOW, 0.35)
            if f in (1, floors - 1) or f == 3:
                rect(c, wx - 4, fy + floor_h - 22, 28, 10, "none", width=1.5, wob=0.3)
                for bx in range(4):
                    line(c, wx + bx * 7, fy + floor_h - 22, wx + bx * 7, fy + floor_h - 12, width=1.2, wob=0)


def lamp_post(c: Canvas, x: float, base: float, h: float, *, lit: bool = True, colour: str = "#4c4a63") -> None:
    """A Paris-style street lamp: tapered post, a curled arm and a lantern (glowing if lit)."""
    poly(c, [(x - 7, base), (x + 7, base), (x + 3, base - h), (x - 3, base - h)], colour, wob=0.4)
    rect(c, x - 10, base - 20, 20, 20, colour, wob=0.3, width=2.0)
    ly = base - h - 26
    if lit:
        glow(c, x, ly + 10, h * 0.55, p.GLOW, 0.5)
    poly(
        c,
        [(x - 12, ly), (x + 12, ly), (x + 8, ly + 26), (x - 8, ly + 26)],
        p.GLOW if lit else p.GREY_PALE,
        wob=0.3,
        width=2.0,
    )
    poly(c, [(x - 16, ly), (x, ly - 12), (x + 16, ly)], colour, wob=0.3, width=2.0)
    circle(c, x, ly - 15, 3, colour, width=1.5)


def stone_bridge(
    c: Canvas,
    x0: float,
    x1: float,
    deck: float,
    water: float,
    *,
    arches: int = 4,
    stone: str = "#e8d8c3",
    under: str = "#8d86ab",
) -> None:
    """A low stone bridge across the river: deck, parapet and rounded arches over the water line."""
    depth = water - deck
    fill = c.linear(0, deck - 18, 0, water, [(0, stone), (1, "#cdb9a4")])
    rect(c, x0, deck - 18, x1 - x0, depth + 18, fill, wob=0.6)
    span = (x1 - x0) / arches
    for k in range(arches):
        ax = x0 + span * (k + 0.5)
        aw = span * 0.38
        ah = depth * 0.62
        d = (
            f"M{num(ax - aw)} {num(water)}Q{num(ax - aw)} {num(water - ah)} {num(ax)} {num(water - ah)}"
            f"Q{num(ax + aw)} {num(water - ah)} {num(ax + aw)} {num(water)}Z"
        )
        c.el("path", d=d, fill=under, stroke_width=2.5)
    line(c, x0, deck - 2, x1, deck - 2, width=2.0, stroke_opacity=0.5)
    for k in range(int((x1 - x0) / 14)):
        bx = x0 + 7 + k * 14
        line(c, bx, deck - 16, bx, deck - 4, width=1.5, stroke_opacity=0.4, wob=0)


def river(
    c: Canvas, y: float, h: float, *, top: str = "#9fb4d6", bottom: str = "#c7b6d9", sparkle: str = p.WHITE
) -> None:
    """A band of water with short horizontal glints."""
    vertical(c, 0, y, 1280, h, top, bottom)
    for _ in range(int(h / 5)):
        gx, gy = c.rng.uniform(0, 1280), y + c.rng.uniform(6, h - 4)
        ln = c.rng.uniform(14, 40)
        line(c, gx, gy, gx + ln, gy, colour=sparkle, width=2.0, stroke_opacity=0.55, wob=0.5)


def awning(c: Canvas, x: float, y: float, w: float, h: float, colours: tuple[str, str], *, scallops: int = 0) -> None:
    """A striped shop or café awning with a scalloped edge."""
    n = scallops or max(4, int(w / 34))
    sw = w / n
    for k in range(n):
        poly(
            c,
            [(x + k * sw, y), (x + (k + 1) * sw, y), (x + (k + 1) * sw + 8, y + h), (x + k * sw + 8, y + h)],
            colours[k % 2],
            width=2.0,
            wob=0.3,
        )
    for k in range(n):
        cx = x + 8 + (k + 0.5) * sw
        d = f"M{num(cx - sw / 2)} {num(y + h)}Q{num(cx)} {num(y + h + sw * 0.5)} {num(cx + sw / 2)} {num(y + h)}Z"
        c.el("path", d=d, fill=colours[k % 2], stroke_width=2.0)
    flat_rect(c, x, y, w + 8, h, c.linear(0, y, 0, y + h, [(0, p.SHADOW, 0), (1, p.SHADOW, 0.12)]))
