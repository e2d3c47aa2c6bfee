"""Hostile surroundings for the game window, tried in a real window: a 1920x1080 X server (Xvfb) with a window
manager (openbox) and without one, a display that refuses the first connection, and a machine with no display.

Each test starts its own X server (and window manager) and the real game as a player starts it, presses keys with
xdotool and reads where the window really is (xdotool) and what is really on the screen (ImageMagick's `import`).
Tests skip when those programs are missing; CI installs them: apt-get install -y xvfb xdotool imagemagick x11-utils
openbox.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.exitcodes import EXIT_NO_DISPLAY
from game.ui.launch import LINUX_DRIVERS_WITHOUT_WAYLAND, video_drivers, wayland_reachable
from tests.test_ui_golden import difference

ROOT = Path(__file__).resolve().parents[1]
SCREEN = (1920, 1080)
WINDOWED = (1280, 720)
LINUX = sys.platform.startswith("linux")
APT = "apt-get install -y xvfb xdotool imagemagick x11-utils openbox"


def need(*programs: str) -> None:
    missing = [name for name in programs if shutil.which(name) is None]
    if missing or not LINUX:
        pytest.skip(
            f"needs {', '.join(missing) or 'Linux'} (apt-get install -y xvfb xdotool imagemagick x11-utils openbox)"
        )


def wait_for(condition: Callable[[], object], what: str, timeout: float = 30.0) -> object:
    """Poll until `condition()` is truthy (the machine may be slow and busy: the limit is generous)."""
    end = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def start_xvfb(extra: tuple[str, ...] = (), display: str | None = None) -> tuple[subprocess.Popen, str]:
    """An X server of SCREEN size; returns it and its display name once it accepts connections."""
    read_end, write_end = os.pipe()
    args = ["Xvfb", *([display] if display else []), "-displayfd", str(write_end), "-nolisten", "tcp", *extra]
    args += ["-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24"]
    server = subprocess.Popen(args, pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    return server, f":{number}"


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def x_env(display: str) -> dict[str, str]:
    env = {**os.environ, "DISPLAY": display, "SDL_AUDIODRIVER": "dummy"}
    env.pop("SDL_VIDEODRIVER", None)  # the tests' own dummy driver: here the game picks its driver as for players
    return env


@pytest.fixture
def xserver() -> Iterator[str]:
    need("Xvfb", "xdotool", "import", "xwininfo")
    server, display = start_xvfb()
    yield display
    stop(server)


@pytest.fixture
def openbox(xserver: str, tmp_path_factory) -> Iterator[str]:
    need("openbox", "xprop")
    home = tmp_path_factory.mktemp("openbox")  # its own settings and log: never another openbox's
    env = {**x_env(xserver), "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache")}

    def announced() -> bool:
        shown = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env, capture_output=True, text=True)
        return "window id" in shown.stdout

    manager, error = None, b""
    for _ in range(3):  # openbox now and then gives up at once on a busy machine; a new start works
        manager = subprocess.Popen(
            ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        wait_for(lambda process=manager: process.poll() is not None or announced(), "openbox to start", timeout=60)
        if manager.poll() is None:
            break
        error = manager.communicate()[1]
    else:
        raise AssertionError(f"openbox exited with {manager.returncode if manager else '?'}: {error!r}")
    yield xserver
    stop(manager)


class Game:
    """The real game (`python -m game`) in a window on `display`."""

    def __init__(self, display: str, *args: str) -> None:
        self.env = x_env(display)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", *args],
            env=self.env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.window = wait_for(self._find_window, "the game window")

    def _find_window(self) -> str:
        if self.process.poll() is not None:
            out, err = self.process.communicate()
            raise AssertionError(f"the game exited with {self.process.returncode}: {out}{err}")
        found = self._x("xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)).split()
        return found[0] if found else ""

    def _x(self, *args: str) -> str:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=30).stdout

    def geometry(self) -> tuple[int, int, int, int]:
        """Where the window is on the screen and its size (x, y, width, height), as the X server has it."""
        self.window = self._find_window() or self.window
        facts = {}
        for line in self._x("xwininfo", "-id", self.window).splitlines():
            name, _, value = line.strip().partition(":")
            facts[name] = value.strip()
        keys = ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        return tuple(int(facts.get(key, "-1")) for key in keys)  # type: ignore[return-value]

    def press(self, key: str) -> None:
        self._x("xdotool", "key", "--window", self.window, key)

    def picture(self, folder: Path, name: str) -> pygame.Surface:
        """What the window shows now, as the X server has it (the window alone)."""
        path = folder / f"{name}.png"
        subprocess.run(["import", "-window", self.window, str(path)], env=self.env, check=True, timeout=60)
        return pygame.image.load(str(path))

    def screen(self, folder: Path, name: str) -> pygame.Surface:
        path = folder / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True, timeout=60)
        return pygame.image.load(str(path))

    def settle_at(self, expected: Callable[[tuple[int, int, int, int]], bool], what: str) -> tuple[int, int, int, int]:
        last: list[tuple[int, int, int, int]] = []

        def check() -> bool:
            before = self.geometry()
            time.sleep(0.3)
            last[:] = [self.geometry()]
            return last[0] == before and expected(last[0])  # there, and staying (a move can follow a resize)

        try:
            wait_for(check, what, timeout=20)
        except AssertionError:
            raise AssertionError(f"the window is at {last[0] if last else '?'}, not {what}") from None
        return last[0]

    def close(self) -> str:
        stop(self.process)
        return self.process.communicate()[1]


def covers_the_screen(geometry: tuple[int, int, int, int]) -> bool:
    return geometry == (0, 0, *SCREEN)


def windowed_on_screen(geometry: tuple[int, int, int, int]) -> bool:
    x, y, width, height = geometry
    return (width, height) == WINDOWED and x >= 0 and y >= 0 and x + width <= SCREEN[0] and y + height <= SCREEN[1]


def drawn(picture: pygame.Surface, x: int, y: int) -> bool:
    """The game drew this pixel: the bare X screen around a window is pure black; the game never draws that."""
    return tuple(picture.get_at((x, y)))[:3] != (0, 0, 0)


def undrawn(picture: pygame.Surface, points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [point for point in points if not drawn(picture, *point)]


def screen_points(_: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    w, h = SCREEN
    return [(2, 2), (w - 3, 2), (2, h - 3), (w - 3, h - 3), (w // 2, h - 40)]


def window_points(geometry: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    x, y, w, h = geometry
    return [(x + 4, y + 4), (x + w - 5, y + 4), (x + 4, y + h - 5), (x + w - 5, y + h - 5)]


def assert_drawn_at(
    game: Game, folder: Path, name: str, points: Callable[[tuple[int, int, int, int]], list[tuple[int, int]]]
) -> None:
    """The game draws at every point (a busy machine may take a moment to draw the first frame at a new size)."""
    missing: list[tuple[int, int]] = []

    def all_drawn() -> bool:
        missing[:] = undrawn(game.screen(folder, name), points(game.geometry()))
        return not missing

    try:
        wait_for(all_drawn, "the picture", timeout=20)
    except AssertionError:
        raise AssertionError(f"nothing drawn at {missing} of the screen (see {folder / name}.png)") from None


def toggle_fullscreen_twice(game: Game, tmp_path: Path) -> None:
    start = game.settle_at(windowed_on_screen, "a 1280x720 window on the screen")
    game.press("F11")
    game.settle_at(covers_the_screen, "the whole 1920x1080 screen")
    assert_drawn_at(game, tmp_path, "fullscreen", screen_points)
    game.press("F11")
    back = game.settle_at(windowed_on_screen, "a 1280x720 window on the screen again")
    assert back[2:] == start[2:]
    assert_drawn_at(game, tmp_path, "windowed", window_points)


def test_fullscreen_and_back_under_a_window_manager(openbox, tmp_path):
    """Before: F11 again left a 1920x1080 window at (322,220), its text box off the screen."""
    game = Game(openbox)
    try:
        toggle_fullscreen_twice(game, tmp_path)
        game.press("F11")  # and once more: the toggle does not wear out
        game.settle_at(covers_the_screen, "the whole screen a second time")
    finally:
        game.close()


def test_fullscreen_and_back_without_a_window_manager(xserver, tmp_path):
    """Before: the fullscreen picture was drawn into a window left at (320,180), offset and clipped."""
    game = Game(xserver)
    try:
        toggle_fullscreen_twice(game, tmp_path)
    finally:
        game.close()


def test_starting_in_fullscreen_without_a_window_manager_and_leaving_it(xserver, tmp_path):
    data = Path(os.environ["HEARTSTOPPER_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text('{"fullscreen": true}', encoding="utf-8")
    game = Game(xserver)
    try:
        game.settle_at(covers_the_screen, "the whole screen at start")
        assert_drawn_at(game, tmp_path, "start", screen_points)
        game.press("F11")
        game.settle_at(windowed_on_screen, "a 1280x720 window on the screen")
        assert_drawn_at(game, tmp_path, "windowed", window_points)
    finally:
        game.close()


def free_display_number() -> tuple[int, socket.socket]:
    """A display number no X server uses, with its Linux abstract socket held by us, listening but never answering:
    an X server shutting down that still holds the name while a new one starts on the same number."""
    for number in range(90, 190):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        old_server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            old_server.bind(f"\0/tmp/.X11-unix/X{number}")
        except OSError:
            old_server.close()
            continue
        old_server.listen(8)
        return number, old_server
    pytest.skip("no free X display number")


def test_a_display_that_drops_the_first_connection_still_gets_the_window(tmp_path):
    """The start-up race: an X server that has just taken over a display number from one still shutting down. The
    game's first connection reaches the old server, which drops it; SDL then falls back to its invisible
    'offscreen' driver. Before: 'no display is available' (exit 3), and a retry by hand worked. Now the game tries
    again a moment later and opens its window."""
    need("Xvfb", "xdotool")
    number, old_server = free_display_number()
    try:
        # The new server listens only on its socket file: the abstract name is still the old server's
        server, display = start_xvfb(("-nolisten", "local"), display=f":{number}")
    except BaseException:
        old_server.close()
        raise
    game_process: subprocess.Popen | None = None
    try:
        env = x_env(display)
        game_process = subprocess.Popen(
            [sys.executable, "-m", "game"], env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        reached_old, _, _ = select.select([old_server], [], [], 60)
        assert reached_old, "the game never tried the display"
        connection, _ = old_server.accept()
        connection.close()  # the old server goes away with the game's connection
        old_server.close()

        def window() -> bool:
            if game_process.poll() is not None:
                raise AssertionError(f"the game exited with {game_process.returncode}: {game_process.stderr.read()!r}")
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(game_process.pid)],
                env=env,
                capture_output=True,
                text=True,
            )
            return bool(found.stdout.split())

        wait_for(window, "the game window after the dropped connection")
    finally:
        old_server.close()
        if game_process is not None:
            stop(game_process)
        stop(server)


def no_display_env() -> dict[str, str]:
    env = {**os.environ, "SDL_AUDIODRIVER": "dummy"}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR", "SDL_VIDEODRIVER"):
        env.pop(name, None)
    return env


@pytest.mark.skipif(not LINUX, reason="SDL's Wayland probe is Linux's")
def test_no_display_says_so_without_sdls_xdg_runtime_dir_line():
    """Before: 'error: XDG_RUNTIME_DIR is invalid or not set in the environment.' above the game's own message."""
    result = subprocess.run(
        [sys.executable, "-m", "game"],
        env=no_display_env(),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == EXIT_NO_DISPLAY
    assert "XDG_RUNTIME_DIR" not in result.stderr
    assert "no display" in result.stderr


def test_a_window_in_xvfb_prints_nothing_from_sdl(xserver):
    game = Game(xserver)
    assert "XDG_RUNTIME_DIR" not in game.close()


def test_wayland_is_tried_only_where_a_compositor_can_be_reached(tmp_path):
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    assert video_drivers({}, "linux") == LINUX_DRIVERS_WITHOUT_WAYLAND
    assert video_drivers({"XDG_RUNTIME_DIR": str(runtime)}, "linux") == LINUX_DRIVERS_WITHOUT_WAYLAND
    (runtime / "wayland-0").write_text("")
    assert wayland_reachable({"XDG_RUNTIME_DIR": str(runtime)})
    assert video_drivers({"XDG_RUNTIME_DIR": str(runtime)}, "linux") is None  # SDL's own order
    assert video_drivers({"XDG_RUNTIME_DIR": str(runtime), "WAYLAND_DISPLAY": "wayland-1"}, "linux") is not None
    assert video_drivers({"SDL_VIDEODRIVER": "wayland"}, "linux") is None  # the player's own choice stands
    assert video_drivers({}, "win32") is None and video_drivers({}, "darwin") is None


def test_a_line_at_rest_shows_its_last_letter_and_the_continue_mark_in_a_real_window(xserver, tmp_path):
    """Before: a line that finished typing on its own lacked its last letter and the ▼ until some input came (the
    loop slept before drawing the frame that completes it). Captures and goldens draw finished beats, so only a real
    window can see this: here the game types the first line, nobody touches anything for seconds, and the text box
    on the X screen must be exactly the finished line as the game draws it."""
    from game.loader import load_story
    from game.ui.driver import Driver
    from game.ui.theme import BOX

    story = ROOT / "tests" / "fixtures" / "ui_story"
    game = Game(xserver, "--story", str(story))
    try:
        game.settle_at(windowed_on_screen, "a 1280x720 window on the screen")
        game.press("Return")  # New game
        time.sleep(1.0)
        game.press("Return")  # past the content note: the first line starts typing
        time.sleep(6.0)  # typed in about a second; then nothing happens, as for a player reading it
        at_rest = game.picture(tmp_path, "at_rest").subsurface(BOX)
    finally:
        game.close()
    ui = Driver(load_story(story), tmp_path / "data")
    try:
        ui.start_new_game(wait=6.0)
        finished = ui.frame().subsurface(BOX)
    finally:
        ui.close()
    _, share = difference(at_rest, finished)
    assert share == 0.0, f"the text box at rest is not the finished line ({share:.4%} differs; see {tmp_path})"
