"""The story's problems as the author types: the loader and the linter, run on the editor's view of every file.

A language server checks the whole story again after each edit, so that renaming a scene flags its `goto`s in other
files at once. What makes that fast enough is remembering: a file whose text did not change is not parsed again
(`RememberingSources`), and the linter's text measurements are remembered by the layout probe itself. What is
left is the loader's and the rules' own work on the parsed story, tens of milliseconds for the shipped story
(bench/run.py measures it against the 150 ms an edit may take).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from game.assets import AssetCatalog
from game.authoring.lint import lint_folder
from game.problems import Problem
from game.sources import Sources
from game.yaml_source import SourceFile, read_yaml

REMEMBERED_FILES = 2_000  # parsed versions kept; a story has far fewer files, a long session makes many versions


class ParseMemory:
    """Parsed files by their text (unsaved buffers) or their size and modification time (files on disk)."""

    def __init__(self) -> None:
        self.parsed: dict[tuple, SourceFile] = {}

    def recall(self, key: tuple, make) -> SourceFile:
        found = self.parsed.get(key)
        if found is None:
            if len(self.parsed) >= REMEMBERED_FILES:
                for old in list(self.parsed)[: REMEMBERED_FILES // 2]:
                    del self.parsed[old]
            found = self.parsed[key] = make()
        return found


class RememberingSources(Sources):
    """`Sources` with unsaved buffers over the disk, parsing each version of a file once."""

    def __init__(self, overlay: Mapping[Path, str], memory: ParseMemory) -> None:
        super().__init__(overlay)
        self.memory = memory

    def read(self, path: Path, display: str) -> SourceFile:
        text = self.unsaved(path)
        if text is not None:
            return self.memory.recall(("text", str(path), display, text), lambda: read_yaml(path, display, text))
        try:
            info = os.stat(path)
        except OSError:
            return read_yaml(path, display)
        key = ("disk", str(path), display, info.st_mtime_ns, info.st_size, info.st_ino)
        return self.memory.recall(key, lambda: read_yaml(path, display))


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
    """Problems by the file they are in (absolute paths), and whether the story loaded."""

    problems: dict[Path, list[Problem]]
    loaded: bool
    notes: list[str]


def check_story(story_dir: Path, sources: Sources, assets: AssetCatalog | None = None) -> CheckResult:
    """Load and lint the story as `sources` has it; a story that does not load gives the loader's problems."""
    # Like the loader, the whole check makes many small objects and no cycles: the cycle collector would only rescan
    # the remembered parses again and again (a third of the time), so it waits until the check is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        report = lint_folder(story_dir, sources=sources, assets=assets)
    finally:
        if collecting:
            gc.enable()
    base = story_dir.resolve().parent
    by_file: dict[Path, list[Problem]] = {}
    for problem in report.problems:
        by_file.setdefault(base / problem.file, []).append(problem)
    return CheckResult(by_file, report.loaded, report.notes)
