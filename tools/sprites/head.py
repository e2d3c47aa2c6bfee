"""The head: face shape, ears, skin shading and nose, in head coordinates.

Why it exists: all faces share one construction so that expressions (drawn by `faces`) land in the same
places on every character. Head coordinates put the origin between the eyes; the chin is `CHIN` (plus a
character's `jaw`) below it and the cheeks `face` to each side. The composer places the head with a
translate transform; gradients are defined in the same head coordinates.
"""

from __future__ import annotations

from .body import CHIN, Build
from .geometry import Path
from .palette import BLUSH, darker, lighter
from .svg import Sprite

CROWN = -112.0  # top of the skull in head coordinates (hair sits above it)


def head_path(build: Build) -> str:
    """Outline of the face and skull: round cranium, soft cheeks, a gentle chin."""
    w, chin = build.face, CHIN + build.jaw
    p = Path().M(0, CROWN)
    p.C(48, CROWN, w, -84, w, -28)
    p.C(w, 12, w - 2, 36, w - 14, 54 + build.jaw * 0.6)
    p.C(w - 28, 78 + build.jaw, 24, chin, 0, chin)
    p.C(-24, chin, -(w - 28), 78 + build.jaw, -(w - 14), 54 + build.jaw * 0.6)
    p.C(-(w - 2), 36, -w, 12, -w, -28)
    p.C(-w, -84, -48, CROWN, 0, CROWN)
    return str(p.Z())


def draw_ears(sprite: Sprite, build: Build, skin: str) -> None:
    """Both ears, drawn before the face so the face outline covers their roots."""
    w = build.face
    for sx in (-1, 1):
        p = Path(sx=sx).M(w - 6, -6).C(w + 14, -18, w + 20, 12, w + 10, 26).C(w + 5, 34, w - 2, 36, w - 8, 30)
        sprite.path(str(p.Z()), fill=skin)
        inner = Path(sx=sx).M(w + 3, -2).C(w + 12, -6, w + 12, 16, w + 4, 20)
        sprite.line(str(inner), 2.2, darker(skin, 0.45))


def draw_face_skin(sprite: Sprite, build: Build, skin: str, blush: float = 0.18) -> None:
    """The face shape filled with softly shaded skin and a faint warm blush on the cheeks."""
    w = build.face
    grad = sprite.radial(-16, -34, w * 1.9, [(0, lighter(skin, 0.12)), (0.55, skin), (1, darker(skin, 0.16))])
    sprite.path(head_path(build), fill=grad)
    for sx in (-1, 1):
        sprite.el("ellipse", cx=sx * (w - 28), cy=32.0, rx=15.0, ry=8.0, fill=BLUSH, stroke="none", opacity=blush)


def draw_nose(sprite: Sprite, skin: str, style: str = "soft") -> None:
    """A small nose: a hooked stroke on the light side and a touch of shadow under it."""
    shadow = darker(skin, 0.5)
    if style == "button":
        sprite.line("M-5 33Q0 38 5 33", 2.6, shadow)
    elif style == "long":
        sprite.line("M4 8Q8 28 9 35Q6 40 -2 39", 2.6, shadow)
    else:
        sprite.line("M5 20Q10 32 6 36Q2 39 -3 36", 2.6, shadow)
    sprite.el("ellipse", cx=2.0, cy=40.0, rx=7.0, ry=2.5, fill=shadow, stroke="none", opacity=0.18)
