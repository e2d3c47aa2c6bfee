"""Buttons and the one list of them every menu uses: hover, keyboard and pad focus, disabled states, one look.

A `ButtonList` is a column, row or grid of buttons operated by mouse, arrow keys, a controller and Enter, and, when
it is taller than its place, scrolled by the wheel, the keys and a scroll bar. It reports which button was activated
and whether anything visible changed, so screens can redraw only when needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.spoken import button_words
from game.ui.theme import CHARLIE_BLUE, FOCUS, INK, INK_FAINT, INK_SOFT, LOCKED, PAPER, RGBA, UI_PX, Color, mix

Rect = tuple[float, float, float, float]
BAR_W = 10  # a scroll bar's width
Paint = Callable[[Canvas, int, bool], None]  # draws item `index` of a list, highlighted or not, in its own look


def contains(rect: Rect, pos: tuple[float, float]) -> bool:
    x, y, w, h = rect
    return x <= pos[0] < x + w and y <= pos[1] < y + h


@dataclass(slots=True)
class Button:
    rect: Rect
    label: str
    enabled: bool = True
    detail: str = ""  # a second, smaller line (a locked choice's reason)
    accent: Color = FOCUS
    key: str = ""
    rows: tuple[str, ...] = ()  # the label wrapped onto several rows, when it has been (a long choice)

    def draw(self, canvas: Canvas, focused: bool, *, px: float = UI_PX, align: str = "center") -> None:
        x, y, w, h = self.rect
        fill: Color | RGBA
        if not self.enabled:
            fill, ink, border = (*mix(PAPER, LOCKED, 0.5), 215), INK_FAINT, LOCKED
        elif focused and canvas.contrast:
            fill, ink, border = INK, PAPER, INK  # in high contrast the focus is the one button drawn inverted
        elif focused:
            fill, ink, border = (*mix(PAPER, self.accent, 0.45), 245), INK, mix(self.accent, INK, 0.35)
        else:
            fill, ink, border = (*PAPER, 242), INK, mix(PAPER, INK, 0.35)
        canvas.panel(self.rect, fill, radius=min(16, h / 2), border=2.5 if focused else 1.5, border_color=border)
        rows = self.rows or (self.label,)
        step = px * 1.25
        cy = y + h / 2 - (12 if self.detail else 0) - (len(rows) - 1) * step / 2
        italic = not self.enabled  # not by colour alone: what cannot be pressed is also set in italics
        for row in rows:
            if align == "left":
                canvas.text(row, (x + 22, cy), px, ink, anchor="midleft", italic=italic)
            else:
                canvas.text(row, (x + w / 2, cy), px, ink, anchor="center", italic=italic)
            cy += step
        cy -= step
        if self.detail:
            anchor_x = x + 22 if align == "left" else x + w / 2
            canvas.text(
                self.detail,
                (anchor_x, cy + px * 0.95),
                px * 0.7,
                INK_FAINT,
                anchor="midleft" if align == "left" else "center",
                italic=True,
            )


@dataclass(slots=True)
class ButtonList:
    """The one focusable list of buttons every menu uses: a column, a row or a grid, operated by mouse (hover and
    click), arrow keys or a controller's pad, and Enter; `focus` is the highlight (None until used).

    Given a `view` (the top and bottom of the band it shows in) and a `bar_x`, a list taller than its view scrolls:
    with the wheel, with the keys (the highlighted button is kept in view), or by clicking or dragging the scroll
    bar drawn beside it, which shows how much lies above and below. Screens lay the buttons out unscrolled and call
    `laid_out()`; the list moves them as it scrolls.
    """

    buttons: list[Button] = field(default_factory=list)
    focus: int | None = None
    columns: int = 1
    view: tuple[float, float] | None = None
    bar_x: float = 0.0
    wheel_step: float = 72.0
    scroll: float = 0.0
    _tops: list[float] = field(default_factory=list)
    _dragging: bool = False

    def enabled(self) -> list[int]:
        return [i for i, b in enumerate(self.buttons) if b.enabled]

    # Pointer ------------------------------------------------------------------------------------------------------
    def in_view(self, pos: tuple[float, float]) -> bool:
        return self.view is None or not self.scrollable or self.view[0] <= pos[1] < self.view[1]

    def hit(self, pos: tuple[float, float]) -> int | None:
        if not self.in_view(pos):
            return None
        for i, b in enumerate(self.buttons):
            if contains(b.rect, pos):
                return i
        return None

    def hover(self, pos: tuple[float, float]) -> bool:
        """Move the highlight under the mouse; True if it changed."""
        i = self.hit(pos)
        if i is not None and i != self.focus:
            self.focus = i
            return True
        return False

    def click(self, pos: tuple[float, float]) -> int | None:
        """The enabled button under `pos`, if any."""
        i = self.hit(pos)
        if i is not None and self.buttons[i].enabled:
            self.focus = i
            return i
        return None

    # Keys and pad -------------------------------------------------------------------------------------------------
    def move(self, action: Action) -> bool:
        """Move the highlight with the arrow keys (or the pad); True if it changed. In a single row, up and down
        move along it too; the highlight is kept in view."""
        order = list(range(len(self.buttons)))
        if not order:
            return False
        if self.focus is None:
            first = self.enabled()
            self.focus = first[0] if first else 0
            self._keep_focus_in_view()
            return True
        one_row = self.columns > 1 and self.columns >= len(self.buttons)
        if one_row and action in (Action.UP, Action.DOWN):
            action = Action.LEFT if action == Action.UP else Action.RIGHT
        step = {Action.UP: -self.columns, Action.DOWN: self.columns, Action.LEFT: -1, Action.RIGHT: 1}.get(action)
        if step is None or (self.columns == 1 and action in (Action.LEFT, Action.RIGHT)):
            return False
        i = self.focus
        for _ in range(len(order)):
            i = (i + step) % len(order)
            if self.buttons[i].enabled or self.columns > 1:
                break
        changed = i != self.focus
        self.focus = i
        self._keep_focus_in_view()
        return changed

    def activate(self) -> int | None:
        """The highlighted button, if it can be pressed."""
        if self.focus is not None and 0 <= self.focus < len(self.buttons) and self.buttons[self.focus].enabled:
            return self.focus
        return None

    def confirm(self) -> int | None:
        """Enter (or the pad's A): the highlighted button if it can be pressed; with nothing highlighted yet, the
        first press highlights the first button instead."""
        button = self.activate()
        if button is None and self.focus is None:
            self.move(Action.DOWN)
        return button

    def focus_words(self) -> str:
        """The highlighted button as self-voicing reads it ("" when nothing is highlighted)."""
        if self.focus is None or not 0 <= self.focus < len(self.buttons):
            return ""
        b = self.buttons[self.focus]
        return button_words(b.label, enabled=b.enabled, detail=b.detail)

    # Scrolling ----------------------------------------------------------------------------------------------------
    def laid_out(self) -> None:
        """The buttons have been placed (unscrolled): remember where, and scroll as far as before."""
        self._tops = [b.rect[1] for b in self.buttons]
        scroll, self.scroll = self.scroll, 0.0
        self.scroll_to(scroll)

    def _extent(self) -> tuple[float, float]:
        """The top and bottom of the buttons, unscrolled."""
        if not self.buttons:
            return (0.0, 0.0)
        tops = self._tops if len(self._tops) == len(self.buttons) else [b.rect[1] + self.scroll for b in self.buttons]
        return min(tops), max(t + b.rect[3] for t, b in zip(tops, self.buttons))

    @property
    def content_height(self) -> float:
        top, bottom = self._extent()
        return bottom - top

    @property
    def max_scroll(self) -> float:
        if self.view is None:
            return 0.0
        return max(0.0, self._extent()[1] - self.view[1])

    @property
    def scrollable(self) -> bool:
        return self.max_scroll > 0

    def scroll_to(self, value: float) -> bool:
        """Scroll the buttons (0 shows the first); True if they moved."""
        value = max(0.0, min(self.max_scroll, value))
        if value == self.scroll:
            return False
        if len(self._tops) != len(self.buttons):
            self._tops = [b.rect[1] + self.scroll for b in self.buttons]
        self.scroll = value
        for button, top in zip(self.buttons, self._tops):
            x, _, w, h = button.rect
            button.rect = (x, top - value, w, h)
        return True

    def wheel(self, dy: int) -> bool:
        """Wheel up (dy > 0) shows earlier buttons; True if the list moved."""
        return self.scroll_to(self.scroll - dy * self.wheel_step)

    def _keep_focus_in_view(self) -> None:
        if self.view is None or self.focus is None or not self.scrollable:
            return
        _, y, _, h = self.buttons[self.focus].rect
        if y < self.view[0]:
            self.scroll_to(self.scroll - (self.view[0] - y))
        elif y + h > self.view[1]:
            self.scroll_to(self.scroll + (y + h - self.view[1]))

    def _scroll_bar(self) -> ScrollBar:
        top, bottom = self.view or (0.0, 0.0)
        return ScrollBar(self.bar_x, top, bottom)

    def bar(self) -> tuple[Rect, Rect]:
        """(track, thumb) rectangles of the scroll bar."""
        return self._scroll_bar().rects(self.scroll, self.max_scroll, self.content_height)

    def _scroll_bar_to(self, y: float) -> bool:
        return self.scroll_to(self._scroll_bar().offset_at(y, self.max_scroll, self.content_height))

    def press(self, pos: tuple[float, float]) -> bool:
        """A click on the scroll bar (True if it was one): jump there and start dragging."""
        if not self.scrollable or not self._scroll_bar().hit(pos):
            return False
        self._dragging = True
        self._scroll_bar_to(pos[1])
        return True

    def drag(self, pos: tuple[float, float], held: bool) -> bool:
        """The mouse moved while the bar may be held: follow it; True if the list moved."""
        if not self._dragging:
            return False
        if not held:
            self._dragging = False
            return False
        return self._scroll_bar_to(pos[1])

    def release(self) -> None:
        self._dragging = False

    # Drawing ------------------------------------------------------------------------------------------------------
    def draw(
        self,
        canvas: Canvas,
        *,
        px: float = UI_PX,
        align: str = "center",
        sizes: Sequence[float] | None = None,
        paint: Paint | None = None,
    ) -> None:
        """The buttons, clipped to the view, and the scroll bar when the list scrolls. Each button is drawn in the
        house look (at its own text size, when `sizes` gives them), or by `paint(canvas, index, focused)` for a
        screen whose items have a look of their own (save slots, ending cards)."""
        scrolling = self.view is not None and self.scrollable
        top, bottom = self.view or (0.0, 0.0)
        clip = canvas.surface.get_clip()
        if scrolling:
            canvas.surface.set_clip(canvas.r(0, top - 8, 1280, bottom - top + 16))
        for i, b in enumerate(self.buttons):
            _, y, _, h = b.rect
            if scrolling and (y + h < top - 8 or y > bottom + 8):
                continue
            if paint is not None:
                paint(canvas, i, i == self.focus)
            else:
                b.draw(canvas, i == self.focus, px=sizes[i] if sizes else px, align=align)
        if not scrolling:
            return
        canvas.surface.set_clip(clip)
        self._scroll_bar().draw(canvas, self.scroll, self.max_scroll, self.content_height)


@dataclass(frozen=True, slots=True)
class ScrollBar:
    """The scroll bar beside a view from `top` to `bottom`: its thumb shows how much of the content is in view and
    where, and a click or a drag on it says where to scroll. Offsets count from the content's start (0: the top)."""

    x: float
    top: float
    bottom: float

    def rects(self, offset: float, max_offset: float, content_height: float) -> tuple[Rect, Rect]:
        """(track, thumb) rectangles."""
        track = (self.x, self.top, BAR_W, self.bottom - self.top)
        share = (self.bottom - self.top) / content_height if content_height else 1.0
        thumb_h = max(36.0, track[3] * share)
        travel = track[3] - thumb_h
        thumb_y = self.top + (travel * offset / max_offset if max_offset else 0.0)
        return track, (self.x, thumb_y, BAR_W, thumb_h)

    def hit(self, pos: tuple[float, float]) -> bool:
        """Whether `pos` is on the bar (a little wider than drawn, to be easy to hit)."""
        return contains((self.x - 8, self.top, BAR_W + 16, self.bottom - self.top), pos)

    def offset_at(self, y: float, max_offset: float, content_height: float) -> float:
        """The offset that puts the thumb's middle at `y`."""
        track, thumb = self.rects(0.0, max_offset, content_height)
        travel = track[3] - thumb[3]
        share = (y - track[1] - thumb[3] / 2) / travel if travel else 0.0
        return share * max_offset

    def draw(
        self, canvas: Canvas, offset: float, max_offset: float, content_height: float, *, arrows: bool = True
    ) -> None:
        """The track and the thumb, and (with `arrows`) a mark above and below where there is more."""
        track, thumb = self.rects(offset, max_offset, content_height)
        canvas.panel(track, (*PAPER, 230), radius=BAR_W / 2, border=1.5, border_color=mix(PAPER, INK_SOFT, 0.5))
        canvas.panel(thumb, mix(CHARLIE_BLUE, INK_SOFT, 0.3), radius=BAR_W / 2)
        if not arrows:
            return
        cx = self.x + BAR_W / 2
        if offset > 0:
            canvas.polygon([(cx - 9, self.top - 8), (cx + 9, self.top - 8), (cx, self.top - 20)], INK_SOFT)
        if offset < max_offset:
            canvas.polygon([(cx - 9, self.bottom + 8), (cx + 9, self.bottom + 8), (cx, self.bottom + 20)], INK_SOFT)


def column(labels: list[str], *, x: float, y: float, w: float, h: float, gap: float) -> list[Button]:
    """Buttons stacked from the top at (x, y)."""
    return [Button((x, y + i * (h + gap), w, h), label, key=label) for i, label in enumerate(labels)]
