"""A soft upright-ish piano built additively, the lead instrument of the title and tender themes.

Each partial is slightly stretched (string stiffness), doubled by a second string a hair out of tune (the slow
beating that makes a piano sound alive), decays in two stages (fast prompt sound, slow aftersound) and higher
partials die sooner. Velocity changes loudness and brightness; a damper ends the note after the key is let go.
"""

from __future__ import annotations

import numpy as np

from .dsp import SAMPLE_RATE, filtered, lowpass_response, seconds
from .envelopes import exp_decay, release_tail

INHARMONICITY = 0.00018
DAMPER_TIME = 0.28
MAX_PARTIALS = 18
TOP_PARTIAL_HZ = 9000.0
TAKES = 2
TOUCH_STEPS = 5


def _strike(freq: float, velocity: float, take: int, span: float) -> np.ndarray:
    """A key struck and held for `span` seconds (at most until it has died), undamped; computed once per take."""
    key = (freq, velocity, take, span)
    cached = _TAKES.get(key)
    if cached is not None:
        return cached
    rng = np.random.default_rng([take, round(freq * 1000), round(velocity * 1000)])
    sustain_tau = _sustain(freq)
    length = seconds(min(sustain_tau * 3.0, span))
    t = np.arange(length) / SAMPLE_RATE
    out = np.zeros(length)
    brightness = 1.15 + 1.1 * (1.0 - velocity)
    total = 0.0
    for n in range(1, MAX_PARTIALS + 1):
        partial_hz = n * freq * np.sqrt(1.0 + INHARMONICITY * n * n)
        if partial_hz > TOP_PARTIAL_HZ:
            break
        strike = abs(np.sin(np.pi * n / 7.3)) * 0.8 + 0.2
        amp = strike / n**brightness
        total += amp
        tau = sustain_tau / (1.0 + 0.35 * (n - 1))
        audible = min(length, seconds(9.0 * tau))
        tn = t[:audible]
        env = 0.55 * np.exp(-tn / (0.18 * tau + 0.02)) + 0.45 * np.exp(-tn / tau)
        spread = 0.00018 * (1 + (n % 3))
        phase_a, phase_b = rng.uniform(0, 2 * np.pi, 2)
        # Two strings a hair apart: sin(a) + sin(b) = 2 sin((a + b) / 2) cos((a - b) / 2).
        beat = np.cos(2 * np.pi * partial_hz * spread * tn + (phase_b - phase_a) / 2)
        out[:audible] += amp * env * beat * np.sin(2 * np.pi * partial_hz * tn + (phase_a + phase_b) / 2)
    out /= max(total, 1e-9)
    hammer_len = min(seconds(0.012), length)
    thump = rng.uniform(-1, 1, hammer_len) * exp_decay(hammer_len, 0.003, attack=0.0005)
    thump = filtered(thump, lowpass_response(1200.0 + 2500.0 * velocity))
    out[:hammer_len] += 0.05 * velocity * thump
    out *= exp_decay(length, 1e9, attack=0.0015)
    _TAKES[key] = out
    return out


def _sustain(freq: float) -> float:
    """Seconds for the slow aftersound to fall by 1/e: long in the bass, short in the treble."""
    return float(np.clip(3.2 * (261.6 / freq) ** 0.6, 0.5, 7.0))


_TAKES: dict[tuple[float, float, int, float], np.ndarray] = {}


def piano(freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray:
    """One piano note: `held` seconds of key-down, then the damper.

    The struck sound is shared by notes of the same pitch and touch (touch in `TOUCH_STEPS` steps, length in
    doubling spans), so a piece pays for each distinct sound once; the damper is applied per note.
    """
    touch = max(1, round(velocity * TOUCH_STEPS)) / TOUCH_STEPS
    span = 2.0 ** np.ceil(np.log2(max(held + DAMPER_TIME, 1.0)))
    ring = _strike(freq, touch, int(rng.integers(TAKES)), float(span))
    length = min(seconds(held + DAMPER_TIME), ring.shape[0])
    note = ring[:length] * release_tail(length, held, DAMPER_TIME)
    return note * (0.25 + 0.75 * velocity**1.4)
