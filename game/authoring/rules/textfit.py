"""Lines too long for the dialogue box (HS023) and choices wider than their buttons (HS024), measured by the game's
own layout code (`game.authoring.layout_probe`). Phone messages are shown in the phone's scrolling thread, not the
box, and are not measured; nor are the lines of a `mode: nvl` passage, read on a full page. Without pygame the
check cannot run; the linter says so once instead of guessing."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.context import LintContext
from game.events import ChoiceOption, Line
from game.inline_text import InlineText, longest
from game.model import StageBeat, TextBeat
from game.problems import Problem
from game.program import emphasised

_PROBES: list = []  # the one probe of this process, while its fonts are usable


def _probe():
    """One probe per process: its fonts are opened once, and it remembers what it measured (a language server lints
    the same lines after every edit). Made again when something in the process quit pygame's font module."""
    from game.authoring.layout_probe import LayoutProbe

    if _PROBES and _PROBES[0].alive():
        return _PROBES[0]
    _PROBES[:] = [LayoutProbe()]
    return _PROBES[0]


def check(ctx: LintContext) -> Iterator[Problem]:
    try:
        probe = _probe()
    except (ImportError, OSError, RuntimeError) as error:
        ctx.notes.append(f"the fit checks (HS023, HS024) were skipped: the game's text layout is unavailable ({error})")
        return
    story = ctx.story
    page: set[int] = set()  # lines read on a full page (`mode: nvl`), which is not the box: not measured
    current, nvl = None, False
    for scene, beat in ctx.beats():
        if scene is not current:
            current, nvl = scene, False  # every scene starts with the dialogue box
        if isinstance(beat, StageBeat) and beat.action == "mode":
            nvl = beat.asset == "nvl"
        elif nvl:
            page.add(id(beat))
    for _, beat in ctx.beats():
        if not isinstance(beat, TextBeat) or beat.kind == "message" or beat.extends or id(beat) in page:
            continue
        character = story.characters.get(beat.speaker) if beat.speaker else None
        line = emphasised(  # measured as shown: without its emphasis markers, in its italic and bold
            Line(
                beat.kind,
                beat.text if beat.inline is None else longest(beat.inline.parts),
                beat.speaker,
                character.name if character else None,
                character.color if character else None,
                beat.expression,
                beat.id,
            )
        )
        if probe.surely_fits(line):  # most lines, decided by a bound in a fraction of the time of laying them out
            continue
        fit = probe.dialogue(line)
        if fit.rows > fit.room:
            yield ctx.problem(
                "HS023",
                beat.where,
                f"this line wraps to {fit.rows} rows, but the dialogue box shows {fit.room} at the default text size",
                "split it into two lines",
            )
    for scene in story.scenes.values():
        shown = [choice for choice in scene.choices if not choice.fallback]
        if not shown:
            continue
        options = tuple(
            ChoiceOption(
                number,
                choice.index,
                _widest(choice.text or "", choice.text_inline),
                choice.locked is None,
                None if choice.locked is None else _widest(choice.locked, choice.locked_inline),
            )
            for number, choice in enumerate(shown, start=1)
        )
        for position, part in probe.menu(options):
            choice = shown[position]
            key = "text" if part == "text" else "locked"
            what = "choice's text" if part == "text" else "choice's locked reason"
            yield ctx.problem(
                "HS024",
                ctx.index.value_pos(choice.where, key),
                f"this {what} is wider than its button in the choice menu",
                "shorten it",
            )


def _widest(text: str, inline: InlineText | None) -> str:
    """The widest a text can be shown: the text itself, or with each brace at its longest."""
    return text if inline is None else longest(inline.parts)
