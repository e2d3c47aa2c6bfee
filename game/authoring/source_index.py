"""Positions inside values, for problems that point into a line rather than at its start.

The model keeps one `Location` per object (a beat's key, a choice's first line). Some lint problems are about a part
of that object: the `as:` of a `show`, the `if:` of a choice, one comparison inside a condition. This index reads
the story's YAML again with the same positioned reader the loader uses and finds those positions from the model's
locations, so a problem names the exact line and column. It also keeps each file's lines, for `# lint-ignore:`.
"""

from __future__ import annotations

from pathlib import Path

from game.model import Location, Story
from game.sources import DISK, Sources
from game.yaml_source import Pos, YList, YMap


def _loc(file: str, pos: Pos) -> Location:
    return Location(file, pos.line, pos.column)


class SourceIndex:
    """Every mapping of the story's files, found by the position of the mapping or of one of its keys."""

    def __init__(self, story: Story, sources: Sources = DISK) -> None:
        self._maps: dict[Location, list[YMap]] = {}
        self._keys: dict[Location, list[tuple[YMap, str]]] = {}
        self._quoted: dict[Location, bool] = {}
        self.lines: dict[str, list[str]] = {}
        base = story.story_dir.parent
        files = [(story.story_dir / "story.yaml", story.manifest_file)]
        files += [(base / Path(display), display) for display in story.source_files]
        for path, display in files:
            source = sources.read(path, display)
            self.lines[display] = sources.lines(path)
            self._add(display, source.value)

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
        return self._quoted.get(where, False)

    def line(self, file: str, number: int) -> str:
        lines = self.lines.get(file, [])
        return lines[number - 1] if 0 < number <= len(lines) else ""
