"""Starting the pygame front end: `run_game` for players and authors, `open_app` for tests, captures and benches.

If no display can be opened, `run_game` raises `NoDisplayError` so the command line can say so and offer the
terminal player instead.

Opening the display is retried for a moment when a display is there but SDL could not reach it: an X server that is
starting, or one that has just taken over a display number from a server still shutting down (the old server's
socket takes the connection and drops it), refuses the first connection and takes the next. On Linux, SDL is not
asked to try Wayland where no Wayland display can be reached: that probe only prints "XDG_RUNTIME_DIR is invalid or
not set" on machines without it (CI, containers, X-only desktops).
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

from game.branding import branding_of
from game.problems import path_for_user
from game.ui.app import App
from game.ui.datadir import data_dir
from game.ui.display import Display
from game.ui.speech import Speaker
from game.ui.storyheader import read_header
from game.ui.windowicon import set_window_icon
from game.wording import plural

log = logging.getLogger(__name__)


INVISIBLE_DRIVERS = ("offscreen", "dummy")


class NoDisplayError(RuntimeError):
    """No window can be opened here (no display, or the video driver failed)."""


DISPLAY_RETRIES = (0.1, 0.2, 0.4, 0.8, 1.5)  # seconds between tries when a display is there but refused us
LINUX_DRIVERS_WITHOUT_WAYLAND = "x11,kmsdrm,offscreen"  # SDL's own order, less the Wayland probe


def wayland_reachable(env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether a Wayland compositor's socket is where libwayland would look for it."""
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if os.path.isabs(name):
        return os.path.exists(name)
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.isabs(runtime) and os.path.exists(os.path.join(runtime, name))


def video_drivers(env: dict[str, str] | os._Environ[str] = os.environ, platform: str = sys.platform) -> str | None:
    """The SDL video drivers to try, or None for SDL's own choice (and always the player's own SDL_VIDEODRIVER)."""
    if env.get("SDL_VIDEODRIVER") or not platform.startswith("linux") or wayland_reachable(env):
        return None
    return LINUX_DRIVERS_WITHOUT_WAYLAND


def display_advertised(env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether the environment names a display (so failing to reach it may be a moment's race, worth a retry)."""
    return bool(env.get("DISPLAY")) or wayland_reachable(env)


def _open_display() -> str:
    """Initialise SDL's video with the drivers `video_drivers` picks; the driver SDL chose."""
    drivers = video_drivers()
    if drivers is None:
        pygame.display.init()
    else:
        os.environ["SDL_VIDEODRIVER"] = drivers
        try:
            pygame.display.init()
        finally:
            del os.environ["SDL_VIDEODRIVER"]  # only for this call: child processes keep the player's environment
    return pygame.display.get_driver()


def _asked_for(driver: str) -> bool:
    return os.environ.get("SDL_VIDEODRIVER", "").lower() == driver


def init_pygame(sleep: Callable[[float], None] = time.sleep) -> None:
    """Start the parts of pygame the game needs (never the audio here: `Audio` does that and may fail quietly)."""
    waits = list(DISPLAY_RETRIES) if display_advertised() else []
    while True:
        try:
            driver = _open_display()
        except pygame.error as err:
            if not waits:
                raise NoDisplayError(f"no display is available for the game window ({err})") from err
        else:
            if driver not in INVISIBLE_DRIVERS or _asked_for(driver):
                break
            # SDL falls back to an invisible window when it reaches no screen; only tests and captures ask for one.
            pygame.display.quit()
            if not waits:
                raise NoDisplayError(
                    f"no display is available for the game window (SDL offered only its '{driver}' driver)"
                )
        log.info("the display refused the game's connection; trying again")
        sleep(waits.pop(0))
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
        display = Display(size, fullscreen=False, title=branding_of(story).window_title)
    except pygame.error as err:
        raise NoDisplayError(f"the game window cannot be opened ({err})") from err
    set_window_icon(getattr(story, "assets_dir", None), getattr(story, "icon", None))
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
        from game.ui.screens import router

        router.reset(app, "title", app.clock())


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
                f"The story in {path_for_user(Path(story_dir))} has {plural(err.count, 'problem')}; "
                "mend them and try again.",
                file=sys.stderr,
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
        code = app.run()
        if app.failure is not None:  # play stopped on a mistake in the story; the window said so, now the terminal
            print(f"heartstopper: {app.failure}", file=sys.stderr)
        return code
    finally:
        app.close()
        pygame.quit()
