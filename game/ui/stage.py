"""The stage: the background with cross-fades, and character sprites entering, moving, changing and leaving.

It follows the session's `StageState` and animates the differences, the way the author's transition asks (`with:
dissolve | fade | move | none`, see `game.staging`; without one, its own gentle defaults). On rollback, load, while
skipping or with reduce-motion it snaps to the new state at once instead of animating. It also marks who is
speaking: while someone speaks, everyone else on stage dims a little (gently, over a quarter of a second), so a line
is never read as coming from the wrong face.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.staging import place_fraction
from game.ui.anim import ease_in_out, ease_out, lerp, progress
from game.ui.assets import Images
from game.ui.canvas import Canvas
from game.ui.scaling import LOGICAL_H, LOGICAL_W
from game.ui.session import StageState
from game.ui.theme import SPRITE_HEIGHT

BACKGROUND_FADE = 0.8
ENTER = 0.4
LEAVE = 0.35
MOVE = 0.45
EXPRESSION_FADE = 0.18
SLIDE_IN = 60
FOCUS_TIME = 0.25
DIMMED = 0.85  # brightness of the people who are not speaking (0.76 read grey; 0.85 still marks who speaks)
# How much of a dim each of red, green and blue takes: less red, more blue, so a face in the shade stays warm
# (a grey multiply turned pale skin grey-brown)
DIM_SHARES = (0.6, 0.8, 0.9)
DIM_STEPS = 24  # dimmed copies are cached at this many levels
FADE_OUT, FADE_HOLD = 0.4, 0.2  # a `fade`'s shares of its length: going to black, held black; the rest comes up


@dataclass(slots=True)
class SpriteView:
    """One sprite as drawn: where it is going and where it came from."""

    who: str
    expression: str
    x_from: float
    x_to: float
    moved_at: float
    alpha_from: float
    alpha_to: float
    faded_at: float
    fade_time: float
    old_expression: str | None = None
    changed_at: float = -1e9
    outfit: str | None = None
    old_outfit: str | None = None
    lit_from: float = 1.0
    lit_to: float = 1.0
    lit_at: float = -1e9
    move_time: float = MOVE

    def x(self, now: float) -> float:
        return lerp(self.x_from, self.x_to, ease_out(progress(self.moved_at, now, self.move_time)))

    def alpha(self, now: float) -> float:
        return lerp(self.alpha_from, self.alpha_to, ease_in_out(progress(self.faded_at, now, self.fade_time)))

    def lit(self, now: float) -> float:
        return lerp(self.lit_from, self.lit_to, ease_in_out(progress(self.lit_at, now, FOCUS_TIME)))

    def light(self, target: float, now: float, *, instant: bool = False) -> None:
        """Brighten or dim towards `target` (1 is full brightness)."""
        if instant:
            self.lit_from = self.lit_to = target
            self.lit_at = -1e9
        elif target != self.lit_to:
            self.lit_from, self.lit_to, self.lit_at = self.lit(now), target, now

    def busy(self, now: float) -> bool:
        return (
            now < self.moved_at + self.move_time
            or now < self.faded_at + self.fade_time
            or now < self.changed_at + EXPRESSION_FADE
            or now < self.lit_at + FOCUS_TIME
        )


class StageView:
    """Draws the stage and animates changes to it."""

    def __init__(self, images: Images) -> None:
        self.images = images
        self.background: str | None = None
        self.old_background: str | None = None
        self.background_at = -1e9
        self.background_time = BACKGROUND_FADE
        self.dark_at = -1e9  # a `fade` transition: the screen goes to black, holds, and comes up over dark_time
        self.dark_time = 0.0
        self.sprites: dict[str, SpriteView] = {}
        self.leaving: list[SpriteView] = []
        self._drawn_at: tuple[tuple[int, int], int] | None = None  # (canvas size, sprite height) of the last frame
        self.speaker: str | None = None
        self._dimmed: dict[tuple[int, int], tuple[pygame.Surface, pygame.Surface]] = {}
        self._veil: pygame.Surface | None = None  # a `fade`'s black, kept for the frames it lasts

    def preload(self, state: StageState) -> None:
        """Rasterise the art `state` needs now, when the stage changes, so drawing frames only blits."""
        if self._drawn_at is None:
            return
        size, height = self._drawn_at
        if state.background:
            self.images.background(state.background, size)
        for who, (expression, _) in state.sprites.items():
            self.images.sprite(who, expression, height, state.outfits.get(who))

    def snap(self, state: StageState) -> None:
        """Show `state` at once (a `fade` under way ends too)."""
        self.preload(state)
        self.dark_at = -1e9
        self.background, self.old_background, self.background_at = state.background, None, -1e9
        self.leaving.clear()
        self.sprites = {
            who: SpriteView(
                who,
                expr,
                x_of(place),
                x_of(place),
                -1e9,
                1,
                1,
                -1e9,
                0,
                outfit=state.outfits.get(who),
            )
            for who, (expr, place) in state.sprites.items()
        }
        self.focus(self.speaker, 0.0, instant=True)

    def follow(self, state: StageState, now: float, transition: tuple[str, float] | None = None) -> None:
        """Animate from what is shown to `state`, the way `transition` asks (None: the stage's own defaults)."""
        if transition is not None and transition[0] == "none":
            self.snap(state)
            return
        self.preload(state)
        timing = _Timing.of(transition, now)
        if timing.dark:
            self.dark_at, self.dark_time = now, timing.dark
        if state.background != self.background:
            self.old_background, self.background = self.background, state.background
            self.background_at, self.background_time = timing.start, timing.background
        for who, gone in list(self.sprites.items()):
            if who not in state.sprites:
                del self.sprites[who]
                gone.alpha_from, gone.alpha_to = gone.alpha(now), 0
                gone.faded_at, gone.fade_time = timing.start, timing.leave
                gone.x_from = gone.x_to = gone.x(now)
                self.leaving.append(gone)
        for who, (expr, place) in state.sprites.items():
            target = x_of(place)
            view = self.sprites.get(who)
            outfit = state.outfits.get(who)
            if view is None:
                side = (-timing.slide if target < LOGICAL_W / 2 else timing.slide) if timing.slide else 0
                view = SpriteView(
                    who, expr, target + side, target, timing.start, 0, 1, timing.start, timing.enter, outfit=outfit
                )
                view.move_time = timing.move
                view.light(self._brightness(who), now, instant=True)
                self.sprites[who] = view
                continue
            if view.x_to != target:
                view.x_from, view.x_to, view.moved_at = view.x(now), target, timing.start
                view.move_time = timing.move
            if view.expression != expr or view.outfit != outfit:
                view.old_expression, view.old_outfit = view.expression, view.outfit
                view.expression, view.outfit, view.changed_at = expr, outfit, now

    # Who is speaking --------------------------------------------------------------------------------------------
    def _brightness(self, who: str) -> float:
        return 1.0 if self.speaker is None or who == self.speaker else DIMMED

    def focus(self, speaker: str | None, now: float, *, instant: bool = False) -> None:
        """Mark `speaker` (None: nobody in particular, everyone is lit) and dim the others."""
        self.speaker = speaker
        for who, view in self.sprites.items():
            view.light(self._brightness(who), now, instant=instant)

    def on_stage(self, who: str | None) -> bool:
        return who is not None and who in self.sprites

    def place_of(self, who: str | None) -> float | None:
        """The logical x where `who` stands (or is heading), if on stage."""
        view = self.sprites.get(who) if who else None
        return None if view is None else view.x_to

    def fading(self, now: float) -> bool:
        """Whether a `fade` is under way: the screen going to black, held black, or coming up on the new stage."""
        return now < self.dark_at + self.dark_time

    def darkness(self, now: float) -> float:
        """How black a `fade` has the screen now: 0 (none) to 1, rising, held, then falling (Ren'Py's out-hold-in)."""
        if not self.fading(now):
            return 0.0
        out, hold = self.dark_time * FADE_OUT, self.dark_time * FADE_HOLD
        since = now - self.dark_at
        if since < out:
            return ease_in_out(progress(self.dark_at, now, out))
        if since < out + hold:
            return 1.0
        return 1 - ease_in_out(progress(self.dark_at + out + hold, now, self.dark_time - out - hold))

    def animating(self, now: float) -> bool:
        self.leaving = [v for v in self.leaving if now < v.faded_at + v.fade_time]
        return (
            now < self.background_at + self.background_time
            or now < self.dark_at + self.dark_time
            or bool(self.leaving)
            or any(v.busy(now) for v in self.sprites.values())
        )

    def draw(self, canvas: Canvas, now: float, offset: tuple[float, float] = (0, 0)) -> None:
        size = canvas.surface.get_size()
        ox, oy = canvas.p(offset[0]), canvas.p(offset[1])
        fading = now < self.background_at + self.background_time
        if self.old_background and fading:
            canvas.surface.blit(self.images.background(self.old_background, size), (ox, oy))
        if self.background:
            bg = self.images.background(self.background, size)
            if fading:
                # 254 at most: an opaque surface with alpha 255 takes a blit path twenty times slower
                shown = ease_in_out(progress(self.background_at, now, self.background_time))
                bg.set_alpha(min(254, round(255 * shown)))
                canvas.surface.blit(bg, (ox, oy))
                bg.set_alpha(None)  # opaque again: the fast blit path
            else:
                canvas.surface.blit(bg, (ox, oy))
        elif not fading or not self.old_background:
            canvas.surface.fill((238, 226, 214))
        height = canvas.p(SPRITE_HEIGHT)
        self._drawn_at = (size, height)
        for view in [*self.leaving, *self.sprites.values()]:
            alpha = view.alpha(now)
            if alpha <= 0.01:
                continue
            x = view.x(now)
            lit = view.lit(now)
            changing = view.old_expression is not None and now < view.changed_at + EXPRESSION_FADE
            if changing:
                t = progress(view.changed_at, now, EXPRESSION_FADE)
                old = self.images.sprite(view.who, view.old_expression or "neutral", height, view.old_outfit)
                self._blit_sprite(canvas, old, x, alpha * (1 - t), lit, offset)
                new = self.images.sprite(view.who, view.expression, height, view.outfit)
                self._blit_sprite(canvas, new, x, alpha * t, lit, offset)
            else:
                surf = self.images.sprite(view.who, view.expression, height, view.outfit)
                self._blit_sprite(canvas, surf, x, alpha, lit, offset)

    def draw_veil(self, canvas: Canvas, now: float) -> None:
        """A `fade`'s black: over the old stage, held while everything changes, then lifted off the new. Drawn by
        the screen over whatever it puts on the stage (its effects, text and buttons go dark with it)."""
        depth = self.darkness(now)
        if depth > 0:
            veil = self._veil
            if veil is None or veil.get_size() != canvas.surface.get_size():
                veil = self._veil = pygame.Surface(canvas.surface.get_size())  # black, made once per window size
            veil.set_alpha(round(255 * depth))
            canvas.surface.blit(veil, (0, 0))

    def dimmed(self, surf: pygame.Surface, lit: float) -> pygame.Surface:
        """`surf` darkened towards brightness `lit`, warmly (`DIM_SHARES`); cached at a few levels, so a dim at rest
        costs one blit."""
        level = round(lit * DIM_STEPS)
        if level >= DIM_STEPS:
            return surf
        key = (id(surf), level)
        cached = self._dimmed.get(key)
        if cached is not None and cached[0] is surf:
            return cached[1]
        if len(self._dimmed) > 4 * DIM_STEPS:
            self._dimmed.clear()
        shade = 1 - level / DIM_STEPS
        red, green, blue = (round(255 * (1 - shade * share)) for share in DIM_SHARES)
        out = surf.copy()
        out.fill((red, green, blue, 255), special_flags=pygame.BLEND_RGBA_MULT)
        self._dimmed[key] = (surf, out)
        return out

    def _blit_sprite(
        self,
        canvas: Canvas,
        surf: pygame.Surface,
        x: float,
        alpha: float,
        lit: float,
        offset: tuple[float, float],
    ) -> None:
        surf = self.dimmed(surf, lit)
        rect = surf.get_rect(midbottom=(canvas.p(x + offset[0]), canvas.p(LOGICAL_H + offset[1])))
        if alpha < 0.999:
            surf.set_alpha(round(255 * alpha))
            canvas.surface.blit(surf, rect)
            surf.set_alpha(255)
        else:
            canvas.surface.blit(surf, rect)


def sprite_rect(canvas: Canvas, surf: pygame.Surface, x: float) -> pygame.Rect:
    """Where a sprite whose centre is at logical `x` stands."""
    return surf.get_rect(midbottom=(canvas.p(x), canvas.p(LOGICAL_H)))


def x_of(place: str) -> float:
    """The logical x where a place on stage is (`game.staging.place_fraction` of the canvas's width)."""
    return place_fraction(place) * LOGICAL_W


@dataclass(frozen=True, slots=True)
class _Timing:
    """When and how fast each part of a stage change moves, for one transition."""

    start: float  # when the new stage begins to appear (in a fade, once the screen is black)
    background: float
    enter: float
    leave: float
    move: float
    slide: float  # how far an entering sprite slides in (0: it fades in where it stands)
    dark: float = 0.0  # a fade's whole length (0: no fade to black)

    @classmethod
    def of(cls, transition: tuple[str, float] | None, now: float) -> _Timing:
        if transition is None:  # the stage's own gentle defaults
            return cls(now, BACKGROUND_FADE, ENTER, LEAVE, MOVE, SLIDE_IN)
        kind, seconds = transition
        if kind == "fade":  # everything changes at once while the screen is black
            cut = 1e-3
            return cls(now + seconds * FADE_OUT, cut, cut, cut, cut, 0, dark=seconds)
        if kind == "move":  # sprites slide to their places; the rest dissolves
            return cls(now, seconds, seconds, seconds, seconds, SLIDE_IN * 3)
        return cls(now, seconds, seconds, seconds, 1e-3, 0)  # dissolve: cross-fades where everyone stands
