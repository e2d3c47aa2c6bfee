"""Paris theme: a dusk waltz in A minor with an accordion tune.

Twenty-four bars of 3/4 at 150 bpm: oom (a plucked bass on the downbeat), pah-pah (soft accordion chords on
beats two and three), brushes, and a musette-tuned accordion singing a lilting tune that turns major for a
moment in its last third before sliding back home.
"""

from __future__ import annotations

from ..arrange import Piece, Track
from ..drums import brush
from ..dsp import lowpass_response
from ..patterns import bassline, drum_grid, melody, stabs, tile
from ..score import chart
from ..strings import guitar, plucked_bass
from ..synths import accordion

BEATS = 3
BARS = 24

CHORDS = """
Am:3 | Am | Dm | Dm | G7 | G7 | C | E7 |
Am | Am | Dm | Dm | F | E7 | Am | E7 |
F | G7 | C | Am | Dm | E7 | Am | E7
"""

TUNE = """
E5:1.5 D5:.5 C5:1 | B4:.5 C5 E5:2 | F5:1.5 D5:.5 D5:1 | A4:1 D5 F5 |
G5:1.5 F5:.5 D5:1 | B4:.5 D5 F5:2 | E5:1 C5 G4 | G#4:1 B4 D5 |
C5:1.5 B4:.5 A4:1 | E5:1 A5:2! | A5:1.5 G5:.5 F5:1 | D5:2 F5:1 |
A5:1.5 G5:.5 F5:1 | E5:1 G#5 B5 | A5:3 | r:1 G#5:1? E5:1 |
F5:.5 E5 F5 A5 C6:1! | B5:1.5 A5:.5 G5:1 | E5:.5 D5 E5 G5 C6:1 | A5:1.5 G5:.5 E5:1 |
F5:1 E5 D5 | B4:1 D5 G#5 | A5:2 E5:1 | D5:.5 C5 B4:1 G#4:1?
"""

BRUSH = "x.o.o."


def piece() -> Piece:
    """Build the Paris waltz."""
    spans, _ = chart(CHORDS, BEATS)
    return Piece(
        name="paris",
        bpm=150,
        beats_per_bar=BEATS,
        bars=BARS,
        reverb_time=1.8,
        reverb_level=0.3,
        delay_beats=1.5,
        delay_feedback=0.2,
        loudness=0.115,
        seed=53,
        tracks=[
            Track(
                "accordion",
                accordion,
                melody(TUNE, BEATS, velocity=0.6),
                gain=0.55,
                pan=0.15,
                reverb=0.25,
                delay=0.06,
                timing=0.008,
            ),
            Track(
                "pah-pah",
                accordion,
                stabs(spans, ".xo", 1.0, low=57, count=3, hold=0.55, velocity=0.5),
                gain=0.22,
                pan=-0.2,
                reverb=0.2,
                eq=lowpass_response(2500.0),
                timing=0.005,
            ),
            Track(
                "oom",
                plucked_bass,
                bassline(spans, "1--", 1.0, low=40, velocity=0.75),
                gain=0.5,
                reverb=0.08,
                eq=lowpass_response(900.0),
            ),
            Track(
                "guitar",
                guitar,
                stabs(spans, ".o.", 1.0, low=52, count=4, hold=0.7, velocity=0.4),
                gain=0.12,
                pan=-0.45,
                reverb=0.2,
            ),
            Track(
                "brush",
                brush,
                tile(drum_grid(BRUSH, 2, velocity=0.55), float(BEATS), BARS),
                gain=0.2,
                pan=0.3,
                reverb=0.15,
                timing=0.004,
            ),
        ],
    )
