"""What each picture of a capture adds to an animated PNG: the rectangle that changed, the rest left transparent.

An APNG (game/ui/apng_writer.py) draws each frame over the canvas the frames before it left. For every picture,
this finds the pixels that differ from the canvas, crops to the rectangle around them, and makes the pixels inside
it that did not change fully transparent (so they keep what is under them); the changed ones are opaque, so drawn
over the canvas the frame gives exactly the picture. Pictures often go back and forth (one speaker, the other, the
first again: each time both sprites change their dimming), so a frame may instead be drawn on the canvas as it was
before the frame just shown, which the format restores when asked ("dispose to previous"); the cheaper of the two
is chosen on a coarse sample of the pixels. Either way the result is the picture, pixel for pixel.

The comparisons run in pygame's C code (a mask of equal pixels, a bounding rectangle), a few milliseconds a
1280x720 picture.
"""

from __future__ import annotations

import pygame

from game.ui.apng_writer import Frame

SAMPLE = 8  # the choice of canvas compares one pixel in SAMPLE x SAMPLE: a cost estimate, never a correctness one
_EQUAL = (1, 1, 1, 255)  # from_threshold's bound: a difference below 1 in each of red, green and blue
_UNSEEN = (0, 0, 0, 0)


class FrameDelta:
    """Turns the pictures of a capture, in order, into the frames of an animation that shows exactly them."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self._small = (max(1, size[0] // SAMPLE), max(1, size[1] // SAMPLE))
        self._last: pygame.Surface | None = None  # the canvas after the last frame
        self._base: pygame.Surface | None = None  # the canvas before it, which "dispose to previous" gives back
        self._last_sample: pygame.Surface | None = None
        self._base_sample: pygame.Surface | None = None
        self._rgba = pygame.Surface(size, pygame.SRCALPHA, 32)

    def frame(self, picture: pygame.Surface) -> Frame | None:
        """The frame that shows `picture` after the ones before it, or None when it is the last picture again."""
        if picture.get_size() != self.size:
            raise ValueError(f"a {picture.get_size()} picture in a capture of {self.size}")
        sample = pygame.transform.scale(picture, self._small)
        if self._last is None or self._last_sample is None:
            self._remember(picture, sample, restored=False)
            width, height = self.size
            self._rgba.blit(picture, (0, 0))
            return Frame(0, 0, width, height, pygame.image.tobytes(self._rgba, "RGBA"))
        restore = (
            self._base is not None
            and self._base_sample is not None
            and _differing(sample, self._base_sample) < _differing(sample, self._last_sample)
        )
        canvas = self._base if restore and self._base is not None else self._last
        equal = pygame.mask.from_threshold(picture, _UNSEEN, _EQUAL, canvas)
        if not restore and equal.count() == self.size[0] * self.size[1]:
            return None
        self._rgba.blit(picture, (0, 0))
        equal.to_surface(self._rgba, setcolor=_UNSEEN, unsetcolor=None)
        changed = self._rgba.get_bounding_rect()
        self._remember(picture, sample, restored=restore)
        if not changed.width:  # the picture is the canvas restored: a frame that changes nothing
            return Frame(0, 0, 1, 1, bytes(4), restores_previous=True)
        rgba = pygame.image.tobytes(self._rgba.subsurface(changed), "RGBA")
        return Frame(changed.x, changed.y, changed.width, changed.height, rgba, restores_previous=restore)

    def _remember(self, picture: pygame.Surface, sample: pygame.Surface, restored: bool) -> None:
        if not restored:  # drawn on the last picture: that picture is what "dispose to previous" would give back
            self._base, self._base_sample = self._last, self._last_sample
        self._last, self._last_sample = picture.copy(), sample


def _differing(one: pygame.Surface, other: pygame.Surface) -> int:
    equal = pygame.mask.from_threshold(one, _UNSEEN, _EQUAL, other)
    width, height = one.get_size()
    return width * height - equal.count()
