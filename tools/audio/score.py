"""A tiny text notation for our scores: melodies, chord charts and bar checks.

A melody line is space-separated tokens, `PITCH:BEATS` (`E5:1.5`, `F#4:1/2`), a rest `r:BEATS`, or a stacked
chord `[C4 E4 G4]:2`. A token without `:BEATS` reuses the previous length. `!` after a token accents it and
`?` softens it. `|` marks bar lines, and every bar is checked to add up to the metre, so a typo in the score
fails the build instead of quietly shifting everything after it.

A chord chart is the same idea with chord symbols: `D:4 A/C#:4 | Bm7:2 G:2`. Symbols are a root, an optional
quality from `QUALITIES` and an optional slash bass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

PITCH_CLASSES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}

QUALITIES: dict[str, tuple[int, ...]] = {
    "": (0, 4, 7),
    "m": (0, 3, 7),
    "5": (0, 7),
    "6": (0, 4, 7, 9),
    "m6": (0, 3, 7, 9),
    "7": (0, 4, 7, 10),
    "m7": (0, 3, 7, 10),
    "maj7": (0, 4, 7, 11),
    "9": (0, 4, 7, 10, 14),
    "m9": (0, 3, 7, 10, 14),
    "maj9": (0, 4, 7, 11, 14),
    "add9": (0, 4, 7, 14),
    "madd9": (0, 3, 7, 14),
    "sus2": (0, 2, 7),
    "sus4": (0, 5, 7),
    "7sus4": (0, 5, 7, 10),
    "dim": (0, 3, 6),
    "m7b5": (0, 3, 6, 10),
    "aug": (0, 4, 8),
}

ACCENT = 0.15
SOFTEN = 0.2

_PITCH = re.compile(r"^([A-Ga-g])([#b]?)(-?\d)?$")
_CHORD = re.compile(r"^([A-G][#b]?)([A-Za-z0-9]*)(?:/([A-G][#b]?))?$")


class ScoreError(ValueError):
    """A score that cannot be read: the message says which token and why."""


@dataclass(frozen=True)
class Event:
    """A sounding thing in a line: when (beats from the line's start), how long, which pitches, how hard."""

    start: float
    length: float
    pitches: tuple[int, ...]
    velocity: float


@dataclass(frozen=True)
class Chord:
    """A chord symbol resolved to a root pitch class, intervals above it and a bass pitch class."""

    symbol: str
    root: int
    intervals: tuple[int, ...]
    bass: int

    def pitch_classes(self) -> tuple[int, ...]:
        """The chord's pitch classes, root first."""
        return tuple((self.root + i) % 12 for i in self.intervals)


@dataclass(frozen=True)
class ChordSpan:
    """A chord held from `start` for `length` beats."""

    start: float
    length: float
    chord: Chord


def pitch_class(name: str) -> int:
    """`C#` -> 1, `Bb` -> 10."""
    match = _PITCH.match(name)
    if not match:
        raise ScoreError(f"not a note name: {name!r}")
    letter, accidental, _ = match.groups()
    offset = {"#": 1, "b": -1, "": 0}[accidental]
    return (PITCH_CLASSES[letter.upper()] + offset) % 12


def midi(name: str) -> int:
    """Scientific pitch to MIDI: `C4` -> 60, `A4` -> 69, `Bb2` -> 46."""
    match = _PITCH.match(name)
    if not match or match.group(3) is None:
        raise ScoreError(f"not a pitch with an octave: {name!r}")
    letter, accidental, octave = match.groups()
    offset = {"#": 1, "b": -1, "": 0}[accidental]
    return 12 * (int(octave) + 1) + PITCH_CLASSES[letter.upper()] + offset


def beats(text: str) -> float:
    """`1`, `.5`, `1.5`, `1/3`, `3/2` -> beats as a float."""
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError) as error:
        raise ScoreError(f"not a length in beats: {text!r}") from error
    if value <= 0:
        raise ScoreError(f"a length must be positive: {text!r}")
    return float(value)


def chord(symbol: str) -> Chord:
    """Resolve a chord symbol such as `Bm7`, `Gadd9`, `A/C#`."""
    match = _CHORD.match(symbol)
    if not match:
        raise ScoreError(f"not a chord symbol: {symbol!r}")
    root_name, quality, bass_name = match.groups()
    if quality not in QUALITIES:
        raise ScoreError(f"unknown chord quality {quality!r} in {symbol!r}")
    root = pitch_class(root_name)
    bass = pitch_class(bass_name) if bass_name else root
    return Chord(symbol, root, QUALITIES[quality], bass)


def _split_tokens(text: str) -> list[str]:
    """Tokens and bar lines; a bracketed chord stays one token even with spaces inside."""
    return re.findall(r"\[[^\]]*\](?::[^\s|]+)?[!?]*|\||[^\s|]+", text)


def _check_bar(bar_total: float, beats_per_bar: float | None, bar_index: int, text: str) -> None:
    if beats_per_bar is not None and abs(bar_total - beats_per_bar) > 1e-6:
        raise ScoreError(f"bar {bar_index + 1} has {bar_total:g} beats, expected {beats_per_bar:g}: {text[:60]!r}...")


def line(text: str, beats_per_bar: float | None = None, velocity: float = 0.7) -> tuple[list[Event], float]:
    """Read a melody line; returns its events and its total length in beats."""
    events: list[Event] = []
    position = 0.0
    bar_start = 0.0
    bar_index = 0
    length = 1.0
    for token in _split_tokens(text):
        if token == "|":
            _check_bar(position - bar_start, beats_per_bar, bar_index, text)
            bar_start = position
            bar_index += 1
            continue
        marks = re.search(r"[!?]*$", token).group(0)  # type: ignore[union-attr]
        body = token[: len(token) - len(marks)]
        level = velocity + ACCENT * marks.count("!") - SOFTEN * marks.count("?")
        if ":" in body and not body.endswith("]"):
            head, _, size = body.rpartition(":")
            length = beats(size)
        else:
            head = body
        if head in ("r", "-"):
            position += length
            continue
        names = head[1:-1].split() if head.startswith("[") else [head]
        if not names:
            raise ScoreError(f"empty chord in {token!r}")
        events.append(Event(position, length, tuple(midi(n) for n in names), min(max(level, 0.05), 1.0)))
        position += length
    if position > bar_start:
        _check_bar(position - bar_start, beats_per_bar, bar_index, text)
    return events, position


def chart(text: str, beats_per_bar: float | None = None) -> tuple[list[ChordSpan], float]:
    """Read a chord chart; returns the chord spans and the total length in beats."""
    spans: list[ChordSpan] = []
    position = 0.0
    bar_start = 0.0
    bar_index = 0
    length = float(beats_per_bar or 4)
    for token in _split_tokens(text):
        if token == "|":
            _check_bar(position - bar_start, beats_per_bar, bar_index, text)
            bar_start = position
            bar_index += 1
            continue
        symbol, _, size = token.partition(":")
        if size:
            length = beats(size)
        spans.append(ChordSpan(position, length, chord(symbol)))
        position += length
    if position > bar_start:
        _check_bar(position - bar_start, beats_per_bar, bar_index, text)
    return spans, position
