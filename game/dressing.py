"""Dressing the stage: what characters wear (outfits) and when a place is seen (time of day and season).

Why it exists: the story format says *who* stands *where*; this adds *in what* and *when*, without making authors
repeat themselves. The loader reads three optional keys, in three places, and the nearest one wins:

- on a beat: `show: {who: nick, as: happy, outfit: prom}` and
  `background: {id: eiffel_tower, time: night, season: summer}` (the scene's own `background:` takes the same form);
- on a scene: `outfits: {nick: prom, charlie: prom}`, `time: night`, `season: summer`;
- on a chapter, in the manifest: `chapters: {Prom: {outfits: {...}, time: night, season: summer}}`.

Everything is settled when the story loads: a `show` carries the outfit it resolved to (None for the character's
default clothes, `outfit: default` says so explicitly), and a background carries the asset id of its variant,
`NAME.SEASON.TIME` with the parts that apply (`eiffel_tower.night`, `nick_garden.summer.day`). Front ends find
the variant's file and fall back to the plain `NAME` art when a variant was not drawn. Nothing here changes a
story that does not use these keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.problems import did_you_mean
from game.staging import COLOUR
from game.yaml_fields import MISSING, FieldReader, type_name
from game.yaml_source import Pos, YMap

TIMES = ("day", "dusk", "night")
SEASONS = ("spring", "summer", "autumn", "winter")
DEFAULT_OUTFIT = "default"
DRESSING_KEYS = ("outfits", "time", "season")


@dataclass(frozen=True)
class Dressing:
    """Outfits (who -> outfit, "default" for the default clothes), a time of day and a season; None is unset."""

    outfits: dict[str, str] = field(default_factory=dict)
    time: str | None = None
    season: str | None = None

    def over(self, base: Dressing) -> Dressing:
        """This dressing with `base` filling in what it leaves unset."""
        return Dressing({**base.outfits, **self.outfits}, self.time or base.time, self.season or base.season)

    def outfit_of(self, who: str, given: str | None = None) -> str | None:
        """The outfit a `show` of `who` resolves to (None: the default clothes)."""
        outfit = given or self.outfits.get(who)
        return None if outfit in (None, DEFAULT_OUTFIT) else outfit


NO_DRESSING = Dressing()


def variant_id(base: str, *, time: str | None = None, season: str | None = None) -> str:
    """The asset id of a background variant: `NAME`, `NAME.TIME`, `NAME.SEASON` or `NAME.SEASON.TIME`."""
    return ".".join(part for part in (base, season, time) if part)


def base_of(asset: str) -> str:
    """The plain background id of a variant id."""
    return asset.split(".", 1)[0]


def variant_ids(asset: str) -> list[str]:
    """The files to try for a background id, best first: the exact variant, then with fewer parts, then plain."""
    parts = asset.split(".")
    base, rest = parts[0], parts[1:]
    season = next((p for p in rest if p in SEASONS), None)
    time = next((p for p in rest if p in TIMES), None)
    order = [variant_id(base, season=season, time=time), variant_id(base, time=time), variant_id(base, season=season)]
    order.append(base)
    return list(dict.fromkeys(order))


def _choice(reader: FieldReader, mapping: YMap, key: str, allowed: tuple[str, ...], what: str) -> str | None:
    if key not in mapping:
        return None
    value = mapping[key]
    if not isinstance(value, str) or value not in allowed:
        shown = f"'{value}'" if isinstance(value, str) else type_name(value)
        reader.error(mapping.value_pos[key], f"{shown} is not a {key} in {what}", f"use one of: {', '.join(allowed)}")
        return None
    return value


def read_dressing(reader: FieldReader, mapping: YMap, what: str, characters: dict) -> Dressing:
    """The `outfits`, `time` and `season` keys of a scene or a chapter (the caller checks for unknown keys)."""
    outfits: dict[str, str] = {}
    if "outfits" in mapping:
        table = reader.mapping(mapping["outfits"], mapping.where("outfits"), f"'outfits' of {what}", "{nick: prom}")
        if table is not None:
            for who, outfit in table.items():
                key_pos = table.key_pos[who]
                if reader.reference(who, key_pos, "character", characters, "declare it in story.yaml") is None:
                    continue
                name = reader.identifier(outfit, table.value_pos[who], "outfit name")
                if name is not None:
                    outfits[who] = name
    time = _choice(reader, mapping, "time", TIMES, what)
    season = _choice(reader, mapping, "season", SEASONS, what)
    return Dressing(outfits, time, season)


def read_chapters(reader: FieldReader, manifest: YMap, characters: dict) -> dict[str, Dressing]:
    """The manifest's `chapters:` table: chapter name -> its dressing."""
    if "chapters" not in manifest:
        return {}
    table = reader.mapping(
        manifest["chapters"], manifest.where("chapters"), "'chapters'", "{Prom: {season: summer, time: night}}"
    )
    if table is None:
        return {}
    out: dict[str, Dressing] = {}
    for name, spec in table.items():
        what = f"chapter '{name}'"
        spec_map = reader.record(
            spec, table.where(name), what, DRESSING_KEYS, "{season: summer, outfits: {nick: prom}}"
        )
        if spec_map is None:
            continue
        out[str(name)] = read_dressing(reader, spec_map, what, characters)
    return out


def check_chapter_names(reader: FieldReader, manifest: YMap, chapters: set[str]) -> None:
    """Every chapter the manifest dresses is a chapter some scene is in (a misspelt name would dress nothing)."""
    table = manifest.get("chapters")
    if not isinstance(table, YMap):
        return
    for name in table:
        if name not in chapters:
            hint = did_you_mean(str(name), chapters) or "chapters are named by the scenes' 'chapter:'"
            reader.error(table.key_pos[name], f"no scene is in the chapter '{name}'", hint)


def read_background(
    reader: FieldReader, value: object, pos: Pos, what: str, dressing: Dressing, extra_keys: tuple[str, ...] = ()
) -> str | None:
    """A background given as `NAME` or `{id: NAME, time: ..., season: ...}`, as the asset id of its variant; or a
    solid colour, `"#rrggbb"` (as is, lower-case: a colour has no variants). `extra_keys` may stand in the
    mapping too (a beat's `with:`, read by its caller)."""
    time, season = dressing.time, dressing.season
    if isinstance(value, str) and COLOUR.match(value):
        return value.lower()
    if isinstance(value, YMap):
        reader.known_keys(value, ("id", *DRESSING_KEYS[1:], *extra_keys), what)
        if "id" not in value:
            reader.error(value.pos, f"{what} needs 'id'", "write {id: NAME, time: night}")
            return None
        if isinstance(value["id"], str) and COLOUR.match(value["id"]):
            return value["id"].lower()
        base = reader.identifier(value["id"], value.where("id"), "background asset id")
        time = _choice(reader, value, "time", TIMES, what) or time
        season = _choice(reader, value, "season", SEASONS, what) or season
    else:
        base = reader.identifier(value, pos, "background asset id")
    if base is None:
        return None
    return variant_id(base, time=time, season=season)


def optional_outfit(reader: FieldReader, spec: YMap) -> str | object | None:
    """A `show`'s own `outfit:` (MISSING when it has none, None when it is malformed)."""
    if "outfit" not in spec:
        return MISSING
    return reader.identifier(spec["outfit"], spec.where("outfit"), "outfit name")
