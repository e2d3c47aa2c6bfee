"""Small easing helpers: every animation is a pure function of the time since it started."""

from __future__ import annotations


def progress(start: float, now: float, duration: float) -> float:
    """0 at `start`, 1 once `duration` has passed (1 at once for a zero duration)."""
    if duration <= 0:
        return 1.0
    return max(0.0, min(1.0, (now - start) / duration))


def ease_out(t: float) -> float:
    return 1 - (1 - t) ** 3


def ease_in_out(t: float) -> float:
    return 4 * t**3 if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t
