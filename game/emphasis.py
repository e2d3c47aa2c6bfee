"""Emphasis inside a line: `*italic*`, `**bold**` and `***both***`, read into plain text and styled spans.

Every consumer of a line's text sees the plain text (the markers gone): playthrough files match it, speech reads
it, stats count its words, the linter measures it. Only the front ends that can show styles read the spans: the
game's dialogue box and backlog set those letters in italic or bold type, and the text player uses the terminal's
italic and bold when it writes to a terminal.

The rules, close to Markdown's: a run of one, two or three asterisks opens emphasis when the next character is not
a space, and closes it when the character before is not a space and an opening run of the same length is still
open; a run that finds no partner is shown as it is written, so `5 * 3`, a lone `*` or an unclosed `*aside` stay
the text they were. `\\*` is always a literal asterisk (in a double-quoted YAML string, write `\\\\*`). Emphasis
never spans lines of text: a newline closes nothing and the markers around it are literal.
"""

from __future__ import annotations

from dataclasses import dataclass

ITALIC = 1
BOLD = 2
_KINDS = {1: ITALIC, 2: BOLD, 3: ITALIC | BOLD}

Span = tuple[int, int, int]  # (start, end, ITALIC | BOLD flags) over the plain text


@dataclass(frozen=True, slots=True)
class Emphasised:
    """A text read: `text` without markers, `spans` its styled stretches in order, `unmatched` the offsets in the
    written text of asterisk runs that found no partner (shown literally; the linter points at them)."""

    text: str
    spans: tuple[Span, ...]
    unmatched: tuple[int, ...] = ()


def has_markers(text: str) -> bool:
    return "*" in text


def read_emphasis(text: str) -> Emphasised:
    """Split `text` into plain text and styled spans (see the module's rules)."""
    if "*" not in text:
        return Emphasised(text, ())
    # Tokens: literal text, or an asterisk run (offset in `text`, length, can open, can close).
    tokens: list[str | list] = []
    index, size = 0, len(text)
    buffer: list[str] = []
    while index < size:
        char = text[index]
        if char == "\\" and index + 1 < size and text[index + 1] == "*":
            buffer.append("*")
            index += 2
            continue
        if char != "*":
            buffer.append(char)
            index += 1
            continue
        end = index
        while end < size and text[end] == "*":
            end += 1
        length = end - index
        before = text[index - 1] if index > 0 else " "
        after = text[end] if end < size else " "
        if buffer:
            tokens.append("".join(buffer))
            buffer = []
        opens = length <= 3 and not after.isspace()
        closes = length <= 3 and not before.isspace()
        tokens.append([index, length, opens, closes, False])  # the last: matched
        index = end
    if buffer:
        tokens.append("".join(buffer))
    # Match runs of equal length, innermost first; a newline between them forbids the pair. The stack holds open
    # runs; `open_of[length]` the places in it of those of each length (each entry is pushed and dropped once, so a
    # line of any number of asterisks is read in linear time).
    stack: list[int] = []
    open_of: dict[int, list[int]] = {1: [], 2: [], 3: []}
    pairs: dict[int, int] = {}  # opener -> closer
    openers: dict[int, int] = {}  # closer -> opener
    for position, token in enumerate(tokens):
        if isinstance(token, str):
            if "\n" in token:
                stack.clear()
                for open_places in open_of.values():
                    open_places.clear()
            continue
        _, length, opens, closes, _ = token
        places = open_of.get(length)
        if closes and places:
            depth = places[-1]
            opener = stack[depth]
            del stack[depth:]
            for others in open_of.values():
                while others and others[-1] >= depth:
                    others.pop()
            pairs[opener] = position
            openers[position] = opener
            tokens[opener][4] = token[4] = True  # type: ignore[index]
        elif opens and places is not None:
            places.append(len(stack))
            stack.append(position)
    # The plain text, and the style of each of its characters.
    plain: list[str] = []
    flags: list[int] = []
    active: dict[int, int] = {}  # opener position -> its flags, while open
    unmatched: list[int] = []
    for position, token in enumerate(tokens):
        current = 0
        for value in active.values():
            current |= value
        if isinstance(token, str):
            plain.append(token)
            flags.extend([current] * len(token))
            continue
        offset, length, opens, closes, matched = token
        if not matched:
            if opens or closes:  # a run between spaces (`5 * 3`) is plainly meant as itself
                unmatched.append(offset)
            plain.append("*" * length)
            flags.extend([current] * length)
        elif position in pairs:
            active[position] = _KINDS[length]
        else:
            active.pop(openers[position], None)
    result = "".join(plain)
    spans: list[Span] = []
    start = 0
    for index in range(1, len(flags) + 1):
        if index == len(flags) or flags[index] != flags[start]:
            if flags and flags[start]:
                spans.append((start, index, flags[start]))
            start = index
    return Emphasised(result, tuple(spans), tuple(unmatched))


def plain_text(text: str) -> str:
    """The text without its emphasis markers."""
    return read_emphasis(text).text if "*" in text else text


def style_at(spans: tuple[Span, ...], length: int) -> list[int]:
    """The flags of each of `length` characters."""
    flags = [0] * length
    for start, end, value in spans:
        for index in range(max(0, start), min(end, length)):
            flags[index] = value
    return flags


def shift(spans: tuple[Span, ...], by: int) -> tuple[Span, ...]:
    return tuple((start + by, end + by, value) for start, end, value in spans)
