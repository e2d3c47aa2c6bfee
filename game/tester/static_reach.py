"""What no play can ever do, proved without exploring: interval abstract interpretation over the whole story.

The exhaustive explorer proves a scene, ending or choice unreachable only when it explores every state; a run
stopped by `--max-states` proves nothing by not getting somewhere. This over-approximation answers the other way:
it follows every scene's beats with each variable's possible values kept as a domain (an interval for an int, a
set of values for an enum or bool, as `game.authoring.intervals` does for the linter), from the start's exact
values, through `if`s (both branches, each narrowed by its condition), `set`, `add` (clamped to the declared
bounds), `goto`, `next`, each choice whose condition can hold (narrowed by it, then its `set`/`add`) and the
fallback, joining the domains where ways meet, until nothing changes. Visit counts and once-choices are not
tracked (any count, any choice offered again): that only widens what is possible.

Whatever it finds impossible (a scene never entered, an ending never finished, a choice whose condition can never
hold where it is offered, an invariant that cannot be broken) is impossible in every play: a sound refutation. What
it finds possible may still be impossible: then only exploration can tell. The fixpoint is near-linear in the
story's size: each scene is taken again only when what arrives at it grows, and an int that keeps growing round a
loop is widened to its declared bounds after a few rounds.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field

from game.authoring.flow import apply_assignments
from game.authoring.intervals import Env, IntDom, SetDom, declared, join, refine
from game.model import Beat, EffectBeat, GotoBeat, IfBeat, Scene, Story

WIDEN_AFTER = 6  # rounds of growth at one scene before its growing ints jump to their declared bounds


@dataclass
class StaticReach:
    """Everything some play might do (an over-approximation): what is not in here, no play does."""

    entered: dict[str, Env] = field(default_factory=dict)  # scene -> domains at its entry
    left: dict[str, Env] = field(default_factory=dict)  # scene -> domains where it is left (after its effects)
    endings: set[str] = field(default_factory=set)
    choices: set[tuple[str, int]] = field(default_factory=set)  # (scene, choice index) that might be taken
    menus: set[str] = field(default_factory=set)  # scenes whose menu might be reached

    def may_enter(self, scene: str) -> bool:
        return scene in self.entered

    def may_take(self, scene: str, index: int) -> bool:
        return (scene, index) in self.choices

    def invariant_may_break(self, story: Story, number: int) -> bool:
        """Whether some scene entry, or some point a scene is left, might break the invariant."""
        tree = story.invariants[number].condition.tree
        return any(refine(tree, env, False) is not None for env in (*self.entered.values(), *self.left.values()))


def static_reach(story: Story, start: str | None = None, given: Mapping[str, object] | None = None) -> StaticReach:
    """The over-approximation from `start` (the story's own by default) with `given` values at the start."""
    values: dict[str, object] = dict(story.defaults())
    values.update(given or {})
    first: dict[str, object] = {}
    for name, value in values.items():
        kind = story.variables[name].type.kind
        first[name] = IntDom(value, value) if kind == "int" else SetDom(frozenset((value,)))  # type: ignore[arg-type]
    found = StaticReach()
    rounds: dict[str, int] = {}
    work: deque[str] = deque()

    def arrive(scene: str, env: Env) -> None:
        known = found.entered.get(scene)
        merged = env if known is None else join(known, env)
        assert merged is not None
        if known is not None:
            if _covers(known, merged):
                return
            rounds[scene] = rounds.get(scene, 0) + 1
            if rounds[scene] > WIDEN_AFTER:
                merged = _widened(story, known, merged)
        found.entered[scene] = merged
        if scene not in work:
            work.append(scene)

    def leave(scene: str, env: Env) -> None:
        known = found.left.get(scene)
        found.left[scene] = env if known is None else join(known, env)  # type: ignore[assignment]

    arrive(start or story.start, first)  # type: ignore[arg-type]
    while work:
        scene_id = work.popleft()
        scene = story.scenes[scene_id]

        def goto(target: str, env: Env, scene_id: str = scene_id) -> None:
            leave(scene_id, env)
            arrive(target, env)

        end = _walk(story, scene.beats, found.entered[scene_id], goto)
        if end is None:
            continue
        leave(scene_id, end)
        _exits(story, scene, end, found, arrive)
    return found


def _walk(story: Story, beats: tuple[Beat, ...], env: Env | None, goto) -> Env | None:
    """The domains at the end of these beats (None when every way leaves by a goto); gotos are passed on."""
    for beat in beats:
        if env is None:
            return None
        if isinstance(beat, GotoBeat):
            goto(beat.target, env)
            return None
        if isinstance(beat, IfBeat):
            then_env = refine(beat.condition.tree, env, True)
            else_env = refine(beat.condition.tree, env, False)
            then_end = _walk(story, beat.then, then_env, goto) if then_env is not None else None
            else_end = _walk(story, beat.otherwise, else_env, goto) if else_env is not None else None
            env = join(then_end, else_end)
        elif isinstance(beat, EffectBeat):
            env = apply_assignments(story, env, beat.op, beat.changes)
    return env


def _exits(story: Story, scene: Scene, env: Env, found: StaticReach, arrive) -> None:
    if scene.next is not None:
        arrive(scene.next, env)
        return
    if scene.ending is not None:
        found.endings.add(scene.ending)
        return
    found.menus.add(scene.id)
    always_open = False
    for choice in scene.choices:
        if choice.fallback:
            continue
        narrowed = env if choice.condition is None else refine(choice.condition.tree, env, True)
        if narrowed is None:
            continue
        if choice.condition is None and not choice.once:
            always_open = True
        found.choices.add((scene.id, choice.index))
        after = narrowed
        if choice.sets:
            after = apply_assignments(story, after, "set", choice.sets)
        if choice.adds:
            after = apply_assignments(story, after, "add", choice.adds)
        arrive(choice.goto, after)
    if not always_open:
        for choice in scene.choices:
            if choice.fallback:
                found.choices.add((scene.id, choice.index))
                arrive(choice.goto, env)


def _covers(known: Env, merged: Env) -> bool:
    """Whether `merged` (known joined with something new) says nothing `known` did not already."""
    if known.keys() != merged.keys():
        return False
    return all(known[name] == merged[name] for name in known)


def _widened(story: Story, known: Env, merged: Env) -> Env:
    """Ints still growing after many rounds jump to their declared bounds (so loops settle in a few rounds)."""
    widened = dict(merged)
    for name, dom in merged.items():
        old = known.get(name)
        if isinstance(dom, IntDom) and isinstance(old, IntDom) and dom != old and name in story.variables:
            bounds = declared(story.variables[name].type)
            assert isinstance(bounds, IntDom)
            widened[name] = IntDom(bounds.lo if dom.lo < old.lo else dom.lo, bounds.hi if dom.hi > old.hi else dom.hi)
    return widened
