"""Scene files loaded one at a time (their ids guessed first, the guess checked) give exactly what a load that
reads every file before building gives: the same story, the same problems in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from storybuild import SCENES, write_story
from test_story_cache import EXAMPLE, SHIPPED, _plain

from game import loader
from game.problems import StoryError


def load(story_dir: Path, stream: bool):
    """The story (as plain data) or the problems a load finds, streaming the scene files or not."""
    try:
        return _plain(loader._load(loader._StoryLoader(story_dir, stream=stream))[1])
    except StoryError as error:
        return error.problems


def streaming_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on a load that does not guess the scene ids right fails the test instead of reading every file."""

    def refused(*args: object) -> None:
        raise AssertionError("the scene ids were not guessed right: the load read every file first")

    monkeypatch.setattr(loader._StoryLoader, "_read_then_build", refused)


@pytest.mark.parametrize("source", [SHIPPED, EXAMPLE], ids=["shipped", "lamplight"])
def test_a_story_streamed_is_the_story_read_whole(source: Path, tmp_path: Path, monkeypatch) -> None:
    copy = Path(shutil.copytree(source, tmp_path / "story"))
    whole = load(copy, stream=False)
    streaming_alone(monkeypatch)
    assert load(copy, stream=True) == whole


BROKEN = {
    "scenes/b.yaml": "b:\n  title: 3\n  lines: []\n  next: aa\n",  # a bad title, a near miss of 'a'
    "scenes/c.yaml": "a:\n  title: Again\n  lines: []\n  ending: done\nnick:\n  title: N\n  lines: []\n  next: e\n",
    "scenes/e.yaml": "e:\n  title: E\n  lines:\n    - goto: nowhere\n  ending: done\n",
}


def test_problems_streamed_are_the_problems_read_whole(tmp_path: Path, monkeypatch) -> None:
    story = write_story(tmp_path, SCENES.replace("ending: done", "next: e"), extra=BROKEN)
    whole = load(story, stream=False)
    assert isinstance(whole, list) and len({problem.file for problem in whole}) >= 3, whole
    streaming_alone(monkeypatch)
    assert load(story, stream=True) == whole


@pytest.mark.parametrize(
    "text",
    [
        '"b":\n  title: B\n  lines: []\n  ending: done\n',  # a quoted id: not guessed
        "{b: {title: B, lines: [], ending: done}}\n",  # a flow mapping: not guessed
        "b:\n  title: B\n  lines: []\n  ending: done\nnull:\n  title: N\n",  # 'null' is no id: guessed wrongly
        "b:\n  title: B\n  lines: [{narrate: 'x'\n",  # not YAML: its parse finds no ids
    ],
    ids=["quoted", "flow", "null", "not-yaml"],
)
def test_a_wrong_guess_loads_the_other_way(tmp_path: Path, text: str) -> None:
    story = write_story(tmp_path, SCENES.replace("ending: done", "next: b"), extra={"scenes/b.yaml": text})
    ways: list[str] = []
    real = loader._StoryLoader._read_then_build

    def counted(self, *args):
        ways.append("read whole")
        return real(self, *args)

    loader._StoryLoader._read_then_build = counted  # type: ignore[method-assign]
    try:
        streamed = load(story, stream=True)
    finally:
        loader._StoryLoader._read_then_build = real  # type: ignore[method-assign]
    assert ways == ["read whole"]
    assert streamed == load(story, stream=False)
