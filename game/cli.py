"""The `heartstopper` command: the game by default, and the tools for authors and testers as subcommands.

Every subcommand takes `--story DIR` to work on another story folder. The exit codes (`game.exitcodes`): 0 all well,
1 the story (or the run) failed a check, 2 bad usage or a file named on the command line that cannot be read or
written, 3 no display for the game window, 4 the terminal player's input ran out mid-game, 130 Ctrl+C. No
subcommand ends in a traceback for bad input.
"""

from __future__ import annotations

import argparse
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from game import __version__
from game.exitcodes import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NO_DISPLAY,
    EXIT_OK,
    EXIT_USAGE,
    exit_codes_help,
)
from game.paths import default_story_dir
from game.problems import StoryError
from game.terminal_text import escape_for_terminal
from game.wording import plural

if TYPE_CHECKING:
    from game.model import Story


def complain(message: str, command: str | None = None) -> None:
    """Print an error line on stderr, `heartstopper[ COMMAND]: MESSAGE`, escaped for the terminal: a message may
    quote the story, a file name or a value from the command line."""
    name = f"heartstopper {command}" if command else "heartstopper"
    print(f"{name}: {escape_for_terminal(message)}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    """argparse's parser, with its own errors (which quote the bad value given) escaped for the terminal."""

    def error(self, message: str) -> NoReturn:
        super().error(escape_for_terminal(message))


# The default of an option a subcommand shares with the top level (`--story`, `--start`, `--given`): nothing, so
# that `heartstopper --story DIR COMMAND` keeps DIR (argparse copies every subcommand default over the values given
# before the command). The top level's own defaults stand for all.
SHARED = argparse.SUPPRESS


def _story_option(parser: argparse.ArgumentParser, shared: bool = True) -> None:
    """`--story` and `--no-cache`; `shared`: on a subcommand (see SHARED)."""
    parser.add_argument(
        "--story",
        type=Path,
        metavar="DIR",
        default=SHARED if shared else None,
        help="the story folder (default: the shipped story)",
    )
    parser.add_argument(  # SUPPRESS: a subcommand's own default does not undo `heartstopper --no-cache COMMAND`
        "--no-cache",
        action="store_true",
        default=argparse.SUPPRESS,
        help="read every story file, neither using nor writing the compiled-story cache",
    )


_WHOLE_NUMBER = re.compile(r"[-+]?[0-9]+")
_NAME = re.compile(r"[a-z][a-z0-9_]*")  # the story format's names (game.yaml_fields.ID_PATTERN)
MAX_GIVEN_TEXT = 200  # a text value is one of an enum's names: far shorter than this


def add_given_option(parser: argparse.ArgumentParser, shared: bool = True) -> None:
    """`--given VAR=VALUE`, for every command that starts a story (read with `parse_given`); `shared`: on a
    subcommand (see SHARED: the values given after the command replace those given before it)."""
    parser.add_argument(
        "--given",
        action="append",
        default=SHARED if shared else [],
        metavar="VAR=VALUE",
        help="set a variable before the first scene (repeatable)",
    )


def parse_given(items: list[str]) -> dict[str, object]:
    """`--given var=value` pairs, with values read as a story file's plain YAML scalars are: whole numbers of plain
    digits (no more than a story's numbers may have), true/false, else text."""
    from game.yaml_source import MAX_INT_DIGITS

    given: dict[str, object] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ValueError(f"--given takes NAME=VALUE, not '{shorten(item)}'")
        if not _NAME.fullmatch(name):
            raise ValueError(
                f"--given: '{shorten(name)}' is not a variable name (names are lowercase letters, digits and "
                "underscores, starting with a letter)"
            )
        raw = raw.strip()
        value: object = raw
        if raw in ("true", "false"):
            value = raw == "true"
        elif _WHOLE_NUMBER.fullmatch(raw):
            digits = raw.lstrip("+-").lstrip("0")
            if len(digits) > MAX_INT_DIGITS:  # counted before converting: a million digits cost nothing
                raise ValueError(
                    f"--given {shorten(name)}: the number {shorten(raw)} is too large "
                    f"(a story's numbers have at most {MAX_INT_DIGITS} digits)"
                )
            value = int(raw)
        elif len(raw) > MAX_GIVEN_TEXT:
            raise ValueError(
                f"--given {shorten(name)}: the value '{shorten(raw)}' is too long to be any variable's value"
            )
        given[name] = value
    return given


def shorten(text: str, keep: int = 12) -> str:
    """A command-line value for a message: its first characters and how many more, never a screenful."""
    return text if len(text) <= keep + 20 else f"{text[:keep]}... ({len(text):,} characters)"


def given_problem(story: Story, given: dict[str, object]) -> str | None:
    """What is wrong with `--given` values for this story (a name it does not have, a value out of range), or None."""
    for name, value in given.items():
        variable = story.variables.get(name)
        if variable is None:
            return f"'{shorten(name)}' is not a variable of this story"
        if not variable.accepts(value):
            return f"'{name}' must be {variable.describe()}, not {value!r}"
    return None


def start_problem(story: Story, start: str | None) -> str | None:
    """What is wrong with `--start SCENE` for this story, or None."""
    if start is None or start in story.scenes:
        return None
    return f"there is no scene '{shorten(start)}' to start at"


def story_folder_problem(path: Path) -> str | None:
    """Why a story folder named on the command line cannot be a story folder (there is none, it is a file), or None.

    Bad usage (exit 2) for every command, said before any work; a folder that is there but whose story has problems
    is the loader's to report (exit 1)."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return f"there is no story folder '{path}'"
    except OSError as error:
        return f"cannot read the story folder '{path}': {error.strerror or error}"
    if not stat.S_ISDIR(info.st_mode):
        where = f" ({path.parent})" if path.name == "story.yaml" else ""
        return f"'{path}' is a file, not a story folder: give the folder that holds story.yaml{where}"
    return None


def load_or_report(story_dir: Path | None):
    """Load a story, or print its problems to stderr and return None."""
    from game.loader import load_story

    try:
        return load_story(story_dir or default_story_dir())
    except StoryError as error:
        print(error.report(), file=sys.stderr)
        print(
            f"{plural(error.count, 'problem')}: the story cannot be played until they are mended.",
            file=sys.stderr,
        )
        return None


# -- subcommands ---------------------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from game.scripts import check_playthrough_files
    from game.summary import story_summary

    story = load_or_report(args.story_dir or args.story)
    if story is None:
        return EXIT_FAILED
    _, problems = check_playthrough_files(story)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(
            f"{plural(len(problems), 'problem')} in playthrough files.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(story_summary(story))
    return EXIT_OK


def cmd_play(args: argparse.Namespace) -> int:
    if not args.text:
        return cmd_game(args)
    from game.playthrough import Playthrough, PlaythroughError, stopped_message
    from game.textplayer import run_text_player

    story = load_or_report(args.story)
    if story is None:
        return EXIT_FAILED
    try:
        given = parse_given(args.given)
    except ValueError as error:
        complain(str(error))
        return EXIT_USAGE
    problem = start_problem(story, args.start) or given_problem(story, given)
    if problem is not None:
        complain(problem)
        return EXIT_USAGE
    try:
        playthrough = Playthrough(story, start=args.start, given=given)
    except PlaythroughError as error:
        complain(str(error))
        return EXIT_USAGE
    try:
        return run_text_player(story, playthrough)
    except PlaythroughError as error:  # play itself stopped: a sub-scene started with --start returns to nothing
        complain(stopped_message(error, args.start))
        return EXIT_FAILED


def cmd_game(args: argparse.Namespace) -> int:
    try:
        from game.ui.launch import NoDisplayError, run_game
    except ImportError as error:  # pygame missing or broken
        return _offer_text_player(args, f"the game window cannot start ({error})")
    story_dir = args.story or default_story_dir()
    try:
        given = parse_given(getattr(args, "given", []) or [])
    except ValueError as error:
        complain(str(error))
        return EXIT_USAGE
    try:
        return run_game(
            story_dir,
            dev=getattr(args, "dev", False),
            start=getattr(args, "start", None),
            given=given or None,
            fullscreen=getattr(args, "fullscreen", None),
        )
    except NoDisplayError as error:
        return _offer_text_player(args, str(error))


def cmd_capture(args: argparse.Namespace) -> int:
    width, sep, height = args.size.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        complain(f"--size takes WIDTHxHEIGHT, e.g. 1280x720, not '{shorten(args.size)}'")
        return EXIT_USAGE
    if not (160 <= int(width) <= 7680 and 90 <= int(height) <= 4320):
        complain(
            f"--size {shorten(args.size)} is out of range: the width goes from 160 to 7680 pixels, "
            "the height from 90 to 4320"
        )
        return EXIT_USAGE
    if not args.playthrough.is_file():
        complain(f"no playthrough file at {args.playthrough}")
        return EXIT_USAGE
    from game.ui.settings import Settings

    settings = Settings()
    for assignment in args.set or []:
        name, sep, value = assignment.partition("=")
        try:
            if not sep:
                raise ValueError(f"--set takes NAME=VALUE, e.g. text_size=large, not '{shorten(assignment)}'")
            settings.assign(name.strip(), value.strip())
        except ValueError as error:
            complain(str(error), "capture")
            return EXIT_USAGE
    import os

    from game.output_paths import cannot_write, ready_folder

    problem = ready_folder(args.out)
    if problem is not None:
        complain(problem, "capture")
        return EXIT_USAGE
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.ui.capture import KINDS, capture

    only = None
    if args.only is not None:
        only = frozenset(word.strip() for word in args.only.split(",") if word.strip())
        unknown = sorted(only - set(KINDS))
        if unknown or not only:
            what = f"'{shorten(unknown[0])}' is not a kind of picture" if unknown else "it names no kind of picture"
            complain(f"--only: {what}; the kinds are {', '.join(KINDS)}")
            return EXIT_USAGE
    try:
        size = (int(width), int(height))
        story = args.story or default_story_dir()
        return capture(story, args.playthrough, args.out, size, settings, only, animation=args.format == "apng")
    except OSError as error:
        complain(cannot_write(error, args.out), "capture")
        return EXIT_USAGE


def _offer_text_player(args: argparse.Namespace, why: str) -> int:
    complain(why)
    command = escape_for_terminal("heartstopper play --text" + (f" --story {args.story}" if args.story else ""))
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None and sys.stdout.isatty()):
        print(f"You can play in the terminal instead: {command}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    try:
        answer = input("Play in the terminal instead? [Y/n] ").strip().lower()
    except (EOFError, UnicodeDecodeError, OSError):
        answer = "n"
    if answer in ("", "y", "yes"):
        args.text = True
        args.start = getattr(args, "start", None)
        args.given = getattr(args, "given", []) or []
        return cmd_play(args)
    print(f"Another time, then. ({command} plays in the terminal.)")
    return EXIT_OK


def _add_play_options(parser: argparse.ArgumentParser, shared: bool = True) -> None:
    _story_option(parser, shared)
    add_start_option(parser, "start at this scene instead of the story's start", shared)
    add_given_option(parser, shared)


def add_start_option(parser: argparse.ArgumentParser, help_text: str, shared: bool = True) -> None:
    """`--start SCENE`; `shared`: on a subcommand (see SHARED)."""
    parser.add_argument("--start", metavar="SCENE", default=SHARED if shared else None, help=help_text)


def build_parser(wanted: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; `wanted` names the one extra subcommand whose options are needed (None: all)."""
    parser = _Parser(
        prog="heartstopper",
        description="Heartstopper: Season Two, an unofficial fan visual novel, and its story tools. "
        "With no command, opens the game.",
        epilog=exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"heartstopper {__version__}")
    parser.add_argument("--dev", action="store_true", help="author mode: hot reload (Shift+R) and an overlay")
    parser.add_argument("--fullscreen", action="store_true", default=None, help="start in fullscreen")
    _add_play_options(parser, shared=False)
    parser.set_defaults(handler=cmd_game, text=False)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    play = commands.add_parser(
        "play",
        help="play the story (in a window, or in the terminal with --text)",
        description="Play the story in a window, or in the terminal with --text. In the terminal, type help at any "
        "prompt for the commands: save, load and saves (the game's own save slots), and quit.",
        epilog=exit_codes_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_play_options(play)
    play.add_argument("--text", action="store_true", help="play in the terminal")
    play.add_argument("--dev", action="store_true", default=SHARED, help="author mode (in the window)")
    play.set_defaults(handler=cmd_play)

    check = commands.add_parser("check", help="load and check a story; exit 1 on any problem")
    check.add_argument("story_dir", nargs="?", type=Path, metavar="STORY_DIR", help="the story folder")
    _story_option(check)
    check.set_defaults(handler=cmd_check)

    capture = commands.add_parser(
        "capture", help="play a playthrough file through the real renderer and write a PNG of every beat and menu"
    )
    capture.add_argument("playthrough", type=Path, metavar="PLAYTHROUGH", help="a playthrough file")
    capture.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder for the pictures")
    capture.add_argument("--size", default="1280x720", metavar="WxH", help="picture size (default 1280x720)")
    capture.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="a setting to capture with, e.g. text_size=large, high_contrast=true, font=hyperlegible (repeatable)",
    )
    capture.add_argument(
        "--only",
        metavar="KINDS",
        help="write only these kinds of picture, separated by commas: title, notes, chapters, lines, menus, endings "
        "(numbered as in a full capture)",
    )
    capture.add_argument(
        "--format",
        choices=("png", "apng"),
        default="png",
        help="png: a PNG file per picture (the default); apng: all the pictures as one animated PNG, each frame only "
        "what changed, with an index of its frames",
    )
    _story_option(capture)
    capture.set_defaults(handler=cmd_capture)

    for name, (module, help_text) in EXTRA_COMMANDS.items():
        if wanted is None or wanted == name:
            _add_extra(commands, name, module, help_text)
        else:  # listed in --help, but its module is imported only when it runs (keeps the game's start fast)
            commands.add_parser(name, help=help_text)
    return parser


# Subcommands whose code lives in its own package: module path -> `add_arguments(parser)` and `run(args) -> int`.
EXTRA_COMMANDS: dict[str, tuple[str, str]] = {
    "lint": ("game.authoring.lint_cli", "check a story for mistakes and loose ends (stable codes; --explain CODE)"),
    "graph": ("game.authoring.graph_cli", "draw the story map (Mermaid or Graphviz DOT)"),
    "stats": ("game.authoring.stats_cli", "count scenes, choices, endings and words, and estimate play time"),
    "schema": ("game.authoring.schema_cli", "show where the story format's JSON Schemas are, for editors"),
    "test": ("game.tester.cli", "explore every branch: endings, soft-locks, invariants, playthroughs"),
    "lsp": ("game.lsp.cli", "the language server for editors: checks as you type, completion, navigation"),
}


def _add_extra(commands, name: str, module: str, help_text: str) -> None:
    import importlib

    loaded = importlib.import_module(module)
    sub = commands.add_parser(name, help=help_text, description=help_text)
    _story_option(sub)
    loaded.add_arguments(sub)
    sub.set_defaults(handler=loaded.run)


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    named = [word for word in words if word in EXTRA_COMMANDS]
    asking_help = any(word in ("-h", "--help") for word in words)
    parser = build_parser(named[0] if named else (None if asking_help else ""))
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    story_named: Path | None = getattr(args, "story_dir", None) or getattr(args, "story", None)
    problem = story_folder_problem(story_named) if story_named is not None else None
    if problem is not None:
        complain(problem)
        return EXIT_USAGE
    if getattr(args, "no_cache", False):
        from game import story_cache

        story_cache.set_enabled(False)
    from game.terminal_streams import OutputError, WatchedOutput, discard_output

    real_stdout = sys.stdout
    if real_stdout is not None:
        sys.stdout = WatchedOutput(real_stdout)
    try:
        code = handler(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a failing output is reported here, not by Python as it exits
        return code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`): a normal end
        if real_stdout is not None:
            discard_output(real_stdout)
        return EXIT_OK
    except OutputError as error:
        if real_stdout is not None:
            discard_output(real_stdout)
        print(f"heartstopper: cannot write to standard output ({error.strerror})", file=sys.stderr)
        return EXIT_USAGE
    finally:
        sys.stdout = real_stdout
