"""Room and echo for stereo signals: a synthetic-impulse reverb, a ping-pong delay, and a soft limiter.

Loops are processed circularly (their last reverb tail rings into their first bar, exactly as when the loop
plays again and again), one-shots linearly with their tail appended. The reverb is a convolution with noise that
decays faster in the highs than in the lows, plus a few early reflections: simple, smooth and deterministic.
"""

from __future__ import annotations

import numpy as np

from .dsp import SAMPLE_RATE, bandpass_response, filtered, highpass_response, lowpass_response, seconds


def reverb_impulse(decay: float, rng: np.random.Generator, predelay: float = 0.015, damping: float = 0.5) -> np.ndarray:
    """A stereo impulse response that falls 60 dB in `decay` seconds (highs faster by `damping` 0..1)."""
    length = seconds(decay * 1.1 + predelay)
    t = np.arange(length) / SAMPLE_RATE
    out = np.zeros((length, 2))
    bands = (
        (lowpass_response(400.0), decay),
        (bandpass_response(400.0, 3000.0), decay * (1.0 - 0.3 * damping)),
        (highpass_response(3000.0), decay * (1.0 - 0.75 * damping)),
    )
    for channel in range(2):
        source = rng.standard_normal(length)
        for response, t60 in bands:
            out[:, channel] += filtered(source, response) * 10.0 ** (-3.0 * t / t60)
    start = seconds(predelay)
    out[:start] = 0.0
    ramp = seconds(0.02)
    out[start : start + ramp] *= np.linspace(0.0, 1.0, ramp)[:, None]
    for delay_s, gain, side in ((0.011, 0.5, 0), (0.017, 0.45, 1), (0.023, 0.35, 0), (0.031, 0.3, 1)):
        out[seconds(predelay + delay_s), side] += gain * 6.0
    energy = np.sqrt(np.sum(out**2) / 2.0)
    return out / energy


def convolve(signal: np.ndarray, impulse: np.ndarray, circular: bool) -> np.ndarray:
    """Stereo convolution; circular keeps the loop length, linear returns signal plus tail."""
    n = signal.shape[0]
    if circular:
        if impulse.shape[0] > n:
            raise ValueError("reverb longer than the loop")
        size = n
    else:
        size = 1 << int(np.ceil(np.log2(n + impulse.shape[0])))
    spectrum = np.fft.rfft(signal, n=size, axis=0) * np.fft.rfft(impulse, n=size, axis=0)
    out = np.fft.irfft(spectrum, n=size, axis=0)
    return out[:n] if circular else out[: n + impulse.shape[0]]


def ping_pong(signal: np.ndarray, delay: int, feedback: float, circular: bool, darken: float = 3500.0) -> np.ndarray:
    """Echoes `delay` samples apart that alternate sides and fade by `feedback` each time."""
    repeats = int(np.ceil(np.log(0.01) / np.log(feedback)))
    mono = signal.mean(axis=1)
    n = mono.shape[0]
    length = n if circular else n + delay * repeats
    out = np.zeros((length, 2))
    for k in range(1, repeats + 1):
        gain = feedback ** (k - 1)
        side = (k + 1) % 2
        if circular:
            out[:, side] += gain * np.roll(mono, k * delay)
        else:
            out[k * delay : k * delay + n, side] += gain * mono
    return filtered(out, lowpass_response(darken), circular=circular)


def soft_limit(signal: np.ndarray, threshold: float = 0.7, ceiling: float = 0.92) -> np.ndarray:
    """Leave quiet samples alone and bend peaks above `threshold` smoothly towards `ceiling`."""
    magnitude = np.abs(signal)
    room = ceiling - threshold
    bent = threshold + room * np.tanh((magnitude - threshold) / room)
    return np.where(magnitude > threshold, np.sign(signal) * bent, signal)
