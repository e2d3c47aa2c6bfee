"""The terminal player: the story in a terminal, for machines with no display, for authors, and for tests.

It presents the playthrough's events as wrapped text with coloured speaker names (on a colour terminal), numbered
choices with locked ones shown greyed, and reads answers from standard input, so it can be driven by piped input.
On an interactive terminal it pauses after each line (Enter to go on); `q` quits at any prompt.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

from game.events import Choices, Line, SceneEntered, StageChange
from game.model import Story
from game.playthrough import Playthrough

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
ITALIC = "\x1b[3m"


class Quit(Exception):
    """The player asked to stop (q, or the input ended)."""


class TextPlayer:
    def __init__(
        self,
        story: Story,
        *,
        out: TextIO,
        read_line: Callable[[], str],
        colour: bool,
        pause: bool,
        width: int,
    ) -> None:
        self.story = story
        self.out = out
        self.read_line = read_line
        self.colour = colour
        self.pause = pause
        self.width = max(30, min(width, 100))

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
        if line.kind == "narration":
            self._print(self._wrap(line.text))
        elif line.kind == "thought":
            self._print(self._wrap(f"({line.name}, thinking) {line.text}"))
        elif line.kind == "message":
            name = self._rgb(f"[phone] {line.name}:", line.color)
            self._print(name)
            self._print(self._wrap(line.text, "    "))
        else:
            self._print(self._rgb(f"{line.name}:", line.color))
            self._print(self._wrap(line.text, "    "))
        if self.pause:
            self._ask(self._style("  [Enter]", DIM))
        else:
            self._print()

    def _ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        answer = self.read_line()
        if answer == "":  # end of input
            raise Quit
        answer = answer.strip()
        if answer.lower() in ("q", "quit", "exit"):
            raise Quit
        return answer

    def ask_choice(self, menu: Choices) -> int:
        for option in menu.options:
            if option.available:
                self._print(f"  {option.number}. {option.text}")
            else:
                reason = f" ({option.locked_reason})" if option.locked_reason else " (locked)"
                self._print(self._style(f"  {option.number}. {option.text}{reason}", DIM))
        if not any(option.available for option in menu.options):
            self._print("The story cannot go on from here (no choice can be taken). This is a mistake in the story.")
            raise Quit
        while True:
            answer = self._ask("> ")
            if answer.isdigit():
                number = int(answer)
                for option in menu.options:
                    if option.number == number:
                        if option.available:
                            self._print()
                            return option.index
                        self._print(f"That choice is locked: {option.locked_reason or 'not now'}.")
                        break
                else:
                    self._print(f"Choose a number from 1 to {len(menu.options)} (or q to quit).")
            else:
                self._print(f"Type the number of a choice, from 1 to {len(menu.options)} (or q to quit).")

    # -- the loop ----------------------------------------------------------------------------------------------

    def play(self, playthrough: Playthrough) -> int:
        try:
            self._print(self._style(self.story.title, BOLD))
            self._print()
            self.show_note("Content note", self.story.content_note)
            while True:
                while playthrough.can_continue:
                    self.present(playthrough.continue_())
                if playthrough.ended is not None:
                    self._print()
                    self._print(self._style(f"★ The end: {playthrough.ended.title}", BOLD))
                    self._print()
                    self.show_note("A note", self.story.closing_note)
                    return 0
                menu = playthrough.current_choices
                assert menu is not None
                playthrough.choose(self.ask_choice(menu))
        except Quit:
            self._print()
            self._print("Goodbye.")
            return 0 if sys.stdin.isatty() else 1
        except KeyboardInterrupt:
            self._print()
            return 130


def run_text_player(story: Story, playthrough: Playthrough, *, pause: bool | None = None) -> int:
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    width = shutil.get_terminal_size((80, 24)).columns - 2
    player = TextPlayer(
        story,
        out=sys.stdout,
        read_line=sys.stdin.readline,
        colour=colour,
        pause=interactive if pause is None else pause,
        width=width,
    )
    return player.play(playthrough)
