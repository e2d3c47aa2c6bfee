"""Measurements that stand in for listening: levels, the jump at a loop's wrap, and a spectrogram picture.

The wrap jump is the difference between a loop's last and first samples; a seamless loop's jump looks like any
other step between neighbouring samples, so it is reported next to the typical (mean) and the 99th-percentile
step. The spectrogram shows at a glance whether a piece is dense, sparse, bright or dark, and whether its first
and last seconds look alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .dsp import SAMPLE_RATE


@dataclass(frozen=True)
class Levels:
    """Loudness and loop-join figures of one signal."""

    seconds: float
    peak: float
    rms: float
    wrap_jump: float
    mean_step: float
    p99_step: float
    edge_rms_ratio: float

    def line(self, name: str) -> str:
        """One printable summary line."""
        return (
            f"{name:<14} {self.seconds:6.2f}s peak {self.peak:5.3f} ({20 * np.log10(self.peak):5.1f} dBFS) "
            f"rms {self.rms:5.3f} ({20 * np.log10(self.rms):5.1f} dBFS) wrap jump {self.wrap_jump:.4f} "
            f"(mean step {self.mean_step:.4f}, p99 {self.p99_step:.4f}) edge rms ratio {self.edge_rms_ratio:4.2f}"
        )


def measure(signal: np.ndarray, sample_rate: int = SAMPLE_RATE) -> Levels:
    """Measure a mono or stereo signal as a loop."""
    frames = signal if signal.ndim == 2 else signal[:, None]
    steps = np.abs(np.diff(frames, axis=0))
    jump = float(np.max(np.abs(frames[0] - frames[-1])))
    window = max(1, sample_rate // 20)
    head = float(np.sqrt(np.mean(frames[:window] ** 2)))
    tail = float(np.sqrt(np.mean(frames[-window:] ** 2)))
    return Levels(
        seconds=frames.shape[0] / sample_rate,
        peak=float(np.max(np.abs(frames))),
        rms=float(np.sqrt(np.mean(frames**2))),
        wrap_jump=jump,
        mean_step=float(steps.mean()),
        p99_step=float(np.percentile(steps, 99)),
        edge_rms_ratio=(max(head, tail) / max(min(head, tail), 1e-9)),
    )


def mixer_decode(path: Path) -> np.ndarray:
    """A file as pygame's mixer hears it (44.1 kHz 16-bit stereo, dummy driver), as floats in -1..1."""
    import os

    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    if pygame.mixer.get_init() != (SAMPLE_RATE, -16, 2):
        pygame.mixer.quit()
        pygame.mixer.init(frequency=SAMPLE_RATE, size=-16, channels=2)
    raw = pygame.mixer.Sound(str(path)).get_raw()
    return np.frombuffer(raw, dtype="<i2").reshape(-1, 2) / 32768.0


def spectrogram_png(signal: np.ndarray, path: Path, width: int = 900, height: int = 256) -> None:
    """Save a log-frequency spectrogram (time left to right, 40 Hz to 16 kHz bottom to top) as a PNG."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    mono = signal.mean(axis=1) if signal.ndim == 2 else signal
    size = 4096
    hops = np.linspace(0, max(mono.shape[0] - size, 0), width).astype(int)
    window = np.hanning(size)
    frames = np.stack([mono[h : h + size] * window for h in hops]) if mono.shape[0] >= size else None
    if frames is None:
        return
    spectrum = np.abs(np.fft.rfft(frames, axis=1))
    freqs = np.fft.rfftfreq(size, 1.0 / SAMPLE_RATE)
    rows = np.geomspace(40.0, 16000.0, height)
    index = np.clip(np.searchsorted(freqs, rows), 0, freqs.shape[0] - 1)
    db = 20 * np.log10(spectrum[:, index] + 1e-9)
    level = np.clip((db - db.max() + 80.0) / 80.0, 0.0, 1.0)
    image = np.zeros((width, height, 3), dtype=np.uint8)
    image[..., 0] = (255 * np.clip(level * 1.6, 0, 1)).astype(np.uint8)
    image[..., 1] = (255 * np.clip(level * 1.6 - 0.5, 0, 1)).astype(np.uint8)
    image[..., 2] = (255 * np.clip(1.0 - np.abs(level * 2 - 0.6), 0, 1) * level).astype(np.uint8)
    surface = pygame.surfarray.make_surface(image[:, ::-1, :])
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
