"""Problems found in a story, reported the way authors can act on them.

Every problem names the file, line and column, says what is wrong and how to mend it. Problems are collected, never
raised one by one, so an author sees everything wrong with a story in one run; `StoryError` carries them all, with
floods summed up (thousands of lines with the same problem read as a few and a count).

A problem quotes what the story says (an id, a file name), so its text is escaped for the terminal when it is made:
nothing from a story reaches a terminal raw through a problem, whoever prints it.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from game.terminal_text import escape_for_terminal
from game.wording import plural

Severity = Literal["error", "warning"]


MANIFEST_FILE = "story.yaml"  # `game.format_words.MANIFEST_NAME`, which sits above this module (a test keeps them one)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a story, at a 1-based line and column of a file."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"
    code: str = ""

    def __post_init__(self) -> None:
        for name in ("file", "message", "hint"):
            text = getattr(self, name)
            escaped = escape_for_terminal(text)
            if escaped is not text:
                object.__setattr__(self, name, escaped)

    def __str__(self) -> str:
        where = f"{escape_for_terminal(shown_path(self.file))}:{self.line}:{self.column}"
        label = f"{self.severity} {self.code}".strip() if self.code else self.severity
        text = f"{where}: {label}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def sort_key(self) -> tuple[bool, str, int, int]:
        """The manifest's problems first (a broken declaration there is often what the others follow from), then
        each file's in the order of its lines."""
        return (PurePosixPath(self.file.replace("\\", "/")).name != MANIFEST_FILE, self.file, self.line, self.column)


FLOOD_SHOWN = 3  # a problem repeated in one file is shown this often, then once more with a count of the rest
MAX_SHOWN = 100  # more problems than this are cut off with a count: mending the first ones often mends the rest


class StoryError(Exception):
    """A story could not be loaded; `problems` holds the problems found in file order, floods summed up.

    `count` is how many problems were found in all, before summing up.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = sorted(problems, key=Problem.sort_key)
        self.count = len(found)
        self.problems = condense(found)
        super().__init__(f"{plural(self.count, 'problem')} in the story")

    def report(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def _flood_places(rest: int, lines: int, first: int, last: int) -> str:
    """Where a flood's hidden problems are, as a person says it: "here and on 4,749 more lines of this file, down
    to line 4,850" (one a line), "here and 5 more times on this line", "here and 5 more times in this file, down to
    line 9"."""
    if lines == rest:
        return f"here and on {lines:,} more lines of this file, down to line {last:,}"
    if last == first:
        return f"here and {rest:,} more times on this line"
    return f"here and {rest:,} more times in this file, down to line {last:,}"


def condense(problems: list[Problem]) -> list[Problem]:
    """Problems in order, with a flood of one problem in one file summed up, and cut off after MAX_SHOWN.

    The same message (and hint) in one file is shown FLOOD_SHOWN times; its next occurrence stands for all the rest
    ("here and on 4,749 more lines of this file, down to line 4,850").
    """
    groups: dict[tuple[str, str, str, str, str], list[int]] = {}
    for index, problem in enumerate(problems):
        key = (problem.file, problem.severity, problem.code, problem.message, problem.hint)
        groups.setdefault(key, []).append(index)
    summed: dict[int, Problem] = {}
    weight: dict[int, int] = {}  # how many problems found a summing-up problem stands for
    hidden: set[int] = set()
    for indexes in groups.values():
        if len(indexes) <= FLOOD_SHOWN + 1:
            continue
        first, last = problems[indexes[FLOOD_SHOWN]], problems[indexes[-1]]
        rest = len(indexes) - FLOOD_SHOWN - 1
        lines = {problems[index].line for index in indexes[FLOOD_SHOWN + 1 :]} - {first.line}
        message = f"{first.message} ({_flood_places(rest, len(lines), first.line, last.line)})"
        summed[indexes[FLOOD_SHOWN]] = Problem(
            first.file, first.line, first.column, message, first.hint, first.severity, first.code
        )
        weight[indexes[FLOOD_SHOWN]] = rest + 1
        hidden.update(indexes[FLOOD_SHOWN + 1 :])
    kept = [index for index in range(len(problems)) if index not in hidden]
    shown = [summed.get(index, problems[index]) for index in kept]
    if len(shown) <= MAX_SHOWN:
        return shown
    cut = shown[MAX_SHOWN]
    more = len(problems) - sum(weight.get(index, 1) for index in kept[:MAX_SHOWN])
    note = Problem(
        cut.file,
        cut.line,
        cut.column,
        f"{plural(more, 'more problem')} {'is' if more == 1 else 'are'} not shown",
        "mend the problems above first, then check again",
        cut.severity,
        cut.code,
    )
    return [*shown[:MAX_SHOWN], note]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A 'did you mean' hint for a misspelt id, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def display_path(path: Path, base: Path) -> str:
    """A path as a story's records name it: relative to the folder above the story when possible
    (`story/scenes/x.yaml`), the same wherever the program runs (the compiled-story cache keeps these names).

    Messages show it as the user reads paths (`shown_path`): the name remembers the file it stands for."""
    try:
        name = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        name = path.as_posix()
    _REAL[name] = path
    return name


_REAL: dict[str, Path] = {}  # the file behind each name display_path gave, for shown_path


def shown_path(name: str) -> str:
    """A file name from a story's records as a message shows it: relative to the working directory, or absolute
    where that is shorter (`../../tmp/x/story/story.yaml` is longer than `/tmp/x/story/story.yaml`)."""
    real = _REAL.get(name)
    return name if real is None else path_for_user(real)


def path_for_user(path: Path) -> str:
    """`path` relative to the working directory, or absolute where that is shorter."""
    try:
        absolute = path.resolve()
        relative = Path(os.path.relpath(absolute, Path.cwd())).as_posix()
    except (OSError, ValueError):  # no working directory any more, or another drive (Windows)
        return path.as_posix()
    return relative if len(relative) <= len(absolute.as_posix()) else absolute.as_posix()
