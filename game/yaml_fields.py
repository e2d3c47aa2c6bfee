"""Typed reading of positioned YAML values, with author-friendly problems.

The loader, the playthrough-file reader and the save reader all ask the same questions of a mapping ("is this key
a string?", "are there keys I don't know?"). This module answers them once, recording a `Problem` at the exact
position of anything that does not fit instead of raising.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from game.problems import Problem, did_you_mean
from game.yaml_source import Pos, YList, YMap

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*\Z")
MISSING = object()


# How authors are told each YAML type, the first that fits (a bool is an int to Python: it comes first).
_TYPE_NAMES: tuple[tuple[type, str], ...] = (
    (type(None), "nothing"),
    (bool, "true/false"),
    (int, "a number"),
    (float, "a decimal number"),
    (str, "text"),
    (YMap, "a mapping"),
    (YList, "a list"),
)


def type_name(value: object) -> str:
    """How a YAML value's type is named to authors."""
    return next((name for kind, name in _TYPE_NAMES if isinstance(value, kind)), type(value).__name__)


class FieldReader:
    """Collects problems for one file while reading its values."""

    def __init__(self, display: str, problems: list[Problem]) -> None:
        self.display = display
        self.problems = problems

    def error(self, pos: Pos, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.display, pos.line, pos.column, message, hint))

    def mapping(self, value: object, pos: Pos, what: str, example: str = "") -> YMap | None:
        if isinstance(value, YMap):
            return value
        hint = f"write it as a mapping, for example: {example}" if example else "write it as 'key: value' lines"
        self.error(pos, f"{what} must be a mapping, but it is {type_name(value)}", hint)
        return None

    def record(self, value: object, pos: Pos, what: str, keys: Iterable[str], example: str = "") -> YMap | None:
        """A mapping of the given keys: a problem if the value is no mapping (then None), one per unknown key."""
        mapping = self.mapping(value, pos, what, example)
        if mapping is not None:
            self.known_keys(mapping, keys, what)
        return mapping

    def sequence(self, value: object, pos: Pos, what: str, example: str = "") -> YList | None:
        if isinstance(value, YList):
            return value
        hint = f"write it as a list, for example: {example}" if example else "write each item on a line starting '- '"
        self.error(pos, f"{what} must be a list, but it is {type_name(value)}", hint)
        return None

    def named_entries(self, owner: YMap, key: str, what: str, example: str) -> Iterator[tuple[str, object, Pos, Pos]]:
        """The entries of a table of declarations by name (`characters:`, `endings:`, ...) whose names are valid:
        (name, its value, where the name is written, where the value is). Nothing when `owner` has no `key`; a
        table that is not a mapping, or a name that is not valid (`what` says what a name is), is a problem."""
        if key not in owner:
            return
        table = self.mapping(owner[key], owner.where(key), f"'{key}'", example)
        if table is None:
            return
        for name, value in table.items():
            name_pos = table.key_pos[name]
            if self.identifier(name, name_pos, what) is not None:
                yield name, value, name_pos, table.where(name)

    def known_keys(self, mapping: YMap, allowed: Iterable[str], what: str) -> None:
        allowed = list(allowed)
        for key in mapping:
            if key not in allowed:
                suggestion = did_you_mean(key, allowed)
                hint = suggestion or "the keys allowed here are: " + ", ".join(allowed)
                self.error(mapping.key_pos[key], f"unknown key '{key}' in {what}", hint)

    def text(
        self,
        mapping: YMap,
        key: str,
        what: str,
        *,
        required: bool = False,
        empty_ok: bool = False,
        missing_at: Pos | None = None,
        max_chars: int | None = None,
    ):
        """A string value; MISSING when absent (after reporting it if required), None when it is the wrong type.

        A missing required key is reported at `missing_at` when given, else where the mapping starts. With
        `max_chars`, longer text is refused (titles and names are drawn in one line of a fixed width).
        """
        if key not in mapping:
            if required:
                self.error(missing_at or mapping.pos, f"{what} needs '{key}'", f"add '{key}: ...'")
            return MISSING
        value = mapping[key]
        pos = mapping.value_pos[key]
        if not isinstance(value, str):
            self.error(
                pos,
                f"'{key}' of {what} must be text, but it is {type_name(value)}",
                'put the text in double quotes: "..."',
            )
            return None
        if not empty_ok and not value.strip():
            self.error(pos, f"'{key}' of {what} is empty", "write the text, or remove the key")
            return None
        if max_chars is not None and len(value) > max_chars:
            self.error(
                pos,
                f"'{key}' of {what} is {len(value):,} characters long; it can be at most {max_chars} characters",
                "shorten it: it is shown on one line",
            )
            return None
        return value

    def identifier(self, value: object, pos: Pos, what: str) -> str | None:
        if not isinstance(value, str):
            self.error(
                pos,
                f"{what} must be a name, but it is {type_name(value)}",
                "names are lowercase letters, digits and underscores, starting with a letter",
            )
            return None
        if not ID_PATTERN.match(value):
            example = _suggest_id(value, what)
            self.error(
                pos,
                f"'{value}' is not a valid {what}",
                "names are lowercase letters, digits and underscores, starting with a letter"
                + (f" (for example '{example}')" if example else ""),
            )
            return None
        return value

    def reference(self, value: object, pos: Pos, what: str, known: Iterable[str], hint: str = "") -> str | None:
        """A name that must be one of `known`, with a did-you-mean when it is not."""
        name = self.identifier(value, pos, what)
        if name is None:
            return None
        known = known if isinstance(known, (set, frozenset, dict)) else set(known)
        if name not in known:
            self.error(pos, f"unknown {what} '{name}'", did_you_mean(name, known) or hint)
            return None
        return name

    def boolean(self, mapping: YMap, key: str, what: str) -> bool:
        value = mapping.get(key, False)
        if not isinstance(value, bool):
            self.error(
                mapping.value_pos[key],
                f"'{key}' of {what} must be true or false, but it is {type_name(value)}",
                f"write '{key}: true' or '{key}: false'",
            )
            return False
        return value


def _suggest_id(text: str, what: str) -> str:
    """The name `text` was probably meant to be (`Prom Suit` -> `prom_suit`, `2nd` -> `outfit_2nd` for an outfit
    name), or "" when it holds nothing to make one of (`..`)."""
    cleaned = re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_")
    if not cleaned:
        return ""
    if not cleaned[0].isalpha():
        noun = re.sub(r"[^a-z]", "", what.split()[0].lower()) or "name"
        cleaned = f"{noun}_{cleaned}"
    return cleaned
