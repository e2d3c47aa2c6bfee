"""Helpers for tests that build small stories in a temporary folder."""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.loader import load_story
from game.model import Story
from game.problems import Problem, StoryError

FIXTURES = Path(__file__).parent / "fixtures"

MANIFEST = """\
title: "Test"
start: a
characters:
  charlie: {name: Charlie, color: "#7fb8e8"}
  nick: {name: Nick}
variables:
  grades: {type: int, default: 2, min: 0, max: 5}
  brave: {type: bool, default: false}
  room: {type: enum, values: [tao, isaac], default: tao}
endings:
  done: {title: "Done"}
"""

SCENES = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Hello."
  ending: done
"""


def write_story(
    root: Path,
    scenes: str = SCENES,
    manifest: str = MANIFEST,
    extra: dict[str, str] | None = None,
    raw: dict[str, bytes] | None = None,
) -> Path:
    """Write a story folder: the manifest, `scenes/main.yaml`, and any extra text or raw files."""
    story = root / "story"
    (story / "scenes").mkdir(parents=True, exist_ok=True)
    (story / "story.yaml").write_text(textwrap.dedent(manifest), encoding="utf-8")
    (story / "scenes" / "main.yaml").write_text(textwrap.dedent(scenes), encoding="utf-8")
    for name, text in (extra or {}).items():
        path = story / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for name, data in (raw or {}).items():
        path = story / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return story


def build(root: Path, scenes: str = SCENES, **kwargs) -> Story:
    return load_story(write_story(root, scenes, **kwargs))


def problems_of(root: Path, scenes: str = SCENES, **kwargs) -> list[Problem]:
    try:
        load_story(write_story(root, scenes, **kwargs))
    except StoryError as error:
        return error.problems
    return []


def mini() -> Story:
    return load_story(FIXTURES / "mini")
