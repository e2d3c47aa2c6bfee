"""Synthesised voices: warm pads, the dreamy prom pad, accordion reeds, electric piano, bells, bass and a soft lead.

All of them are additive (a sum of sines up to a safe top frequency), so nothing aliases and the brightness of
each voice is simply the slope of its harmonic amplitudes.
"""

from __future__ import annotations

import numpy as np

from .dsp import SAMPLE_RATE, seconds
from .envelopes import adsr, exp_decay, release_tail

TOP_HZ = 11000.0


def _cents(value: float) -> float:
    return 2.0 ** (value / 1200.0)


TABLE_SIZE = 4096


def _table(amplitudes: np.ndarray, phases: np.ndarray) -> np.ndarray:
    """One period of a waveform with the given harmonic amplitudes and phases, plus a wrap-around sample."""
    spectrum = np.zeros(TABLE_SIZE // 2 + 1, dtype=complex)
    count = amplitudes.shape[0]
    spectrum[1 : count + 1] = amplitudes * np.exp(1j * (phases - np.pi / 2)) * (TABLE_SIZE / 2)
    period = np.fft.irfft(spectrum, n=TABLE_SIZE)
    return np.append(period, period[0])


def _read_table(table: np.ndarray, cycles: np.ndarray) -> np.ndarray:
    """Look the waveform up at `cycles` (periods elapsed, any real number) with linear interpolation."""
    position = np.mod(cycles, 1.0) * TABLE_SIZE
    index = position.astype(np.int64)
    frac = position - index
    return table[index] + frac * (table[index + 1] - table[index])


def _harmonics(
    freq: float,
    t: np.ndarray,
    rng: np.random.Generator,
    cutoff: float,
    slope: float = 1.0,
    odd_only: bool = False,
    limit: int = 40,
    vibrato: np.ndarray | None = None,
) -> np.ndarray:
    """A band-limited, softly low-passed harmonic tone (a saw with slope 1, a square with odd_only).

    The harmonics are summed once into a one-period table which is then read at the note's pitch: the same
    sound as adding sines one by one, at a fraction of the cost.
    """
    numbers = np.arange(1, limit + 1)
    numbers = numbers[numbers * freq <= TOP_HZ]
    amps = (1.0 / numbers**slope) / np.sqrt(1.0 + (numbers * freq / cutoff) ** 4)
    if odd_only:
        amps[numbers % 2 == 0] = 0.0
    phases = rng.uniform(0, 2 * np.pi, numbers.shape[0])
    table = _table(amps, phases)
    cycles = freq * (t if vibrato is None else t + vibrato)
    return _read_table(table, cycles) / max(float(amps.sum()), 1e-9)


def _vibrato_offset(t: np.ndarray, rate: float, depth_cents: float, delay: float, phase: float) -> np.ndarray:
    """A time offset whose derivative is a gentle pitch wobble that fades in after `delay` seconds."""
    depth = (2.0 ** (depth_cents / 1200.0) - 1.0) * np.clip((t - delay) / 0.4, 0.0, 1.0)
    return depth * np.sin(2 * np.pi * rate * t + phase) / (2 * np.pi * rate)


def warm_pad(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """Three gently detuned, dark saw voices with a slow swell: the bed under the title and tender themes."""
    release = 1.4
    length = seconds(held + release)
    t = np.arange(length) / SAMPLE_RATE
    cutoff = min(900.0 + 2.0 * freq, 2600.0)
    tone = sum(_harmonics(freq * _cents(c), t, rng, cutoff, slope=1.2, limit=24) for c in (-7.0, 0.0, 6.0))
    env = adsr(length, attack=0.7, decay=1.5, sustain=0.8, release=release, held=held)
    return tone / 3.0 * env * (0.4 + 0.6 * velocity)


def dream_pad(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A wide, shimmering pad for prom: more detune, a slow filter bloom and a quiet octave above."""
    release = 2.0
    length = seconds(held + release)
    t = np.arange(length) / SAMPLE_RATE
    tone = np.zeros(length)
    for c in (-12.0, -4.0, 5.0, 13.0):
        cutoff = 700.0 + 1.5 * freq
        tone += _harmonics(freq * _cents(c), t, rng, cutoff, slope=1.0, limit=30)
    bloom = 0.6 + 0.4 * np.clip(t / max(held, 0.5), 0.0, 1.0)
    shimmer = 0.18 * np.sin(2 * np.pi * 2 * freq * t + rng.uniform(0, 6.3)) * (0.5 + 0.5 * np.sin(2 * np.pi * 0.3 * t))
    env = adsr(length, attack=1.1, decay=2.0, sustain=0.85, release=release, held=held)
    return (tone / 4.0 * bloom + shimmer) * env * (0.4 + 0.6 * velocity)


def accordion(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """Two reeds tuned a little apart (the musette beat) with a nasal, bright spectrum and bellows breathing."""
    release = 0.09
    length = seconds(held + release)
    t = np.arange(length) / SAMPLE_RATE
    tone = np.zeros(length)
    for detune in (-9.0, 0.0, 9.0):
        reed_hz = freq * _cents(detune)
        numbers = np.arange(1, 26)
        numbers = numbers[numbers * reed_hz <= TOP_HZ]
        partial_hz = numbers * reed_hz
        formant = 1.0 + 1.6 * np.exp(-(((partial_hz - 1400.0) / 700.0) ** 2))
        amps = formant / numbers**0.95 / np.sqrt(1.0 + (partial_hz / 3500.0) ** 4)
        table = _table(amps, rng.uniform(0, 2 * np.pi, numbers.shape[0]))
        reed = _read_table(table, reed_hz * t) / float(amps.sum())
        tone += reed * (1.0 if detune == 0.0 else 0.7)
    bellows = 1.0 + 0.05 * np.sin(2 * np.pi * 4.8 * t + rng.uniform(0, 6.3))
    env = adsr(length, attack=0.035, decay=0.4, sustain=0.85, release=release, held=held)
    return tone / 2.4 * bellows * env * (0.35 + 0.65 * velocity)


def electric_piano(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A soft tine piano by phase modulation: a bell-ish bite at the start that mellows into a round tone."""
    release = 0.5
    length = seconds(min(held + release, 6.0))
    t = np.arange(length) / SAMPLE_RATE
    index = (0.4 + 1.6 * velocity) * np.exp(-t / 0.35) + 0.2
    modulator = np.sin(2 * np.pi * freq * t)
    body = np.sin(2 * np.pi * freq * t + index * modulator)
    tine = 0.12 * velocity * np.sin(2 * np.pi * freq * 7.0 * t) * np.exp(-t / 0.05)
    tremolo = 1.0 + 0.08 * np.sin(2 * np.pi * 4.0 * t + rng.uniform(0, 6.3))
    env = exp_decay(length, 2.2, attack=0.002) * release_tail(length, held, release)
    return (body + tine) * tremolo * env * (0.3 + 0.7 * velocity) * 0.8


def bell(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A small glockenspiel-like bell: inharmonic partials that each ring for their own time."""
    length = seconds(1.6)
    t = np.arange(length) / SAMPLE_RATE
    out = np.zeros(length)
    for ratio, amp, tau in ((1.0, 1.0, 0.7), (2.76, 0.45, 0.25), (5.4, 0.22, 0.1), (8.93, 0.1, 0.05)):
        if ratio * freq < TOP_HZ:
            out += amp * np.sin(2 * np.pi * ratio * freq * t + rng.uniform(0, 6.3)) * np.exp(-t / tau)
    env = exp_decay(length, 1e9, attack=0.001) * release_tail(length, 1.2, 0.4)
    return out / 1.77 * env * (0.3 + 0.7 * velocity)


def synth_bass(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A round electric-style bass: strong fundamental, a little growl that fades, quick mute on release."""
    release = 0.06
    length = seconds(held + release)
    t = np.arange(length) / SAMPLE_RATE
    growl = np.exp(-t / 0.25)
    tone = (
        np.sin(2 * np.pi * freq * t)
        + (0.35 + 0.2 * velocity) * growl * np.sin(2 * np.pi * 2 * freq * t + 0.3)
        + 0.18 * growl * np.sin(2 * np.pi * 3 * freq * t + 0.7)
    )
    env = adsr(length, attack=0.006, decay=0.5, sustain=0.7, release=release, held=held)
    return tone / 1.4 * env * (0.35 + 0.65 * velocity)


def soft_lead(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A hollow, flute-ish square lead with delayed vibrato for hooks that should sing, not shout."""
    release = 0.12
    length = seconds(held + release)
    t = np.arange(length) / SAMPLE_RATE
    vib = _vibrato_offset(t, 5.2, 14.0, 0.25, rng.uniform(0, 6.3))
    tone = _harmonics(freq, t, rng, cutoff=2.2 * freq + 600.0, slope=1.0, odd_only=True, limit=15, vibrato=vib)
    tone = 0.7 * tone + 0.3 * np.sin(2 * np.pi * freq * (t + vib))
    env = adsr(length, attack=0.03, decay=0.3, sustain=0.75, release=release, held=held)
    return tone * env * (0.35 + 0.65 * velocity)
