"""Outfits and background variants (time of day, season): how authors write them, what the engine emits, what a
save keeps, where the files are looked for, and what the linter says."""

from __future__ import annotations

from pathlib import Path

from storybuild import build, problems_of, write_story

from game.assets import AssetCatalog
from game.dressing import variant_ids
from game.events import SceneEntered, StageChange
from game.playthrough import Playthrough

MANIFEST = """\
title: "Test"
start: a
characters:
  charlie: {name: Charlie}
  nick: {name: Nick}
chapters:
  Prom: {outfits: {nick: prom, charlie: prom}, time: night, season: summer}
endings:
  done: {title: "Done"}
"""

SCENES = """\
a:
  title: "A"
  chapter: One
  background: {id: garden, time: day, season: spring}
  outfits: {nick: casual}
  lines:
    - show: {who: nick, as: happy, at: right}
    - show: {who: charlie, outfit: uniform}
    - nick: "Hi."
    - background: {id: street, time: night}
  next: b
b:
  title: "B"
  chapter: Prom
  background: hall
  lines:
    - show: {who: nick, at: left}
    - show: {who: charlie, outfit: default, at: right}
    - charlie: "Hello."
  ending: done
"""


def events(story, count: int = 30):
    play = Playthrough(story)
    out = []
    while play.can_continue and len(out) < count:
        out.append(play.continue_())
    return play, out


def test_outfits_come_from_the_show_the_scene_or_the_chapter(tmp_path: Path) -> None:
    story = build(tmp_path, SCENES, manifest=MANIFEST)
    _, out = events(story)
    shows = [(e.who, e.outfit) for e in out if isinstance(e, StageChange) and e.action == "show"]
    assert shows == [("nick", "casual"), ("charlie", "uniform"), ("nick", "prom"), ("charlie", None)]


def test_backgrounds_resolve_to_their_variant_ids(tmp_path: Path) -> None:
    story = build(tmp_path, SCENES, manifest=MANIFEST)
    _, out = events(story)
    scenes = [e.background for e in out if isinstance(e, SceneEntered)]
    changes = [e.asset for e in out if isinstance(e, StageChange) and e.action == "background"]
    assert scenes == ["garden.spring.day", "hall.summer.night"] and changes == ["street.night"]
    assert variant_ids("garden.spring.day") == ["garden.spring.day", "garden.day", "garden.spring", "garden"]


def test_a_save_keeps_what_everyone_wears(tmp_path: Path) -> None:
    story = build(tmp_path, SCENES, manifest=MANIFEST)
    play, _ = events(story, 4)
    saved = play.save()
    again = Playthrough.from_save(story, saved)
    restored = [again.continue_() for _ in range(3)]
    shows = {e.who: e.outfit for e in restored if isinstance(e, StageChange) and e.action == "show"}
    assert shows == {"nick": "casual", "charlie": "uniform"}


def test_bad_times_seasons_and_outfits_are_reported_clearly(tmp_path: Path) -> None:
    scenes = """\
a:
  title: "A"
  chapter: One
  time: midnight
  season: [spring, summer]
  background: {id: garden, season: monsoon, weather: rain}
  outfits: {ghost: prom}
  lines:
    - show: {who: nick, outfit: "Prom Suit"}
  ending: done
"""
    messages = [p.message for p in problems_of(tmp_path, scenes, manifest=MANIFEST)]
    assert any("'midnight' is not a time" in m for m in messages)
    assert any("a list is not a season" in m for m in messages), messages
    assert any("'monsoon' is not a season" in m for m in messages)
    assert any("unknown key 'weather'" in m for m in messages)
    assert any("unknown character 'ghost'" in m for m in messages)
    assert any("'Prom Suit' is not a valid outfit name" in m for m in messages)
    assert any("no scene is in the chapter 'Prom'" in m for m in messages)  # the only scene here is in One


def test_files_are_found_in_outfit_folders_and_variants_fall_back(tmp_path: Path) -> None:
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"
    story = write_story(
        tmp_path,
        SCENES,
        manifest=MANIFEST,
        extra={
            "assets/sprites/nick/default/neutral.svg": svg,
            "assets/sprites/nick/prom/neutral.svg": svg,
            "assets/sprites/charlie/neutral.svg": svg,  # the flat layout of stories made before outfits
            "assets/backgrounds/garden.svg": svg,
            "assets/backgrounds/garden.night.svg": svg,
        },
    )
    catalog = AssetCatalog(story / "assets")
    assert catalog.sprite("nick", "neutral").parent.name == "default"
    assert catalog.sprite("nick", "neutral", "prom").parent.name == "prom"
    assert catalog.sprite("nick", "neutral", "rugby") is None
    assert catalog.sprite("charlie", "neutral").name == "neutral.svg"
    assert catalog.outfits("nick") == {"prom"} and catalog.expressions("nick", "prom") == {"neutral"}
    assert catalog.path("background", "garden.summer.night").name == "garden.night.svg"
    assert catalog.path("background", "garden.spring.day").name == "garden.svg"
    assert catalog.path("background", "garden.night/../x") is None


def test_the_linter_knows_outfits(tmp_path: Path) -> None:
    from game.authoring.lint import lint_folder

    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"
    extra = {f"assets/sprites/{who}/default/{e}.svg": svg for who in ("nick", "charlie") for e in ("neutral", "happy")}
    extra |= {"assets/sprites/nick/casual/neutral.svg": svg, "assets/sprites/charlie/uniform/neutral.svg": svg}
    story = write_story(tmp_path, SCENES, manifest=MANIFEST, extra=extra)
    found = [p for p in lint_folder(story).problems if p.code == "HS005"]
    messages = sorted(p.message for p in found)
    assert sum("happy" in m for m in messages) == 1, messages  # nick's casual clothes have no happy face
    assert sum("has no outfit 'prom'" in m for m in messages) == 1, messages  # nick at prom; charlie says default
    assert len(messages) == 2, messages


def test_a_missing_background_is_named_as_written_with_the_files_that_would_serve(tmp_path: Path) -> None:
    """A typo in a background a chapter's time and season dress: the message names the id written, the
    did-you-mean offers an id an author can write (not a variant's file name), and the hint names the files."""
    from game.authoring.lint import lint_folder

    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"
    scenes = SCENES.replace("background: hall", "background: gardn").replace(
        "{id: garden, time: day, season: spring}", "zzqqxx"
    )
    extra = {"assets/backgrounds/garden.summer.night.svg": svg, "assets/backgrounds/street.svg": svg}
    story = write_story(tmp_path, scenes, manifest=MANIFEST, extra=extra)
    missing = {p.message.split("'")[1]: p for p in lint_folder(story).problems if p.code == "HS007"}
    assert set(missing) == {"gardn", "zzqqxx"}  # as written: no 'gardn.summer.night'
    typo = missing["gardn"]
    assert typo.hint == "did you mean 'garden'?"
    assert "gardn.summer.night" in typo.message and "gardn.night" in typo.message  # what would serve first
    plain = missing["zzqqxx"]
    assert "assets/backgrounds/zzqqxx.svg" in plain.hint and "variant" not in plain.message  # no time, no season


def test_a_missing_background_with_a_time_names_its_variant_in_the_hint(tmp_path: Path) -> None:
    from game.authoring.lint import lint_folder

    scenes = SCENES.replace("background: hall", "background: {id: qqxxzz, time: night}")
    story = write_story(tmp_path, scenes, manifest=MANIFEST.replace("time: night, season: summer", ""))
    [problem] = [p for p in lint_folder(story).problems if p.code == "HS007" and "qqxxzz" in p.message]
    assert "there is no background 'qqxxzz'" in problem.message
    assert "assets/backgrounds/qqxxzz.svg" in problem.hint and "qqxxzz.night.svg" in problem.hint
