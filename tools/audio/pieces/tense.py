"""Tense theme: D minor, sparse, over a heartbeat pulse.

Eight slow bars at 68 bpm. A soft lub-dub on every beat, a muted low pulse, a dark pad and a drone, and a few
high piano notes that hang in the reverb. Nothing resolves: the last bar sits on the dominant.
"""

from __future__ import annotations

from ..arrange import Piece, Track
from ..drums import heartbeat
from ..dsp import lowpass_response
from ..patterns import bassline, drum_grid, melody, pads, tile
from ..piano import piano
from ..score import chart
from ..strings import plucked_bass
from ..synths import warm_pad

BEATS = 4
BARS = 8

CHORDS = "Dm:4 | Dm:4 | Bb:4 | Bb:4 | Gm:4 | Gm:4 | A7sus4:4 | A:4"

DRONE = "[D2 A2]:4 | [D2 A2]:4 | [D2 A2]:4 | [D2 A2]:4 | [D2 A2]:4 | [D2 A2]:4 | [D2 A2]:4 | [D2 A2]:4"

NOTES = """
r:2 A5:1 r:1 | r:1 F5:1 E5:2 | r:2 D5:1 r:1 | F5:2? r:2 |
r:1 G5:1 Bb5:2 | r:2 A5:1 G5:1? | r:1 E5:2 C#5:1 | r:4
"""

HEART = "Xo..Xo..Xo..Xo.."


def piece() -> Piece:
    """Build the tense theme."""
    spans, _ = chart(CHORDS, BEATS)
    return Piece(
        name="tense",
        bpm=68,
        beats_per_bar=BEATS,
        bars=BARS,
        reverb_time=3.2,
        reverb_level=0.45,
        reverb_damping=0.7,
        delay_beats=1.5,
        delay_feedback=0.3,
        loudness=0.075,
        seed=37,
        tracks=[
            Track(
                "heart",
                heartbeat,
                tile(drum_grid(HEART, 4, velocity=0.85), float(BEATS), BARS),
                gain=0.9,
                reverb=0.05,
                timing=0.0,
                dynamics=0.03,
            ),
            Track(
                "pulse",
                plucked_bass,
                bassline(spans, "x-x-x-x-", 0.5, low=38, velocity=0.45),
                gain=0.25,
                reverb=0.1,
                eq=lowpass_response(500.0),
            ),
            Track(
                "drone", warm_pad, melody(DRONE, BEATS, velocity=0.5), gain=0.25, reverb=0.3, eq=lowpass_response(600.0)
            ),
            Track(
                "pad",
                warm_pad,
                pads(spans, low=53, count=3, velocity=0.45),
                gain=0.16,
                pan=0.0,
                reverb=0.5,
                eq=lowpass_response(1200.0),
            ),
            Track("piano", piano, melody(NOTES, BEATS, velocity=0.5), gain=0.8, pan=0.2, reverb=0.6, delay=0.25),
        ],
    )
