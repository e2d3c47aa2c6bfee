"""The endings gallery: every ending the story promises, with the ones found (in any playthrough) named."""

from __future__ import annotations

from datetime import datetime

from game.ui.app import App, Screen
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.screens.page import draw_page, return_button
from game.ui.theme import INK, INK_FAINT, INK_SOFT, LOCKED, NICK_YELLOW, PAPER, PAPER_DEEP, ROSE, UI_PX, mix
from game.ui.widgets import contains


class EndingsScreen(Screen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.back = return_button()
        self.back_hover = False

    def action(self, action: Action, now: float) -> bool:
        if action in (Action.MENU, Action.CONFIRM):
            self.app.pop(now)
            return True
        return False

    def click(self, pos: tuple[float, float], now: float) -> bool:
        if contains(self.back.rect, pos):
            self.app.pop(now)
        return True

    def motion(self, pos: tuple[float, float], now: float) -> bool:
        hover = contains(self.back.rect, pos)
        changed = hover != self.back_hover
        self.back_hover = hover
        return changed

    def wheel(self, dy: int, now: float) -> bool:
        return False

    def draw(self, canvas: Canvas, now: float) -> None:
        draw_page(canvas, "Endings")
        endings = list((getattr(self.app.story, "endings", {}) or {}).values())
        found = self.app.persistent.endings
        count = sum(1 for e in endings if e.id in found)
        canvas.text(f"{count} of {len(endings)} found", (1220, 140), UI_PX - 4, INK_SOFT, anchor="midright")
        cols = 2 if len(endings) > 5 else 1
        w = 1100 / cols - (10 if cols > 1 else 0)
        for i, ending in enumerate(endings):
            col, row = i % cols, i // cols
            x, y = 90 + col * (w + 20), 170 + row * 84
            if ending.id in found:
                canvas.panel(
                    (x, y, w, 70), mix(PAPER, NICK_YELLOW, 0.3), radius=18, border=2, border_color=mix(INK, ROSE, 0.3)
                )
                canvas.text(ending.title, (x + 28, y + 24), UI_PX + 2, INK, anchor="midleft", bold=True)
                when = found[ending.id]
                try:
                    label = "First found " + datetime.fromisoformat(when).strftime("%d %b %Y")
                except ValueError:
                    label = "Found"
                canvas.text(label, (x + 28, y + 52), 16, INK_SOFT, anchor="midleft", italic=True)
            else:
                canvas.panel((x, y, w, 70), PAPER_DEEP, radius=18, border=1, border_color=LOCKED)
                canvas.text("? ? ?", (x + 28, y + 24), UI_PX + 2, INK_FAINT, anchor="midleft", bold=True)
                canvas.text("Not found yet", (x + 28, y + 52), 16, INK_FAINT, anchor="midleft", italic=True)
        self.back.draw(canvas, self.back_hover)
