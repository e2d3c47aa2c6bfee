"""The navigation table: every screen by name, and the one way screens reach each other.

No screen imports another. A screen that leads somewhere asks the router by name (`push(app, "settings", now)`,
`reset(app, "title", now)`), and the router imports that screen's module the first time it is reached, so a screen
module depends only on the widgets and on this table, and the engine is imported only once a game starts.

Adding a screen touches two places: its own module, and one row of `ROUTES` (with its name in `ScreenName`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from game.ui.app import App, Screen
    from game.ui.session import LogEntry

ScreenName = Literal[
    "title", "note", "game", "game_menu", "saveload", "backlog", "settings", "chapters", "endings", "ending", "dialog"
]


@dataclass(frozen=True, slots=True)
class Route:
    """Where a screen lives (`module.cls`, built as `cls(app, *args, **kwargs)`) and how players reach it."""

    module: str
    cls: str
    reached: str


ROUTES: dict[ScreenName, Route] = {
    "title": Route("game.ui.screens.title", "TitleScreen", "at launch; the game menu's Main menu; after an ending"),
    "note": Route("game.ui.screens.notes", "NoteScreen", "the content note before a new game; the closing note"),
    "game": Route("game.ui.screens.game", "GameScreen", "a new game, a loaded save or a chapter's start (flow)"),
    "game_menu": Route("game.ui.screens.game_menu", "GameMenu", "Escape or right click in play"),
    "saveload": Route("game.ui.screens.saveload", "SaveLoadScreen", "the title's Load; Save and Load in play"),
    "backlog": Route("game.ui.screens.backlog", "BacklogScreen", "the game menu's History; the wheel up in play"),
    "settings": Route("game.ui.screens.settings", "SettingsScreen", "the title, the game and quick menus, Shift+A"),
    "chapters": Route("game.ui.screens.chapters", "ChaptersScreen", "the title's Chapters"),
    "endings": Route("game.ui.screens.endings", "EndingsScreen", "the title's Endings"),
    "ending": Route("game.ui.screens.ending", "EndingScreen", "the story reaching an ending in play"),
    "dialog": Route("game.ui.screens.dialog", "Dialog", "any question or message over another screen"),
}


class InPlay(Protocol):
    """What the screens opened from a game (its menu, save and load) may ask of the game in play."""

    def record(self, now: float) -> dict[str, Any]: ...

    def quick_save(self, now: float) -> None: ...

    def open_saves(self, mode: str, now: float) -> None: ...

    def open_backlog(self, now: float) -> None: ...

    def history_entries(self) -> list[LogEntry]: ...


def screen_class(name: ScreenName) -> type[Screen]:
    """The class of the screen called `name`, its module imported on first use."""
    route = ROUTES[name]
    cls: type[Screen] = getattr(importlib.import_module(route.module), route.cls)
    return cls


def build(app: App, name: ScreenName, *args: Any, **kwargs: Any) -> Screen:
    """A new screen `name` for `app`, given the arguments its class takes after the app."""
    return screen_class(name)(app, *args, **kwargs)


def push(app: App, name: ScreenName, now: float, *args: Any, **kwargs: Any) -> None:
    """Open screen `name` over the current one (Return or Escape comes back)."""
    app.push(build(app, name, *args, **kwargs), now)


def reset(app: App, name: ScreenName, now: float, *args: Any, **kwargs: Any) -> None:
    """Replace every screen with screen `name` (a new game, back to the title)."""
    app.reset(build(app, name, *args, **kwargs), now)


def tell(app: App, message: str, now: float, **answers: Any) -> None:
    """A dialog over the current screen: a message and OK, or a question (`yes=`, `no=`, `on_yes=`, `on_no=`)."""
    push(app, "dialog", now, message, **answers)
