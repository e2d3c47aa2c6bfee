"""The game's screens, one module each: title, content note, the game itself, menus, saves, settings and more."""
