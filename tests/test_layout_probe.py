"""The linter's quick fit test never clears a line that the game's own layout finds too long for the box."""

from __future__ import annotations

import random

from game.authoring.layout_probe import LayoutProbe
from game.events import Line

WORDS = [
    "a",
    "I",
    "the",
    "Charlie",
    "Nick",
    "WWWWWW",
    "mmmmmmmm",
    "lovely",
    "quietly",
    "extraordinarily",
    "biscuits,",
    "rugby!",
    "Tao",
    "Elle",
    "it's",
]


def test_a_line_surely_fits_only_when_the_layout_agrees() -> None:
    probe = LayoutProbe()
    chooser = random.Random(20)
    cleared = too_long = 0
    speakers = [("speech", "nick", "Nick", None), ("narration", None, None, None), ("thought", "tao", "Tao", "sad")]
    for kind, speaker, name, expression in speakers:
        for count in range(1, 80, 3):
            text = " ".join(chooser.choice(WORDS) for _ in range(count))
            line = Line(kind, text, speaker, name, "#ffffff", expression, "x")  # type: ignore[arg-type]
            fit = probe.dialogue(line)
            too_long += fit.rows > fit.room
            if probe.surely_fits(line):
                cleared += 1
                assert fit.rows <= fit.room, text
    assert cleared and too_long  # both kinds of line were met
    assert not probe.surely_fits(Line("speech", "one\ntwo", "nick", "Nick", None, None, "x"))  # breaks: not decided
