"""Save and load: pages of nine slots with a thumbnail, chapter, scene title and time; quick and auto pages.

Damaged slots are shown as damaged and can be deleted; loading goes through `flow.load_slot`, which explains any
save the story can no longer resume.
"""

from __future__ import annotations

import io
import logging

import pygame

from game.ui.app import App
from game.ui.assets import placeholder
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.savestore import PAGES, Slot, page_keys
from game.ui.screens import flow, router
from game.ui.screens.page import ListScreen, draw_page, return_button
from game.ui.screens.router import InPlay
from game.ui.spoken import Spoken, joined
from game.ui.textlayout import ellipsize
from game.ui.theme import (
    CHARLIE_BLUE,
    DANGER,
    FOCUS,
    INK,
    INK_FAINT,
    INK_SOFT,
    NICK_YELLOW,
    PAPER,
    PAPER_DEEP,
    SMALL_PX,
    mix,
)
from game.ui.widgets import Button, ButtonList, contains

log = logging.getLogger(__name__)

CELL_W, CELL_H = 376, 160
GRID_X, GRID_Y = 60, 176
THUMB_W, THUMB_H = 192, 108
GAP = 10


class SaveLoadScreen(ListScreen):
    def __init__(self, app: App, mode: str, *, game: InPlay | None = None) -> None:
        super().__init__(app)
        self.mode = mode if game is not None else "load"
        self.game = game
        self.pages = (
            [str(i) for i in range(1, PAGES + 1)]
            if self.mode == "save"
            else ["auto", "quick", *[str(i) for i in range(1, PAGES + 1)]]
        )
        remembered = app.memory.get(f"page-{self.mode}")
        self.page = remembered if isinstance(remembered, str) and remembered in self.pages else self.pages[0]
        self.slots: list[Slot] = []
        self.list = ButtonList(columns=3)
        self.back = return_button()
        self._thumbs: dict[tuple, pygame.Surface] = {}
        self._load_page()

    # Data -------------------------------------------------------------------------------------------------------
    def _load_page(self) -> None:
        self.slots = [self.app.saves.read(key) for key in page_keys(self.page)]
        buttons = []
        for i, slot in enumerate(self.slots):
            col, row = i % 3, i // 3
            enabled = self.mode == "save" or slot.status != "empty"
            buttons.append(
                Button(
                    (GRID_X + col * (CELL_W + GAP + 2), GRID_Y + row * (CELL_H + GAP), CELL_W, CELL_H),
                    slot.key,
                    enabled,
                    key=slot.key,
                )
            )
        self.list = ButtonList(buttons, focus=self.list.focus, columns=3)
        self.app.memory[f"page-{self.mode}"] = self.page

    @property
    def grid(self) -> ButtonList:
        """The slots of the page shown."""
        return self.list

    def _tab_rect(self, i: int) -> tuple[float, float, float, float]:
        return (GRID_X + i * 92, 122, 84, 40)

    @staticmethod
    def _tab_label(page: str) -> str:
        return {"auto": "Auto", "quick": "Quick"}.get(page, page)

    def _turn(self, step: int) -> bool:
        i = (self.pages.index(self.page) + step) % len(self.pages)
        self.page = self.pages[i]
        self._load_page()
        return True

    # Acting -----------------------------------------------------------------------------------------------------
    def pressed(self, index: int, now: float) -> None:
        """Save in the slot, or load it."""
        slot = self.slots[index]
        if self.mode == "save":
            if self.game is None:
                return
            game = self.game

            def write(t: float) -> None:
                try:
                    self.app.saves.write(slot.key, game.record(t))
                    self.app.toast(f"Saved in slot {slot.key}", t)
                    self.app.audio.play_ui("save")
                except OSError as err:
                    router.tell(self.app, f"The game could not be saved: {err}", t)
                self._load_page()

            if slot.status == "empty":
                write(now)
            else:
                router.tell(self.app, "Save over this slot?", now, yes="Save", no="Cancel", on_yes=write)
            return
        if slot.status == "empty":
            return
        flow.load_slot(self.app, slot, now)

    def delete(self, index: int, now: float) -> None:
        slot = self.slots[index]
        if slot.status == "empty":
            return

        def remove(t: float) -> None:
            self.app.saves.delete(slot.key)
            self._load_page()

        router.tell(self.app, "Delete this save?", now, yes="Delete", no="Keep", on_yes=remove, safe=True)

    def resume(self, now: float) -> None:
        self._load_page()

    # Input ------------------------------------------------------------------------------------------------------
    def action(self, action: Action, now: float) -> bool:
        if action == Action.BACKLOG:
            return self._turn(-1)
        if action == Action.ROLL_FORWARD:
            return self._turn(1)
        if action == Action.DELETE and self.list.focus is not None:
            self.delete(self.list.focus, now)
            return True
        return super().action(action, now)

    def click(self, pos: tuple[float, float], now: float) -> bool:
        for i, page in enumerate(self.pages):
            if contains(self._tab_rect(i), pos):
                self.page = page
                self._load_page()
                return True
        return super().click(pos, now)

    def wheel(self, dy: int, now: float) -> bool:
        return self._turn(-1 if dy > 0 else 1)

    # Self-voicing ----------------------------------------------------------------------------------------------
    def slot_words(self, slot: Slot) -> str:
        title = _slot_title(slot)
        if slot.status == "empty":
            return f"{title}, empty"
        if slot.status == "damaged":
            return f"{title}, damaged: it cannot be loaded"
        when = slot.saved_at
        saved = f"saved {when.strftime('%d %B %Y at %H:%M')}" if when is not None else ""
        return ", ".join(part for part in (title, slot.chapter, slot.scene_title, saved) if part)

    def speech(self, now: float) -> Spoken | None:
        heading = "Save" if self.mode == "save" else "Load"
        page = joined(f"{heading}, page {self._tab_label(self.page)}", "Page Up and Page Down turn pages")
        focus = self.list.focus
        said = self.slot_words(self.slots[focus]) if focus is not None and 0 <= focus < len(self.slots) else ""
        return Spoken((self.mode, self.page), page, said)

    # Drawing ----------------------------------------------------------------------------------------------------
    def _thumbnail(self, canvas: Canvas, slot: Slot) -> pygame.Surface:
        size = (canvas.p(THUMB_W), canvas.p(THUMB_H))
        key = (slot.key, slot.status, str(slot.record.get("saved_at")) if slot.record else "", size)
        surf = self._thumbs.get(key)
        if surf is None:
            png = slot.thumbnail_png
            surf = None
            if png:
                try:
                    surf = pygame.transform.smoothscale(pygame.image.load(io.BytesIO(png), "thumb.png"), size)
                except (pygame.error, ValueError) as err:
                    log.warning("save %s has a broken thumbnail: %s", slot.key, err)
            if surf is None:
                surf = placeholder(size, "damaged" if slot.status == "damaged" else "no picture", self.app.fonts)
            self._thumbs[key] = surf
        return surf

    def draw(self, canvas: Canvas, now: float) -> None:
        draw_page(canvas, "Save" if self.mode == "save" else "Load")
        for i, page in enumerate(self.pages):
            on = page == self.page
            inverted = on and canvas.contrast  # in high contrast the page shown is drawn inverted, as in Settings
            fill = INK if inverted else mix(PAPER, NICK_YELLOW if on else PAPER_DEEP, 0.6 if on else 1.0)
            canvas.panel(
                self._tab_rect(i), fill, radius=12, border=2 if on else 1, border_color=INK if on else INK_FAINT
            )
            x, y, w, h = self._tab_rect(i)
            ink = PAPER if inverted else INK
            canvas.text(self._tab_label(page), (x + w / 2, y + h / 2), 19, ink, anchor="center", bold=on)
        hint = "Click a slot to save" if self.mode == "save" else "Click a save to load it"
        canvas.text(
            f"{hint} \u00b7 Delete removes a save \u00b7 Page Up/Down turns pages",
            (640, 707),
            SMALL_PX - 3,
            INK_SOFT,
            anchor="center",
        )
        self.draw_list(canvas, paint=self._draw_slot)

    def _draw_slot(self, canvas: Canvas, index: int, focused: bool) -> None:
        slot, rect = self.slots[index], self.list.buttons[index].rect
        x, y, w, h = rect
        border = mix(FOCUS, INK, 0.3) if focused else mix(PAPER, INK, 0.25)
        fill = mix(PAPER, CHARLIE_BLUE, 0.25) if focused else PAPER
        if focused and canvas.contrast:  # every light panel is white there: a black ring says which slot it is
            canvas.panel((x - 6, y - 6, w + 12, h + 12), INK, radius=20)
        canvas.panel(rect, fill, radius=16, border=2.5 if focused else 1.5, border_color=border)
        tx, ty = x + 14, y + (h - THUMB_H) / 2
        title = _slot_title(slot)
        if slot.status == "empty":
            canvas.panel((tx, ty, THUMB_W, THUMB_H), mix(PAPER_DEEP, PAPER, 0.3), radius=10)
            canvas.text(title, (tx + THUMB_W + 16, y + 24), 19, INK, bold=True)
            canvas.text("Empty slot", (tx + THUMB_W + 16, y + 54), 18, INK_FAINT, italic=True)
            return
        canvas.surface.blit(self._thumbnail(canvas, slot), canvas.r(tx, ty, THUMB_W, THUMB_H))
        text_x = tx + THUMB_W + 14
        canvas.text(title, (text_x, y + 18), 19, INK, bold=True)
        if slot.status == "damaged":
            canvas.text("Damaged save", (text_x, y + 50), 17, DANGER, bold=True)
            canvas.text("It cannot be loaded.", (text_x, y + 76), 15, INK_SOFT, italic=True)
            return
        canvas.text(
            _fit(canvas, slot.chapter, 17, w - THUMB_W - 44), (text_x, y + 50), 17, mix(INK, CHARLIE_BLUE, 0.35)
        )
        canvas.text(_fit(canvas, slot.scene_title, 17, w - THUMB_W - 44), (text_x, y + 76), 17, INK)
        when = slot.saved_at
        if when is not None:
            canvas.text(when.strftime("%d %b %Y"), (text_x, y + 106), 15, INK_SOFT)
            canvas.text(when.strftime("%H:%M"), (text_x, y + 126), 15, INK_SOFT)


def _slot_title(slot: Slot) -> str:
    """ "Slot 3", "Auto 2", "Quick"."""
    label = {"auto": "Auto", "quick": "Quick"}.get(slot.key.split("-")[0], "Slot")
    number = slot.key.split("-")[1] if "-" in slot.key else ("" if slot.key == "quick" else slot.key)
    return f"{label} {number}".strip()


def _fit(canvas: Canvas, text: str, px: float, width: float) -> str:
    """`text`, shortened with an ellipsis to fit `width`."""
    return ellipsize(text, lambda part: canvas.measure(part, px), width)
