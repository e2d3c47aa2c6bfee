"""The words self-voicing says for what is on screen: a line, a menu, a button, a caption.

Kept apart from the screens (and from pygame) so every screen reads things the same way and tests can say what a
line should sound like without drawing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: the title screen is drawn before the engine is imported
    from game.events import ChoiceOption, Line
    from game.ui.session import LogEntry


@dataclass(frozen=True, slots=True)
class Spoken:
    """What a screen says: `page` when it appears or changes (`key` tells when it has), `focus` as focus moves."""

    key: object
    page: str
    focus: str = ""


def said(kind: str, name: str | None, text: str, *, mine: bool = False) -> str:
    """Words for something read: speaker's name first; thoughts and phone messages announced as such."""
    text = text.strip()
    if kind == "choice":
        return f"You chose: {text}"
    if kind in ("narration", "caption") or not name:
        return text
    if kind == "thought":
        return f"{name}, thinking: {text}"
    if kind == "message":
        return f"Message sent: {text}" if mine else f"Message from {name}: {text}"
    return f"{name}: {text}"


def line_words(line: Line, *, player: str | None = None) -> str:
    """A line as it is read aloud when it appears."""
    mine = player is not None and line.speaker == player
    return said(line.kind, line.name or line.speaker, line.text, mine=mine)


def option_words(option: ChoiceOption) -> str:
    """One choice as read when the focus reaches it."""
    words = f"{option.number}. {option.text}"
    if not option.available:
        words += f", locked: {option.locked_reason}" if option.locked_reason else ", locked"
    return words


def menu_words(options: tuple[ChoiceOption, ...]) -> str:
    """A menu as read when it appears: how many choices, then each."""
    count = len(options)
    intro = "A choice." if count == 1 else f"Choose one of {count}."
    return " ".join([intro, *(option_words(o) + "." for o in options)])


def button_words(label: str, *, enabled: bool = True, detail: str = "") -> str:
    """A button or an option as read when it has the focus."""
    words = label
    if detail:
        words += f", {detail}"
    if not enabled:
        words += ", not available"
    return words


def joined(*parts: str) -> str:
    """Sentences in one utterance, each ended with a full stop where it has none."""
    out = []
    for part in parts:
        part = part.strip()
        if part:
            out.append(part if part[-1] in ".!?:" else part + ".")
    return " ".join(out)


def entry_words(entry: LogEntry, *, player: str | None = None) -> str:
    """A history row as read: like a line, a choice taken as "You chose", a caption as itself."""
    mine = player is not None and entry.speaker == player
    return said(entry.kind, entry.name or entry.speaker, entry.text, mine=mine)
