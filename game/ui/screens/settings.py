"""Settings: text speed, auto-advance delay, music and sound volume, text size, fullscreen, what skip skips.

Every change takes effect at once and is kept for the next run. Arrow keys move between rows and change values;
the mouse clicks or drags the sliders.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.app import App, Screen
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.screens.page import draw_page, return_button
from game.ui.settings import TEXT_SIZES, TEXT_SPEED_MAX
from game.ui.theme import CHARLIE_BLUE, INK, INK_FAINT, INK_SOFT, NICK_YELLOW, PAPER, PAPER_DEEP, SMALL_PX, UI_PX, mix
from game.ui.widgets import contains

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


ROWS = (
    Row("text_speed", "Text speed", "slider", 5, TEXT_SPEED_MAX, 5),
    Row("auto_delay", "Auto-advance delay", "slider", 0.3, 6.0, 0.1),
    Row("music_volume", "Music volume", "slider", 0.0, 1.0, 0.05),
    Row("sound_volume", "Sound volume", "slider", 0.0, 1.0, 0.05),
    Row("text_size", "Text size", "options", options=tuple((s, s.capitalize()) for s in TEXT_SIZES)),
    Row("fullscreen", "Display", "options", options=((False, "Window"), (True, "Fullscreen"))),
    Row("skip_unseen", "Skip", "options", options=((False, "Seen text only"), (True, "All text"))),
)


class SettingsScreen(Screen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.focus = 0
        self.dragging: int | None = None
        self.back = return_button()
        self.back_hover = False

    # Values -----------------------------------------------------------------------------------------------------
    def value_text(self, row: Row) -> str:
        value = getattr(self.app.settings, row.name)
        if row.name == "text_speed":
            return "Instant" if value >= TEXT_SPEED_MAX else f"{value} letters a second"
        if row.name == "auto_delay":
            return f"{value:.1f} s"
        return f"{round(value * 100)}%"

    def set_value(self, row: Row, value: object, *, save: bool = True) -> None:
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
        row = ROWS[i]
        tx, _, tw, _ = self._track(i)
        t = max(0.0, min(1.0, (x - tx) / tw))
        self.set_value(row, row.low + t * (row.high - row.low), save=save)

    # Input ------------------------------------------------------------------------------------------------------
    def action(self, action: Action, now: float) -> bool:
        if action == Action.MENU:
            self.app.pop(now)
            return True
        if action == Action.UP:
            self.focus = (self.focus - 1) % len(ROWS)
        elif action == Action.DOWN:
            self.focus = (self.focus + 1) % len(ROWS)
        elif action in (Action.LEFT, Action.RIGHT):
            self.nudge(ROWS[self.focus], -1 if action == Action.LEFT else 1)
        elif action == Action.CONFIRM and ROWS[self.focus].kind == "options":
            row = ROWS[self.focus]
            values = [v for v, _ in row.options]
            value = getattr(self.app.settings, row.name)
            self.set_value(row, values[(values.index(value) + 1) % len(values) if value in values else 0])
        else:
            return False
        return True

    def click(self, pos: tuple[float, float], now: float) -> bool:
        if contains(self.back.rect, pos):
            self.app.pop(now)
            return True
        for i, row in enumerate(ROWS):
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
        hover = contains(self.back.rect, pos)
        changed = hover != self.back_hover
        self.back_hover = hover
        return changed

    def wheel(self, dy: int, now: float) -> bool:
        return False

    # Drawing ----------------------------------------------------------------------------------------------------
    def draw(self, canvas: Canvas, now: float) -> None:
        draw_page(canvas, "Settings")
        for i, row in enumerate(ROWS):
            y = ROW_Y + i * ROW_H
            focused = i == self.focus
            if focused:
                canvas.panel((70, y + 6, 1140, ROW_H - 12), (*mix(PAPER, CHARLIE_BLUE, 0.18), 255), radius=16)
            canvas.text(row.label, (LABEL_X, y + ROW_H / 2), UI_PX, INK, anchor="midleft", bold=focused)
            if row.kind == "slider":
                self._draw_slider(canvas, i, row)
            else:
                value = getattr(self.app.settings, row.name)
                for k, (option, label) in enumerate(row.options):
                    rect = self._option_rect(i, k, len(row.options))
                    on = option == value
                    canvas.panel(
                        rect,
                        mix(PAPER, NICK_YELLOW, 0.55) if on else PAPER_DEEP,
                        radius=14,
                        border=2 if on else 1,
                        border_color=INK if on else INK_FAINT,
                    )
                    canvas.text(
                        label, (rect[0] + rect[2] / 2, rect[1] + rect[3] / 2), UI_PX - 3, INK, anchor="center", bold=on
                    )
        canvas.text(
            "Arrow keys choose and change \u00b7 Escape returns", (640, 672), SMALL_PX - 1, INK_SOFT, anchor="center"
        )
        self.back.draw(canvas, self.back_hover)

    def _draw_slider(self, canvas: Canvas, i: int, row: Row) -> None:
        x, y, w, h = self._track(i)
        value = float(getattr(self.app.settings, row.name))
        t = (value - row.low) / (row.high - row.low)
        canvas.panel((x, y + h / 2 - 6, w, 12), PAPER_DEEP, radius=6, border=1, border_color=INK_FAINT)
        canvas.panel((x, y + h / 2 - 6, max(12, w * t), 12), mix(CHARLIE_BLUE, PAPER, 0.2), radius=6)
        canvas.circle((x + w * t, y + h / 2), 14, PAPER)
        canvas.circle((x + w * t, y + h / 2), 14, INK, width=2.5)
        canvas.text(self.value_text(row), (x + w + 30, y + h / 2), UI_PX - 4, INK_SOFT, anchor="midleft")
