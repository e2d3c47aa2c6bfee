"""The chapter card: when the story moves into a new chapter, its name fades in over the stage and out again."""

from __future__ import annotations

from game.ui.anim import progress
from game.ui.canvas import Canvas
from game.ui.theme import INK, INK_SOFT, NICK_YELLOW, PAPER, TITLE_PX, mix

FADE = 0.45
HOLD = 1.5
DURATION = FADE * 2 + HOLD


class ChapterCard:
    def __init__(self, chapter: str, subtitle: str, started: float, *, cut: bool = False) -> None:
        self.chapter = chapter
        self.subtitle = subtitle
        self.started = started
        self.ends = started + DURATION
        self.cut = cut  # reduced motion: shown and taken away at once, no fading

    def active(self, now: float) -> bool:
        return now < self.ends

    def dismiss(self, now: float) -> None:
        self.ends = min(self.ends, now)

    def draw(self, canvas: Canvas, now: float) -> None:
        if not self.active(now):
            return
        t_in = progress(self.started, now, FADE)
        t_out = progress(self.ends - FADE, now, FADE)
        alpha = 1.0 if self.cut else min(t_in, 1 - t_out)
        a = round(255 * alpha)
        canvas.shade((40, 28, 24, round(90 * alpha)))
        canvas.panel((0, 250, 1280, 210), (*PAPER, round(235 * alpha)), radius=0)
        canvas.line((440, 282), (840, 282), mix(PAPER, NICK_YELLOW, alpha), 3)
        canvas.line((440, 428), (840, 428), mix(PAPER, NICK_YELLOW, alpha), 3)
        canvas.text(self.chapter, (640, 352), TITLE_PX, INK, anchor="center", bold=True, alpha=a)
        if self.subtitle:
            canvas.text(self.subtitle, (640, 406), 24, INK_SOFT, anchor="center", italic=True, alpha=a)
