"""The terminal player: the story in a terminal, for machines with no display, for authors, and for tests.

It presents the playthrough's events as wrapped text with coloured speaker names (on a colour terminal), numbered
choices with locked ones shown greyed, and reads answers from standard input, so it can be driven by piped input.
On an interactive terminal it pauses after each line (Enter to go on).

At any prompt the player can save, load and list saves (in the game's own save slots, see `game.text_saves`), ask
for help, or quit; quitting keeps the place as an autosave. Input and output never end in a traceback, whatever
bytes come in and whatever the output can encode (`game.terminal_streams`). The exit code says how play ended:
0 at an ending or a quit, 4 when piped input ran out mid-game with the place not saved (see `game.exitcodes`).
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

from game.emphasis import BOLD as EMPHASIS_BOLD
from game.emphasis import ITALIC as EMPHASIS_ITALIC
from game.events import Choices, Ended, Event, Line, SceneEntered, StageChange
from game.exitcodes import EXIT_FAILED, EXIT_INPUT_ENDED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from game.model import Story
from game.playthrough import Playthrough
from game.save import SaveError
from game.terminal_streams import line_reader, plain_output
from game.text_saves import SLOT_COUNT, SlotNameError, TextSaves, describe, slot_key, slot_label
from game.ui.savestore import QUICK, Slot, why_not_written
from game.ui.session import StorySession

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
ITALIC = "\x1b[3m"


HELP = """\
At any prompt:
  a number      take that choice (at a menu)
  Enter         go on (after a line)
  save [SLOT]   save your place: in SLOT (1 to {slots} or quick), or in the first empty slot
  load [SLOT]   load a save: SLOT (1 to {slots}, quick, auto, auto-2 ...), or the latest save
  saves         list your saves
  help          this list
  quit          stop (your place is kept as an autosave; load auto brings you back)
The saves are the game's own: the window's Save and Load screens show them too."""


class Quit(Exception):
    """The player asked to stop."""


class InputEnded(Exception):
    """Standard input ran out."""


class StoryStuck(Exception):
    """The story cannot go on (a menu with nothing to take, or no ending)."""


# Emphasis placeholders (private-use characters, removed from a story's text first, so a story cannot write them),
# turned into escape codes only after wrapping: italic, bold, both, and back to plain.
_STYLE_ON = {EMPHASIS_ITALIC: "\ue000", EMPHASIS_BOLD: "\ue001", EMPHASIS_ITALIC | EMPHASIS_BOLD: "\ue002"}
_STYLE_OFF = "\ue003"
_NO_PLACEHOLDERS = dict.fromkeys(range(0xE000, 0xE004))
_ANSI = {0xE000: "\x1b[3m", 0xE001: "\x1b[1m", 0xE002: "\x1b[1;3m", 0xE003: "\x1b[22;23m"}


class _Resumed(Exception):
    """A save was loaded (or a chapter restarted): play goes on from the events it shows."""

    def __init__(self, events: list[Event]) -> None:
        super().__init__("resumed")
        self.events = events


class TextPlayer:
    """Presents one story's events as text and takes the player's answers and commands."""

    def __init__(
        self,
        story: Story,
        *,
        out: TextIO,
        read_line: Callable[[], str],
        colour: bool,
        pause: bool,
        width: int,
        saves: TextSaves | None = None,
        input_is_terminal: bool = False,
    ) -> None:
        self.story = story
        self.out = out
        self.read_line = read_line
        self.colour = colour
        self.pause = pause
        self.width = max(30, min(width, 100))
        self.saves = saves
        self.input_is_terminal = input_is_terminal
        self.session: StorySession | None = None
        self.place_is_saved = False  # nothing has happened since the last save or load
        self.progressed = False  # the player has moved on since the start, the last save or the last load

    # -- presentation ------------------------------------------------------------------------------------------

    def _style(self, text: str, *codes: str) -> str:
        return "".join(codes) + text + RESET if self.colour else text

    def _rgb(self, text: str, colour: str | None) -> str:
        if not self.colour or not colour:
            return self._style(text, BOLD)
        value = colour.lstrip("#")
        if len(value) == 3:
            value = "".join(c * 2 for c in value)
        r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
        return f"{BOLD}\x1b[38;2;{r};{g};{b}m{text}{RESET}"

    def _print(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def _wrap(self, text: str, indent: str = "") -> str:
        return textwrap.fill(text, width=self.width, initial_indent=indent, subsequent_indent=indent)

    def show_note(self, title: str, note: str | None) -> None:
        if not note:
            return
        self._print(self._style(title, BOLD))
        self._print(self._wrap(note))
        self._print()

    def present(self, event: object) -> None:
        if isinstance(event, SceneEntered):
            if event.new_chapter:
                rule = "─" * 3
                self._print()
                self._print(self._style(f"{rule} {event.chapter} {rule}", BOLD))
            self._print()
            self._print(self._style(f"» {event.title}", BOLD, DIM))
            self._print()
        elif isinstance(event, Line):
            self.present_line(event)
        elif isinstance(event, StageChange) and event.action == "effect" and event.asset in ("leaves", "hearts"):
            self._print(self._style("   ~ " + ("leaves drift past" if event.asset == "leaves" else "♥") + " ~", DIM))
            self._print()

    def present_line(self, line: Line) -> None:
        text = self._emphasis(line.text, line.styles, line.continues)
        if line.continues:  # an `extend`: the start is on screen already, so only the rest is printed
            self._print(self._styled(self._wrap("… " + text.lstrip(), "" if line.kind == "narration" else "    ")))
            return
        if line.kind == "narration":
            self._print(self._styled(self._wrap(text)))
        elif line.kind == "thought":
            self._print(self._styled(self._wrap(f"({line.name}, thinking) {text}")))
        elif line.kind == "message":
            name = self._rgb(f"[phone] {line.name}:", line.color)
            self._print(name)
            self._print(self._styled(self._wrap(text, "    ")))
        else:
            self._print(self._rgb(f"{line.name}:", line.color))
            self._print(self._styled(self._wrap(text, "    ")))

    def _emphasis(self, text: str, styles: tuple[tuple[int, int, int], ...], start: int) -> str:
        """`text[start:]` with its emphasis marked: written back as `*italic*` and `**bold**` when the output is
        not a terminal (the marks read as emphasis in a file), as placeholders turned into the terminal's italic
        and bold by `_styled` when it is (after wrapping, so they take no room)."""
        text = text.translate(_NO_PLACEHOLDERS)
        if not styles:
            return text[start:]
        out: list[str] = []
        at = start
        for span_start, span_end, flags in styles:
            span_start, span_end = max(span_start, start), min(span_end, len(text))
            if span_end <= span_start:
                continue
            out.append(text[at:span_start])
            part = text[span_start:span_end]
            if self.colour:
                out.append(_STYLE_ON[flags] + part + _STYLE_OFF)
            else:
                marks = "*" * {EMPHASIS_ITALIC: 1, EMPHASIS_BOLD: 2}.get(flags, 3)
                out.append(marks + part + marks)
            at = span_end
        out.append(text[at:])
        return "".join(out)

    def _styled(self, wrapped: str) -> str:
        """Wrapped text with emphasis placeholders turned into the terminal's italic and bold."""
        if not self.colour:
            return wrapped
        return wrapped.translate(_ANSI)

    # -- reading the player --------------------------------------------------------------------------------------

    def _read(self, prompt: str) -> str:
        """One line from the player, stripped; raises InputEnded at the end of input."""
        self.out.write(prompt)
        self.out.flush()
        answer = self.read_line()
        if answer == "":
            self._print()
            raise InputEnded
        return answer.strip()

    def _ask(self, prompt: str) -> str:
        """An answer that is not a command: commands (save, load, help, quit ...) are carried out on the way."""
        while True:
            answer = self._read(prompt)
            if not self._command(answer):
                return answer

    def _confirm(self, question: str) -> bool:
        try:
            return self._read(f"{question} [y/N] ").lower() in ("y", "yes")
        except InputEnded:
            return False

    def ask_choice(self, menu: Choices) -> int:
        self._show_menu(menu)
        if not any(option.available for option in menu.options):
            self._print("The story cannot go on from here (no choice can be taken). This is a mistake in the story.")
            raise StoryStuck
        while True:
            answer = self._ask("> ")
            number = _choice_number(answer)
            if number is None:
                self._print(f"Type the number of a choice, from 1 to {len(menu.options)} (or help).")
                continue
            for option in menu.options:
                if option.number == number:
                    if option.available:
                        self._print()
                        return option.index
                    self._print(f"That choice is locked: {option.locked_reason or 'not now'}.")
                    break
            else:
                self._print(f"Choose a number from 1 to {len(menu.options)} (or help).")

    def _show_menu(self, menu: Choices) -> None:
        for option in menu.options:
            if option.available:
                self._print(f"  {option.number}. {option.text}")
            else:
                reason = f" ({option.locked_reason})" if option.locked_reason else " (locked)"
                self._print(self._style(f"  {option.number}. {option.text}{reason}", DIM))

    # -- commands ----------------------------------------------------------------------------------------------

    def _command(self, answer: str) -> bool:
        """Carry out `answer` if it is a command; False when it is not one (a choice number, Enter, nonsense)."""
        word, _, rest = answer.partition(" ")
        word, rest = word.lower(), rest.strip()
        if word in ("q", "quit", "exit"):
            raise Quit
        if word in ("h", "help", "?"):
            self._print(HELP.format(slots=SLOT_COUNT))
        elif word in ("save", "load", "saves") and self.saves is None:
            self._print("Saving is not available here.")
        elif word == "save":
            self._save(rest)
        elif word == "load":
            self._load(rest)
        elif word == "saves" and not rest:
            self._list_saves()
        else:
            return False
        self._remind()
        return True

    def _remind(self) -> None:
        """After a command, show again what the player is answering."""
        assert self.session is not None
        beat = self.session.beat
        if isinstance(beat, Choices):
            self._show_menu(beat)

    def _save(self, where: str) -> None:
        assert self.saves is not None and self.session is not None
        try:
            key = slot_key(where, saving=True) if where else self.saves.first_empty()
        except SlotNameError as error:
            self._print(f"Not saved: {error}.")
            return
        if key is None:
            self._print(f"Not saved: every slot from 1 to {SLOT_COUNT} is used. Name one to save over (save 3).")
            return
        slot = self.saves.read(key)
        held = "a damaged save" if slot.status == "damaged" else describe(slot)
        question = f"{slot_label(key).capitalize()} holds {held}. Save over it?"
        if key != QUICK and slot.status != "empty" and not self._confirm(question):
            self._print("Not saved.")
            return
        try:
            self.saves.write(key, self.session)
        except OSError as error:
            self._print(f"Not saved: {why_not_written(error)}.")
            return
        self.place_is_saved, self.progressed = True, False
        self._print(f"Saved in {slot_label(key)}.")

    def _load(self, which: str) -> None:
        assert self.saves is not None
        if which:
            try:
                slot = self.saves.read(slot_key(which, saving=False))
            except SlotNameError as error:
                self._print(f"Not loaded: {error}.")
                return
            if slot.status == "empty":
                self._print(f"{slot_label(slot.key).capitalize()} is empty (saves lists your saves).")
                return
        else:
            latest = self.saves.latest()
            if latest is None:
                self._print("There are no saves yet (save makes one).")
                return
            slot = latest
        if slot.status == "damaged":
            self._print(f"{slot_label(slot.key).capitalize()} cannot be loaded: it is {describe(slot)}.")
            return
        try:
            session = self.saves.resume(slot)
        except SaveError as error:
            self._cannot_resume(slot, error)
            return
        except ValueError:
            self._print(f"{slot_label(slot.key).capitalize()} cannot be loaded: it is damaged.")
            return
        self._keep_place_before_leaving()
        self._print(f"Loaded {slot_label(slot.key)}: {describe(slot)}.")
        self._resume(session)

    def _cannot_resume(self, slot: Slot, error: SaveError) -> None:
        label = slot_label(slot.key).capitalize()
        if error.reason == "unknown_scene":
            chapter = error.chapter or slot.chapter
            first = self.story.chapter_start(chapter) if chapter else None
            self._print(f"{label} was made in a scene that is no longer in the story.")
            if first is not None and self._confirm(f"Start the chapter \u201c{chapter}\u201d from its beginning?"):
                self._keep_place_before_leaving()
                self._resume(StorySession.new(self.story, start=first))
            return
        if error.reason == "wrong_story":
            self._print(f"{label} belongs to another story.")
            return
        self._print(f"{label} cannot be loaded: {error}.")

    def _resume(self, session: StorySession) -> None:
        self.session = session
        self.place_is_saved, self.progressed = True, False
        raise _Resumed(session.advance())

    def _keep_place_before_leaving(self) -> None:
        """Before a load or a quit replaces the game in play: keep its place as an autosave, as the window does."""
        if self.saves is None or self.session is None or not self.progressed:
            return
        try:
            self.saves.autosave(self.session)
        except OSError as error:
            self._print(f"(Your place could not be kept as an autosave: {why_not_written(error)}.)")
            return
        self.place_is_saved, self.progressed = True, False
        self._print("Your place is kept as autosave 1 (load auto brings you back to it).")

    def _list_saves(self) -> None:
        assert self.saves is not None
        used = self.saves.used()
        if not used:
            self._print("There are no saves yet (save makes one).")
            return
        self._print(f"Your saves (in {self.saves.folder}):")
        for slot in used:
            self._print(f"  {slot.key:<7} {describe(slot)}")

    # -- the loop ----------------------------------------------------------------------------------------------

    def play(self, session: StorySession) -> int:
        """Play until an ending, a quit or the end of input; returns the exit code."""
        self.session = session
        try:
            self._print(self._style(self.story.title, BOLD))
            self._print()
            self.show_note("Content note", self.story.content_note)
            self._offer_saves()
            events = session.advance()
            while True:
                try:
                    self._play_on(events)
                except _Resumed as resumed:
                    events = resumed.events
                    continue
                return EXIT_OK
        except StoryStuck:
            return EXIT_FAILED
        except Quit:
            self._print()
            self._keep_place_before_leaving()
            self._print("Goodbye.")
            return EXIT_OK
        except InputEnded:
            if self.input_is_terminal:  # Ctrl+D at a terminal: the player stops, as with quit
                self._keep_place_before_leaving()
                self._print("Goodbye.")
                return EXIT_OK
            if self.place_is_saved:
                self._print("The input ended; your place is saved.")
                return EXIT_OK
            self._print("The input ended before the story did.")
            return EXIT_INPUT_ENDED
        except KeyboardInterrupt:  # Ctrl+C: stopping too, so the place is kept as with quit
            self._print()
            self._keep_place_before_leaving()
            return EXIT_INTERRUPTED

    def _offer_saves(self) -> None:
        if self.saves is None:
            return
        if self.saves.latest() is None:
            self._print(self._style("At any prompt, type help for the commands: save, load and quit.", DIM))
        else:
            self._print(self._style("You have saves: type load to go on from your latest, help for more.", DIM))
        self._print()

    def _play_on(self, events: list[Event]) -> None:
        """Present events and take the player's answers until an ending (returns) or a load (raises _Resumed)."""
        while True:
            session = self.session
            assert session is not None
            for event in events:
                self.present(event)
            beat = session.beat
            if isinstance(beat, Ended):
                self._print()
                self._print(self._style(f"\u2605 The end: {beat.title}", BOLD))
                self._print()
                self.show_note("A note", self.story.closing_note)
                return
            if isinstance(beat, Choices):
                index = self.ask_choice(beat)
                self._moved_on()
                events = session.choose(index)
            elif isinstance(beat, Line):
                if self.pause:
                    self._ask(self._style("  [Enter]", DIM))
                    self._moved_on()
                else:
                    self._print()
                events = session.advance()
            else:
                self._print("The story stops here without an ending. This is a mistake in the story.")
                raise StoryStuck

    def _moved_on(self) -> None:
        self.place_is_saved, self.progressed = False, True


def _choice_number(answer: str) -> int | None:
    """The number in an answer, if it is plain digits of a sensible size (a million digits cost nothing)."""
    if not answer.isascii() or not answer.isdigit():
        return None
    digits = answer.lstrip("0") or "0"
    return int(digits) if len(digits) <= 6 else 10**6


def run_text_player(story: Story, playthrough: Playthrough, *, pause: bool | None = None) -> int:
    """Play in this terminal (or on piped input and output), with the game's save slots."""
    if sys.stdout is None:
        print("heartstopper: standard output is closed: there is nowhere to show the story", file=sys.stderr)
        return EXIT_USAGE
    stdin = sys.stdin
    input_is_terminal = stdin is not None and stdin.isatty()
    out = plain_output(sys.stdout)
    interactive = input_is_terminal and out.isatty()
    colour = out.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    width = shutil.get_terminal_size((80, 24)).columns - 2
    player = TextPlayer(
        story,
        out=out,
        read_line=line_reader(stdin) if stdin is not None else str,  # closed input: it has ended
        colour=colour,
        pause=interactive if pause is None else pause,
        width=width,
        saves=TextSaves.for_story(story),
        input_is_terminal=input_is_terminal,
    )
    return player.play(StorySession(story, playthrough))  # a failing output is reported by the command line
