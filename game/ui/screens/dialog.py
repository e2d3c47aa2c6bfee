"""A small modal dialog over whatever is showing: a message with one or two buttons (OK, or Yes and No).

The first button is focused unless the question says otherwise (`safe=True`): a question whose first answer
cannot be undone ("Delete this save?") starts on the second, so Enter pressed by habit does no harm."""

from __future__ import annotations

from collections.abc import Callable

from game.ui.app import App
from game.ui.canvas import Canvas
from game.ui.screens.page import ListScreen
from game.ui.spoken import Spoken
from game.ui.textlayout import wrap
from game.ui.theme import INK, PAPER, SHADE, UI_PX
from game.ui.widgets import Button, ButtonList

WIDTH = 680


class Dialog(ListScreen):
    """Asks or tells something. `on_yes` runs on the first button; `on_no` on the second (or Escape). With `safe`,
    the second button (the answer that changes nothing) is the one focused at first."""

    opaque = False

    def __init__(
        self,
        app: App,
        message: str,
        *,
        yes: str = "OK",
        no: str | None = None,
        on_yes: Callable[[float], None] | None = None,
        on_no: Callable[[float], None] | None = None,
        safe: bool = False,
    ) -> None:
        super().__init__(app)
        self.message = message
        self.on_yes = on_yes
        self.on_no = on_no
        labels = [yes] if no is None else [yes, no]
        self.list = ButtonList([], focus=1 if safe and no is not None else 0, columns=len(labels))
        self._labels = labels
        self._rows: tuple[str, ...] = ()
        self._layout_scale = 0.0

    def _layout(self, canvas: Canvas) -> float:
        if canvas.scale != self._layout_scale:
            font = canvas.font(UI_PX)
            self._rows = wrap(self.message, lambda s: font.size(s)[0], canvas.p(WIDTH - 80)).rows
            self._layout_scale = canvas.scale
        height = 70 + len(self._rows) * UI_PX * 1.45 + 90
        top = 360 - height / 2
        n = len(self._labels)
        bw = 200
        left = 640 - (n * bw + (n - 1) * 24) / 2
        self.list.buttons = [
            Button((left + i * (bw + 24), top + height - 84, bw, 52), label, key=label)
            for i, label in enumerate(self._labels)
        ]
        return top

    def pressed(self, button: int, now: float) -> None:
        self.app.pop(now)
        callback = self.on_yes if button == 0 else self.on_no
        if callback is not None:
            callback(now)

    def close(self, now: float) -> bool:
        """Escape answers No (or OK, when that is the only button)."""
        self.pressed(1 if len(self._labels) > 1 else 0, now)
        return True

    def speech(self, now: float) -> Spoken | None:
        focus = self.list.focus if self.list.focus is not None else 0
        label = self._labels[focus] if 0 <= focus < len(self._labels) else ""
        return Spoken("dialog", self.message, label)

    def draw(self, canvas: Canvas, now: float) -> None:
        top = self._layout(canvas)
        height = 70 + len(self._rows) * UI_PX * 1.45 + 90
        canvas.shade(SHADE)
        canvas.panel(
            (640 - WIDTH / 2, top, WIDTH, height), (*PAPER, 250), radius=22, border=2.5, border_color=INK, shadow=True
        )
        for i, row in enumerate(self._rows):
            canvas.text(row, (640, top + 48 + i * UI_PX * 1.45), UI_PX, INK, anchor="midtop")
        self.list.draw(canvas)
