"""The mistakes people make when writing conditions, recognised and put into words.

Most bad conditions are good ones from another language: Python's `True` and `is`, C's `&&`, SQL's `AND`. The
parser asks these helpers what a stray word or token most likely meant, so the message can say what to write.
"""

from __future__ import annotations

from game.expressions.errors import ExpressionError
from game.expressions.lexer import KEYWORDS, Token
from game.expressions.nodes import COMPARE_OPS

JOIN_HINT = "join conditions with 'and' or 'or'"
ALWAYS_A_VALUE = "every variable always has a value; compare it with a number, true or false, or a 'quoted' value"
EXAMPLE = "write a condition such as 'grades >= 2 and not out_to_team'"


def after_hint(token: Token) -> str:
    """How to finish a condition that stops right after this word or operator."""
    if token.kind == "keyword" and token.text == "not":
        return "'not' needs a condition after it: 'not a'"
    if token.kind in ("keyword", "op"):
        return value_hint(token)
    return EXAMPLE


def value_hint(token: Token) -> str:
    """What to write instead of a token found where a value should be."""
    if token.kind == "keyword" and token.text in ("and", "or"):
        return f"'{token.text}' joins two conditions: 'a {token.text} b'"
    if token.kind == "op" and token.text in COMPARE_OPS:
        return f"'{token.text}' compares two values: 'a {token.text} b'"
    if token.kind == "op" and token.text == "+":
        return "numbers need no '+' sign; '+' adds two values: 'a + b'"
    if token.kind == "keyword" and token.text == "not":
        return "put it in parentheses: 'a == (not b)'"
    return EXAMPLE


def show(token: Token) -> str:
    """A token as a message quotes it."""
    return "the end of the condition" if token.kind == "end" else f"'{token.text}'"


def wrong_case(word: str) -> ExpressionError | None:
    """`True`, `AND`, `None` and friends: words other languages spell differently."""
    if word.lower() in KEYWORDS and word != word.lower():
        return ExpressionError(
            f"use '{word.lower()}' instead of '{word}'", 0, "the words of conditions are written in lowercase"
        )
    if word in ("None", "NULL", "Null", "NaN"):
        return ExpressionError(
            f"there is no '{word}' in conditions",
            0,
            ALWAYS_A_VALUE,
        )
    return None


def python_word(word: str) -> ExpressionError | None:
    """Python and SQL words written where an operator belongs (`a is b`, `x in y`)."""
    hints = {
        "is": ("use '==' instead of 'is'", "write 'a == b', or 'a != b' for 'is not'"),
        "in": (
            "'in' is not part of conditions",
            "compare one value at a time: \"roommate == 'tao' or roommate == 'isaac'\"",
        ),
        "if": ("'if' is not part of conditions", "combine conditions with 'and', 'or' and 'not'"),
        "else": ("'else' is not part of conditions", "combine conditions with 'and', 'or' and 'not'"),
        "xor": ("'xor' is not part of conditions", "for 'one or the other but not both' write 'a != b'"),
        "mod": ("'mod' is not available", "conditions can add and subtract, nothing more"),
        "div": ("'div' is not available", "conditions can add and subtract, nothing more"),
    }
    found = hints.get(word.lower())
    if found is None:
        return None
    return ExpressionError(found[0], 0, found[1])


def at_token(error: ExpressionError, token: Token) -> ExpressionError:
    """The same error, placed at a token."""
    return ExpressionError(error.message, token.offset, error.hint, len(token.text))
