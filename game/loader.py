"""Loading a story folder into a checked `Story`, reporting every problem at once.

This is where the story format (docs/AUTHORING.md) is enforced: the manifest, the scene files named by its globs,
every kind of beat, choices, conditions and endings. Reading happens in two passes: the first collects every scene
id from every file (so `goto` and `visited()` can name scenes in files not yet read), the second builds and checks
the scenes. Problems are collected with positions and raised together as one `StoryError`.
"""

from __future__ import annotations

import gc
import hashlib
import stat
from collections import deque
from collections.abc import Iterable
from pathlib import Path

from game import story_cache
from game.dressing import (
    DRESSING_KEYS,
    NO_DRESSING,
    Dressing,
    check_chapter_names,
    optional_outfit,
    read_background,
    read_chapters,
    read_dressing,
)
from game.expressions import CompiledExpr, ExpressionError, VarType, compile_expression
from game.expressions.compiler import compile_tree
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
from game.paths import assets_dir_for
from game.problems import Problem, StoryError, did_you_mean, display_path
from game.scene_globs import expand_scene_globs
from game.sources import DISK, Sources
from game.story_id import ID_RULE, MAX_ID_CHARS, is_story_id, story_slug
from game.yaml_fields import ID_PATTERN, MISSING, FieldReader, type_name
from game.yaml_source import Pos, SourceFile, YList, YMap, file_kind

MANIFEST_NAME = "story.yaml"
DEFAULT_SCENE_GLOBS = ("scenes/**/*.yaml",)
MAX_BEAT_DEPTH = 12
MAX_TITLE_CHARS = 100  # a story, scene or ending title, a chapter or a character's name: one line on screen

MANIFEST_KEYS = (
    "id",
    "title",
    "version",
    "start",
    "scenes",
    "characters",
    "variables",
    "invariants",
    "endings",
    "content_note",
    "closing_note",
    "chapters",
    "icon",
)
SCENE_KEYS = ("title", "chapter", "background", "music", "lines", "choices", "next", "ending", *DRESSING_KEYS)
CHOICE_KEYS = ("text", "goto", "set", "add", "if", "locked", "once", "fallback", "flavor")
VARIABLE_KEYS = ("type", "default", "min", "max", "values", "about")
EFFECTS = ("leaves", "sparkles", "hearts", "fade", "shake")
PLACES = ("left", "center", "right")
TEXT_BEATS = ("narrate", "think", "message")
STAGE_BEATS = ("show", "hide", "background", "music", "sound", "effect")
OTHER_BEATS = ("set", "add", "goto", "if")
RESERVED = frozenset(TEXT_BEATS + STAGE_BEATS + OTHER_BEATS + ("then", "else", "narrator", "none", "all"))
NARRATOR = "narrator"


def load_story(
    story_dir: Path,
    sources: Sources = DISK,
    *,
    cache: bool | None = None,
    parsed: dict[str, object] | None = None,
    records: story_cache.Records = story_cache.DISK_RECORDS,
) -> Story:
    """Load and check the story in `story_dir`; raise `StoryError` with every problem found.

    `sources` gives the files' text: the disk, or an editor's unsaved buffers over it (`game.sources`).

    Through the compiled-story cache (`game.story_cache`, its records kept by `records`: the user cache folder unless
    a long-running process keeps its own) unless `cache` is False, or None and the cache is off for this process: an
    unchanged story is rebuilt from it without reading YAML, a changed one reads only what changed, and what it finds
    never changes the result (nor the problems of a story that does not load).

    `parsed`, when given, receives the positioned YAML value of every file this load parsed, by display name (the
    linter finds positions inside values in them without reading the files again).
    """
    story_dir = Path(story_dir)
    use_cache = story_cache.enabled() if cache is None else cache
    # Loading makes millions of small objects and no reference cycles, so the cycle collector would only rescan
    # the growing heap again and again (it took half the time of a 10,000-scene load); it is paused meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        record = records.read(story_dir) if use_cache else None
        loader = _StoryLoader(story_dir, sources, record, keep_parsed=parsed is not None, records=records)
        try:
            story = loader.load()
        except StoryError:
            if record is None:
                raise
            loader = _StoryLoader(story_dir, sources)  # the problems exactly as a load without the cache finds them
            story = loader.load()
        if use_cache and not loader.whole_from_cache:
            records.write(story_dir, loader.record(), loader.file_scenes)
        if parsed is not None:
            parsed.update(loader.parsed)
        return story
    finally:
        if collecting:
            gc.enable()


_new_tuple = tuple.__new__


def _location(reader: FieldReader, pos: Pos) -> Location:
    return _new_tuple(Location, (reader.display, pos.line, pos.column))  # Location(...) minus its Python __new__


class _CachedFile:
    """A scene file whose bytes match its cached record: its scenes come from the record, not from YAML."""

    __slots__ = ("data", "display", "path", "record")

    def __init__(self, path: Path, display: str, record: story_cache.FileRecord, data: bytes) -> None:
        self.path = path
        self.display = display
        self.record = record
        self.data = data


class _StoryLoader:
    def __init__(
        self,
        story_dir: Path,
        sources: Sources = DISK,
        cached: story_cache.Record | None = None,
        keep_parsed: bool = False,
        records: story_cache.Records = story_cache.DISK_RECORDS,
    ) -> None:
        self.story_dir = story_dir
        self.sources = sources
        self.records = records
        self.cached = cached
        self.whole_from_cache = False
        self.manifest_digest = b""
        self.globs: tuple[str, ...] = ()
        self.digests: dict[str, bytes] = {}  # scene file display -> hash of its bytes
        self.file_ids: dict[str, list[tuple[str, int, int]]] = {}  # scene file display -> its scene ids, positions
        self.file_scenes: dict[str, list[Scene]] = {}  # scene file display -> the scenes built from it
        self.reused: dict[str, story_cache.FileRecord] = {}  # scene files whose scenes came from the cache
        self.paths: dict[str, str] = {}  # scene file display -> its path as the globs found it
        self.cached_files = cached.by_display() if cached is not None else {}
        self.result: Story | None = None
        self.cache_conditions: story_cache.Conditions | None = None
        self.keep_parsed = keep_parsed
        self.parsed: dict[str, object] = {}  # display -> the YAML value of each file parsed (when kept)
        self.base = story_dir.resolve().parent
        self.problems: list[Problem] = []
        self.characters: dict[str, Character] = {}
        self.variables: dict[str, Variable] = {}
        self.var_types: dict[str, VarType] = {}
        self.endings: dict[str, Ending] = {}
        self.chapter_dressing: dict[str, Dressing] = {}
        self.scene_ids: set[str] = set()
        self.scenes: dict[str, Scene] = {}
        # Conditions repeat across a story ("nick_out == 5"); each text is parsed and checked once per load. Variables
        # and scene ids are all known before the first condition is compiled, so a text always compiles the same way.
        self.compiled: dict[str, CompiledExpr | ExpressionError] = {}

    # -- entry ---------------------------------------------------------------------------------------------------

    def load(self) -> Story:
        manifest_path = self.story_dir / MANIFEST_NAME
        display = display_path(manifest_path, self.base)
        where = self._not_a_story(manifest_path)
        if where is not None:
            raise StoryError([where])
        manifest_data = self.sources.data(manifest_path)
        prefetched: dict[str, bytes] = {}
        if manifest_data is not None:
            self.manifest_digest = story_cache.content_hash(manifest_data)
            if self.cached is not None and self.cached.manifest_digest == self.manifest_digest:
                story = self._whole_from_cache(self.cached, display, prefetched)
                if story is not None:
                    return story
            else:
                self.cached_files = {}  # a changed manifest can change how every scene reads: nothing is reused
        else:
            self.cached_files = {}
        source = self.sources.parse(manifest_path, display, manifest_data)
        if self.keep_parsed:
            self.parsed[display] = source.value
        self.problems.extend(source.problems)
        reader = FieldReader(display, self.problems)
        if source.value is None and source.problems:
            raise StoryError(self.problems)
        manifest = reader.mapping(source.value, Pos(1, 1), "the manifest", "title: ...")
        if manifest is None:
            raise StoryError(self.problems)
        reader.known_keys(manifest, MANIFEST_KEYS, "the manifest")

        title = reader.text(manifest, "title", "the manifest", required=True, max_chars=MAX_TITLE_CHARS)
        story_id = self._story_id(reader, manifest, title if isinstance(title, str) else "")
        version = self._version(reader, manifest)
        self._characters(reader, manifest)
        self._variables(reader, manifest)
        self._endings(reader, manifest)
        self.chapter_dressing = read_chapters(reader, manifest, self.characters)
        notes = {key: self._optional_text(reader, manifest, key) for key in ("content_note", "closing_note")}
        icon = reader.identifier(manifest["icon"], manifest.where("icon"), "icon id") if "icon" in manifest else None

        files = self._scene_files(reader, manifest)
        if files is None:  # a limit was passed: nothing more can be checked
            raise StoryError(self.problems)
        sources = [self._scene_source(path, prefetched) for path in files]
        for scene_source in sources:
            if isinstance(scene_source, SourceFile):
                self.problems.extend(scene_source.problems)
                if self.keep_parsed:
                    self.parsed[scene_source.display] = scene_source.value
        self._collect_scene_ids(sources)
        start = self._start(reader, manifest)
        invariants = self._invariants(reader, manifest)
        for scene_source in sources:
            if isinstance(scene_source, _CachedFile):
                self._cached_scene_file(scene_source)
                scene_source.data = b""
            else:
                self._scene_file(scene_source)
                # Its scenes are built: its YAML can go now, not at the end, so the story and every file's
                # positioned values are never all in memory at once.
                scene_source.value = None
        check_chapter_names(reader, manifest, {scene.chapter for scene in self.scenes.values()})
        if not self.scenes and not any(p.severity == "error" for p in self.problems):
            reader.error(
                manifest.pos,
                "the story has no scenes",
                "add scene files under story/scenes/ (or change the 'scenes' globs)",
            )
        if any(p.severity == "error" for p in self.problems):
            raise StoryError(self.problems)
        playthroughs = tuple(sorted((self.story_dir / "playthroughs").glob("*.yaml")))
        self.result = Story(
            title=title if isinstance(title, str) else "Untitled",
            version=version,
            start=start or "",
            scenes=self.scenes,
            characters=self.characters,
            variables=self.variables,
            invariants=invariants,
            endings=self.endings,
            chapters=self._chapters(start or ""),
            content_note=notes["content_note"],
            closing_note=notes["closing_note"],
            story_dir=self.story_dir.resolve(),
            assets_dir=assets_dir_for(self.story_dir),
            manifest_file=display,
            source_files=tuple(s.display for s in sources),
            playthrough_files=playthroughs,
            icon=icon,
            id=story_id,
        )
        return self.result

    # -- the compiled-story cache --------------------------------------------------------------------------------

    def _whole_from_cache(
        self, record: story_cache.Record, manifest: str, prefetched: dict[str, bytes]
    ) -> Story | None:
        """The story rebuilt from its record when every scene file is as cached, else None (the bytes read so far
        are left in `prefetched`, by path, for the load that follows)."""
        failed: list[str] = []
        files = expand_scene_globs(
            self.story_dir,
            [(pattern, lambda message, hint: failed.append(message)) for pattern in record.globs],
            lambda message, hint: failed.append(message),
            MANIFEST_NAME,
        )
        if failed or [str(path) for path in files] != [f.path for f in record.files]:
            return None
        same = True
        for path, file in zip(files, record.files):
            data = self.sources.data(path)
            if data is None:
                return None
            prefetched[file.path] = data
            same = same and story_cache.content_hash(data) == file.digest
        if not same:
            return None
        rebuilt = story_cache.rebuild(record, manifest)
        if rebuilt is None:
            return None
        head, scenes, invariants = rebuilt
        self.whole_from_cache = True
        return Story(
            title=head.title,
            version=head.version,
            start=head.start,
            scenes=scenes,
            characters=head.characters,
            variables=head.variables,
            invariants=invariants,
            endings=head.endings,
            chapters=story_cache.chapters_of(record),
            content_note=head.content_note,
            closing_note=head.closing_note,
            story_dir=self.story_dir.resolve(),
            assets_dir=assets_dir_for(self.story_dir),
            manifest_file=manifest,
            source_files=tuple(file.display for file in record.files),
            playthrough_files=tuple(sorted((self.story_dir / "playthroughs").glob("*.yaml"))),
            icon=head.icon,
            id=head.id,
        )

    def _scene_source(self, path: Path, prefetched: dict[str, bytes]) -> SourceFile | _CachedFile:
        display = display_path(path, self.base)
        data = prefetched.pop(str(path), None)
        if data is None:
            data = self.sources.data(path)
        if data is None:
            return self.sources.read(path, display)  # says what is wrong with it
        digest = story_cache.content_hash(data)
        self.digests[display] = digest
        self.paths[display] = str(path)
        record = self.cached_files.get(display)
        if record is not None and record.digest == digest and record.path == str(path):
            return _CachedFile(path, display, record, data)
        return self.sources.parse(path, display, data)

    def _cached_scene_file(self, source: _CachedFile) -> None:
        """A cached file's scenes, when every scene it refers to still exists; else it is read again."""
        record = source.record
        built = None
        if self.scene_ids.issuperset(record.refs):
            if self.cache_conditions is None:
                self.cache_conditions = story_cache.Conditions(self.var_types, self.scene_ids)
            built = self.records.decode(record, len(self.scenes), self.cache_conditions)
        if built is None:
            parsed = self.sources.parse(source.path, source.display, source.data)
            self.problems.extend(parsed.problems)
            self._scene_file(parsed)
            return
        for scene in built:
            self.scenes[scene.id] = scene
        self.file_scenes[source.display] = built
        self.reused[source.display] = record

    def record(self) -> story_cache.Record:
        """What the cache keeps of the story just loaded."""
        story = self.result
        assert story is not None
        files = []
        for display in story.source_files:
            reused = self.reused.get(display)
            if reused is not None:
                files.append(reused)
                continue
            refs: set[str] = set()
            encoded = tuple(story_cache.encode_scene(scene, refs) for scene in self.file_scenes.get(display, ()))
            files.append(
                story_cache.FileRecord(
                    self.paths.get(display, ""),
                    display,
                    self.digests.get(display, b""),
                    tuple(self.file_ids.get(display, ())),
                    tuple(sorted(refs)),
                    encoded,
                )
            )
        return story_cache.Record(
            str(self.story_dir.resolve()),
            self.manifest_digest,
            story_cache.encode_head(story),
            self.globs,
            files,
            tuple((chapter.name, chapter.first_scene) for chapter in story.chapters),
        )

    def _not_a_story(self, manifest_path: Path) -> Problem | None:
        """What is wrong when the folder or its manifest is not there, or is something else; None when all is well.

        A manifest that is a FIFO, a socket or a device is left to `read_yaml`, which names it without waiting on it.
        """
        shown = self.story_dir.as_posix()
        try:
            folder = self.story_dir.stat()
        except OSError:
            return Problem(shown, 1, 1, "the story folder does not exist", "give the folder that holds story.yaml")
        if not stat.S_ISDIR(folder.st_mode):
            hint = "give the folder that holds story.yaml"
            if self.story_dir.name == MANIFEST_NAME:
                hint += f": {self.story_dir.parent.as_posix()}"
            return Problem(shown, 1, 1, "this is a file, not a story folder", hint)
        display = display_path(manifest_path, self.base)
        try:
            manifest = manifest_path.stat()
        except OSError:
            return Problem(
                display,
                1,
                1,
                "the story has no manifest (story.yaml)",
                "create story.yaml with title, start, characters, variables and endings",
            )
        if stat.S_ISDIR(manifest.st_mode):
            return Problem(
                display,
                1,
                1,
                f"{MANIFEST_NAME} is {file_kind(manifest.st_mode)}, not a file",
                "story.yaml must be the manifest file: rename the folder, then write the manifest",
            )
        return None

    # -- manifest ------------------------------------------------------------------------------------------------

    def _story_id(self, reader: FieldReader, manifest: YMap, title: str) -> str:
        """The manifest's `id`, the stable name saves are kept under; the title's slug when there is none."""
        if "id" not in manifest:
            return story_slug(title)
        value = manifest["id"]
        if not isinstance(value, str) or not is_story_id(value):
            shown = f"'{value}'" if isinstance(value, str) and len(value) <= 80 else type_name(value)
            reader.error(
                manifest.where("id"),
                f"the story id {shown} is not a valid id",
                f"an id is {ID_RULE}, at most {MAX_ID_CHARS} characters (for example '{story_slug(title)}')",
            )
            return story_slug(title)
        return value

    def _version(self, reader: FieldReader, manifest: YMap) -> int | str:
        version = manifest.get("version", 1)
        if isinstance(version, bool) or not isinstance(version, (int, str)):
            reader.error(
                manifest.where("version"),
                f"'version' must be a number or text, but it is {type_name(version)}",
                "write for example 'version: 3'",
            )
            return 1
        return version

    def _optional_text(self, reader: FieldReader, mapping: YMap, key: str) -> str | None:
        value = reader.text(mapping, key, "the manifest")
        return value if isinstance(value, str) else None

    def _characters(self, reader: FieldReader, manifest: YMap) -> None:
        characters = manifest.get("characters", MISSING)
        if characters is MISSING:
            return
        table = reader.mapping(
            characters,
            manifest.where("characters"),
            "'characters'",
            '{charlie: {name: Charlie, color: "#7fb8e8"}}',
        )
        if table is None:
            return
        for char_id, spec in table.items():
            key_pos = table.key_pos[char_id]
            if reader.identifier(char_id, key_pos, "character id") is None:
                continue
            if char_id in RESERVED:
                hint = "'narrator' is built in" if char_id == NARRATOR else "choose another id"
                reader.error(key_pos, f"'{char_id}' cannot be a character id: it is a word of the story format", hint)
                continue
            what = f"character '{char_id}'"
            if isinstance(spec, str):  # shorthand: `tao: Tao`
                self.characters[char_id] = Character(char_id, spec, "#ffffff", _location(reader, key_pos))
                continue
            spec_map = reader.mapping(spec, table.where(char_id), what, '{name: Charlie, color: "#7fb8e8"}')
            if spec_map is None:
                continue
            reader.known_keys(spec_map, ("name", "color"), what)
            name = reader.text(spec_map, "name", what, required=True, max_chars=MAX_TITLE_CHARS)
            color = reader.text(spec_map, "color", what)
            if isinstance(color, str) and not _is_colour(color):
                reader.error(spec_map.where("color"), f"'{color}' is not a colour", 'write it as "#rrggbb"')
                color = None
            self.characters[char_id] = Character(
                char_id,
                name if isinstance(name, str) else char_id,
                color if isinstance(color, str) else "#ffffff",
                _location(reader, key_pos),
            )

    def _variables(self, reader: FieldReader, manifest: YMap) -> None:
        variables = manifest.get("variables", MISSING)
        if variables is MISSING:
            return
        table = reader.mapping(
            variables,
            manifest.where("variables"),
            "'variables'",
            "{grades: {type: int, default: 2, min: 0, max: 5}}",
        )
        if table is None:
            return
        for var_id, spec in table.items():
            key_pos = table.key_pos[var_id]
            if reader.identifier(var_id, key_pos, "variable name") is None:
                continue
            if var_id in ("true", "false", "and", "or", "not", "visited"):
                reader.error(
                    key_pos,
                    f"'{var_id}' cannot be a variable name: it is a word of the condition language",
                    "choose another name",
                )
                continue
            variable = self._variable(reader, var_id, table, spec)
            if variable is not None:
                self.variables[var_id] = variable
                self.var_types[var_id] = variable.type

    def _variable(self, reader: FieldReader, var_id: str, table: YMap, spec: object) -> Variable | None:
        what = f"variable '{var_id}'"
        spec_map = reader.mapping(spec, table.where(var_id), what, "{type: int, default: 0}")
        if spec_map is None:
            return None
        reader.known_keys(spec_map, VARIABLE_KEYS, what)
        kind = spec_map.get("type", MISSING)
        if kind is MISSING:
            reader.error(spec_map.pos, f"{what} needs a 'type'", "add 'type: int', 'type: bool' or 'type: enum'")
            return None
        if kind not in ("int", "bool", "enum"):
            suggestion = did_you_mean(str(kind), ("int", "bool", "enum")) if isinstance(kind, str) else ""
            reader.error(
                spec_map.where("type"),
                f"unknown type '{kind}' for {what}",
                suggestion or "the types are int, bool and enum",
            )
            return None
        values: tuple[str, ...] = ()
        minimum = maximum = None
        where = spec_map.where
        if kind == "enum":
            raw = spec_map.get("values", MISSING)
            if raw is MISSING:
                reader.error(spec_map.pos, f"{what} is an enum and needs 'values'", "add 'values: [a, b, c]'")
                return None
            items = reader.sequence(raw, where("values"), f"'values' of {what}", "[tao, isaac]")
            if items is None:
                return None
            checked = [reader.identifier(v, p, "enum value") for v, p in zip(items, items.item_pos)]
            if None in checked:
                return None
            if len(set(checked)) != len(checked):
                reader.error(where("values"), f"'values' of {what} repeats a value", "list each value once")
                return None
            if not checked:
                reader.error(where("values"), f"'values' of {what} is empty", "list at least one value")
                return None
            values = tuple(checked)  # type: ignore[arg-type]
        else:
            for key in ("values",):
                if key in spec_map:
                    reader.error(
                        spec_map.key_pos[key],
                        f"'values' is only for enum variables, not {kind}",
                        "remove it, or make the type enum",
                    )
        if kind == "int":
            minimum = self._bound(reader, spec_map, "min", what)
            maximum = self._bound(reader, spec_map, "max", what)
            if minimum is not None and maximum is not None and minimum > maximum:
                reader.error(where("min"), f"{what} has min {minimum} above max {maximum}", "swap them")
                return None
        else:
            for key in ("min", "max"):
                if key in spec_map:
                    reader.error(
                        spec_map.key_pos[key],
                        f"'{key}' is only for int variables, not {kind}",
                        "remove it, or make the type int",
                    )
        var_type = VarType(kind, values, minimum, maximum)
        about = spec_map.get("about", "")
        if not isinstance(about, str):
            reader.error(where("about"), f"'about' of {what} must be text", "put it in double quotes")
            about = ""
        if "default" not in spec_map:
            reader.error(spec_map.pos, f"{what} needs a 'default'", "every variable starts from a default value")
            return None
        variable = Variable(var_id, var_type, False, about, _location(reader, spec_map.pos))
        default = spec_map["default"]
        if not variable.accepts(default):
            reader.error(
                where("default"),
                f"the default of {what} must be {variable.describe()}, but it is {default!r}",
                "change the default, or the variable's range",
            )
            return None
        return Variable(var_id, var_type, default, about, _location(reader, table.key_pos[var_id]))

    @staticmethod
    def _bound(reader: FieldReader, spec_map: YMap, key: str, what: str) -> int | None:
        if key not in spec_map:
            return None
        value = spec_map[key]
        if isinstance(value, bool) or not isinstance(value, int):
            reader.error(
                spec_map.where(key),
                f"'{key}' of {what} must be a whole number, but it is {type_name(value)}",
                f"write for example '{key}: 0'",
            )
            return None
        return value

    def _endings(self, reader: FieldReader, manifest: YMap) -> None:
        endings = manifest.get("endings", MISSING)
        if endings is MISSING:
            reader.error(
                manifest.pos,
                "the manifest declares no endings",
                "add 'endings:' with at least one ending, e.g. {home: {title: \"Home\"}}",
            )
            return
        table = reader.mapping(endings, manifest.where("endings"), "'endings'", '{home: {title: "Home"}}')
        if table is None:
            return
        for ending_id, spec in table.items():
            key_pos = table.key_pos[ending_id]
            if reader.identifier(ending_id, key_pos, "ending id") is None:
                continue
            what = f"ending '{ending_id}'"
            spec_map = reader.mapping(spec, table.where(ending_id), what, '{title: "Home"}')
            if spec_map is None:
                continue
            reader.known_keys(spec_map, ("title", "hint"), what)
            title = reader.text(spec_map, "title", what, required=True, max_chars=MAX_TITLE_CHARS)
            hint = reader.text(spec_map, "hint", what)
            self.endings[ending_id] = Ending(
                ending_id,
                title if isinstance(title, str) else ending_id,
                _location(reader, key_pos),
                hint if isinstance(hint, str) else "",
            )

    def _scene_files(self, reader: FieldReader, manifest: YMap) -> list[Path] | None:
        """The scene files the manifest's globs name, or None when they pass a limit (said as a problem)."""
        globs: list[tuple[str, Pos]] = [(g, manifest.pos) for g in DEFAULT_SCENE_GLOBS]
        if "scenes" in manifest:
            items = reader.sequence(manifest["scenes"], manifest.where("scenes"), "'scenes'", '["scenes/**/*.yaml"]')
            if items is None:
                return []
            globs = []
            for pattern, pos in zip(items, items.item_pos):
                if not isinstance(pattern, str) or not pattern.strip():
                    reader.error(pos, "a scene glob must be text", 'for example "scenes/**/*.yaml"')
                elif pattern.startswith(("/", "\\")) or ".." in Path(pattern).parts or ":" in pattern:
                    reader.error(
                        pos,
                        f"the scene glob '{pattern}' reaches outside the story folder",
                        "globs are relative to the story folder, without '..'",
                    )
                else:
                    globs.append((pattern, pos))

        def at(pos: Pos):
            return lambda message, hint: reader.error(pos, message, hint)

        limits: list[str] = []

        def too_much(message: str, hint: str) -> None:
            limits.append(message)
            reader.error(manifest.where("scenes"), message, hint)

        self.globs = tuple(g for g, _ in globs)
        files = expand_scene_globs(self.story_dir, [(g, at(pos)) for g, pos in globs], too_much, MANIFEST_NAME)
        return None if limits else files

    def _collect_scene_ids(self, sources: list[SourceFile | _CachedFile]) -> None:
        first_seen: dict[str, str] = {}
        for source in sources:
            if isinstance(source, _CachedFile):
                ids = [(scene_id, Pos(line, column)) for scene_id, line, column in source.record.ids]
            elif isinstance(source.value, YMap):
                ids = list(source.value.key_pos.items())
            else:
                continue
            reader = FieldReader(source.display, self.problems)
            kept = self.file_ids.setdefault(source.display, [])
            for scene_id, pos in ids:
                if not isinstance(scene_id, str) or not ID_PATTERN.match(scene_id):
                    continue
                kept.append((scene_id, pos.line, pos.column))
                if scene_id in first_seen:
                    reader.error(
                        pos,
                        f"scene '{scene_id}' is already defined in {first_seen[scene_id]}",
                        "scene ids are unique across the story: rename one of them",
                    )
                    continue
                clash = self._clash(scene_id)
                if clash:
                    reader.error(
                        pos,
                        f"scene id '{scene_id}' is already used by {clash}",
                        "ids of scenes, characters, variables and endings are unique: rename one",
                    )
                first_seen[scene_id] = f"{source.display}:{pos.line}"
                self.scene_ids.add(scene_id)

    def _clash(self, scene_id: str) -> str:
        for table, what in (
            (self.characters, "a character"),
            (self.variables, "a variable"),
            (self.endings, "an ending"),
        ):
            if scene_id in table:
                return what
        return ""

    def _start(self, reader: FieldReader, manifest: YMap) -> str | None:
        if "start" not in manifest:
            reader.error(manifest.pos, "the manifest needs 'start', the first scene", "add 'start: SCENE_ID'")
            return None
        return reader.reference(manifest["start"], manifest.where("start"), "start scene", self.scene_ids)

    def _invariants(self, reader: FieldReader, manifest: YMap) -> tuple[Invariant, ...]:
        if "invariants" not in manifest:
            return ()
        items = reader.sequence(manifest["invariants"], manifest.where("invariants"), "'invariants'", '["grades >= 0"]')
        if items is None:
            return ()
        invariants = []
        for text, pos in zip(items, items.item_pos):
            compiled = self._condition(reader, text, pos, "an invariant")
            if compiled is not None:
                invariants.append(Invariant(compiled, _location(reader, pos)))
        return tuple(invariants)

    def _condition(self, reader: FieldReader, text: object, pos: Pos, what: str) -> CompiledExpr | None:
        if isinstance(text, bool):  # `if: true` is a constant condition, allowed
            text = "true" if text else "false"
        if not isinstance(text, str):
            reader.error(
                pos,
                f"{what} must be a condition in quotes, but it is {type_name(text)}",
                'write for example "grades >= 2"',
            )
            return None
        compiled = self.compiled.get(text)
        if compiled is None:
            try:
                compiled = compile_expression(text, self.var_types, self.scene_ids, "bool")
            except ExpressionError as error:
                compiled = error
            self.compiled[text] = compiled
        elif not isinstance(compiled, ExpressionError):
            # Every use gets its own closure, as before: the branch tester tells conditions apart by their `fn`.
            compiled = CompiledExpr(
                compiled.source,
                compiled.tree,
                compiled.type,
                compiled.reads,
                compiled.visits_read,
                compile_tree(compiled.tree),
            )
        if isinstance(compiled, ExpressionError):
            line, column = pos.line, pos.column
            if "\n" not in text:
                column += compiled.offset + (1 if pos.quoted else 0)
            reader.error(Pos(line, column), f"in {what}: {compiled.message}", compiled.hint)
            return None
        return compiled

    # -- scenes --------------------------------------------------------------------------------------------------

    def _scene_file(self, source: SourceFile) -> None:
        reader = FieldReader(source.display, self.problems)
        if source.value is None:
            if not source.problems:
                reader.error(Pos(1, 1), "the scene file is empty", "add scenes, or remove the file")
            return
        table = reader.mapping(source.value, Pos(1, 1), "a scene file", "my_scene: {title: ..., lines: [...]}")
        if table is None:
            return
        built = self.file_scenes.setdefault(source.display, [])
        for scene_id, spec in table.items():
            key_pos = table.key_pos[scene_id]
            if reader.identifier(scene_id, key_pos, "scene id") is None:
                continue
            if scene_id in self.scenes:  # duplicate already reported
                continue
            scene = _SceneBuilder(self, reader, scene_id, key_pos).build(spec, table.where(scene_id))
            if scene is not None:
                self.scenes[scene_id] = scene
                built.append(scene)

    def _chapters(self, start: str) -> list[Chapter]:
        """Chapters in the order play discovers them from the start (then any others in file order)."""
        order: list[str] = []
        seen: set[str] = set()
        queue = deque([start] if start in self.scenes else [])
        seen.update(queue)
        while queue:
            scene_id = queue.popleft()
            order.append(scene_id)
            for target in scene_targets(self.scenes[scene_id]):
                if target not in seen and target in self.scenes:
                    seen.add(target)
                    queue.append(target)
        order.extend(s for s in self.scenes if s not in seen)
        chapters: dict[str, str] = {}
        for scene_id in order:
            chapters.setdefault(self.scenes[scene_id].chapter, scene_id)
        return [Chapter(name, first) for name, first in chapters.items()]


def scene_targets(scene: Scene) -> Iterable[str]:
    """Every scene a scene can lead to: its gotos (in beats, at any depth), its next and its choices."""

    def walk(beats: tuple[Beat, ...]) -> Iterable[str]:
        for beat in beats:
            if isinstance(beat, GotoBeat):
                yield beat.target
            elif isinstance(beat, IfBeat):
                yield from walk(beat.then)
                yield from walk(beat.otherwise)

    yield from walk(scene.beats)
    if scene.next:
        yield scene.next
    for choice in scene.choices:
        yield choice.goto


def _is_colour(text: str) -> bool:
    return len(text) in (4, 7) and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:])


class _SceneBuilder:
    """Builds one scene, reporting problems through the file's reader."""

    def __init__(self, loader: _StoryLoader, reader: FieldReader, scene_id: str, key_pos: Pos) -> None:
        self.loader = loader
        self.reader = reader
        self.scene_id = scene_id
        self.key_pos = key_pos
        self.id_counts: dict[str, int] = {}
        self.what = f"scene '{scene_id}'"
        self.dressing = NO_DRESSING

    def build(self, spec: object, pos: Pos) -> Scene | None:
        reader = self.reader
        scene = reader.mapping(spec, pos, self.what, '{title: "...", chapter: ..., lines: [...], next: ...}')
        if scene is None:
            return None
        reader.known_keys(scene, SCENE_KEYS, self.what)
        # What the scene as a whole lacks is said at its id, where an author looks for a scene
        title = reader.text(
            scene, "title", self.what, required=True, missing_at=self.key_pos, max_chars=MAX_TITLE_CHARS
        )
        chapter = reader.text(
            scene, "chapter", self.what, required=True, missing_at=self.key_pos, max_chars=MAX_TITLE_CHARS
        )
        chapter_dressing = self.loader.chapter_dressing.get(chapter, NO_DRESSING) if isinstance(chapter, str) else None
        self.dressing = read_dressing(reader, scene, self.what, self.loader.characters).over(
            chapter_dressing or NO_DRESSING
        )
        background = (
            read_background(reader, scene["background"], scene.where("background"), "'background'", self.dressing)
            if "background" in scene
            else None
        )
        music = self._asset(scene, "music", allow_none=True)
        beats: tuple[Beat, ...] = ()
        if "lines" in scene:
            items = reader.sequence(
                scene["lines"], scene.where("lines"), f"'lines' of {self.what}", '[{narrate: "..."}]'
            )
            if items is not None:
                beats = self._beats(items, 0)
        exits = [key for key in ("choices", "next", "ending") if key in scene]
        next_id = ending = None
        choices: tuple[Choice, ...] = ()
        if not exits:
            reader.error(self.key_pos, f"{self.what} has no way on", "end it with 'choices', 'next' or 'ending'")
        elif len(exits) > 1:
            reader.error(
                scene.key_pos[exits[1]],
                f"{self.what} has both '{exits[0]}' and '{exits[1]}'",
                "a scene ends in exactly one of choices, next or ending",
            )
        else:
            exit_key = exits[0]
            where = scene.where(exit_key)
            if exit_key == "next":
                next_id = self._scene_ref(scene[exit_key], where, "next scene")
            elif exit_key == "ending":
                ending = reader.reference(
                    scene[exit_key],
                    where,
                    "ending",
                    self.loader.endings,
                    "declare it under 'endings' in story.yaml",
                )
            else:
                choices = self._choices(scene[exit_key], where)
        if not all(isinstance(v, str) for v in (title, chapter)):
            return None
        return Scene(
            self.scene_id,
            title,
            chapter,
            background,
            music,
            beats,
            choices,
            next_id,
            ending,
            _location(reader, self.key_pos),
            len(self.loader.scenes),
        )

    def _asset(self, scene: YMap, key: str, allow_none: bool = False) -> str | None:
        if key not in scene:
            return None
        value = scene[key]
        if value is None and allow_none:
            return "none"
        return self.reader.identifier(value, scene.where(key), f"{key} asset id")

    def _scene_ref(self, value: object, pos: Pos, what: str) -> str | None:
        return self.reader.reference(value, pos, what, self.loader.scene_ids, "no scene has this id")

    def _beat_id(self, kind: str, speaker: str | None, text: str) -> str:
        digest = hashlib.blake2b(f"{kind}\x1f{speaker}\x1f{text}".encode(), digest_size=4).hexdigest()
        count = self.id_counts.get(digest, 0) + 1
        self.id_counts[digest] = count
        return f"{self.scene_id}.{digest}" + (f".{count}" if count > 1 else "")

    # -- beats ---------------------------------------------------------------------------------------------------

    def _beats(self, items: YList, depth: int) -> tuple[Beat, ...]:
        if depth > MAX_BEAT_DEPTH:
            self.reader.error(
                items.pos,
                f"'if' beats are nested more than {MAX_BEAT_DEPTH} deep",
                "split the scene into smaller scenes",
            )
            return ()
        beats: list[Beat] = []
        for item, pos in zip(items, items.item_pos):
            beat = self._beat(item, pos, depth)
            if beat is not None:
                beats.append(beat)
        return tuple(beats)

    def _beat(self, item: object, pos: Pos, depth: int) -> Beat | None:
        reader = self.reader
        beat = reader.mapping(item, pos, "a beat", '{narrate: "..."}')
        if beat is None:
            return None
        if "if" in beat:
            return self._if(beat, depth)
        if len(beat) != 1:
            keys = ", ".join(beat)
            reader.error(
                beat.pos,
                f"a beat has one key, but this one has {len(beat)} ({keys})",
                "put each beat in its own '- ' item (only 'if' goes with 'then' and 'else')",
            )
            return None
        ((key, value),) = beat.items()
        where = beat.value_pos[key]
        loc = _location(reader, beat.key_pos[key])
        if key in self.loader.characters:  # speech, the commonest beat, first (no character id is a format word)
            return self._speech(key, value, where, loc)
        if key == "narrate" or key == NARRATOR:
            text = self._text_value(value, where, "narration")
            return (
                None
                if text is None
                else TextBeat(self._beat_id("narration", None, text), "narration", None, text, None, loc)
            )
        if key in ("think", "message"):
            return self._think_or_message(key, value, where, loc)
        if key in STAGE_BEATS:
            return self._stage(key, value, where, loc)
        if key in ("set", "add"):
            return self._effect(key, value, where, loc)
        if key == "goto":
            target = self._scene_ref(value, where, "scene")
            return None if target is None else GotoBeat(target, loc)
        if key in ("then", "else"):
            reader.error(beat.key_pos[key], f"'{key}' without 'if'", "add 'if: \"condition\"' to this beat")
            return None
        candidates = list(TEXT_BEATS + STAGE_BEATS + OTHER_BEATS) + list(self.loader.characters)
        hint = did_you_mean(key, candidates) or (
            "a beat is narrate, think, message, show, hide, background, music, sound, effect, set, add, if, goto, "
            "or a character id declared in story.yaml"
        )
        reader.error(beat.key_pos[key], f"unknown beat or character '{key}'", hint)
        return None

    def _text_value(self, value: object, pos: Pos, what: str) -> str | None:
        if not isinstance(value, str):
            self.reader.error(
                pos,
                f"the {what} must be text, but it is {type_name(value)}",
                'put the text in double quotes: "..."',
            )
            return None
        if not value.strip():
            self.reader.error(pos, f"the {what} is empty", "write the text, or remove the beat")
            return None
        return value

    def _character(self, value: object, pos: Pos) -> str | None:
        return self.reader.reference(
            value, pos, "character", self.loader.characters, "declare it under 'characters' in story.yaml"
        )

    def _expression(self, value: object, pos: Pos) -> str | None:
        return self.reader.identifier(value, pos, "expression")

    def _speech(self, speaker: str, value: object, pos: Pos, loc: Location) -> TextBeat | None:
        expression = None
        if isinstance(value, YMap):
            self.reader.known_keys(value, ("text", "as"), f"a line of {speaker}")
            text = self.reader.text(value, "text", f"a line of {speaker}", required=True)
            if "as" in value:
                expression = self._expression(value["as"], value.where("as"))
            if not isinstance(text, str):
                return None
        else:
            text = self._text_value(value, pos, f"line of {speaker}")
            if text is None:
                return None
        return TextBeat(self._beat_id("speech", speaker, text), "speech", speaker, text, expression, loc)

    def _think_or_message(self, key: str, value: object, pos: Pos, loc: Location) -> TextBeat | None:
        who_key = "who" if key == "think" else "from"
        example = '{who: charlie, text: "..."}' if key == "think" else '{from: nick, text: "Hi"}'
        spec = self.reader.mapping(value, pos, f"'{key}'", example)
        if spec is None:
            return None
        allowed = (who_key, "text", "as") if key == "think" else (who_key, "text")
        self.reader.known_keys(spec, allowed, f"'{key}'")
        text = self.reader.text(spec, "text", f"'{key}'", required=True)
        who = None
        if who_key not in spec:
            self.reader.error(spec.pos, f"'{key}' needs '{who_key}'", f"add '{who_key}: CHARACTER_ID'")
        else:
            who = self._character(spec[who_key], spec.where(who_key))
        expression = self._expression(spec["as"], spec.where("as")) if "as" in spec else None
        if not isinstance(text, str) or who is None:
            return None
        kind = "thought" if key == "think" else "message"
        return TextBeat(self._beat_id(kind, who, text), kind, who, text, expression, loc)

    def _stage(self, key: str, value: object, pos: Pos, loc: Location) -> StageBeat | None:
        reader = self.reader
        if key == "show":
            if isinstance(value, str):  # shorthand: `show: nick`
                who = self._character(value, pos)
                if who is None:
                    return None
                beat_id = self._beat_id("show", who, "")
                return StageBeat(beat_id, "show", who, "neutral", "center", None, loc, self.dressing.outfit_of(who))
            spec = reader.mapping(value, pos, "'show'", "{who: nick, as: happy, at: left}")
            if spec is None:
                return None
            reader.known_keys(spec, ("who", "as", "at", "outfit"), "'show'")
            if "who" not in spec:
                reader.error(spec.pos, "'show' needs 'who'", "add 'who: CHARACTER_ID'")
                return None
            who = self._character(spec["who"], spec.where("who"))
            expression = self._expression(spec["as"], spec.where("as")) if "as" in spec else "neutral"
            at = spec.get("at", "center")
            if at not in PLACES:
                hint = did_you_mean(str(at), PLACES) or "use left, center or right"
                reader.error(spec.where("at"), f"'{at}' is not a place on stage", hint)
                return None
            own_outfit = optional_outfit(reader, spec)
            if who is None or expression is None or own_outfit is None:
                return None
            outfit = self.dressing.outfit_of(who, None if own_outfit is MISSING else own_outfit)  # type: ignore[arg-type]
            beat_id = self._beat_id("show", who, f"{expression}@{at}")
            return StageBeat(beat_id, "show", who, expression, at, None, loc, outfit)
        if key == "hide":
            who = self._character(value, pos) if value != "all" else "all"
            return (
                None if who is None else StageBeat(self._beat_id("hide", who, ""), "hide", who, None, None, None, loc)
            )
        if key == "effect":
            if value not in EFFECTS:
                hint = did_you_mean(str(value), EFFECTS) or "the effects are " + ", ".join(EFFECTS)
                reader.error(pos, f"unknown effect '{value}'", hint)
                return None
            return StageBeat(self._beat_id("effect", None, value), "effect", None, None, None, value, loc)
        if key == "music" and value is None:
            value = "none"
        if key == "background":
            asset = read_background(reader, value, pos, "'background'", self.dressing)
            if asset is None:
                return None
            return StageBeat(self._beat_id(key, None, asset.split(".")[0]), "background", None, None, None, asset, loc)
        asset = reader.identifier(value, pos, f"{key} asset id")
        if asset is None:
            return None
        return StageBeat(self._beat_id(key, None, asset), key, None, None, None, asset, loc)  # type: ignore[arg-type]

    def _effect(self, op: str, value: object, pos: Pos, loc: Location) -> EffectBeat | None:
        changes = self._assignments(op, value, pos)
        return None if changes is None else EffectBeat(op, changes, loc)  # type: ignore[arg-type]

    def _assignments(self, op: str, value: object, pos: Pos) -> tuple[Assignment, ...] | None:
        reader = self.reader
        example = "{grades: 1}" if op == "add" else "{out_to_team: true}"
        spec = reader.mapping(value, pos, f"'{op}'", example)
        if spec is None:
            return None
        changes = []
        ok = True
        for name, amount in spec.items():
            key_pos = spec.key_pos[name]
            variable_id = reader.reference(
                name, key_pos, "variable", self.loader.variables, "declare it under 'variables' in story.yaml"
            )
            if variable_id is None:
                ok = False
                continue
            variable = self.loader.variables[variable_id]
            where = spec.where(name)
            if op == "add":
                if variable.type.kind != "int":
                    reader.error(
                        key_pos,
                        f"'add' needs a number variable, but '{name}' is {variable.type.kind}",
                        "use 'set' for true/false and enum variables",
                    )
                    ok = False
                elif isinstance(amount, bool) or not isinstance(amount, int):
                    reader.error(
                        where,
                        f"'add' to '{name}' needs a whole number, but it is {type_name(amount)}",
                        f"write for example '{name}: 1' or '{name}: -1'",
                    )
                    ok = False
                else:
                    changes.append(Assignment(variable_id, amount, _location(reader, key_pos)))
            elif not variable.accepts(amount):
                reader.error(
                    where,
                    f"'{name}' must be {variable.describe()}, but this sets it to {amount!r}",
                    did_you_mean(str(amount), variable.type.values)
                    if variable.type.kind == "enum"
                    else "change the value, or the variable's declaration",
                )
                ok = False
            else:
                changes.append(Assignment(variable_id, amount, _location(reader, key_pos)))  # type: ignore[arg-type]
        if not spec:
            reader.error(pos, f"'{op}' is empty", f"write for example '{op}: {example}'")
            return None
        return tuple(changes) if ok else None

    def _if(self, beat: YMap, depth: int) -> IfBeat | None:
        reader = self.reader
        reader.known_keys(beat, ("if", "then", "else"), "an 'if' beat")
        condition = self.loader._condition(reader, beat["if"], beat.where("if"), "the condition")
        branches: dict[str, tuple[Beat, ...]] = {"then": (), "else": ()}
        if "then" not in beat:
            reader.error(beat.pos, "an 'if' beat needs 'then'", "add 'then:' with the beats to play when it holds")
        for key in ("then", "else"):
            if key in beat:
                items = reader.sequence(beat[key], beat.where(key), f"'{key}'", '[{narrate: "..."}]')
                if items is not None:
                    branches[key] = self._beats(items, depth + 1)
        if condition is None:
            return None
        return IfBeat(condition, branches["then"], branches["else"], _location(reader, beat.key_pos["if"]))

    # -- choices -------------------------------------------------------------------------------------------------

    def _choices(self, value: object, pos: Pos) -> tuple[Choice, ...]:
        reader = self.reader
        items = reader.sequence(value, pos, f"'choices' of {self.what}", '[{text: "...", goto: scene}]')
        if items is None:
            return ()
        if not items:
            reader.error(pos, f"{self.what} has an empty list of choices", "add choices, or use 'next'")
            return ()
        choices: list[Choice] = []
        fallbacks = 0
        texts: dict[str, int] = {}
        for index, (item, item_pos) in enumerate(zip(items, items.item_pos)):
            choice = self._choice(item, item_pos, index, texts)
            if choice is None:
                continue
            if choice.fallback:
                fallbacks += 1
                if fallbacks > 1:
                    reader.error(item_pos, f"{self.what} has more than one fallback", "keep one fallback")
            choices.append(choice)
        if choices and all(c.fallback for c in choices):
            reader.error(pos, f"{self.what} offers only a fallback", "use 'next' instead, or add choices")
        return tuple(choices)

    def _choice(self, item: object, pos: Pos, index: int, texts: dict[str, int]) -> Choice | None:
        reader = self.reader
        spec = reader.mapping(item, pos, "a choice", '{text: "...", goto: scene}')
        if spec is None:
            return None
        reader.known_keys(spec, CHOICE_KEYS, "a choice")
        fallback = reader.boolean(spec, "fallback", "a choice") if "fallback" in spec else False
        once = reader.boolean(spec, "once", "a choice") if "once" in spec else False
        flavor = reader.boolean(spec, "flavor", "a choice") if "flavor" in spec else False
        text = None
        if fallback:
            for key in ("text", "if", "locked", "once", "flavor"):
                if key in spec:
                    reader.error(
                        spec.key_pos[key],
                        f"a fallback choice cannot have '{key}'",
                        "a fallback has no text and is taken by itself when nothing else can be",
                    )
        else:
            text = reader.text(spec, "text", "a choice", required=True)
        if "goto" not in spec:
            reader.error(spec.pos, "a choice needs 'goto'", "add 'goto: SCENE_ID'")
            goto = None
        else:
            goto = self._scene_ref(spec["goto"], spec.where("goto"), "scene")
        condition = None
        if "if" in spec and not fallback:
            condition = self.loader._condition(reader, spec["if"], spec.where("if"), "the choice's condition")
        locked = None
        if "locked" in spec and not fallback:
            locked_text = reader.text(spec, "locked", "a choice")
            locked = locked_text if isinstance(locked_text, str) else None
            if "if" not in spec:
                reader.error(
                    spec.key_pos["locked"],
                    "'locked' needs an 'if' on the same choice",
                    "add 'if: \"condition\"': the choice is shown locked while it does not hold",
                )
        sets = self._assignments("set", spec["set"], spec.where("set")) if "set" in spec else ()
        adds = self._assignments("add", spec["add"], spec.where("add")) if "add" in spec else ()
        if goto is None or sets is None or adds is None or (not fallback and not isinstance(text, str)):
            return None
        if "if" in spec and not fallback and condition is None:
            return None
        key = text if text is not None else "<fallback>"
        digest = hashlib.blake2b(key.encode(), digest_size=3).hexdigest()
        repeat = texts.get(key, 0)
        texts[key] = repeat + 1  # the same text twice in one menu keeps distinct ids (the linter warns about it)
        choice_id = f"{self.scene_id}:{digest}" + (f".{repeat + 1}" if repeat else "")
        return Choice(
            choice_id,
            index,
            text,
            goto,
            sets,
            adds,
            condition,
            locked,
            once,
            fallback,
            _location(reader, pos),
            flavor=flavor is True,
        )
