"""Where every scene, variable, character and ending of a story is defined and named, read from the YAML alone.

The editor features need to know what a word under the cursor is, where it is defined and every place it is used,
also while the story does not load (an author mid-edit has a broken story most of the time). So this index reads the
files' positioned YAML (`game.yaml_source`) itself and records each name it meets with its exact span: scene ids as
a scene file's keys and after `goto`, `next`, `call`, `start` and `visited()`; variables in the manifest, in `set`
and `add`, in conditions and in a playthrough's `given` and `expect`; characters as speakers, in `think`, `message`,
`show`, `hide` and `outfits`; endings in the manifest, after `ending:` and a playthrough's `end`. It checks nothing:
the loader does that.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from game.expressions.lexer import KEYWORDS, tokenize
from game.inline_text import InlineTextError, has_braces, parse_inline
from game.loader import CALL, DEFAULT_SCENE_GLOBS, EXTEND, MANIFEST_NAME, NARRATOR, RESERVED
from game.problems import display_path
from game.scene_globs import expand_scene_globs
from game.sources import Sources
from game.yaml_source import Pos, YList, YMap, read_file_bytes

Kind = Literal["scene", "variable", "character", "ending", "constant"]
KINDS: tuple[Kind, ...] = ("scene", "variable", "character", "ending", "constant")
SCENE_REF_KEYS = ("goto", "next", CALL)
TABLES: tuple[tuple[Kind, str], ...] = (  # the manifest's tables of named things
    ("character", "characters"),
    ("variable", "variables"),
    ("ending", "endings"),
    ("constant", "constants"),
)  # `call` where the story format has it
PLAYTHROUGHS = "playthroughs"


LastGood = dict[Path, tuple[list[str], object]]  # a file -> its lines and positioned YAML when it last parsed


def unchanged_lines(before: list[str], now: list[str]) -> dict[int, int]:
    """Each line of `before` that is in `now` unchanged (by a line diff): its 0-based number then -> now."""
    moved: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, before, now, autojunk=False)
    for tag, first, last, first_now, _ in matcher.get_opcodes():
        if tag == "equal":
            moved.update(zip(range(first, last), range(first_now, first_now + last - first)))
    return moved


@dataclass(frozen=True, slots=True)
class Span:
    """A name's place: a file, a 0-based line, and 0-based start and end columns (in characters)."""

    path: Path
    line: int
    start: int
    end: int

    def holds(self, line: int, column: int) -> bool:
        return line == self.line and self.start <= column <= self.end


@dataclass(frozen=True, slots=True)
class Ref:
    """One occurrence of a name: `role` is 'definition', or how it is used ('goto', 'set', 'condition', ...)."""

    kind: Kind
    name: str
    span: Span
    role: str


@dataclass
class Entry:
    """What the manifest or a scene file says about one defined name (for hover and completion)."""

    kind: Kind
    name: str
    definition: Span
    facts: dict[str, object] = field(default_factory=dict)


class StoryIndex:
    """Every name of the story, its definition and its uses, by file and position."""

    def __init__(self, story_dir: Path, sources: Sources, last_good: LastGood | None = None) -> None:
        """`last_good`: each file's last version that parsed, kept from one index to the next, so that a file with a
        syntax error (an unclosed quote while typing) is indexed as it last parsed, its names moved to where its
        unchanged lines are now, instead of dropping out (see `_read`)."""
        self.story_dir = story_dir
        self.last_good = last_good
        self._moved: tuple[Path, dict[int, int]] | None = None  # the file read from its last good version, and
        # its old lines' numbers now
        self.unparsed: set[Path] = set()  # files read from their last good version: names on changed lines unknown
        self.manifest = story_dir / MANIFEST_NAME
        self.sources = sources
        self.base = story_dir.resolve().parent
        self._lines: dict[Path, list[str]] = {}
        self.entries: dict[tuple[Kind, str], Entry] = {}
        self.refs: list[Ref] = []
        self.by_path: dict[Path, list[Ref]] = {}
        self.scene_files: list[Path] = []
        self.playthrough_files: list[Path] = []
        self.scene_order: list[str] = []
        self._read_manifest()
        for path in self.scene_files:
            self._read_scene_file(path)
        for path in self.playthrough_files:
            self._read_playthrough(path)
        self._moved = None

    # -- queries ---------------------------------------------------------------------------------------------------

    def names(self, kind: Kind) -> list[str]:
        return [name for (k, name) in self.entries if k == kind]

    def entry(self, kind: Kind, name: str) -> Entry | None:
        return self.entries.get((kind, name))

    def at(self, path: Path, line: int, column: int) -> Ref | None:
        """The name at a place in a file, if the cursor is on one."""
        for ref in self.by_path.get(path, ()):
            if ref.span.holds(line, column):
                return ref
        return None

    def uses(self, kind: Kind, name: str) -> list[Ref]:
        """Every occurrence of the name, its definition included, in file order."""
        return [ref for ref in self.refs if ref.kind == kind and ref.name == name]

    def files(self) -> list[Path]:
        return [self.manifest, *self.scene_files, *self.playthrough_files]

    def leading_to(self, scene: str) -> list[str]:
        """The scenes that lead to `scene` (by goto, next or call), in story order."""
        found: dict[str, None] = {}
        for ref in self.uses("scene", scene):
            if ref.role in SCENE_REF_KEYS:
                owner = self.scene_around(ref.span.path, ref.span.line)
                if owner:
                    found.setdefault(owner)
        return list(found)

    def scene_around(self, path: Path, line: int) -> str | None:
        """The scene whose block holds a line of a scene file (the last scene defined at or above it)."""
        best: tuple[int, str] | None = None
        for ref in self.by_path.get(path, ()):
            is_scene = ref.kind == "scene" and ref.role == "definition"
            if is_scene and ref.span.line <= line and (best is None or ref.span.line >= best[0]):
                best = (ref.span.line, ref.name)
        return best[1] if best else None

    def writers(self, variable: str) -> list[Ref]:
        return [ref for ref in self.uses("variable", variable) if ref.role in ("set", "add")]

    # -- building --------------------------------------------------------------------------------------------------

    def _add(self, kind: Kind, name: str, span: Span, role: str, facts: dict[str, object] | None = None) -> None:
        if self._moved is not None and span.path == self._moved[0]:  # read from its last good version
            line = self._moved[1].get(span.line)
            if line is None:  # on a line changed since: where it is now is not known
                return
            span = Span(span.path, line, span.start, span.end)
        ref = Ref(kind, name, span, role)
        self.refs.append(ref)
        self.by_path.setdefault(span.path, []).append(ref)
        if role == "definition" and (kind, name) not in self.entries:
            self.entries[(kind, name)] = Entry(kind, name, span, facts or {})
            if kind == "scene":
                self.scene_order.append(name)

    def _read(self, path: Path) -> object:
        """A file's positioned YAML, named as the loader names it (so both share one parse of each version); when
        it does not parse, its last version that did, with the map from that version's line numbers to today's."""
        source = self.sources.read(path, display_path(path, self.base))
        self._moved = None
        if self.last_good is None:
            return source.value
        if source.value is not None:
            self.last_good[path] = (self.sources.lines(path), source.value)
            return source.value
        if not source.problems:  # empty
            return source.value
        kept = self.last_good.get(path)
        if kept is None and self.sources.unsaved(path) is not None:  # not parsed yet here: the file as saved
            saved = self.sources.parse(path, source.display, read_file_bytes(path))
            if saved.value is not None:
                kept = self.last_good[path] = (Sources().lines(path), saved.value)
        if kept is None:
            return source.value
        lines, value = kept
        self._moved = (path, unchanged_lines(lines, self.sources.lines(path)))
        self.unparsed.add(path)
        return value

    def _read_manifest(self) -> None:
        path = self.manifest
        value = self._read(path)
        globs = list(DEFAULT_SCENE_GLOBS)
        if isinstance(value, YMap):
            for kind, key in TABLES:
                table = value.get(key)
                if isinstance(table, YMap):
                    for name, spec in table.items():
                        if kind == "constant":
                            facts = {"value": spec}
                        else:
                            facts = dict(spec) if isinstance(spec, YMap) else {"name": spec}
                        self._add(kind, name, _key_span(path, table, name), "definition", facts)
            if isinstance(value.get("start"), str):
                self._scalar("scene", path, value, "start", "start")
            for condition, pos in _items(value.get("invariants")):
                self._condition(path, condition, pos)
            chapters = value.get("chapters")
            if isinstance(chapters, YMap):
                for spec in chapters.values():
                    self._outfits(path, spec)
            scenes = value.get("scenes")
            if isinstance(scenes, YList) and all(isinstance(item, str) for item in scenes):
                globs = list(scenes)
        try:
            self.scene_files = expand_scene_globs(
                self.story_dir, [(g, _ignore) for g in globs if ".." not in g], _ignore, MANIFEST_NAME
            )
        except OSError:
            self.scene_files = []
        folder = self.story_dir / PLAYTHROUGHS
        self.playthrough_files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []

    def _read_scene_file(self, path: Path) -> None:
        value = self._read(path)
        if not isinstance(value, YMap):
            return
        chapter = None  # a scene without `chapter` is in the chapter of the scene above it in its file
        for scene_id, scene in value.items():
            facts: dict[str, object] = {}
            if isinstance(scene, YMap):
                facts = {key: scene[key] for key in ("title", "chapter") if isinstance(scene.get(key), str)}
                if "chapter" in facts:
                    chapter = facts["chapter"]
                elif chapter is not None:
                    facts["chapter"] = chapter
                    facts["chapter_from_above"] = True
            self._add("scene", scene_id, _key_span(path, value, scene_id), "definition", facts)
            if not isinstance(scene, YMap):
                continue
            self._scalar("scene", path, scene, "next", "next")
            self._scalar("scene", path, scene, "call", "call")
            self._scalar("ending", path, scene, "ending", "ending")
            self._outfits(path, scene)
            self._beats(path, scene.get("lines"))
            for choice, _ in _items(scene.get("choices")):
                if isinstance(choice, YMap):
                    self._step(path, choice)
                    for key in ("text", "locked"):
                        self._text(path, choice, key)
                    self._beats(path, choice.get("lines"))  # a choice's own lines

    def _beats(self, path: Path, beats: object) -> None:
        for beat, _ in _items(beats):
            if not isinstance(beat, YMap):
                continue
            self._step(path, beat)
            for key, value in beat.items():
                if key in ("then", "else"):
                    self._beats(path, value)
                elif key in ("think", "message"):
                    inner = "from" if key == "message" else "who"
                    if isinstance(value, YMap) and isinstance(value.get(inner), str):
                        self._scalar("character", path, value, inner, key)
                    if isinstance(value, YMap):
                        self._text(path, value, "text")
                    else:
                        self._text(path, beat, key)
                elif key in ("narrate", NARRATOR) or (key == EXTEND and ("character", EXTEND) not in self.entries):
                    self._text(path, beat, key)
                elif key in ("show", "hide"):
                    if isinstance(value, str) and value != "all":
                        self._scalar("character", path, beat, key, key)
                    elif isinstance(value, YMap) and isinstance(value.get("who"), str):
                        self._scalar("character", path, value, "who", key)
                elif key == CALL and ("character", CALL) not in self.entries:
                    continue  # `- call: scene` (a sub-scene), found by `_step`
                elif key not in RESERVED and key != NARRATOR:
                    self._add("character", key, _key_span(path, beat, key), "speaks")
                    self._text(
                        path, value if isinstance(value, YMap) else beat, "text" if isinstance(value, YMap) else key
                    )

    def _step(self, path: Path, mapping: YMap) -> None:
        """What a beat or a choice names: a goto or call, set and add, a condition."""
        for key in SCENE_REF_KEYS:
            if key == CALL and ("character", CALL) in self.entries:
                continue  # in a story with a character 'call', `call: "..."` is that character's speech
            if isinstance(mapping.get(key), str):
                self._scalar("scene", path, mapping, key, key)
        for key in ("set", "add"):
            table = mapping.get(key)
            if isinstance(table, YMap):
                for name in table:
                    self._add("variable", name, _key_span(path, table, name), key)
                    if isinstance(table[name], str):  # an expression (`trust + 1`), or an enum's value
                        self._names(path, table[name], table.value_pos[name], condition_names(table[name]), "value")
        if isinstance(mapping.get("if"), str):
            self._condition(path, mapping["if"], mapping.value_pos["if"])

    def _outfits(self, path: Path, spec: object) -> None:
        outfits = spec.get("outfits") if isinstance(spec, YMap) else None
        if isinstance(outfits, YMap):
            for name in outfits:
                self._add("character", name, _key_span(path, outfits, name), "outfits")

    def _read_playthrough(self, path: Path) -> None:
        value = self._read(path)
        if not isinstance(value, YMap):
            return
        if isinstance(value.get("start"), str):
            self._scalar("scene", path, value, "start", "start")
        if isinstance(value.get("end"), str):
            self._scalar("ending", path, value, "end", "end")
        given = value.get("given")
        if isinstance(given, YMap):
            for name in given:
                self._add("variable", name, _key_span(path, given, name), "given")
        for step, _ in _items(value.get("steps")):
            if not isinstance(step, YMap):
                continue
            if isinstance(step.get("expect"), str):
                self._condition(path, step["expect"], step.value_pos["expect"])
            if isinstance(step.get("expect_scene"), str):
                self._scalar("scene", path, step, "expect_scene", "expect_scene")

    def _scalar(self, kind: Kind, path: Path, mapping: YMap, key: str, role: str) -> None:
        value = mapping.get(key)
        pos = mapping.value_pos.get(key)
        if isinstance(value, str) and pos is not None and value:
            self._add(kind, value, _value_span(path, pos, value), role)

    def _condition(self, path: Path, text: object, pos: Pos) -> None:
        """The variables, constants and visited() scenes of a condition written on one line."""
        if isinstance(text, str):
            self._names(path, text, pos, condition_names(text), "condition")

    def _text(self, path: Path, mapping: YMap, key: str) -> None:
        """The names in the braces of a line's text (`{days}`, `{trust > 2: ...|...}`): issue 17's inline text."""
        text = mapping.get(key)
        pos = mapping.value_pos.get(key)
        if isinstance(text, str) and pos is not None and has_braces(text):
            self._names(path, text, pos, text_names(text), "text")

    def _names(self, path: Path, text: str, pos: Pos, names: Iterator[tuple[str, int, Kind]], role: str) -> None:
        """Names found at offsets of a one-line text, each recorded where the file really has it (a text with
        escapes or over several lines is not where its offsets say, and is left out). Only declared names count in
        text and values, where a bare word may be an enum's value."""
        if "\n" in text:
            return
        shift = pos.column - 1 + (1 if pos.quoted else 0)
        row = self._line(path, pos.line - 1)
        for name, offset, kind in names:
            if kind == "variable" and ("variable", name) not in self.entries and ("constant", name) in self.entries:
                kind = "constant"
            if role != "condition" and kind != "scene" and (kind, name) not in self.entries:
                continue
            span = Span(path, pos.line - 1, shift + offset, shift + offset + len(name))
            if row[span.start : span.end] == name:
                self._add(kind, name, span, role)

    def _line(self, path: Path, number: int) -> str:
        lines = self._lines.get(path)
        if lines is None:
            lines = self._lines[path] = self.sources.lines(path)
        return lines[number] if 0 <= number < len(lines) else ""


def condition_names(text: str) -> Iterator[tuple[str, int, Kind]]:
    """(name, offset, kind) for each variable and visited() scene a condition names."""
    tokens = tokenize(text)
    for number, token in enumerate(tokens):
        if token.kind != "name" or token.text in KEYWORDS:
            continue
        before = tokens[number - 2] if number >= 2 else None
        if before is not None and before.kind == "name" and before.text == "visited":
            yield token.text, token.offset, "scene"
        elif token.text != "visited":
            yield token.text, token.offset, "variable"


class _Written:
    """An expression of a text as written: `parse_inline` asks a shown value's type only to find an enum's labels."""

    type = "int"
    reads: frozenset[str] = frozenset()


def text_names(text: str) -> Iterator[tuple[str, int, Kind]]:
    """(name, offset, kind) for each variable and visited() scene named inside the braces of a text, read by the
    loader's own reader of inline text (`game.inline_text`); a text it cannot read gives the names before the fault."""
    found: list[tuple[str, int]] = []

    def written(source: str, offset: int, want: str) -> _Written:
        found.append((source, offset))
        return _Written()

    with contextlib.suppress(InlineTextError):
        parse_inline(text, written, {})  # type: ignore[arg-type]
    for source, offset in found:
        for name, at, kind in condition_names(source):
            yield name, offset + at, kind


def _items(value: object) -> Iterator[tuple[object, Pos]]:
    if isinstance(value, YList):
        yield from zip(value, value.item_pos)


def _key_span(path: Path, mapping: YMap, key: str) -> Span:
    pos = mapping.key_pos.get(key, mapping.pos)
    return _value_span(path, pos, key)


def _value_span(path: Path, pos: Pos, text: str) -> Span:
    start = pos.column - 1 + (1 if pos.quoted else 0)
    return Span(path, pos.line - 1, start, start + len(text))


def _ignore(message: str, hint: str) -> None:
    """Problems with the globs are the loader's to report; the index only wants the files."""
