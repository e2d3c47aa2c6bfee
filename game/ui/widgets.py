"""Buttons and button lists shared by every menu: hover, keyboard focus, disabled states, one look.

A `ButtonList` is a column (or grid) of buttons operated by mouse, arrow keys and Enter. It reports which button was
activated and whether anything visible changed, so screens can redraw only when needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.spoken import button_words
from game.ui.theme import FOCUS, INK, INK_FAINT, LOCKED, PAPER, UI_PX, Color, mix

Rect = tuple[float, float, float, float]


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
    """Buttons operated together; `focus` is the keyboard/mouse highlight (None until used)."""

    buttons: list[Button] = field(default_factory=list)
    focus: int | None = None
    columns: int = 1

    def enabled(self) -> list[int]:
        return [i for i, b in enumerate(self.buttons) if b.enabled]

    def hit(self, pos: tuple[float, float]) -> int | None:
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

    def move(self, action: Action) -> bool:
        """Move the highlight with the arrow keys; True if it changed."""
        order = list(range(len(self.buttons)))
        if not order:
            return False
        if self.focus is None:
            first = self.enabled()
            self.focus = first[0] if first else 0
            return True
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
        return changed

    def activate(self) -> int | None:
        """The highlighted button, if it can be pressed."""
        if self.focus is not None and 0 <= self.focus < len(self.buttons) and self.buttons[self.focus].enabled:
            return self.focus
        return None

    def focus_words(self) -> str:
        """The highlighted button as self-voicing reads it ("" when nothing is highlighted)."""
        if self.focus is None or not 0 <= self.focus < len(self.buttons):
            return ""
        b = self.buttons[self.focus]
        return button_words(b.label, enabled=b.enabled, detail=b.detail)

    def draw(self, canvas: Canvas, *, px: float = UI_PX, align: str = "center") -> None:
        for i, b in enumerate(self.buttons):
            b.draw(canvas, i == self.focus, px=px, align=align)


def column(labels: list[str], *, x: float, y: float, w: float, h: float, gap: float) -> list[Button]:
    """Buttons stacked from the top at (x, y)."""
    return [Button((x, y + i * (h + gap), w, h), label, key=label) for i, label in enumerate(labels)]
