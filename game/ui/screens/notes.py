"""A page of text with a button: the content note before the first scene and the closing note after an ending."""

from __future__ import annotations

from collections.abc import Callable

from game.ui.app import App
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.screens.page import ListScreen
from game.ui.spoken import Spoken, joined
from game.ui.textlayout import wrap
from game.ui.theme import CHARLIE_BLUE, INK, INK_SOFT, NICK_YELLOW, PAPER, PAPER_DEEP, UI_PX, mix
from game.ui.widgets import Button, ButtonList

WIDTH = 860
TEXT_PX = 26


class NoteScreen(ListScreen):
    """A heading, a paragraph and a button that goes on (and Escape to go back, when `back`)."""

    def __init__(
        self,
        app: App,
        heading: str,
        text: str,
        button: str,
        on_continue: Callable[[float], None],
        *,
        back: bool = False,
    ) -> None:
        super().__init__(app)
        self.heading = heading
        self.text = text
        self.on_continue = on_continue
        self.can_go_back = back
        labels = [button, "Back"] if back else [button]
        self.list = ButtonList(
            [Button((0, 0, 220, 54), label, key=label) for label in labels], focus=0, columns=len(labels)
        )
        self._rows: tuple[str, ...] = ()
        self._scale = 0.0

    def pressed(self, button: int, now: float) -> None:
        if button == 0:
            self.on_continue(now)
        else:
            self.app.pop(now)

    def close(self, now: float) -> bool:
        """Escape goes back only where there is a Back button."""
        if self.can_go_back:
            self.app.pop(now)
        return self.can_go_back

    def action(self, action: Action, now: float) -> bool:
        if action == Action.CONFIRM and self.list.activate() is None:
            self.pressed(0, now)  # Enter with nothing highlighted goes on
            return True
        return super().action(action, now)

    def speech(self, now: float) -> Spoken | None:
        return Spoken("note", joined(self.heading, self.text), self.list.focus_words())

    def draw(self, canvas: Canvas, now: float) -> None:
        if canvas.scale != self._scale:
            font = canvas.font(TEXT_PX)
            self._rows = wrap(self.text, lambda s: font.size(s)[0], canvas.p(WIDTH - 120)).rows
            self._scale = canvas.scale
        canvas.surface.fill(PAPER_DEEP)
        for i, color in enumerate((CHARLIE_BLUE, NICK_YELLOW)):
            canvas.circle((120 + i * 1040, 110 + i * 500), 190, mix(PAPER_DEEP, color, 0.35))
        line_h = TEXT_PX * 1.5
        height = 150 + len(self._rows) * line_h + 110
        top = 360 - height / 2
        canvas.panel(
            (640 - WIDTH / 2, top, WIDTH, height), (*PAPER, 250), radius=26, border=2.5, border_color=INK, shadow=True
        )
        canvas.text(self.heading, (640, top + 56), 36, INK, anchor="center", bold=True)
        canvas.line((560, top + 92), (720, top + 92), NICK_YELLOW, 3)
        for i, row in enumerate(self._rows):
            canvas.text(row, (640 - WIDTH / 2 + 60, top + 122 + i * line_h), TEXT_PX, INK_SOFT if not row else INK)
        n = len(self.list.buttons)
        left = 640 - (n * 220 + (n - 1) * 24) / 2
        for i, b in enumerate(self.list.buttons):
            b.rect = (left + i * 244, top + height - 84, 220, 54)
        self.list.draw(canvas, px=UI_PX)
