"""Small 2D helpers: a path builder that can mirror, curve sampling and convex clipping.

Why it exists: faces are drawn once for the right-hand side and mirrored for the left, eyelids cut the
eye shape (nanosvg has no clip paths, so clipping is done here on polygons), and the body needs to know
where its own edges are so stripes and patterns stay inside the clothes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from .svg import num

Point = tuple[float, float]


class Path:
    """Builds SVG path data; every point is mapped by x -> ox + sx*x, y -> oy + y.

    `sx=-1` mirrors a drawing about the origin's vertical line, so one function draws both eyes.
    """

    def __init__(self, ox: float = 0.0, oy: float = 0.0, sx: float = 1.0) -> None:
        self.ox, self.oy, self.sx = ox, oy, sx
        self._parts: list[str] = []

    def _pt(self, x: float, y: float) -> str:
        return f"{num(self.ox + self.sx * x)} {num(self.oy + y)}"

    def M(self, x: float, y: float) -> Path:
        self._parts.append("M" + self._pt(x, y))
        return self

    def L(self, x: float, y: float) -> Path:
        self._parts.append("L" + self._pt(x, y))
        return self

    def Q(self, x1: float, y1: float, x: float, y: float) -> Path:
        self._parts.append("Q" + self._pt(x1, y1) + " " + self._pt(x, y))
        return self

    def C(self, x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> Path:
        self._parts.append("C" + self._pt(x1, y1) + " " + self._pt(x2, y2) + " " + self._pt(x, y))
        return self

    def Z(self) -> Path:
        self._parts.append("Z")
        return self

    def __str__(self) -> str:
        return "".join(self._parts)


def poly(points: Iterable[Point], closed: bool = True) -> str:
    """Path data through the given points with straight segments."""
    pts = list(points)
    if not pts:
        return ""
    text = "M" + " L".join(f"{num(x)} {num(y)}" for x, y in pts)
    return text + ("Z" if closed else "")


def smooth(points: Sequence[Point], closed: bool = True, tension: float = 0.5) -> str:
    """Path data for a smooth Catmull-Rom curve through the points (as cubic Béziers)."""
    pts = list(points)
    n = len(pts)
    if n < 3:
        return poly(pts, closed)
    text = [f"M{num(pts[0][0])} {num(pts[0][1])}"]
    count = n if closed else n - 1
    for i in range(count):
        p0 = pts[(i - 1) % n] if closed or i > 0 else pts[0]
        p1 = pts[i]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if closed or i + 2 < n else pts[-1]
        k = tension / 3.0
        c1 = (p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k)
        c2 = (p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k)
        text.append(f"C{num(c1[0])} {num(c1[1])} {num(c2[0])} {num(c2[1])} {num(p2[0])} {num(p2[1])}")
    if closed:
        text.append("Z")
    return "".join(text)


def cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 12) -> list[Point]:
    """Points along a cubic Bézier, both ends included."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append(
            (
                a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
            )
        )
    return out


def ellipse(cx: float, cy: float, rx: float, ry: float, steps: int = 40) -> list[Point]:
    """A polygon approximating an ellipse, clockwise on screen from the right-hand point."""
    return [
        (cx + rx * math.cos(2 * math.pi * i / steps), cy + ry * math.sin(2 * math.pi * i / steps)) for i in range(steps)
    ]


def clip_half_plane(points: Sequence[Point], a: Point, b: Point) -> list[Point]:
    """Keep the part of a polygon on the right of the directed line a->b (screen coordinates).

    With y pointing down, "right of a->b" for a left-to-right line is below it.
    """

    def side(p: Point) -> float:
        return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])

    out: list[Point] = []
    n = len(points)
    for i in range(n):
        cur, nxt = points[i], points[(i + 1) % n]
        sc, sn = side(cur), side(nxt)
        if sc >= 0:
            out.append(cur)
        if (sc >= 0) != (sn >= 0):
            t = sc / (sc - sn)
            out.append((cur[0] + (nxt[0] - cur[0]) * t, cur[1] + (nxt[1] - cur[1]) * t))
    return out


def clip_convex(subject: Sequence[Point], clip: Sequence[Point]) -> list[Point]:
    """Sutherland-Hodgman: the part of `subject` inside the convex polygon `clip`.

    Either winding of `clip` works.
    """
    if _signed_area(clip) < 0:
        clip = list(reversed(clip))
    out = list(subject)
    n = len(clip)
    for i in range(n):
        if not out:
            break
        out = clip_half_plane(out, clip[i], clip[(i + 1) % n])
    return out


def _signed_area(points: Sequence[Point]) -> float:
    """Positive for polygons that wind clockwise on screen (y down)."""
    total = 0.0
    n = len(points)
    for i in range(n):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2


def area(points: Sequence[Point]) -> float:
    """Unsigned polygon area (used to skip shapes clipped down to nothing)."""
    return abs(_signed_area(points))
