"""Loading a story folder into a checked `Story`, reporting every problem at once.

This is where the story format (docs/AUTHORING.md) is enforced: the manifest (here), the scene files named by its
globs, and each scene with its beats and choices (`game.scene_builder`); the format's words are in
`game.format_words` and text with braces in `game.inline_text`. Reading happens in two passes: the first collects
every scene id from every file (so `goto` and `visited()` can name scenes in files not yet read), the second builds
and checks the scenes. Problems are collected with positions and raised together as one `StoryError`.
"""

from __future__ import annotations

import dataclasses
import gc
import re
import stat
from collections import deque
from pathlib import Path

from game import story_cache
from game.branding import read_branding
from game.dressing import Dressing, check_chapter_names, read_chapters
from game.expressions import CompiledExpr, ExpressionError, VarType, compile_expression
from game.expressions.compiler import compile_tree
from game.format_words import (  # the format's words, read by tools and tests as `game.loader.SCENE_KEYS` etc.
    CALL,
    CHOICE_KEYS,
    CONDITION_WORDS,
    DEFAULT_SCENE_GLOBS,
    EFFECTS,
    EXTEND,
    MANIFEST_KEYS,
    MANIFEST_NAME,
    MAX_BEAT_DEPTH,
    MAX_TITLE_CHARS,
    MODE_BEAT,
    NARRATOR,
    OTHER_BEATS,
    PLACES,
    RESERVED,
    RETURN,
    SCENE_KEYS,
    STAGE_BEATS,
    TEXT_BEATS,
    VARIABLE_KEYS,
)
from game.inline_text import InlineText, InlineTextError, has_braces, parse_inline
from game.machine import StoryMachine
from game.model import (
    Chapter,
    Character,
    Ending,
    Invariant,
    Scene,
    Story,
    Variable,
)
from game.paths import assets_dir_for
from game.problems import Problem, StoryError, did_you_mean, display_path
from game.program import compile_story
from game.scene_builder import BadText, SceneBuilder, location, scene_targets, scenes_needing_a_caller, within
from game.scene_globs import expand_scene_globs
from game.sources import DISK, Sources
from game.story_id import ID_RULE, MAX_ID_CHARS, is_story_id, story_slug
from game.yaml_fields import ID_PATTERN, MISSING, FieldReader, type_name
from game.yaml_source import Pos, SourceFile, YMap, file_kind

__all__ = [
    "CALL",
    "CHOICE_KEYS",
    "EFFECTS",
    "EXTEND",
    "MANIFEST_KEYS",
    "MAX_BEAT_DEPTH",
    "MAX_TITLE_CHARS",
    "MODE_BEAT",
    "NARRATOR",
    "OTHER_BEATS",
    "PLACES",
    "RESERVED",
    "RETURN",
    "SCENE_KEYS",
    "STAGE_BEATS",
    "TEXT_BEATS",
    "VARIABLE_KEYS",
    "load_story",
    "scene_targets",
]


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
            loader, story = _load(loader)
        except StoryError:
            if record is None:
                raise
            # the problems exactly as a load without the cache finds them
            loader, story = _load(_StoryLoader(story_dir, sources, records=records))
        if use_cache and not loader.whole_from_cache:
            records.write(story_dir, loader.record(), loader.file_scenes)
        if parsed is not None:
            parsed.update(loader.parsed)
        return story
    finally:
        if collecting:
            gc.enable()


def _load(loader: _StoryLoader) -> tuple[_StoryLoader, Story]:
    """`loader.load()`, or a new loader's without streaming the scene files when their ids were not guessed right;
    with the loader that made the story."""
    try:
        return loader, loader.load()
    except _GuessMissed:
        loader = _StoryLoader(
            loader.story_dir, loader.sources, loader.cached, loader.keep_parsed, loader.records, stream=False
        )
        return loader, loader.load()


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
        stream: bool = True,
    ) -> None:
        self.story_dir = story_dir
        self.sources = sources
        self.records = records
        self.stream = stream and not keep_parsed  # one file's YAML in memory at a time (`_stream_scene_files`)
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
        self.broken_variables: set[str] = set()  # declared, with a problem in the declaration
        self.unparsed_scenes: dict[str, str] = {}  # scene id or chapter -> the file that seems to hold it (not parsing)
        self.var_types: dict[str, VarType] = {}
        self.endings: dict[str, Ending] = {}
        self.chapter_dressing: dict[str, Dressing] = {}
        self.scene_ids: set[str] = set()
        self.scenes: dict[str, Scene] = {}
        # Conditions repeat across a story ("nick_out == 5"); each text is parsed and checked once per load. Variables
        # and scene ids are all known before the first condition is compiled, so a text always compiles the same way.
        self.compiled: dict[str, CompiledExpr | ExpressionError] = {}
        self.constants: dict[str, int | bool] = {}  # named values, read in conditions and text as if written there
        self.labels: dict[str, dict[str, str]] = {}  # enum variable -> value -> label, for `{variable}` in text

    # -- entry ---------------------------------------------------------------------------------------------------

    def load(self) -> Story:
        manifest_path = self.story_dir / MANIFEST_NAME
        display = display_path(manifest_path, self.base)
        where = self._not_a_story(manifest_path)
        if where is not None:
            raise StoryError([where])
        manifest_data = self.sources.data(manifest_path)
        if manifest_data is not None:
            self.manifest_digest = story_cache.content_hash(manifest_data)
            if self.cached is not None and self.cached.manifest_digest == self.manifest_digest:
                story = self._whole_from_cache(self.cached, display)
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
        manifest = reader.record(source.value, Pos(1, 1), "the manifest", MANIFEST_KEYS, "title: ...")
        if manifest is None:
            raise StoryError(self.problems)

        title = reader.text(manifest, "title", "the manifest", required=True, max_chars=MAX_TITLE_CHARS)
        story_id = self._story_id(reader, manifest, title if isinstance(title, str) else "")
        version = self._version(reader, manifest)
        self._characters(reader, manifest)
        self._variables(reader, manifest)
        self._constants(reader, manifest)
        self._endings(reader, manifest)
        self.chapter_dressing = read_chapters(reader, manifest, self.characters)
        notes = {key: self._optional_text(reader, manifest, key) for key in ("content_note", "closing_note")}
        icon = reader.identifier(manifest["icon"], manifest.where("icon"), "icon id") if "icon" in manifest else None
        branding = read_branding(reader, manifest, title if isinstance(title, str) else "Untitled", display)

        files = self._scene_files(reader, manifest)
        if files is None:  # a limit was passed: nothing more can be checked
            raise StoryError(self.problems)
        if self.stream:
            source_files, start, invariants = self._stream_scene_files(files, reader, manifest)
        else:
            source_files, start, invariants = self._read_then_build(files, reader, manifest)
        check_chapter_names(reader, manifest, {scene.chapter for scene in self.scenes.values()})
        if not self.scenes and not any(p.severity == "error" for p in self.problems):
            reader.error(
                manifest.pos,
                "the story has no scenes",
                "add scene files under story/scenes/ (or change the 'scenes' globs)",
            )
        if any(p.severity == "error" for p in self.problems):
            raise StoryError(self._pointing_at_causes(self.problems))
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
            source_files=source_files,
            playthrough_files=playthroughs,
            icon=icon,
            id=story_id,
            branding=branding,
            constants=self.constants,
            compile_programs=compile_story,
            build_machine=StoryMachine,
        )
        return self.result

    # -- the scene files: read them all, then build; or one at a time --------------------------------------------

    def _read_then_build(
        self, files: list[Path], reader: FieldReader, manifest: YMap
    ) -> tuple[tuple[str, ...], str | None, tuple[Invariant, ...]]:
        """Every file parsed, every scene id collected, then the scenes built file by file."""
        sources = [self._scene_source(path) for path in files]
        for scene_source in sources:
            if isinstance(scene_source, SourceFile):
                self.problems.extend(scene_source.problems)
                if self.keep_parsed:
                    self.parsed[scene_source.display] = scene_source.value
        first_seen: dict[str, str] = {}
        for scene_source in sources:
            self._collect_scene_ids(scene_source, first_seen, self.problems)
        start = self._start(reader, manifest)
        invariants = self._invariants(reader, manifest)
        for scene_source in sources:
            self._build_scene_file(scene_source)
        return tuple(s.display for s in sources), start, invariants

    def _stream_scene_files(
        self, files: list[Path], reader: FieldReader, manifest: YMap
    ) -> tuple[tuple[str, ...], str | None, tuple[Invariant, ...]]:
        """`_read_then_build` with one file's YAML in memory at a time, not all of them (they take about 17 times
        the bytes on disk): each file is parsed, its ids collected and its scenes built before the next is read.

        Building needs every scene id of the story, so they are first guessed from the files' text (the top-level
        keys, `_guess_scene_ids`); the guess is checked against the ids the parses find, and when it was wrong in
        any way (an id it missed or invented, or their order) `_GuessMissed` is raised and the load is made again
        with `_read_then_build`. A right guess is exactly the set the other way collects, built in the same order;
        the problems are put in the other way's order (the files' YAML, the ids, the start and invariants, then the
        scenes), so the result and every problem are the same either way.
        """
        guessed = _guess_scene_ids(files, self.sources, self.cached_files, self.base)
        if guessed is None:
            raise _GuessMissed
        self.scene_ids = set(guessed)  # inserted in the order collection would insert them
        parse_problems: list[Problem] = []
        id_problems: list[Problem] = []
        start_problems: list[Problem] = []
        start_reader = FieldReader(reader.display, start_problems)
        start = self._start(start_reader, manifest)
        invariants = self._invariants(start_reader, manifest)
        head, self.problems = self.problems, []  # the scenes' problems, after all the others
        first_seen: dict[str, str] = {}
        displays: list[str] = []
        for path in files:
            scene_source = self._scene_source(path)
            displays.append(scene_source.display)
            if isinstance(scene_source, SourceFile):
                parse_problems.extend(scene_source.problems)
            self._collect_scene_ids(scene_source, first_seen, id_problems)
            self._build_scene_file(scene_source)
        if list(first_seen) != guessed:
            raise _GuessMissed
        # in place: the manifest's reader (and anything else holding the list) goes on adding to the same list
        head[:] = head + parse_problems + id_problems + start_problems + self.problems
        self.problems = head
        return tuple(displays), start, invariants

    def _build_scene_file(self, scene_source: SourceFile | _CachedFile) -> None:
        if isinstance(scene_source, _CachedFile):
            self._cached_scene_file(scene_source)
            scene_source.data = b""
        else:
            self._scene_file(scene_source)
            # Its scenes are built: its YAML can go now, not at the end, so the story and every file's
            # positioned values are never all in memory at once.
            scene_source.value = None

    # -- the compiled-story cache --------------------------------------------------------------------------------

    def _whole_from_cache(self, record: story_cache.Record, manifest: str) -> Story | None:
        """The story rebuilt from its record when every scene file is as cached, else None."""
        failed: list[str] = []
        files = expand_scene_globs(
            self.story_dir,
            [(pattern, lambda message, hint: failed.append(message)) for pattern in record.globs],
            lambda message, hint: failed.append(message),
            MANIFEST_NAME,
        )
        if failed or [str(path) for path in files] != [f.path for f in record.files]:
            return None
        for path, file in zip(files, record.files):
            data = self.sources.data(path)  # not kept: all of them would sit beside the story (read again if needed)
            if data is None or story_cache.content_hash(data) != file.digest:
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
            branding=head.branding,
            constants=head.constants,
            compile_programs=compile_story,
            build_machine=StoryMachine,
        )

    def _scene_source(self, path: Path) -> SourceFile | _CachedFile:
        display = display_path(path, self.base)
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
                self.cache_conditions = story_cache.Conditions(
                    self.var_types, self.scene_ids, self.constants, self.labels
                )
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
            built = self.file_scenes.get(display, ())
            encoded = tuple(story_cache.encode_scene(scene, refs) for scene in built)
            refs.difference_update(scene.id for scene in built if scene.part_of is not None)  # its own replies
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
        example = '{charlie: {name: Charlie, color: "#7fb8e8"}}'
        for char_id, spec, key_pos, spec_pos in reader.named_entries(manifest, "characters", "character id", example):
            if char_id in RESERVED:
                hint = "'narrator' is built in" if char_id == NARRATOR else "choose another id"
                reader.error(key_pos, f"'{char_id}' cannot be a character id: it is a word of the story format", hint)
                continue
            what = f"character '{char_id}'"
            if isinstance(spec, str):  # shorthand: `tao: Tao`
                self.characters[char_id] = Character(char_id, spec, "#ffffff", location(reader, key_pos))
                continue
            spec_map = reader.record(spec, spec_pos, what, ("name", "color"), '{name: Charlie, color: "#7fb8e8"}')
            if spec_map is None:
                continue
            name = reader.text(spec_map, "name", what, required=True, max_chars=MAX_TITLE_CHARS)
            color = reader.text(spec_map, "color", what)
            if isinstance(color, str) and not _is_colour(color):
                reader.error(spec_map.where("color"), f"'{color}' is not a colour", 'write it as "#rrggbb"')
                color = None
            self.characters[char_id] = Character(
                char_id,
                name if isinstance(name, str) else char_id,
                color if isinstance(color, str) else "#ffffff",
                location(reader, key_pos),
            )

    def _variables(self, reader: FieldReader, manifest: YMap) -> None:
        example = "{grades: {type: int, default: 2, min: 0, max: 5}}"
        for var_id, spec, key_pos, spec_pos in reader.named_entries(manifest, "variables", "variable name", example):
            if var_id in CONDITION_WORDS:
                reader.error(
                    key_pos,
                    f"'{var_id}' cannot be a variable name: it is a word of the condition language",
                    "choose another name",
                )
                continue
            variable = self._variable(reader, var_id, spec, key_pos, spec_pos)
            if variable is None:
                self.broken_variables.add(var_id)
            else:
                self.variables[var_id] = variable
                self.var_types[var_id] = variable.type
                if variable.labels:
                    self.labels[var_id] = dict(variable.labels)

    def _pointing_at_causes(self, problems: list[Problem]) -> list[Problem]:
        """The problems, with each use of a variable whose declaration is broken, and each way to a scene in a file
        that does not parse, said to follow from that: "unknown variable" or "no scene has this id" alone would
        send the author to declare what is declared, or to write a scene that is written."""
        if not self.broken_variables and not self.unparsed_scenes:
            return problems
        variable = re.compile(r"unknown variable '([^']+)'$")
        scene = re.compile(r"unknown (?:[a-z]+ )?scene '([^']+)'$|no scene is in the chapter '([^']+)'$")
        pointed = []
        for problem in problems:
            found = variable.search(problem.message)
            if found is not None and found[1] in self.broken_variables:
                hint = f"'{found[1]}' is declared in {MANIFEST_NAME}, but its declaration has a problem: mend that"
                problem = dataclasses.replace(problem, hint=hint)
            found = scene.search(problem.message)
            name = found and (found[1] or found[2])
            if name and name in self.unparsed_scenes:
                hint = f"'{name}' seems to be written in {self.unparsed_scenes[name]}, which does not load: mend it"
                problem = dataclasses.replace(problem, hint=hint)
            pointed.append(problem)
        return pointed

    def _constants(self, reader: FieldReader, manifest: YMap) -> None:
        """`constants: {max_days: 7, strict: false}`: names for numbers and true/false, usable wherever a condition
        or a value in text is."""
        for name, value, key_pos, value_pos in reader.named_entries(
            manifest, "constants", "constant name", "{max_days: 7}"
        ):
            if name in CONDITION_WORDS or name in self.variables:
                what = "a variable" if name in self.variables else "a word of the condition language"
                reader.error(key_pos, f"'{name}' cannot be a constant name: it is {what}", "choose another name")
                continue
            if not isinstance(value, (int, bool)):
                reader.error(
                    value_pos,
                    f"the constant '{name}' must be a whole number or true/false, but it is {type_name(value)}",
                    f"write for example '{name}: 7'",
                )
                continue
            self.constants[name] = value

    def _variable(self, reader: FieldReader, var_id: str, spec: object, key_pos: Pos, spec_pos: Pos) -> Variable | None:
        what = f"variable '{var_id}'"
        spec_map = reader.record(spec, spec_pos, what, VARIABLE_KEYS, "{type: int, default: 0}")
        if spec_map is None:
            return None
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
        variable = Variable(var_id, var_type, False, about, location(reader, spec_map.pos))
        default = spec_map["default"]
        if not variable.accepts(default):
            reader.error(
                where("default"),
                f"the default of {what} must be {variable.describe()}, but it is {default!r}",
                "change the default, or the variable's range",
            )
            return None
        labels = self._labels(reader, spec_map, what, values)
        return Variable(var_id, var_type, default, about, location(reader, key_pos), labels)

    @staticmethod
    def _labels(reader: FieldReader, spec_map: YMap, what: str, values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
        """An enum's `labels:`, how `{variable}` shows each value in text (a value without one shows as itself)."""
        if "labels" not in spec_map:
            return ()
        if not values:
            reader.error(spec_map.key_pos["labels"], "'labels' is only for enum variables", "remove it")
            return ()
        table = reader.mapping(spec_map["labels"], spec_map.where("labels"), f"'labels' of {what}", '{tao: "Tao"}')
        if table is None:
            return ()
        labels = []
        for value in table:
            if value not in values:
                reader.error(
                    table.key_pos[value],
                    f"'{value}' is not a value of {what}",
                    did_you_mean(value, values) or "label the values listed under 'values'",
                )
                continue
            label = reader.text(table, value, f"'labels' of {what}")
            if isinstance(label, str):
                labels.append((value, label))
        return tuple(labels)

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
        if "endings" not in manifest:
            reader.error(
                manifest.pos,
                "the manifest declares no endings",
                "add 'endings:' with at least one ending, e.g. {home: {title: \"Home\"}}",
            )
            return
        example = '{home: {title: "Home"}}'
        for ending_id, spec, key_pos, spec_pos in reader.named_entries(manifest, "endings", "ending id", example):
            what = f"ending '{ending_id}'"
            spec_map = reader.record(spec, spec_pos, what, ("title", "hint"), '{title: "Home"}')
            if spec_map is None:
                continue
            title = reader.text(spec_map, "title", what, required=True, max_chars=MAX_TITLE_CHARS)
            hint = reader.text(spec_map, "hint", what)
            self.endings[ending_id] = Ending(
                ending_id,
                title if isinstance(title, str) else ending_id,
                location(reader, key_pos),
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

    def _collect_scene_ids(
        self, source: SourceFile | _CachedFile, first_seen: dict[str, str], problems: list[Problem]
    ) -> None:
        """The scene ids of one file (after those of the files before it, in `first_seen`), into `scene_ids`."""
        if isinstance(source, _CachedFile):
            ids = [(scene_id, Pos(line, column)) for scene_id, line, column in source.record.ids]
        elif isinstance(source.value, YMap):
            ids = list(source.value.key_pos.items())
        else:
            return
        reader = FieldReader(source.display, problems)
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
        return reader.reference(
            manifest["start"], manifest.where("start"), "start scene", self.scene_ids, "no scene has this id"
        )

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
                invariants.append(Invariant(compiled, location(reader, pos)))
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
                compiled = compile_expression(text, self.var_types, self.scene_ids, "bool", self.constants)
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
            reader.error(within(pos, text, compiled.offset), f"in {what}: {compiled.message}", compiled.hint)
            return None
        return compiled

    def inline(self, reader: FieldReader, text: str, pos: Pos) -> InlineText | None:
        """A text's braces, read and checked (None when it has none); raises `BadText` after reporting a problem."""
        if not has_braces(text):
            return None

        def compile_part(source: str, offset: int, want: str) -> CompiledExpr:
            return compile_expression(source, self.var_types, self.scene_ids, want, self.constants)  # type: ignore[arg-type]

        try:
            return parse_inline(text, compile_part, self.labels)
        except InlineTextError as error:
            reader.error(within(pos, text, error.offset), f"in the text: {error.message}", error.hint)
            raise BadText from None

    # -- scenes --------------------------------------------------------------------------------------------------

    def _scene_file(self, source: SourceFile) -> None:
        reader = FieldReader(source.display, self.problems)
        if source.value is None:
            if not source.problems:
                reader.error(Pos(1, 1), "the scene file is empty", "add scenes, or remove the file")
            else:  # it does not parse: the scenes (and chapters) its text seems to hold are what others miss
                data = self.sources.data(source.path) or b""
                for key in _TOP_LEVEL_ID.findall(data):
                    self.unparsed_scenes.setdefault(key.decode("ascii"), source.display)
                for chapter in _CHAPTER_LINE.findall(data):
                    self.unparsed_scenes.setdefault(chapter.decode("utf-8", "replace"), source.display)
            return
        table = reader.mapping(source.value, Pos(1, 1), "a scene file", "my_scene: {title: ..., lines: [...]}")
        if table is None:
            return
        built = self.file_scenes.setdefault(source.display, [])
        chapter_above = ""  # a scene without `chapter` is in the chapter of the scene above it in its file
        for scene_id, spec in table.items():
            key_pos = table.key_pos[scene_id]
            if reader.identifier(scene_id, key_pos, "scene id") is None:
                continue
            if scene_id in self.scenes:  # duplicate already reported
                continue
            builder = SceneBuilder(self, reader, scene_id, key_pos)
            scene = builder.build(spec, table.where(scene_id), chapter_above)
            if scene is not None:
                self.scenes[scene_id] = scene
                built.append(scene)
                chapter_above = scene.chapter
                for reply in builder.extra:
                    self.scenes[reply.id] = reply
                    built.append(reply)

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
        inside_calls = scenes_needing_a_caller(self.scenes)  # a chapter cannot start within a sub-scene
        chapters: dict[str, str] = {}
        for scene_id in order:
            if scene_id not in inside_calls:
                chapters.setdefault(self.scenes[scene_id].chapter, scene_id)
        return [Chapter(name, first) for name, first in chapters.items() if name]  # "": scenes in no chapter


class _GuessMissed(Exception):
    """The scene ids guessed from the files' text were not the ids their parses found: load the other way."""


# A top-level key that can be a scene id: at the start of a line, then a colon and a space or the line's end.
_CHAPTER_LINE = re.compile(rb"^[ \t]+chapter:[ \t]*[\"']?([^\"'\r\n#]*[^\"'\r\n# \t])", re.MULTILINE)
_TOP_LEVEL_ID = re.compile(rb"^([a-z][a-z0-9_]*)[ \t]*:(?=[ \t\r\n]|\Z)", re.MULTILINE)


def _guess_scene_ids(
    files: list[Path], sources: Sources, cached: dict[str, story_cache.FileRecord], base: Path
) -> list[str] | None:
    """The scene ids of `files` in the order a load collects them (each once, where first seen), as their text
    suggests (or the compiled-story cache, for a file it holds unchanged); None when a file cannot be read. A guess
    only: `_stream_scene_files` checks it."""
    guessed: dict[str, None] = {}
    for path in files:
        data = sources.data(path)
        if data is None:
            return None
        record = cached.get(display_path(path, base)) if cached else None
        if record is not None and record.path == str(path) and record.digest == story_cache.content_hash(data):
            keys: list[str] = [scene_id for scene_id, _, _ in record.ids]
        else:
            keys = [key.decode("ascii") for key in _TOP_LEVEL_ID.findall(data)]
        for key in keys:
            guessed.setdefault(key, None)
    return list(guessed)


def _is_colour(text: str) -> bool:
    return len(text) in (4, 7) and text.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in text[1:])
