"""Settings, on two pages. General: text speed, auto-advance delay, music and sound volume, fullscreen, what skip
skips. Accessibility (also Shift+A from anywhere): self-voicing, text size, font, high contrast, reduced motion and
captions.

Every change takes effect at once and is kept for the next run. Arrow keys (or a controller's pad) move between rows
and change values, Page Up and Page Down (or the shoulder buttons) change page; the mouse clicks the tabs and
options and clicks or drags the sliders. Self-voicing reads the page, then each row as the focus reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import theme
from game.ui.app import App, Screen
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.screens.page import draw_page, return_button
from game.ui.settings import TEXT_SIZES, TEXT_SPEED_MAX
from game.ui.spoken import Spoken, joined
from game.ui.widgets import Button, ButtonList, contains

LABEL_X = 110
CONTROL_X = 520
CONTROL_W = 560
ROW_Y = 150
ROW_H = 70


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    label: str
    kind: str  # "slider" or "options"
    low: float = 0.0
    high: float = 1.0
    step: float = 0.05
    options: tuple[tuple[object, str], ...] = ()


OFF_ON = ((False, "Off"), (True, "On"))
GENERAL = (
    Row("text_speed", "Text speed", "slider", 5, TEXT_SPEED_MAX, 5),
    Row("auto_delay", "Auto-advance delay", "slider", 0.3, 6.0, 0.1),
    Row("music_volume", "Music volume", "slider", 0.0, 1.0, 0.05),
    Row("sound_volume", "Sound volume", "slider", 0.0, 1.0, 0.05),
    Row("fullscreen", "Display", "options", options=((False, "Window"), (True, "Fullscreen"))),
    Row("skip_unseen", "Skip", "options", options=((False, "Seen text only"), (True, "All text"))),
)
ACCESSIBILITY = (
    Row("self_voicing", "Self-voicing (V)", "options", options=OFF_ON),
    Row("text_size", "Text size", "options", options=tuple((s, s.capitalize()) for s in TEXT_SIZES)),
    Row("font", "Font", "options", options=(("noto", "Noto Sans"), ("hyperlegible", "Atkinson Hyperlegible"))),
    Row("high_contrast", "High contrast", "options", options=OFF_ON),
    Row("reduce_motion", "Reduce motion", "options", options=OFF_ON),
    Row("captions", "Captions for sounds", "options", options=OFF_ON),
)
PAGES = {"general": ("General", GENERAL), "accessibility": ("Accessibility", ACCESSIBILITY)}
ROWS = GENERAL + ACCESSIBILITY  # every row, for tests and tools that look one up by name
TAB_Y, TAB_W, TAB_H = 38, 200, 44


class SettingsScreen(Screen):
    def __init__(self, app: App, *, page: str = "general") -> None:
        super().__init__(app)
        self.page = page if page in PAGES else "general"
        self.list = self._row_list()
        self.dragging: int | None = None
        self.back = return_button()

    @property
    def rows(self) -> tuple[Row, ...]:
        return PAGES[self.page][1]

    def _row_list(self) -> ButtonList:
        """The page's rows as the shared list: the highlight follows the keys, the pad and the mouse."""
        bands = [Button((70, ROW_Y + i * ROW_H + 6, 1140, ROW_H - 12), row.label) for i, row in enumerate(self.rows)]
        return ButtonList(bands, focus=0)

    @property
    def focus(self) -> int:
        """The highlighted row."""
        return self.list.focus or 0

    @focus.setter
    def focus(self, row: int) -> None:
        self.list.focus = row

    def show_page(self, page: str) -> bool:
        if page not in PAGES:
            return False
        if page != self.page:
            self.page = page
            self.list = self._row_list()
            self.dragging = None
        return True

    def _turn(self, step: int) -> None:
        names = list(PAGES)
        self.show_page(names[(names.index(self.page) + step) % len(names)])

    def _tab_rect(self, i: int) -> tuple[float, float, float, float]:
        return (330 + i * (TAB_W + 12), TAB_Y, TAB_W, TAB_H)

    def notices(self) -> list[str]:
        """What the page must tell the player (no speech synthesiser, on the accessibility page)."""
        if self.page == "accessibility" and not self.app.speaker.available:
            return [self.app.speaker.problem or "No speech synthesiser was found."]
        return []

    # Values -----------------------------------------------------------------------------------------------------
    def value_text(self, row: Row) -> str:
        value = getattr(self.app.settings, row.name)
        if row.kind == "options":
            return next((label for option, label in row.options if option == value), str(value))
        if row.name == "text_speed":
            return "Instant" if value >= TEXT_SPEED_MAX else f"{value} letters a second"
        if row.name == "auto_delay":
            return f"{value:.1f} s"
        return f"{round(value * 100)}%"

    def set_value(self, row: Row, value: object, *, save: bool = True) -> None:
        if row.name == "self_voicing":
            self.app.set_voice(bool(value), self.app.clock())
            return
        if row.kind == "slider":
            assert isinstance(value, (int, float))
            value = min(row.high, max(row.low, round(value / row.step) * row.step))
            is_int = isinstance(getattr(self.app.settings, row.name), int)
            value = round(value) if is_int else round(float(value), 2)
        setattr(self.app.settings, row.name, value)
        self.app.apply_settings(save=save)
        if row.name in ("music_volume", "sound_volume"):
            self.app.audio.play_ui("select")

    def nudge(self, row: Row, direction: int) -> None:
        value = getattr(self.app.settings, row.name)
        if row.kind == "slider":
            self.set_value(row, value + direction * row.step)
            return
        values = [v for v, _ in row.options]
        i = values.index(value) if value in values else 0
        self.set_value(row, values[max(0, min(len(values) - 1, i + direction))])

    # Geometry ---------------------------------------------------------------------------------------------------
    def _track(self, i: int) -> tuple[float, float, float, float]:
        return (CONTROL_X, ROW_Y + i * ROW_H + 22, CONTROL_W - 180, 26)

    def _option_rect(self, i: int, k: int, n: int) -> tuple[float, float, float, float]:
        w = (CONTROL_W - 10 * (n - 1)) / n
        return (CONTROL_X + k * (w + 10), ROW_Y + i * ROW_H + 12, w, 46)

    def _slider_at(self, i: int, x: float, *, save: bool) -> None:
        row = self.rows[i]
        tx, _, tw, _ = self._track(i)
        t = max(0.0, min(1.0, (x - tx) / tw))
        self.set_value(row, row.low + t * (row.high - row.low), save=save)

    # Input ------------------------------------------------------------------------------------------------------
    def action(self, action: Action, now: float) -> bool:
        if action == Action.MENU:
            self.app.pop(now)
            return True
        rows = self.rows
        if action in (Action.UP, Action.DOWN):
            self.list.move(action)
        elif action in (Action.BACKLOG, Action.ROLL_FORWARD, Action.SKIP_TOGGLE):
            self._turn(-1 if action == Action.BACKLOG else 1)
        elif action in (Action.LEFT, Action.RIGHT):
            self.nudge(rows[self.focus], -1 if action == Action.LEFT else 1)
        elif action == Action.CONFIRM and rows[self.focus].kind == "options":
            row = rows[self.focus]
            values = [v for v, _ in row.options]
            value = getattr(self.app.settings, row.name)
            self.set_value(row, values[(values.index(value) + 1) % len(values) if value in values else 0])
        else:
            return False
        return True

    def click(self, pos: tuple[float, float], now: float) -> bool:
        if self.back.hit(pos):
            self.app.pop(now)
            return True
        for i, page in enumerate(PAGES):
            if contains(self._tab_rect(i), pos):
                self.show_page(page)
                return True
        for i, row in enumerate(self.rows):
            if row.kind == "slider":
                x, y, w, h = self._track(i)
                if contains((x - 14, y - 14, w + 28, h + 28), pos):
                    self.focus = i
                    self.dragging = i
                    self._slider_at(i, pos[0], save=False)
                    return True
            else:
                for k, (value, _) in enumerate(row.options):
                    if contains(self._option_rect(i, k, len(row.options)), pos):
                        self.focus = i
                        self.set_value(row, value)
                        return True
        return True

    def event(self, event: pygame.event.Event, now: float) -> bool:
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.dragging is not None:
            self.dragging = None
            self.app.apply_settings()
            return True
        return super().event(event, now)

    def motion(self, pos: tuple[float, float], now: float) -> bool:
        if self.dragging is not None:
            self._slider_at(self.dragging, pos[0], save=False)
            return True
        changed = self.back.hover(pos)
        return self.list.hover(pos) or changed

    def wheel(self, dy: int, now: float) -> bool:
        return False

    # Self-voicing ----------------------------------------------------------------------------------------------
    def speech(self, now: float) -> Spoken | None:
        title = PAGES[self.page][0]
        page = joined(f"Settings, {title} page", *self.notices(), "Page Up and Page Down change page")
        row = self.rows[self.focus]
        label = row.label.replace(" (V)", "")
        return Spoken(("settings", self.page), page, f"{label}: {self.value_text(row)}")

    # Drawing ----------------------------------------------------------------------------------------------------
    def draw(self, canvas: Canvas, now: float) -> None:
        draw_page(canvas, "Settings")
        for i, page in enumerate(PAGES):
            _draw_option(canvas, self._tab_rect(i), PAGES[page][0], page == self.page)
        for i, row in enumerate(self.rows):
            y = ROW_Y + i * ROW_H
            focused = i == self.focus
            inverted = focused and canvas.contrast  # in high contrast the focused row is drawn inverted
            if focused:
                band = theme.INK if inverted else theme.mix(theme.PAPER, theme.CHARLIE_BLUE, 0.18)
                canvas.panel((70, y + 6, 1140, ROW_H - 12), (*band, 255), radius=16)
            label_ink = theme.PAPER if inverted else theme.INK
            canvas.text(row.label, (LABEL_X, y + ROW_H / 2), theme.UI_PX, label_ink, anchor="midleft", bold=focused)
            if row.kind == "slider":
                self._draw_slider(canvas, i, row, theme.PAPER if inverted else theme.INK_SOFT)
            else:
                value = getattr(self.app.settings, row.name)
                for k, (option, label) in enumerate(row.options):
                    _draw_option(canvas, self._option_rect(i, k, len(row.options)), label, option == value)
        for k, notice in enumerate(self.notices()):
            canvas.text(notice, (LABEL_X, ROW_Y + len(self.rows) * ROW_H + 12 + k * 28), theme.SMALL_PX, theme.DANGER)
        canvas.text(
            "Arrow keys choose and change \u00b7 Page Up/Down change page \u00b7 Escape returns",
            (640, 672),
            theme.SMALL_PX - 1,
            theme.INK_SOFT,
            anchor="center",
        )
        self.back.draw(canvas)

    def _draw_slider(self, canvas: Canvas, i: int, row: Row, value_ink: theme.Color) -> None:
        x, y, w, h = self._track(i)
        value = float(getattr(self.app.settings, row.name))
        t = (value - row.low) / (row.high - row.low)
        canvas.panel((x, y + h / 2 - 6, w, 12), theme.PAPER_DEEP, radius=6, border=1, border_color=theme.INK_FAINT)
        canvas.panel((x, y + h / 2 - 6, max(12, w * t), 12), theme.mix(theme.CHARLIE_BLUE, theme.PAPER, 0.2), radius=6)
        canvas.circle((x + w * t, y + h / 2), 14, theme.PAPER)
        canvas.circle((x + w * t, y + h / 2), 14, theme.INK, width=2.5)
        canvas.text(self.value_text(row), (x + w + 30, y + h / 2), theme.UI_PX - 4, value_ink, anchor="midleft")


def _draw_option(canvas: Canvas, rect: tuple[float, float, float, float], label: str, on: bool) -> None:
    """One of a row's options, or a page's tab: the chosen one yellow, bold and outlined in ink (not colour alone);
    in high contrast, where every panel is black or white, the chosen one is drawn inverted, like a focused
    button."""
    inverted = on and canvas.contrast
    chosen = theme.INK if inverted else theme.mix(theme.PAPER, theme.NICK_YELLOW, 0.55)
    fill = chosen if on else theme.PAPER_DEEP
    canvas.panel(rect, fill, radius=14, border=2 if on else 1, border_color=theme.INK if on else theme.INK_FAINT)
    x, y, w, h = rect
    ink = theme.PAPER if inverted else theme.INK
    canvas.text(label, (x + w / 2, y + h / 2), theme.UI_PX - 3, ink, anchor="center", bold=on)
