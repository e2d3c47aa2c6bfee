"""The end of a playthrough: the ending's title (marked when it is found for the first time), then the story's
closing note, then back to the title screen."""

from __future__ import annotations

from game.events import Ended
from game.ui.anim import ease_out, progress
from game.ui.app import App, Screen
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.screens import router
from game.ui.spoken import Spoken, joined
from game.ui.theme import INK, INK_SOFT, NICK_YELLOW, PAPER, ROSE, TITLE_PX, mix
from game.ui.widgets import Button, ButtonList

FADE = 1.2


class EndingScreen(Screen):
    opaque = False

    def __init__(self, app: App, ended: Ended, first_time: bool) -> None:
        super().__init__(app)
        self.ended = ended
        self.first_time = first_time
        self.started = 0.0
        self.list = ButtonList([Button((540, 470, 200, 54), "Continue", key="continue")], focus=0)

    def enter(self, now: float) -> None:
        self.started = now - FADE if self.app.settings.reduce_motion else now
        self.app.audio.play_ui("ending")

    def _go_on(self, now: float) -> None:
        note = getattr(self.app.story, "closing_note", None)

        def to_title(t: float) -> None:
            router.reset(self.app, "title", t)

        if note:
            router.reset(self.app, "note", now, "Thank you for playing", note, "Back to the title", to_title)
        else:
            to_title(now)

    def action(self, action: Action, now: float) -> bool:
        if action in (Action.CONFIRM, Action.MENU):
            if now < self.started + FADE:
                self.started = now - FADE
            else:
                self._go_on(now)
            return True
        return False

    def click(self, pos: tuple[float, float], now: float) -> bool:
        return self.action(Action.CONFIRM, now)

    def wheel(self, dy: int, now: float) -> bool:
        return False

    def animating(self, now: float) -> bool:
        return now < self.started + FADE

    def speech(self, now: float) -> Spoken | None:
        found = len(self.app.persistent.endings)
        total = len(getattr(self.app.story, "endings", {}) or {})
        news = "A new ending found!" if self.first_time else "An ending you have seen before."
        page = joined("The End", self.ended.title, news, f"Endings found: {found} of {total}")
        return Spoken("ending", page, "Continue")

    def draw(self, canvas: Canvas, now: float) -> None:
        t = ease_out(progress(self.started, now, FADE))
        canvas.shade((40, 28, 24, round(150 * t)))
        canvas.panel(
            (290, 180, 700, 380), (*PAPER, round(250 * t)), radius=28, border=2.5, border_color=mix(PAPER, INK, t)
        )
        a = round(255 * t)
        canvas.text("The End", (640, 232), 26, INK_SOFT, anchor="center", italic=True, alpha=a)
        canvas.text(self.ended.title, (640, 310), TITLE_PX * 0.8, INK, anchor="center", bold=True, alpha=a)
        canvas.line((520, 356), (760, 356), mix(PAPER, NICK_YELLOW, t), 3)
        found = len(self.app.persistent.endings)
        total = len(getattr(self.app.story, "endings", {}) or {})
        label = "A new ending found!" if self.first_time else "An ending you have seen before"
        canvas.text(
            label, (640, 392), 22, mix(INK, ROSE, 0.5) if self.first_time else INK_SOFT, anchor="center", alpha=a
        )
        canvas.text(f"Endings found: {found} of {total}", (640, 428), 20, INK_SOFT, anchor="center", alpha=a)
        if t >= 1:
            self.list.draw(canvas)
