"""Tender theme: slow, intimate piano in E-flat major.

Eight bars at 63 bpm: a broken-chord left hand that rocks gently and a simple, singing right hand, with the
faintest pad behind. Close and quiet, as if played in the next room.
"""

from __future__ import annotations

from ..arrange import Piece, Track
from ..dsp import lowpass_response
from ..patterns import arpeggio, melody, pads
from ..piano import piano
from ..score import chart
from ..synths import warm_pad

BEATS = 4
BARS = 8

CHORDS = """
Ebmaj7:4 | Cm7:4 | Abmaj7:4 | Bb7sus4:2 Bb:2 |
Eb/G:4 | Abmaj7:4 | Fm7:4 | Bb7sus4:2 Bb:2
"""

TUNE = """
r:1 G5:1 Bb5:1.5 G5:.5 | G5:1 F5:.5 Eb5 C5:2 | r:1 C5:.5 Eb5 G5:1 F5 | Eb5:2 D5:2? |
r:1 Bb4:.5 Eb5 G5:1.5 Ab5:.5 | Bb5:1.5! G5:.5 Eb5:2 | F5:1 Ab5 G5:.5 F5 Eb5:1 | F5:2 D5:1? r:1
"""

LEFT_HAND = (-1, 0, 1, 2, 3, 2, 1, 0)


def piece() -> Piece:
    """Build the tender theme."""
    spans, _ = chart(CHORDS, BEATS)
    return Piece(
        name="tender",
        bpm=63,
        beats_per_bar=BEATS,
        bars=BARS,
        reverb_time=2.6,
        reverb_level=0.35,
        delay_beats=1.5,
        delay_feedback=0.2,
        loudness=0.095,
        seed=41,
        tracks=[
            Track(
                "tune",
                piano,
                melody(TUNE, BEATS, velocity=0.55),
                gain=1.0,
                pan=0.12,
                reverb=0.35,
                delay=0.05,
                timing=0.012,
            ),
            Track(
                "left hand",
                piano,
                arpeggio(
                    spans, LEFT_HAND, 0.5, low=51, ring=4.0, velocity=0.36, accents=(1.0, 0.75, 0.85, 0.75), bass_low=39
                ),
                gain=0.85,
                pan=-0.12,
                reverb=0.35,
                timing=0.01,
            ),
            Track(
                "pad",
                warm_pad,
                pads(spans, low=55, count=3, velocity=0.4),
                gain=0.1,
                reverb=0.5,
                eq=lowpass_response(1200.0),
            ),
        ],
    )
