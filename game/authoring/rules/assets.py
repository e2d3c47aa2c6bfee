"""Asset ids with no file behind them (HS007 background, HS008 music, HS009 sound), files nothing uses (HS010), and
files the game would not play or show (HS032), and a title screen without a picture (HS033).

Files are found only through `game.assets.AssetCatalog`, the same lookup the game uses. The game's own title screen
uses the `title` background and `title` music, and the front end owns everything in assets/ui: those are never
reported as unused. Nor are the alternatives a story may pick from: background variants (`NAME.night.svg`) of a
background in use and sprites in outfit folders other than `default` (see `game.dressing`). A story with no
assets of its own borrows the shipped art, which is not the author's to tidy: nothing in it is reported as unused.
Each file used is opened once and its first bytes read the way the game's decoder will (`game.asset_formats`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from game.asset_formats import BY_NAME, AssetKind, files_phrase, formats_for, sniff, will_play
from game.authoring.context import LintContext
from game.branding import DEFAULT_TITLE_ART, branding_of
from game.dressing import base_of, variant_ids
from game.model import Location, StageBeat, TextBeat
from game.paths import own_assets_dir
from game.problems import Problem, did_you_mean, display_path, path_for_user
from game.staging import is_colour
from game.wording import plural

USED_BY_THE_GAME: dict[str, frozenset[str]] = {"background": frozenset({"title"}), "music": frozenset({"title"})}

_MISSING = {
    "background": ("HS007", files_phrase("background").replace("ID", "{id}")),
    "music": ("HS008", files_phrase("music").replace("ID", "{id}")),
    "sound": ("HS009", files_phrase("sound").replace("ID", "{id}")),
}


def check(ctx: LintContext) -> Iterator[Problem]:
    # Each use keeps how to find its exact position, looked for only when it is reported: finding it reads the
    # file's YAML again (`SourceIndex`), which a story with every asset in place and playable never needs.
    uses: list[tuple[AssetKind, str, Callable[[], Location]]] = []
    sprite_uses: list[tuple[str, str, str | None, Location]] = []  # who, expression, outfit, where
    shown: set[str] = set()
    index = ctx.index
    for scene in ctx.story.scenes.values():
        if scene.background is not None:
            where: Callable[[], Location] = partial(index.inner_value_pos, scene.where, scene.id, "background")
            uses.append(("background", scene.background, where))
        if scene.music is not None and scene.music != "none":
            uses.append(("music", scene.music, partial(index.inner_value_pos, scene.where, scene.id, "music")))
    brand = branding_of(ctx.story)
    if brand.background and brand.background_at and not brand.background.startswith("#"):
        uses.append(("background", brand.background, partial(_known, brand.background_at)))
    if brand.music and brand.music_at and brand.music != "none":
        uses.append(("music", brand.music, partial(_known, brand.music_at)))
    for _, beat in ctx.beats():
        if isinstance(beat, StageBeat):
            if beat.action in _MISSING and beat.asset is not None and beat.asset != "none":
                uses.append((beat.action, beat.asset, partial(index.value_pos, beat.where, beat.action)))  # type: ignore[arg-type]
            elif beat.action == "show" and beat.who:
                shown.add(beat.who)
                sprite_uses.append((beat.who, beat.expression or "neutral", beat.outfit, beat.where))
        elif isinstance(beat, TextBeat) and beat.speaker:
            shown.add(beat.speaker)  # on stage, or as a side portrait
    # a character's faces are one set: everyone shown or heard uses all of theirs
    sprites = {sprite for sprite in ctx.catalog.ids("sprite") if sprite.partition("/")[0] in shown}

    catalog = ctx.catalog
    found: dict[tuple[str, str], bool] = {}
    uses = [use for use in uses if not (use[0] == "background" and is_colour(use[1]))]  # "#000000" needs no file
    for kind, asset, where in uses:
        key = (kind, asset)
        if key not in found:
            found[key] = catalog.path(kind, asset) is not None
        if not found[key]:
            yield _missing(ctx, kind, asset, where())
    yield from _unplayable(ctx, uses, sprite_uses)

    if own_assets_dir(ctx.story.story_dir) is None:  # borrowed art: unused files are not this story's
        return
    if brand.background is None and catalog.path("background", DEFAULT_TITLE_ART) is None:
        yield ctx.problem(
            "HS033",
            _manifest_key(ctx, "title"),
            "the title screen has no background: the manifest's title_screen names none and there is no "
            f"{files_phrase('background').replace('ID', DEFAULT_TITLE_ART)}",
            'draw assets/backgrounds/title.svg, or add title_screen: {background: ID or "#rrggbb"}',
        )
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


def _missing(ctx: LintContext, kind: AssetKind, asset: str, where: Location) -> Problem:
    """HS007-HS009: an asset id with no file. A background is named as the author wrote it (`bridge`, not the
    variant `bridge.night` the scene's time or season makes of it), offered the ids an author can write, and told
    every file that would serve: the plain one and the variants the game tries first."""
    code, files = _MISSING[kind]
    if kind != "background":
        hint = did_you_mean(asset, ctx.catalog.ids(kind)) or f"add {files.format(id=asset)}"
        return ctx.problem(code, where, f"there is no {kind} '{asset}' ({files.format(id=asset)})", hint)
    written = base_of(asset)
    variants = [variant for variant in variant_ids(asset) if variant != written]
    where_files = files.format(id=written)
    hint = did_you_mean(written, {base_of(known) for known in ctx.catalog.ids(kind)})
    add = f"add assets/backgrounds/{written}.svg"
    if variants:
        where_files += f"; {_either(variants, 'the variant', 'the variants')} would be shown first"
        add += f" (or {_either([f'{variant}.svg' for variant in variants], 'a variant:', 'a variant:')})"
    return ctx.problem(code, where, f"there is no background '{written}' ({where_files})", hint or add)


def _either(names: list[str], one: str, many: str) -> str:
    """`the variant a`, `the variants a, b or c`."""
    if len(names) == 1:
        return f"{one} {names[0]}"
    return f"{many} {', '.join(names[:-1])} or {names[-1]}"


def _unused(ctx: LintContext, file: str, message: str) -> Problem:
    return ctx.problem("HS010", Location(file, 1, 1), message, "use it in a scene, or delete the file")


def _unplayable(
    ctx: LintContext,
    uses: list[tuple[AssetKind, str, Callable[[], Location]]],
    sprite_uses: list[tuple[str, str, str | None, Location]],
) -> Iterator[Problem]:
    """HS032 at the first use of each file the game would not play or show, with how many other uses it has."""
    catalog = ctx.catalog
    files: dict[Path, tuple[AssetKind, str, Callable[[], Location], int]] = {}
    located: list[tuple[AssetKind, Path | None, str, Callable[[], Location]]] = [
        (kind, catalog.path(kind, asset), f"{kind} '{asset}'", where) for kind, asset, where in uses
    ]
    for who, expression, outfit, at in sprite_uses:
        label = f"sprite '{who}/{outfit}/{expression}'" if outfit else f"sprite '{who}/{expression}'"
        located.append(("sprite", catalog.sprite(who, expression, outfit), label, partial(_known, at)))
    if ctx.story.icon:  # the window's icon, from the manifest
        located.append(
            (
                "icon",
                catalog.path("icon", ctx.story.icon),
                f"icon '{ctx.story.icon}'",
                partial(_manifest_key, ctx, "icon"),
            )
        )
    for kind, path, label, where in located:
        if path is None:
            continue  # missing: HS004/HS005/HS007-HS009 say so
        first = files.get(path)
        files[path] = (kind, label, where, 0) if first is None else (*first[:3], first[3] + 1)
    for path, (kind, label, where, others) in files.items():
        found = sniff(path)
        fmt = BY_NAME.get(found.format or "")
        reason = will_play(kind, found, opus=ctx.opus_playable() if fmt and fmt.needs_probe else True)
        if not reason:
            continue
        also = f" (and {plural(others, 'other use')})" if others else ""
        yield ctx.problem(
            "HS032",
            where(),
            f"the {label} {'will not play' if kind in ('music', 'sound') else 'cannot be shown'}: "
            f"{path_for_user(path)} {reason}{also}",
            "convert it to " + " or ".join(f.label for f in formats_for(kind) if not f.needs_probe),
        )


def _known(where: Location) -> Location:
    """A position already known, for a use whose position is otherwise looked up only when reported."""
    return where


def _manifest_key(ctx: LintContext, key: str) -> Location:
    """Where `key:` starts a line of the manifest (its first line when it is not there)."""
    file = ctx.story.manifest_file
    for number in range(1, 400):
        line = ctx.index.line(file, number)
        if line.startswith(f"{key}:"):
            return Location(file, number, 1)
    return Location(file, 1, 1)
