"""Running playthrough files as part of `heartstopper test`: the story's own (`story/playthroughs/*.yaml`) and any
named on the command line, through `game.scripts`, so a failure reads exactly as the scripts report it: the step,
what was expected, what happened, and the last lines shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.model import Story
from game.problems import Problem
from game.scripts import check_playthrough_files, run_script
from game.tester.report import PlaythroughOutcome


def playthrough_paths(story: Story, extra: Iterable[Path], *, own: bool = True) -> list[Path]:
    """The story's playthrough files (unless `own` is False) and the extra ones, each once, in order."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in [*(story.playthrough_files if own else ()), *extra]:
        resolved = Path(path).resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.append(Path(path))
    return found


def run_playthroughs(story: Story, paths: list[Path]) -> tuple[list[PlaythroughOutcome], list[Problem]]:
    """Read and run playthrough files; return each run's outcome and the problems of files that could not be read."""
    scripts, problems = check_playthrough_files(story, paths)
    outcomes = []
    for script in scripts:
        result = run_script(script, story)
        report = result.failure.report(script) if result.failure is not None else ""
        outcomes.append(PlaythroughOutcome(script.file, script.name, result.passed, report, result.ended))
    return outcomes, problems
