"""Small signal helpers shared by every voice, effect and recipe.

Everything renders at one sample rate with float64 numpy arrays in -1..1. Static filters are applied in the
frequency domain (zero padding keeps one-shot sounds from wrapping; loops use the circular versions in
`effects`), which is exact, fast and needs nothing beyond numpy.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

SAMPLE_RATE = 44100

Response = Callable[[np.ndarray], np.ndarray]


def seconds(n: float) -> int:
    """The whole number of samples closest to `n` seconds."""
    return round(n * SAMPLE_RATE)


def time_axis(length: int) -> np.ndarray:
    """Time in seconds of each of `length` samples."""
    return np.arange(length) / SAMPLE_RATE


def midi_to_hz(midi: float) -> float:
    """Equal-tempered frequency of a MIDI note number (A4 = 69 = 440 Hz)."""
    return 440.0 * 2.0 ** ((midi - 69.0) / 12.0)


def lowpass_response(cutoff: float, order: int = 2) -> Response:
    """A smooth Butterworth-like magnitude response falling above `cutoff` Hz."""
    return lambda f: 1.0 / np.sqrt(1.0 + (f / cutoff) ** (2 * order))


def highpass_response(cutoff: float, order: int = 2) -> Response:
    """A smooth magnitude response rising to unity above `cutoff` Hz."""

    def response(f: np.ndarray) -> np.ndarray:
        ratio = np.divide(cutoff, f, out=np.full_like(f, 1e9), where=f > 0)
        return 1.0 / np.sqrt(1.0 + ratio ** (2 * order))

    return response


def bandpass_response(low: float, high: float, order: int = 2) -> Response:
    """Highpass at `low` times lowpass at `high`."""
    hp, lp = highpass_response(low, order), lowpass_response(high, order)
    return lambda f: hp(f) * lp(f)


def peak_response(centre: float, width: float, gain: float) -> Response:
    """A resonant bump of `gain` (linear, added to 1) around `centre` Hz, `width` Hz wide."""
    return lambda f: 1.0 + gain * np.exp(-(((f - centre) / width) ** 2))


def filtered(signal: np.ndarray, response: Response, circular: bool = False) -> np.ndarray:
    """Apply a zero-phase magnitude response along the first axis.

    One-shot sounds are zero padded so nothing wraps; `circular=True` keeps a loop's ends joined.
    """
    n = signal.shape[0]
    size = n if circular else 1 << int(np.ceil(np.log2(2 * n)))
    spectrum = np.fft.rfft(signal, n=size, axis=0)
    gains = response(np.fft.rfftfreq(size, 1.0 / SAMPLE_RATE))
    if signal.ndim > 1:
        gains = gains[:, None]
    return np.fft.irfft(spectrum * gains, n=size, axis=0)[:n]


def noise(length: int, rng: np.random.Generator) -> np.ndarray:
    """White noise in -1..1 from a seeded generator."""
    return rng.uniform(-1.0, 1.0, length)


def fade_edges(signal: np.ndarray, fade_in: float = 0.002, fade_out: float = 0.01) -> np.ndarray:
    """Raised-cosine fades so a one-shot starts and ends at silence."""
    out = signal.copy()
    for count, reverse in ((seconds(fade_in), False), (seconds(fade_out), True)):
        count = min(count, out.shape[0])
        if count <= 0:
            continue
        ramp = 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, count))
        if out.ndim > 1:
            ramp = ramp[:, None]
        if reverse:
            out[-count:] *= ramp[::-1]
        else:
            out[:count] *= ramp
    return out


def normalise(signal: np.ndarray, peak: float) -> np.ndarray:
    """Scale so the largest absolute sample is `peak`."""
    top = float(np.max(np.abs(signal)))
    return signal if top == 0.0 else signal * (peak / top)


def short_term_db(signal: np.ndarray, window: float = 0.3) -> float:
    """Loudness as heard: the RMS level (dBFS) of the loudest `window`-second stretch of a mono signal."""
    size = min(seconds(window), signal.shape[0])
    energy = np.cumsum(np.concatenate([[0.0], signal**2]))
    loudest = float(np.max(energy[size:] - energy[:-size])) / size
    return 10.0 * np.log10(max(loudest, 1e-20))


def level(signal: np.ndarray, loudness_db: float, ceiling: float = 0.89) -> np.ndarray:
    """Scale a one-shot to a short-term loudness, or lower if its peak would then pass `ceiling`."""
    gain = 10.0 ** ((loudness_db - short_term_db(signal)) / 20.0)
    top = float(np.max(np.abs(signal))) * gain
    return signal * gain * (min(1.0, ceiling / top) if top > 0 else 1.0)


def pan(mono: np.ndarray, position: float) -> np.ndarray:
    """Equal-power pan of a mono signal to stereo; -1 is left, 1 is right."""
    angle = (position + 1.0) * np.pi / 4.0
    return np.stack([mono * np.cos(angle), mono * np.sin(angle)], axis=1)


def add_at(target: np.ndarray, sound: np.ndarray, start: int, wrap: bool = False) -> None:
    """Mix `sound` into `target` from sample `start`; with `wrap`, what runs past the end re-enters at 0."""
    n = target.shape[0]
    if not wrap:
        end = min(n, start + sound.shape[0])
        if end > start:
            target[start:end] += sound[: end - start]
        return
    offset = 0
    position = start % n
    while offset < sound.shape[0]:
        take = min(n - position, sound.shape[0] - offset)
        target[position : position + take] += sound[offset : offset + take]
        offset += take
        position = 0
