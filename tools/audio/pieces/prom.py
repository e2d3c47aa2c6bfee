"""Prom theme: a dreamy slow dance in D-flat major under pink and purple lights.

Twelve bars at 76 bpm: wide shimmering pads, an electric piano rippling in eighths, a half-time beat drowned in
reverb, a round bass and a breathy lead with echoes, plus a few bell sparkles.
"""

from __future__ import annotations

from ..arrange import Piece, Track
from ..drums import kick, shaker, snare
from ..dsp import highpass_response, lowpass_response
from ..patterns import arpeggio, bassline, drum_grid, melody, pads, tile
from ..score import chart
from ..synths import bell, dream_pad, electric_piano, soft_lead, synth_bass

BEATS = 4
BARS = 12

CHORDS = """
Dbmaj7:4 | Bbm9:4 | Gbmaj7:4 | Ab6:4 |
Dbmaj7:4 | Fm7:4 | Gbmaj9:4 | Ab7sus4:2 Ab:2 |
Bbm7:4 | Gbmaj7:4 | Ebm7:2 Fm7:2 | Gbmaj7:2 Ab7sus4:2
"""

TUNE = """
F5:1.5 Eb5:.5 C5:2 | Db5:1 F5:1 C5:2 | Bb4:1.5 Db5:.5 F5:1 Gb5:1 | F5:2 Eb5:2? |
r:1 Ab5:1 F5:1 Eb5:1 | Eb5:1 C5:1 Ab4:2 | Bb4:1 Db5:1 F5:1.5 Ab5:.5 | Gb5:2 F5:1 Eb5:1 |
Db5:1.5 F5:.5 Ab5:2! | Bb5:1 Ab5:1 F5:2 | Gb5:1 F5:1 Eb5:1 C5:1 | Db5:2 Eb5:2?
"""

SPARKLE = """
r:3.5 Ab6:.5 | r:4 | r:3.5 F6:.5 | r:4 | r:3.5 Ab6:.5 | r:4 | r:3 Db7:.5 Bb6:.5 | r:4 |
r:3.5 F6:.5 | r:4 | r:4 | r:3 Eb7:.5 C7:.5
"""

RIPPLE = (0, 1, 2, 3, 4, 3, 2, 1)

BEAT = {"kick": "X.........x.....", "snare": "........X.......", "shaker": "..o...o...o...o."}


def piece() -> Piece:
    """Build the prom theme."""
    spans, _ = chart(CHORDS, BEATS)
    bar = float(BEATS)
    return Piece(
        name="prom",
        bpm=76,
        beats_per_bar=BEATS,
        bars=BARS,
        reverb_time=3.4,
        reverb_level=0.45,
        reverb_damping=0.35,
        delay_beats=0.75,
        delay_feedback=0.45,
        loudness=0.115,
        seed=79,
        tracks=[
            Track(
                "pad",
                dream_pad,
                pads(spans, low=53, count=4, velocity=0.55),
                gain=0.3,
                reverb=0.45,
                eq=lowpass_response(3000.0),
            ),
            Track(
                "ripple",
                electric_piano,
                arpeggio(spans, RIPPLE, 0.5, low=60, ring=2.0, velocity=0.42, accents=(1.0, 0.7, 0.85, 0.7)),
                gain=0.3,
                pan=-0.3,
                reverb=0.35,
                delay=0.2,
            ),
            Track(
                "lead",
                soft_lead,
                melody(TUNE, BEATS, velocity=0.55),
                gain=0.34,
                pan=0.15,
                reverb=0.45,
                delay=0.3,
                timing=0.01,
            ),
            Track("sparkle", bell, melody(SPARKLE, BEATS, velocity=0.5), gain=0.22, pan=0.45, reverb=0.6, delay=0.4),
            Track(
                "bass",
                synth_bass,
                bassline(spans, "1......51.......", 0.25, low=37, velocity=0.65),
                gain=0.5,
                reverb=0.05,
                eq=lowpass_response(700.0),
            ),
            Track("kick", kick, tile(drum_grid(BEAT["kick"], 4), bar, BARS), gain=0.45, reverb=0.15, timing=0.002),
            Track(
                "snare",
                snare,
                tile(drum_grid(BEAT["snare"], 4, velocity=0.6), bar, BARS),
                gain=0.25,
                pan=0.05,
                reverb=0.7,
                timing=0.002,
                eq=highpass_response(200.0),
            ),
            Track(
                "shaker",
                shaker,
                tile(drum_grid(BEAT["shaker"], 4, velocity=0.6), bar, BARS),
                gain=0.12,
                pan=0.35,
                reverb=0.3,
            ),
        ],
    )
