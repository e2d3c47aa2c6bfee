"""Counted words said right, for every message the program prints: `1 choice`, `2 choices`, `1 other use`.

One helper instead of a hand-made plural at each message, so no message says "(1 choices)".
"""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """`count` and `word`, with the plural (`many`, else `word` + "s") for any count but one: `plural(1, "choice")`
    is "1 choice", `plural(1234, "state")` is "1,234 states"."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def word_for(count: int, word: str, many: str | None = None) -> str:
    """Just the word of `plural`, for counts printed apart (in a column): `word_for(1, "scene")` is "scene". A
    trailing space in `word` (to keep columns lined up) moves behind the plural's "s"."""
    if count == 1:
        return word
    bare = word.rstrip()
    return many or bare + "s"


def with_article(word: str) -> str:
    """`word` after "a", or "an" before a vowel: "a scene", "an ending" (the program's own nouns, none of them an
    exception like "an hour" or "a user")."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
