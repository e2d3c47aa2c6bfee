"""Variables that count: where each is read and written, and the writes no play can ever observe (dead writes).

A write is *dead* when, on every way the story can go on from it, the variable is set again before anything reads
it, or never read at all: the value written can change nothing a player sees or does. Reads are the conditions of
`if`s (those that only pick lines to show included: showing a line is observing) and of choices; an invariant is a
check on the story, not something a player observes, so it does not count. The analysis is a backward liveness
fixpoint over the scenes' beats (the same flow as the story's text: `if`s both ways, `goto`s, `next`, every
choice with its own `set`/`add`), so it holds for every play: a write it calls dead is dead on every path.
An `add` keeps the variable's earlier value alive only when its result is itself read later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.inline_text import InlineText, inline_expressions
from game.model import Beat, EffectBeat, GotoBeat, IfBeat, Location, Scene, Story, TextBeat
from game.tester.analysis import return_targets, scene_predecessors, settle_backwards


@dataclass
class VariableUse:
    """One variable: how many conditions read it and how many `set`/`add`s write it, and the dead ones."""

    reads: int = 0
    writes: int = 0
    dead_writes: list[Location] = field(default_factory=list)


def variable_uses(story: Story) -> dict[str, VariableUse]:
    uses = {name: VariableUse() for name in story.variables}
    for scene in story.scenes.values():
        for condition in _conditions(scene):
            for name in condition.reads:
                uses[name].reads += 1
        for expression in _other_reads(scene):
            for name in expression.reads:
                uses[name].reads += 1
        for beat in _beats(scene.beats):
            if isinstance(beat, EffectBeat):
                for change in beat.changes:
                    uses[change.variable].writes += 1
        for choice in scene.choices:
            for change in (*choice.sets, *choice.adds):
                uses[change.variable].writes += 1
    live = _live_at_entry(story)
    for scene in story.scenes.values():
        dead: list = []
        _scene_live(story, scene, live, dead)
        for name, where in dead:
            uses[name].dead_writes.append(where)
    for use in uses.values():
        use.dead_writes.sort()
    return uses


def _conditions(scene: Scene):
    for beat in _beats(scene.beats):
        if isinstance(beat, IfBeat):
            yield beat.condition
    for choice in scene.choices:
        if choice.condition is not None:
            yield choice.condition


def _other_reads(scene: Scene):
    """The expressions a scene reads besides conditions: in `set`/`add` and inside text's braces."""
    for beat in _beats(scene.beats):
        if isinstance(beat, EffectBeat):
            yield from (change.expression for change in beat.changes if change.expression is not None)
        elif isinstance(beat, TextBeat) and beat.inline is not None:
            yield from inline_expressions(beat.inline.parts)
    for choice in scene.choices:
        yield from (change.expression for change in (*choice.sets, *choice.adds) if change.expression is not None)
        for inline in (choice.text_inline, choice.locked_inline):
            if inline is not None:
                yield from inline_expressions(inline.parts)


def _beats(beats: tuple[Beat, ...]):
    for beat in beats:
        yield beat
        if isinstance(beat, IfBeat):
            yield from _beats(beat.then)
            yield from _beats(beat.otherwise)


def _live_at_entry(story: Story) -> dict[str, frozenset[str]]:
    """Scene -> the variables some play may read, from its entry on, before setting them (a least fixpoint)."""
    live: dict[str, frozenset[str]] = {scene_id: frozenset() for scene_id in story.scenes}

    def update(scene_id: str) -> bool:
        found = _scene_live(story, story.scenes[scene_id], live, None)
        changed = found != live[scene_id]
        live[scene_id] = found
        return changed

    settle_backwards(story.scenes, scene_predecessors(story), update)
    return live


def _scene_live(story: Story, scene: Scene, live: dict[str, frozenset[str]], dead: list | None) -> frozenset[str]:
    """The variables live at a scene's entry, given those at every scene's entry; dead writes go into `dead`."""
    if scene.ending is not None:
        after: frozenset[str] = frozenset()
    elif scene.next is not None:
        after = live[scene.next]
    elif scene.returns:  # back to whichever call is waiting: what any of them may read
        after = frozenset().union(*(live[target] for target in return_targets(story)))
    else:
        after = frozenset()
        for choice in scene.choices:
            through = set(live[choice.goto])
            target = live[choice.goto]
            reads: set[str] = set()
            for change in choice.adds:
                if change.variable not in target:
                    if dead is not None:
                        dead.append((change.variable, change.where))
                elif change.expression is not None:
                    reads |= change.expression.reads
            for change in choice.sets:
                if change.variable not in target:
                    if dead is not None:
                        dead.append((change.variable, change.where))
                else:
                    through.discard(change.variable)
                    if change.expression is not None:
                        reads |= change.expression.reads
            through |= reads  # the choice's `set`s all run before its `add`s, each reading the values before it
            if choice.condition is not None:
                through |= choice.condition.reads
            for inline in (choice.text_inline, choice.locked_inline):  # a menu's texts show values too
                if inline is not None:
                    through |= _inline_reads(inline)
            after = after | frozenset(through)
    return _beats_live(scene.beats, after, live, dead)


def _inline_reads(inline: InlineText) -> frozenset[str]:
    return frozenset().union(*(expression.reads for expression in inline_expressions(inline.parts)))


def _beats_live(
    beats: tuple[Beat, ...], after: frozenset[str], live: dict[str, frozenset[str]], dead: list | None
) -> frozenset[str]:
    current = after
    for beat in reversed(beats):
        if isinstance(beat, GotoBeat):
            current = live[beat.target]
        elif isinstance(beat, IfBeat):
            current = (
                _beats_live(beat.then, current, live, dead)
                | _beats_live(beat.otherwise, current, live, dead)
                | beat.condition.reads
            )
        elif isinstance(beat, EffectBeat):
            for change in reversed(beat.changes):
                if change.variable not in current:
                    if dead is not None:
                        dead.append((change.variable, change.where))
                    continue
                if beat.op == "set":
                    current = current - {change.variable}
                if change.expression is not None:  # `trust: "trust + 1"` reads what it is worked out from
                    current = current | change.expression.reads
        elif isinstance(beat, TextBeat) and beat.inline is not None:  # `{days}` shows a value: a read
            current = current | _inline_reads(beat.inline)
    return current
