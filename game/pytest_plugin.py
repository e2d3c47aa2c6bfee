"""A pytest plugin: a story's playthrough files as test items, so authors see each one pass or fail in pytest.

A playthrough file is a `.yaml` file in a folder named `playthroughs` beside a `story.yaml`. Collecting them is
opt-in, so the plugin never adds items to a project's own test run by surprise:

- name the story folder, its `playthroughs` folder or the file on the command line (`pytest story/`), or
- pass `--playthroughs` to collect every playthrough file under the paths pytest searches.

Each file is one test item. It loads its story (once per story per run), reads the file and runs it through
`game.scripts`; a failure reads as the scripts report it: the step, what was expected, what happened and the last
lines shown. A story or file that cannot be read fails its items with the problems, file, line and column.

Installed with the game through the `pytest11` entry point; without it, `pytest -p game.pytest_plugin`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.problems import StoryError

_STORIES = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("heartstopper", "Heartstopper playthrough files")
    group.addoption(
        "--playthroughs",
        action="store_true",
        default=False,
        help="collect story playthrough files (playthroughs/*.yaml beside a story.yaml) under the searched paths",
    )


def story_folder(file_path: Path) -> Path | None:
    """The story folder a playthrough file belongs to, or None if it is not one."""
    if file_path.suffix not in (".yaml", ".yml") or file_path.parent.name != "playthroughs":
        return None
    folder = file_path.parent.parent
    return folder if (folder / "story.yaml").is_file() else None


def _named(config: pytest.Config, file_path: Path, folder: Path) -> bool:
    """Whether the command line names this file, its playthroughs folder or its story folder."""
    wanted = {file_path.resolve(), file_path.parent.resolve(), folder.resolve()}
    base = Path(config.invocation_params.dir)
    return any((base / argument.split("::")[0]).resolve() in wanted for argument in config.args)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    folder = story_folder(file_path)
    if folder is None:
        return None
    config = parent.config
    if not (config.getoption("playthroughs") or _named(config, file_path, folder)):
        return None
    return PlaythroughFile.from_parent(parent, path=file_path)


class PlaythroughFile(pytest.File):
    def collect(self):
        yield PlaythroughItem.from_parent(self, name=self.path.stem)


class PlaythroughFailed(Exception):
    """A playthrough file failed, or could not be read: the message is the report to show."""


class PlaythroughItem(pytest.Item):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # No fixtures, said the way test functions say it: some plugins' hooks read the `funcargs` of every item and
        # fail an item without them (pytest-lsp 1.0, installed with the 'test' extra, does).
        self.funcargs: dict[str, object] = {}

    def runtest(self) -> None:
        from game.scripts import load_playthrough_file, run_script

        story = self._story()
        try:
            script = load_playthrough_file(self.path, story)
        except StoryError as error:
            raise PlaythroughFailed(error.report()) from None
        result = run_script(script, story)
        if result.failure is not None:
            raise PlaythroughFailed(result.failure.report(script))

    def _story(self):
        from game.loader import load_story

        stories = self.config.stash.setdefault(_STORIES, {})
        folder = story_folder(self.path)
        assert folder is not None
        key = folder.resolve()
        if key not in stories:
            try:
                stories[key] = load_story(folder)
            except StoryError as error:
                stories[key] = PlaythroughFailed(f"the story in {folder} cannot be loaded:\n{error.report()}")
        loaded = stories[key]
        if isinstance(loaded, PlaythroughFailed):
            raise loaded
        return loaded

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, PlaythroughFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"playthrough {self.path.name}"
