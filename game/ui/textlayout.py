"""Text layout: wrap a line into rows once, before it is revealed letter by letter.

Wrapping the whole text up front means a word never starts on one row and jumps to the next while it is being
typed out. Reveal progress is a count of characters over the wrapped rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Wrapped:
    """Rows of text, in order; `total` is how many characters reveal counts over."""

    rows: tuple[str, ...]

    def visible(self, count: int) -> list[str]:
        """The part of each row shown when `count` characters of the normalised text are revealed.

        The space (or newline) at each row break counts as one character, so counts match `normalize(text)`.
        """
        out = []
        left = max(0, count)
        for row in self.rows:
            if left <= 0:
                break
            out.append(row[:left])
            left -= len(row) + 1
        return out


def normalize(text: str) -> str:
    """The text as it is revealed: runs of spaces collapsed, newlines kept."""
    return "\n".join(" ".join(p.split()) for p in text.split("\n"))


def wrap(text: str, measure: Callable[[str], int], width: int) -> Wrapped:
    """Greedy word wrap of `text` so no row measures wider than `width`; newlines start new rows.

    A single word wider than the whole row is broken between characters.
    """
    rows: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            rows.append("")
            continue
        row = ""
        for word in words:
            candidate = f"{row} {word}" if row else word
            if measure(candidate) <= width:
                row = candidate
                continue
            if row:
                rows.append(row)
            row = ""
            while measure(word) > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and measure(word[:cut]) > width:
                    cut -= 1
                rows.append(word[:cut])
                word = word[cut:]
            row = word
        rows.append(row)
    return Wrapped(tuple(rows))


def reveal_count(started: float, now: float, chars_per_second: float, total: int) -> int:
    """How many characters are visible `now` for text that began revealing at `started`.

    A speed of 0 or less means instant.
    """
    if chars_per_second <= 0:
        return total
    return max(0, min(total, int((now - started) * chars_per_second)))
