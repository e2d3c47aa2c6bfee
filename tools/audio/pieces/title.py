"""Title theme: hopeful, in D major, a piano tune over a fingerpicked guitar and a faint warm pad.

Twelve bars at 84 bpm. The tune climbs in its last phrase and leaves on the dominant so that the loop's return
to the first bar feels like arriving home rather than starting over.
"""

from __future__ import annotations

from ..arrange import Piece, Track
from ..dsp import highpass_response, lowpass_response
from ..patterns import arpeggio, melody, pads
from ..piano import piano
from ..score import chart
from ..strings import guitar
from ..synths import warm_pad

BEATS = 4

CHORDS = """
D:4 | A/C#:4 | Bm7:4 | Gmaj7:4 |
D/F#:4 | G:4 | Em7:4 | A7sus4:2 A:2 |
Bm7:4 | Gmaj7:4 | D/F#:2 G:2 | Asus4:2 A:2
"""

TUNE = """
r:1 F#5:.5 A5 A5:1 F#5:.5 E5 | E5:1.5 D5:.5 C#5:1 A4 | r:.5 B4 D5 F#5 A5:1! F#5 | G5:1 F#5:.5 E5 D5:2 |
r:1 A4:.5 D5 F#5:1 E5:.5 D5 | B4:1.5 D5:.5 G5:2 | F#5:.5 E5 D5 B4 E5:1 D5 | D5:2 C#5:2? |
r:.5 D5 F#5 B5 B5:1! A5 | F#5:1 G5:.5 F#5 E5:2 | D5:1 F#5 G5 B5 | A5:2! G5:1 E5:1
"""

GUITAR_FIGURE = (-1, 1, 2, 3, 0, 2, 1, 3)


def piece() -> Piece:
    """Build the title theme."""
    spans, _ = chart(CHORDS, BEATS)
    return Piece(
        name="title",
        bpm=84,
        beats_per_bar=BEATS,
        bars=12,
        reverb_time=2.4,
        loudness=0.12,
        seed=11,
        tracks=[
            Track("tune", piano, melody(TUNE, BEATS, velocity=0.62), gain=1.0, pan=0.1, reverb=0.35, delay=0.08),
            Track(
                "left hand",
                piano,
                pads(spans, low=50, count=3, velocity=0.35, bass=True),
                gain=0.8,
                pan=-0.1,
                reverb=0.3,
            ),
            Track(
                "guitar",
                guitar,
                arpeggio(spans, GUITAR_FIGURE, 0.5, low=55, ring=3.0, velocity=0.5, accents=(1.0, 0.7, 0.8, 0.7)),
                gain=0.33,
                pan=-0.35,
                reverb=0.25,
                eq=highpass_response(90.0),
            ),
            Track(
                "pad",
                warm_pad,
                pads(spans, low=57, count=3, velocity=0.5),
                gain=0.2,
                pan=0.0,
                reverb=0.5,
                eq=lowpass_response(1800.0),
            ),
        ],
    )
