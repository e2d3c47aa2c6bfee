"""The choice menu: options as buttons, picked by mouse, arrow keys plus Enter, or their number key.

Locked options stay visible, greyed, with the author's reason beneath, and cannot be taken. A menu taller than the
space above the dialogue box scrolls: with the wheel, with the arrow keys (the highlighted option is kept in view),
or by clicking or dragging its scroll bar; the bar shows how much lies above and below.
"""

from __future__ import annotations

from game.events import Choices
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.theme import CHARLIE_BLUE, INK_SOFT, PAPER, UI_PX, mix
from game.ui.widgets import Button, ButtonList, contains

WIDTH = 820
HEIGHT = 58
LOCKED_HEIGHT = 74
GAP = 14
AREA_TOP, AREA_BOTTOM = 40, 470
BAR_X, BAR_W = 640 + WIDTH / 2 + 16, 10
WHEEL_STEP = HEIGHT + GAP


class ChoiceMenu:
    """Buttons for one `Choices` event."""

    def __init__(self, menu: Choices) -> None:
        self.menu = menu
        heights = [HEIGHT if o.available or not o.locked_reason else LOCKED_HEIGHT for o in menu.options]
        total = sum(heights) + GAP * max(0, len(heights) - 1)
        y = max(AREA_TOP, AREA_BOTTOM - total)  # just above the dialogue box, so faces stay in view
        self.content_height = total
        self.scroll = 0.0
        self._tops: list[float] = []
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
            self._tops.append(y)
            y += h + GAP
        self.list = ButtonList(buttons)
        self._dragging = False

    # Scrolling --------------------------------------------------------------------------------------------------
    @property
    def scrollable(self) -> bool:
        return self.content_height > AREA_BOTTOM - AREA_TOP

    @property
    def max_scroll(self) -> float:
        return max(0.0, self.content_height - (AREA_BOTTOM - AREA_TOP))

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
        if y < AREA_TOP:
            self.scroll_to(self.scroll - (AREA_TOP - y))
        elif y + h > AREA_BOTTOM:
            self.scroll_to(self.scroll + (y + h - AREA_BOTTOM))

    def _in_view(self, pos: tuple[float, float]) -> bool:
        return not self.scrollable or AREA_TOP <= pos[1] < AREA_BOTTOM

    def bar(self) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
        """(track, thumb) rectangles of the scroll bar."""
        track = (BAR_X, AREA_TOP, BAR_W, AREA_BOTTOM - AREA_TOP)
        share = (AREA_BOTTOM - AREA_TOP) / self.content_height
        thumb_h = max(36.0, track[3] * share)
        travel = track[3] - thumb_h
        thumb_y = AREA_TOP + (travel * self.scroll / self.max_scroll if self.max_scroll else 0.0)
        return track, (BAR_X, thumb_y, BAR_W, thumb_h)

    def _scroll_bar_to(self, y: float) -> bool:
        track, thumb = self.bar()
        travel = track[3] - thumb[3]
        share = (y - AREA_TOP - thumb[3] / 2) / travel if travel else 0.0
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

    def draw(self, canvas: Canvas) -> None:
        clip = canvas.surface.get_clip()
        if self.scrollable:
            canvas.surface.set_clip(canvas.r(0, AREA_TOP - 4, 1280, AREA_BOTTOM - AREA_TOP + 8))
        for i, b in enumerate(self.list.buttons):
            _, y, _, h = b.rect
            if self.scrollable and (y + h < AREA_TOP - 4 or y > AREA_BOTTOM + 4):
                continue
            px = UI_PX if canvas.measure(b.label, UI_PX) < WIDTH - 50 else UI_PX * 0.82
            b.draw(canvas, i == self.list.focus, px=px)
        canvas.surface.set_clip(clip)
        if self.scrollable:
            track, thumb = self.bar()
            canvas.panel(track, (*PAPER, 230), radius=BAR_W / 2, border=1.5, border_color=mix(PAPER, INK_SOFT, 0.5))
            canvas.panel(thumb, mix(CHARLIE_BLUE, INK_SOFT, 0.3), radius=BAR_W / 2)
            cx = BAR_X + BAR_W / 2
            if self.scroll > 0:
                canvas.polygon([(cx - 9, AREA_TOP - 8), (cx + 9, AREA_TOP - 8), (cx, AREA_TOP - 20)], INK_SOFT)
            if self.scroll < self.max_scroll:
                bottom = AREA_BOTTOM + 8
                canvas.polygon([(cx - 9, bottom), (cx + 9, bottom), (cx, bottom + 12)], INK_SOFT)
