"""Reading story YAML safely, remembering where every value came from.

Stories are written by people and shared between people, so reading one must never run code, never hang and never
end in a traceback. This module drives PyYAML's event parser (the C one where present) and builds plain Python values
itself: no tags, no anchors or aliases (so no alias bombs), no duplicate keys, bounded nesting and sizes, strict
UTF-8, no tabs in indentation, no control characters in text however they are written (a raw byte, or a YAML escape
such as "\\e" in double quotes: either would act on a terminal that shows it). Only `true`/`false` are booleans (no
YAML 1.1 `yes`/`no` surprises). Only regular files are read: a FIFO or a device is named, never opened for reading.

Mappings and lists come back as `YMap` and `YList`, which remember the position of every key and item, so the
loader can point at the exact line and column of anything it finds wrong.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml

try:  # the C parser is several times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from game.problems import Problem
from game.terminal_text import describe_control, escape_char, find_control

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 48
MAX_SCALAR_CHARS = 20_000
MAX_INT_DIGITS = 12
_TOO_DEEP = " " * (4 * MAX_DEPTH + 1)  # an indentation deeper than any story needs

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


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words: 'a folder', 'a FIFO (a named pipe)', ..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (a named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_yaml(path: Path, display: str) -> SourceFile:
    """Read one story file. Never raises for bad content: problems are returned with positions."""
    return parse_file_bytes(path, display, None)


def read_file_bytes(path: Path) -> bytes | None:
    """The bytes of a story file when it is a readable regular file within the size limit, else None (then
    `read_yaml` says what is wrong)."""
    try:
        return _read_regular_file(path)
    except (_NotAFile, _TooLarge, OSError):
        return None


def parse_file_bytes(path: Path, display: str, data: bytes | None) -> SourceFile:
    """`read_yaml`, with the file's bytes already read (`data`), or read here when None."""
    problems: list[Problem] = []

    def problem(line: int, column: int, message: str, hint: str = "") -> None:
        problems.append(Problem(display, line, column, message, hint))

    try:
        if data is None:
            data = _read_regular_file(path)
        elif len(data) > MAX_FILE_BYTES:  # bytes given by the caller (an editor's unsaved buffer) are held to it too
            raise _TooLarge(len(data))
    except _NotAFile as error:
        problem(1, 1, f"this is {error.kind}, not a file", "story files are ordinary text files")
        return SourceFile(path, display, None, problems)
    except _TooLarge as error:
        problem(
            1,
            1,
            f"file is too large ({error.size / 1_048_576:.1f} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB)",
            "split the story into several scene files",
        )
        return SourceFile(path, display, None, problems)
    except OSError as error:
        problem(1, 1, f"cannot read the file: {error.strerror or error}", "check the file exists and is readable")
        return SourceFile(path, display, None, problems)
    text = decode_text(data, problem)
    if text is None:
        return SourceFile(path, display, None, problems)
    return SourceFile(path, display, parse_text(text, problem), problems)


class _NotAFile(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; anything else raises before a byte is read.

    The file is opened without blocking, so a FIFO is found out at once instead of waiting for a writer.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(descriptor, "rb", closefd=True) as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise _NotAFile(file_kind(info.st_mode))
        if info.st_size > MAX_FILE_BYTES:
            raise _TooLarge(info.st_size)
        data = handle.read(info.st_size + 1)  # read(n) makes room for n bytes first: never ask for more than is there
        if len(data) > info.st_size:  # it grew since (or it is a file whose size the system does not know)
            data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    if len(data) > MAX_FILE_BYTES:
        raise _TooLarge(len(data))
    return data


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
    if "\t" not in text and _TOO_DEEP not in text:  # the usual case, found by two fast substring searches
        return True
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


def _flow_nesting_overflow(text: str) -> tuple[int, int] | None:
    """Where `[` and `{` first open more than MAX_DEPTH deep, outside quotes and comments, or None.

    Used only after the parser has refused a file, so that a file nested too deeply gets our own message whatever
    limit (and wording) the installed libyaml has; a rough scan is enough because it never refuses anything alone.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth, quote, line, line_start = 0, "", 1, 0
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            line, line_start = line + 1, index + 1
        elif quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \n"):
            newline = text.find("\n", index)
            index = length if newline < 0 else newline
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, index - line_start + 1
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def parse_text(text: str, problem) -> object:
    """Build positioned values from YAML text, reporting problems through `problem(line, column, msg, hint)`."""
    if not _check_indentation(text, problem):
        return None
    try:
        return _build(_Loader(text).get_event, problem, text if "\\" in text else None)
    except yaml.MarkedYAMLError as error:
        too_deep = _flow_nesting_overflow(text)
        if too_deep is not None:  # libyaml has nesting limits of its own, worded differently in each version
            problem(
                *too_deep,
                f"the YAML is nested more than {MAX_DEPTH} levels deep",
                "stories never need this much nesting",
            )
            return None
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = (error.problem or error.context or "YAML syntax error").strip()
        problem(line, column, f"YAML syntax error: {message}", _hint_for(message))
        return None
    except yaml.reader.ReaderError as error:  # a character YAML forbids
        before = text[: error.position]
        line = before.count("\n") + 1
        column = error.position - (before.rfind("\n") + 1) + 1
        character = error.character if isinstance(error.character, str) else chr(error.character)
        problem(
            line,
            column,
            f"the character {escape_char(character)} is not allowed in YAML text",
            "remove control characters from the file",
        )
        return None
    except yaml.YAMLError as error:
        problem(1, 1, f"YAML error: {error}", "check the YAML syntax of the file")
        return None
    except RecursionError:
        problem(1, 1, "the YAML is nested too deeply", "stories never need this much nesting")
        return None


_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent = yaml.MappingStartEvent
_MappingEndEvent = yaml.MappingEndEvent
_SequenceStartEvent = yaml.SequenceStartEvent
_SequenceEndEvent = yaml.SequenceEndEvent
_AliasEvent = yaml.AliasEvent
_DocumentStartEvent = yaml.DocumentStartEvent
_new_tuple = tuple.__new__  # Pos(line, column, quoted) without the Python-level NamedTuple constructor
_new_dict = dict.__new__
_new_list = list.__new__


def _build(get_event, problem, escaped_text: str | None = None) -> object:
    """Turn parser events into YMap/YList/scalars with an explicit stack (so depth never recurses).

    `escaped_text` is the source when it holds a backslash, so double-quoted text may hold escapes that make control
    characters (`"\\e[31m"`); those are refused where the escape stands. Without a backslash, the reader has already
    refused every raw control character (and turned raw line breaks into line feeds), so nothing needs checking.

    This is the hot loop of story loading (about a hundred thousand events per thousand scenes), so it is written
    flat: one function, local names, the common events (a scalar, the start or end of a mapping or list) handled
    inline, and the rare ones (aliases, anchors, tags, second documents, keys that are not text) in helpers.
    """
    stack: list[list] = []  # frames: [container, pending_key, pending_key_pos]
    result: object = None
    depth = 0
    documents = 0
    nulls, trues, falses, int_match, float_match = _NULLS, _TRUE, _FALSE, _INT.match, _FLOAT.match
    frame: list | None = None  # stack[-1], or None at the top level
    while True:
        event = get_event()
        if event is None:
            return result
        kind = event.__class__
        if kind is _ScalarEvent:
            mark = event.start_mark
            style = event.style
            quoted = style is not None and style != ""
            pos = _new_tuple(Pos, (mark.line + 1, mark.column + 1, quoted))
            tag = event.tag
            if event.anchor is not None or (tag is not None and tag != "!"):
                _check_anchor_and_tag(event, pos, problem)
            value = event.value
            if escaped_text is not None and style == '"' and find_control(value) >= 0:
                _control_character(escaped_text, event, value, problem)
            if len(value) > MAX_SCALAR_CHARS:
                problem(
                    pos.line,
                    pos.column,
                    f"this text is {len(value)} characters long; the limit is {MAX_SCALAR_CHARS}",
                    "split it into several lines",
                )
                value = None
            elif not quoted:  # plain scalars: null, true/false, whole and decimal numbers, else text
                if value in nulls:
                    value = None
                elif value in trues:
                    value = True
                elif value in falses:
                    value = False
                else:
                    first = value[0]
                    if first.isdigit() or first in "+-.":
                        if int_match(value):
                            if len(value.lstrip("+-")) > MAX_INT_DIGITS:
                                problem(
                                    pos.line,
                                    pos.column,
                                    f"the number {value[:20]}... is too large",
                                    "stories use small whole numbers",
                                )
                                value = None
                            else:
                                value = int(value)
                        elif float_match(value):
                            value = float(value)
            if frame is None:
                result = value
                continue
            container = frame[0]
            if type(container) is YList:
                container.append(value)
                container.item_pos.append(pos)
                continue
            key = frame[1]
            if key is None:  # this scalar is a key
                if value is None:
                    problem(pos.line, pos.column, "a key is empty", "write a name before the colon")
                    frame[1] = _Complex()
                else:
                    frame[1] = value if type(value) is str else _key_text(value)
                frame[2] = pos
                continue
            frame[1] = None
            if type(key) is str:
                if key in container:
                    _duplicate(container, key, frame[2], problem)
                else:
                    container[key] = value
                    container.key_pos[key] = frame[2]
                    container.value_pos[key] = pos
            continue
        if kind is _MappingEndEvent or kind is _SequenceEndEvent:
            depth -= 1
            container = stack.pop()[0]
            frame = stack[-1] if stack else None
            _add(frame, container, container.pos, problem)
            if frame is None:
                result = container
            continue
        if kind is _MappingStartEvent or kind is _SequenceStartEvent:
            mark = event.start_mark
            pos = _new_tuple(Pos, (mark.line + 1, mark.column + 1, False))
            if event.anchor is not None or event.tag is not None:
                _check_anchor_and_tag(event, pos, problem)
            depth += 1
            if depth > MAX_DEPTH:
                problem(
                    pos.line,
                    pos.column,
                    f"the YAML is nested more than {MAX_DEPTH} levels deep",
                    "stories never need this much nesting",
                )
                return result
            if kind is _MappingStartEvent:
                container = _new_dict(YMap)
                container.key_pos = {}
                container.value_pos = {}
            else:
                container = _new_list(YList)
                container.item_pos = []
            container.pos = pos
            frame = [container, None, None]
            stack.append(frame)
            continue
        if kind is _AliasEvent:
            mark = event.start_mark
            pos = _new_tuple(Pos, (mark.line + 1, mark.column + 1, False))
            problem(
                pos.line,
                pos.column,
                f"aliases (*{event.anchor}) are not allowed in stories",
                "write the value out again instead of referring to an anchor",
            )
            _add(frame, None, pos, problem)
            if frame is None:
                result = None
            continue
        if kind is _DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                problem(
                    mark.line + 1,
                    mark.column + 1,
                    "a story file holds one YAML document, but this is a second",
                    "remove the '---' line, or move this part into a file of its own",
                )
                return result


_SIMPLE_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _control_character(text: str, event, value: str, problem) -> None:
    """Report the first control character in a double-quoted scalar, at the escape in the source that makes it."""
    start, end = event.start_mark, event.end_mark
    source = text[start.index : end.index]
    index = _escape_making_control(source)
    if index < 0:  # not made by an escape (cannot happen with a conforming reader): point at the text
        line, column = start.line + 1, start.column + 1
    else:
        line_start = source.rfind("\n", 0, index) + 1
        line = start.line + 1 + source.count("\n", 0, index)
        column = index - line_start + 1 if line_start else start.column + 1 + index
    char = value[find_control(value)]
    problem(
        line,
        column,
        f"the text holds the control character {describe_control(char)}",
        "story text may hold line breaks and tabs but no other control characters: remove it "
        "(it would act on the terminal instead of being shown)",
    )


def _escape_making_control(source: str) -> int:
    """Where in a double-quoted scalar's source the first escape that makes a control character starts, or -1."""
    index = source.find("\\")
    while index >= 0:
        code = source[index + 1 : index + 2]
        made = _SIMPLE_ESCAPES.get(code, "")
        width = _HEX_ESCAPES.get(code, 0)
        if width:
            try:
                made = chr(int(source[index + 2 : index + 2 + width], 16))
            except (ValueError, OverflowError):
                made = ""
        if made and find_control(made) >= 0:
            return index
        index = source.find("\\", index + 2 + width)
    return -1


def _check_anchor_and_tag(event, pos: Pos, problem) -> None:
    if event.anchor is not None:
        problem(
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
        problem(
            pos.line,
            pos.column,
            f"tags ({tag}) are not allowed in stories",
            "remove the tag: stories hold only text, numbers, true/false, lists and mappings",
        )


def _duplicate(container: YMap, key: str, key_pos: Pos, problem) -> None:
    first = container.key_pos[key]
    problem(
        key_pos.line,
        key_pos.column,
        f"duplicate key '{key}' (first given at line {first.line})",
        "each key may appear once in a mapping: remove or rename one of them",
    )


def _add(frame: list | None, value: object, pos: Pos, problem) -> None:
    """Put a finished mapping or list (or the None of an alias) into its parent frame (None: the top level)."""
    if frame is None:
        return
    container = frame[0]
    if type(container) is YList:
        container.append(value)
        container.item_pos.append(pos)
        return
    key = frame[1]
    if key is None:  # this value is a key
        if isinstance(value, (YMap, YList)):
            problem(pos.line, pos.column, "a key must be a plain name, not a list or mapping", "write 'name: value'")
        else:
            problem(pos.line, pos.column, "a key is empty", "write a name before the colon")
        frame[1] = _Complex()
        frame[2] = pos
        return
    frame[1] = None
    if isinstance(key, _Complex):
        return
    if key in container:
        _duplicate(container, key, frame[2], problem)
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
