"""From the manifest's `scenes` globs to the scene files of a story, bounded whatever the folder holds.

Globs are matched by our own walk rather than `Path.glob`, because a story folder is not to be trusted: links inside
it can point back into it, and a name-by-name expansion then grows exponentially (three links to `.` under a glob of
twelve `*` levels are half a million paths, and a minute of work, before any limit is noticed). Here:

- `*`, `?`, `[...]` and literal parts follow links to folders, as `Path.glob` does; `**` goes down real folders
  only, as `Path.glob` does (so a link loop under `scenes/**` is never walked);
- every folder is walked once for each part of a pattern and every file is taken once, by its resolved path, however
  many links lead to it;
- a folder link that leads back to a folder holding it (a loop) is one error, a link that leads outside the story
  folder is one error, and nothing outside the folder is ever listed;
- matching stops the moment the files found are too many or too large in total.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.yaml_source import MAX_FILE_BYTES

MAX_SCENE_FILES = 5_000
MAX_STORY_BYTES = 100 * 1024 * 1024

Report = Callable[[str, str], None]  # (message, hint), said at the pattern's position
_MAGIC = frozenset("*?[")


class _LimitPassed(Exception):
    pass


@dataclass
class _Walk:
    root: Path
    excluded: Path
    files: dict[Path, Path] = field(default_factory=dict)  # resolved -> as first reached
    total_bytes: int = 0
    said: set[Path] = field(default_factory=set)  # links already reported


def expand_scene_globs(
    story_dir: Path, patterns: list[tuple[str, Report]], too_much: Report, excluded_name: str
) -> list[Path]:
    """The files the patterns match, each once, in pattern order (sorted within a pattern).

    Each pattern comes with the function that reports a problem at its place in the manifest; `too_much` reports a
    limit passed (then no files are returned). The file `excluded_name` at the top of the folder (the manifest) is
    never a scene file.
    """
    root = story_dir.resolve()
    walk = _Walk(root, root / excluded_name)
    ordered: dict[Path, None] = {}
    for pattern, report in patterns:
        said_before = len(walk.said)
        try:
            parts = (pattern.replace(os.sep, "/") if os.sep != "/" else pattern).split("/")
            matched = _match(walk, [part for part in parts if part not in ("", ".")], report)
        except _LimitPassed as passed:
            message, hint = passed.args
            too_much(message, hint)
            return []
        if not matched and len(walk.said) == said_before:  # (a loop or a link out was said already)
            report(f"the scene glob '{pattern}' matches no files", "check the pattern, or add scene files")
        for shown in sorted(matched):
            ordered.setdefault(walk.files[matched[shown]], None)  # as first reached, by any pattern
    return list(ordered)


def _match(walk: _Walk, parts: list[str], report: Report) -> dict[Path, Path]:
    """The files one pattern matches: {path as reached: resolved path}."""
    matched: dict[Path, Path] = {}
    if not parts:
        return matched
    seen: set[tuple[Path, int]] = set()
    stack: list[tuple[Path, Path, int, tuple[Path, ...]]] = [(walk.root, walk.root, 0, (walk.root,))]
    while stack:
        real, shown, index, chain = stack.pop()
        if (real, index) in seen:
            continue
        seen.add((real, index))
        part = parts[index]
        last = index == len(parts) - 1
        if part == "**":
            if not last:
                stack.append((real, shown, index + 1, chain))
            for entry in _entries(real):
                if entry.is_dir(follow_symlinks=False):
                    sub = real / entry.name
                    stack.append((sub, shown / entry.name, index, (*chain, sub)))
            continue
        if _MAGIC.intersection(part):
            names = sorted(entry.name for entry in _entries(real) if fnmatch.fnmatchcase(entry.name, part))
        else:
            names = [part] if os.path.lexists(real / part) else []
        for name in names:
            path = shown / name
            try:
                info = os.stat(real / name)
            except OSError:  # a broken link, or a link loop that cannot even be resolved
                continue
            if stat.S_ISDIR(info.st_mode):
                if not last:
                    target = _inside(walk, real / name, path, report, "folder")
                    if target is None:
                        continue
                    if target in chain:
                        _say_once(
                            walk,
                            path,
                            report,
                            f"the folder link '{_relative(walk, path)}' leads back to "
                            f"'{_relative(walk, target)}', which holds it (a link loop)",
                            "remove the link, or write the globs so that they do not pass through it",
                        )
                        continue
                    stack.append((target, path, index + 1, (*chain, target)))
            elif last:
                target = _inside(walk, real / name, path, report, "file")
                if target is not None and target != walk.excluded:
                    matched[path] = target
                    _take(walk, target, path, info)
    return matched


def _entries(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:  # not a folder after all, or not readable: it holds nothing we can use
        return []


def _inside(walk: _Walk, real: Path, shown: Path, report: Report, kind: str) -> Path | None:
    """The resolved path of something reached, or None (said once) when a link takes it out of the story folder."""
    try:
        target = real.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop, on Python before 3.13
        return None
    if target.is_relative_to(walk.root):
        return target
    _say_once(
        walk,
        shown,
        report,
        f"'{_relative(walk, shown)}' links to a {kind} outside the story folder",
        f"copy the {kind} into the story folder instead of linking to it",
    )
    return None


def _take(walk: _Walk, target: Path, shown: Path, info: os.stat_result) -> None:
    if target in walk.files:
        return
    walk.files[target] = shown
    if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_FILE_BYTES:  # a larger file is refused unread
        walk.total_bytes += info.st_size
    if len(walk.files) > MAX_SCENE_FILES:
        raise _LimitPassed(
            f"the scene globs match more than {MAX_SCENE_FILES} files (the limit)", "use fewer, larger scene files"
        )
    if walk.total_bytes > MAX_STORY_BYTES:
        raise _LimitPassed(
            f"the scene files add up to {walk.total_bytes / 1_048_576:.1f} MB; the limit for a whole story is "
            f"{MAX_STORY_BYTES // 1_048_576} MB",
            "check that the globs match only scene files; a story needs far less",
        )


def _say_once(walk: _Walk, shown: Path, report: Report, message: str, hint: str) -> None:
    if shown not in walk.said:
        walk.said.add(shown)
        report(message, hint)


def _relative(walk: _Walk, path: Path) -> str:
    try:
        relative = path.relative_to(walk.root)
    except ValueError:
        return path.as_posix()
    return relative.as_posix() if relative.parts else "."
