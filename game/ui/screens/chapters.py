"""Chapter select: start any chapter the player has reached before (all of them with --dev)."""

from __future__ import annotations

from game.ui.app import App
from game.ui.canvas import Canvas
from game.ui.screens.page import ListScreen, draw_page, return_button
from game.ui.spoken import Spoken
from game.ui.theme import CHARLIE_BLUE, INK_SOFT, SMALL_PX, UI_PX
from game.ui.widgets import Button, ButtonList


class ChaptersScreen(ListScreen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        chapters = list(getattr(app.story, "chapters", []) or [])
        reached = app.persistent.chapters
        buttons = []
        for i, chapter in enumerate(chapters):
            open_ = app.dev or chapter.name in reached or i == 0
            detail = "" if open_ else "Not reached yet"
            buttons.append(
                Button(
                    (340, 150 + i * 74, 600, 62 if detail else 58),
                    chapter.name,
                    open_,
                    detail,
                    CHARLIE_BLUE,
                    key=chapter.name,
                )
            )
        self.list = ButtonList(buttons, view=(150, 680), bar_x=956)
        self.list.laid_out()
        self.back = return_button()

    def pressed(self, button: int, now: float) -> None:
        from game.ui.screens.flow import start_chapter  # the engine only when a chapter starts

        start_chapter(self.app, self.list.buttons[button].key, now)

    def speech(self, now: float) -> Spoken | None:
        focus = self.list.focus_words() or "Return"
        return Spoken("chapters", "Chapters. Start a chapter from its beginning", focus)

    def draw(self, canvas: Canvas, now: float) -> None:
        draw_page(canvas, "Chapters")
        canvas.text(
            "Start a chapter from its beginning (choices made before it take their defaults)",
            (640, 126),
            SMALL_PX - 1,
            INK_SOFT,
            anchor="center",
        )
        self.draw_list(canvas, px=UI_PX + 2)
