"""Text layout: wrap a line into rows once, before it is revealed letter by letter, and fit a label to a width.

Wrapping the whole text up front means a word never starts on one row and jumps to the next while it is being
typed out. Reveal progress is a count of characters over the wrapped rows.

Finding how much of a text fits a width never shortens it one character at a time: `fit_prefix` gallops up in
doubling steps, then bisects, so a text of n characters costs O(log n) measurements of at most twice the part that
fits, however long the text is (a hand-edited save with a 100,000-character title draws at once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol


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


def fit_prefix(text: str, measure: Callable[[str], float], width: float) -> int:
    """The length of the longest start of `text` that measures no wider than `width` (0 if not even one character).

    Measured widths grow with the text (a longer start is never narrower), so a doubling search finds a length that
    no longer fits, and bisection between the last two finds the exact one.
    """
    if not text or measure(text[:1]) > width:
        return 0
    fits, step = 1, 1
    while fits < len(text):
        probe = min(len(text), fits + step)
        if measure(text[:probe]) > width:
            too_long = probe
            break
        fits, step = probe, step * 2
    else:
        return fits
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if measure(text[:middle]) <= width:
            fits = middle
        else:
            too_long = middle
    return fits


def ellipsize(text: str, measure: Callable[[str], float], width: float, ellipsis: str = "\u2026") -> str:
    """`text` if it fits `width`, else as much of its start as fits with `ellipsis` after it."""
    if fit_prefix(text, measure, width) == len(text):
        return text
    room = width - measure(ellipsis)
    return text[: fit_prefix(text, measure, room)].rstrip() + ellipsis


class SizedFont(Protocol):
    def size(self, text: str, /) -> tuple[int, int]: ...


def width_in(font: SizedFont) -> Callable[[str], int]:
    """How wide `font` sets a text, in pixels: the measure `wrap` takes."""
    return lambda text: font.size(text)[0]


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
            cut = fit_prefix(word, measure, width)
            while cut < len(word) and len(word) > 1:
                cut = max(1, cut)  # a character wider than the row still gets a row of its own
                rows.append(word[:cut])
                word = word[cut:]
                cut = fit_prefix(word, measure, width)
            row = word
        rows.append(row)
    return Wrapped(tuple(rows))


def normalize_styled(text: str, flags: list[int]) -> tuple[str, list[int]]:
    """`normalize(text)`, and the style flags of each of its characters (`flags` gives those of `text`'s); a space
    that joins two words takes no style."""
    out: list[str] = []
    out_flags: list[int] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        if number:
            out.append("\n")
            out_flags.append(0)
        first = True
        index = 0
        while index < len(paragraph):
            if paragraph[index].isspace():
                index += 1
                continue
            end = index
            while end < len(paragraph) and not paragraph[end].isspace():
                end += 1
            if not first:
                out.append(" ")
                out_flags.append(0)
            out.append(paragraph[index:end])
            out_flags.extend(flags[offset + index : offset + end])
            first = False
            index = end
        offset += len(paragraph) + 1
    return "".join(out), out_flags


def wrap_ranges(text: str, measure: Callable[[int, int], float], width: float) -> tuple[Wrapped, tuple[int, ...]]:
    """`wrap` for a normalised text whose parts measure differently (emphasis): `measure(start, end)` is the width
    of `text[start:end]`. Also returns where in `text` each row starts."""

    def measure_from(at: int) -> Callable[[str], float]:
        """The width of a part of `text` that starts at `at`."""
        return lambda part: measure(at, at + len(part))

    rows: list[str] = []
    starts: list[int] = []
    base = 0
    for paragraph in text.split("\n"):
        index = 0
        words: list[tuple[int, int]] = []
        for word in paragraph.split(" "):
            if word:
                words.append((base + index, base + index + len(word)))
            index += len(word) + 1
        if not words:
            rows.append("")
            starts.append(base)
        row_start: int | None = None
        row_end = base
        for start, end in words:
            if row_start is not None and measure(row_start, end) <= width:
                row_end = end
                continue
            if row_start is not None:
                rows.append(text[row_start:row_end])
                starts.append(row_start)
            row_start = start
            while end - row_start > 1 and measure(row_start, end) > width:
                at = row_start
                cut = max(1, fit_prefix(text[at:end], measure_from(at), width))
                rows.append(text[row_start : row_start + cut])
                starts.append(row_start)
                row_start += cut
            row_end = end
        if row_start is not None:
            rows.append(text[row_start:row_end])
            starts.append(row_start)
        base += len(paragraph) + 1
    return Wrapped(tuple(rows)), tuple(starts)


def reveal_count(started: float, now: float, chars_per_second: float, total: int) -> int:
    """How many characters are visible `now` for text that began revealing at `started`.

    A speed of 0 or less means instant.
    """
    if chars_per_second <= 0:
        return total
    return max(0, min(total, int((now - started) * chars_per_second)))
