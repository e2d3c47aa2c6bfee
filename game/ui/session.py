"""A playthrough as the player experiences it: the current beat, the stage, the backlog, rollback and roll forward.

This module knows no pygame. It pulls events from `game.playthrough.Playthrough` until there is something for the
player to look at (a line, a menu or an ending), keeps the stage (background, music, who stands where) as plain
data, and remembers an engine `save()` before every beat. Rolling back restores one of those snapshots with
`Playthrough.from_save` and pulls again, so rollback crosses choices exactly as Ren'Py's does; rolling forward
re-takes the choices the player had made.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from game.events import Choices, Ended, Event, Line, SceneEntered, StageChange
from game.playthrough import Playthrough
from game.stage import shown_place
from game.staging import TEXT_MODES

BACKLOG_LIMIT = 300
HISTORY_LIMIT = 400


@dataclass(slots=True)
class StageState:
    """What the stage shows, as plain data: saved with a game and restored on rollback."""

    scene: str = ""
    scene_title: str = ""
    chapter: str = ""
    background: str | None = None
    music: str | None = None
    sprites: dict[str, tuple[str, str]] = field(default_factory=dict)  # who -> (expression, place)
    outfits: dict[str, str] = field(default_factory=dict)  # who -> outfit, for sprites not in their default clothes
    mode: str = "adv"  # "nvl": lines fill a page of text (game.staging)

    def apply(self, event: Event) -> None:
        """Follow one event, by the same rules as the engine's `game.stage.Stage`."""
        if isinstance(event, SceneEntered):
            self.scene, self.scene_title, self.chapter = event.scene, event.title, event.chapter
            self.mode = "adv"
            if event.background is not None:
                self.background = event.background
                self.sprites.clear()  # a scene that names a background starts with an empty stage
                self.outfits.clear()
            if event.music is not None:
                self.music = None if event.music == "none" else event.music
        elif isinstance(event, StageChange):
            if event.action == "show" and event.who:
                place = shown_place(self.sprites, event.who, event.at)
                self.sprites.pop(event.who, None)
                for other, (_, there) in list(self.sprites.items()):
                    if there == place:  # whoever stood there steps off
                        del self.sprites[other]
                self.sprites[event.who] = (event.expression or "neutral", place)
                if event.outfit:
                    self.outfits[event.who] = event.outfit
                else:
                    self.outfits.pop(event.who, None)
            elif event.action == "hide":
                if event.who == "all":
                    self.sprites.clear()
                else:
                    self.sprites.pop(event.who or "", None)
            elif event.action == "background" and event.asset:
                self.background = event.asset
            elif event.action == "music" and event.asset:
                self.music = None if event.asset == "none" else event.asset
            elif event.action == "mode" and event.asset in TEXT_MODES:
                self.mode = event.asset
            self.outfits = {who: outfit for who, outfit in self.outfits.items() if who in self.sprites}
        elif isinstance(event, Line) and event.speaker and event.expression and event.speaker in self.sprites:
            self.sprites[event.speaker] = (event.expression, self.sprites[event.speaker][1])

    def copy(self) -> StageState:
        return StageState(
            self.scene,
            self.scene_title,
            self.chapter,
            self.background,
            self.music,
            dict(self.sprites),
            dict(self.outfits),
            self.mode,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "scene": self.scene,
            "scene_title": self.scene_title,
            "chapter": self.chapter,
            "background": self.background,
            "music": self.music,
            "sprites": {who: list(v) for who, v in self.sprites.items()},
            "outfits": dict(self.outfits),
            "mode": self.mode,
        }

    @classmethod
    def from_dict(cls, raw: object) -> StageState:
        state = cls()
        if not isinstance(raw, dict):
            return state
        for name in ("scene", "scene_title", "chapter"):
            if isinstance(raw.get(name), str):
                setattr(state, name, raw[name])
        for name in ("background", "music"):
            if isinstance(raw.get(name), str):
                setattr(state, name, raw[name])
        sprites = raw.get("sprites")
        if isinstance(sprites, dict):
            for who, value in sprites.items():
                if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, str) for v in value):
                    state.sprites[str(who)] = (value[0], value[1])
        outfits = raw.get("outfits")
        if isinstance(outfits, dict):
            state.outfits = {
                str(who): outfit for who, outfit in outfits.items() if isinstance(outfit, str) and who in state.sprites
            }
        if raw.get("mode") in TEXT_MODES:
            state.mode = raw["mode"]
        return state


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One backlog row: a line that was shown, a choice that was taken (`kind` "choice"), or a sound that played
    or the music that changed (`kind` "sound" or "music", `text` the asset id, "none" when the music stopped), which
    the history shows as captions when the player has them on."""

    kind: str
    text: str
    name: str | None = None
    color: str | None = None
    speaker: str | None = None
    styles: tuple[tuple[int, int, int], ...] = ()  # the line's emphasis (see `Line.styles`)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "name": self.name,
            "color": self.color,
            "speaker": self.speaker,
        }
        if self.styles:
            data["styles"] = [list(span) for span in self.styles]
        return data

    @classmethod
    def from_dict(cls, raw: object) -> LogEntry | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            return None
        name, color, speaker = raw.get("name"), raw.get("color"), raw.get("speaker")
        return cls(
            str(raw.get("kind", "narration")),
            raw["text"],
            name if isinstance(name, str) else None,
            color if isinstance(color, str) else None,
            speaker if isinstance(speaker, str) else None,
            _styles(raw.get("styles"), len(raw["text"])),
        )


def _styles(raw: object, length: int) -> tuple[tuple[int, int, int], ...]:
    """Emphasis spans kept with a backlog entry; anything that is not three whole numbers within the text is
    dropped (an older or hand-edited file shows the line plain)."""
    if not isinstance(raw, list):
        return ()
    spans = []
    for span in raw:
        if (
            isinstance(span, list)
            and len(span) == 3
            and all(isinstance(n, int) and not isinstance(n, bool) for n in span)
            and 0 <= span[0] <= span[1] <= length
            and 0 <= span[2] <= 3
        ):
            spans.append((span[0], span[1], span[2]))
    return tuple(spans)


@dataclass(slots=True)
class HistoryEntry:
    """The state just before a beat was pulled, so that beat can be shown again."""

    snapshot: dict
    stage: StageState
    backlog_len: int
    beat: Line | Choices | Ended | None = None
    chosen: int | None = None  # for a menu: the option index the player took


Beat = Line | Choices | Ended


class StorySession:
    """One playthrough with its presentation history."""

    def __init__(self, story: Any, playthrough: Playthrough) -> None:
        self.story = story
        self.playthrough = playthrough
        self.stage = StageState()
        self.backlog: list[LogEntry] = []
        self.history: list[HistoryEntry] = []
        self.redo: list[HistoryEntry] = []  # beats rolled back over, newest last: what roll forward replays
        self.started_at: str | None = None  # the scene a new game was started at (`--start`), for error hints

    # Starting ---------------------------------------------------------------------------------------------------
    @classmethod
    def new(cls, story: Any, *, start: str | None = None, given: dict[str, object] | None = None) -> StorySession:
        session = cls(story, Playthrough(story, start=start, given=given))
        session.started_at = start
        return session

    @classmethod
    def from_record(cls, story: Any, snapshot: dict, frontend: object) -> StorySession:
        """Resume a saved game (raises `game.save.SaveError` when the engine cannot)."""
        playthrough = Playthrough.from_save(story, snapshot)
        session = cls(story, playthrough)
        extra = frontend if isinstance(frontend, dict) else {}
        session.stage = StageState.from_dict(extra.get("stage"))
        backlog = extra.get("backlog")
        if isinstance(backlog, list):
            session.backlog = [e for e in (LogEntry.from_dict(x) for x in backlog) if e is not None]
        return session

    # What the player sees ---------------------------------------------------------------------------------------
    @property
    def beat(self) -> Beat | None:
        return self.history[-1].beat if self.history else None

    @property
    def current(self) -> HistoryEntry | None:
        return self.history[-1] if self.history else None

    def can_rollback(self) -> bool:
        return len(self.history) >= 2

    def can_roll_forward(self) -> bool:
        return bool(self.redo)

    # Moving on --------------------------------------------------------------------------------------------------
    def advance(self) -> list[Event]:
        """Pull events up to the next beat; returns every event pulled (the beat last). Rolls forward if it can."""
        beat = self.beat
        if isinstance(beat, Choices):
            entry = self.current
            if entry is None or entry.chosen is None or not self.redo:
                return []
            return self._choose(entry.chosen, keep_future=True)
        if isinstance(beat, Ended):
            return []
        replayed = self.redo.pop() if self.redo else None
        return self._pull_new(replayed)

    def choose(self, index: int) -> list[Event]:
        """Take the option with engine index `index` and pull up to the next beat."""
        entry = self.current
        keep = entry is not None and entry.chosen == index and bool(self.redo)
        return self._choose(index, keep_future=keep)

    def _choose(self, index: int, *, keep_future: bool) -> list[Event]:
        beat = self.beat
        if not isinstance(beat, Choices):
            raise ValueError("there is no menu to choose from")
        option = next((o for o in beat.options if o.index == index and o.available), None)
        if option is None:
            raise ValueError(f"option {index} cannot be taken")
        self.playthrough.choose(index)
        entry = self.current
        assert entry is not None
        entry.chosen = index
        replayed = None
        if keep_future and self.redo:
            replayed = self.redo.pop()
        else:
            self.redo.clear()
        self._log(LogEntry("choice", option.text))
        return self._pull_new(replayed)

    def _pull_new(self, replayed: HistoryEntry | None = None) -> list[Event]:
        entry = HistoryEntry(self.playthrough.save(), self.stage.copy(), len(self.backlog))
        if replayed is not None:
            entry.chosen = replayed.chosen  # rolling forward: the same choice is taken again at this menu
        self.history.append(entry)
        if len(self.history) > HISTORY_LIMIT:
            del self.history[0]
        events = self._pull()
        last = events[-1] if events else None
        entry.beat = last if isinstance(last, (Line, Choices, Ended)) else None
        return events

    def _pull(self) -> list[Event]:
        events: list[Event] = []
        if not self.playthrough.can_continue:
            choices = self.playthrough.current_choices
            if choices is not None:
                return [choices]
            if self.playthrough.ended is not None:
                return [self.playthrough.ended]
        while self.playthrough.can_continue:
            event = self.playthrough.continue_()
            events.append(event)
            music = self.stage.music
            self.stage.apply(event)
            if self.stage.music != music:
                self._log(LogEntry("music", self.stage.music or "none"))
            if isinstance(event, StageChange) and event.action == "sound" and event.asset:
                self._log(LogEntry("sound", event.asset))
            if isinstance(event, Line):
                self._log(LogEntry(event.kind, event.text, event.name, event.color, event.speaker, event.styles))
                break
            if isinstance(event, (Choices, Ended)):
                break
        return events

    def _log(self, entry: LogEntry) -> None:
        self.backlog.append(entry)
        if len(self.backlog) > BACKLOG_LIMIT:
            del self.backlog[: len(self.backlog) - BACKLOG_LIMIT]
            for h in self.history:
                h.backlog_len = max(0, h.backlog_len - 1)

    # Going back -------------------------------------------------------------------------------------------------
    def rollback(self) -> list[Event] | None:
        """Show the previous beat again (None when there is none). Returns the events re-pulled."""
        if not self.can_rollback():
            return None
        self.redo.append(self.history.pop())
        return self._restore(self.history[-1])

    def reload(self, story: Any) -> list[Event]:
        """Swap in a freshly loaded story and show the current beat again from the same saved state."""
        entry = self.current
        if entry is None:
            self.story = story
            return self._pull_new()
        playthrough = Playthrough.from_save(story, entry.snapshot)
        self.story = story
        self.playthrough = playthrough
        self.redo.clear()
        return self._restore(entry, playthrough=playthrough)

    def _restore(self, entry: HistoryEntry, *, playthrough: Playthrough | None = None) -> list[Event]:
        self.playthrough = playthrough or Playthrough.from_save(self.story, entry.snapshot)
        self.stage = entry.stage.copy()
        del self.backlog[entry.backlog_len :]
        events = self._pull()
        last = events[-1] if events else None
        entry.beat = last if isinstance(last, (Line, Choices, Ended)) else None
        return events

    # Saving -----------------------------------------------------------------------------------------------------
    def snapshot(self) -> tuple[dict, dict]:
        """(engine save, front-end extras) that show the current beat again when loaded."""
        entry = self.current
        if entry is None:
            return self.playthrough.save(), {"stage": self.stage.to_dict(), "backlog": []}
        backlog = self.backlog[: entry.backlog_len][-100:]
        return copy.deepcopy(entry.snapshot), {
            "stage": entry.stage.to_dict(),
            "backlog": [e.to_dict() for e in backlog],
        }
