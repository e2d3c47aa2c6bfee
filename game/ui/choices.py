"""The choice menu: options as buttons, picked by mouse, arrow keys plus Enter, or their number key.

Locked options stay visible, greyed, with the author's reason beneath, and cannot be taken. A menu taller than the
space above the dialogue box scrolls: with the wheel, with the arrow keys (the highlighted option is kept in view),
or by clicking or dragging its scroll bar; the bar shows how much lies above and below.

Options follow the text-size setting. A label too wide for its button is first set a little smaller, and if it
still does not fit it wraps onto more rows and its button grows taller, so no choice is ever cut off. The menu sits
just above the dialogue box, wherever that box's top is (it grows for a long line at a large size); over a page of
NVL text it sits on the page under the last line, in the band the caller gives (`top` to `bottom`).
"""

from __future__ import annotations

from game.events import Choices
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.textlayout import width_in, wrap
from game.ui.theme import CHARLIE_BLUE, UI_PX
from game.ui.widgets import Button, ButtonList, Rect

WIDTH = 820
HEIGHT = 58
LOCKED_HEIGHT = 74
GAP = 14
AREA_TOP, AREA_BOTTOM = 40, 470
BAR_X = 640 + WIDTH / 2 + 16
WHEEL_STEP = HEIGHT + GAP
SHRINK = 0.82  # a label a little too wide is set this much smaller before it wraps
ROW_H = 1.25  # rows of a wrapped label, in its text size


class ChoiceMenu:
    """Buttons for one `Choices` event, in the shared scrolling `ButtonList`."""

    def __init__(self, menu: Choices, *, wrap_labels: bool = True) -> None:
        self.menu = menu
        self.wrap_labels = wrap_labels  # the linter measures labels unwrapped, to warn of ones that need it
        self._px: list[float] = []
        self._heights: list[float] = []
        self._fitted: tuple | None = None  # (scale, text size, font) the labels were fitted at
        self._key: tuple | None = None
        buttons = []
        for option in menu.options:
            detail = (
                "" if option.available else (f"Locked: {option.locked_reason}" if option.locked_reason else "Locked")
            )
            label = f"{option.number}.  {option.text}"
            buttons.append(Button((640 - WIDTH / 2, 0, WIDTH, HEIGHT), label, option.available, detail, CHARLIE_BLUE))
        self.list = ButtonList(buttons, view=(AREA_TOP, AREA_BOTTOM), bar_x=BAR_X, wheel_step=WHEEL_STEP)
        self._place([(HEIGHT if not b.detail else LOCKED_HEIGHT) for b in buttons])

    @property
    def area_top(self) -> float:
        return self.list.view[0] if self.list.view else AREA_TOP

    @property
    def area_bottom(self) -> float:
        return self.list.view[1] if self.list.view else AREA_BOTTOM

    def _place(self, heights: list[float]) -> None:
        """Stack the buttons with these heights just above the area's bottom, so faces stay in view."""
        total = sum(heights) + GAP * max(0, len(heights) - 1)
        y = max(self.area_top, self.area_bottom - total)
        for button, h in zip(self.list.buttons, heights):
            button.rect = (640 - WIDTH / 2, y, WIDTH, h)
            y += h + GAP
        self.list.laid_out()

    def layout(
        self, canvas: Canvas, size_factor: float = 1.0, bottom: float = AREA_BOTTOM, top: float = AREA_TOP
    ) -> None:
        """Fit the labels at this text size (wrapping the ones that need it) between `top` and `bottom`."""
        key = (canvas.scale, size_factor, bottom, top, canvas.fonts.family)
        if key == self._key:
            return
        self._key = key
        self.list.view = (top, max(top + HEIGHT, bottom))
        self._place(self._fit(canvas, size_factor))

    def height(self, canvas: Canvas, size_factor: float = 1.0) -> float:
        """How tall the whole menu is at this text size (all its options, unscrolled)."""
        heights = self._fit(canvas, size_factor)
        return sum(heights) + GAP * max(0, len(heights) - 1)

    def _fit(self, canvas: Canvas, size_factor: float) -> list[float]:
        """Each button's height with its label fitted at this text size (set smaller or wrapped where needed)."""
        fitted = (canvas.scale, size_factor, canvas.fonts.family)
        if fitted == self._fitted:
            return self._heights
        self._fitted = fitted
        px = UI_PX * size_factor
        room = WIDTH - 50
        heights = []
        self._px = []
        for button in self.list.buttons:
            size = px if canvas.measure(button.label, px) < room else px * SHRINK
            rows: tuple[str, ...] = (button.label,)
            if self.wrap_labels and canvas.measure(button.label, size) >= room:
                font = canvas.font(size)
                rows = wrap(button.label, width_in(font), canvas.p(room)).rows
            button.rows = rows if len(rows) > 1 else ()
            self._px.append(size)
            text_h = len(rows) * size * ROW_H + (size * 0.95 if button.detail else 0)
            heights.append(max(LOCKED_HEIGHT if button.detail else HEIGHT, text_h + 20))
        self._heights = heights
        return heights

    # Scrolling: the list's own -----------------------------------------------------------------------------------
    @property
    def scroll(self) -> float:
        return self.list.scroll

    @property
    def scrollable(self) -> bool:
        return self.list.scrollable

    @property
    def max_scroll(self) -> float:
        return self.list.max_scroll

    @property
    def content_height(self) -> float:
        return self.list.content_height

    def scroll_to(self, value: float) -> bool:
        return self.list.scroll_to(value)

    def wheel(self, dy: int) -> bool:
        """Wheel up (dy > 0) shows earlier options."""
        return self.list.wheel(dy)

    def bar(self) -> tuple[Rect, Rect]:
        """(track, thumb) rectangles of the scroll bar."""
        return self.list.bar()

    def press(self, pos: tuple[float, float]) -> bool:
        """A click on the scroll bar (True if it was one): jump there and start dragging."""
        return self.list.press(pos)

    def drag(self, pos: tuple[float, float], held: bool) -> bool:
        return self.list.drag(pos, held)

    def release(self) -> None:
        self.list.release()

    # Choosing ---------------------------------------------------------------------------------------------------
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

    def draw(
        self, canvas: Canvas, size_factor: float = 1.0, bottom: float = AREA_BOTTOM, top: float = AREA_TOP
    ) -> None:
        self.layout(canvas, size_factor, bottom, top)
        self.list.draw(canvas, sizes=self._px)
