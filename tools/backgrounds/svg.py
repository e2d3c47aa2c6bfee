"""The SVG document every background is drawn into.

Why it exists: each background is one `Canvas`. It owns the `<defs>` (gradients, always
`userSpaceOnUse` because nanosvg, the SVG loader inside pygame, ignores bounding-box units), the body,
and a random generator seeded by the background's id, so the hand-drawn wobble is the same on every build
and the committed files only change when the drawing code does.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

try:  # as the package tools.X, or as X with tools/ on the path (the build scripts)
    from tools.svgmarkup import Stop, attrs, num, stop_markup
except ModuleNotFoundError:
    from svgmarkup import Stop, attrs, num, stop_markup  # type: ignore[no-redef]

WIDTH = 1280
HEIGHT = 720

INK = "#3a2f3a"
INK_OPACITY = 0.8
LINE_WIDTH = 3.0

Point = tuple[float, float]


class Canvas:
    """One background being drawn: defs, body and a deterministic random source.

    The body sits inside a group that sets the ink line style (colour, partial opacity, ~3px, round
    joins), so outlined shapes need no stroke attributes and unlined ones say `stroke="none"`.
    """

    def __init__(self, name: str, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.name = name
        self.width, self.height = width, height
        self.rng = random.Random(name)
        self.time: str | None = None  # a variant's time of day and season (see variants.py); None: the plain file
        self.season: str | None = None
        self._defs: list[str] = []
        self._body: list[str] = []
        self._gradients: dict[str, str] = {}

    # -- gradients -------------------------------------------------------------------------------

    def _gradient(self, key: str, make: str, stops: Sequence[Stop]) -> str:
        if key in self._gradients:
            return self._gradients[key]
        gid = f"g{len(self._gradients)}"
        inner = "".join(stop_markup(stop) for stop in stops)
        self._defs.append(f"<{make.format(id=gid)}{inner}</{make.split()[0]}>")
        ref = f"url(#{gid})"
        self._gradients[key] = ref
        return ref

    def linear(self, x1: float, y1: float, x2: float, y2: float, stops: Sequence[Stop]) -> str:
        """A linear gradient between two user-space points; returns the `url(#id)` to fill with."""
        coords = f'x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}"'
        make = 'linearGradient id="{id}" gradientUnits="userSpaceOnUse" ' + coords + ">"
        return self._gradient(f"L{coords}{stops!r}", make, stops)

    def radial(
        self,
        cx: float,
        cy: float,
        r: float,
        stops: Sequence[Stop],
        *,
        squash: float = 1.0,
    ) -> str:
        """A radial gradient; `squash` < 1 flattens it vertically into an ellipse (a pool of light)."""
        coords = f'cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}"'
        if squash != 1.0:
            shift = cy * (1 - squash)
            coords += f' gradientTransform="matrix(1 0 0 {squash:g} 0 {num(shift)})"'
        make = 'radialGradient id="{id}" gradientUnits="userSpaceOnUse" ' + coords + ">"
        return self._gradient(f"R{coords}{stops!r}", make, stops)

    # -- body ------------------------------------------------------------------------------------

    def add(self, markup: str) -> None:
        """Append raw markup to the body."""
        self._body.append(markup)

    def el(self, tag: str, **values: object) -> None:
        """Append one self-closing element, e.g. `el("circle", cx=1, cy=2, r=3, fill="#fff")`."""
        self._body.append(f"<{tag} {attrs(values)}/>")

    @contextmanager
    def group(self, **values: object) -> Iterator[None]:
        """Wrap what is drawn inside the `with` block in a `<g>` carrying the given attributes."""
        self._body.append(f"<g {attrs(values)}>")
        try:
            yield
        finally:
            self._body.append("</g>")

    def jitter(self, amount: float) -> float:
        """A small random offset in [-amount, amount], the wobble of a hand-drawn line."""
        return self.rng.uniform(-amount, amount)

    def to_svg(self) -> str:
        """The finished document."""
        style = attrs(
            {
                "stroke": INK,
                "stroke_opacity": INK_OPACITY,
                "stroke_width": LINE_WIDTH,
                "stroke_linejoin": "round",
                "stroke_linecap": "round",
            }
        )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}">\n'
            f"<defs>\n" + "\n".join(self._defs) + "\n</defs>\n"
            f"<g {style}>\n" + "\n".join(self._body) + "\n</g>\n</svg>\n"
        )
