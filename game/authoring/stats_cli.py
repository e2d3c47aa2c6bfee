"""`heartstopper stats`: how big the story is and how long it takes to read, as a report or as JSON.

Exit codes: 0 printed, 1 the story does not load.
"""

from __future__ import annotations

import argparse

from game import long_lived
from game.cli import EXIT_FAILED, EXIT_OK, load_or_report
from game.terminal_text import escape_lines, json_for_terminal


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")


def run(args: argparse.Namespace) -> int:
    from game.authoring.stats import render_text, story_stats

    story = load_or_report(args.story)
    if story is None:
        return EXIT_FAILED
    long_lived.freeze()  # the story lives to the end; the random playthroughs make many small objects
    data = story_stats(story)
    print(json_for_terminal(data) if args.json else escape_lines(render_text(data)))
    return EXIT_OK
