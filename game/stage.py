"""What is on stage right now: background, music and sprites, as the playthrough's events left it.

Front ends draw the stage, but the playthrough keeps this plain record too, so that a loaded save (or a rollback)
can set the stage again exactly as it was before play resumes: the events that rebuild it come from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.events import Line, SceneEntered, StageChange
from game.staging import DEFAULT_PLACE, TEXT_MODES, is_place


@dataclass
class Stage:
    background: str | None = None
    music: str | None = None
    sprites: dict[str, tuple[str, str]] = field(default_factory=dict)  # who -> (expression, place)
    outfits: dict[str, str] = field(default_factory=dict)  # who -> outfit, for sprites not in their default clothes
    mode: str = "adv"  # "nvl" while lines fill a full page of text (game.staging), "adv" for the dialogue box

    def apply(self, event: object) -> None:
        """Follow one event. A scene that names a background starts with an empty stage; every scene starts with
        the dialogue box."""
        if isinstance(event, SceneEntered):
            self.mode = "adv"
            if event.background is not None:
                self.background = event.background
                self.sprites.clear()
                self.outfits.clear()
            if event.music is not None:
                self.music = None if event.music == "none" else event.music
        elif isinstance(event, StageChange):
            action = event.action
            if action == "show" and event.who:
                place = shown_place(self.sprites, event.who, event.at)
                self.sprites.pop(event.who, None)
                for other, (_, there) in list(self.sprites.items()):
                    if there == place:  # a sprite entering a taken place pushes the other one off
                        del self.sprites[other]
                self.sprites[event.who] = (event.expression or "neutral", place)
                self.outfits.pop(event.who, None)
                if event.outfit:
                    self.outfits[event.who] = event.outfit
            elif action == "hide":
                if event.who == "all":
                    self.sprites.clear()
                else:
                    self.sprites.pop(event.who or "", None)
            elif action == "background":
                self.background = event.asset
            elif action == "music":
                self.music = None if event.asset == "none" else event.asset
            elif action == "mode" and event.asset in TEXT_MODES:
                self.mode = event.asset
            self.outfits = {who: outfit for who, outfit in self.outfits.items() if who in self.sprites}
        elif isinstance(event, Line) and event.expression and event.speaker in self.sprites:
            _, place = self.sprites[event.speaker]
            self.sprites[event.speaker] = (event.expression, place)

    def to_data(self) -> dict:
        data: dict = {
            "background": self.background,
            "music": self.music,
            "sprites": [[who, expression, place] for who, (expression, place) in self.sprites.items()],
        }
        if self.outfits:
            data["outfits"] = dict(self.outfits)
        if self.mode != "adv":
            data["mode"] = self.mode
        return data

    @classmethod
    def from_data(cls, data: object) -> Stage:
        """Rebuild from saved data; anything malformed is dropped (the stage is cosmetic, never fatal)."""
        stage = cls()
        if not isinstance(data, dict):
            return stage
        for key in ("background", "music"):
            value = data.get(key)
            if isinstance(value, str):
                setattr(stage, key, value)
        sprites = data.get("sprites")
        if isinstance(sprites, list):
            for item in sprites:
                if (
                    isinstance(item, list)
                    and len(item) == 3
                    and all(isinstance(x, str) for x in item)
                    and is_place(item[2])
                ):
                    stage.sprites[item[0]] = (item[1], item[2])
        outfits = data.get("outfits")
        if isinstance(outfits, dict):
            stage.outfits = {
                who: outfit
                for who, outfit in outfits.items()
                if isinstance(who, str) and isinstance(outfit, str) and who in stage.sprites
            }
        if data.get("mode") in TEXT_MODES:
            stage.mode = data["mode"]
        return stage


def shown_place(sprites: dict[str, tuple[str, str]], who: str, at: str | None) -> str:
    """Where a `show` puts `who`: its `at`, else where they already stand (Ren'Py keeps a sprite's place when only
    its expression or outfit changes), else the centre."""
    if at is not None:
        return at
    current = sprites.get(who)
    return current[1] if current is not None else DEFAULT_PLACE
