"""Positions inside values, for problems that point into a line rather than at its start.

The model keeps one `Location` per object (a beat's key, a choice's first line). Some lint problems are about a part
of that object: the `as:` of a `show`, the `if:` of a choice, one comparison inside a condition. This index reads
the story's YAML again with the same positioned reader the loader uses and finds those positions from the model's
locations, so a problem names the exact line and column. It also keeps each file's lines, for `# lint-ignore:`.

Each file is indexed the first time a position in it is asked for, from the values the loader read (when it
parsed the file: `load_story(..., parsed=...)`) or by reading it again (when it came from the compiled-story
cache), so a story with problems in a few files reads only those.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from game import long_lived
from game.model import Location, Story
from game.sources import DISK, Sources
from game.yaml_source import Pos, YList, YMap


def _loc(file: str, pos: Pos) -> Location:
    return Location(file, pos.line, pos.column)


class SourceIndex:
    """Every mapping of the story's files, found by the position of the mapping or of one of its keys."""

    def __init__(self, story: Story, parsed: Mapping[str, object] | None = None, sources: Sources = DISK) -> None:
        self._maps: dict[Location, list[YMap]] = {}
        self._keys: dict[Location, list[tuple[YMap, str]]] = {}
        self._quoted: dict[Location, bool] = {}
        self._lines: dict[str, list[str]] = {}
        self._parsed = dict(parsed or {})
        base = story.story_dir.parent
        self._paths: dict[str, Path] = {story.manifest_file: story.story_dir / "story.yaml"}
        self._paths.update((display, base / Path(display)) for display in story.source_files)
        self._indexed: set[str] = set()
        self._sources = sources

    def _need(self, file: str) -> None:
        """Index `file` the first time it is asked about."""
        if file in self._indexed:
            return
        self._indexed.add(file)
        path = self._paths.get(file)
        if path is None:  # not a file of the story (an asset's path): nothing inside it to find
            return
        value = self._parsed.pop(file, None)
        with long_lived.paused():
            if value is None:
                value = self._sources.read(path, file).value
            self._add(file, value)
        long_lived.freeze()  # kept to the end of the run

    def _read_lines(self, file: str) -> list[str]:
        if file not in self._lines:
            path = self._paths.get(file)
            self._lines[file] = [] if path is None else self._sources.lines(path)
        return self._lines[file]

    def _add(self, file: str, value: object) -> None:
        stack = [value]
        while stack:
            node = stack.pop()
            if isinstance(node, YMap):
                self._maps.setdefault(_loc(file, node.pos), []).append(node)
                for key, pos in node.key_pos.items():
                    self._keys.setdefault(_loc(file, pos), []).append((node, key))
                stack.extend(node.values())
            elif isinstance(node, YList):
                for pos in node.item_pos:
                    self._quoted[_loc(file, pos)] = pos.quoted
                stack.extend(node)

    def _holder(self, where: Location, key: str) -> YMap | None:
        """The mapping holding `key` whose own position, or that key's position, is `where`."""
        self._need(where.file)
        for mapping, found in self._keys.get(where, ()):
            if found == key:
                return mapping
        for mapping in self._maps.get(where, ()):
            if key in mapping:
                return mapping
        return None

    def value_pos(self, where: Location, key: str) -> Location:
        """Where the value of `key` is written, in the mapping at `where`; `where` itself when not found."""
        mapping = self._holder(where, key)
        if mapping is None or key not in mapping.value_pos:
            return where
        return _loc(where.file, mapping.value_pos[key])

    def key_pos(self, where: Location, key: str) -> Location:
        mapping = self._holder(where, key)
        if mapping is None or key not in mapping.key_pos:
            return where
        return _loc(where.file, mapping.key_pos[key])

    def inner_value_pos(self, where: Location, key: str, inner: str) -> Location:
        """Where `inner` is written in the mapping that is the value of `key` (the `as` of `show: {...}`).

        Falls back to the value of `key` itself when it is not a mapping holding `inner` (`show: nick`).
        """
        mapping = self._holder(where, key)
        if mapping is None:
            return where
        value = mapping.get(key)
        if isinstance(value, YMap) and inner in value.value_pos:
            return _loc(where.file, value.value_pos[inner])
        return self.value_pos(where, key)

    def text_pos(self, where: Location, key: str, offset: int, text: str) -> Location:
        """The position of character `offset` of the text value of `key` (a condition), when it is on one line."""
        mapping = self._holder(where, key)
        if mapping is None or key not in mapping.value_pos:
            return where
        return self.offset_in(_loc(where.file, mapping.value_pos[key]), mapping.value_pos[key].quoted, offset, text)

    @staticmethod
    def offset_in(start: Location, quoted: bool, offset: int, text: str) -> Location:
        if "\n" in text:
            return start
        return Location(start.file, start.line, start.column + offset + (1 if quoted else 0))

    def item_quoted(self, where: Location) -> bool:
        """Whether the list item written at `where` (an invariant) is in quotes."""
        self._need(where.file)
        return self._quoted.get(where, False)

    def line(self, file: str, number: int) -> str:
        lines = self._read_lines(file)
        return lines[number - 1] if 0 < number <= len(lines) else ""
