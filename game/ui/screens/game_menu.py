"""The game menu (Escape or right click during play): resume, history, save, load, settings, title, quit."""

from __future__ import annotations

from game.ui.app import App
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.screens import router
from game.ui.screens.page import ListScreen
from game.ui.screens.router import InPlay
from game.ui.spoken import Spoken
from game.ui.theme import INK, PAPER, SHADE
from game.ui.widgets import ButtonList, column

ITEMS = ["Resume", "History", "Save", "Load", "Settings", "Main menu", "Quit"]


class GameMenu(ListScreen):
    opaque = False

    def __init__(self, app: App, game: InPlay) -> None:
        super().__init__(app)
        self.game = game
        self.list = ButtonList(column(ITEMS, x=520, y=184, w=240, h=48, gap=12), focus=0)

    def choose(self, label: str, now: float) -> None:
        app = self.app
        if label == "Resume":
            app.pop(now)
        elif label == "History":
            app.pop(now)
            self.game.open_backlog(now)
        elif label in ("Save", "Load"):
            app.pop(now)
            self.game.open_saves(label.lower(), now)
        elif label == "Settings":
            router.push(app, "settings", now)
        elif label == "Main menu":
            router.tell(
                app,
                "Return to the title screen? Anything since your last save will be lost.",
                now,
                yes="Yes",
                no="No",
                on_yes=lambda t: router.reset(app, "title", t),
            )
        elif label == "Quit":
            router.tell(
                app,
                "Quit the game? Anything since your last save will be lost.",
                now,
                yes="Quit",
                no="Stay",
                on_yes=lambda t: app.quit(0),
            )

    def pressed(self, button: int, now: float) -> None:
        self.choose(ITEMS[button], now)

    def action(self, action: Action, now: float) -> bool:
        if action == Action.QUICK_SAVE:
            self.game.quick_save(now)
            return True
        return super().action(action, now)

    def speech(self, now: float) -> Spoken | None:
        return Spoken("menu", "Game menu", self.list.focus_words())

    def draw(self, canvas: Canvas, now: float) -> None:
        canvas.shade(SHADE)
        canvas.panel((480, 110, 320, 500), (*PAPER, 246), radius=26, border=2.5, border_color=INK, shadow=True)
        canvas.text("Menu", (640, 148), 30, INK, anchor="center", bold=True)
        self.list.draw(canvas)
