"""Building one scene from its YAML: its beats (text, stage, effects, `if`, `goto`, `extend`), its menu of choices
and the replies they carry, each checked with exact positions.

The story loader (`game.loader`) reads the manifest and finds the scene files; for each scene it hands a
`SceneBuilder` the scene's mapping and takes back the `Scene` (and the scenes of its choices' own lines).
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from game.dressing import NO_DRESSING, optional_outfit, read_background, read_dressing
from game.expressions import CompiledExpr, ExpressionError, compile_expression
from game.format_words import (
    CALL,
    CHOICE_KEYS,
    EFFECTS,
    EXTEND,
    MAX_BEAT_DEPTH,
    MAX_TITLE_CHARS,
    MODE_BEAT,
    NARRATOR,
    OTHER_BEATS,
    RETURN,
    SCENE_KEYS,
    SHOW_KEYS,
    STAGE_BEATS,
    TEXT_BEATS,
)
from game.inline_text import InlineText
from game.model import (
    Assignment,
    Beat,
    Choice,
    EffectBeat,
    GotoBeat,
    IfBeat,
    Location,
    Scene,
    StageBeat,
    TextBeat,
    TextKind,
    Variable,
)
from game.problems import did_you_mean
from game.staging import DEFAULT_PLACE, TEXT_MODES, read_place, read_transition
from game.yaml_fields import MISSING, FieldReader, type_name
from game.yaml_source import Pos, YList, YMap

if TYPE_CHECKING:
    from game.loader import _StoryLoader

_new_tuple = tuple.__new__


def location(reader: FieldReader, pos: Pos) -> Location:
    return _new_tuple(Location, (reader.display, pos.line, pos.column))  # Location(...) minus its Python __new__


def scene_targets(scene: Scene) -> Iterable[str]:
    """Every scene a scene can lead to: its gotos (in beats, at any depth), its next and its choices."""

    def walk(beats: tuple[Beat, ...]) -> Iterable[str]:
        for beat in beats:
            if isinstance(beat, GotoBeat):
                yield beat.target
            elif isinstance(beat, IfBeat):
                yield from walk(beat.then)
                yield from walk(beat.otherwise)

    yield from walk(scene.beats)
    if scene.next:
        yield scene.next
    if scene.returns_to:  # after a call: where its `return` comes back to
        yield scene.returns_to
    for choice in scene.choices:
        yield choice.goto


def scenes_needing_a_caller(scenes: Mapping[str, Scene]) -> set[str]:
    """The scenes play can only be in while a `call` waits: those that `return`, and those that lead to one before
    any other call (by goto, choice or next; a call scene leads on to where its call comes back to). Play cannot
    begin at one of them (its `return` would have nothing to go back to), so no chapter starts there."""
    leads_back: dict[str, list[str]] = {}
    for scene_id, scene in scenes.items():
        onward = [target for target in scene_targets(scene) if target != scene.next or scene.returns_to is None]
        for target in onward:
            leads_back.setdefault(target, []).append(scene_id)
    needing = {scene_id for scene_id, scene in scenes.items() if scene.returns}
    queue = deque(needing)
    while queue:
        for source in leads_back.get(queue.popleft(), ()):
            if source not in needing:
                needing.add(source)
                queue.append(source)
    return needing


def _is_expression_for(variable: Variable, text: str, variables: dict[str, Variable]) -> bool:
    """Whether a `set` value written as text is an expression rather than a value.

    An enum takes its values as bare words, as always; only the name of another variable is read as one (a copy).
    """
    if variable.type.kind == "enum":
        return text not in variable.type.values and text in variables
    return True


class BadText(Exception):
    """A text's braces could not be read (already reported)."""


def within(pos: Pos, text: str, offset: int) -> Pos:
    """Where the character at `offset` of a scalar's text stands: exact on one line, the scalar's start otherwise."""
    if "\n" in text:
        return Pos(pos.line, pos.column)
    return Pos(pos.line, pos.column + offset + (1 if pos.quoted else 0))


@dataclass(frozen=True, slots=True)
class _Call:
    """`call: X` while a scene is built: the scene is split there (see `SceneBuilder._split_calls`)."""

    target: str
    pos: Pos


@dataclass(frozen=True, slots=True)
class _Return:
    """`- return` while a scene is built: the scene ends by going back to the scene that called it."""

    pos: Pos


class SceneBuilder:
    """Builds one scene, reporting problems through the file's reader."""

    def __init__(self, loader: _StoryLoader, reader: FieldReader, scene_id: str, key_pos: Pos) -> None:
        self.loader = loader
        self.reader = reader
        self.scene_id = scene_id
        self.key_pos = key_pos
        self.id_counts: dict[str, int] = {}
        self.what = f"scene '{scene_id}'"
        self.dressing = NO_DRESSING
        self.line_before: TextBeat | None = None  # the last line written so far in the scene, for `extend`
        self.gather: str | None = None  # a menu scene's `next`: where choices with `lines` and no `goto` go on
        self.gather_given = False
        self.replies: list[tuple[str, tuple[Beat, ...], str, Pos]] = []  # (scene id, lines, goes on to, where)
        self.extra: list[Scene] = []  # the scenes of choices' own lines, built with the scene

    def build(self, spec: object, pos: Pos, chapter_above: str = "") -> Scene | None:
        reader = self.reader
        scene = reader.record(spec, pos, self.what, SCENE_KEYS, '{title: "...", chapter: ..., lines: [...], next: ...}')
        if scene is None:
            return None
        # What the scene as a whole lacks is said at its id, where an author looks for a scene
        title = reader.text(
            scene, "title", self.what, required=True, missing_at=self.key_pos, max_chars=MAX_TITLE_CHARS
        )
        chapter = reader.text(scene, "chapter", self.what, max_chars=MAX_TITLE_CHARS)
        if chapter is MISSING:
            chapter = chapter_above
        chapter_dressing = self.loader.chapter_dressing.get(chapter, NO_DRESSING) if isinstance(chapter, str) else None
        self.dressing = read_dressing(reader, scene, self.what, self.loader.characters).over(
            chapter_dressing or NO_DRESSING
        )
        background = (
            read_background(reader, scene["background"], scene.where("background"), "'background'", self.dressing)
            if "background" in scene
            else None
        )
        music = self._asset(scene, "music", allow_none=True)
        transition = read_transition(reader, scene, self.what)
        beats: tuple[Beat, ...] = ()
        if "lines" in scene:
            items = reader.sequence(
                scene["lines"], scene.where("lines"), f"'lines' of {self.what}", '[{narrate: "..."}]'
            )
            if items is not None:
                beats = self._beats(items, 0)
        exits = [key for key in ("choices", "next", "ending") if key in scene]
        returns = bool(beats) and isinstance(beats[-1], _Return)
        for beat in beats[:-1]:
            if isinstance(beat, _Return):
                reader.error(
                    beat.pos,
                    "'return' must be the last line of its scene",
                    "move the lines after it to the scene that called this one, or into another scene",
                )
        if returns:
            beats = beats[:-1]
            if exits:
                reader.error(
                    scene.key_pos[exits[0]],
                    f"{self.what} ends with 'return' and also has '{exits[0]}'",
                    "a scene that returns goes back to its caller: remove the 'choices', 'next' or 'ending'",
                )
            exits = []
        next_id = ending = None
        choices: tuple[Choice, ...] = ()
        if exits[:2] == ["choices", "next"] and len(exits) == 2:  # `next` after a menu: where replies go on to
            self.gather = self._scene_ref(scene["next"], scene.where("next"), "next scene")
            self.gather_given = True
            exits = ["choices"]
        if not exits and not returns:
            reader.error(
                self.key_pos, f"{self.what} has no way on", "end it with 'choices', 'next', 'ending' or '- return'"
            )
        elif len(exits) > 1:
            reader.error(
                scene.key_pos[exits[1]],
                f"{self.what} has both '{exits[0]}' and '{exits[1]}'",
                "a scene ends in exactly one of choices, next or ending",
            )
        elif exits:
            exit_key = exits[0]
            where = scene.where(exit_key)
            if exit_key == "next":
                next_id = self._scene_ref(scene[exit_key], where, "next scene")
            elif exit_key == "ending":
                ending = reader.reference(
                    scene[exit_key],
                    where,
                    "ending",
                    self.loader.endings,
                    "declare it under 'endings' in story.yaml",
                )
            else:
                choices = self._choices(scene[exit_key], where)
        if not all(isinstance(v, str) for v in (title, chapter)):
            return None
        head = self._split_calls(
            Scene(
                self.scene_id,
                title,
                chapter,
                background,
                music,
                beats,
                choices,
                next_id,
                ending,
                location(reader, self.key_pos),
                len(self.loader.scenes),
                returns=returns,
                transition=transition,
            ),
            self.scene_id,
        )
        for reply_id, reply_beats, goes_on, reply_pos in self.replies:
            self._split_calls(
                Scene(
                    reply_id,
                    title,
                    chapter,
                    None,
                    None,
                    reply_beats,
                    (),
                    goes_on,
                    None,
                    location(reader, reply_pos),
                    len(self.loader.scenes) + 1 + len(self.extra),
                    part_of=self.scene_id,
                ),
                self.scene_id,
                extra=True,
            )
        return head

    def _split_calls(self, scene: Scene, owner: str, extra: bool = False) -> Scene:
        """A scene whose lines hold `call: X` becomes a chain: the lines before the first call, going on (`next`)
        to X with `returns_to` the next part; each part after a call is a scene of its own (`ID__after_N`, part of
        the scene, no card), and the last part has the scene's own way on. The first part is returned (or, for
        `extra`, added to the scenes built with this one, as are the other parts)."""
        parts: list[list] = [[]]
        calls: list[_Call] = []
        for beat in scene.beats:
            if isinstance(beat, _Call):
                calls.append(beat)
                parts.append([])
            else:
                parts[-1].append(beat)
        if not calls:
            if extra:
                self.extra.append(scene)
            return scene
        ids = [scene.id] + [f"{scene.id}__after_{n}" for n in range(1, len(calls) + 1)]
        for part_id, call in zip(ids[1:], calls):
            if part_id in self.loader.scene_ids:
                self.reader.error(
                    call.pos,
                    f"the lines after this call would play as scene '{part_id}', but a scene has that id",
                    "rename that scene",
                )
        built: list[Scene] = []
        for number, part in enumerate(parts):
            last = number == len(calls)
            order = scene.order if number == 0 else 0  # the parts after a call are numbered as they are added
            built.append(
                Scene(
                    ids[number],
                    scene.title,
                    scene.chapter,
                    scene.background if number == 0 else None,
                    scene.music if number == 0 else None,
                    tuple(part),
                    scene.choices if last else (),
                    scene.next if last else calls[number].target,
                    scene.ending if last else None,
                    scene.where if number == 0 else location(self.reader, calls[number - 1].pos),
                    order,
                    part_of=scene.part_of if number == 0 else owner,
                    returns_to=None if last else ids[number + 1],
                    returns=scene.returns if last else False,
                    transition=scene.transition if number == 0 else None,
                )
            )
        for number, part_scene in enumerate(built):
            if number == 0 and not extra:
                continue
            self.extra.append(replace(part_scene, order=len(self.loader.scenes) + 1 + len(self.extra)))
        return built[0]

    def _asset(self, scene: YMap, key: str, allow_none: bool = False) -> str | None:
        if key not in scene:
            return None
        value = scene[key]
        if value is None and allow_none:
            return "none"
        return self.reader.identifier(value, scene.where(key), f"{key} asset id")

    def _scene_ref(self, value: object, pos: Pos, what: str) -> str | None:
        return self.reader.reference(value, pos, what, self.loader.scene_ids, "no scene has this id")

    def _beat_id(self, kind: str, speaker: str | None, text: str) -> str:
        digest = hashlib.blake2b(f"{kind}\x1f{speaker}\x1f{text}".encode(), digest_size=4).hexdigest()
        count = self.id_counts.get(digest, 0) + 1
        self.id_counts[digest] = count
        return f"{self.scene_id}.{digest}" + (f".{count}" if count > 1 else "")

    # -- beats ---------------------------------------------------------------------------------------------------

    def _beats(self, items: YList, depth: int) -> tuple[Beat, ...]:
        if depth > MAX_BEAT_DEPTH:
            self.reader.error(
                items.pos,
                f"'if' beats are nested more than {MAX_BEAT_DEPTH} deep",
                "split the scene into smaller scenes",
            )
            return ()
        beats: list[Beat] = []
        for item, pos in zip(items, items.item_pos):
            if item == RETURN:
                marker: _Call | _Return = _Return(pos)
            elif isinstance(item, YMap) and len(item) == 1 and CALL in item and CALL not in self.loader.characters:
                target = self._scene_ref(item[CALL], item.value_pos[CALL], "scene to call")
                if target is None:
                    continue
                marker = _Call(target, item.key_pos[CALL])
            else:
                marker = None  # type: ignore[assignment]
            if marker is not None:
                if depth > 0:
                    self.reader.error(
                        pos,
                        f"'{'call' if isinstance(marker, _Call) else 'return'}' goes at the top level of a scene's "
                        "lines, not inside an 'if'",
                        "make the 'if' go to a scene of its own (goto) that does the call or the return",
                    )
                else:
                    beats.append(marker)  # type: ignore[arg-type]
                self.line_before = None
                continue
            try:
                beat = self._beat(item, pos, depth)
            except BadText:
                continue
            if isinstance(beat, TextBeat) and not beat.extends:
                self.line_before = beat
            if beat is not None:
                beats.append(beat)
        return tuple(beats)

    def _beat(self, item: object, pos: Pos, depth: int) -> Beat | None:
        reader = self.reader
        beat = reader.mapping(item, pos, "a beat", '{narrate: "..."}')
        if beat is None:
            return None
        if "if" in beat:
            return self._if(beat, depth)
        if len(beat) != 1:
            keys = ", ".join(beat)
            reader.error(
                beat.pos,
                f"a beat has one key, but this one has {len(beat)} ({keys})",
                "put each beat in its own '- ' item (only 'if' goes with 'then' and 'else')",
            )
            return None
        ((key, value),) = beat.items()
        where = beat.value_pos[key]
        loc = location(reader, beat.key_pos[key])
        if key in self.loader.characters:  # speech, the commonest beat, first (no character id is a format word)
            return self._speech(key, value, where, loc)
        if key == "narrate" or key == NARRATOR:
            text = self._text_value(value, where, "narration")
            if text is None:
                return None
            inline = self.loader.inline(reader, text, where)
            return TextBeat(self._beat_id("narration", None, text), "narration", None, text, None, loc, inline)
        if key in ("think", "message"):
            return self._think_or_message(key, value, where, loc)
        if key in STAGE_BEATS:
            return self._stage(key, value, where, loc)
        if key == MODE_BEAT:
            if value not in TEXT_MODES:
                hint = did_you_mean(str(value), TEXT_MODES) or "write 'mode: nvl' (a page) or 'mode: adv' (the box)"
                reader.error(where, f"unknown text mode '{value}'", hint)
                return None
            return StageBeat(self._beat_id("mode", None, value), "mode", None, None, None, value, loc)
        if key in ("set", "add"):
            return self._effect(key, value, where, loc)
        if key == "goto":
            target = self._scene_ref(value, where, "scene")
            return None if target is None else GotoBeat(target, loc)
        if key == EXTEND:
            return self._extend(value, where, loc)
        if key in ("then", "else"):
            reader.error(beat.key_pos[key], f"'{key}' without 'if'", "add 'if: \"condition\"' to this beat")
            return None
        candidates = [*TEXT_BEATS, *STAGE_BEATS, *OTHER_BEATS, EXTEND, MODE_BEAT, *self.loader.characters]
        hint = did_you_mean(key, candidates) or (
            "a beat is narrate, think, message, show, hide, background, music, sound, effect, set, add, if, goto, "
            "extend, or a character id declared in story.yaml"
        )
        reader.error(beat.key_pos[key], f"unknown beat or character '{key}'", hint)
        return None

    def _extend(self, value: object, pos: Pos, loc: Location) -> TextBeat | None:
        """`extend: "..."`: more of the line shown before it, in that line's voice (see `Line.continues`)."""
        text = self._text_value(value, pos, "extension")
        if text is None:
            return None
        before = self.line_before
        if before is None:
            self.reader.error(
                pos,
                "'extend' needs a line before it in its scene",
                "write the start of the sentence as a line (narrate, a character's line, think or message) above it",
            )
            return None
        inline = self.loader.inline(self.reader, text, pos)
        beat_id = self._beat_id("extend", before.speaker, text)
        return TextBeat(beat_id, before.kind, before.speaker, text, None, loc, inline, extends=True)

    def _text_value(self, value: object, pos: Pos, what: str) -> str | None:
        if not isinstance(value, str):
            self.reader.error(
                pos,
                f"the {what} must be text, but it is {type_name(value)}",
                'put the text in double quotes: "..."',
            )
            return None
        if not value.strip():
            self.reader.error(pos, f"the {what} is empty", "write the text, or remove the beat")
            return None
        return value

    def _character(self, value: object, pos: Pos) -> str | None:
        return self.reader.reference(
            value, pos, "character", self.loader.characters, "declare it under 'characters' in story.yaml"
        )

    def _expression(self, value: object, pos: Pos) -> str | None:
        return self.reader.identifier(value, pos, "expression")

    def _speech(self, speaker: str, value: object, pos: Pos, loc: Location) -> TextBeat | None:
        expression = None
        if isinstance(value, YMap):
            self.reader.known_keys(value, ("text", "as"), f"a line of {speaker}")
            text = self.reader.text(value, "text", f"a line of {speaker}", required=True)
            if "as" in value:
                expression = self._expression(value["as"], value.where("as"))
            if not isinstance(text, str):
                return None
            pos = value.where("text")
        else:
            text = self._text_value(value, pos, f"line of {speaker}")
            if text is None:
                return None
        inline = self.loader.inline(self.reader, text, pos)
        return TextBeat(self._beat_id("speech", speaker, text), "speech", speaker, text, expression, loc, inline)

    def _think_or_message(self, key: str, value: object, pos: Pos, loc: Location) -> TextBeat | None:
        who_key = "who" if key == "think" else "from"
        example = '{who: charlie, text: "..."}' if key == "think" else '{from: nick, text: "Hi"}'
        spec = self.reader.mapping(value, pos, f"'{key}'", example)
        if spec is None:
            return None
        allowed = (who_key, "text", "as") if key == "think" else (who_key, "text")
        self.reader.known_keys(spec, allowed, f"'{key}'")
        text = self.reader.text(spec, "text", f"'{key}'", required=True)
        who = None
        if who_key not in spec:
            self.reader.error(spec.pos, f"'{key}' needs '{who_key}'", f"add '{who_key}: CHARACTER_ID'")
        else:
            who = self._character(spec[who_key], spec.where(who_key))
        expression = self._expression(spec["as"], spec.where("as")) if "as" in spec else None
        if not isinstance(text, str) or who is None:
            return None
        inline = self.loader.inline(self.reader, text, spec.where("text"))
        kind: TextKind = "thought" if key == "think" else "message"
        return TextBeat(self._beat_id(kind, who, text), kind, who, text, expression, loc, inline)

    def _stage(self, key: str, value: object, pos: Pos, loc: Location) -> StageBeat | None:
        reader = self.reader
        if key == "show":
            if isinstance(value, str):  # shorthand: `show: nick`
                who = self._character(value, pos)
                if who is None:
                    return None
                beat_id = self._beat_id("show", who, "")
                return StageBeat(beat_id, "show", who, "neutral", None, None, loc, self.dressing.outfit_of(who))
            spec = reader.record(value, pos, "'show'", SHOW_KEYS, "{who: nick, as: happy, at: left}")
            if spec is None:
                return None
            if "who" not in spec:
                reader.error(spec.pos, "'show' needs 'who'", "add 'who: CHARACTER_ID'")
                return None
            who = self._character(spec["who"], spec.where("who"))
            expression = self._expression(spec["as"], spec.where("as")) if "as" in spec else "neutral"
            at = read_place(reader, spec["at"], spec.where("at")) if "at" in spec else None
            if "at" in spec and at is None:
                return None
            own_outfit = optional_outfit(reader, spec)
            transition = read_transition(reader, spec, "'show'")
            if who is None or expression is None or own_outfit is None:
                return None
            outfit = self.dressing.outfit_of(who, None if own_outfit is MISSING else own_outfit)  # type: ignore[arg-type]
            beat_id = self._beat_id("show", who, f"{expression}@{at or DEFAULT_PLACE}")  # ids from before `at` kept
            return StageBeat(beat_id, "show", who, expression, at, None, loc, outfit, transition)
        if key == "hide":
            transition = None
            if isinstance(value, YMap):  # {who: nick, with: dissolve}
                reader.known_keys(value, ("who", "with", "duration"), "'hide'")
                if "who" not in value:
                    reader.error(value.pos, "'hide' needs 'who'", "add 'who: CHARACTER_ID' (or 'who: all')")
                    return None
                transition = read_transition(reader, value, "'hide'")
                pos, value = value.where("who"), value["who"]
            who = self._character(value, pos) if value != "all" else "all"
            if who is None:
                return None
            return StageBeat(self._beat_id("hide", who, ""), "hide", who, None, None, None, loc, None, transition)
        if key == "effect":
            if value not in EFFECTS:
                hint = did_you_mean(str(value), EFFECTS) or "the effects are " + ", ".join(EFFECTS)
                reader.error(pos, f"unknown effect '{value}'", hint)
                return None
            return StageBeat(self._beat_id("effect", None, value), "effect", None, None, None, value, loc)
        if key == "music" and value is None:
            value = "none"
        if key == "background":
            asset = read_background(reader, value, pos, "'background'", self.dressing, ("with", "duration"))
            transition = read_transition(reader, value, "'background'") if isinstance(value, YMap) else None
            if asset is None:
                return None
            beat_id = self._beat_id(key, None, asset.split(".")[0])
            return StageBeat(beat_id, "background", None, None, None, asset, loc, None, transition)
        asset = reader.identifier(value, pos, f"{key} asset id")
        if asset is None:
            return None
        return StageBeat(self._beat_id(key, None, asset), key, None, None, None, asset, loc)  # type: ignore[arg-type]

    def _effect(self, op: str, value: object, pos: Pos, loc: Location) -> EffectBeat | None:
        changes = self._assignments(op, value, pos)
        return None if changes is None else EffectBeat(op, changes, loc)  # type: ignore[arg-type]

    def _assignments(self, op: str, value: object, pos: Pos) -> tuple[Assignment, ...] | None:
        reader = self.reader
        example = "{grades: 1}" if op == "add" else "{out_to_team: true}"
        spec = reader.mapping(value, pos, f"'{op}'", example)
        if spec is None:
            return None
        changes = []
        ok = True
        for name, amount in spec.items():
            key_pos = spec.key_pos[name]
            variable_id = reader.reference(
                name, key_pos, "variable", self.loader.variables, "declare it under 'variables' in story.yaml"
            )
            if variable_id is None:
                ok = False
                continue
            variable = self.loader.variables[variable_id]
            where = spec.where(name)
            if op == "add":
                if variable.type.kind != "int":
                    reader.error(
                        key_pos,
                        f"'add' needs a number variable, but '{name}' is {variable.type.kind}",
                        "use 'set' for true/false and enum variables",
                    )
                    ok = False
                elif isinstance(amount, str):
                    expression = self._value_expression(variable, amount, where, "int")
                    if expression is None:
                        ok = False
                    else:
                        changes.append(Assignment(variable_id, None, location(reader, key_pos), expression))
                elif isinstance(amount, bool) or not isinstance(amount, int):
                    reader.error(
                        where,
                        f"'add' to '{name}' needs a whole number, but it is {type_name(amount)}",
                        f"write for example '{name}: 1', '{name}: -1' or '{name}: \"other - 1\"'",
                    )
                    ok = False
                else:
                    changes.append(Assignment(variable_id, amount, location(reader, key_pos)))
            elif isinstance(amount, str) and _is_expression_for(variable, amount, self.loader.variables):
                expression = self._value_expression(variable, amount, where, variable.type.kind)
                if expression is None:
                    ok = False
                else:
                    changes.append(Assignment(variable_id, None, location(reader, key_pos), expression))
            elif not variable.accepts(amount):
                reader.error(
                    where,
                    f"'{name}' must be {variable.describe()}, but this sets it to {amount!r}",
                    did_you_mean(str(amount), variable.type.values)
                    if variable.type.kind == "enum"
                    else "change the value, or the variable's declaration",
                )
                ok = False
            else:
                changes.append(Assignment(variable_id, amount, location(reader, key_pos)))
        if not spec:
            reader.error(pos, f"'{op}' is empty", f"write for example '{op}: {example}'")
            return None
        return tuple(changes) if ok else None

    def _value_expression(self, variable: Variable, text: str, pos: Pos, kind: str) -> CompiledExpr | None:
        """The expression a `set`/`add` gives a variable (`trust: "trust + 1"`), checked against its type."""
        what = f"the value of '{variable.id}'"
        want = "any" if kind == "enum" else kind
        try:
            loader = self.loader
            compiled = compile_expression(text, loader.var_types, loader.scene_ids, want, loader.constants)  # type: ignore[arg-type]
        except ExpressionError as error:
            self.reader.error(within(pos, text, error.offset), f"in {what}: {error.message}", error.hint)
            return None
        if kind == "enum":
            tree = compiled.tree
            other = getattr(tree, "var_type", None)
            if other is None or other.kind != "enum" or set(other.values) != set(variable.type.values):
                self.reader.error(
                    pos,
                    f"'{variable.id}' must be {variable.describe()}, but this sets it to {text!r}",
                    did_you_mean(text, variable.type.values)
                    or "an enum takes one of its values, or the value of an enum variable with the same values",
                )
                return None
        return compiled

    def _if(self, beat: YMap, depth: int) -> IfBeat | None:
        reader = self.reader
        reader.known_keys(beat, ("if", "then", "else"), "an 'if' beat")
        condition = self.loader._condition(reader, beat["if"], beat.where("if"), "the condition")
        branches: dict[str, tuple[Beat, ...]] = {"then": (), "else": ()}
        if "then" not in beat:
            reader.error(beat.pos, "an 'if' beat needs 'then'", "add 'then:' with the beats to play when it holds")
        for key in ("then", "else"):
            if key in beat:
                items = reader.sequence(beat[key], beat.where(key), f"'{key}'", '[{narrate: "..."}]')
                if items is not None:
                    branches[key] = self._beats(items, depth + 1)
        if condition is None:
            return None
        return IfBeat(condition, branches["then"], branches["else"], location(reader, beat.key_pos["if"]))

    # -- choices -------------------------------------------------------------------------------------------------

    def _choices(self, value: object, pos: Pos) -> tuple[Choice, ...]:
        reader = self.reader
        items = reader.sequence(value, pos, f"'choices' of {self.what}", '[{text: "...", goto: scene}]')
        if items is None:
            return ()
        if not items:
            reader.error(pos, f"{self.what} has an empty list of choices", "add choices, or use 'next'")
            return ()
        choices: list[Choice] = []
        fallbacks = 0
        texts: dict[str, int] = {}
        for index, (item, item_pos) in enumerate(zip(items, items.item_pos)):
            choice = self._choice(item, item_pos, index, texts)
            if choice is None:
                continue
            if choice.fallback:
                fallbacks += 1
                if fallbacks > 1:
                    reader.error(item_pos, f"{self.what} has more than one fallback", "keep one fallback")
            choices.append(choice)
        if choices and all(c.fallback for c in choices):
            reader.error(pos, f"{self.what} offers only a fallback", "use 'next' instead, or add choices")
        return tuple(choices)

    def _choice(self, item: object, pos: Pos, index: int, texts: dict[str, int]) -> Choice | None:
        reader = self.reader
        spec = reader.record(item, pos, "a choice", CHOICE_KEYS, '{text: "...", goto: scene}')
        if spec is None:
            return None
        fallback = reader.boolean(spec, "fallback", "a choice") if "fallback" in spec else False
        once = reader.boolean(spec, "once", "a choice") if "once" in spec else False
        flavor = reader.boolean(spec, "flavor", "a choice") if "flavor" in spec else False
        text = None
        if fallback:
            for key in ("text", "if", "locked", "once", "flavor"):
                if key in spec:
                    reader.error(
                        spec.key_pos[key],
                        f"a fallback choice cannot have '{key}'",
                        "a fallback has no text and is taken by itself when nothing else can be",
                    )
        else:
            text = reader.text(spec, "text", "a choice", required=True)
        if "goto" in spec:
            goto = self._scene_ref(spec["goto"], spec.where("goto"), "scene")
        elif "lines" in spec and self.gather_given:
            goto = self.gather
        elif "lines" in spec:
            reader.error(
                spec.pos,
                "a choice with 'lines' needs 'goto', or a 'next' on its scene to go on to",
                "add 'goto: SCENE_ID', or 'next: SCENE_ID' after the scene's choices",
            )
            goto = None
        else:
            reader.error(spec.pos, "a choice needs 'goto'", "add 'goto: SCENE_ID'")
            goto = None
        reply: tuple[Beat, ...] | None = None
        if "lines" in spec:
            items = reader.sequence(spec["lines"], spec.where("lines"), "'lines' of a choice", '[{narrate: "..."}]')
            if items is not None:
                reply = self._beats(items, 0)
                for beat in reply:
                    if isinstance(beat, _Return):
                        reader.error(
                            beat.pos,
                            "'return' goes in a scene's lines, not in a choice's",
                            "give the choice a 'goto' to a scene that ends with '- return'",
                        )
                        return None
        condition = None
        if "if" in spec and not fallback:
            condition = self.loader._condition(reader, spec["if"], spec.where("if"), "the choice's condition")
        locked = None
        if "locked" in spec and not fallback:
            locked_text = reader.text(spec, "locked", "a choice")
            locked = locked_text if isinstance(locked_text, str) else None
            if "if" not in spec:
                reader.error(
                    spec.key_pos["locked"],
                    "'locked' needs an 'if' on the same choice",
                    "add 'if: \"condition\"': the choice is shown locked while it does not hold",
                )
        inlines: list[InlineText | None] = []
        for key, value in (("text", text), ("locked", locked)):
            try:
                inlines.append(self.loader.inline(reader, value, spec.where(key)) if isinstance(value, str) else None)
            except BadText:
                text = None
                inlines.append(None)
        sets = self._assignments("set", spec["set"], spec.where("set")) if "set" in spec else ()
        adds = self._assignments("add", spec["add"], spec.where("add")) if "add" in spec else ()
        if goto is None or sets is None or adds is None or (not fallback and not isinstance(text, str)):
            return None
        if "if" in spec and not fallback and condition is None:
            return None
        key = text if text is not None else "<fallback>"
        digest = hashlib.blake2b(key.encode(), digest_size=3).hexdigest()
        repeat = texts.get(key, 0)
        texts[key] = repeat + 1  # the same text twice in one menu keeps distinct ids (the linter warns about it)
        choice_id = f"{self.scene_id}:{digest}" + (f".{repeat + 1}" if repeat else "")
        if reply is not None:  # the reply plays as a scene of its own (no card, no title), then goes on
            reply_id = f"{self.scene_id}__reply_{digest}" + (f"_{repeat + 1}" if repeat else "")
            if reply_id in self.loader.scene_ids:
                reader.error(
                    spec.key_pos["lines"],
                    f"the lines of this choice would play as scene '{reply_id}', but a scene has that id",
                    "rename that scene",
                )
                return None
            self.replies.append((reply_id, reply, goto, spec.key_pos["lines"]))
            goto = reply_id
        return Choice(
            choice_id,
            index,
            text,
            goto,
            sets,
            adds,
            condition,
            locked,
            once,
            fallback,
            location(reader, pos),
            flavor=flavor is True,
            text_inline=inlines[0],
            locked_inline=inlines[1],
        )
