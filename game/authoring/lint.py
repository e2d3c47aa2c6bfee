"""The story linter: every rule of `game.authoring.rules` run over a loaded story, problems sorted by position.

A story that does not load is reported with the loader's own problems, each as HS000, since the other rules need a
loaded story. A problem can be silenced where it stands with a comment on its line, `# lint-ignore: HS019` (several
codes separated by commas), or everywhere with `ignore` (the command's `--ignore`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game import long_lived
from game.assets import AssetCatalog
from game.authoring.codes import CODES
from game.authoring.context import LintContext
from game.authoring.lint_memory import LintMemory
from game.authoring.rules import RULES
from game.model import Story
from game.problems import Problem, StoryError
from game.sources import DISK, Sources

_IGNORE_COMMENT = re.compile(r"#\s*lint-ignore:\s*([A-Za-z0-9,\s]+)")


@dataclass
class LintReport:
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    loaded: bool = True
    load_errors: int = 0  # a story that does not load: every problem the loader found, listed or summed up

    @property
    def errors(self) -> int:
        return self.load_errors or sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    def failed(self, strict: bool) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)


def lint_story(
    story: Story,
    ignore: Iterable[str] = (),
    parsed: dict[str, object] | None = None,
    *,
    explore: bool = False,
    sources: Sources = DISK,
    assets: AssetCatalog | None = None,
    memory: LintMemory | None = None,
    opus: bool | None = None,
) -> LintReport:
    """Lint a loaded story; `parsed` is the YAML its load parsed (`load_story(..., parsed=...)`), if kept;
    `explore` adds the findings that need a full exploration (`explored_lint`); `sources` gives the files' text
    (an editor's unsaved buffers over the disk), `assets` the story's assets (a catalog that remembers) and `memory`
    what the last run worked out (`game.authoring.lint_memory`); `opus` says whether the mixer plays Opus (None: ask
    it)."""
    long_lived.freeze()  # the story: read by every rule, freed by no collection
    ctx = LintContext(story, sources, assets, parsed=parsed or {}, memory=memory, opus=opus)
    skipped = {code.upper() for code in ignore}
    found: dict[tuple, Problem] = {}
    rules = [rule.check(ctx) for rule in RULES]
    if explore:
        from game.authoring.explored_lint import explored_problems

        explored, notes = explored_problems(story)
        rules.append(explored)
        ctx.notes.extend(notes)
    for checked in rules:
        for problem in checked:
            if problem.code in skipped or _ignored_in_place(ctx, problem):
                continue
            found.setdefault((problem.file, problem.line, problem.column, problem.code, problem.message), problem)
    problems = sorted(found.values(), key=lambda p: (p.file, p.line, p.column, p.code))
    return LintReport(problems, ctx.notes)


def lint_folder(
    story_dir: Path, ignore: Iterable[str] = (), *, explore: bool = False, opus: bool | None = None
) -> LintReport:
    """Load and lint a story folder; a story that does not load gives its load problems as HS000."""
    from game.loader import load_story

    parsed: dict[str, object] = {}
    try:
        story = load_story(story_dir, parsed=parsed)
    except StoryError as error:
        return not_loaded(error)
    return lint_story(story, ignore, parsed, explore=explore, opus=opus)


def not_loaded(error: StoryError) -> LintReport:
    """The report of a story that does not load: the loader's problems, each as HS000."""
    severity = CODES["HS000"].severity
    problems = [Problem(p.file, p.line, p.column, p.message, p.hint, severity, "HS000") for p in error.problems]
    return LintReport(problems, loaded=False, load_errors=error.count)


def _ignored_in_place(ctx: LintContext, problem: Problem) -> bool:
    line = ctx.index.line(problem.file, problem.line)
    if "lint-ignore" not in line:
        return False
    match = _IGNORE_COMMENT.search(line)
    if match is None:
        return False
    codes = {part.strip().upper() for part in match.group(1).split(",")}
    return problem.code in codes
