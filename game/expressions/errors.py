"""The one error a condition can raise, and the "did you mean" wording shared by its checks.

Every problem with a condition, from a stray character to comparing a number with true, is an
`ExpressionError` that says what is wrong (`message`), where it starts (`offset`, a 0-based character index
into the condition's text, so the story loader can turn it into a file line and column) and how to mend it
(`hint`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ExpressionError(Exception):
    """A condition that cannot be read or does not make sense; never anything else."""

    def __init__(self, message: str, offset: int, hint: str = "", length: int = 1) -> None:
        super().__init__(message, offset, hint, length)  # all four, so errors survive pickling
        self.message = message
        self.offset = offset
        self.hint = hint
        self.length = max(1, length)  # how many characters the caret under the problem should cover

    def __str__(self) -> str:
        where = f"{self.message} (at character {self.offset + 1})"
        return f"{where}; {self.hint}" if self.hint else where

    def __repr__(self) -> str:
        return f"ExpressionError({self.message!r}, offset={self.offset}, hint={self.hint!r})"


def close_matches(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The known names closest to a misspelt one, best first (case is ignored when comparing)."""
    by_lower: dict[str, str] = {}
    for candidate in candidates:
        by_lower.setdefault(candidate.lower(), candidate)
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=limit, cutoff=0.6)
    return [by_lower[match] for match in found]


def quoted_list(words: Iterable[str], joiner: str = "or") -> str:
    """'a', 'b' or 'c': names as a reader would list them."""
    items = [f"'{word}'" for word in words]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A "did you mean" hint for a misspelt name, or "" when nothing known is close to it."""
    matches = close_matches(word, candidates)
    return f"did you mean {quoted_list(matches)}?" if matches else ""
