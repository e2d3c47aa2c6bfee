"""The story's problems as the author types: the loader, the linter and the playthrough files' checks (as in
`heartstopper check`), run on the editor's view of every file.

A language server checks the whole story again after each edit, so that renaming a scene flags its `goto`s in other
files at once. What makes that fast enough is remembering: a file the compiled-story cache holds as it is comes from
its record (kept in memory, `story_cache.RecordsInMemory`, first read from the user cache folder), a file that
changed is parsed once per version (`RememberingSources`: the check, the linter's positions and the server's index
all share that parse), and the linter's text measurements are remembered by the layout probe itself.
"""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from game import story_cache
from game.assets import AssetCatalog
from game.authoring.lint import lint_story, not_loaded
from game.authoring.lint_memory import LintMemory
from game.loader import load_story
from game.model import Story
from game.problems import Problem, StoryError
from game.scripts import check_playthrough_files
from game.sources import Sources
from game.yaml_source import SourceFile, parse_file_bytes

VERSIONS_KEPT = 3  # parsed versions kept per file: the one on disk, the one being typed, the one before (an undo)


class ParseMemory:
    """Each file's last parsed versions, by the hash of their bytes."""

    def __init__(self) -> None:
        self.parsed: dict[tuple[str, str], OrderedDict[bytes, SourceFile]] = {}
        self.parses = 0  # how many parses were made (not recalled), for tests and the benchmark

    def recall(self, path: Path, display: str, data: bytes) -> SourceFile:
        versions = self.parsed.setdefault((str(path), display), OrderedDict())
        digest = story_cache.content_hash(data)
        found = versions.get(digest)
        if found is None:
            found = versions[digest] = parse_file_bytes(path, display, data)
            self.parses += 1
            while len(versions) > VERSIONS_KEPT:
                versions.popitem(last=False)
        else:
            versions.move_to_end(digest)
        # a SourceFile of the caller's own (the loader drops the value of one it is done with); the value is shared
        return SourceFile(found.path, found.display, found.value, list(found.problems))


class RememberingSources(Sources):
    """`Sources` with unsaved buffers over the disk, parsing each version of a file once."""

    def __init__(self, overlay: Mapping[Path, str], memory: ParseMemory) -> None:
        super().__init__(overlay)
        self.memory = memory

    def parse(self, path: Path, display: str, data: bytes | None) -> SourceFile:
        if data is None:
            data = self.data(path)
        if data is None:  # unreadable: parsing it says why, and there is nothing to remember
            return super().parse(path, display, None)
        return self.memory.recall(path, display, data)


class RememberingCatalog(AssetCatalog):
    """The story's assets, each folder listed once until `forget()` (the server forgets when a file is saved, and
    when the author asks for a fresh look by reopening a file). Art changes far less often than text."""

    def __init__(self, assets_dir: Path) -> None:
        super().__init__(assets_dir)
        self._known: dict[tuple, object] = {}

    def forget(self) -> None:
        self._known.clear()

    def _recall(self, key: tuple, make):
        if key not in self._known:
            self._known[key] = make()
        return self._known[key]

    def ids(self, kind):
        return self._recall(("ids", kind), lambda: super(RememberingCatalog, self).ids(kind))

    def expressions(self, who, outfit=None):
        return self._recall(("faces", who, outfit), lambda: super(RememberingCatalog, self).expressions(who, outfit))

    def outfits(self, who):
        return self._recall(("outfits", who), lambda: super(RememberingCatalog, self).outfits(who))

    def path(self, kind, asset_id):
        return self._recall(("path", kind, asset_id), lambda: super(RememberingCatalog, self).path(kind, asset_id))

    def sprite(self, who, expression, outfit=None):
        key = ("sprite", who, expression, outfit)
        return self._recall(key, lambda: super(RememberingCatalog, self).sprite(who, expression, outfit))


@dataclass
class CheckResult:
    """Problems by the file they are in (absolute paths), whether the story loaded, and the story when it did."""

    problems: dict[Path, list[Problem]]
    loaded: bool
    notes: list[str]
    story: Story | None = None


def check_story(
    story_dir: Path,
    sources: Sources,
    assets: AssetCatalog | None = None,
    records: story_cache.Records | None = None,
    memory: LintMemory | None = None,
) -> CheckResult:
    """Load and lint the story as `sources` has it; a story that does not load gives the loader's problems."""
    # Like the loader, the whole check makes many small objects and no cycles: the cycle collector would only rescan
    # the remembered parses again and again (a third of the time), so it waits until the check is done.
    collecting = gc.isenabled()
    gc.disable()
    story = None
    playthrough_problems: list[Problem] = []
    try:
        parsed: dict[str, object] = {}
        try:
            # records kept in memory are used even with the cache folder off: they never touch it after the start
            in_memory = isinstance(records, story_cache.RecordsInMemory)
            story = load_story(
                story_dir,
                sources,
                cache=True if in_memory else None,
                parsed=parsed,
                records=records or story_cache.DISK_RECORDS,
            )
        except StoryError as error:
            report = not_loaded(error)
        else:
            report = lint_story(story, (), parsed, sources=sources, assets=assets, memory=memory)
            # as `heartstopper check` does: a renamed scene or variable shows in the playthrough files too
            playthrough_problems = check_playthrough_files(story, sources=sources)[1]
    finally:
        # The linter freezes what it reads (`game.long_lived`), right for a command that ends after one lint; a server
        # lints again and again, so what the last check froze goes back to the collector, to be freed in its turn.
        gc.unfreeze()
        if collecting:
            gc.enable()
    base = story_dir.resolve().parent
    by_file: dict[Path, list[Problem]] = {}
    for problem in [*report.problems, *playthrough_problems]:
        by_file.setdefault(base / problem.file, []).append(problem)
    return CheckResult(by_file, report.loaded, report.notes, story)
