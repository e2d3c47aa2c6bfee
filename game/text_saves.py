"""The terminal player's saves: the same slots, files and format as the game window's Save and Load screens.

A save made in the terminal loads in the window and the other way round: both write `game.ui.savestore` records
(the engine's save, the stage and the recent backlog; the terminal has no picture to add, so the window shows
"no picture") into the story's save folder under the player's data folder (`HEARTSTOPPER_DATA_DIR` moves it).
This module turns what the player types ("3", "quick", "auto-2") into slot keys, writes and reads the slots, and
says what is in them in words. It uses only the public functions of the shared modules (no pygame).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from game.model import Story
from game.story_id import story_key
from game.ui.datadir import data_dir, story_folder
from game.ui.savestore import AUTOSAVES, PAGES, QUICK, SLOTS_PER_PAGE, SaveStore, Slot, make_record, page_keys
from game.ui.session import StorySession

SLOT_COUNT = PAGES * SLOTS_PER_PAGE
SLOT_NAMES = f"1 to {SLOT_COUNT}, quick, or auto-1 to auto-{AUTOSAVES}"
MAX_SHOWN_CHARS = 48  # of a chapter or scene title, when a slot is described


class SlotNameError(ValueError):
    """What the player typed names no slot (or a slot that cannot be used that way)."""


def saves_folder(story: Story) -> Path:
    """The story's save folder: the one the game window's Save and Load screens use."""
    return story_folder(data_dir(), story_key(story), story.title) / "saves"


def slot_key(word: str, *, saving: bool) -> str:
    """The slot key for what the player typed after `save` or `load`."""
    word = word.strip().lower()
    if word == QUICK:
        return QUICK
    if word in ("auto", "autosave") or (
        word.startswith("auto-") and word[5:].isascii() and word[5:].isdigit() and len(word) <= 8
    ):
        if saving:
            raise SlotNameError("the autosaves are made by the game; save in a numbered slot or the quick slot")
        number = 1 if word in ("auto", "autosave") else int(word[5:])
        if 1 <= number <= AUTOSAVES:
            return f"auto-{number}"
    elif word.isascii() and word.isdigit() and len(word) <= 3 and 1 <= int(word) <= SLOT_COUNT:
        return str(int(word))
    shown = word if len(word) <= 20 else word[:20] + "..."
    raise SlotNameError(f"there is no slot '{shown}': the slots are {SLOT_NAMES}")


def slot_label(key: str) -> str:
    """How a slot is named to the player: "slot 3", "the quick slot", "autosave 2"."""
    if key == QUICK:
        return "the quick slot"
    if key.startswith("auto-"):
        return f"autosave {key[5:]}"
    return f"slot {key}"


def describe(slot: Slot) -> str:
    """One line about a slot: where its save was made and when."""
    if slot.status == "empty":
        return "empty"
    if slot.status == "damaged":
        return f"damaged ({_clip(slot.problem, 100)})" if slot.problem else "damaged"
    where = ": ".join(_clip(part) for part in (slot.chapter, slot.scene_title) if part) or "a save"
    when = slot.saved_at
    return f"{where} ({when.day} {when:%b %Y, %H:%M})" if when else where


def _clip(text: str, keep: int = MAX_SHOWN_CHARS) -> str:
    """Text from a save file as one short, harmless line: saves are sometimes edited by hand, or come from others,
    so control characters (a terminal escape, a bidi override) are shown as escapes, never sent to the terminal."""
    text = " ".join(text.split())
    text = "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)
    return text if len(text) <= keep else text[: keep - 1] + "\u2026"


class TextSaves:
    """One story's save slots, for the terminal player."""

    def __init__(self, story: Story, folder: Path, now: Callable[[], datetime] = datetime.now) -> None:
        self.story = story
        self.store = SaveStore(folder)
        self.now = now

    @classmethod
    def for_story(cls, story: Story) -> TextSaves:
        saves = cls(story, saves_folder(story))
        saves.store.sweep()  # what killed saves left behind
        return saves

    @property
    def folder(self) -> Path:
        return self.store.folder

    def keys(self) -> list[str]:
        """Every slot key, in the order the game's pages show them: numbered pages, then quick, then autosaves."""
        return [key for page in [*(str(n) for n in range(1, PAGES + 1)), "quick", "auto"] for key in page_keys(page)]

    def used(self) -> list[Slot]:
        """The slots that hold a file (readable or damaged)."""
        if not self.folder.is_dir():
            return []
        return [slot for slot in (self.store.read(key) for key in self.keys()) if slot.status != "empty"]

    def read(self, key: str) -> Slot:
        return self.store.read(key)

    def latest(self) -> Slot | None:
        return self.store.latest()

    def first_empty(self) -> str | None:
        for n in range(1, SLOT_COUNT + 1):
            if not self.store.path(str(n)).exists():
                return str(n)
        return None

    def record(self, session: StorySession) -> dict:
        """The slot record for the session's current beat: what the window's own saves hold, less the picture."""
        snapshot, extra = session.snapshot()
        stage = session.stage
        return make_record(
            snapshot=snapshot,
            scene=str(snapshot.get("scene", stage.scene)),
            scene_title=str(snapshot.get("scene_title", stage.scene_title)),
            chapter=str(snapshot.get("chapter", stage.chapter)),
            story_title=str(self.story.title),
            story_version=self.story.version,
            extra=extra,
            thumbnail_png=None,
            now=self.now(),
        )

    def write(self, key: str, session: StorySession) -> None:
        """Save in a slot (atomically: the old save stays whole until the new one is). Raises OSError."""
        self.store.write(key, self.record(session))

    def autosave(self, session: StorySession) -> None:
        """Save as the newest autosave, as the game does. Raises OSError."""
        self.store.autosave(self.record(session))

    def resume(self, slot: Slot) -> StorySession:
        """The session saved in a readable slot. Raises `game.save.SaveError` (or ValueError) when it cannot be."""
        assert slot.record is not None
        try:
            return StorySession.from_record(self.story, slot.record["playthrough"], slot.record.get("frontend"))
        except (KeyError, TypeError) as error:
            raise ValueError(f"the save is damaged ({type(error).__name__})") from None
