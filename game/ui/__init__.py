"""The pygame front end: presents a playthrough's events as a visual novel.

Everything under `game.ui` draws, plays sounds or reads input; the engine in `game/` never imports it. Each module
holds one concept (scaling, fonts, the dialogue box, one screen ...), and the drawing code never reads the clock:
the app loop passes the current time in, so tests and captures are deterministic.
"""

import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
