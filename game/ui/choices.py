"""The choice menu: options as buttons, picked by mouse, arrow keys plus Enter, or their number key.

Locked options stay visible, greyed, with the author's reason beneath, and cannot be taken. A menu taller than the
space above the dialogue box scrolls: with the wheel, with the arrow keys (the highlighted option is kept in view),
or by clicking or dragging its scroll bar; the bar shows how much lies above and below.

Options follow the text-size setting. A label too wide for its button is first set a little smaller, and if it
still does not fit it wraps onto more rows and its button grows taller, so no choice is ever cut off. The menu sits
just above the dialogue box, wherever that box's top is (it grows for a long line at a large size).
"""

from __future__ import annotations

from game.events import Choices
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.textlayout import wrap
from game.ui.theme import CHARLIE_BLUE, INK_SOFT, PAPER, UI_PX, mix
from game.ui.widgets import Button, ButtonList, contains

WIDTH = 820
HEIGHT = 58
LOCKED_HEIGHT = 74
GAP = 14
AREA_TOP, AREA_BOTTOM = 40, 470
BAR_X, BAR_W = 640 + WIDTH / 2 + 16, 10
WHEEL_STEP = HEIGHT + GAP
SHRINK = 0.82  # a label a little too wide is set this much smaller before it wraps
ROW_H = 1.25  # rows of a wrapped label, in its text size


class ChoiceMenu:
    """Buttons for one `Choices` event."""

    def __init__(self, menu: Choices, *, wrap_labels: bool = True) -> None:
        self.menu = menu
        self.wrap_labels = wrap_labels  # the linter measures labels unwrapped, to warn of ones that need it
        self.area_top, self.area_bottom = AREA_TOP, AREA_BOTTOM
        self.scroll = 0.0
        self.content_height = 0.0
        self._tops: list[float] = []
        self._px: list[float] = []
        self._key: tuple | None = None
        buttons = []
        for option in menu.options:
            detail = (
                "" if option.available else (f"Locked: {option.locked_reason}" if option.locked_reason else "Locked")
            )
            label = f"{option.number}.  {option.text}"
            buttons.append(Button((640 - WIDTH / 2, 0, WIDTH, HEIGHT), label, option.available, detail, CHARLIE_BLUE))
        self.list = ButtonList(buttons)
        self._dragging = False
        self._place([(HEIGHT if not b.detail else LOCKED_HEIGHT) for b in buttons])

    def _place(self, heights: list[float]) -> None:
        """Stack the buttons with these heights just above the area's bottom, so faces stay in view."""
        total = sum(heights) + GAP * max(0, len(heights) - 1)
        y = max(self.area_top, self.area_bottom - total)
        self.content_height = total
        self._tops = []
        for button, h in zip(self.list.buttons, heights):
            button.rect = (640 - WIDTH / 2, y, WIDTH, h)
            self._tops.append(y)
            y += h + GAP
        scroll, self.scroll = self.scroll, 0.0
        self.scroll_to(scroll)

    def layout(self, canvas: Canvas, size_factor: float = 1.0, bottom: float = AREA_BOTTOM) -> None:
        """Fit the labels at this text size (wrapping the ones that need it) above `bottom`."""
        key = (canvas.scale, size_factor, bottom, canvas.fonts.family)
        if key == self._key:
            return
        self._key = key
        self.area_bottom = max(self.area_top + HEIGHT, bottom)
        px = UI_PX * size_factor
        room = WIDTH - 50
        heights = []
        self._px = []
        for button in self.list.buttons:
            size = px if canvas.measure(button.label, px) < room else px * SHRINK
            rows: tuple[str, ...] = (button.label,)
            if self.wrap_labels and canvas.measure(button.label, size) >= room:
                font = canvas.font(size)
                rows = wrap(button.label, lambda s, f=font: f.size(s)[0], canvas.p(room)).rows
            button.rows = rows if len(rows) > 1 else ()
            self._px.append(size)
            text_h = len(rows) * size * ROW_H + (size * 0.95 if button.detail else 0)
            heights.append(max(LOCKED_HEIGHT if button.detail else HEIGHT, text_h + 20))
        self._place(heights)

    # Scrolling --------------------------------------------------------------------------------------------------
    @property
    def scrollable(self) -> bool:
        return self.content_height > self.area_bottom - self.area_top

    @property
    def max_scroll(self) -> float:
        return max(0.0, self.content_height - (self.area_bottom - self.area_top))

    def scroll_to(self, value: float) -> bool:
        """Scroll the options (0 shows the first); True if they moved."""
        value = max(0.0, min(self.max_scroll, value))
        if value == self.scroll:
            return False
        self.scroll = value
        for button, top in zip(self.list.buttons, self._tops):
            x, _, w, h = button.rect
            button.rect = (x, top - value, w, h)
        return True

    def wheel(self, dy: int) -> bool:
        """Wheel up (dy > 0) shows earlier options."""
        return self.scroll_to(self.scroll - dy * WHEEL_STEP)

    def _keep_focus_in_view(self) -> None:
        if self.list.focus is None or not self.scrollable:
            return
        _, y, _, h = self.list.buttons[self.list.focus].rect
        if y < self.area_top:
            self.scroll_to(self.scroll - (self.area_top - y))
        elif y + h > self.area_bottom:
            self.scroll_to(self.scroll + (y + h - self.area_bottom))

    def _in_view(self, pos: tuple[float, float]) -> bool:
        return not self.scrollable or self.area_top <= pos[1] < self.area_bottom

    def bar(self) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
        """(track, thumb) rectangles of the scroll bar."""
        track = (BAR_X, self.area_top, BAR_W, self.area_bottom - self.area_top)
        share = (self.area_bottom - self.area_top) / self.content_height
        thumb_h = max(36.0, track[3] * share)
        travel = track[3] - thumb_h
        thumb_y = self.area_top + (travel * self.scroll / self.max_scroll if self.max_scroll else 0.0)
        return track, (BAR_X, thumb_y, BAR_W, thumb_h)

    def _scroll_bar_to(self, y: float) -> bool:
        track, thumb = self.bar()
        travel = track[3] - thumb[3]
        share = (y - self.area_top - thumb[3] / 2) / travel if travel else 0.0
        return self.scroll_to(share * self.max_scroll)

    def press(self, pos: tuple[float, float]) -> bool:
        """A click on the scroll bar (True if it was one): jump there and start dragging."""
        if not self.scrollable:
            return False
        track, _ = self.bar()
        x, y, w, h = track
        if not contains((x - 8, y, w + 16, h), pos):
            return False
        self._dragging = True
        self._scroll_bar_to(pos[1])
        return True

    def drag(self, pos: tuple[float, float], held: bool) -> bool:
        if not self._dragging:
            return False
        if not held:
            self._dragging = False
            return False
        return self._scroll_bar_to(pos[1])

    def release(self) -> None:
        self._dragging = False

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
            changed = self.list.move(action)
            self._keep_focus_in_view()
            return changed, None
        if action == Action.CONFIRM:
            button = self.list.activate()
            return False, None if button is None else self.index_of(button)
        return False, None

    def click(self, pos: tuple[float, float]) -> int | None:
        if not self._in_view(pos):
            return None
        button = self.list.click(pos)
        return None if button is None else self.index_of(button)

    def hits(self, pos: tuple[float, float]) -> bool:
        return self._in_view(pos) and self.list.hit(pos) is not None

    def hover(self, pos: tuple[float, float]) -> bool:
        return self._in_view(pos) and self.list.hover(pos)

    def draw(self, canvas: Canvas, size_factor: float = 1.0, bottom: float = AREA_BOTTOM) -> None:
        self.layout(canvas, size_factor, bottom)
        top, bottom = self.area_top, self.area_bottom
        clip = canvas.surface.get_clip()
        if self.scrollable:
            canvas.surface.set_clip(canvas.r(0, top - 4, 1280, bottom - top + 8))
        for i, b in enumerate(self.list.buttons):
            _, y, _, h = b.rect
            if self.scrollable and (y + h < top - 4 or y > bottom + 4):
                continue
            b.draw(canvas, i == self.list.focus, px=self._px[i])
        canvas.surface.set_clip(clip)
        if self.scrollable:
            track, thumb = self.bar()
            canvas.panel(track, (*PAPER, 230), radius=BAR_W / 2, border=1.5, border_color=mix(PAPER, INK_SOFT, 0.5))
            canvas.panel(thumb, mix(CHARLIE_BLUE, INK_SOFT, 0.3), radius=BAR_W / 2)
            cx = BAR_X + BAR_W / 2
            if self.scroll > 0:
                canvas.polygon([(cx - 9, top - 8), (cx + 9, top - 8), (cx, top - 20)], INK_SOFT)
            if self.scroll < self.max_scroll:
                canvas.polygon([(cx - 9, bottom + 8), (cx + 9, bottom + 8), (cx, bottom + 20)], INK_SOFT)
