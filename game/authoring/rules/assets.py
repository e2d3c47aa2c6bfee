"""Asset ids with no file behind them (HS007 background, HS008 music, HS009 sound), and files nothing uses (HS010).

Files are found only through `game.assets.AssetCatalog`, the same lookup the game uses. The game's own title screen
uses the `title` background and `title` music, and the front end owns everything in assets/ui: those are never
reported as unused. Nor are the alternatives a story may pick from: background variants (`NAME.night.svg`) of a
background in use and sprites in outfit folders other than `default` (see `game.dressing`). A story with no
assets of its own borrows the shipped art, which is not the author's to tidy: nothing in it is reported as unused.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.assets import AssetKind
from game.authoring.context import LintContext
from game.dressing import base_of
from game.model import Location, StageBeat, TextBeat
from game.paths import own_assets_dir
from game.problems import Problem, did_you_mean, display_path

USED_BY_THE_GAME: dict[str, frozenset[str]] = {"background": frozenset({"title"}), "music": frozenset({"title"})}

_MISSING = {
    "background": ("HS007", "assets/backgrounds/{id}.svg, .png or .jpg"),
    "music": ("HS008", "assets/music/{id}.ogg, .wav or .mp3"),
    "sound": ("HS009", "assets/sounds/{id}.wav or .ogg"),
}


def check(ctx: LintContext) -> Iterator[Problem]:
    uses: list[tuple[AssetKind, str, Location]] = []
    shown: set[str] = set()
    index = ctx.index
    for scene in ctx.story.scenes.values():
        if scene.background is not None:
            uses.append(("background", scene.background, index.inner_value_pos(scene.where, scene.id, "background")))
        if scene.music is not None and scene.music != "none":
            uses.append(("music", scene.music, index.inner_value_pos(scene.where, scene.id, "music")))
    for _, beat in ctx.beats():
        if isinstance(beat, StageBeat):
            if beat.action in _MISSING and beat.asset is not None and beat.asset != "none":
                uses.append((beat.action, beat.asset, index.value_pos(beat.where, beat.action)))  # type: ignore[arg-type]
            elif beat.action == "show" and beat.who:
                shown.add(beat.who)
        elif isinstance(beat, TextBeat) and beat.speaker:
            shown.add(beat.speaker)  # on stage, or as a side portrait
    # a character's faces are one set: everyone shown or heard uses all of theirs
    sprites = {sprite for sprite in ctx.catalog.ids("sprite") if sprite.partition("/")[0] in shown}

    catalog = ctx.catalog
    found: dict[tuple[str, str], bool] = {}
    for kind, asset, where in uses:
        key = (kind, asset)
        if key not in found:
            found[key] = catalog.path(kind, asset) is not None
        if not found[key]:
            code, files = _MISSING[kind]
            hint = did_you_mean(asset, catalog.ids(kind)) or f"add {files.format(id=asset)}"
            yield ctx.problem(code, where, f"there is no {kind} '{asset}' ({files.format(id=asset)})", hint)

    if own_assets_dir(ctx.story.story_dir) is None:  # borrowed art: unused files are not this story's
        return
    used = {kind: {asset for k, asset, _ in uses if k == kind} for kind in _MISSING}
    base = ctx.story.story_dir.parent
    for kind in ("background", "music", "sound"):
        exempt = USED_BY_THE_GAME.get(kind, frozenset())
        used_bases = {base_of(asset) for asset in used[kind]}
        candidates = catalog.ids(kind) - used[kind] - exempt
        unused = {a for a in candidates if a == base_of(a) or base_of(a) not in used_bases} - used_bases
        for asset in sorted(unused):
            path = catalog.path(kind, asset)
            if path is not None:
                yield _unused(ctx, display_path(path, base), f"the {kind} '{asset}' is never used")
    for sprite in sorted(catalog.ids("sprite") - sprites):
        who, _, expression = sprite.partition("/")
        path = catalog.sprite(who, expression)
        if path is not None:
            yield _unused(ctx, display_path(path, base), f"the sprite '{expression}' of '{who}' is never used")


def _unused(ctx: LintContext, file: str, message: str) -> Problem:
    return ctx.problem("HS010", Location(file, 1, 1), message, "use it in a scene, or delete the file")
