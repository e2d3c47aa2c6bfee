"""The choice menu: options as buttons, picked by mouse, arrow keys plus Enter, or their number key.

Locked options stay visible, greyed, with the author's reason beneath, and cannot be taken.
"""

from __future__ import annotations

from game.events import Choices
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.theme import CHARLIE_BLUE, UI_PX
from game.ui.widgets import Button, ButtonList

WIDTH = 820
HEIGHT = 58
LOCKED_HEIGHT = 74
GAP = 14
AREA_TOP, AREA_BOTTOM = 40, 470


class ChoiceMenu:
    """Buttons for one `Choices` event."""

    def __init__(self, menu: Choices) -> None:
        self.menu = menu
        heights = [HEIGHT if o.available or not o.locked_reason else LOCKED_HEIGHT for o in menu.options]
        total = sum(heights) + GAP * max(0, len(heights) - 1)
        y = max(AREA_TOP, AREA_BOTTOM - total)  # just above the dialogue box, so faces stay in view
        buttons = []
        for option, h in zip(menu.options, heights):
            detail = (
                "" if option.available else (f"Locked: {option.locked_reason}" if option.locked_reason else "Locked")
            )
            buttons.append(
                Button(
                    (640 - WIDTH / 2, y, WIDTH, h),
                    f"{option.number}.  {option.text}",
                    option.available,
                    detail,
                    CHARLIE_BLUE,
                )
            )
            y += h + GAP
        self.list = ButtonList(buttons)

    def index_of(self, button: int) -> int:
        return self.menu.options[button].index

    def by_number(self, number: int) -> int | None:
        """The engine index of the available option shown with `number`."""
        for option in self.menu.options:
            if option.number == number and option.available:
                return option.index
        return None

    def action(self, action: Action) -> tuple[bool, int | None]:
        """(changed, chosen engine index) for a key action."""
        if action in (Action.UP, Action.DOWN):
            return self.list.move(action), None
        if action == Action.CONFIRM:
            button = self.list.activate()
            return False, None if button is None else self.index_of(button)
        return False, None

    def click(self, pos: tuple[float, float]) -> int | None:
        button = self.list.click(pos)
        return None if button is None else self.index_of(button)

    def hits(self, pos: tuple[float, float]) -> bool:
        return self.list.hit(pos) is not None

    def hover(self, pos: tuple[float, float]) -> bool:
        return self.list.hover(pos)

    def draw(self, canvas: Canvas) -> None:
        for i, b in enumerate(self.list.buttons):
            px = UI_PX if canvas.measure(b.label, UI_PX) < WIDTH - 50 else UI_PX * 0.82
            b.draw(canvas, i == self.list.focus, px=px)
