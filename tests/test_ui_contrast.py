"""Text stands out from what it is drawn on, for every character of the shipped story: the name plates in high
contrast (WCAG 4.5:1), and the speaker names and labels of the history and the phone in the usual look."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pygame
import pytest

from game.events import Line
from game.loader import load_story
from game.ui.canvas import Canvas
from game.ui.dialogue import DialogueBox
from game.ui.fonts import Fonts
from game.ui.theme import contrast_ratio

ROOT = Path(__file__).resolve().parent.parent


class Recording(Canvas):
    """A real canvas that also remembers the panels and the text it drew."""

    def __init__(self) -> None:
        super().__init__(pygame.Surface((1280, 720)), 1.0, Fonts())
        self.panels: list[pygame.Rect] = []
        self.texts: list[tuple[str, pygame.Rect]] = []

    def text(self, text, pos, px, color, **options) -> pygame.Rect:  # type: ignore[override]
        rect = super().text(text, pos, px, color, **options)
        self.texts.append((text, rect))
        return rect

    def panel(self, rect, fill, **options) -> pygame.Rect:  # type: ignore[override]
        real = super().panel(rect, fill, **options)
        self.panels.append(real)
        return real


@pytest.fixture(scope="module")
def characters() -> list[tuple[str, str, str]]:
    """(id, name, colour) of every character of the shipped story."""
    story = load_story(ROOT / "story")
    assert len(story.characters) > 10
    return [(key, c.name, c.color) for key, c in story.characters.items()]


def text_contrast(picture: pygame.Surface, area: pygame.Rect) -> float:
    """The contrast of the pixel in `area` that differs most from the area's most common colour (the ground)."""
    pixels: Counter[tuple[int, int, int]] = Counter()
    sub = picture.subsurface(area)
    for y in range(sub.get_height()):
        for x in range(sub.get_width()):
            pixels[tuple(sub.get_at((x, y)))[:3]] += 1
    ground = pixels.most_common(1)[0][0]
    return max(contrast_ratio(ground, color) for color in pixels)


def plate_contrast(canvas: Recording, key: str, name: str, color: str, kind: str) -> float:
    canvas.surface.fill((0, 0, 0))
    canvas.panels.clear()
    canvas.texts.clear()
    box = DialogueBox()
    box.show(Line(kind, "Hello.", key, name, color, None, "b1"), 0.0)
    box.draw(canvas, 0.0, 0.0, 1.0)
    plate = canvas.panels[1]
    label = next(rect for text, rect in canvas.texts if text.startswith(name))
    assert plate.contains(label)
    return text_contrast(canvas.surface, label)


@pytest.mark.parametrize("kind", ["speech", "thought"])
def test_every_name_is_readable_on_its_plate_in_high_contrast(characters, kind: str) -> None:
    canvas = Recording()
    canvas.contrast = True
    low = {
        name: round(r, 2)
        for key, name, color in characters
        if (r := plate_contrast(canvas, key, name, color, kind)) < 4.5
    }
    assert not low, f"names below 4.5:1 on their plates in high contrast: {low}"


def test_every_name_meets_the_large_text_ratio_on_its_plate_in_the_usual_look(characters) -> None:
    """A plate's name is bold at 24 px, large text to WCAG: 3:1 against the plate in the character's colour."""
    canvas = Recording()
    low = {
        name: round(r, 2)
        for key, name, color in characters
        if (r := plate_contrast(canvas, key, name, color, "speech")) < 3.0
    }
    assert not low, f"names below 3:1 on their plates: {low}"
