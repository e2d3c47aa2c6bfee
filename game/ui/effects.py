"""Named visual effects: falling leaves, sparkles, rising hearts, a fade through black and a shake.

Each effect is a pure function of the time since it started and a seed, so the same beat always looks the same
(captures and golden screenshots depend on it). Particle shapes are SVGs in assets/ui/effects/, rasterised once per
size and pre-rotated; if a shape is missing a simple drawn dot stands in.
"""

from __future__ import annotations

import math
import random
import zlib
from dataclasses import dataclass

import pygame

from game.ui.anim import progress
from game.ui.assets import Images
from game.ui.canvas import Canvas
from game.ui.scaling import LOGICAL_H, LOGICAL_W

DURATIONS = {"leaves": 5.5, "sparkles": 2.8, "hearts": 3.4, "fade": 1.4, "shake": 0.6}
ANGLES = 16
SIZES = (26, 34, 44)


@dataclass(frozen=True, slots=True)
class Particle:
    x: float
    y: float
    speed: float
    sway: float
    freq: float
    phase: float
    delay: float
    size: int
    kind: int
    spin: float


@dataclass(slots=True)
class Effect:
    name: str
    started: float
    particles: tuple[Particle, ...]

    @property
    def duration(self) -> float:
        return DURATIONS.get(self.name, 1.0)

    def done(self, now: float) -> bool:
        return now >= self.started + self.duration


def make_effect(name: str, started: float, seed_text: str) -> Effect:
    """An effect starting at `started`, its particles drawn from a seed so it looks the same every time."""
    rng = random.Random(zlib.crc32(f"{name}:{seed_text}".encode()))
    particles: list[Particle] = []
    if name == "leaves":
        for _ in range(18):
            particles.append(
                Particle(
                    x=rng.uniform(-120, LOGICAL_W + 40),
                    y=rng.uniform(-160, 420),
                    speed=rng.uniform(110, 170),
                    sway=rng.uniform(25, 70),
                    freq=rng.uniform(0.5, 1.1),
                    phase=rng.uniform(0, math.tau),
                    delay=rng.uniform(0, 1.2),
                    size=rng.choice(SIZES),
                    kind=rng.randrange(3),
                    spin=rng.uniform(-1.5, 1.5),
                )
            )
    elif name == "sparkles":
        for _ in range(24):
            particles.append(
                Particle(
                    x=rng.uniform(80, LOGICAL_W - 80),
                    y=rng.uniform(60, 470),
                    speed=0,
                    sway=0,
                    freq=0,
                    phase=rng.uniform(0, math.tau),
                    delay=rng.uniform(0, 1.7),
                    size=rng.choice(SIZES),
                    kind=0,
                    spin=0,
                )
            )
    elif name == "hearts":
        for _ in range(16):
            particles.append(
                Particle(
                    x=rng.uniform(60, LOGICAL_W - 60),
                    y=LOGICAL_H + rng.uniform(20, 80),
                    speed=rng.uniform(150, 240),
                    sway=rng.uniform(10, 35),
                    freq=rng.uniform(0.6, 1.2),
                    phase=rng.uniform(0, math.tau),
                    delay=rng.uniform(0, 1.3),
                    size=rng.choice(SIZES),
                    kind=0,
                    spin=0,
                )
            )
    return Effect(name, started, tuple(particles))


class EffectsLayer:
    """The effects playing now, drawn over the stage."""

    def __init__(self, images: Images) -> None:
        self.images = images
        self.effects: list[Effect] = []
        self._shapes: dict[tuple[str, int, int], pygame.Surface | None] = {}
        self._canvas: Canvas | None = None  # the canvas of the last frame, to prepare shapes at its scale

    def start(self, name: str, now: float, seed_text: str) -> None:
        self.effects = [e for e in self.effects if e.name != name and not e.done(now)]
        self.effects.append(make_effect(name, now, seed_text))
        self._prepare(name)

    def _prepare(self, name: str) -> None:
        """Rasterise (and rotate) the effect's shapes now, so its frames only blit."""
        canvas = self._canvas
        if canvas is None:
            return
        shapes = {"leaves": ("leaf_orange", "leaf_gold", "leaf_red"), "sparkles": ("sparkle",), "hearts": ("heart",)}
        for shape in shapes.get(name, ()):
            for size in SIZES:
                for angle in range(ANGLES if name == "leaves" else 1):
                    self._shape(canvas, shape, size, angle)

    def clear(self) -> None:
        self.effects.clear()

    def animating(self, now: float) -> bool:
        self.effects = [e for e in self.effects if not e.done(now)]
        return bool(self.effects)

    def shake_offset(self, now: float) -> tuple[float, float]:
        """How far the stage is displaced by a running shake."""
        for e in self.effects:
            if e.name == "shake" and not e.done(now):
                t = now - e.started
                fall = 1 - t / e.duration
                return (14 * fall * math.sin(t * 55), 6 * fall * math.sin(t * 41 + 1))
        return (0.0, 0.0)

    def draw(self, canvas: Canvas, now: float) -> None:
        self._canvas = canvas
        for e in self.effects:
            if e.done(now) or now < e.started:
                continue
            if e.name == "leaves":
                self._draw_leaves(canvas, e, now)
            elif e.name == "sparkles":
                self._draw_sparkles(canvas, e, now)
            elif e.name == "hearts":
                self._draw_hearts(canvas, e, now)
            elif e.name == "fade":
                t = progress(e.started, now, e.duration)
                level = min(1.0, t / 0.42) if t < 0.5 else max(0.0, (1 - t) / 0.42)
                canvas.shade((20, 12, 10, round(255 * min(1.0, level))))

    # Particles --------------------------------------------------------------------------------------------------
    def _shape(self, canvas: Canvas, name: str, size: int, angle: int) -> pygame.Surface | None:
        px = canvas.p(size)
        key = (name, px, angle)
        if key not in self._shapes:
            if angle:
                base = self._shape(canvas, name, size, 0)
                turned = None if base is None else pygame.transform.rotate(base, angle * 360 / ANGLES)
                self._shapes[key] = turned.convert_alpha() if turned and pygame.display.get_surface() else turned
            else:
                self._shapes[key] = self.images.ui(f"effects/{name}", (px, px))
        return self._shapes[key]

    def _blit(
        self, canvas: Canvas, shape: pygame.Surface | None, x: float, y: float, alpha: float, color: tuple
    ) -> None:
        alpha = max(0.0, min(1.0, alpha))
        if shape is None:
            canvas.circle((x, y), 8, color)
            return
        rect = shape.get_rect(center=(canvas.p(x), canvas.p(y)))
        shape.set_alpha(round(255 * alpha))
        canvas.surface.blit(shape, rect)
        shape.set_alpha(255)

    def _draw_leaves(self, canvas: Canvas, e: Effect, now: float) -> None:
        names = ("leaf_orange", "leaf_gold", "leaf_red")
        fade_out = min(1.0, (e.started + e.duration - now) / 0.9)
        for p in e.particles:
            t = now - e.started - p.delay
            if t < 0:
                continue
            fade = min(fade_out, t / 0.4)
            y = p.y + p.speed * t
            x = p.x + 60 * t + p.sway * math.sin(p.phase + t * p.freq * math.tau)
            angle = int(p.phase / math.tau * ANGLES + t * p.spin * ANGLES / 2) % ANGLES
            self._blit(canvas, self._shape(canvas, names[p.kind], p.size, angle), x, y, fade, (232, 140, 72))

    def _draw_sparkles(self, canvas: Canvas, e: Effect, now: float) -> None:
        for p in e.particles:
            t = now - e.started - p.delay
            if t < 0 or t > 1.0:
                continue
            glow = math.sin(math.pi * t)
            size = SIZES[min(len(SIZES) - 1, max(0, round(glow * (len(SIZES) - 1))))]
            self._blit(canvas, self._shape(canvas, "sparkle", size, 0), p.x, p.y, glow, (255, 240, 180))

    def _draw_hearts(self, canvas: Canvas, e: Effect, now: float) -> None:
        for p in e.particles:
            t = now - e.started - p.delay
            if t < 0:
                continue
            y = p.y - p.speed * t
            x = p.x + p.sway * math.sin(p.phase + t * p.freq * math.tau)
            alpha = min(1.0, t / 0.3) * min(1.0, (e.started + e.duration - now) / 0.8)
            self._blit(canvas, self._shape(canvas, "heart", p.size, 0), x, y, alpha, (232, 111, 149))
