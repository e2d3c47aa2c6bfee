"""Phone messages: a phone on screen with the conversation as chat bubbles.

Consecutive message beats build one thread, and a thought or a line of narration between two messages only puts
the phone down for a moment: the thread comes back whole with the next message (someone speaking aloud, or a new
scene, ends it). Charlie's own messages sit on the right in his blue, everyone else's on
the left in a pale version of their colour with their name above. The newest bubble slides up as it arrives.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ui.anim import ease_out, progress
from game.ui.canvas import Canvas
from game.ui.textlayout import wrap
from game.ui.theme import CHARLIE_BLUE, INK, INK_SOFT, PAPER, Color, legible, mix, parse_hex

PHONE = (450, 24, 380, 640)
PHONE_X = {"right": 820, "left": 80, "center": 450}
SCREEN_INSET = 16
SCREEN_FILL: Color = (252, 246, 240)
BUBBLE_PX = 21
BUBBLE_MAX_W = 250
ARRIVE = 0.25
PLAYER = "charlie"


def phone_rect(taken: frozenset[str] = frozenset()) -> tuple[float, float, float, float]:
    """Where the phone stands (logical): where no sprite does, right, else left, else in the middle."""
    _, y, w, h = PHONE
    x = next((PHONE_X[p] for p in ("right", "left") if p not in taken), PHONE_X["center"])
    return (x, y, w, h)


@dataclass(frozen=True, slots=True)
class Message:
    speaker: str | None
    name: str | None
    color: str | None
    text: str


class PhoneView:
    """The thread of messages being shown."""

    def __init__(self) -> None:
        self.thread: list[Message] = []
        self.shown = False  # False while a thought or narration interrupts the thread
        self.arrived = -1e9
        self._rows: dict[tuple[str, int], tuple[str, ...]] = {}

    def add(self, message: Message, now: float) -> None:
        self.thread.append(message)
        self.thread = self.thread[-12:]
        self.shown = True
        self.arrived = now

    def set_thread(self, messages: list[Message], *, shown: bool = True) -> None:
        self.thread = messages[-12:]
        self.shown = shown and bool(self.thread)
        self.arrived = -1e9

    def put_down(self) -> None:
        """Hide the phone for an interruption, keeping the thread for the next message."""
        self.shown = False

    def clear(self) -> None:
        self.thread.clear()
        self.shown = False

    @property
    def active(self) -> bool:
        return self.shown and bool(self.thread)

    def animating(self, now: float) -> bool:
        return now < self.arrived + ARRIVE

    def draw(
        self, canvas: Canvas, now: float, size_factor: float, show_marker: bool, taken: frozenset[str] = frozenset()
    ) -> None:
        """Draw the phone where no sprite stands (right, else left, else the middle); `taken` are the places used."""
        x, y, w, h = phone_rect(taken)
        canvas.panel((x, y, w, h), (58, 50, 56), radius=42, shadow=True)
        sx, sy, sw, sh = x + SCREEN_INSET, y + 56, w - 2 * SCREEN_INSET, h - 56 - 44
        canvas.panel((sx, sy - 40, sw, sh + 40), SCREEN_FILL, radius=28)
        canvas.panel((x + w / 2 - 50, y + 14, 100, 12), (30, 26, 30), radius=6)
        header = sorted({m.name for m in self.thread if m.name and m.speaker != PLAYER})
        canvas.text(", ".join(header) or "Messages", (x + w / 2, sy - 20), 19, INK, anchor="center", bold=True)
        canvas.line((sx + 10, sy + 2), (sx + sw - 10, sy + 2), (226, 214, 204), 1.5)
        px = BUBBLE_PX * size_factor
        font = canvas.font(px)
        line_h = px * 1.35
        bottom: float = sy + sh - 12
        lift = (1 - ease_out(progress(self.arrived, now, ARRIVE))) * 26
        for i, message in enumerate(reversed(self.thread)):
            key = (message.text, font.get_height())
            rows = self._rows.get(key)
            if rows is None:
                rows = wrap(message.text, lambda s: font.size(s)[0], canvas.p(BUBBLE_MAX_W)).rows
                self._rows[key] = rows
            text_w = max((font.size(r)[0] for r in rows), default=0) / canvas.scale
            bw, bh = text_w + 28, len(rows) * line_h + 18
            mine = message.speaker == PLAYER
            name_h = 0 if mine else 20
            top = bottom - bh
            if i == 0:
                top += lift
            if top - name_h < sy + 8:
                break
            color = parse_hex(message.color, INK_SOFT)
            if mine:
                bx = sx + sw - 14 - bw
                fill = mix(CHARLIE_BLUE, PAPER, 0.35)
            else:
                bx = sx + 14
                fill = mix(color, PAPER, 0.7)
                name_ink = legible(mix(color, INK, 0.45), SCREEN_FILL)  # their colour, dark enough to read at 15 px
                canvas.text(message.name or "", (bx + 6, top - name_h), 15, name_ink, bold=True)
            canvas.panel((bx, top, bw, bh), fill, radius=16)
            for r, row in enumerate(rows):
                canvas.text(row, (bx + 14, top + 9 + r * line_h), px, INK)
            bottom = top - name_h - 10
        if show_marker:
            mx, my = x + w / 2, y + h - 26
            canvas.polygon([(mx - 11, my - 6), (mx + 11, my - 6), (mx, my + 7)], (230, 220, 214))
