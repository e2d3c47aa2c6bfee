"""The few rules for writing SVG text that both art generators (backgrounds and sprites) share.

Numbers are written with at most one decimal and no trailing '.0' (so rebuilds are byte-identical), attributes
from keyword arguments (underscores become hyphens), and gradient stops with an optional opacity. `Document` is
what a background's `Canvas` and a sprite's `Sprite` both are: defs, a body, and the SVG nanosvg understands.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

# A gradient stop: (offset 0..1, colour) or (offset, colour, opacity).
Stop = tuple[float, str] | tuple[float, str, float]


def num(value: float) -> str:
    """Format a coordinate compactly: one decimal at most, no trailing '.0'."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def attrs(values: dict[str, object]) -> str:
    """Render keyword attributes; underscores become hyphens, None values are left out."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f'{key.rstrip("_").replace("_", "-")}="{shown}"')
    return " ".join(parts)


def stop_markup(stop: Stop) -> str:
    """One `<stop>` of a gradient."""
    opacity = stop[2] if len(stop) == 3 else 1.0
    extra = "" if opacity == 1.0 else f' stop-opacity="{opacity:g}"'
    return f'<stop offset="{stop[0]:g}" stop-color="{stop[1]}"{extra}/>'


class Document:
    """An SVG document being drawn: its `<defs>` and its body, in painting order.

    Gradients are always `userSpaceOnUse` (nanosvg, the SVG loader inside pygame, ignores bounding-box units) and
    an identical one is written once. The body sits inside a group that sets the ink line style (`line_style`),
    so outlined shapes need no stroke attributes and unlined ones say `stroke="none"`.
    """

    def __init__(self, width: int, height: int, line_style: dict[str, object]) -> None:
        self.width, self.height = width, height
        self._line_style = line_style
        self._defs: list[str] = []
        self._body: list[str] = []
        self._gradients: dict[str, str] = {}

    # -- gradients -------------------------------------------------------------------------------

    def _gradient_id(self, key: str) -> str:
        """The id of a new gradient (`key` says what it is): numbered in the order drawn."""
        return f"g{len(self._gradients)}"

    def _gradient(self, key: str, make: str, stops: Sequence[Stop]) -> str:
        if key in self._gradients:
            return self._gradients[key]
        gid = self._gradient_id(key)
        inner = "".join(stop_markup(stop) for stop in stops)
        self._defs.append(f"<{make.format(id=gid)}{inner}</{make.split()[0]}>")
        ref = f"url(#{gid})"
        self._gradients[key] = ref
        return ref

    def linear(self, x1: float, y1: float, x2: float, y2: float, stops: Sequence[Stop]) -> str:
        """A linear gradient between two points in the current user space; returns the `url(#id)` to fill with."""
        coords = f'x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}"'
        make = 'linearGradient id="{id}" gradientUnits="userSpaceOnUse" ' + coords + ">"
        return self._gradient(f"L{coords}{stops!r}", make, stops)

    def radial(self, cx: float, cy: float, r: float, stops: Sequence[Stop], *, squash: float = 1.0) -> str:
        """A radial gradient around a point in the current user space; `squash` < 1 flattens it vertically into
        an ellipse (a pool of light). Returns the `url(#id)` to fill with."""
        coords = f'cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}"'
        if squash != 1.0:
            shift = cy * (1 - squash)
            coords += f' gradientTransform="matrix(1 0 0 {squash:g} 0 {num(shift)})"'
        make = 'radialGradient id="{id}" gradientUnits="userSpaceOnUse" ' + coords + ">"
        return self._gradient(f"R{coords}{stops!r}", make, stops)

    # -- body ------------------------------------------------------------------------------------

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

    def to_svg(self) -> str:
        """The finished document."""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}">\n'
            "<defs>\n" + "\n".join(self._defs) + "\n</defs>\n"
            f"<g {attrs(self._line_style)}>\n" + "\n".join(self._body) + "\n</g>\n</svg>\n"
        )
