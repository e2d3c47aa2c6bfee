"""Pieces, tracks and the seamless loop render: the mixer that turns a score into a stereo loop.

A piece lasts a whole number of bars, and a bar a whole number of samples (the beat is rounded to whole samples
first), so the loop starts and ends on sample-exact bar lines. Rendering is circular: every note is mixed in at
its place modulo the loop length, so a chord ringing over the last bar line, and the reverb and echoes after
it, fold into the first bars. That is the same as rendering the piece twice and adding the end's tail into the
beginning, and it makes the join as smooth as any other moment of the music.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .dsp import SAMPLE_RATE, Response, add_at, filtered, highpass_response, midi_to_hz, pan, peak_response
from .effects import convolve, ping_pong, reverb_impulse, soft_limit
from .patterns import Note
from .voice import Voice


@dataclass
class Track:
    """One instrument's part and where it sits in the mix."""

    name: str
    voice: Voice
    notes: Sequence[Note]
    gain: float = 1.0
    pan: float = 0.0
    reverb: float = 0.2
    delay: float = 0.0
    eq: Response | None = None
    timing: float = 0.006
    dynamics: float = 0.06
    variants: int = 3


@dataclass
class Piece:
    """A looping piece of music: its tempo, metre, length in bars, tracks and room."""

    name: str
    bpm: float
    beats_per_bar: int
    bars: int
    tracks: list[Track] = field(default_factory=list)
    reverb_time: float = 2.2
    reverb_damping: float = 0.5
    reverb_level: float = 0.35
    delay_beats: float = 0.75
    delay_feedback: float = 0.35
    loudness: float = 0.13
    seed: int = 1

    @property
    def samples_per_beat(self) -> int:
        """The beat rounded to whole samples, so that every bar line is a whole sample."""
        return round(SAMPLE_RATE * 60.0 / self.bpm)

    @property
    def loop_samples(self) -> int:
        """Loop length in samples: bars times beats times samples per beat, exactly."""
        return self.bars * self.beats_per_bar * self.samples_per_beat

    @property
    def beats(self) -> int:
        """Loop length in beats."""
        return self.bars * self.beats_per_bar


VELOCITY_STEPS = 12


def _rng(seed: int, name: str) -> np.random.Generator:
    """A generator per piece and track that does not depend on Python's per-run string hashing."""
    return np.random.default_rng([seed, zlib.crc32(name.encode("utf-8"))])


def render_track(piece: Piece, track: Track) -> np.ndarray:
    """The track's dry mono signal over one loop, with tails wrapped to the start.

    Like a sampler, a track renders each distinct note (pitch, held time, loudness step) at most `variants`
    times and reuses those takes, scaled to the exact loudness: repeated figures cost almost nothing, and the
    takes still differ a little from one another as real notes do.
    """
    length = piece.loop_samples
    spb = piece.samples_per_beat
    rng = _rng(piece.seed, track.name)
    out = np.zeros(length)
    takes: dict[tuple[float, int, int, int], np.ndarray] = {}
    for note in track.notes:
        if note.start < 0 or note.start >= piece.beats:
            raise ValueError(f"{piece.name}/{track.name}: note at beat {note.start} is outside the loop")
        jitter = rng.normal(0.0, track.timing) if track.timing else 0.0
        start = round(note.start * spb + jitter * SAMPLE_RATE)
        level = float(np.clip(note.velocity * (1.0 + rng.normal(0.0, track.dynamics)), 0.02, 1.0))
        step = max(1, round(level * VELOCITY_STEPS))
        freq = midi_to_hz(note.pitch) if note.pitch is not None else 0.0
        held = note.length * spb / SAMPLE_RATE
        key = (freq, round(held * 1000), step, int(rng.integers(track.variants)))
        if key not in takes:
            takes[key] = track.voice(freq, key[1] / 1000, step / VELOCITY_STEPS, rng)
        add_at(out, takes[key] * (level * VELOCITY_STEPS / step), start, wrap=True)
    if track.eq is not None:
        out = filtered(out, track.eq, circular=True)
    return out


def render(piece: Piece) -> np.ndarray:
    """The finished stereo loop, levelled to the piece's loudness and gently limited."""
    length = piece.loop_samples
    dry = np.zeros((length, 2))
    reverb_send = np.zeros((length, 2))
    delay_send = np.zeros((length, 2))
    for track in piece.tracks:
        stereo = pan(render_track(piece, track), track.pan) * track.gain
        dry += stereo
        reverb_send += stereo * track.reverb
        delay_send += stereo * track.delay
    impulse = reverb_impulse(piece.reverb_time, _rng(piece.seed, "reverb"), damping=piece.reverb_damping)
    echoes = ping_pong(delay_send, round(piece.delay_beats * piece.samples_per_beat), piece.delay_feedback, True)
    wet = convolve(reverb_send + 0.5 * echoes, impulse, circular=True)
    mix = dry + echoes + piece.reverb_level * wet
    mix -= mix.mean(axis=0)
    mix *= piece.loudness / max(perceived_level(mix), 1e-9)
    return soft_limit(mix)


def perceived_level(signal: np.ndarray) -> float:
    """RMS after a rough hearing curve (less deep bass, a little more presence), so pieces match by ear."""
    hearing = highpass_response(120.0, 1)
    presence = peak_response(3000.0, 2500.0, 0.6)
    return float(np.sqrt(np.mean(filtered(signal, lambda f: hearing(f) * presence(f), circular=True) ** 2)))
