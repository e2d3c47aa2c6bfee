"""Cutting a condition's text into tokens, and naming every character that has no place in one.

The lexer never raises: text it cannot use becomes a `bad` token carrying the `ExpressionError` to report,
and the parser raises it only if it reaches that token. So the first problem reported is always the leftmost
one the parser meets, and the message can be the one that fits the character (`&&` means `and`, `=` means
`==`, and so on).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.expressions.errors import ExpressionError

TokenKind = Literal["int", "str", "name", "keyword", "op", "(", ")", ",", "bad", "end"]

KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
MAX_NUMBER = 10**9
MAX_TEXT_LENGTH = 200

_DIGITS = frozenset("0123456789")
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_NAME_CHARS = _NAME_START | _DIGITS
_SPACE = frozenset(" \t\r\n")
_OPERATORS = ("==", "!=", "<=", ">=", "<", ">", "+", "-")  # longest first

_ONLY_PLUS_MINUS = "conditions can add and subtract, nothing more; keep a separate variable for anything else"
_JOIN = "join conditions with 'and' or 'or'"
_NO_STRUCTURE = "conditions read declared variables by name; there are no attributes, indexes or collections"

# Character sequences that mean something elsewhere (Python, C, word processors): (message, hint).
_MISTAKES: dict[str, tuple[str, str]] = {
    "&&": ("use 'and' instead of '&&'", "write 'a and b'"),
    "||": ("use 'or' instead of '||'", "write 'a or b'"),
    "=<": ("use '<=' instead of '=<'", "the '=' comes second: 'a <= b'"),
    "=>": ("use '>=' instead of '=>'", "the '=' comes second: 'a >= b'"),
    "<>": ("use '!=' instead of '<>'", "write 'a != b'"),
    "**": ("'**' is not available", _ONLY_PLUS_MINUS),
    "//": ("'//' is not available", _ONLY_PLUS_MINUS),
    "&": ("use 'and' instead of '&'", "write 'a and b'"),
    "|": ("use 'or' instead of '|'", "write 'a or b'"),
    "!": ("use 'not' instead of '!'", "write 'not a'; '!' only appears in '!='"),
    "=": ("use '==' to compare", "a single '=' would set a value; conditions only compare: 'a == b'"),
    "*": ("'*' is not available", _ONLY_PLUS_MINUS),
    "/": ("'/' is not available", _ONLY_PLUS_MINUS),
    "%": ("'%' is not available", _ONLY_PLUS_MINUS),
    "^": ("'^' is not available", "for 'one or the other but not both' write 'a != b'"),
    "~": ("'~' is not available", "use 'not' for true/false and '-' for numbers"),
    ".": ("'.' is not allowed in conditions", _NO_STRUCTURE + ", and numbers are whole"),
    "[": ("indexing ('[') is not allowed in conditions", _NO_STRUCTURE),
    "]": ("indexing (']') is not allowed in conditions", _NO_STRUCTURE),
    "{": ("'{' is not allowed in conditions", _NO_STRUCTURE),
    "}": ("'}' is not allowed in conditions", _NO_STRUCTURE),
    ":": (
        "':' is not allowed in conditions",
        "a condition is one expression; there are no lambdas or slices",
    ),
    ";": ("';' is not allowed in conditions", "a condition is one expression; " + _JOIN),
    "#": ("'#' is not allowed in conditions", "YAML comments belong outside the quoted condition"),
    "@": ("'@' is not allowed in conditions", "name declared variables directly"),
    "$": ("'$' is not allowed in conditions", "name declared variables directly, without '$'"),
    "`": ("'`' is not allowed in conditions", "quote text with ' or \""),
    "?": ("'?' is not allowed in conditions", "there is no '?:'; " + _JOIN),
    "\\": ("'\\' is not allowed outside quotes", "a backslash only escapes a quote inside quoted text"),
    "\u2018": ("curly quote '\u2018'", "use a straight quote ' instead"),
    "\u2019": ("curly quote '\u2019'", "use a straight quote ' instead"),
    "\u201c": ("curly quote '\u201c'", 'use a straight quote " instead'),
    "\u201d": ("curly quote '\u201d'", 'use a straight quote " instead'),
    "\u2264": ("use '<=' instead of '\u2264'", "write 'a <= b'"),
    "\u2265": ("use '>=' instead of '\u2265'", "write 'a >= b'"),
    "\u2260": ("use '!=' instead of '\u2260'", "write 'a != b'"),
    "\u2212": ("use '-' instead of '\u2212'", "type a plain hyphen-minus"),
}
_MISTAKE_STARTS = frozenset(key[0] for key in _MISTAKES)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, its exact source text, where it starts, and its value or error if it has one."""

    kind: TokenKind
    text: str
    offset: int
    value: int | str | None = None
    error: ExpressionError | None = None

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


def describe_char(char: str) -> str:
    """A character as a message should show it: itself if printable, else its escape and code point."""
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    return f"{char!r} (U+{ord(char):04X})"


def _bad(text: str, offset: int, message: str, hint: str, length: int | None = None) -> Token:
    error = ExpressionError(message, offset, hint, len(text) if length is None else length)
    return Token("bad", text, offset, error=error)


def _number(text: str, start: int) -> Token:
    end = start
    while end < len(text) and text[end] in _DIGITS:
        end += 1
    if end < len(text) and text[end] in _NAME_CHARS:
        word_end = end
        while word_end < len(text) and text[word_end] in _NAME_CHARS:
            word_end += 1
        word = text[start:word_end]
        return _bad(
            word,
            start,
            f"'{word}' is neither a number nor a name",
            "names start with a letter and numbers are plain digits; put an operator between them",
        )
    if end + 1 < len(text) and text[end] == "." and text[end + 1] in _DIGITS:
        return _bad(text[start : end + 1], start, "numbers must be whole", "conditions count in whole numbers")
    digits = text[start:end]
    # Compare the digit count before converting, so a thousand digits cost nothing.
    if len(digits.lstrip("0")) > len(str(MAX_NUMBER)) or int(digits) > MAX_NUMBER:
        return _bad(digits, start, "number too large", f"numbers may be at most {MAX_NUMBER:,} either side of 0")
    return Token("int", digits, start, value=int(digits))


def _string(text: str, start: int) -> Token:
    quote = text[start]
    chars: list[str] = []
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == quote:
            if len(chars) > MAX_TEXT_LENGTH:
                return _bad(
                    text[start : index + 1],
                    start,
                    f"quoted text too long ({len(chars)} characters)",
                    f"quoted text may be at most {MAX_TEXT_LENGTH} characters",
                )
            return Token("str", text[start : index + 1], start, value="".join(chars))
        if char == "\\" and index + 1 < len(text) and text[index + 1] in ("'", '"', "\\"):
            chars.append(text[index + 1])
            index += 2
            continue
        if not char.isprintable() and char != " ":
            return _bad(
                char,
                index,
                f"control character {describe_char(char)} inside quoted text",
                "quoted text holds printable characters only",
            )
        chars.append(char)
        index += 1
    return _bad(
        text[start:],
        start,
        "unterminated text: this quote is never closed",
        f"add the closing {quote} at the end of the text",
        length=1,
    )


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, ending with an `end` token; problems become `bad` tokens instead of raising."""
    tokens: list[Token] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in _SPACE:
            index += 1
            continue
        if char in _DIGITS:
            token = _number(text, index)
        elif char in _NAME_START:
            end = index + 1
            while end < length and text[end] in _NAME_CHARS:
                end += 1
            word = text[index:end]
            token = Token("keyword" if word in KEYWORDS else "name", word, index)
        elif char in ("'", '"'):
            token = _string(text, index)
            if token.kind == "bad" and token.end == length:
                tokens.append(token)  # an unterminated quote swallows the rest of the text
                break
        elif char in "(),":
            token = Token(char, char, index)  # type: ignore[arg-type]
        else:
            token = _operator_or_mistake(text, index)
        tokens.append(token)
        index = token.end
    tokens.append(Token("end", "", length))
    return tokens


def _operator_or_mistake(text: str, index: int) -> Token:
    for op in _OPERATORS:
        if text.startswith(op, index):
            # `<>` and `=<`/`=>` are mistakes even though they start like operators.
            if op == "<" and text.startswith("<>", index):
                break
            return Token("op", op, index)
    char = text[index]
    if char in _MISTAKE_STARTS:
        for written, (message, hint) in _MISTAKES.items():
            if text.startswith(written, index):
                return _bad(written, index, message, hint)
    if char.isalpha():
        return _bad(
            char,
            index,
            f"unexpected character {describe_char(char)}",
            "names use only the plain letters a-z, digits and '_'",
        )
    return _bad(
        char,
        index,
        f"unexpected character {describe_char(char)}",
        "conditions use names, whole numbers, quoted text, parentheses, and, or, not, "
        "== != < <= > >= + - and visited(scene_id)",
    )
