"""The game's screens, one module each: title, content note, the game itself, menus, saves, settings and more.

No screen imports another: each reaches the others by name through `router`, the navigation table.
"""
