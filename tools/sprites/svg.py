"""The SVG document one sprite is drawn into.

Why it exists: every layer draws through one `Sprite` so the rules for SVG that pygame's nanosvg loader
understands live in one place: gradients are always `userSpaceOnUse`, there is no text, no filter, no
CSS and no external reference. Identical gradients are shared so the files stay small, and numbers are
written with at most one decimal so rebuilding gives byte-identical files.
"""

from __future__ import annotations

import hashlib

try:  # as the package tools.X, or as X with tools/ on the path (the build scripts)
    from tools.svgmarkup import Document
    from tools.svgmarkup import num as num  # drawing modules take it from here
except ModuleNotFoundError:
    from svgmarkup import Document  # type: ignore[no-redef]
    from svgmarkup import num as num  # type: ignore[no-redef]

WIDTH = 480
HEIGHT = 720

INK = "#3a2f3a"
LINE = 3.0


class Sprite(Document):
    """One sprite being drawn: its defs and its body, in painting order.

    Shapes default to the ink outline (colour, ~3px, round joins and caps) set on the outer group, so
    an outlined shape needs only a fill and an unlined one says `stroke="none"`.
    """

    def __init__(self) -> None:
        super().__init__(
            WIDTH,
            HEIGHT,
            {"stroke": INK, "stroke_width": LINE, "stroke_linejoin": "round", "stroke_linecap": "round"},
        )
        self._ids: set[str] = set()

    def _gradient_id(self, key: str) -> str:
        # named by content, not by order, so a layer's markup is the same whatever was drawn before it
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
        size = 6
        while f"g{digest[:size]}" in self._ids:
            size += 1
        gid = f"g{digest[:size]}"
        self._ids.add(gid)
        return gid

    def path(self, d: str, fill: str = "none", **values: object) -> None:
        """Append a path; outlined in ink unless `stroke` says otherwise."""
        self.el("path", d=d, fill=fill, **values)

    def shade(self, d: str, fill: str, opacity: float) -> None:
        """Append an unlined, see-through shape: shadows, highlights, blush."""
        self.el("path", d=d, fill=fill, stroke="none", opacity=opacity)

    def line(self, d: str, width: float = LINE, colour: str = INK, **values: object) -> None:
        """Append an unfilled stroke (a crease, a seam, a strand of hair)."""
        self.el("path", d=d, fill="none", stroke=colour, stroke_width=width, **values)
