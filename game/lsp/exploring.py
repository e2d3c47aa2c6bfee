"""Cosmetic choices (HS029) in the editor: the branch tester's exploration, run in the background after a save.

An exploration visits every reachable state of the story: seconds on the shipped story, far too long to run as the
author types (the checks after an edit take milliseconds). So it runs only on the story as saved, after a pause
(saves close together start one), in a child process at a lower priority, so the server keeps answering and its
checks keep their processor; a newer save stops a running one and starts again. Its findings carry the positions of
the saved text, so those of a file edited since are dropped until the next save.

The child is this module run as a program (`python -m game.lsp.exploring STORY_DIR`): it loads the story (through
the compiled-story cache), explores it with `game.authoring.explored_lint`, and prints the HS029 problems as JSON.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from pathlib import Path

from game.problems import Problem

EXPLORE_PAUSE_SECONDS = 1.0  # after the last save
EXPLORE_TIMEOUT_SECONDS = 600.0  # a story whose exploration takes longer gets no HS029 in the editor
NICENESS = 10  # how much lower than the server the child runs (POSIX)


NOT_LOADED = "the saved story does not load, so it was not explored for cosmetic choices (HS029)"


async def explore_saved_story(story_dir: Path) -> tuple[dict[Path, list[Problem]] | None, list[str]]:
    """(HS029 problems by absolute path, or None when the saved story does not load; notes) for the story as
    saved; a cancelled call stops the child."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "game.lsp.exploring",
        str(story_dir),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), EXPLORE_TIMEOUT_SECONDS)
    except (asyncio.CancelledError, asyncio.TimeoutError) as stopped:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        with contextlib.suppress(Exception):
            await process.wait()
        if isinstance(stopped, asyncio.CancelledError):
            raise
        return {}, [f"the exploration for cosmetic choices took over {EXPLORE_TIMEOUT_SECONDS:.0f} s and was stopped"]
    if process.returncode != 0:
        return {}, [f"the exploration for cosmetic choices stopped (exit {process.returncode})"]
    data = json.loads(output)
    if not data["loaded"]:
        return None, [NOT_LOADED]
    base = story_dir.resolve().parent
    found: dict[Path, list[Problem]] = {}
    for item in data["problems"]:
        problem = Problem(
            item["file"], item["line"], item["column"], item["message"], item["hint"], item["severity"], item["code"]
        )
        found.setdefault(base / problem.file, []).append(problem)
    return found, list(data["notes"])


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)


def main(argv: list[str]) -> int:
    """The child: explore the story in argv[0] and print its HS029 problems and notes as JSON."""
    _lower_priority()
    from game.authoring.explored_lint import explored_problems
    from game.loader import load_story
    from game.problems import StoryError

    problems: list[Problem] = []
    notes: list[str] = []
    try:
        story = load_story(Path(argv[0]))
    except StoryError:  # the checks after each edit say what is wrong; there is nothing to explore
        loaded = False
    else:
        loaded = True
        problems, notes = explored_problems(story)
    fields = ("file", "line", "column", "message", "hint", "severity", "code")
    data = {
        "loaded": loaded,
        "problems": [{name: getattr(p, name) for name in fields} for p in problems],
        "notes": notes,
    }
    sys.stdout.write(json.dumps(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
