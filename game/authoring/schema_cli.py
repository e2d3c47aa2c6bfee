"""`heartstopper schema`: where the story format's JSON Schemas are, and the line that puts them to work in an editor.

With `--print NAME` it prints one schema itself (to save it elsewhere or feed it to another tool). Exit code 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli import EXIT_OK, EXIT_USAGE, complain
from game.paths import default_story_dir

if TYPE_CHECKING:
    from game.authoring.schema import SchemaName


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--print", dest="show", choices=("manifest", "scene", "playthrough"), help="print this schema's JSON"
    )


def run(args: argparse.Namespace) -> int:
    from game.authoring.schema import NAMES, WHAT, modeline, schema_path

    if args.show:
        try:
            sys.stdout.write(schema_path(args.show).read_text(encoding="utf-8"))
        except OSError as error:
            complain(f"cannot read the schema: {error.strerror or error}", "schema")
            return EXIT_USAGE
        return EXIT_OK
    story_dir = (args.story or default_story_dir()).resolve()
    print("The story format's JSON Schemas:")
    for name in NAMES:
        print(f"  {name:<12} {schema_path(name)}  ({WHAT[name]})")
    print()
    print("Put the matching line at the top of a file for completion and checking in your editor (docs/EDITOR.md):")
    examples: tuple[tuple[SchemaName, Path], ...] = (
        ("manifest", story_dir / "story.yaml"),
        ("scene", story_dir / "scenes" / "example.yaml"),
        ("playthrough", story_dir / "playthroughs" / "example.yaml"),
    )
    for name, example in examples:
        print(f"  {name:<12} {modeline(name, example)}")
    return EXIT_OK
