"""Capture: play a playthrough file through the real renderer without a window, saving a PNG of every beat.

The screens are the game's own, drawn headlessly (SDL's dummy video driver) at the size asked for, with a clock
that only moves when the capture says so: the same playthrough always gives the same pictures. Useful to review a
route's staging at a glance and for visual regression checks. Saves and progress go to a temporary folder, never
the player's.

Writing PNGs is most of a capture's time and all of its bytes, so a picture is written only when asked for: `only`
(the command's `--only menus,endings`) names the kinds wanted (see `KINDS`), and a picture identical to the one
written just before is not written again. Every picture keeps the number it has in a full capture, so a partial
capture's files are the same files as a full one's, under the same names. The PNGs are encoded by
game/ui/png_writer.py, on other cores while the next frame is drawn, and hold exactly the pixels drawn.

With `animation` (`--format apng`) the same pictures become the frames of one animated PNG instead, each frame only
what changed (game/ui/frame_delta.py, game/ui/apng_writer.py): about a third of the bytes, every frame still
exactly the picture; an index beside it names each frame's picture as a PNG capture would.

Whatever a capture prints that comes from the story, a file name or the command line is escaped for the terminal
(`game.terminal_text`). A capture pumps no window events, so SDL is told to leave the signals alone: Ctrl+C and
SIGTERM stop it at once, as they stop any command.
"""

from __future__ import annotations

import contextlib
import copy
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from game.jsonfiles import write_output
from game.staging import MAX_DURATION
from game.terminal_text import escape_for_terminal
from game.ui.apng_writer import AnimationWriter, said_of
from game.ui.png_writer import PictureWriter
from game.ui.settings import Settings
from game.ui.speech import Speaker
from game.wording import plural

if TYPE_CHECKING:
    import pygame

MAX_BEATS = 20_000
KINDS = ("title", "notes", "chapters", "lines", "menus", "endings")  # what `only` may name
FRAME_SECONDS = 2.0  # how long an animated capture shows each picture
SETTLE = 1.2  # seconds after a beat before its picture: sprites have arrived, effects are under way


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def capture(
    story_dir: Path,
    playthrough_file: Path,
    out_dir: Path,
    size: tuple[int, int] = (1280, 720),
    settings: Settings | None = None,
    only: frozenset[str] | None = None,
    animation: bool = False,
) -> int:
    """Write numbered PNGs of the title, content note, every beat and menu, the ending and closing note (of the
    kinds in `only`, when given), with `settings` (the defaults when None; `heartstopper capture --set NAME=VALUE`).
    With `animation`, write them instead as the frames of one animated PNG named after the playthrough, with an
    index of its frames beside it (`--format apng`).

    Returns 0 when the playthrough was captured to its end (or its last step), 1 when it could not be.
    """
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    # SDL would catch SIGINT and SIGTERM and turn them into a quit event that a capture never reads: set before SDL
    # starts, Python's own handlers (KeyboardInterrupt, and the default end for SIGTERM) stay in place
    os.environ["SDL_NO_SIGNAL_HANDLERS"] = "1"
    import pygame

    from game.events import Choices, Line
    from game.loader import load_story
    from game.problems import StoryError
    from game.scripts import load_playthrough_file, resolve_choice
    from game.ui.launch import open_app
    from game.ui.screens.ending import EndingScreen
    from game.ui.screens.flow import new_game
    from game.ui.screens.game import GameScreen
    from game.ui.screens.notes import NoteScreen
    from game.ui.screens.title import TitleScreen

    try:
        story = load_story(Path(story_dir))
        script = load_playthrough_file(Path(playthrough_file), story)
    except StoryError as err:
        for problem in err.problems:
            _say(str(problem), error=True)
        return 1
    if size[0] < 16 or size[1] < 9:
        _say(f"the size {size[0]}x{size[1]} is too small", error=True)
        return 1
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    clock = _Clock()
    count = written = identical = 0
    last_written = b""
    stack = contextlib.ExitStack()
    with tempfile.TemporaryDirectory(prefix="heartstopper-capture-") as data, stack, PictureWriter() as writer:
        app = open_app(story, size=size, clock=clock, data=Path(data), speaker=Speaker(None))
        if settings is not None:
            app.settings = copy.copy(settings)
        app.settings.text_speed = 45
        app.settings.fullscreen = False  # the pictures are the size asked for
        app.apply_settings(save=False)
        frames: list[_Animation] = []  # the animation, once its first picture is drawn

        def shot(name: str, kind: str) -> None:
            nonlocal count, written, identical, last_written
            if not app.step([], clock.now):  # a step that drew has drawn this very picture
                app.render(clock.now)
            count += 1
            if only is not None and kind not in only:
                return
            file_name = f"{count:04d}-{name}.png"
            if animation:
                if not frames:
                    frames.append(stack.enter_context(_Animation(out_dir, Path(playthrough_file).stem, window_size())))
                if not frames[0].add(app.display.window, count, kind, file_name):
                    identical += 1
                    return
            else:
                pixels = pygame.image.tobytes(app.display.window, "RGB")
                if pixels == last_written:  # compared whole: faster than hashing them
                    identical += 1
                    return
                last_written = pixels
                writer.write(out_dir / file_name, pixels, *window_size())
            written += 1

        def window_size() -> tuple[int, int]:
            width, height = app.display.window.get_size()
            return width, height

        try:
            app.reset(TitleScreen(app), clock.now)
            shot("title", "title")
            if story.content_note:
                app.push(NoteScreen(app, "Before you begin", story.content_note, "Begin", lambda t: None), clock.now)
                shot("content-note", "notes")
            new_game(app, clock.now, start=script.start, given=script.given)
            choose_steps = [step for step in script.steps if step.kind == "choose"]
            result = 0
            for _ in range(MAX_BEATS):
                top = app.top
                if isinstance(top, EndingScreen):
                    clock.now += 3.0
                    shot(f"ending-{top.ended.ending}", "endings")
                    top.action(_confirm(), clock.now)
                    if isinstance(app.top, NoteScreen):
                        shot("closing-note", "notes")
                    break
                if not isinstance(top, GameScreen):
                    if app.failure is not None:  # play stopped on a mistake in the story: say why, as the game does
                        _say(app.failure, error=True)
                    else:
                        _say(f"capture stopped on an unexpected screen: {type(top).__name__}", error=True)
                    result = 1
                    break
                game = top
                if game.card is not None and game.card.active(clock.now):
                    clock.now = game.card.started + 1.0
                    shot(f"chapter-{_slug(game.card.chapter)}", "chapters")
                    game.card.dismiss(clock.now)
                clock.now += SETTLE
                for _ in range(int(MAX_DURATION / SETTLE) + 1):  # a slow transition of the author's: let it end
                    if not game.stage.animating(clock.now):
                        break
                    clock.now += SETTLE
                beat = game.session.beat
                scene = game.session.playthrough.scene
                if isinstance(beat, Line):
                    game.dialogue.complete()
                    shot(f"{scene}-{beat.kind}", "lines")
                    game.advance(clock.now)
                elif isinstance(beat, Choices):
                    shot(f"{scene}-menu", "menus")
                    if not choose_steps:
                        _say(f"the playthrough has no more choices; stopped at the menu in '{scene}'")
                        break
                    step = choose_steps.pop(0)
                    option, why = resolve_choice(step.value, beat.options)  # type: ignore[arg-type]
                    if option is None:
                        _say(f"{step.where}: cannot choose {step.value!r}: {why}", error=True)
                        result = 1
                        break
                    game.choose(option.index, clock.now)
                else:
                    break
            else:
                _say(f"stopped after {MAX_BEATS} beats", error=True)
                result = 1
        finally:
            app.close()
            pygame.quit()
    left = [f"{identical} identical to the one before"] if identical else []
    if only is not None and count - written - identical:
        left.append(f"{count - written - identical} not among {', '.join(sorted(only))}")
    where = f"{plural(written, 'picture')} to {out_dir}"
    if animation and written:
        name = out_dir / Path(playthrough_file).stem
        where = f"{plural(written, 'picture')} as the frames of {name}.png (their index: {name}.tsv)"
    _say(f"wrote {where}" + (f" (not written: {'; '.join(left)})" if left else ""))
    return result


def _say(text: str, error: bool = False) -> None:
    """Print one line of the capture's (to stderr when it is an `error`), escaped: it may quote the story, a file
    name or the command line."""
    print(escape_for_terminal(text), file=sys.stderr if error else sys.stdout)


class _Animation:
    """The pictures as frames of one APNG (`NAME.png`) and the index of its frames (`NAME.tsv`): for each frame,
    the number, kind and file name the picture has in a capture of separate PNGs."""

    def __init__(self, out_dir: Path, name: str, size: tuple[int, int]) -> None:
        self.index_path = out_dir / f"{name}.tsv"
        self.writer = AnimationWriter(out_dir / f"{name}.png", *size, seconds=FRAME_SECONDS)
        from game.ui.frame_delta import FrameDelta  # pygame, imported once the capture has chosen its drivers

        self.delta = FrameDelta(size)
        self.rows = ["frame\tpicture\tkind\tfile\tstarts at (s)"]

    def add(self, window: pygame.Surface, number: int, kind: str, file_name: str) -> bool:
        """Add the picture on `window` as the next frame; False when it is the frame before it again."""
        frame = self.delta.frame(window)
        if frame is None:
            return False
        self.writer.add(frame)
        shown = len(self.rows) - 1
        self.rows.append(f"{shown + 1}\t{number}\t{kind}\t{file_name}\t{shown * FRAME_SECONDS:g}")
        return True

    def __enter__(self) -> _Animation:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.writer.__exit__(kind, *exc)
        if kind is None:
            with said_of(self.index_path):
                write_output(self.index_path, "\n".join(self.rows) + "\n")


def _confirm():
    from game.ui.input import Action

    return Action.CONFIRM


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-") or "chapter"
