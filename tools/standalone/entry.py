"""The program a standalone build runs: the `heartstopper` command, frozen with its story, assets and fonts.

PyInstaller freezes this file (tools/build_standalone.py). It does what the installed `heartstopper` command does,
plus one thing for the benchmarks: with HEARTSTOPPER_PROBE_FIRST_FRAME set it opens the game, draws the first title
frame, prints `FRAME <seconds>` and exits. bench/bench_standalone.py runs that probe in the frozen program and, with
the same file run by the pip-installed Python, in the installed game, so both are timed by the same code.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time

PROBE_ENV = "HEARTSTOPPER_PROBE_FIRST_FRAME"


def first_frame_probe() -> int:
    """Open the shipped story's title screen headless-or-not as the game would, draw one frame, report the time."""
    started = time.perf_counter()
    import tempfile
    from pathlib import Path

    from game.paths import default_story_dir
    from game.ui.launch import open_app, start_screens
    from game.ui.storyheader import read_header

    with tempfile.TemporaryDirectory(prefix="hs-probe-") as data:
        app = open_app(read_header(default_story_dir()), data=Path(data), open_audio=False)
        start_screens(app)
        app.step([], app.clock())
        print("FRAME", app.frames_drawn, time.perf_counter() - started, flush=True)
    return 0


def run() -> int:
    multiprocessing.freeze_support()  # harmless unfrozen; needed if any command ever starts worker processes
    if os.environ.get(PROBE_ENV):
        return first_frame_probe()
    from game.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
