"""The one signature every instrument shares, so scores and the mixer never care which instrument plays.

A voice turns (frequency in Hz, held time in seconds, velocity 0..1, seeded generator) into a mono numpy array
that starts at the note-on and includes the instrument's own release or ring.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np


class Voice(Protocol):
    """Render one note."""

    def __call__(self, freq: float, held: float, velocity: float, rng: np.random.Generator) -> np.ndarray: ...
