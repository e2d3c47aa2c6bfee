"""Letterboxed scaling from the fixed 1280x720 logical canvas to whatever size the window really is.

Layout is written once in logical pixels; drawing happens at the window's real resolution (the viewport), so art
and text are rendered at their final size and stay sharp instead of being stretched from a small bitmap.
"""

from __future__ import annotations

from dataclasses import dataclass

LOGICAL_W = 1280
LOGICAL_H = 720


@dataclass(frozen=True, slots=True)
class Viewport:
    """Where the logical canvas sits inside the window, and how large it is drawn."""

    window: tuple[int, int]
    scale: float
    offset: tuple[int, int]
    size: tuple[int, int]

    @classmethod
    def fit(cls, window: tuple[int, int]) -> Viewport:
        """The largest 16:9 area centred in `window` (bars above/below or left/right)."""
        ww, wh = max(1, window[0]), max(1, window[1])
        scale = min(ww / LOGICAL_W, wh / LOGICAL_H)
        w, h = max(1, round(LOGICAL_W * scale)), max(1, round(LOGICAL_H * scale))
        return cls(window=(ww, wh), scale=scale, offset=((ww - w) // 2, (wh - h) // 2), size=(w, h))

    def to_logical(self, pos: tuple[float, float]) -> tuple[float, float]:
        """A window position (mouse) in logical coordinates (may fall outside the canvas in the bars)."""
        return ((pos[0] - self.offset[0]) / self.scale, (pos[1] - self.offset[1]) / self.scale)

    def bars(self) -> list[tuple[int, int, int, int]]:
        """The letterbox bars around the canvas, as window rectangles."""
        ox, oy = self.offset
        w, h = self.size
        ww, wh = self.window
        out = []
        if oy > 0:
            out += [(0, 0, ww, oy), (0, oy + h, ww, wh - oy - h)]
        if ox > 0:
            out += [(0, 0, ox, wh), (ox + w, 0, ww - ox - w, wh)]
        return out
