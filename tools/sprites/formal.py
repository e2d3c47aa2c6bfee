"""Prom clothes and the second pose: a suit, a dress, and a raised hand.

Why it exists: the story dresses people up for prom (a suit with a bow tie or a tie, a dress with thin straps)
and Charlie and Nick need a second pose. They are drawn from the same pieces as every other outfit (the shaded
torso, a V opening, a collar, lapels), in the same ink and gradients, so prom night looks like the rest of the
game.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .body import BOTTOM, Body, draw_torso
from .clothes import WHITE_SHIRT, _colour, fill_region, lapels, shirt_collar, tie, vee
from .geometry import Path
from .palette import darker, lighter
from .svg import Sprite

if TYPE_CHECKING:
    from .characters import Character


def _bow_tie(sprite: Sprite, body: Body, colour: str) -> None:
    cx, y = body.cx, body.neck_base + 20
    for side in (-1, 1):
        wing = Path(ox=cx, oy=y, sx=side).M(4, -2).L(30, -14).Q(36, 0, 30, 14).L(4, 4).Z()
        sprite.path(str(wing), fill=colour, stroke_width=2.2)
        sprite.line(str(Path(ox=cx, oy=y, sx=side).M(12, -4).Q(20, 0, 12, 4)), 1.4, lighter(colour, 0.3))
    sprite.el("rect", x=cx - 7.0, y=y - 8.0, width=14.0, height=14.0, rx=4.0, fill=darker(colour, 0.1))


def suit(sprite: Sprite, body: Body, ch: Character) -> None:
    """A dark suit jacket over a white shirt, with a bow tie (or a tie, `neck: tie`) and a pocket square."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, main)
    depth = 210
    v = vee(body, depth, spread=8)
    fill_region(sprite, v, ch.colours.get("shirt", WHITE_SHIRT))
    cx, nb = body.cx, body.neck_base
    sprite.line(f"M{cx:.1f} {nb + 40:.1f}L{cx:.1f} {nb + depth - 4:.1f}", 1.6, darker(WHITE_SHIRT, 0.18))
    accent = _colour(ch, "accent")
    if ch.colours.get("neck") == "tie":
        tie(sprite, body, accent, lighter(accent, 0.2), v)
        shirt_collar(sprite, body)
    else:
        shirt_collar(sprite, body)
        _bow_tie(sprite, body, accent)
    lapels(sprite, body, main, depth, width=36)
    for side in (-1, 1):  # satin on the lapels catches the light
        sheen = Path(ox=cx, sx=side).M(body.neck_w + 16, nb + 6).L(body.neck_w + 34, nb + 34).L(22, nb + depth - 40)
        sprite.line(str(sheen), 3.0, lighter(main, 0.35), opacity=0.5)
    sprite.el("circle", cx=cx, cy=nb + depth + 26, r=5.5, fill=darker(main, 0.4), stroke_width=2.0)
    pocket = Path(ox=cx + 72, oy=nb + 150).M(-26, 0).L(26, -4)
    sprite.line(str(pocket), 2.4)
    square = Path(ox=cx + 72, oy=nb + 150).M(-14, -1).L(-8, -16).L(0, -8).L(8, -18).L(14, -2).Z()
    sprite.path(str(square), fill=accent, stroke_width=2.0)
    if "flower" in ch.colours:  # a buttonhole flower
        fx, fy = cx - 76, nb + 112
        for k in range(5):
            petal = Path(ox=fx, oy=fy).M(0, 0).Q(-7 + 3 * k, -12, 4 - k, -10 + 2 * k).Z()
            sprite.path(str(petal), fill=ch.colours["flower"], stroke_width=1.4)
        sprite.el("circle", cx=fx, cy=fy - 5, r=3.5, fill="#f3d35b", stroke_width=1.2)


def dress(sprite: Sprite, body: Body, ch: Character) -> None:
    """A dress with thin straps and a soft sweetheart neckline over bare shoulders, with a sash."""
    main = _colour(ch, "main")
    draw_torso(sprite, body, ch.skin, seams=False)
    cx, nb = body.cx, body.neck_base
    top = nb + 96
    left, right = body.edges_at(top)
    bodice = Path().M(left + 4, top)
    bodice.Q(cx - 60, top - 30, cx - 6, top + 6).L(cx + 6, top + 6).Q(cx + 60, top - 30, right - 4, top)
    ys = [top + (BOTTOM - top) * i / 8 for i in range(1, 9)]
    for y in ys:
        bodice.L(body.edges_at(y)[1] - 1, y)
    for y in reversed(ys):
        bodice.L(body.edges_at(y)[0] + 1, y)
    grad = sprite.linear(0, top - 20, 0, BOTTOM, [(0, lighter(main, 0.08)), (0.4, main), (1, darker(main, 0.1))])
    sprite.path(str(bodice.Z()), fill=grad)
    for side in (-1, 1):
        strap = Path(ox=cx, sx=side).M(56, top - 18).Q(62, nb + 40, body.neck_w + 34, nb + 6)
        sprite.line(str(strap), 4.0, darker(main, 0.15))
        sprite.line(poly_seam(body, side, top + 30), 2.2, darker(ch.skin, 0.25))
    sash_y = nb + 250
    lx, rx = body.edges_at(sash_y)
    sash = Path().M(lx + 1, sash_y).L(rx - 1, sash_y).L(rx - 1, sash_y + 22).L(lx + 1, sash_y + 22).Z()
    sprite.path(str(sash), fill=_colour(ch, "accent"), stroke_width=2.0)
    if "pendant" in ch.colours:
        sprite.line(f"M{cx - 26:.1f} {nb + 6:.1f}Q{cx:.1f} {nb + 60:.1f} {cx + 26:.1f} {nb + 6:.1f}", 1.6)
        sprite.el("circle", cx=cx, cy=nb + 42, r=5.0, fill=ch.colours["pendant"], stroke_width=1.8)


def poly_seam(body: Body, side: int, below: float) -> str:
    """The arm's inner line from `below` down, as a path (bare arms show where they meet the body)."""
    points = [p for p in body.seam(side) if p[1] >= below]
    if len(points) < 2:
        return ""
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points)


def raised_hand(sprite: Sprite, body: Body, ch: Character, sleeve: str) -> None:
    """The second pose: the forearm comes up from the elbow and the hand is raised beside the shoulder (a hello)."""
    cx, nb = body.cx, body.neck_base
    elbow_x = cx + body.sw - 26
    elbow_y = nb + 250
    hand_x, hand_y = cx + body.sw - 40, nb - 70
    arm = Path().M(elbow_x - 26, elbow_y + 10).Q(elbow_x - 40, nb + 90, hand_x - 26, hand_y + 70)
    arm.L(hand_x + 22, hand_y + 74).Q(elbow_x + 12, nb + 110, elbow_x + 24, elbow_y + 16).Z()
    grad = sprite.linear(elbow_x - 40, 0, elbow_x + 24, 0, [(0, lighter(sleeve, 0.06)), (1, darker(sleeve, 0.12))])
    sprite.path(str(arm), fill=grad)
    cuff = Path().M(hand_x - 28, hand_y + 62).L(hand_x + 24, hand_y + 66).L(hand_x + 22, hand_y + 80)
    cuff.L(hand_x - 27, hand_y + 76).Z()
    sprite.path(str(cuff), fill=darker(sleeve, 0.1), stroke_width=2.2)
    palm = Path(ox=hand_x, oy=hand_y).M(-22, 62).Q(-30, 20, -16, 6).L(-14, -34).Q(-8, -42, -3, -34)
    palm.L(-2, -6).L(0, -44).Q(6, -52, 11, -44).L(11, -6).L(16, -38).Q(22, -44, 26, -36).L(22, 2)
    palm.L(32, -14).Q(40, -16, 38, -6).Q(28, 28, 22, 64).Z()
    grad = sprite.linear(hand_x - 30, 0, hand_x + 38, 0, [(0, lighter(ch.skin, 0.04)), (1, darker(ch.skin, 0.08))])
    sprite.path(str(palm), fill=grad, stroke_width=2.4)
    sprite.line(str(Path(ox=hand_x, oy=hand_y).M(-10, 30).Q(2, 38, 14, 30)), 1.6, darker(ch.skin, 0.3))
