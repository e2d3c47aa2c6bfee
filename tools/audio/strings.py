"""Plucked strings by Karplus-Strong: the soft guitar, the harp-like arpeggios and the plucked bass.

A burst of filtered noise circulates in a delay line one period long; an averaging filter in the loop takes the
high harmonics away first, which is exactly how a real string loses its brightness. The loop is computed a whole
period at a time with numpy (each period only needs the one before), and the result is resampled by a tiny ratio
so the pitch is exact rather than rounded to a whole-sample period.
"""

from __future__ import annotations

import numpy as np

from .dsp import SAMPLE_RATE, seconds
from .envelopes import exp_decay, release_tail


def karplus_strong(
    freq: float,
    length: int,
    rng: np.random.Generator,
    brightness: float = 0.5,
    ring_time: float = 2.0,
    position: float = 0.18,
) -> np.ndarray:
    """Raw plucked-string signal of `length` samples at exactly `freq` Hz.

    `brightness` 0..1 is how sharp the pick is, `ring_time` the seconds to fall by 60 dB, `position` where along
    the string it is plucked (0.5 is the middle: hollow; near 0: thin).
    """
    period = max(round(SAMPLE_RATE / freq - 0.5), 2)
    native = SAMPLE_RATE / (period + 0.5)
    ratio = freq / native
    total = int(np.ceil(length * ratio)) + 2
    excitation = rng.uniform(-1.0, 1.0, period)
    for _ in range(round((1.0 - brightness) * 6)):
        excitation = 0.5 * (excitation + np.roll(excitation, 1))
    shift = max(1, int(position * period))
    excitation = excitation - np.roll(excitation, shift)
    excitation -= excitation.mean()
    gain = 10.0 ** (-3.0 * (period + 0.5) / (ring_time * SAMPLE_RATE))
    buffer = np.zeros(total + period + 1)
    buffer[1 : period + 1] = excitation
    for start in range(period + 1, total + 1, period):
        stop = min(start + period, buffer.shape[0])
        count = stop - start
        buffer[start:stop] = (
            gain
            * 0.5
            * (
                buffer[start - period : start - period + count]
                + buffer[start - period - 1 : start - period - 1 + count]
            )
        )
    raw = buffer[1 : total + 1]
    positions = np.arange(length) * ratio
    return np.interp(positions, np.arange(raw.shape[0]), raw)


def guitar(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A soft nylon-ish guitar note that rings past `held` and is then gently muted."""
    ring = float(np.clip(2.6 * (196.0 / freq) ** 0.5, 0.8, 4.0))
    length = seconds(held + 0.25)
    tone = karplus_strong(freq, length, rng, brightness=0.35 + 0.35 * velocity, ring_time=ring, position=0.2)
    env = release_tail(length, held, 0.22) * exp_decay(length, 1e9, attack=0.003)
    return tone * env * (0.3 + 0.7 * velocity) * 0.9


def harp(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A brighter pluck that always rings out (arpeggio sparkle), ignoring how long the note is held."""
    ring = float(np.clip(2.0 * (330.0 / freq) ** 0.4, 0.6, 3.0))
    length = seconds(ring * 0.9)
    tone = karplus_strong(freq, length, rng, brightness=0.55 + 0.3 * velocity, ring_time=ring, position=0.12)
    env = release_tail(length, ring * 0.6, ring * 0.3) * exp_decay(length, 1e9, attack=0.002)
    return tone * env * (0.3 + 0.7 * velocity)


def plucked_bass(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A round finger-plucked bass: a dark string plus a sine fundamental for weight, muted after `held`."""
    length = seconds(held + 0.12)
    t = np.arange(length) / SAMPLE_RATE
    string = karplus_strong(freq, length, rng, brightness=0.15 + 0.2 * velocity, ring_time=3.0, position=0.3)
    body = np.sin(2 * np.pi * freq * t) * np.exp(-t / 1.6)
    env = release_tail(length, held, 0.1) * exp_decay(length, 1e9, attack=0.004)
    mix = 0.65 * string / max(float(np.max(np.abs(string))), 1e-9) + 0.55 * body
    return mix * env * (0.35 + 0.65 * velocity)
