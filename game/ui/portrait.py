"""Side portraits: a round picture of a speaker's face beside the dialogue box when they are not on stage.

Ren'Py calls these side images. A character who speaks (or thinks) without standing on stage would otherwise be
only a name over whoever is standing there; the portrait shows whose words these are. It is cut from the
character's own sprite (the same outfit and expression), so it needs no extra art. A speaker with no sprite at all
gets the name plate alone.
"""

from __future__ import annotations

import pygame

from game.ui.assets import Images
from game.ui.canvas import Canvas
from game.ui.theme import INK, PAPER, Color, mix

DIAMETER = 128
CENTERS = {"left": (134, 444), "right": (1146, 444)}  # over a top corner of the dialogue box, clear of the text
SPRITE_HEIGHT = 370  # the sprite is drawn this tall (logical) so the head fills the circle
FACE_Y = 0.345  # the face's centre, as a share of the sprite's height (every sprite shares the canvas)


class Portraits:
    """Cuts and caches round portraits."""

    def __init__(self, images: Images) -> None:
        self.images = images
        self._cache: dict[tuple, pygame.Surface] = {}

    def available(self, who: str | None, outfit: str | None = None) -> bool:
        return who is not None and self.images.sprite_path(who, "neutral", outfit) is not None

    def portrait(self, canvas: Canvas, who: str, expression: str | None, outfit: str | None) -> pygame.Surface:
        size = canvas.p(DIAMETER)
        key = (who, expression, outfit, size)
        surf = self._cache.get(key)
        if surf is None:
            sprite = self.images.sprite(who, expression or "neutral", canvas.p(SPRITE_HEIGHT), outfit)
            surf = pygame.Surface((size, size), pygame.SRCALPHA)
            surf.fill((*mix(PAPER, INK, 0.08), 255))
            w, h = sprite.get_size()
            surf.blit(sprite, (size // 2 - w // 2, size // 2 - round(h * FACE_Y)))
            mask = pygame.Surface((size, size), pygame.SRCALPHA)
            pygame.draw.circle(mask, (255, 255, 255, 255), (size // 2, size // 2), size // 2)
            surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
            if len(self._cache) > 32:
                self._cache.clear()
            self._cache[key] = surf
        return surf

    def draw(
        self, canvas: Canvas, who: str, expression: str | None, outfit: str | None, color: Color, side: str = "left"
    ) -> None:
        """The portrait at the `side` corner of the box ("left" or "right": where nobody stands)."""
        center = CENTERS.get(side, CENTERS["left"])
        surf = self.portrait(canvas, who, expression, outfit)
        r = DIAMETER / 2
        canvas.circle(center, r + 5, mix(INK, color, 0.5))
        canvas.circle(center, r + 2, PAPER)
        canvas.surface.blit(surf, surf.get_rect(center=(canvas.p(center[0]), canvas.p(center[1]))))
