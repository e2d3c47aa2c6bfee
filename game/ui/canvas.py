"""The drawing context every screen draws on: logical coordinates in, sharp pixels out.

A `Canvas` wraps the letterboxed area of the window. Positions and sizes are given in logical pixels (1280x720);
the canvas converts them to real pixels, opens fonts at the real size and caches rendered text and rounded
shapes, so a frame that looks like the last one costs little to draw.

With `contrast` on (the high-contrast setting) the canvas draws every text colour and every panel as black or
white, whichever is nearer, panels opaque and outlined: text then stands at 21:1 against the box it is in, on
every screen, without each screen keeping a second palette.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Literal

import pygame

from game.ui.fonts import Fonts
from game.ui.theme import HC_BLACK, HC_TEXT_SPLIT, HC_WHITE, RGBA, Color, high_contrast

Anchor = Literal[
    "topleft", "midtop", "topright", "midleft", "center", "midright", "bottomleft", "midbottom", "bottomright"
]

_TEXT_CACHE_SIZE = 600
_SHAPE_CACHE_SIZE = 200


class Canvas:
    """Draws onto `surface`, which shows the logical canvas at `scale`."""

    def __init__(self, surface: pygame.Surface, scale: float, fonts: Fonts) -> None:
        self.surface = surface
        self.scale = scale
        self.fonts = fonts
        self._text: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._shapes: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.contrast = False

    def clear_caches(self) -> None:
        """Forget rendered text and shapes (the font or the contrast changed)."""
        self._text.clear()
        self._shapes.clear()

    def ink(self, color: Color) -> Color:
        """The colour text is drawn in: itself, or black or white in high contrast."""
        return high_contrast(color, HC_TEXT_SPLIT) if self.contrast else color

    def ink_on(self, fill: Color, color: Color) -> Color:
        """The colour for text meant to be `color` on a panel filled with `fill`: itself, or in high contrast the
        opposite of the black or white the panel becomes, so the text never vanishes into its own panel (a
        mid-dark plate turns white while paper-white text on it would also stay white)."""
        if not self.contrast:
            return color
        return HC_BLACK if high_contrast(fill) == HC_WHITE else HC_WHITE

    def retarget(self, surface: pygame.Surface, scale: float) -> None:
        """Draw onto a new surface; caches survive unless the scale changed."""
        if abs(scale - self.scale) > 1e-9:
            self._text.clear()
            self._shapes.clear()
        self.surface = surface
        self.scale = scale

    # Coordinates -----------------------------------------------------------------------------------------------
    def p(self, value: float) -> int:
        """A logical length in real pixels."""
        return round(value * self.scale)

    def r(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """A logical rectangle in real pixels (edges rounded so neighbours meet without gaps)."""
        left, top = round(x * self.scale), round(y * self.scale)
        return pygame.Rect(left, top, round((x + w) * self.scale) - left, round((y + h) * self.scale) - top)

    # Text ------------------------------------------------------------------------------------------------------
    def font(self, px: float, *, italic: bool = False, bold: bool = False) -> pygame.font.Font:
        return self.fonts.get(self.p(px), italic=italic, bold=bold)

    def measure(self, text: str, px: float, *, italic: bool = False, bold: bool = False) -> float:
        """The logical width of `text`."""
        return self.font(px, italic=italic, bold=bold).size(text)[0] / self.scale

    def text_surface(
        self, text: str, px: float, color: Color, *, italic: bool = False, bold: bool = False
    ) -> pygame.Surface:
        key = (text, self.p(px), color, italic, bold)
        surf = self._text.get(key)
        if surf is None:
            surf = _fast(self.font(px, italic=italic, bold=bold).render(text, True, color))
            self._text[key] = surf
            if len(self._text) > _TEXT_CACHE_SIZE:
                self._text.popitem(last=False)
        else:
            self._text.move_to_end(key)
        return surf

    def text(
        self,
        text: str,
        pos: tuple[float, float],
        px: float,
        color: Color,
        *,
        anchor: Anchor = "topleft",
        italic: bool = False,
        bold: bool = False,
        alpha: int = 255,
        clip_width: int | None = None,
    ) -> pygame.Rect:
        """Draw one line of text with its `anchor` at logical `pos`; returns the real rectangle drawn."""
        if not text:
            return pygame.Rect(self.p(pos[0]), self.p(pos[1]), 0, 0)
        surf = self.text_surface(text, px, self.ink(color), italic=italic, bold=bold)
        rect = surf.get_rect(**{anchor: (self.p(pos[0]), self.p(pos[1]))})
        area = None if clip_width is None else pygame.Rect(0, 0, clip_width, rect.height)
        if alpha < 255:
            surf.set_alpha(alpha)
            self.surface.blit(surf, rect, area)
            surf.set_alpha(255)
        else:
            self.surface.blit(surf, rect, area)
        return rect

    # Shapes ----------------------------------------------------------------------------------------------------
    def panel(
        self,
        rect: tuple[float, float, float, float],
        fill: Color | RGBA,
        *,
        radius: float = 14,
        border: float = 0,
        border_color: Color | None = None,
        shadow: bool = False,
    ) -> pygame.Rect:
        """A rounded, possibly translucent rectangle (cached per size and colour)."""
        if self.contrast:
            solid = high_contrast(fill[:3])
            alpha = fill[3] if len(fill) == 4 and fill[3] < 100 else 255  # still fading in: let it
            fill = (*solid, alpha)
            border = max(border, 1.5)
            border_color = high_contrast((255 - solid[0], 255 - solid[1], 255 - solid[2]))
        real = self.r(*rect)
        key = (real.size, tuple(fill), self.p(radius), self.p(border) if border else 0, border_color, shadow)
        surf = self._shapes.get(key)
        if surf is None:
            border_px = self.p(border) if border else 0
            surf = _fast(self._make_panel(real.size, fill, self.p(radius), border_px, border_color, shadow))
            self._shapes[key] = surf
            if len(self._shapes) > _SHAPE_CACHE_SIZE:
                self._shapes.popitem(last=False)
        self.surface.blit(surf, real.topleft)
        return real

    def _make_panel(
        self,
        size: tuple[int, int],
        fill: Color | RGBA,
        radius: int,
        border: int,
        border_color: Color | None,
        shadow: bool,
    ) -> pygame.Surface:
        w, h = size
        extra = self.p(5) if shadow else 0
        surf = pygame.Surface((max(1, w), max(1, h + extra)), pygame.SRCALPHA)
        if shadow:
            pygame.draw.rect(surf, (60, 40, 30, 60), (0, extra, w, h), border_radius=radius)
        pygame.draw.rect(surf, fill, (0, 0, w, h), border_radius=radius)
        if border and border_color is not None:
            pygame.draw.rect(surf, border_color, (0, 0, w, h), width=max(1, border), border_radius=radius)
        return surf

    def shade(self, rgba: RGBA) -> None:
        """Dim the whole canvas (behind a menu)."""
        key = ("shade", self.surface.get_size(), rgba)
        surf = self._shapes.get(key)
        if surf is None:
            surf = pygame.Surface(self.surface.get_size(), pygame.SRCALPHA)
            surf.fill(rgba)
            surf = _fast(surf)
            self._shapes[key] = surf
        self.surface.blit(surf, (0, 0))

    def line(self, a: tuple[float, float], b: tuple[float, float], color: Color, width: float = 2) -> None:
        pygame.draw.line(
            self.surface, color, (self.p(a[0]), self.p(a[1])), (self.p(b[0]), self.p(b[1])), max(1, self.p(width))
        )

    def polygon(self, points: list[tuple[float, float]], color: Color) -> None:
        pygame.draw.polygon(self.surface, color, [(self.p(x), self.p(y)) for x, y in points])

    def circle(self, center: tuple[float, float], radius: float, color: Color, width: float = 0) -> None:
        pygame.draw.circle(
            self.surface,
            color,
            (self.p(center[0]), self.p(center[1])),
            max(1, self.p(radius)),
            self.p(width) if width else 0,
        )


def _fast(surf: pygame.Surface) -> pygame.Surface:
    """The surface in the window's pixel format (much faster to blit), once a window exists."""
    return surf.convert_alpha() if pygame.display.get_surface() is not None else surf
