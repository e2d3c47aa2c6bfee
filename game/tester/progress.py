"""A one-line progress display on stderr while the tester works, only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 24


class Progress:
    """Redraws one line at most ten times a second; `done()` clears it."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    @classmethod
    def for_terminal(cls) -> Progress | None:
        return cls() if sys.stderr.isatty() else None

    def _draw(self, text: str) -> None:
        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last = now
        self.stream.write("\r\x1b[K" + text)
        self.stream.flush()
        self.shown = True

    def exploring(self, states: int, queued: int, limit: int) -> None:
        rate = states / max(time.monotonic() - self.started, 1e-6)
        filled = min(WIDTH, WIDTH * states // max(limit, 1))
        bar = "#" * filled + "." * (WIDTH - filled)
        self._draw(f"exploring [{bar}] {states:,} states, {queued:,} waiting, {rate:,.0f}/s (limit {limit:,})")

    def walking(self, done: int, total: int) -> None:
        filled = WIDTH * done // max(total, 1)
        self._draw(f"random walks [{'#' * filled}{'.' * (WIDTH - filled)}] {done:,} of {total:,}")

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
