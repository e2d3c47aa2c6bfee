"""Reading story YAML safely, remembering where every value came from.

Stories are written by people and shared between people, so reading one must never run code, never hang and never
end in a traceback. This module drives PyYAML's event parser (the C one where present) and builds plain Python values
itself: no tags, no anchors or aliases (so no alias bombs), no duplicate keys, bounded nesting and sizes, strict
UTF-8, no tabs in indentation. Only `true`/`false` are booleans (no YAML 1.1 `yes`/`no` surprises).

Mappings and lists come back as `YMap` and `YList`, which remember the position of every key and item, so the
loader can point at the exact line and column of anything it finds wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml

try:  # the C parser is several times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from game.problems import Problem

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 48
MAX_SCALAR_CHARS = 20_000
MAX_INT_DIGITS = 12

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


class Pos(NamedTuple):
    """A 1-based line and column; `quoted` tells whether the scalar there was written in quotes."""

    line: int
    column: int
    quoted: bool = False


class YMap(dict):
    """A mapping that remembers where it, each key and each value stand in the file."""

    __slots__ = ("key_pos", "pos", "value_pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}

    def where(self, key: str) -> Pos:
        """The position of a key's value (or of the mapping itself when the key is absent)."""
        return self.value_pos.get(key, self.pos)


class YList(list):
    """A list that remembers where it and each item stand in the file."""

    __slots__ = ("item_pos", "pos")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


@dataclass(slots=True)
class SourceFile:
    """One YAML file as read: its value (None when unreadable) and the problems found reading it."""

    path: Path
    display: str
    value: object
    problems: list[Problem]


class _Complex:
    """Stands in for a key that was a mapping or a list, so its value can be read past and dropped."""


_ERROR_HINTS = (
    ("found character '\\t'", "YAML does not allow tabs for indentation: indent with spaces"),
    (
        "mapping values are not allowed",
        "text containing ': ' needs quotes: put the whole text in double quotes",
    ),
    (
        "could not find expected ':'",
        "each line of a mapping is 'key: value'; check the line above for a missing colon",
    ),
    (
        "found unexpected end of stream",
        "a quote or bracket is not closed: close it, or put the text in double quotes",
    ),
    ("found undefined tag handle", "tags (!something) are not allowed in stories: remove it"),
    ("did not find expected key", "check the indentation: items of one mapping must line up"),
    ("expected <block end>", "check the indentation: items of one mapping or list must line up"),
    ("did not find expected '-' indicator", "items of a list each start with '- ' at the same indentation"),
    (
        "found unknown escape character",
        "inside double quotes a backslash starts an escape; write \\\\ or use single quotes",
    ),
)


def _hint_for(message: str) -> str:
    for needle, hint in _ERROR_HINTS:
        if needle in message:
            return hint
    return "check the YAML syntax around this position"


def read_yaml(path: Path, display: str) -> SourceFile:
    """Read one story file. Never raises for bad content: problems are returned with positions."""
    problems: list[Problem] = []

    def problem(line: int, column: int, message: str, hint: str = "") -> None:
        problems.append(Problem(display, line, column, message, hint))

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problem(
                1,
                1,
                f"file is too large ({size / 1_048_576:.1f} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB)",
                "split the story into several scene files",
            )
            return SourceFile(path, display, None, problems)
        data = path.read_bytes()
    except OSError as error:
        problem(1, 1, f"cannot read the file: {error.strerror or error}", "check the file exists and is readable")
        return SourceFile(path, display, None, problems)
    text = decode_text(data, problem)
    if text is None:
        return SourceFile(path, display, None, problems)
    return SourceFile(path, display, parse_text(text, problem), problems)


def decode_text(data: bytes, problem) -> str | None:
    """Strict UTF-8 (a leading byte-order mark is allowed); a bad byte is reported where it stands."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line, column = _line_col_of_byte(data, offset)
        problem(
            line,
            column,
            "the file contains a NUL byte: it looks like a binary file, not YAML text",
            "story files are UTF-8 text; check this is the right file",
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col_of_byte(data, error.start)
        problem(
            line,
            column,
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            "save the file as UTF-8 in your editor",
        )
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _line_col_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _check_indentation(text: str, problem) -> bool:
    """Tabs in indentation confuse every YAML reader differently; find them first and say where."""
    ok = True
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            problem(
                number,
                len(line) - len(stripped) + 1,
                "a tab is used for indentation",
                "YAML does not allow tabs for indentation: indent with spaces",
            )
            ok = False
        elif len(line) - len(stripped) > 4 * MAX_DEPTH:
            problem(number, 1, "the line is indented too deeply", "stories never need this much nesting")
            ok = False
    return ok


def parse_text(text: str, problem) -> object:
    """Build positioned values from YAML text, reporting problems through `problem(line, column, msg, hint)`."""
    if not _check_indentation(text, problem):
        return None
    builder = _Builder(problem)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if builder.feed(event):
                break
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = (error.problem or error.context or "YAML syntax error").strip()
        problem(line, column, f"YAML syntax error: {message}", _hint_for(message))
        return None
    except yaml.reader.ReaderError as error:  # a character YAML forbids
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        problem(
            line,
            column,
            f"the character {error.character!r} is not allowed in YAML text",
            "remove control characters from the file",
        )
        return None
    except yaml.YAMLError as error:
        problem(1, 1, f"YAML error: {error}", "check the YAML syntax of the file")
        return None
    except RecursionError:
        problem(1, 1, "the YAML is nested too deeply", "stories never need this much nesting")
        return None
    return builder.result


class _Builder:
    """Turns parser events into YMap/YList/scalars with an explicit stack (so depth never recurses)."""

    __slots__ = ("depth", "documents", "problem", "result", "stack")

    def __init__(self, problem) -> None:
        self.problem = problem
        self.stack: list[list] = []  # frames: [container, pending_key, pending_key_pos]
        self.result: object = None
        self.documents = 0
        self.depth = 0

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; True means stop reading (a fatal problem was reported)."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._scalar(event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            pos = self._pos(event)
            self._check_anchor_and_tag(event, pos)
            self.depth += 1
            if self.depth > MAX_DEPTH:
                self.problem(
                    pos.line,
                    pos.column,
                    f"the YAML is nested more than {MAX_DEPTH} levels deep",
                    "stories never need this much nesting",
                )
                return True
            container = YMap(pos) if kind is yaml.MappingStartEvent else YList(pos)
            self.stack.append([container, None, None])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.depth -= 1
            container = self.stack.pop()[0]
            self._add(container, container.pos)
        elif kind is yaml.AliasEvent:
            pos = self._pos(event)
            self.problem(
                pos.line,
                pos.column,
                f"aliases (*{event.anchor}) are not allowed in stories",
                "write the value out again instead of referring to an anchor",
            )
            self._add(None, pos)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                pos = self._pos(event)
                self.problem(
                    pos.line,
                    pos.column,
                    "a story file holds one YAML document, but this is a second",
                    "remove the '---' line, or move this part into a file of its own",
                )
                return True
        return False

    @staticmethod
    def _pos(event: yaml.Event, quoted: bool = False) -> Pos:
        mark = event.start_mark
        return Pos(mark.line + 1, mark.column + 1, quoted)

    def _check_anchor_and_tag(self, event, pos: Pos) -> None:
        if event.anchor is not None:
            self.problem(
                pos.line,
                pos.column,
                f"anchors (&{event.anchor}) are not allowed in stories",
                "write the value out in full where it is needed",
            )
        tag = event.tag
        implicit = getattr(event, "implicit", True)
        if isinstance(implicit, tuple):  # scalars: (plain, quoted)
            implicit = implicit[0] or implicit[1]
        if tag is not None and tag != "!" and not implicit:
            self.problem(
                pos.line,
                pos.column,
                f"tags ({tag}) are not allowed in stories",
                "remove the tag: stories hold only text, numbers, true/false, lists and mappings",
            )

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        quoted = event.style is not None and event.style != ""
        pos = self._pos(event, quoted)
        if event.anchor is not None or (event.tag is not None and event.tag != "!"):
            self._check_anchor_and_tag(event, pos)
        text = event.value
        if len(text) > MAX_SCALAR_CHARS:
            self.problem(
                pos.line,
                pos.column,
                f"this text is {len(text)} characters long; the limit is {MAX_SCALAR_CHARS}",
                "split it into several lines",
            )
            self._add(None, pos)
            return
        self._add(text if quoted else self._resolve_plain(text, pos), pos)

    def _resolve_plain(self, text: str, pos: Pos) -> object:
        if text in _NULLS:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        first = text[0]
        if first.isdigit() or first in "+-.":
            if _INT.match(text):
                if len(text.lstrip("+-")) > MAX_INT_DIGITS:
                    self.problem(
                        pos.line,
                        pos.column,
                        f"the number {text[:20]}... is too large",
                        "stories use small whole numbers",
                    )
                    return None
                return int(text)
            if _FLOAT.match(text):
                return float(text)
        return text

    def _add(self, value: object, pos: Pos) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if type(container) is YList:
            container.append(value)
            container.item_pos.append(pos)
            return
        key = frame[1]
        if key is None:  # this value is a key
            if isinstance(value, (YMap, YList)):
                self.problem(
                    pos.line,
                    pos.column,
                    "a key must be a plain name, not a list or mapping",
                    "write 'name: value'",
                )
                frame[1] = _Complex()
            elif value is None:
                self.problem(pos.line, pos.column, "a key is empty", "write a name before the colon")
                frame[1] = _Complex()
            else:
                frame[1] = value if isinstance(value, str) else _key_text(value)
            frame[2] = pos
            return
        frame[1] = None
        if isinstance(key, _Complex):
            return
        if key in container:
            first = container.key_pos[key]
            key_pos = frame[2]
            self.problem(
                key_pos.line,
                key_pos.column,
                f"duplicate key '{key}' (first given at line {first.line})",
                "each key may appear once in a mapping: remove or rename one of them",
            )
            return
        container[key] = value
        container.key_pos[key] = frame[2]
        container.value_pos[key] = pos


def _key_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)
