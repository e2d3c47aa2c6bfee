"""Bench the pygame front end on this machine (headless, SDL's dummy drivers).

Measures, and prints against the targets:
- process start to the first drawn title frame (target < 0.3 s),
- draw time per frame at 1280x720, median and 99th percentile, while a line is typed out and while menus are shown
  (target p99 < 4 ms),
- CPU used while idle with nothing animating, on the title and in the game (target < 1% of a core).

    python bench/bench_game.py [--story DIR]

Figures only; nothing here fails on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

FIRST_FRAME = """
import time
t0 = time.perf_counter()
from pathlib import Path
from game.ui.launch import open_app, start_screens
from game.ui.storyheader import read_header
app = open_app(read_header(Path({story!r})), data=Path({data!r}), open_audio=False)
start_screens(app)
app.step([], app.clock())
t1 = time.perf_counter()
print("FRAME", app.frames_drawn, t1 - t0, flush=True)
from game.loader import load_story
app.story = load_story(Path({story!r}))
print("LOADED", time.perf_counter() - t1, flush=True)
"""

IDLE = """
import time, pygame
from pathlib import Path
from game.loader import load_story
from game.ui.launch import open_app, start_screens
from game.ui.screens.flow import new_game
story = load_story(Path({story!r}))
app = open_app(story, data=Path({data!r}), open_audio={audio!r})
if {in_game!r}:
    new_game(app, app.clock())
    app.settings.text_speed = 150  # instant, so the first line is complete at once
else:
    start_screens(app)
end = time.monotonic() + 7  # let the opening animations (chapter card, effects) finish
while time.monotonic() < end:
    app.step(pygame.event.get(), app.clock())
    time.sleep(1 / 60)
pygame.time.set_timer(pygame.QUIT, {ms}, 1)
c0, w0, f0 = time.process_time(), time.perf_counter(), app.frames_drawn
app.run()
print("IDLE", time.process_time() - c0, time.perf_counter() - w0, app.frames_drawn - f0, flush=True)
"""


def run_child(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if os.environ.get("DISPLAY"):
        env.pop("SDL_VIDEODRIVER", None)  # a real X window (SDL's dummy driver polls instead of sleeping)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return out.stdout


def first_frame(story: Path, data: str, runs: int = 6) -> None:
    """Process start to the first title frame. The first start rasterises the title art and keeps it in a fresh
    raster cache (game/ui/rastercache.py); later starts read it back, as a player's every start after the first."""
    totals, loads = [], []
    cache = tempfile.mkdtemp(prefix="hs-raster-")
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", FIRST_FRAME.format(story=str(story), data=data)],
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT), HEARTSTOPPER_CACHE_DIR=cache),
            cwd=ROOT,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("FRAME"):
                totals.append(time.perf_counter() - start)
            if line.startswith("LOADED"):
                loads.append(float(line.split()[1]))
                break
        proc.wait()
    cold, warm = totals[0], totals[1:]
    print(
        f"process start to first title frame: median {statistics.median(warm) * 1000:.0f} ms, "
        f"best {min(warm) * 1000:.0f} ms  [target < 300 ms] (the very first start, drawing the title art: "
        f"{cold * 1000:.0f} ms); "
        f"then the story loads behind the title in {statistics.median(loads) * 1000:.0f} ms"
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def draw_times(story_dir: Path, data: str) -> None:
    import pygame

    from game.events import Line
    from game.loader import load_story
    from game.ui.driver import Driver
    from game.ui.screens.game import GameScreen

    ui = Driver(load_story(story_dir), Path(data))
    app = ui.app

    def timed_frames(n: int, dt: float) -> list[tuple[float, float]]:
        times = []
        for _ in range(n):
            ui.clock.now += dt
            app.update(ui.clock.now)
            wall, cpu = time.perf_counter(), time.thread_time()
            app.render(ui.clock.now)
            times.append(((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
        return times

    def report(what: str, times: list[tuple[float, float]]) -> None:
        wall = [w for w, _ in times]
        cpu = [c for _, c in times]
        print(
            f"draw {what:<22} CPU median {statistics.median(cpu):.2f} ms, p99 {percentile(cpu, 0.99):.2f} ms; "
            f"wall median {statistics.median(wall):.2f} ms, p99 {percentile(wall, 0.99):.2f} ms "
            f"({len(times)} frames)  [target p99 < 4 ms]"
        )

    report("title", timed_frames(120, 1 / 60))
    ui.press(pygame.K_RETURN)
    ui.press(pygame.K_RETURN)
    game = ui.top
    assert isinstance(game, GameScreen)
    ui.wait(3.0)
    reveal: list[tuple[float, float]] = []
    for _ in range(8):
        if not isinstance(game.session.beat, Line):
            break
        ui.press(pygame.K_SPACE)  # complete
        ui.press(pygame.K_SPACE)  # next line, typing starts
        reveal += timed_frames(60, 1 / 60)
    report("text reveal (in game)", reveal)
    game.open_menu(ui.clock.now)
    report("game menu", timed_frames(120, 1 / 60))
    ui.press(pygame.K_ESCAPE)
    game.open_saves("save", ui.clock.now)
    report("save screen", timed_frames(120, 1 / 60))
    ui.press(pygame.K_ESCAPE)
    for _ in range(200):
        if game.menu is not None:
            break
        ui.press(pygame.K_SPACE)
        ui.press(pygame.K_SPACE, wait=0.05)
    if game.menu is not None:
        report("choice menu", timed_frames(120, 1 / 60))
    ui.close()


def idle_cpu(story: Path, data: str, *, in_game: bool, audio: bool, seconds: float = 4.0) -> None:
    """CPU while nothing animates. With audio off it is what drawing and input cost; with audio on, the music
    playing under the title or the scene (decoding and mixing) is added, which is the price of music, not of idling."""
    out = run_child(IDLE.format(story=str(story), data=data, in_game=in_game, audio=audio, ms=int(seconds * 1000)))
    line = next(x for x in out.splitlines() if x.startswith("IDLE"))
    cpu, wall, frames = float(line.split()[1]), float(line.split()[2]), int(line.split()[3])
    where = "in game, line shown" if in_game else "title screen"
    where += ", music playing" if audio else ", sound off"
    where += ", X11" if os.environ.get("DISPLAY") else ", dummy video driver: run under xvfb-run for real waiting"
    print(
        f"idle CPU ({where}): {cpu / wall * 100:.2f}% of a core over {wall:.1f} s, {frames} frames drawn"
        + ("" if audio else "  [target < 1%]")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", type=Path, default=ROOT / "story")
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"machine: {os.cpu_count()} cores, load average {load:.2f} (other work makes wall times noisy)")
    with tempfile.TemporaryDirectory() as data:
        first_frame(args.story, data)
        draw_times(args.story, data)
        for audio in (False, True):
            idle_cpu(args.story, data, in_game=False, audio=audio)
            idle_cpu(args.story, data, in_game=True, audio=audio)
    return 0


if __name__ == "__main__":
    sys.exit(main())
