"""Light drums (Charlie is a drummer): kick, snare, brushes, hats, shaker, toms, cymbals, and a heartbeat.

Every drum is a voice with the shared signature (pitch and held time are ignored) so a drum part is just a track
of notes. Sounds are short and soft by design: these sit under piano and guitar, never in front of them.
"""

from __future__ import annotations

import numpy as np

from .dsp import (
    SAMPLE_RATE,
    bandpass_response,
    filtered,
    highpass_response,
    lowpass_response,
    noise,
    seconds,
)
from .envelopes import exp_decay, release_tail


def _sweep(start_hz: float, end_hz: float, fall: float, length: int) -> np.ndarray:
    """A sine whose pitch falls exponentially from `start_hz` to `end_hz` with time constant `fall`."""
    t = np.arange(length) / SAMPLE_RATE
    freq = end_hz + (start_hz - end_hz) * np.exp(-t / fall)
    return np.sin(2 * np.pi * np.cumsum(freq) / SAMPLE_RATE)


def _finish(signal: np.ndarray, tail: float = 0.02) -> np.ndarray:
    """Make sure a drum ends at silence."""
    length = signal.shape[0]
    return signal * release_tail(length, length / SAMPLE_RATE - tail, tail)


def kick(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A soft, round kick: a falling sine with a tiny beater click."""
    length = seconds(0.45)
    body = _sweep(150.0, 48.0, 0.03, length) * exp_decay(length, 0.16, attack=0.001)
    click = filtered(noise(seconds(0.006), rng), bandpass_response(1500.0, 5000.0))
    body[: click.shape[0]] += 0.15 * click
    return _finish(body * (0.3 + 0.7 * velocity))


def snare(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A light snare: a short drum tone and a band of wire noise."""
    length = seconds(0.3)
    tone = _sweep(260.0, 180.0, 0.02, length) * exp_decay(length, 0.05, attack=0.001)
    wires = filtered(noise(length, rng), bandpass_response(1500.0, 8000.0)) * exp_decay(length, 0.08, attack=0.001)
    return _finish((0.55 * tone + 0.9 * wires) * (0.25 + 0.75 * velocity))


def rim(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A cross-stick click: woody and short, for quiet grooves."""
    length = seconds(0.12)
    t = np.arange(length) / SAMPLE_RATE
    knock = (np.sin(2 * np.pi * 520 * t) + 0.6 * np.sin(2 * np.pi * 1250 * t)) * exp_decay(length, 0.018, 0.0005)
    snap = filtered(noise(length, rng), bandpass_response(2000.0, 6000.0)) * exp_decay(length, 0.008, 0.0005)
    return _finish((0.7 * knock + 0.5 * snap) * (0.3 + 0.7 * velocity))


def brush(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A brush on the snare: a soft swish with a small attack."""
    length = seconds(0.35)
    t = np.arange(length) / SAMPLE_RATE
    shape = np.exp(-t / 0.12) * (1.0 - np.exp(-t / 0.008))
    swish = filtered(noise(length, rng), bandpass_response(1200.0, 7000.0)) * shape
    return _finish(swish * (0.25 + 0.75 * velocity) * 1.4)


def hat(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A closed hi-hat tick."""
    length = seconds(0.09)
    metal = filtered(noise(length, rng), highpass_response(7000.0, 3))
    return _finish(metal * exp_decay(length, 0.018, attack=0.0005) * (0.2 + 0.8 * velocity), 0.01)


def open_hat(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """An open hi-hat wash."""
    length = seconds(0.5)
    metal = filtered(noise(length, rng), highpass_response(6500.0, 3))
    return _finish(metal * exp_decay(length, 0.16, attack=0.001) * (0.2 + 0.8 * velocity), 0.05)


def shaker(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A shaker grain: a short, soft-edged puff of high noise."""
    length = seconds(0.08)
    t = np.arange(length) / SAMPLE_RATE
    shape = np.sin(np.pi * t / t[-1]) ** 2 * np.exp(-t / 0.03)
    grains = filtered(noise(length, rng), bandpass_response(4500.0, 11000.0, 3))
    return grains * shape * (0.2 + 0.8 * velocity)


def tom(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A tom tuned to `freq`, with a short stick noise."""
    length = seconds(0.5)
    body = _sweep(freq * 1.5, freq, 0.04, length) * exp_decay(length, 0.2, attack=0.001)
    stick = filtered(noise(seconds(0.01), rng), bandpass_response(800.0, 5000.0))
    body[: stick.shape[0]] += 0.2 * stick * exp_decay(stick.shape[0], 0.004)
    return _finish(body * (0.3 + 0.7 * velocity))


def cymbal(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A soft crash: many inharmonic partials and noise, a fast swell and a long shimmer."""
    length = seconds(2.2)
    t = np.arange(length) / SAMPLE_RATE
    partials = np.zeros(length)
    for ratio in rng.uniform(1.0, 9.0, 24):
        partials += np.sin(2 * np.pi * 420.0 * ratio * t + rng.uniform(0, 6.3))
    wash = filtered(noise(length, rng) + 0.04 * partials, highpass_response(3000.0, 2))
    env = exp_decay(length, 0.7, attack=0.004)
    return _finish(wash * env * (0.2 + 0.8 * velocity) * 0.8, 0.3)


def ride(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """A ride-cymbal ping: a bell tone over a little wash."""
    length = seconds(0.9)
    t = np.arange(length) / SAMPLE_RATE
    ping = sum(np.sin(2 * np.pi * f * t) for f in (3100.0, 4270.0, 5630.0)) / 3.0
    wash = filtered(noise(length, rng), highpass_response(5000.0, 2))
    return _finish((0.4 * ping + 0.6 * wash) * exp_decay(length, 0.3, 0.001) * (0.2 + 0.8 * velocity), 0.1)


def heartbeat(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """One soft, low heart thump: felt more than heard (velocity sets lub or dub strength)."""
    length = seconds(0.35)
    body = _sweep(75.0, 42.0, 0.05, length) * exp_decay(length, 0.08, attack=0.012)
    thud = filtered(noise(length, rng), lowpass_response(160.0, 2)) * exp_decay(length, 0.03, attack=0.004)
    return _finish((body + 0.8 * thud) * (0.2 + 0.8 * velocity), 0.05)
