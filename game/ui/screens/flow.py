"""How the player gets into a game: a new game (after the content note), a loaded save, or a chapter's start.

Loading is where saves meet the engine's checks, so every `SaveError` becomes a clear dialog here: a damaged save
says so; a save whose scene was removed from the story offers to start that chapter again; a save of another story
explains itself. None of them crashes the game.
"""

from __future__ import annotations

import logging

from game.save import SaveError
from game.ui.app import App
from game.ui.savestore import Slot
from game.ui.screens import router
from game.ui.session import StorySession

log = logging.getLogger(__name__)

# The engine's and the parser's own words about a damaged save go to the log; the player reads these.
CHANGED = "it was changed after it was made, or made by a different version of the game"


def damaged_message(why: str) -> str:
    """What the dialog says about a save that cannot be loaded, in the player's words."""
    reason = f": {why}" if why else ""
    return f"This save is damaged and cannot be loaded{reason}. Your other saves are not affected."


def new_game(app: App, now: float, *, start: str | None = None, given: dict[str, object] | None = None) -> None:
    """Start a playthrough from the beginning (or `start`), replacing every screen."""
    session = StorySession.new(app.story, start=start, given=given)
    router.reset(app, "game", now, session)


def begin_with_note(app: App, now: float) -> None:
    """New game: the content note first (if the story has one), then the first scene."""
    note = getattr(app.story, "content_note", None)
    if note:
        router.push(app, "note", now, "Before you begin", note, "Begin", lambda t: new_game(app, t), back=True)
    else:
        new_game(app, now)


def start_chapter(app: App, chapter: str, now: float) -> None:
    first = app.story.chapter_start(chapter)
    if first is None:
        router.tell(app, f"The chapter \u201c{chapter}\u201d is no longer in this story.", now)
        return
    new_game(app, now, start=first)


def load_slot(app: App, slot: Slot, now: float) -> None:
    """Resume the game in `slot`, or explain why it cannot be resumed."""
    if slot.status == "damaged" or slot.record is None:
        router.tell(app, damaged_message(slot.problem), now)
        return
    record = slot.record
    try:
        session = StorySession.from_record(app.story, record["playthrough"], record.get("frontend"))
    except SaveError as err:
        log.info("save %s cannot be loaded: %s", slot.key, err)
        if err.reason == "unknown_scene":
            chapter = err.chapter or slot.chapter
            first = app.story.chapter_start(chapter) if chapter else None
            if first is not None:
                router.tell(
                    app,
                    f"This save was made in a scene that is no longer in the story. "
                    f"Start the chapter \u201c{chapter}\u201d from its beginning instead?",
                    now,
                    yes="Start chapter",
                    no="Cancel",
                    on_yes=lambda t: new_game(app, t, start=first),
                )
                return
            router.tell(app, f"This save was made in a scene that is no longer in the story. {err}", now)
            return
        if err.reason == "wrong_story":
            router.tell(app, f"This save belongs to another story. {err}", now)
            return
        router.tell(app, damaged_message(CHANGED), now)
        return
    except (KeyError, TypeError, ValueError) as err:
        log.info("save %s cannot be loaded: %s", slot.key, err)
        router.tell(app, damaged_message(CHANGED), now)
        return
    router.reset(app, "game", now, session, restored=True)
    app.toast("Loaded", now)
