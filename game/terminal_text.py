"""Characters from a story that must never reach a terminal as they are, and how to show them instead.

A story, a file name or a save is written by someone else, and whatever of it we print lands in the author's or
player's terminal. Control characters there are commands (ESC starts sequences that retitle the window, recolour or
clear the screen; CR overwrites a line), and bidi and invisible format characters make text read differently from
what it is (U+202E turns the rest of a line around). Two questions, answered once for everyone:

- `find_control` finds a control character: story text may not hold one (tab and line break excepted), so the
  loader refuses it.
- `escape_for_terminal` writes every control, bidi and invisible format character as a visible escape (`\\x1b`,
  `\\u202e`), so that a message quoting a bad id or file name shows it for what it is; `escape_lines` does the same
  to a report of several lines, and `json_for_terminal` to JSON (as JSON's own `\\u` escapes, so it stays JSON).
"""

from __future__ import annotations

import json
import re

# C0 controls but tab and line feed, DEL, and the C1 controls (U+009B is a one-character CSI on many terminals)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Everything a message must not print raw: all C0 controls (a line break in a quoted id would fake a new message
# line), DEL and C1, the bidi marks, embeddings, overrides and isolates, zero-width and invisible format characters,
# and the line and paragraph separators.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_CONTROL_NAMES = {
    "\x00": "NUL",
    "\x07": "BEL, the bell",
    "\x08": "BS, backspace",
    "\x0b": "VT, vertical tab",
    "\x0c": "FF, form feed",
    "\r": "CR, carriage return",
    "\x1b": "ESC, escape",
    "\x7f": "DEL, delete",
    "\x85": "NEL, next line",
    "\x9b": "CSI, control sequence",
}


def find_control(text: str) -> int:
    """The index of the first control character in story text (tab and line feed are fine), or -1."""
    match = _CONTROL.search(text)
    return -1 if match is None else match.start()


def escape_char(char: str) -> str:
    """One character as a visible escape: `\\t`, `\\x1b`, `\\u202e`."""
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def describe_control(char: str) -> str:
    """A control character as authors can recognise it: `\\x1b (ESC, escape)`, or just the escape."""
    name = _CONTROL_NAMES.get(char)
    return f"{escape_char(char)} ({name})" if name else escape_char(char)


def escape_for_terminal(text: str) -> str:
    """The text with every control, bidi and invisible format character written as a visible escape."""
    if _UNPRINTABLE.search(text) is None:  # the usual case: nothing to do
        return text
    return _UNPRINTABLE.sub(lambda match: escape_char(match.group()), text)


def escape_lines(text: str) -> str:
    """A report of several lines, each escaped (its line breaks are kept)."""
    return "\n".join(escape_for_terminal(line) for line in text.split("\n"))


def json_for_terminal(data: object) -> str:
    """Indented JSON (non-ASCII letters as they are) in which no character can act on a terminal.

    JSON escapes C0 controls itself; DEL, C1, bidi and invisible characters can only stand inside strings, where a
    `\\uXXXX` escape means the same character, so the JSON reads back equal.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}" if match.group() != "\n" else "\n", text)
