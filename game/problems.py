"""Problems found in a story, reported the way authors can act on them.

Every problem names the file, line and column, says what is wrong and how to mend it. Problems are collected, never
raised one by one, so an author sees everything wrong with a story in one run; `StoryError` carries them all.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


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

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        label = f"{self.severity} {self.code}".strip() if self.code else self.severity
        text = f"{where}: {label}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file, self.line, self.column)


class StoryError(Exception):
    """A story could not be loaded; `problems` holds every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the story")

    def report(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A 'did you mean' hint for a misspelt id, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def display_path(path: Path, base: Path) -> str:
    """A path as authors see it: relative to the folder above the story when possible (`story/scenes/x.yaml`)."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
