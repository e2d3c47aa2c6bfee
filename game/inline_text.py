"""Text that changes with play: values, conditions and variety inside a line, read once and rendered at play time.

Inside any line or choice text, braces hold something that is worked out when the text is shown:

- `{days}` shows a value: a variable, or any number expression (`{trust + 1}`, `{visited(cafe)}`); an enum shows the
  label the manifest gives its value (`labels:`), else the value itself; a bool shows `true` or `false`;
- `{cond: text if true|text if false}` picks a text by a condition (the `|` half may be left out; spaces right
  after the ':' are not part of the text);
- `{a|b|c}` (stopping), `{&a|b|c}` (cycle), `{!a|b|c}` (once-only) and `{~a|b|c}` (shuffle) are ink's variety
  texts: which option shows depends on how often this very place was shown before (see `Variety`).

The texts inside may hold braces of their own, to a depth of `MAX_DEPTH`. Outside every brace `{{` is a literal
`{` and `}}` a literal `}`; inside braces there is no literal brace. Nothing here runs code: conditions and values
are the story's own checked expression language, compiled by the caller (`Compile`).

Parsing raises `InlineTextError` with the 0-based offset of the problem in the text, so the loader can point at
the exact column. Rendering needs the variables, the visit counts, and for variety texts a `VarietyCounter`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Literal

from game.expressions import CompiledExpr, ExpressionError

MAX_DEPTH = 8  # braces inside braces
MAX_PARTS = 2000  # pieces in one text, all levels together
MAX_OPTIONS = 100  # options of one variety text

VarietyKind = Literal["stopping", "cycle", "once", "shuffle"]
_VARIETY_MARKS: dict[str, VarietyKind] = {"&": "cycle", "!": "once", "~": "shuffle"}
VARIETY_MARK: dict[VarietyKind, str] = {"stopping": "", "cycle": "&", "once": "!", "shuffle": "~"}

# compile(expression text, offset of that text in the line, wanted type) -> the checked expression
Compile = Callable[[str, int, str], CompiledExpr]


class InlineTextError(ValueError):
    """Text whose braces cannot be read; `offset` is where in the text the problem is."""

    def __init__(self, message: str, offset: int, hint: str = "") -> None:
        super().__init__(message, offset, hint)
        self.message = message
        self.offset = offset
        self.hint = hint


@dataclass(frozen=True, slots=True)
class Shown:
    """`{expression}`: a value shown in the text."""

    expression: CompiledExpr
    labels: tuple[tuple[str, str], ...] = ()  # for an enum: value -> label, where the manifest gives one


@dataclass(frozen=True, slots=True)
class Pick:
    """`{condition: then|otherwise}`."""

    condition: CompiledExpr
    then: Parts
    otherwise: Parts


@dataclass(frozen=True, slots=True)
class Variety:
    """One of ink's variety texts. `slot` numbers it within its text, so each place keeps its own count.

    With `n` options and `count` earlier showings: stopping shows option `min(count, n - 1)`, cycle `count % n`,
    once-only option `count` and then nothing, shuffle an option drawn at random (repeatably, from the
    playthrough's seed, this place and the count).
    """

    kind: VarietyKind
    options: tuple[Parts, ...]
    slot: int


Part = str | Shown | Pick | Variety
Parts = tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class InlineText:
    """A text with braces, read: its parts, and whether it changes with play at all."""

    source: str
    parts: Parts
    dynamic: bool  # False when the braces were only escapes: `plain` is then the whole text
    variety_slots: int

    @property
    def plain(self) -> str:
        """The text with every piece worked out left empty; the text itself when nothing is dynamic."""
        return "".join(part for part in self.parts if isinstance(part, str))


class VarietyCounter:
    """How often each variety place was shown in a playthrough, and the seed its shuffles draw from.

    Keys are `"<owner>#<slot>"`, where the owner is a line's beat id or a choice's id: stable across edits of other
    beats, so a save keeps its counts.
    """

    __slots__ = ("counts", "seed")

    def __init__(self, seed: int, counts: MutableMapping[str, int] | None = None) -> None:
        self.seed = seed
        self.counts: MutableMapping[str, int] = counts if counts is not None else {}

    def take(self, key: str) -> int:
        """The number of earlier showings of this place, counting this one for next time."""
        count = self.counts.get(key, 0)
        self.counts[key] = count + 1
        return count

    def draw(self, key: str, count: int, options: int) -> int:
        return random.Random(f"{self.seed}:{key}:{count}").randrange(options)


def inline_expressions(parts: Parts) -> Iterator[CompiledExpr]:
    """Every expression inside a text's braces, at any depth (what showing the text reads)."""
    for part in parts:
        if isinstance(part, Shown):
            yield part.expression
        elif isinstance(part, Pick):
            yield part.condition
            yield from inline_expressions(part.then)
            yield from inline_expressions(part.otherwise)
        elif isinstance(part, Variety):
            for option in part.options:
                yield from inline_expressions(option)


# -- reading ---------------------------------------------------------------------------------------------------------


def has_braces(text: str) -> bool:
    return "{" in text or "}" in text


def parse_inline(text: str, compile_expression: Compile, labels: Mapping[str, Mapping[str, str]]) -> InlineText:
    """Read a text's braces; raises `InlineTextError` for braces that cannot be read, with its offset."""
    reader = _Reader(text, compile_expression, labels)
    parts, end, stop = reader.sequence(0, 0, ())
    assert stop == "" and end == len(text)
    dynamic = any(not isinstance(part, str) for part in parts)
    return InlineText(text, parts, dynamic, reader.slots)


class _Reader:
    def __init__(self, text: str, compile_expression: Compile, labels: Mapping[str, Mapping[str, str]]) -> None:
        self.text = text
        self.compile = compile_expression
        self.labels = labels
        self.slots = 0
        self.parts = 0

    def count(self, offset: int) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise InlineTextError(
                f"this text has more than {MAX_PARTS} pieces in braces", offset, "split it into several lines"
            )

    def sequence(self, index: int, depth: int, stops: tuple[str, ...]) -> tuple[Parts, int, str]:
        """Literal text and blocks from `index` up to one of `stops` at this level (or the end, at the top).

        Returns the parts, the index of the stop character (or the end) and that character ("" at the end).
        """
        text = self.text
        parts: list[Part] = []
        literal: list[str] = []
        start = index
        while index < len(text):
            char = text[index]
            if char in stops:
                break
            if char == "{":
                if depth == 0 and text.startswith("{{", index):
                    literal.append("{")
                    index += 2
                    continue
                if literal:
                    parts.append("".join(literal))
                    literal = []
                block, index = self.block(index, depth + 1)
                parts.append(block)
                continue
            if char == "}":
                if depth == 0 and text.startswith("}}", index):
                    literal.append("}")
                    index += 2
                    continue
                raise InlineTextError("a '}' with no '{' before it", index, "write '}}' for a brace in the text itself")
            literal.append(char)
            index += 1
        else:
            if depth > 0:
                opened = self.text.rfind("{", 0, start)
                raise InlineTextError(
                    "a '{' is never closed", max(opened, 0), "end it with '}' (write '{{' for a brace in the text)"
                )
            if literal:
                parts.append("".join(literal))
            return tuple(parts), index, ""
        if literal:
            parts.append("".join(literal))
        return tuple(parts), index, text[index]

    def block(self, opened: int, depth: int) -> tuple[Part, int]:
        """The block whose '{' is at `opened`; returns it and the index just past its '}'."""
        if depth > MAX_DEPTH:
            raise InlineTextError(
                f"braces are nested more than {MAX_DEPTH} deep", opened, "split the text, or use 'if' beats"
            )
        self.count(opened)
        text = self.text
        index = opened + 1
        mark = text[index] if index < len(text) else ""
        if mark in _VARIETY_MARKS:
            return self.variety(_VARIETY_MARKS[mark], index + 1, depth, opened)
        stop = self.first_stop(index)
        if stop == -1:
            raise InlineTextError(
                "a '{' is never closed", opened, "end it with '}' (write '{{' for a brace in the text)"
            )
        char = text[stop]
        if char == "|":
            return self.variety("stopping", index, depth, opened)
        if char == ":":
            condition = self.expression(index, stop, "bool", "a condition before ':'")
            start = stop + 1
            while text.startswith(" ", start):  # `{brave: Bold.|Careful.}`: the spaces after ':' are not text
                start += 1
            then, end, found = self.sequence(start, depth, ("|", "}"))
            otherwise: Parts = ()
            if found == "|":
                otherwise, end, found = self.sequence(end + 1, depth, ("|", "}"))
                if found == "|":
                    raise InlineTextError(
                        "a condition picks between two texts, but this one has three or more",
                        end,
                        "write {condition: text if true|text if false}; for variety texts leave out the condition",
                    )
            return Pick(condition, then, otherwise), end + 1
        if "{" in text[index:stop]:
            inner = text.index("{", index)
            raise InlineTextError(
                "a value in braces cannot hold braces", inner, "write {variable}, or {condition: text|text}"
            )
        expression = self.expression(index, stop, "any", "a value in braces")
        return Shown(expression, self.enum_labels(expression)), stop + 1

    def first_stop(self, index: int) -> int:
        """Where this block's head ends: the first ':', '|' or '}' outside nested braces; -1 if never closed."""
        text = self.text
        nested = 0
        while index < len(text):
            char = text[index]
            if char == "{":
                nested += 1
            elif char == "}":
                if nested == 0:
                    return index
                nested -= 1
            elif nested == 0 and char in ":|":
                return index
            index += 1
        return -1

    def variety(self, kind: VarietyKind, index: int, depth: int, opened: int) -> tuple[Variety, int]:
        options: list[Parts] = []
        slot = self.slots
        self.slots += 1
        while True:
            option, end, found = self.sequence(index, depth, ("|", "}"))
            options.append(option)
            if len(options) > MAX_OPTIONS:
                raise InlineTextError(
                    f"a variety text has more than {MAX_OPTIONS} options", opened, "keep fewer options"
                )
            if found == "}":
                return Variety(kind, tuple(options), slot), end + 1
            index = end + 1

    def expression(self, start: int, end: int, want: str, what: str) -> CompiledExpr:
        source = self.text[start:end]
        stripped = source.strip()
        if not stripped:
            raise InlineTextError(
                f"{what} is empty",
                start,
                "write {variable} to show a value, or {condition: text|text}; '{{' writes a brace",
            )
        lead = len(source) - len(source.lstrip())
        try:
            return self.compile(stripped, start + lead, want)
        except ExpressionError as error:
            raise InlineTextError(error.message, start + lead + error.offset, error.hint) from None

    def enum_labels(self, expression: CompiledExpr) -> tuple[tuple[str, str], ...]:
        if expression.type != "str":
            return ()
        names = sorted(expression.reads)
        if len(names) != 1:
            return ()
        return tuple(self.labels.get(names[0], {}).items())


# -- showing ---------------------------------------------------------------------------------------------------------


def show_value(value: object, labels: tuple[tuple[str, str], ...] = ()) -> str:
    """How a value reads in text: numbers as digits, true/false, an enum value by its label."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        for key, label in labels:
            if key == value:
                return label
    return str(value)


def render(
    parts: Parts,
    variables: Mapping[str, object],
    visits: Mapping[str, int],
    variety: VarietyCounter | None,
    owner: str,
) -> str:
    """The text as shown now. Variety places count a showing each (none when `variety` is None: the first option)."""
    out: list[str] = []
    stack: list[Part] = list(reversed(parts))
    while stack:
        part = stack.pop()
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Shown):
            out.append(show_value(part.expression.fn(variables, visits), part.labels))
        elif isinstance(part, Pick):
            chosen = part.then if part.condition.fn(variables, visits) else part.otherwise
            stack.extend(reversed(chosen))
        else:
            option = _variety_option(part, variety, owner)
            if option is not None:
                stack.extend(reversed(part.options[option]))
    return "".join(out)


def _variety_option(part: Variety, counter: VarietyCounter | None, owner: str) -> int | None:
    count = 0
    key = f"{owner}#{part.slot}"
    if counter is not None:
        count = counter.take(key)
    n = len(part.options)
    if part.kind == "stopping":
        return min(count, n - 1)
    if part.kind == "cycle":
        return count % n
    if part.kind == "once":
        return count if count < n else None
    if counter is None:
        return 0
    return counter.draw(key, count, n)


def walk_parts(parts: Parts):
    """Every part, nested ones too, parents first."""
    stack: list[Part] = list(reversed(parts))
    while stack:
        part = stack.pop()
        yield part
        if isinstance(part, Pick):
            stack.extend(reversed(part.otherwise))
            stack.extend(reversed(part.then))
        elif isinstance(part, Variety):
            for option in reversed(part.options):
                stack.extend(reversed(option))


def widest_value(part: Shown) -> str:
    """The widest text a value can show: its longest bound, label or value; five digits for a sum."""
    expression = part.expression
    tree = expression.tree
    var_type = getattr(tree, "var_type", None)
    if expression.type == "bool":
        return "false"
    if var_type is not None and var_type.kind == "enum":
        labels = dict(part.labels)
        return max((labels.get(value, value) for value in var_type.values), key=len)
    if var_type is not None and var_type.minimum is not None and var_type.maximum is not None:
        return max(str(var_type.minimum), str(var_type.maximum), key=len)
    return "00000"


def expressions_in(parts: Parts):
    """Every value and condition the parts work out, nested ones too."""
    for part in walk_parts(parts):
        if isinstance(part, Shown):
            yield part.expression
        elif isinstance(part, Pick):
            yield part.condition


def longest(parts: Parts, widest_value: Callable[[Shown], str] = widest_value) -> str:
    """The longest text these parts can show (each pick and variety at its longest option), for fit checks."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Shown):
            out.append(widest_value(part))
        elif isinstance(part, Pick):
            out.append(max(longest(part.then, widest_value), longest(part.otherwise, widest_value), key=len))
        else:
            out.append(max((longest(option, widest_value) for option in part.options), key=len))
    return "".join(out)


def word_count(parts: Parts, count_words: Callable[[str], int]) -> int:
    """Words a reader meets in one showing: literal words, one per value, the longer way of each pick or variety."""
    total = 0
    for part in parts:
        if isinstance(part, str):
            total += count_words(part)
        elif isinstance(part, Shown):
            total += 1
        elif isinstance(part, Pick):
            total += max(word_count(part.then, count_words), word_count(part.otherwise, count_words))
        else:
            total += max(word_count(option, count_words) for option in part.options)
    return total
