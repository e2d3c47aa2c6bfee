"""The endings gallery: every ending the story promises, each as a picture of its place and the people in it.

An ending found in any playthrough shows its picture, its title and the day it was first reached; one still locked
shows the same place darkened with its people as silhouettes, "? ? ?" for a title and a hint of where to look.
Pictures are drawn from the story itself (see `game.ui.tableau`), so every ending has one. The arrow keys or the
mouse pick a card (pressing one leaves the gallery where it is); a gallery of more than two rows scrolls with the
wheel.
"""

from __future__ import annotations

from datetime import datetime

import pygame

from game.staging import place_fraction
from game.ui.app import App
from game.ui.canvas import Canvas
from game.ui.scaling import LOGICAL_H, LOGICAL_W
from game.ui.screens.page import ListScreen, draw_page, return_button
from game.ui.spoken import Spoken
from game.ui.tableau import Tableau, tableau
from game.ui.textlayout import wrap
from game.ui.theme import (
    FOCUS,
    INK,
    INK_FAINT,
    INK_SOFT,
    LOCKED,
    NICK_YELLOW,
    PAPER,
    PAPER_DEEP,
    ROSE,
    SPRITE_HEIGHT,
    UI_PX,
    mix,
)
from game.ui.widgets import Button, ButtonList

LEFT, TOP = 70, 148
AREA_BOTTOM = 676
GAP_X, GAP_Y = 24, 24
CAPTION_H = 84  # a title and two rows of hint, inside the card
ROWS = 2  # rows of cards on screen; more scroll
SHADOW = (52, 42, 58)


def columns_for(count: int) -> int:
    return 3 if count <= 6 else 4


def card_size(cols: int) -> tuple[float, float]:
    """(width, picture height) of a card: as wide as the columns allow while two rows still fit."""
    width = (LOGICAL_W - 2 * LEFT - GAP_X * (cols - 1)) / cols
    pic_h = min(width * 9 / 16, (AREA_BOTTOM - TOP - GAP_Y * (ROWS - 1)) / ROWS - CAPTION_H)
    return pic_h * 16 / 9, pic_h


def silhouette(surf: pygame.Surface) -> pygame.Surface:
    """`surf`'s shape filled with one dark colour (a locked ending's people)."""
    out = surf.copy()
    out.fill((0, 0, 0, 255), special_flags=pygame.BLEND_RGB_MULT)
    out.fill((*SHADOW, 0), special_flags=pygame.BLEND_RGB_ADD)
    return out


class EndingsScreen(ListScreen):
    """Every ending as a card in a grid: found ones with their picture, title and date, locked ones as silhouettes
    with a hint; a grid taller than two rows scrolls."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.back = return_button()
        self.endings = list((getattr(app.story, "endings", {}) or {}).values())
        self.tableaux: dict[str, Tableau] = {e.id: tableau(app.story, e.id) for e in self.endings}
        self._pictures: dict[tuple[str, bool, tuple[int, int]], pygame.Surface] = {}
        cols = columns_for(len(self.endings))
        w, pic_h = card_size(cols)
        step = pic_h + CAPTION_H + GAP_Y
        left = (LOGICAL_W - cols * w - (cols - 1) * GAP_X) / 2
        cards = [
            Button((left + (i % cols) * (w + GAP_X), TOP + (i // cols) * step, w, pic_h + CAPTION_H), e.title, key=e.id)
            for i, e in enumerate(self.endings)
        ]
        view = (TOP, TOP + ROWS * step - GAP_Y)
        self.list = ButtonList(cards, columns=cols, view=view, bar_x=LOGICAL_W - LEFT + 26, wheel_step=step)
        self.list.laid_out()

    @property
    def focus(self) -> int | None:
        return self.list.focus

    @property
    def cols(self) -> int:
        return self.list.columns

    def card_rect(self, index: int) -> tuple[float, float, float, float] | None:
        """Where card `index` is on screen, or None while it is scrolled out of view."""
        rect = self.list.buttons[index].rect
        top, bottom = self.list.view or (TOP, AREA_BOTTOM)
        return rect if rect[1] + rect[3] > top and rect[1] < bottom else None

    # Input ------------------------------------------------------------------------------------------------------
    def pressed(self, button: int, now: float) -> None:
        """A card is a picture to look at: pressing it only picks it (as the arrows do), and the gallery stays.
        Escape, the pad's B or the Return button leave it."""

    # Self-voicing ----------------------------------------------------------------------------------------------
    def speech(self, now: float) -> Spoken | None:
        found = self.app.persistent.endings
        count = sum(1 for e in self.endings if e.id in found)
        said = ""
        if self.focus is not None and 0 <= self.focus < len(self.endings):
            ending = self.endings[self.focus]
            hint = self.tableaux[ending.id].hint
            said = f"{ending.title}, found" if ending.id in found else f"Not found yet. {hint}"
        return Spoken("endings", f"Endings. {count} of {len(self.endings)} found", said)

    # Drawing ----------------------------------------------------------------------------------------------------
    def picture(self, ending_id: str, found: bool, size: tuple[int, int]) -> pygame.Surface:
        """The ending's place and people at `size` real pixels (darkened, as silhouettes, while locked)."""
        key = (ending_id, found, size)
        cached = self._pictures.get(key)
        if cached is not None:
            return cached
        scene = self.tableaux[ending_id]
        surf = pygame.Surface(size)
        surf.fill(PAPER_DEEP)
        if scene.background:
            surf.blit(self.app.images.background(scene.background, size), (0, 0))
        if not found:
            veil = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill((*SHADOW, 150))
            surf.blit(veil, (0, 0))
        factor = size[1] / LOGICAL_H
        height = max(1, round(SPRITE_HEIGHT * factor))
        for figure in scene.figures:
            sprite = self.app.images.sprite(figure.who, figure.expression, height, figure.outfit)
            if not found:
                sprite = silhouette(sprite)
            x = place_fraction(figure.at) * size[0]
            surf.blit(sprite, sprite.get_rect(midbottom=(round(x), size[1] + round(6 * factor))))
        self._pictures[key] = surf
        return surf

    def draw(self, canvas: Canvas, now: float) -> None:
        draw_page(canvas, "Endings")
        found = self.app.persistent.endings
        count = sum(1 for e in self.endings if e.id in found)
        canvas.text(f"{count} of {len(self.endings)} found", (1216, 128), UI_PX - 4, INK_SOFT, anchor="midright")
        if not self.endings:
            canvas.text("This story has no endings.", (640, 380), UI_PX, INK_SOFT, anchor="center", italic=True)
        self.draw_list(canvas, paint=self._paint_card)

    def _paint_card(self, canvas: Canvas, index: int, focused: bool) -> None:
        ending = self.endings[index]
        _, pic_h = card_size(self.cols)
        found = ending.id in self.app.persistent.endings
        self._draw_card(canvas, ending, self.list.buttons[index].rect, pic_h, found, focused)

    def _draw_card(
        self, canvas: Canvas, ending, rect: tuple[float, float, float, float], pic_h: float, found: bool, focus: bool
    ) -> None:
        x, y, w, h = rect
        fill = mix(PAPER, NICK_YELLOW, 0.22) if found else PAPER_DEEP
        border = mix(INK, ROSE, 0.3) if found else LOCKED
        if focus:  # a ring round the card picked (in high contrast, black: every light panel there is white)
            canvas.panel((x - 12, y - 12, w + 24, h + 24), INK if canvas.contrast else FOCUS, radius=20)
        canvas.panel((x - 6, y - 6, w + 12, h + 12), fill, radius=16, border=2.5 if focus else 1.5, border_color=border)
        pic = canvas.r(x, y, w, pic_h)
        canvas.surface.blit(self.picture(ending.id, found, pic.size), pic.topleft)
        text_y = y + pic_h + 8
        if found:
            canvas.text(ending.title, (x + 4, text_y), UI_PX - 2, INK, bold=True, clip_width=canvas.p(w - 8))
            when = self.app.persistent.endings[ending.id]
            try:
                label = "First found " + datetime.fromisoformat(when).strftime("%d %b %Y")
            except ValueError:
                label = "Found"
            canvas.text(label, (x + 4, text_y + 34), 16, INK_SOFT, italic=True)
            return
        canvas.text("? ? ?", (x + 4, text_y), UI_PX - 2, INK_FAINT, bold=True)
        font = canvas.font(15, italic=True)
        rows = wrap(self.tableaux[ending.id].hint, lambda s: font.size(s)[0], canvas.p(w - 8)).rows
        for r, row in enumerate(rows[:2]):
            canvas.text(row, (x + 4, text_y + 30 + r * 20), 15, INK_SOFT, italic=True)
