"""Accompaniment figures that turn a chord chart into notes: arpeggios, strums, bass lines, pads, drum grids.

Scores say what to play once (a chart, a figure, a rhythm string); these functions repeat the figure over every
chord so that a piece module reads like a lead sheet rather than a list of thousands of notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .score import Chord, ChordSpan, ScoreError, line


@dataclass(frozen=True)
class Note:
    """One note for a track: start and length in beats from the loop start, MIDI pitch (None for drums)."""

    start: float
    length: float
    pitch: float | None
    velocity: float


def voicing(chord: Chord, low: int, count: int) -> list[int]:
    """`count` chord tones in close position, rising from the first chord tone at or above MIDI `low`."""
    classes = set(chord.pitch_classes())
    notes: list[int] = []
    pitch = low
    while len(notes) < count:
        if pitch % 12 in classes:
            notes.append(pitch)
        pitch += 1
    return notes


def bass_pitch(chord: Chord, low: int) -> int:
    """The chord's bass note (its slash bass, else its root) at or above MIDI `low`, within an octave."""
    return low + (chord.bass - low) % 12


def melody(
    text: str, beats_per_bar: float, transpose: int = 0, velocity: float = 0.7, offset: float = 0.0
) -> list[Note]:
    """A melody line in score notation as notes (stacked chords become several notes)."""
    events, _ = line(text, beats_per_bar, velocity)
    return [Note(offset + e.start, e.length, float(p + transpose), e.velocity) for e in events for p in e.pitches]


def pads(spans: Iterable[ChordSpan], low: int, count: int = 4, velocity: float = 0.6, bass: bool = False) -> list[Note]:
    """Each chord held for its whole span, voiced from `low`; with `bass`, its bass note an octave below too."""
    notes: list[Note] = []
    for span in spans:
        for pitch in voicing(span.chord, low, count):
            notes.append(Note(span.start, span.length, float(pitch), velocity))
        if bass:
            notes.append(Note(span.start, span.length, float(bass_pitch(span.chord, low - 12)), velocity))
    return notes


def arpeggio(
    spans: Iterable[ChordSpan],
    figure: Sequence[int],
    step: float,
    low: int,
    ring: float = 2.0,
    velocity: float = 0.6,
    accents: Sequence[float] = (1.0,),
    bass_low: int | None = None,
) -> list[Note]:
    """Play `figure` (indices into the chord's voicing; -1 is the bass note) every `step` beats over each chord.

    Each note is held for `ring` steps (or to the chord's end, whichever is sooner), `accents` scales the
    velocity of successive steps in a repeating pattern.
    """
    notes: list[Note] = []
    for span in spans:
        tones = voicing(span.chord, low, max(max(figure) + 1, 1))
        bass = bass_pitch(span.chord, bass_low if bass_low is not None else low - 12)
        count = round(span.length / step)
        for i in range(count):
            index = figure[i % len(figure)]
            pitch = bass if index < 0 else tones[index]
            held = min(ring * step, span.length - i * step)
            level = velocity * accents[i % len(accents)]
            notes.append(Note(span.start + i * step, held, float(pitch), level))
    return notes


def strum(
    spans: Iterable[ChordSpan],
    rhythm: str,
    beats_per_bar: float,
    low: int,
    strings: int = 5,
    velocity: float = 0.6,
    spread: float = 0.025,
) -> list[Note]:
    """Guitar strums following a one-bar rhythm string repeated over every chord.

    `D`/`d` strum down loud/soft, `U`/`u` up loud/soft, `.` lets ring, `-` mutes. Each strum spreads its strings
    `spread` beats apart (low to high down, high to low up) and rings until the next strum or mute.
    """
    step = beats_per_bar / len(rhythm)
    levels = {"D": 1.0, "d": 0.65, "U": 0.8, "u": 0.5}
    if any(c not in "DdUu.-" for c in rhythm):
        raise ScoreError(f"strum rhythm may only use D d U u . -: {rhythm!r}")
    notes: list[Note] = []
    for span in spans:
        tones = [bass_pitch(span.chord, low), *voicing(span.chord, low + 7, strings - 1)]
        count = round(span.length / step)
        hits = [i for i in range(count) if rhythm[i % len(rhythm)] in levels]
        stops = [i for i in range(count) if rhythm[i % len(rhythm)] in levels or rhythm[i % len(rhythm)] == "-"]
        for i in hits:
            later = [s for s in stops if s > i]
            end = later[0] * step if later else span.length
            symbol = rhythm[i % len(rhythm)]
            order = tones if symbol in "Dd" else tones[::-1][: max(strings - 2, 2)]
            for k, pitch in enumerate(order):
                start = i * step + k * spread
                notes.append(
                    Note(span.start + start, max(end - start, step * 0.5), float(pitch), velocity * levels[symbol])
                )
    return notes


def bassline(spans: Iterable[ChordSpan], pattern: str, step: float, low: int, velocity: float = 0.7) -> list[Note]:
    """A bass figure per chord: `1` bass note, `3` third, `5` fifth, `8` octave, `7` seventh-ish, `.` hold, `-` rest.

    Lowercase `x` plays the bass note softly. Notes hold through following `.` steps.
    """
    allowed = set("13578x.-")
    if any(c not in allowed for c in pattern):
        raise ScoreError(f"bass pattern may only use {''.join(sorted(allowed))}: {pattern!r}")
    notes: list[Note] = []
    for span in spans:
        base = bass_pitch(span.chord, low)
        classes = span.chord.intervals
        third = 3 if 3 in classes else 4 if 4 in classes else 2 if 2 in classes else 5
        seventh = 10 if 10 in classes else 11 if 11 in classes else 9
        offsets = {"1": 0, "x": 0, "3": third, "5": 7, "7": seventh, "8": 12}
        root_based = {"3", "5", "7"}
        count = round(span.length / step)
        for i in range(count):
            symbol = pattern[i % len(pattern)]
            if symbol not in offsets:
                continue
            held = 1
            while i + held < count and pattern[(i + held) % len(pattern)] == ".":
                held += 1
            anchor = base
            if symbol in root_based:
                anchor = low + (span.chord.root - low) % 12
            level = velocity * (0.6 if symbol == "x" else 1.0)
            notes.append(Note(span.start + i * step, held * step * 0.92, float(anchor + offsets[symbol]), level))
    return notes


def drum_grid(pattern: str, steps_per_beat: int, velocity: float = 0.8) -> list[Note]:
    """Drum hits from a grid: `X` accent, `x` hit, `o` ghost, `.` nothing; `|` and spaces are for the eye."""
    levels = {"X": 1.0, "x": 0.8, "o": 0.4}
    step = 1.0 / steps_per_beat
    cells = [c for c in pattern if c not in "| "]
    if any(c not in "Xxo." for c in cells):
        raise ScoreError(f"drum grid may only use X x o . | and spaces: {pattern!r}")
    return [Note(i * step, step, None, velocity * levels[c]) for i, c in enumerate(cells) if c in levels]


def tile(notes: Sequence[Note], span: float, times: int) -> list[Note]:
    """Repeat a figure `times` times, `span` beats apart."""
    return [replace(n, start=n.start + k * span) for k in range(times) for n in notes]


def shift(notes: Sequence[Note], beats: float) -> list[Note]:
    """Move notes later by `beats`."""
    return [replace(n, start=n.start + beats) for n in notes]


def stabs(
    spans: Iterable[ChordSpan],
    rhythm: str,
    step: float,
    low: int,
    count: int = 3,
    hold: float = 0.5,
    velocity: float = 0.5,
) -> list[Note]:
    """Short block chords on the `x` (or softer `o`) steps of a rhythm string repeated over every chord.

    A `.` step is silent. Chords are voiced from `low` and held for `hold` steps: the "pah-pah" of a waltz
    or the off-beat chops of a ska-ish piano.
    """
    if any(c not in "xo." for c in rhythm):
        raise ScoreError(f"stab rhythm may only use x o .: {rhythm!r}")
    notes: list[Note] = []
    for span in spans:
        tones = voicing(span.chord, low, count)
        for i in range(round(span.length / step)):
            symbol = rhythm[i % len(rhythm)]
            if symbol == ".":
                continue
            level = velocity * (1.0 if symbol == "x" else 0.6)
            notes.extend(Note(span.start + i * step, hold * step, float(p), level) for p in tones)
    return notes
