"""Emphasis markers that found no partner (HS031): `*` or `**` before a word that no closing run matches, or after
one that none opened. They show as written (so no story reads differently for them), which is seldom what the
author meant; the warning points at the exact column.

Emphasis is read in the text the player sees: a line with braces (`{brave: *sure*|not}`, `{~a|b}`, `{days}`) is
read once it is worked out, so the rule judges every way the line can read (each pick's two texts, each variety
option, once-only's nothing; a value as the widest it shows, an enum also as each label holding an asterisk), not
the line as written: `{brave: *yes|no*}` is flagged though its written asterisks pair up, and `{a: one *|two}`
is not, though as written its asterisk seems to open something. A line with more ways than `MAX_WAYS` is judged on
the first `MAX_WAYS` of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext
from game.emphasis import read_emphasis
from game.inline_text import Parts, Pick, Shown, Variety, walk_parts, widest_value
from game.model import TextBeat
from game.problems import Problem

MAX_WAYS = 256  # ways one line can read, judged in full (a line of eight two-way picks has 256)

# One way a line can read: its pieces, each with the literal text of the line it came from (None: a value).
Way = tuple[tuple[str, str | None], ...]


def check(ctx: LintContext) -> Iterator[Problem]:
    index = ctx.index
    for _, beat in ctx.beats():
        if not isinstance(beat, TextBeat) or ("*" not in beat.text and not _labels_have_asterisks(beat)):
            continue
        offset = _unpartnered(beat)
        if offset is None:
            continue
        if beat.extends:
            key = "extend"
        elif beat.kind == "speech":
            assert beat.speaker is not None  # a spoken line always names its speaker
            key = beat.speaker
        else:
            key = "narrate"
        at = index.text_pos(beat.where, key, offset, beat.text)
        if at == beat.where and beat.kind == "narration":
            at = index.text_pos(beat.where, "narrator", offset, beat.text)
        yield ctx.problem(
            "HS031",
            at,
            "this asterisk starts or ends no emphasis, so it shows as written"
            + ("" if beat.inline is None or not beat.inline.dynamic else " (in one way this line can read)"),
            "close it (*italic*, **bold**), or write \\* for an asterisk meant as itself",
        )


def _unpartnered(beat: TextBeat) -> int | None:
    """Where in the written text the first asterisk run that the player can see unpartnered is (None: none is)."""
    inline = beat.inline
    if inline is None or not inline.dynamic:
        unmatched = read_emphasis(beat.text).unmatched
        return unmatched[0] if unmatched else None
    for way in _ways(inline.parts):
        unmatched = read_emphasis("".join(text for text, _ in way)).unmatched
        if unmatched:
            return _written_offset(way, unmatched[0], inline.source)
    return None


def _written_offset(way: Way, offset: int, source: str) -> int:
    """Character `offset` of a worked-out line, as an offset in the line as written (its piece's first place there;
    0 when it came from a value)."""
    start = 0
    for text, literal in way:
        if start <= offset < start + len(text):
            found = source.find(literal) if literal is not None else -1
            return found + offset - start if found >= 0 else 0
        start += len(text)
    return 0


def _ways(parts: Parts) -> list[Way]:
    """The ways `parts` can read, the first `MAX_WAYS` of them, each once."""
    ways: list[Way] = [()]
    for part in parts:
        choices = _choices(part)
        ways = [way + choice for way in ways for choice in choices][:MAX_WAYS]
    return list(dict.fromkeys(ways))


def _choices(part: str | Shown | Pick | Variety) -> list[Way]:
    if isinstance(part, str):
        return [((part, part),)]
    if isinstance(part, Shown):
        shown = [widest_value(part)] + [label for _, label in part.labels if "*" in label]
        return [((text, None),) for text in dict.fromkeys(shown)]
    if isinstance(part, Pick):
        return _ways(part.then) + _ways(part.otherwise)
    options = [way for option in part.options for way in _ways(option)]
    return [*options, ()] if part.kind == "once" else options


def _labels_have_asterisks(beat: TextBeat) -> bool:
    """Whether a value the line shows is an enum label with an asterisk in it (rare; a label is shown as it is)."""
    if beat.inline is None:
        return False
    return any(
        isinstance(part, Shown) and any("*" in label for _, label in part.labels)
        for part in walk_parts(beat.inline.parts)
    )
