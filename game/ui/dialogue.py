"""The dialogue box: who speaks (a name plate in their colour), what they say revealed letter by letter, and a
continue marker once the line is complete. Narration has no plate; thoughts are set in italics with a lighter plate.
The plate sits on the speaker's side of the box (left, middle or right, under where they stand), or to the right
of their side portrait when they speak from off stage.

At a larger text size a line may need more rows than the box has room for: the box then grows upwards, plate and
all, by the rows it lacks, so no text is ever cut off or drawn past its edge. With captions on, the sounds and
music changes that came with the line are shown in the box's top band, away from the name plate.
"""

from __future__ import annotations

from collections.abc import Callable

from game.emphasis import style_at
from game.events import Line
from game.ui.canvas import Canvas
from game.ui.styled_text import draw_styled, style_runs, styled_measure
from game.ui.textlayout import Wrapped, normalize, normalize_styled, reveal_count, wrap, wrap_ranges
from game.ui.theme import (
    BOX,
    BOX_TEXT_W,
    BOX_TEXT_X,
    BOX_TEXT_Y,
    DIALOGUE_PX,
    INK,
    INK_SOFT,
    NAME_PX,
    NAMEPLATE_H,
    NAMEPLATE_X,
    NAMEPLATE_Y,
    PAPER,
    mix,
    parse_hex,
    readable_ink,
)

CAPTION_PX = 17
PORTRAIT_INSET = 128  # how far a plate beside a side portrait moves in from the box's corner


def plate_x(side: str, width: float) -> float:
    """The name plate's left edge for a speaker on `side` ("left", "center", "right", or "portrait_left" and
    "portrait_right" beside a side portrait in that corner)."""
    right = BOX[0] + BOX[2] - (NAMEPLATE_X - BOX[0]) - width
    if side == "right":
        return right
    if side == "center":
        return BOX[0] + BOX[2] / 2 - width / 2
    if side == "portrait_left":
        return NAMEPLATE_X + PORTRAIT_INSET
    if side == "portrait_right":
        return right - PORTRAIT_INSET
    return NAMEPLATE_X


class DialogueBox:
    """Shows one line at a time; the caller says when it started and how fast it reveals."""

    def __init__(self) -> None:
        self.line: Line | None = None
        self.text = ""
        self.started = 0.0
        self.completed = False
        self.shown_before = 0
        self._wrap_key: tuple | None = None
        self._wrapped = Wrapped(())
        self.flags: list[int] = []  # per character of `text`: ITALIC | BOLD (empty: no emphasis in the line)
        self.starts: tuple[int, ...] = ()  # where in `text` each wrapped row starts (with emphasis)

    def show(self, line: Line, start_at: float) -> None:
        self.line = line
        self.text = normalize(line.text)
        self.flags = []
        if line.styles:
            self.text, self.flags = normalize_styled(line.text, style_at(line.styles, len(line.text)))
        self.started = start_at
        self.completed = False
        # an `extend` shows the line before it again: that part is there at once, only the rest is revealed
        self.shown_before = len(normalize(line.text[: line.continues])) if line.continues else 0

    def clear(self) -> None:
        self.line = None
        self.text = ""

    def revealed(self, now: float, cps: float) -> int:
        if self.completed:
            return len(self.text)
        before = self.shown_before
        return before + reveal_count(self.started, now, cps, len(self.text) - before)

    def is_complete(self, now: float, cps: float) -> bool:
        return self.line is None or self.revealed(now, cps) >= len(self.text)

    def complete(self) -> None:
        self.completed = True

    def complete_at(self, cps: float) -> float:
        """When the reveal finishes on its own."""
        if self.completed or cps <= 0:
            return self.started
        return self.started + (len(self.text) - self.shown_before) / cps

    def text_px(self, size_factor: float) -> float:
        return DIALOGUE_PX * size_factor

    def wrapped(self, canvas: Canvas, size_factor: float) -> Wrapped:
        px = self.text_px(size_factor)
        italic = self.line is not None and self.line.kind == "thought"
        key = (self.text, canvas.p(px), italic, canvas.fonts.family)
        if key != self._wrap_key:
            if self.flags:
                measure = styled_measure(canvas, px, italic, self.text, self.flags)
                self._wrapped, self.starts = wrap_ranges(self.text, measure, canvas.p(BOX_TEXT_W))
            else:
                font = canvas.font(px, italic=italic)
                self._wrapped = wrap(self.text, lambda s: font.size(s)[0], canvas.p(BOX_TEXT_W))
            self._wrap_key = key
        return self._wrapped

    def room(self, canvas: Canvas, size_factor: float) -> int:
        """How many rows of text the box holds at its usual size."""
        px = self.text_px(size_factor)
        height = canvas.font(px).get_height() / canvas.scale
        return max(1, int((BOX[1] + BOX[3] - BOX_TEXT_Y - height) // (px * 1.42)) + 1)

    def grow(self, canvas: Canvas, size_factor: float) -> float:
        """How far the box's top moves up to hold the whole line (0 when it fits)."""
        if self.line is None:
            return 0.0
        extra = len(self.wrapped(canvas, size_factor).rows) - self.room(canvas, size_factor)
        return min(max(0, extra) * self.text_px(size_factor) * 1.42, BOX[1] - 60)

    def draw(
        self,
        canvas: Canvas,
        now: float,
        cps: float,
        size_factor: float,
        *,
        marker: bool = True,
        side: str = "left",
        portrait: Callable[[], None] | None = None,
        captions: tuple[str, ...] = (),
    ) -> None:
        line = self.line
        if line is None:
            return
        color = parse_hex(line.color, INK_SOFT)
        thought = line.kind == "thought"
        fill = (*mix(PAPER, (246, 242, 255), 0.6), 246) if thought else (*PAPER, 246)
        grow = self.grow(canvas, size_factor)
        box = (BOX[0], BOX[1] - grow, BOX[2], BOX[3] + grow)
        canvas.panel(box, fill, radius=20, border=2.5, border_color=mix(INK, color, 0.35), shadow=True)
        if portrait is not None:
            portrait()
        if line.name and line.kind != "narration":
            self._draw_plate(canvas, line.name, color, thought, side, grow)
        if captions:
            right = side in ("right", "portrait_right")
            x = BOX[0] + 28 if right else BOX[0] + BOX[2] - 28
            canvas.text(
                "  ".join(captions),
                (x, box[1] + 8),
                CAPTION_PX,
                INK_SOFT,
                anchor="topleft" if right else "topright",
                italic=True,
            )
        px = self.text_px(size_factor)
        rows = self.wrapped(canvas, size_factor)
        count = self.revealed(now, cps)
        ink = mix(INK, color, 0.25) if thought else INK
        line_height = px * 1.42
        font = canvas.font(px, italic=thought)
        y = BOX_TEXT_Y - grow + (0 if line.name or line.kind != "narration" else -8)
        for i, shown in enumerate(rows.visible(count)):
            full = rows.rows[i]
            if self.flags:
                draw_styled(canvas, (BOX_TEXT_X, y + i * line_height), px, ink, thought, self.runs(i), len(shown))
                continue
            clip = None if shown == full else font.size(shown)[0]
            canvas.text(full, (BOX_TEXT_X, y + i * line_height), px, ink, italic=thought, clip_width=clip)
        if marker and count >= len(self.text):
            self._draw_marker(canvas, color)

    def runs(self, row: int) -> list[tuple[str, int]]:
        """A wrapped row as (text, flags) runs of one style each."""
        start = self.starts[row]
        return style_runs(self.text[start : start + len(self._wrapped.rows[row])], self.flags[start:])

    def _draw_plate(
        self, canvas: Canvas, name: str, color: tuple[int, int, int], thought: bool, side: str, grow: float
    ) -> None:
        label = f"{name} (thinking)" if thought else name
        width = canvas.measure(label, NAME_PX, bold=not thought, italic=thought) + 44
        plate = mix(color, PAPER, 0.45) if thought else color
        x = plate_x(side, width)
        canvas.panel(
            (x, NAMEPLATE_Y - grow, width, NAMEPLATE_H),
            plate,
            radius=14,
            border=2.5,
            border_color=mix(INK, color, 0.5),
        )
        canvas.text(
            label,
            (x + width / 2, NAMEPLATE_Y - grow + NAMEPLATE_H / 2),
            NAME_PX,
            canvas.ink_on(plate, readable_ink(plate)),
            anchor="center",
            bold=not thought,
            italic=thought,
        )

    def _draw_marker(self, canvas: Canvas, color: tuple[int, int, int]) -> None:
        x, y = BOX[0] + BOX[2] - 44, BOX[1] + BOX[3] - 34
        # in the speaker's colour, but in high contrast in the box's ink (a pale colour on white is lost)
        canvas.polygon([(x, y), (x + 22, y), (x + 11, y + 14)], INK if canvas.contrast else mix(color, INK, 0.25))
