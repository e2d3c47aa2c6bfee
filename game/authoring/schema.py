"""The JSON Schemas of the story format, shipped in the package, for editors that check YAML as it is typed.

`game/schemas/` holds three draft-07 schemas: the manifest (`story.yaml`), scene files and playthrough files. An
editor with the YAML language server (VS Code's YAML extension, and others) offers completion and marks mistakes when
a file starts with `# yaml-language-server: $schema=PATH`. The loader stays the authority (ids that exist, conditions
that type-check, every rule with a line and column); the schemas catch the shape as one types. A test keeps their
keys in step with the loader's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal

SchemaName = Literal["manifest", "scene", "playthrough"]
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
NAMES: tuple[SchemaName, ...] = ("manifest", "scene", "playthrough")
WHAT = {
    "manifest": "story.yaml, the manifest",
    "scene": "scene files, scenes/**/*.yaml",
    "playthrough": "playthrough files, playthroughs/*.yaml",
}


def schema_path(name: SchemaName) -> Path:
    return SCHEMA_DIR / f"{name}.schema.json"


def load_schema(name: SchemaName) -> dict:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


def schema_for(path: Path, story_dir: Path) -> SchemaName:
    """Which schema a file of a story folder follows."""
    relative = Path(os.path.relpath(Path(path).resolve(), Path(story_dir).resolve()))
    if relative.as_posix() == "story.yaml":
        return "manifest"
    if relative.parts and relative.parts[0] == "playthroughs":
        return "playthrough"
    return "scene"


def modeline(name: SchemaName, for_file: Path | None = None) -> str:
    """The first line that tells the YAML language server which schema a file follows.

    With `for_file`, the schema's path is written relative to that file (portable within a checkout); without, it is
    absolute.
    """
    target = schema_path(name)
    if for_file is not None:
        shown = Path(os.path.relpath(target, Path(for_file).resolve().parent)).as_posix()
    else:
        shown = target.as_posix()
    return f"# yaml-language-server: $schema={shown}"
