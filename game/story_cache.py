"""The compiled-story cache: a checked story kept on disk so an unchanged story starts without parsing any YAML.

Parsing is most of what a load costs (a 16 MB story takes seconds in PyYAML's C parser alone), yet authors and
players load the same story again and again. After a successful load the loader hands the checked result here, as
plain data (tuples, strings, numbers: nothing that can run code when read back, so `marshal`, never pickle), one
record per scene file with the blake2b hash of that file's bytes, and one for the manifest. The next load:

- finds every file unchanged (same manifest hash, same files from the same globs, same hashes): the story is rebuilt
  straight from the record, with no YAML read at all;
- finds some scene files changed: the loader parses only those, and takes every other file's scenes from the record
  (when the scenes a file refers to all still exist; else that file is read again too);
- finds the manifest changed, or anything else amiss: an ordinary load.

The cache is never trusted blindly: one file per story folder (keyed by its resolved path) in the user cache folder
(`HEARTSTOPPER_CACHE_DIR` moves it, as for the rasterised art), starting with a magic word, the format number and a
checksum of the rest (the record in pieces, the story's own then one per scene file, each marshalled apart so writing
it never needs the whole of it in memory twice); the record names the engine it was made by (the version and a hash
of the loader's own source), and the story folder. Anything that does not match, does not read, or fails to decode
is ignored silently and a real load follows (and rewrites it). Writes are atomic (a temporary file, then a rename),
and a cache that cannot be written is simply not written. `--no-cache` (or `HEARTSTOPPER_NO_CACHE=1`) turns the
whole thing off.

Compiled conditions hold Python closures, which are not data: the record keeps each condition's text, and it is
compiled again (once per distinct text) when a story is rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from game.branding import Branding
from game.expressions import CompiledExpr, VarType, compile_expression
from game.expressions.compiler import Fn, compile_tree
from game.inline_text import InlineText, inline_expressions, parse_inline
from game.model import (
    Assignment,
    Beat,
    Chapter,
    Character,
    Choice,
    EffectBeat,
    Ending,
    GotoBeat,
    IfBeat,
    Invariant,
    Location,
    Scene,
    StageBeat,
    Story,
    TextBeat,
    Variable,
)
from game.staging import Transition

log = logging.getLogger(__name__)

# 3: inline text, `extend`, expressions in set/add, choices' own lines, constants, enum labels; 4: calls;
# 5: the title screen and window (branding), transitions; 6: the record written in pieces; 7: no chapter starts
# within a sub-scene
FORMAT = 7
MAGIC = b"HSSTORY\x00"
CACHE_ENV = "HEARTSTOPPER_CACHE_DIR"
NO_CACHE_ENV = "HEARTSTOPPER_NO_CACHE"
APP_NAME = "heartstopper-season-two"  # the same folder name as the game's data (game.ui.datadir)
MAX_CACHE_BYTES = 1024 * 1024 * 1024
MAX_STORIES = 32  # caches kept, one per story folder, the most recently written
_HEADER = len(MAGIC) + 2 + 32
# The modules whose code decides what a load produces: a change to any of them makes old caches stale.
_ENGINE_MODULES = (
    "loader.py",
    "format_words.py",
    "scene_builder.py",
    "inline_text.py",
    "model.py",
    "dressing.py",
    "yaml_source.py",
    "yaml_fields.py",
    "scene_globs.py",
    "story_cache.py",
    "expressions",
)

_enabled = True


def set_enabled(enabled: bool) -> None:
    """Turn the cache on or off for this process (the command line's `--no-cache`)."""
    global _enabled
    _enabled = enabled


def enabled() -> bool:
    return _enabled and os.environ.get(NO_CACHE_ENV, "") in ("", "0")


def cache_folder() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override) / "stories"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "stories"


def cache_file(story_dir: Path) -> Path:
    """Where the cache of the story in `story_dir` is kept (one file per resolved story folder)."""
    key = hashlib.blake2b(str(story_dir.resolve()).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return cache_folder() / f"{key}.story"


_stamp: str | None = None


def engine_stamp() -> str:
    """The engine's version and a hash of the source of the modules that shape a loaded story."""
    global _stamp
    if _stamp is None:
        from game import __version__

        digest = hashlib.blake2b(digest_size=16)
        package = Path(__file__).resolve().parent
        missing = False
        for name in _ENGINE_MODULES:
            path = package / name
            sources = sorted(path.glob("*.py")) if path.is_dir() else [path]
            for source in sources:
                try:
                    digest.update(source.name.encode() + b"\0" + source.read_bytes())
                except OSError:
                    missing = True
        if missing or not any(package.glob("*.py")):  # a frozen build carries no sources: the program file instead
            with contextlib.suppress(OSError):
                program = os.stat(sys.executable)
                digest.update(f"{sys.executable}\0{program.st_size}\0{program.st_mtime_ns}".encode())
        _stamp = f"{__version__}/{FORMAT}/{digest.hexdigest()}"
    return _stamp


def content_hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


# -- records ---------------------------------------------------------------------------------------------------------


@dataclass
class FileRecord:
    """One scene file as cached: its bytes' hash, its scene ids with positions, the scene ids it refers to, and its
    scenes encoded (see `encode_scene`)."""

    path: str
    display: str
    digest: bytes
    ids: tuple[tuple[str, int, int], ...]
    refs: tuple[str, ...]
    scenes: tuple


@dataclass
class Record:
    """Everything the cache holds about one story folder."""

    story_dir: str
    manifest_digest: bytes
    head: tuple  # the manifest's part of the story, encoded (see `encode_head`)
    globs: tuple[str, ...]
    files: list[FileRecord]
    chapters: tuple[tuple[str, str], ...]

    def by_display(self) -> dict[str, FileRecord]:
        return {record.display: record for record in self.files}


def read_record(story_dir: Path) -> Record | None:
    """The cached record of `story_dir`, or None when there is none or it cannot be trusted."""
    try:
        path = cache_file(story_dir)
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_CACHE_BYTES:
                return None
            data = handle.read(size + 1)  # read(n) makes room for n bytes first: never ask for more than is there
    except (OSError, ValueError):
        return None
    try:
        return _decode_record(data, str(story_dir.resolve()))
    except Exception as error:  # a damaged cache of any kind is only a reason to load for real
        log.info("story cache %s not used (%s: %s)", story_dir, type(error).__name__, error)
        return None


class Records:
    """Where the loader finds the record of a story and keeps the new one: the user cache folder (every command)."""

    def read(self, story_dir: Path) -> Record | None:
        return read_record(story_dir)

    def write(self, story_dir: Path, record: Record, built: Mapping[str, list[Scene]] | None = None) -> None:
        """Keep `record`; `built` is the scenes the load made of each file, by display name (kept by no disk)."""
        write_record(story_dir, record)

    def decode(self, file: FileRecord, first_order: int, condition: Conditions) -> list[Scene] | None:
        """The scenes of a cached file (`decode_file`)."""
        return decode_file(file.display, file.scenes, first_order, condition)


class RecordsInMemory(Records):
    """A long-running process's records (the language server's): the cache folder's record read once, then the last
    load's record kept in memory, even with the cache folder turned off (it is then never read). An editor's unsaved
    buffers change with every keystroke, and each load's record holds them (by their hash, so it stays true), but
    writing it out each time would only slow the edit and leave the commands a record of text that was never saved."""

    def __init__(self) -> None:
        self._kept: dict[Path, Record | None] = {}
        # The scenes decoded from each file record, with the story order of its first scene, by the record (held, so
        # its identity is its own). A record belongs to one manifest (a changed manifest makes new records of every
        # file), and the loader takes a file's scenes from it only when every scene it refers to still exists, so
        # the same record at the same place decodes to equal scenes: the same ones are handed out again. What the
        # linter works out about a scene is kept by the scene (`game.authoring.lint_memory`), so an edit of one
        # file leaves the other files' scenes, and what is known of them, as they were.
        self._decoded: dict[int, tuple[FileRecord, int, list[Scene]]] = {}

    def read(self, story_dir: Path) -> Record | None:
        key = story_dir.resolve()
        if key not in self._kept:  # the cache folder only when the cache is on (`--no-cache` leaves it alone)
            self._kept[key] = read_record(story_dir) if enabled() else None
        return self._kept[key]

    def write(self, story_dir: Path, record: Record, built: Mapping[str, list[Scene]] | None = None) -> None:
        self._kept[story_dir.resolve()] = record
        kept = {id(file) for record in self._kept.values() if record is not None for file in record.files}
        self._decoded = {key: value for key, value in self._decoded.items() if key in kept}
        for file in record.files:  # scenes a load built from YAML are what their new record decodes to
            scenes = (built or {}).get(file.display)
            if scenes and id(file) not in self._decoded:
                self._decoded[id(file)] = (file, scenes[0].order, scenes)

    def decode(self, file: FileRecord, first_order: int, condition: Conditions) -> list[Scene] | None:
        found = self._decoded.get(id(file))
        if found is not None and found[0] is file and found[1] == first_order:
            return found[2]
        scenes = super().decode(file, first_order, condition)
        if scenes is not None:
            self._decoded[id(file)] = (file, first_order, scenes)
        return scenes


DISK_RECORDS = Records()


def _decode_record(data: bytes, story_dir: str) -> Record | None:
    if len(data) < _HEADER or len(data) > MAX_CACHE_BYTES or not data.startswith(MAGIC):
        return None
    if int.from_bytes(data[len(MAGIC) : len(MAGIC) + 2], "little") != FORMAT:
        return None
    checksum = data[len(MAGIC) + 2 : _HEADER]
    payload = memoryview(data)[_HEADER:]
    if hashlib.blake2b(payload, digest_size=32).digest() != checksum:
        return None
    pieces = _pieces(payload)
    stamp, folder, manifest_digest, head, globs, chapters, count = next(pieces)
    if stamp != engine_stamp() or folder != story_dir:
        return None
    files = [FileRecord(*entry) for entry in pieces]
    if len(files) != count:
        return None
    return Record(folder, manifest_digest, head, tuple(globs), files, tuple(tuple(chapter) for chapter in chapters))


def _pieces(payload: memoryview) -> Iterator[tuple]:
    """The payload's pieces: each its length (4 bytes, little-endian), then a marshalled tuple."""
    offset = 0
    while offset < len(payload):
        size = int.from_bytes(payload[offset : offset + 4], "little")
        offset += 4
        if offset + size > len(payload):
            raise ValueError("a piece runs past the end of the cache")
        yield marshal.loads(payload[offset : offset + size])
        offset += size


def write_record(story_dir: Path, record: Record) -> None:
    """Keep `record` for the next load; any failure (a read-only folder, a full disk) only means no cache.

    Written piece by piece (the story's part, then one piece per scene file), never marshalled whole: a whole
    story's payload, with the room marshal makes while it grows, took twice its size again beside the story just
    loaded (the peak of a load that read one changed file)."""
    first = (
        engine_stamp(),
        record.story_dir,
        record.manifest_digest,
        record.head,
        record.globs,
        record.chapters,
        len(record.files),
    )
    files = ((f.path, f.display, f.digest, f.ids, f.refs, f.scenes) for f in record.files)  # marshal takes tuples
    try:
        path = cache_file(story_dir)
        _replace(path, itertools.chain((first,), files))
        _prune(path.parent)
    except (OSError, ValueError) as error:
        log.info("story cache for %s not written (%s)", story_dir, error)


def _prune(folder: Path) -> None:
    """Keep the caches of the MAX_STORIES story folders cached most recently; older ones go (a story folder that
    was moved or deleted leaves its cache behind)."""
    entries = []
    for entry in folder.glob("*.story"):
        with contextlib.suppress(OSError):
            entries.append((entry.stat().st_mtime, entry))
    for _, entry in sorted(entries, reverse=True)[MAX_STORIES:]:
        with contextlib.suppress(OSError):
            entry.unlink()


def _replace(path: Path, pieces: Iterable[tuple]) -> None:
    """Write the cache of `pieces` (see `_pieces`) to a temporary file beside `path`, its checksum last into the
    room left for it in the header, then rename it over `path`: readers see the old file or the new.

    Unlike the player's files (`game.jsonfiles.write_atomic`) it is not forced to disk first: a cache torn by a
    crash fails its checksum and is rebuilt, and the wait for the disk would slow every first load.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(MAGIC + FORMAT.to_bytes(2, "little") + bytes(32))
            checksum = hashlib.blake2b(digest_size=32)
            for piece in pieces:
                data = marshal.dumps(piece, 4)
                framed = len(data).to_bytes(4, "little") + data
                checksum.update(framed)
                stream.write(framed)
            stream.seek(len(MAGIC) + 2)
            stream.write(checksum.digest())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# -- encoding --------------------------------------------------------------------------------------------------------

_TEXT, _STAGE, _EFFECT, _IF, _GOTO = range(5)


def encode_head(story: Story) -> tuple:
    """The manifest's part of a loaded story, as plain tuples."""
    return (
        story.title,
        story.version,
        story.start,
        tuple((c.id, c.name, c.color, c.where.line, c.where.column) for c in story.characters.values()),
        tuple(
            (
                v.id,
                v.type.kind,
                v.type.values,
                v.type.minimum,
                v.type.maximum,
                v.default,
                v.about,
                v.where.line,
                v.where.column,
                v.labels,
            )
            for v in story.variables.values()
        ),
        tuple((i.condition.source, i.where.line, i.where.column) for i in story.invariants),
        tuple((e.id, e.title, e.hint, e.where.line, e.where.column) for e in story.endings.values()),
        (story.content_note, story.closing_note),
        story.icon,
        story.id,
        tuple(story.constants.items()),
        encode_branding(story.branding),
    )


def encode_scene(scene: Scene, refs: set[str]) -> tuple:
    """A scene as plain tuples; every scene id it can lead to or asks `visited()` about is added to `refs`."""

    # Words that repeat (kinds, speakers, expressions, assets, variables) are interned, so marshal writes each once
    # and reads every use back as the same string: a smaller file, read faster.
    def beats(items: tuple[Beat, ...]) -> tuple:
        out: list[tuple] = []
        for beat in items:
            where = beat.where
            if type(beat) is TextBeat:
                out.append(
                    (
                        _TEXT,
                        beat.id,
                        _word(beat.kind),
                        _word(beat.speaker),
                        beat.text,
                        _word(beat.expression),
                        where[1],
                        where[2],
                        inline(beat.inline),
                        beat.extends,
                    )
                )
            elif type(beat) is StageBeat:
                out.append(
                    (
                        _STAGE,
                        beat.id,
                        _word(beat.action),
                        _word(beat.who),
                        _word(beat.expression),
                        _word(beat.at),
                        _word(beat.asset),
                        where[1],
                        where[2],
                        _word(beat.outfit),
                        None if beat.transition is None else tuple(beat.transition),
                    )
                )
            elif type(beat) is EffectBeat:
                out.append((_EFFECT, beat.op, assignments(beat.changes), where[1], where[2]))
            elif type(beat) is IfBeat:
                refs.update(beat.condition.visits_read)
                out.append((_IF, beat.condition.source, beats(beat.then), beats(beat.otherwise), where[1], where[2]))
            else:
                assert type(beat) is GotoBeat
                refs.add(beat.target)
                out.append((_GOTO, beat.target, where[1], where[2]))
        return tuple(out)

    def assignments(items: tuple[Assignment, ...]) -> tuple:
        out = []
        for a in items:
            expression = None
            if a.expression is not None:
                refs.update(a.expression.visits_read)
                expression = (a.expression.source, ASSIGNMENT_WANT[a.expression.type])
            out.append((_word(a.variable), a.value, a.where[1], a.where[2], expression))
        return tuple(out)

    def inline(text: InlineText | None) -> bool:
        """Whether the text has braces (they are read again from the text itself when the story is rebuilt)."""
        if text is None:
            return False
        for expression in inline_expressions(text.parts):
            refs.update(expression.visits_read)
        return True

    choices = []
    for c in scene.choices:
        refs.add(c.goto)
        if c.condition is not None:
            refs.update(c.condition.visits_read)
        choices.append(
            (
                c.id,
                c.index,
                c.text,
                c.goto,
                assignments(c.sets),
                assignments(c.adds),
                None if c.condition is None else c.condition.source,
                c.locked,
                c.once,
                c.fallback,
                c.where[1],
                c.where[2],
                c.flavor,
                inline(c.text_inline),
                inline(c.locked_inline),
            )
        )
    if scene.next is not None:
        refs.add(scene.next)
    return (
        scene.id,
        scene.title,
        _word(scene.chapter),
        _word(scene.background),
        _word(scene.music),
        beats(scene.beats),
        tuple(choices),
        scene.next,
        scene.ending,
        scene.where[1],
        scene.where[2],
        scene.part_of,
        scene.returns_to,
        scene.returns,
        None if scene.transition is None else tuple(scene.transition),
    )


# What an expression in `set`/`add` was checked as, by its type (an enum's value is checked as "any", then by kind).
ASSIGNMENT_WANT = {"int": "int", "bool": "bool", "str": "any"}


def _word(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


# -- decoding --------------------------------------------------------------------------------------------------------


class _Checked:
    """One condition text of a cached story, parsed and typed the first time any of its uses is evaluated."""

    __slots__ = ("conditions", "expr", "text", "want")

    def __init__(self, text: str, conditions: Conditions, want: str = "bool") -> None:
        self.text = text
        self.conditions = conditions
        self.want = want
        self.expr: CompiledExpr | None = None

    def get(self) -> CompiledExpr:
        if self.expr is None:
            conditions = self.conditions
            self.expr = compile_expression(
                self.text,
                conditions.var_types,
                conditions.scene_ids,
                self.want,  # type: ignore[arg-type]
                conditions.constants,
            )
        return self.expr


class CachedCondition(CompiledExpr):
    """A condition of a story rebuilt from the cache. It was checked when the story was cached; its tree and closure
    are made again on first use (most conditions of a large story are never evaluated in one session), by the same
    code as at load. Each use has its own closure, as the loader leaves them (the branch tester tells conditions
    apart by their `fn`)."""

    __slots__ = ("_checked", "_fn")
    _checked: _Checked
    _fn: Fn | None

    def __init__(self, checked: _Checked) -> None:
        object.__setattr__(self, "source", checked.text)
        object.__setattr__(self, "_checked", checked)
        object.__setattr__(self, "_fn", None)

    @property
    def tree(self):
        return self._checked.get().tree

    @property
    def type(self):
        return self._checked.get().type

    @property
    def reads(self) -> frozenset[str]:
        return self._checked.get().reads

    @property
    def visits_read(self) -> frozenset[str]:
        return self._checked.get().visits_read

    @property
    def fn(self):
        fn = self._fn
        if fn is None:
            fn = compile_tree(self._checked.get().tree)
            object.__setattr__(self, "_fn", fn)
        return fn


class Conditions:
    """The conditions (and other expressions) of cached scenes, by text and wanted type: each is checked once, when
    first used; `labels` are the enum labels inline text shows, for reading a text's braces again."""

    def __init__(
        self,
        var_types: dict[str, VarType],
        scene_ids: Collection[str],
        constants: dict[str, int | bool] | None = None,
        labels: dict[str, dict[str, str]] | None = None,
    ) -> None:
        self.var_types = var_types
        self.scene_ids = scene_ids
        self.constants = constants or {}
        self.labels = labels or {}
        self.checked: dict[tuple[str, str], _Checked] = {}

    def __call__(self, text: str, want: str = "bool") -> CompiledExpr:
        checked = self.checked.get((text, want))
        if checked is None:
            checked = self.checked[text, want] = _Checked(text, self, want)
        return CachedCondition(checked)

    def inline(self, text: str) -> InlineText:
        """A text's braces read again (they were checked when the story was cached)."""
        return parse_inline(text, lambda source, offset, want: self(source, want), self.labels)


_new_tuple = tuple.__new__
_new = object.__new__
# The two commonest objects are made by setting their slots directly: half the time of their frozen __init__.
_TEXT_SLOTS = tuple(
    getattr(TextBeat, name).__set__
    for name in ("id", "kind", "speaker", "text", "expression", "where", "inline", "extends")
)
_STAGE_SLOTS = tuple(
    getattr(StageBeat, name).__set__
    for name in ("id", "action", "who", "expression", "at", "asset", "where", "outfit", "transition")
)


def decode_scenes(file: str, encoded: tuple, first_order: int, condition: Conditions) -> list[Scene]:
    """The scenes of one file from their record; `first_order` is the story order of the first."""

    def loc(line: int, column: int) -> Location:
        return _new_tuple(Location, (file, line, column))

    def assignments(items: tuple) -> tuple[Assignment, ...]:
        return tuple(
            Assignment(v, value, loc(line, column), None if expression is None else condition(*expression))
            for v, value, line, column, expression in items
        )

    def inline(text: str | None, has_braces: bool) -> InlineText | None:
        return condition.inline(text) if has_braces and text is not None else None

    t_id, t_kind, t_speaker, t_text, t_expression, t_where, t_inline, t_extends = _TEXT_SLOTS
    s_id, s_action, s_who, s_expression, s_at, s_asset, s_where, s_outfit, s_transition = _STAGE_SLOTS

    def beats(items: tuple) -> tuple[Beat, ...]:
        out: list[Beat] = []
        append = out.append
        beat: Beat
        for item in items:
            tag = item[0]
            if tag == _TEXT:
                beat = _new(TextBeat)
                t_id(beat, item[1])
                t_kind(beat, item[2])
                t_speaker(beat, item[3])
                t_text(beat, item[4])
                t_expression(beat, item[5])
                t_where(beat, _new_tuple(Location, (file, item[6], item[7])))
                t_inline(beat, condition.inline(item[4]) if item[8] else None)
                t_extends(beat, item[9])
                append(beat)
            elif tag == _STAGE:
                beat = _new(StageBeat)
                s_id(beat, item[1])
                s_action(beat, item[2])
                s_who(beat, item[3])
                s_expression(beat, item[4])
                s_at(beat, item[5])
                s_asset(beat, item[6])
                s_where(beat, _new_tuple(Location, (file, item[7], item[8])))
                s_outfit(beat, item[9])
                s_transition(beat, None if item[10] is None else Transition(*item[10]))
                append(beat)
            elif tag == _EFFECT:
                append(EffectBeat(item[1], assignments(item[2]), loc(item[3], item[4])))
            elif tag == _IF:
                _, source, then, otherwise, line, column = item
                append(IfBeat(condition(source), beats(then), beats(otherwise), loc(line, column)))
            else:
                append(GotoBeat(item[1], loc(item[2], item[3])))
        return tuple(out)

    scenes = []
    for order, item in enumerate(encoded, start=first_order):
        (
            scene_id,
            title,
            chapter,
            background,
            music,
            scene_beats,
            choices,
            next_id,
            ending,
            line,
            column,
            part_of,
            returns_to,
            returns,
            moving,
        ) = item
        scenes.append(
            Scene(
                scene_id,
                title,
                chapter,
                background,
                music,
                beats(scene_beats),
                tuple(
                    Choice(
                        choice_id,
                        index,
                        text,
                        goto,
                        assignments(sets),
                        assignments(adds),
                        None if source is None else condition(source),
                        locked,
                        once,
                        fallback,
                        loc(c_line, c_column),
                        flavor=flavor,
                        text_inline=inline(text, text_braces),
                        locked_inline=inline(locked, locked_braces),
                    )
                    for (
                        choice_id,
                        index,
                        text,
                        goto,
                        sets,
                        adds,
                        source,
                        locked,
                        once,
                        fallback,
                        c_line,
                        c_column,
                        flavor,
                        text_braces,
                        locked_braces,
                    ) in choices
                ),
                next_id,
                ending,
                loc(line, column),
                order,
                part_of=part_of,
                returns_to=returns_to,
                returns=returns,
                transition=None if moving is None else Transition(*moving),
            )
        )
    return scenes


@dataclass
class Head:
    """The manifest's part of a story, decoded."""

    title: str
    version: int | str
    start: str
    characters: dict[str, Character]
    variables: dict[str, Variable]
    invariant_texts: tuple[tuple[str, int, int], ...]
    endings: dict[str, Ending]
    content_note: str | None
    closing_note: str | None
    icon: str | None
    id: str
    constants: dict[str, int | bool]
    branding: Branding | None

    def labels(self) -> dict[str, dict[str, str]]:
        return {name: dict(variable.labels) for name, variable in self.variables.items() if variable.labels}

    def var_types(self) -> dict[str, VarType]:
        return {name: variable.type for name, variable in self.variables.items()}

    def invariants(self, manifest: str, condition: Callable[[str], CompiledExpr]) -> tuple[Invariant, ...]:
        return tuple(
            Invariant(condition(text), Location(manifest, line, column)) for text, line, column in self.invariant_texts
        )


def decode_head(manifest: str, head: tuple) -> Head:
    title, version, start, characters, variables, invariants, endings, notes, icon, story_id, constants, branding = head
    return Head(
        title,
        version,
        start,
        {c[0]: Character(c[0], c[1], c[2], Location(manifest, c[3], c[4])) for c in characters},
        {
            v[0]: Variable(
                v[0],
                VarType(v[1], tuple(v[2]), v[3], v[4]),
                v[5],
                v[6],
                Location(manifest, v[7], v[8]),
                tuple(tuple(label) for label in v[9]),
            )
            for v in variables
        },
        tuple(invariants),
        {e[0]: Ending(e[0], e[1], Location(manifest, e[3], e[4]), e[2]) for e in endings},
        notes[0],
        notes[1],
        icon,
        story_id,
        dict(constants),
        decode_branding(manifest, branding),
    )


def encode_branding(branding: Branding | None) -> tuple | None:
    if branding is None:
        return None
    places = tuple((at.line, at.column) if at else None for at in (branding.background_at, branding.music_at))
    words = (branding.heading, branding.subtitle, branding.footer, branding.background, branding.music)
    return (*words, branding.window_title, places)


def decode_branding(manifest: str, data: tuple | None) -> Branding | None:
    if data is None:
        return None
    *words, window_title, places = data
    at = [Location(manifest, *place) if place else None for place in places]
    return Branding(*words, window_title, at[0], at[1])  # type: ignore[call-arg]  # `words` is the first five


def chapters_of(record: Record) -> list[Chapter]:
    return [Chapter(name, first) for name, first in record.chapters]


def rebuild(record: Record, manifest: str) -> tuple[Head, dict[str, Scene], tuple[Invariant, ...]] | None:
    """The manifest's part, every scene and the invariants of a story whose files are all as cached; None when the
    record does not decode (it then does not match this engine: a real load follows)."""
    try:
        head = decode_head(manifest, record.head)
        scene_ids = {scene_id for file in record.files for scene_id, _, _ in file.ids}
        condition = Conditions(head.var_types(), scene_ids, head.constants, head.labels())
        scenes: dict[str, Scene] = {}
        for file in record.files:
            for scene in decode_scenes(file.display, file.scenes, len(scenes), condition):
                scenes[scene.id] = scene
        return head, scenes, head.invariants(manifest, condition)
    except Exception as error:  # a record this engine cannot read back is only a reason to load for real
        log.info("story cache not used (%s: %s)", type(error).__name__, error)
        return None


def decode_file(file: str, encoded: tuple, first_order: int, condition: Conditions) -> list[Scene] | None:
    """`decode_scenes`, or None when the record does not decode (the file is then read for real)."""
    try:
        return decode_scenes(file, encoded, first_order, condition)
    except Exception as error:  # as in `rebuild`
        log.info("story cache entry for %s not used (%s: %s)", file, type(error).__name__, error)
        return None
