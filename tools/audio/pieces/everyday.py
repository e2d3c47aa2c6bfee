"""Everyday theme: a light, bouncy school day in G major.

Sixteen bars at 112 bpm: a glockenspiel tune doubled softly by a plucked string, strummed guitar, a walking
eighth-note bass, a kick and cross-stick groove and a shaker that keeps things moving without getting loud.
"""

from __future__ import annotations

from ..arrange import Piece, Track
from ..drums import kick, rim, shaker
from ..dsp import highpass_response, lowpass_response
from ..patterns import bassline, drum_grid, melody, strum, tile
from ..score import chart
from ..strings import guitar, harp
from ..synths import bell, synth_bass

BEATS = 4
BARS = 16

CHORDS = """
G:4 | Em7:4 | Cadd9:4 | D:4 |
G:4 | Bm7:4 | C:4 | D7sus4:2 D:2 |
Em7:4 | C:4 | G/B:4 | Am7:4 |
C:4 | D:4 | G:2 Em7:2 | C:2 D:2
"""

TUNE = """
D5:.5 G5 r G5 A5 B5 A5:1 | G5:.5 E5 r E5 D5:1 B4 | C5:.5 E5 G5 D5 E5:1 r:.5 G5 | F#5:1.5 D5:.5? D5:1 r:1 |
D5:.5 G5 r G5 B5 D6 B5:1 | A5:.5 F#5 r D5 F#5:1 A5 | G5:.5 E5 C5 E5 G5:1 E5 | D5:1 r:1 F#5:1 A5:1! |
B5:1.5 A5:.5 G5:1 E5 | G5:1.5 E5:.5 C5:2 | D5:.5 E5 D5 B4 D5:1 G5 | E5:1.5 D5:.5 C5:1 A4 |
r:.5 C5 E5 G5 C6:1! B5 | A5:1 F#5:.5 A5 D6:2 | B5:1 G5 E5 G5 | E5:1 D5 F#5 A5:.5 r:.5
"""

KICK = "x.......x.x....."
RIM = "....x.......x..o"
SHAKER = "oxoxoxoxoxoxoxox"


def piece() -> Piece:
    """Build the everyday theme."""
    spans, _ = chart(CHORDS, BEATS)
    tune = melody(TUNE, BEATS, velocity=0.62)
    bar = float(BEATS)
    return Piece(
        name="everyday",
        bpm=112,
        beats_per_bar=BEATS,
        bars=BARS,
        reverb_time=1.4,
        reverb_level=0.25,
        delay_beats=0.75,
        delay_feedback=0.25,
        loudness=0.125,
        seed=23,
        tracks=[
            Track("bell", bell, tune, gain=0.42, pan=0.25, reverb=0.3, delay=0.12),
            Track("pluck", harp, melody(TUNE, BEATS, transpose=-12, velocity=0.5), gain=0.22, pan=-0.2, reverb=0.2),
            Track(
                "guitar",
                guitar,
                strum(spans, "D.dU.uDu", BEATS, low=43, velocity=0.55),
                gain=0.24,
                pan=-0.4,
                reverb=0.15,
                eq=highpass_response(120.0),
            ),
            Track(
                "bass",
                synth_bass,
                bassline(spans, "1.x.5.x3", 0.5, low=36, velocity=0.7),
                gain=0.45,
                reverb=0.03,
                eq=lowpass_response(1200.0),
            ),
            Track("kick", kick, tile(drum_grid(KICK, 4), bar, BARS), gain=0.45, reverb=0.05, timing=0.002),
            Track("rim", rim, tile(drum_grid(RIM, 4), bar, BARS), gain=0.22, pan=0.15, reverb=0.15, timing=0.003),
            Track(
                "shaker",
                shaker,
                tile(drum_grid(SHAKER, 4, velocity=0.7), bar, BARS),
                gain=0.13,
                pan=0.4,
                reverb=0.1,
                timing=0.004,
            ),
        ],
    )
