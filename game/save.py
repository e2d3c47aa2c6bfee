"""The save format: what a playthrough writes, and the careful reading of what comes back.

A save is plain JSON-able data. Saves are files that players keep for months, copy between machines and sometimes
edit by hand, so reading one checks everything: a damaged save, one from another story, or one whose scene has
since been removed each raise a `SaveError` that says exactly what is wrong (and, for a removed scene, which
chapter it was in, so a front end can offer that chapter's start). Nothing in a save can run code: it is read as
data and every value is checked against the story's declarations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from game.emphasis import BOLD, ITALIC, Span
from game.inline_text import VarietyCounter
from game.jsonfiles import read_json, write_json
from game.machine import MAX_CALL_DEPTH
from game.stage import Stage
from game.story_id import story_key, story_slug

if TYPE_CHECKING:
    from game.machine import PlayState
    from game.model import Scene, Story

SAVE_FORMAT = "heartstopper-save"
SAVE_FORMAT_VERSION = 1
MAX_SAVE_BYTES = 8 * 1024 * 1024

Reason = Literal["damaged", "unknown_scene", "wrong_story"]
SavedLine = tuple[str, str | None, str, tuple[Span, ...]]  # a line's kind, speaker, text and emphasis spans


class SaveError(ValueError):
    """A save that cannot be resumed. `reason` is damaged, unknown_scene or wrong_story."""

    def __init__(self, reason: Reason, message: str, chapter: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.chapter = chapter


@dataclass
class SavedState:
    """A save, checked against the story."""

    scene: str
    position: int
    announce: bool
    beat: str | None
    variables: dict[str, object]
    visits: dict[str, int]
    once: set[str]
    seen: list[str]
    stage: Stage
    chapter: str | None  # the chapter whose card was last shown (so a pending scene knows if its chapter is new)
    ended: str | None
    waiting_menu: bool
    variety: VarietyCounter | None = None  # None in saves from before variety texts: counts start afresh
    last_line: SavedLine | None = None  # the last line shown, for an `extend` right after the save
    stack: tuple[str, ...] = ()  # where the calls waiting to return come back to (none in saves before `call`)


def write_save_data(
    *,
    story: Story,
    scene: Scene,
    position: int,
    announce: bool,
    beat: str | None,
    state: PlayState,
    seen: set[str],
    stage: Stage,
    chapter: str | None,
    ended: str | None,
    waiting_menu: bool,
    variety: VarietyCounter | None = None,
    last_line: SavedLine | None = None,
) -> dict:
    data = {
        "format": SAVE_FORMAT,
        "format_version": SAVE_FORMAT_VERSION,
        "story": story.title,
        "story_id": story_key(story),
        "story_version": story.version,
        "scene": scene.id,
        "scene_title": scene.title,
        "chapter": scene.chapter,
        "shown_chapter": chapter,
        "position": position,
        "announce": announce,
        "beat": beat,
        "variables": dict(state.variables),
        "visits": dict(state.visits),
        "once": sorted(state.once),
        "seen": sorted(seen),
        "stage": stage.to_data(),
        "ended": ended,
        "waiting_menu": waiting_menu,
    }
    if last_line is not None:
        line: dict[str, object] = {"kind": last_line[0], "speaker": last_line[1], "text": last_line[2]}
        if last_line[3]:  # its emphasis, so the line an `extend` shows again keeps its italic and bold
            line["styles"] = [list(span) for span in last_line[3]]
        data["last_line"] = line
    if state.stack:
        data["stack"] = list(state.stack)
    if variety is not None and variety.counts:
        data["variety"] = {"seed": variety.seed, "counts": dict(sorted(variety.counts.items()))}
    return data


def _damaged(message: str) -> SaveError:
    return SaveError("damaged", f"the save is damaged: {message}")


def read_save(story: Story, data: object) -> SavedState:
    """Check saved data against the story; raise `SaveError` saying what is wrong."""
    if not isinstance(data, dict):
        raise _damaged("it is not a save file")
    if data.get("format") != SAVE_FORMAT:
        raise _damaged("it is not a Heartstopper save")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > SAVE_FORMAT_VERSION:
        raise _damaged(f"its format version {version!r} is newer than this game understands")
    if not _belongs_to(story, data):
        raise SaveError("wrong_story", f"the save belongs to another story ({data.get('story')!r})")
    chapter = data.get("chapter") if isinstance(data.get("chapter"), str) else None
    shown_chapter = data.get("shown_chapter", chapter)
    if shown_chapter is not None and not isinstance(shown_chapter, str):
        raise _damaged("'shown_chapter' is not text")
    scene = data.get("scene")
    if not isinstance(scene, str):
        raise _damaged("it names no scene")
    if scene not in story.scenes:
        where = f" (chapter '{chapter}')" if chapter else ""
        raise SaveError("unknown_scene", f"the saved scene '{scene}'{where} is no longer in the story", chapter)
    position = data.get("position", 0)
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise _damaged("its position in the scene is not a whole number")
    beat = data.get("beat")
    if beat is not None and not isinstance(beat, str):
        raise _damaged("its last line id is not text")
    announce = data.get("announce", False)
    if not isinstance(announce, bool):
        raise _damaged("'announce' is not true or false")
    ended = data.get("ended")
    if ended is not None and (not isinstance(ended, str) or ended not in story.endings):
        raise _damaged(f"it ended with an ending the story does not have ({ended!r})")
    waiting_menu = data.get("waiting_menu", False)
    if not isinstance(waiting_menu, bool):
        raise _damaged("'waiting_menu' is not true or false")
    return SavedState(
        scene,
        position,
        announce,
        beat,
        _variables(story, data.get("variables", {})),
        _visits(story, data.get("visits", {})),
        _strings(data.get("once", []), "once-choices"),
        sorted(_strings(data.get("seen", []), "seen lines")),
        Stage.from_data(data.get("stage")),
        chapter,
        ended,
        waiting_menu,
        _variety(data.get("variety")),
        _last_line(story, data.get("last_line")),
        _stack(story, data.get("stack", [])),
    )


def _stack(story: Story, saved: object) -> tuple[str, ...]:
    """The calls waiting to return: each the scene its `return` comes back to (a part of a calling scene)."""
    if not isinstance(saved, list) or not all(isinstance(item, str) for item in saved):
        raise _damaged("its calls waiting to return are not a list of scene ids")
    if len(saved) > MAX_CALL_DEPTH:
        raise _damaged(f"it has more than {MAX_CALL_DEPTH} calls waiting to return")
    returns_to = {scene.returns_to for scene in story.scenes.values() if scene.returns_to is not None}
    for scene in saved:
        if scene not in returns_to:
            raise SaveError(
                "unknown_scene", f"the story changed: the save waits to come back to '{scene}', which is gone"
            )
    return tuple(saved)


def _belongs_to(story: Story, data: dict) -> bool:
    """A save belongs to the story with its id, or with its title, or whose id its title gives: a story retitled
    after it was given an id, or given a new id under the same title, still loads the saves its folder holds."""
    saved_id, title = data.get("story_id"), data.get("story")
    if isinstance(saved_id, str) and saved_id == story_key(story):
        return True
    return isinstance(title, str) and (title == story.title or story_slug(title) == story_key(story))


def _last_line(story: Story, saved: object) -> SavedLine | None:
    """The last line shown, which an `extend` beat right after the save continues; None when the save has none.
    Its emphasis spans (none in saves from before they were kept) are kept where they are whole numbers within the
    text and known faces; any other is dropped, and those letters show plain."""
    if saved is None:
        return None
    if not isinstance(saved, dict):
        raise _damaged("its last line is not a mapping")
    kind, speaker, text = saved.get("kind"), saved.get("speaker"), saved.get("text")
    if kind not in ("speech", "narration", "thought", "message") or not isinstance(text, str):
        raise _damaged("its last line is not a line")
    if speaker is not None and (not isinstance(speaker, str) or speaker not in story.characters):
        return None  # a character the story no longer has: the extension is shown by itself
    return kind, speaker, text, _spans(saved.get("styles"), len(text))


def _spans(saved: object, length: int) -> tuple[Span, ...]:
    if not isinstance(saved, list):
        return ()
    return tuple(
        (span[0], span[1], span[2])
        for span in saved
        if isinstance(span, list)
        and len(span) == 3
        and all(isinstance(n, int) and not isinstance(n, bool) for n in span)
        and 0 <= span[0] < span[1] <= length
        and span[2] in (ITALIC, BOLD, ITALIC | BOLD)
    )


def _variety(saved: object) -> VarietyCounter | None:
    """How often each variety text was shown, and the shuffles' seed; None when the save has none."""
    if saved is None:
        return None
    if not isinstance(saved, dict):
        raise _damaged("its variety counts are not a mapping")
    seed = saved.get("seed")
    counts = saved.get("counts", {})
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise _damaged("its shuffle seed is not a whole number")
    if not isinstance(counts, dict) or not all(
        isinstance(key, str) and isinstance(count, int) and not isinstance(count, bool) and count >= 0
        for key, count in counts.items()
    ):
        raise _damaged("its variety counts are not whole numbers by text")
    return VarietyCounter(seed, dict(counts))


def _variables(story: Story, saved: object) -> dict[str, object]:
    if not isinstance(saved, dict):
        raise _damaged("its variables are not a mapping")
    values: dict[str, object] = dict(story.defaults())
    for name, value in saved.items():
        variable = story.variables.get(name)
        if variable is None:
            continue  # a variable the story no longer has: nothing reads it any more
        if not variable.accepts(value):
            raise _damaged(f"variable '{name}' is {value!r}, but it must be {variable.describe()}")
        values[name] = value
    return values


def _visits(story: Story, saved: object) -> dict[str, int]:
    if not isinstance(saved, dict):
        raise _damaged("its visit counts are not a mapping")
    visits: dict[str, int] = {}
    for scene, count in saved.items():
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise _damaged(f"the visit count of '{scene}' is not a whole number")
        if scene in story.scenes:
            visits[scene] = count
    return visits


def _strings(saved: object, what: str) -> set[str]:
    if not isinstance(saved, list) or not all(isinstance(item, str) for item in saved):
        raise _damaged(f"its {what} are not a list of ids")
    return set(saved)


# -- files ---------------------------------------------------------------------------------------------------------


def write_json_atomically(path: Path, data: object) -> None:
    """Write JSON so that the file is either the old one or the whole new one, never half of either."""
    write_json(path, data)


def read_json_file(path: Path) -> object:
    """Read a JSON save or settings file; raise `SaveError('damaged')` for anything that is not readable JSON."""
    try:
        return read_json(path, MAX_SAVE_BYTES)
    except OSError as error:
        raise _damaged(f"the file cannot be read ({error.strerror or type(error).__name__})") from None
    except ValueError as error:
        raise _damaged(f"the file cannot be read ({error})") from None
