"""`heartstopper graph`: the story map as Mermaid (default) or DOT, on stdout or written to a file.

Exit codes: 0 drawn, 1 the story does not load, 2 bad usage (an unknown chapter, DOT without the graphviz package,
a file that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, complain, load_or_report
from game.terminal_text import escape_for_terminal, escape_lines
from game.wording import plural


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("mermaid", "dot"),
        default="mermaid",
        help="mermaid (stateDiagram-v2, renders on GitHub and mermaid.live) or dot (for Graphviz); default mermaid",
    )
    parser.add_argument("--chapter", metavar="NAME", help="only this chapter, with the scenes next to it")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of printing")


def run(args: argparse.Namespace) -> int:
    from game.authoring.graph import GraphError, build_map
    from game.jsonfiles import write_output
    from game.output_paths import cannot_write, ready_file

    problem = ready_file(args.output) if args.output is not None else None
    if problem is not None:
        complain(problem, "graph")
        return EXIT_USAGE
    story = load_or_report(args.story)
    if story is None:
        return EXIT_FAILED
    try:
        drawn = build_map(story, args.format, args.chapter)
    except GraphError as error:
        complain(str(error), "graph")
        return EXIT_USAGE
    text = drawn.text if drawn.text.endswith("\n") else drawn.text + "\n"
    if args.output is None:
        sys.stdout.write(escape_lines(text) if sys.stdout.isatty() else text)  # a map piped to a tool stays as it is
        return EXIT_OK
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)  # as --junit and --out do
        write_output(args.output, text)
    except OSError as error:
        complain(cannot_write(error, args.output), "graph")
        return EXIT_USAGE
    drawn_what = plural(len(drawn.states), "scene and ending", "scenes and endings")
    print(f"wrote the map of {drawn_what} to {escape_for_terminal(str(args.output))}")
    return EXIT_OK
