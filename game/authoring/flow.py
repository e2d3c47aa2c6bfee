"""What is known at each beat of a scene: the variables' possible values and who is surely (or maybe) on stage.

The linter's checks of conditions, effects and the stage all ask "what can be true just before this beat?". This
module walks each scene's beats once, the way a playthrough would, but with sets of possible values instead of
values: a `set` pins a variable, an `if` narrows it in each branch (`intervals.refine`), a `goto` ends the way, and
where branches meet their knowledge is joined. A branch that can never be taken is not walked, so nothing inside
dead code is reported twice.

A scene that names a background starts with an empty stage (the engine's rule), so there the stage is fully known;
other scenes inherit a stage this walk does not know, and only what the scene itself shows is certain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.authoring.intervals import Dom, Env, IntDom, SetDom, declared, domain_of, int_range, join, refine, truth
from game.expressions import CompiledExpr, Var, clamp
from game.model import Assignment, Beat, EffectBeat, GotoBeat, IfBeat, Scene, StageBeat, Story, TextBeat, Variable
from game.stage import shown_place

UNKNOWN = "\x00unknown"  # a background or music this walk cannot know (inherited from the scene before)


@dataclass(frozen=True)
class StageKnown:
    """Who is surely on stage (with expression, place and outfit), who may be (None: anyone), background and music."""

    sure: tuple[tuple[str, str, str, str | None], ...]  # (who, expression, place, outfit), sorted
    maybe: frozenset[str] | None
    background: str | None
    music: str | None  # None: silence

    def sprite(self, who: str) -> tuple[str, str] | None:
        for name, expression, place, _ in self.sure:
            if name == who:
                return expression, place
        return None

    def outfit(self, who: str) -> str | None:
        """What someone surely on stage wears (None: the default clothes)."""
        return next((outfit for name, _, _, outfit in self.sure if name == who), None)

    def with_sure(
        self,
        sprites: dict[str, tuple[str, str]],
        maybe: frozenset[str] | None,
        dressed: dict[str, str | None] | None = None,
    ) -> StageKnown:
        """This stage with `sprites` surely on it; each keeps the outfit it wears unless `dressed` says another."""
        dressed = dressed or {}
        sure = tuple(
            sorted((who, expr, place, dressed.get(who, self.outfit(who))) for who, (expr, place) in sprites.items())
        )
        return StageKnown(sure, maybe, self.background, self.music)

    def sprites(self) -> dict[str, tuple[str, str]]:
        return {who: (expression, place) for who, expression, place, _ in self.sure}


def _join_stage(a: StageKnown, b: StageKnown) -> StageKnown:
    sure = tuple(sorted(set(a.sure) & set(b.sure)))
    maybe = None if a.maybe is None or b.maybe is None else a.maybe | b.maybe
    background = a.background if a.background == b.background else UNKNOWN
    music = a.music if a.music == b.music else UNKNOWN
    return StageKnown(sure, maybe, background, music)


@dataclass(frozen=True)
class Known:
    """Everything known at one point of a scene."""

    env: Env
    stage: StageKnown


def join_known(a: Known | None, b: Known | None) -> Known | None:
    if a is None:
        return b
    if b is None:
        return a
    env = join(a.env, b.env)
    assert env is not None
    return Known(env, _join_stage(a.stage, b.stage))


@dataclass
class SceneFlow:
    """For one scene: what is known before each beat on some way through it, and at its end."""

    before: dict[int, Known] = field(default_factory=dict)  # id(beat) -> known just before it
    end: Known | None = None  # None when every way leaves the scene by goto


def apply_assignments(story: Story, env: Env, op: str, changes: tuple[Assignment, ...]) -> Env:
    narrowed = dict(env)
    for change in changes:
        variable = story.variables[change.variable]
        if change.expression is not None:
            narrowed[change.variable] = _evaluated(change.expression, op, variable, narrowed)
        elif op == "set":
            value = change.value
            if variable.type.kind == "int":
                assert isinstance(value, int)  # the loader accepts only whole numbers for an int
                narrowed[change.variable] = IntDom(value, value)
            else:
                narrowed[change.variable] = SetDom(frozenset((value,)))
        else:
            dom = narrowed.get(change.variable, declared(variable.type))
            amount = change.value
            assert isinstance(dom, IntDom) and isinstance(amount, int)
            narrowed[change.variable] = _within(variable, dom.lo + amount, dom.hi + amount)
    return narrowed


def _within(variable: Variable, low: float, high: float) -> IntDom:
    """The values low..high leave in an int variable: brought into its declared range."""
    bounds = variable.type.minimum, variable.type.maximum
    return IntDom(clamp(low, *bounds), clamp(high, *bounds))


def _evaluated(expression: CompiledExpr, op: str, variable: Variable, env: Env) -> Dom:
    """What a variable can be after a `set`/`add` by an expression, from what its parts can be here."""
    tree = expression.tree
    if expression.type == "int":
        amount = int_range(tree, env)
        low, high = amount.lo, amount.hi
        if op == "add":
            dom = env.get(variable.id, declared(variable.type))
            assert isinstance(dom, IntDom)
            low, high = dom.lo + low, dom.hi + high
        return _within(variable, low, high)
    if expression.type == "bool":
        return SetDom(truth(tree, env))
    if isinstance(tree, Var):
        dom = domain_of(tree, env)
        if isinstance(dom, SetDom):
            return dom
    return declared(variable.type)


def _stage_after(beat: Beat, stage: StageKnown) -> StageKnown:
    if isinstance(beat, TextBeat):
        sprite = stage.sprite(beat.speaker) if beat.speaker else None
        if beat.expression and sprite is not None:
            sprites = stage.sprites()
            sprites[beat.speaker] = (beat.expression, sprite[1])  # type: ignore[index]
            return stage.with_sure(sprites, stage.maybe)
        return stage
    if not isinstance(beat, StageBeat):
        return stage
    if beat.action == "show" and beat.who:
        # the same character moves (or keeps their place); anyone else at that place is pushed off (game.stage)
        place = shown_place(stage.sprites(), beat.who, beat.at)
        sprites = {who: item for who, item in stage.sprites().items() if who != beat.who and item[1] != place}
        sprites[beat.who] = (beat.expression or "neutral", place)
        maybe = None if stage.maybe is None else stage.maybe | {beat.who}
        return stage.with_sure(sprites, maybe, {beat.who: beat.outfit})
    if beat.action == "hide":
        if beat.who == "all":
            return stage.with_sure({}, frozenset())
        sprites = {who: item for who, item in stage.sprites().items() if who != beat.who}
        maybe = None if stage.maybe is None else stage.maybe - {beat.who or ""}
        return stage.with_sure(sprites, maybe)
    if beat.action == "background":
        return StageKnown(stage.sure, stage.maybe, beat.asset, stage.music)
    if beat.action == "music":
        return StageKnown(stage.sure, stage.maybe, stage.background, None if beat.asset == "none" else beat.asset)
    return stage


def scene_start(scene: Scene) -> Known:
    if scene.background is not None:
        stage = StageKnown((), frozenset(), scene.background, UNKNOWN)
    else:
        stage = StageKnown((), None, UNKNOWN, UNKNOWN)
    if scene.music is not None:
        stage = StageKnown(stage.sure, stage.maybe, stage.background, None if scene.music == "none" else scene.music)
    return Known({}, stage)


def analyse_scene(story: Story, scene: Scene) -> SceneFlow:
    flow = SceneFlow()

    def walk(beats: tuple[Beat, ...], known: Known | None) -> Known | None:
        for beat in beats:
            if known is None:
                return None
            flow.before[id(beat)] = known
            if isinstance(beat, GotoBeat):
                return None
            if isinstance(beat, IfBeat):
                then_env = refine(beat.condition.tree, known.env, True)
                else_env = refine(beat.condition.tree, known.env, False)
                then_end = walk(beat.then, Known(then_env, known.stage)) if then_env is not None else None
                else_end = walk(beat.otherwise, Known(else_env, known.stage)) if else_env is not None else None
                known = join_known(then_end, else_end)
            elif isinstance(beat, EffectBeat):
                known = Known(apply_assignments(story, known.env, beat.op, beat.changes), known.stage)
            else:
                known = Known(known.env, _stage_after(beat, known.stage))
        return known

    flow.end = walk(scene.beats, scene_start(scene))
    return flow
