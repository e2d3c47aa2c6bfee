"""Starting the pygame front end: `run_game` for players and authors, `open_app` for tests, captures and benches.

If no display can be opened, `run_game` raises `NoDisplayError` so the command line can say so and offer the
terminal player instead.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.ui.app import App
from game.ui.datadir import data_dir
from game.ui.display import Display
from game.ui.speech import Speaker
from game.ui.storyheader import read_header

log = logging.getLogger(__name__)


INVISIBLE_DRIVERS = ("offscreen", "dummy")


class NoDisplayError(RuntimeError):
    """No window can be opened here (no display, or the video driver failed)."""


def init_pygame() -> None:
    """Start the parts of pygame the game needs (never the audio here: `Audio` does that and may fail quietly)."""
    try:
        pygame.display.init()
    except pygame.error as err:
        raise NoDisplayError(f"no display is available for the game window ({err})") from err
    driver = pygame.display.get_driver()
    if driver in INVISIBLE_DRIVERS and os.environ.get("SDL_VIDEODRIVER", "").lower() != driver:
        # SDL falls back to an invisible window when there is no screen; only tests and captures ask for one.
        pygame.display.quit()
        raise NoDisplayError(f"no display is available for the game window (SDL offered only its '{driver}' driver)")
    pygame.font.init()
    pygame.key.set_repeat(400, 40)
    init_controllers()


def init_controllers() -> None:
    """Start SDL's game controller support: a pad plugged in (or already there) then arrives as an event."""
    try:
        from pygame._sdl2 import controller

        controller.init()
    except (pygame.error, ImportError) as err:
        log.info("no game controller support: %s", err)


def open_app(
    story: Any,
    *,
    size: tuple[int, int] = (1280, 720),
    dev: bool = False,
    fullscreen: bool | None = None,
    clock: Callable[[], float] = time.monotonic,
    data: Path | None = None,
    open_audio: bool = True,
    speaker: Speaker | None = None,
) -> App:
    """A ready App for `story` in a window of `size` (the title screen is not pushed yet)."""
    init_pygame()
    try:
        display = Display(size, fullscreen=False, title=str(getattr(story, "title", "")))
    except pygame.error as err:
        raise NoDisplayError(f"the game window cannot be opened ({err})") from err
    app = App(
        story,
        display=display,
        data_dir=data if data is not None else data_dir(),
        clock=clock,
        dev=dev,
        open_audio=open_audio,
        speaker=speaker,
    )
    if fullscreen is not None and fullscreen != display.fullscreen:
        app.set_fullscreen(fullscreen)
    return app


def start_screens(app: App, *, start: str | None = None, given: dict[str, object] | None = None) -> None:
    """The title screen, or with `start`/`given` the game straight away."""
    if start is not None or given:
        from game.ui.screens.flow import new_game  # the engine is imported only when a game starts

        new_game(app, app.clock(), start=start, given=given)
    else:
        from game.ui.screens.title import TitleScreen

        app.reset(TitleScreen(app), app.clock())


def run_game(
    story_dir: Path,
    *,
    dev: bool = False,
    start: str | None = None,
    given: dict[str, object] | None = None,
    fullscreen: bool | None = None,
) -> int:
    """Play the story in `story_dir` in a window; returns the exit code."""
    from game.loader import load_story
    from game.problems import StoryError

    logging.basicConfig(level=logging.INFO if dev else logging.WARNING, format="%(levelname)s: %(message)s")
    story_dir = Path(story_dir)
    app = open_app(read_header(story_dir), dev=dev, fullscreen=fullscreen, open_audio=False)
    try:
        if start is None and not given:
            start_screens(app)
            app.step([], app.clock())  # the title is on screen while the story loads and the audio opens
        try:
            story = load_story(story_dir)
        except StoryError as err:
            for problem in err.problems:
                print(problem, file=sys.stderr)
            print(
                f"The story in {story_dir} has {len(err.problems)} problem(s); fix them and try again.", file=sys.stderr
            )
            return 1
        app.story = story
        app.audio.open()
        if start is not None and start not in story.scenes:
            print(f"There is no scene '{start}' in the story to start at.", file=sys.stderr)
            return 2
        if start is not None or given:
            try:
                start_screens(app, start=start, given=given)
            except ValueError as err:
                print(f"Cannot start there: {err}", file=sys.stderr)
                return 2
        return app.run()
    finally:
        app.close()
        pygame.quit()
