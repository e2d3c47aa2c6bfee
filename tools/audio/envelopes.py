"""Amplitude envelopes: how a note swells in and dies away.

Kept apart from the voices so that every instrument shapes its notes with the same few, well-tested curves.
"""

from __future__ import annotations

import numpy as np

from .dsp import SAMPLE_RATE, seconds


def adsr(length: int, attack: float, decay: float, sustain: float, release: float, held: float) -> np.ndarray:
    """Attack, decay to `sustain`, hold until `held` seconds, then release to zero; `length` samples long.

    Attack and release are raised-cosine shaped so nothing clicks; decay is exponential-looking.
    """
    t = np.arange(length) / SAMPLE_RATE
    env = np.empty(length)
    attack = max(attack, 1e-4)
    rise = t < attack
    env[rise] = 0.5 - 0.5 * np.cos(np.pi * t[rise] / attack)
    after = ~rise
    env[after] = sustain + (1.0 - sustain) * np.exp(-(t[after] - attack) / max(decay, 1e-4))
    level_at_release = sustain + (1.0 - sustain) * np.exp(-max(held - attack, 0.0) / max(decay, 1e-4))
    if held < attack:
        level_at_release = 0.5 - 0.5 * np.cos(np.pi * held / attack)
    falling = t >= held
    if release > 0:
        phase = np.clip((t[falling] - held) / release, 0.0, 1.0)
        env[falling] = level_at_release * (0.5 + 0.5 * np.cos(np.pi * phase))
    else:
        env[falling] = 0.0
    return env


def exp_decay(length: int, time_constant: float, attack: float = 0.002) -> np.ndarray:
    """A quick raised-cosine attack into an exponential decay with the given time constant (seconds)."""
    t = np.arange(length) / SAMPLE_RATE
    env = np.exp(-t / max(time_constant, 1e-5))
    count = min(seconds(attack), length)
    if count > 0:
        env[:count] *= 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, count))
    return env


def release_tail(length: int, held: float, release: float) -> np.ndarray:
    """Unity until `held` seconds, then a raised-cosine fall to zero over `release` seconds (a damper)."""
    t = np.arange(length) / SAMPLE_RATE
    phase = np.clip((t - held) / max(release, 1e-4), 0.0, 1.0)
    return 0.5 + 0.5 * np.cos(np.pi * phase)


def swell(length: int, rise: float, fall: float) -> np.ndarray:
    """A slow hump: rise over `rise` seconds, stay, and fall over the last `fall` seconds (pads, bowed air)."""
    t = np.arange(length) / SAMPLE_RATE
    total = length / SAMPLE_RATE
    up = np.clip(t / max(rise, 1e-4), 0.0, 1.0)
    down = np.clip((total - t) / max(fall, 1e-4), 0.0, 1.0)
    return np.sin(0.5 * np.pi * up) ** 2 * np.sin(0.5 * np.pi * down) ** 2
