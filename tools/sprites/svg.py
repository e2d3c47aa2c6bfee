"""The SVG document one sprite is drawn into.

Why it exists: every layer draws through one `Sprite` so the rules for SVG that pygame's nanosvg loader
understands live in one place: gradients are always `userSpaceOnUse`, there is no text, no filter, no
CSS and no external reference. Identical gradients are shared so the files stay small, and numbers are
written with at most one decimal so rebuilding gives byte-identical files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

try:  # as the package tools.X, or as X with tools/ on the path (the build scripts)
    from tools.svgmarkup import Stop, attrs, num, stop_markup
except ModuleNotFoundError:
    from svgmarkup import Stop, attrs, num, stop_markup  # type: ignore[no-redef]

WIDTH = 480
HEIGHT = 720

INK = "#3a2f3a"
LINE = 3.0


class Sprite:
    """One sprite being drawn: its defs and its body, in painting order.

    Shapes default to the ink outline (colour, ~3px, round joins and caps) set on the outer group, so
    an outlined shape needs only a fill and an unlined one says `stroke="none"`.
    """

    def __init__(self) -> None:
        self._defs: list[str] = []
        self._body: list[str] = []
        self._gradients: dict[str, str] = {}
        self._ids: set[str] = set()

    # -- gradients -------------------------------------------------------------------------------

    def _gradient(self, key: str, make: str, stops: Sequence[Stop]) -> str:
        if key in self._gradients:
            return self._gradients[key]
        # named by content, not by order, so a layer's markup is the same whatever was drawn before it
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
        size = 6
        while f"g{digest[:size]}" in self._ids:
            size += 1
        gid = f"g{digest[:size]}"
        self._ids.add(gid)
        inner = "".join(stop_markup(stop) for stop in stops)
        tag = make.split()[0]
        self._defs.append(f"<{make.format(id=gid)}{inner}</{tag}>")
        ref = f"url(#{gid})"
        self._gradients[key] = ref
        return ref

    def linear(self, x1: float, y1: float, x2: float, y2: float, stops: Sequence[Stop]) -> str:
        """A linear gradient between two points in the current user space; returns `url(#id)`."""
        coords = f'x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}"'
        make = 'linearGradient id="{id}" gradientUnits="userSpaceOnUse" ' + coords + ">"
        return self._gradient(f"L{coords}{stops!r}", make, stops)

    def radial(self, cx: float, cy: float, r: float, stops: Sequence[Stop]) -> str:
        """A radial gradient around a point in the current user space; returns `url(#id)`."""
        coords = f'cx="{num(cx)}" cy="{num(cy)}" r="{num(r)}"'
        make = 'radialGradient id="{id}" gradientUnits="userSpaceOnUse" ' + coords + ">"
        return self._gradient(f"R{coords}{stops!r}", make, stops)

    # -- body ------------------------------------------------------------------------------------

    def el(self, tag: str, **values: object) -> None:
        """Append one self-closing element, e.g. `el("circle", cx=1, cy=2, r=3, fill="#fff")`."""
        self._body.append(f"<{tag} {attrs(values)}/>")

    def path(self, d: str, fill: str = "none", **values: object) -> None:
        """Append a path; outlined in ink unless `stroke` says otherwise."""
        self.el("path", d=d, fill=fill, **values)

    def shade(self, d: str, fill: str, opacity: float) -> None:
        """Append an unlined, see-through shape: shadows, highlights, blush."""
        self.el("path", d=d, fill=fill, stroke="none", opacity=opacity)

    def line(self, d: str, width: float = LINE, colour: str = INK, **values: object) -> None:
        """Append an unfilled stroke (a crease, a seam, a strand of hair)."""
        self.el("path", d=d, fill="none", stroke=colour, stroke_width=width, **values)

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
        style = attrs(
            {
                "stroke": INK,
                "stroke_width": LINE,
                "stroke_linejoin": "round",
                "stroke_linecap": "round",
            }
        )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}">\n'
            "<defs>\n" + "\n".join(self._defs) + "\n</defs>\n"
            f"<g {style}>\n" + "\n".join(self._body) + "\n</g>\n</svg>\n"
        )
