"""Counted words said right, for every message the program prints: `1 choice`, `2 choices`, `1 other use`.

One helper instead of a `'s' if n != 1` at each message, so no message says "(1 choices)".
"""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """`count` and `word`, with the plural (`many`, else `word` + "s") for any count but one: `plural(1, "choice")`
    is "1 choice", `plural(1234, "state")` is "1,234 states"."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"
