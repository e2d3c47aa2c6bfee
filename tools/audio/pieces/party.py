"""Party theme: upbeat indie in E minor, drums and bass up front.

Sixteen bars at 120 bpm: four-on-the-floor kick, backbeat snare, off-beat hats, an eighth-note bass, strummed
guitar and a bright hook; the last bar is a tom fill that throws the loop back to its first downbeat.
"""

from __future__ import annotations

from ..arrange import Piece, Track
from ..drums import cymbal, hat, kick, open_hat, snare, tom
from ..dsp import highpass_response, lowpass_response
from ..patterns import Note, bassline, drum_grid, melody, pads, strum
from ..score import chart
from ..strings import guitar
from ..synths import soft_lead, synth_bass, warm_pad

BEATS = 4
BARS = 16

CHORDS = """
Em:4 | C:4 | G:4 | D:4 |
Em:4 | C:4 | G:4 | D:4 |
C:4 | G:4 | Am:4 | Em:4 |
C:4 | G:4 | Dsus4:2 D:2 | D:4
"""

HOOK = """
B4:.5 E5 G5 E5 B5:1 A5:.5 G5 | G5:1 E5:1 r:1 E5:.5 G5 | D5:.5 G5 B5 G5 D6:1 B5 | A5:1.5 F#5:.5 D5:1 r:1 |
B4:.5 E5 G5 E5 B5:1 A5:.5 G5 | G5:1 E5:1 r:1 E5:.5 G5 | D5:.5 G5 B5 G5 D6:1 B5 | A5:1 B5:.5 A5 F#5:1 r:1 |
E5:1.5 G5:.5 C6:1! B5 | B5:1.5 A5:.5 G5:1 D5 | C5:1 E5 A5 G5 | G5:2 r:2 |
E5:.5 G5 C6 B5 C6:1! G5 | B5:.5 D6 B5 G5 D5:2 | A5:2 G5:1 F#5 | r:4
"""

GROOVE = {
    "kick": ("X...x...X...x...", "X...x...X.x.x..."),
    "snare": ("....X.......X...", "....X.......X..o"),
    "hat": ("o.x.o.x.o.x.o.x.", "o.x.o.x.o.x.o..."),
    "open hat": ("................", "..............x."),
}

FILL = {"kick": "X...............", "snare": "....X.......oooo", "hat": "o.x.o.x.........", "open hat": "." * 16}

TOM_FILL = "G3:.25 G3 E3 E3 C3 C3 G2 G2"


def _groove(part: str) -> list[Note]:
    """Fifteen bars of groove (every fourth bar with its variation), then the fill bar's own hits."""
    plain, turn = GROOVE[part]
    bars = [turn if (b + 1) % 4 == 0 else plain for b in range(BARS - 1)]
    return drum_grid("|".join([*bars, FILL[part]]), 4)


def _toms() -> list[Note]:
    """The tom run down the last two beats, back into the crash on the loop's first downbeat."""
    return melody(TOM_FILL, 2.0, velocity=0.8, offset=(BARS - 1) * BEATS + 2.0)


def piece() -> Piece:
    """Build the party theme."""
    spans, _ = chart(CHORDS, BEATS)
    return Piece(
        name="party",
        bpm=120,
        beats_per_bar=BEATS,
        bars=BARS,
        reverb_time=1.3,
        reverb_level=0.22,
        delay_beats=0.75,
        delay_feedback=0.3,
        loudness=0.14,
        seed=67,
        tracks=[
            Track("kick", kick, _groove("kick"), gain=0.7, reverb=0.02, timing=0.001, dynamics=0.03),
            Track("snare", snare, _groove("snare"), gain=0.38, pan=0.05, reverb=0.18, timing=0.002),
            Track("hat", hat, _groove("hat"), gain=0.2, pan=0.3, reverb=0.05, timing=0.002),
            Track("open hat", open_hat, _groove("open hat"), gain=0.16, pan=0.3, reverb=0.08),
            Track("toms", tom, _toms(), gain=0.4, pan=-0.1, reverb=0.15, timing=0.002),
            Track("crash", cymbal, [Note(0.0, 1.0, None, 0.6)], gain=0.16, pan=-0.3, reverb=0.2, timing=0.0),
            Track(
                "bass",
                synth_bass,
                bassline(spans, "18181858", 0.5, low=28, velocity=0.75),
                gain=0.55,
                reverb=0.02,
                eq=lowpass_response(1500.0),
                timing=0.003,
            ),
            Track(
                "guitar",
                guitar,
                strum(spans, "D.DU.UDU", BEATS, low=40, velocity=0.6),
                gain=0.26,
                pan=-0.4,
                reverb=0.15,
                eq=highpass_response(150.0),
            ),
            Track("hook", soft_lead, melody(HOOK, BEATS, velocity=0.62), gain=0.28, pan=0.2, reverb=0.25, delay=0.15),
            Track(
                "pad",
                warm_pad,
                pads(spans, low=55, count=3, velocity=0.45),
                gain=0.1,
                reverb=0.3,
                eq=lowpass_response(2000.0),
            ),
        ],
    )
