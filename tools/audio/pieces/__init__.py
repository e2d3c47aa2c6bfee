"""One module per music id, each holding that piece's score data and arrangement.

`PIECES` maps the asset id to the function that builds the piece, in the order the build prints them.
"""

from __future__ import annotations

from collections.abc import Callable

from ..arrange import Piece
from . import everyday, paris, party, prom, tender, tense, title

PIECES: dict[str, Callable[[], Piece]] = {
    "title": title.piece,
    "everyday": everyday.piece,
    "tense": tense.piece,
    "tender": tender.piece,
    "paris": paris.piece,
    "party": party.piece,
    "prom": prom.piece,
}
