"""The backgrounds: every one the story outline promises exists as plain SVG that pygame's nanosvg draws
right (1280x720, no text, no filters, no CSS, no outside files, userSpaceOnUse gradients), stays small,
keeps the dialogue box's strip calm, and is exactly what tools/build_backgrounds.py generates.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame

ROOT = Path(__file__).resolve().parent.parent
BACKGROUNDS = ROOT / "assets" / "backgrounds"
OUTLINE = ROOT / "docs" / "STORY-OUTLINE.md"
BUILD = ROOT / "tools" / "build_backgrounds.py"
CONTACT_SHEET = ROOT / "tools" / "contact_sheet.py"
SVG_NS = "{http://www.w3.org/2000/svg}"
MAX_FILE_BYTES = 60 * 1024
MAX_TOTAL_BYTES = 2 * 1024 * 1024


def _outline_background_ids() -> list[str]:
    """The ids in the outline's background list (the scene backgrounds plus `title`)."""
    text = OUTLINE.read_text(encoding="utf-8")
    start = text.index("Backgrounds (")
    end = text.index("Music (", start)
    ids: list[str] = []
    for span in re.findall(r"`([^`]+)`", text[start:end]):
        for name in (part.strip() for part in span.split(",")):
            if re.fullmatch(r"[a-z][a-z0-9_]*", name) and name not in ids:
                ids.append(name)
    return ids


IDS = _outline_background_ids()


@cache
def _root(scene_id: str) -> ET.Element:
    return ET.parse(BACKGROUNDS / f"{scene_id}.svg").getroot()


@cache
def _image(scene_id: str) -> pygame.Surface:
    return pygame.image.load_sized_svg(str(BACKGROUNDS / f"{scene_id}.svg"), (1280, 720))


def _busy(surface: pygame.Surface, box: tuple[int, int, int, int], step: int = 4) -> float:
    """Share of sampled points in `box` that sit on a sharp edge (a line, a small prop, a pattern)."""
    x0, y0, x1, y1 = box
    edges = total = 0
    for y in range(y0, y1 - step, step):
        for x in range(x0, x1 - step, step):
            here, right, below = surface.get_at((x, y)), surface.get_at((x + step, y)), surface.get_at((x, y + step))
            jump = max(abs(here[i] - right[i]) + abs(here[i] - below[i]) for i in range(3))
            edges += jump > 60
            total += 1
    return edges / total


def test_outline_list_was_read() -> None:
    assert len(IDS) == 26
    assert {"charlie_bedroom", "prom_hall", "nick_garden", "title"} <= set(IDS)


@pytest.mark.parametrize("scene_id", IDS)
def test_background_is_plain_svg_that_nanosvg_understands(scene_id: str) -> None:
    path = BACKGROUNDS / f"{scene_id}.svg"
    assert path.is_file(), f"missing {path.relative_to(ROOT)}"
    root = _root(scene_id)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 1280 720"
    assert (root.get("width"), root.get("height")) == ("1280", "720")
    tags = {el.tag.removeprefix(SVG_NS) for el in root.iter()}
    assert not tags & {"text", "tspan", "textPath", "filter", "style", "image", "use", "foreignObject", "script"}
    gradients = [el for el in root.iter() if el.tag in (f"{SVG_NS}linearGradient", f"{SVG_NS}radialGradient")]
    assert gradients, "the look needs soft gradients for light"
    defined = {el.get("id") for el in root.iter() if el.get("id")}
    for gradient in gradients:
        assert gradient.get("gradientUnits") == "userSpaceOnUse", gradient.get("id")
    for el in root.iter():
        for name, value in el.attrib.items():
            assert name not in ("style", "filter", "class"), f"{name} on <{el.tag}>"
            if name.endswith("href"):
                assert value.startswith("#"), f"external reference {value}"
            for ref in re.findall(r"url\(#([^)]+)\)", value):
                assert ref in defined, f"url(#{ref}) is not defined"
            assert "url(" not in value.replace("url(#", ""), f"external url in {name}"


@pytest.mark.parametrize("scene_id", IDS)
def test_background_loads_in_pygame_as_a_picture(scene_id: str) -> None:
    image = _image(scene_id)
    assert image.get_size() == (1280, 720)
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40)}
    assert len(colours) > 40, f"only {len(colours)} colours: drawn as one flat fill?"
    assert _busy(image, (0, 0, 1280, 720)) > 0.01, "no line art found"


@pytest.mark.parametrize("scene_id", [i for i in IDS if i != "title"])
def test_the_dialogue_box_strip_stays_calm(scene_id: str) -> None:
    # The dialogue box covers x 56..1224, y 500..720: props may peek in at the edges, never fill it.
    assert _busy(_image(scene_id), (160, 520, 1120, 720)) < 0.1


def test_title_keeps_the_menu_side_quiet() -> None:
    image = _image("title")
    assert _busy(image, (0, 0, 420, 720)) < 0.02
    assert _busy(image, (640, 0, 1280, 720)) > 0.05


def test_backgrounds_stay_small() -> None:
    sizes = {scene_id: (BACKGROUNDS / f"{scene_id}.svg").stat().st_size for scene_id in IDS}
    too_big = {k: v for k, v in sizes.items() if v > MAX_FILE_BYTES}
    assert not too_big
    assert sum(sizes.values()) < MAX_TOTAL_BYTES


def test_committed_backgrounds_match_the_drawing_code(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(BUILD), "--out", str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    built = sorted(p.stem for p in tmp_path.glob("*.svg"))
    assert [b for b in built if "." not in b] == sorted(IDS), "the generator's ids and the outline's list differ"
    committed = sorted(p.stem for p in BACKGROUNDS.glob("*.svg"))
    assert built == committed, "variant files differ from what the generator writes"
    names = [*built, "places"]
    suffix = {"places": ".yaml"}
    stale = [
        i
        for i in names
        if (tmp_path / f"{i}{suffix.get(i, '.svg')}").read_bytes()
        != (BACKGROUNDS / f"{i}{suffix.get(i, '.svg')}").read_bytes()
    ]
    assert not stale, f"out of date (run python tools/build_backgrounds.py): {stale}"


VARIANT_BUDGET = 4 * 1024 * 1024


def test_every_outdoor_place_has_day_and_night_in_spring_summer_and_autumn() -> None:
    from game.dressing import variant_ids
    from game.ui.places import load_outdoors

    outdoors = load_outdoors(ROOT / "assets")
    assert outdoors and {"eiffel_tower", "rugby_pitch", "nick_garden", "street_night"} <= outdoors
    assert not outdoors & {"coach", "nelson_dining", "spring_kitchen", "charlie_bedroom", "prom_hall"}
    for place in outdoors:
        for season in (None, "spring", "summer"):
            drawn = set()
            for time in ("day", "night"):
                wanted = ".".join(x for x in (place, season, time) if x)
                found = next(n for n in variant_ids(wanted) if (BACKGROUNDS / f"{n}.svg").is_file())
                drawn.add(found)
                assert season is None or season in found, f"{wanted}: no {season} art ({found})"
            assert len(drawn) == 2, f"{place} {season}: day and night are the same picture"
    variants = [p for p in BACKGROUNDS.glob("*.*.svg")]
    assert sum(p.stat().st_size for p in variants) < VARIANT_BUDGET
    assert all(p.stat().st_size <= MAX_FILE_BYTES for p in variants)


def test_night_is_darker_than_day_and_summer_is_green() -> None:
    def mean(name: str, box: tuple[int, int, int, int]) -> tuple[float, float, float]:
        image = pygame.image.load_sized_svg(str(BACKGROUNDS / f"{name}.svg"), (320, 180))
        return pygame.transform.average_color(image, pygame.Rect(box))[:3]

    for place in ("eiffel_tower", "rugby_pitch", "street_night"):
        day = next(n for n in (f"{place}.day", place) if (BACKGROUNDS / f"{n}.svg").is_file())
        night = next(n for n in (f"{place}.night", place) if (BACKGROUNDS / f"{n}.svg").is_file())
        assert sum(mean(night, (0, 0, 320, 180))) < sum(mean(day, (0, 0, 320, 180))) - 60
    autumn = mean("rugby_pitch", (0, 40, 320, 60))
    summer = mean("rugby_pitch.summer", (0, 40, 320, 60))
    assert summer[1] - summer[0] > autumn[1] - autumn[0]  # the trees turned green


def test_build_script_rejects_an_unknown_id_clearly() -> None:
    run = subprocess.run([sys.executable, str(BUILD), "no_such_place"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "unknown background id" in run.stderr and "Traceback" not in run.stderr


def test_contact_sheet_shows_backgrounds_and_sprites(tmp_path: Path) -> None:
    out = tmp_path / "sheet.png"
    run = subprocess.run([sys.executable, str(CONTACT_SHEET), str(out)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    sprites = len(list((ROOT / "assets" / "sprites").glob("*/default/*.svg")))
    assert f"{len(IDS)} backgrounds, {sprites} sprites" in run.stdout
    sheet = pygame.image.load(str(out))
    assert sheet.get_width() > 1500 and sheet.get_height() > 1500
    bad = subprocess.run(
        [sys.executable, str(CONTACT_SHEET), str(tmp_path / "sheet.jpg")], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_rooms_with_trees_in_the_window_follow_the_season() -> None:
    for room in ("charlie_bedroom", "spring_kitchen", "coach"):
        for season in ("spring", "summer"):
            assert (BACKGROUNDS / f"{room}.{season}.svg").is_file(), f"{room} has no {season} view"
    # rooms seen at other times of day: the hotel's window by day and by night, the prom hall by day
    assert sorted(p.name for p in BACKGROUNDS.glob("paris_hotel.*.svg")) == [
        "paris_hotel.day.svg",
        "paris_hotel.night.svg",
    ]
    assert sorted(p.name for p in BACKGROUNDS.glob("prom_hall.*.svg")) == [  # by day only: the plain file is night
        "prom_hall.day.svg",
        "prom_hall.spring.day.svg",
        "prom_hall.summer.day.svg",
    ]


def test_the_story_never_shows_a_night_picture_by_day_or_a_day_picture_by_night() -> None:
    """Before: the prom hall was the night disco on Friday afternoon ("time: day" fell back to the night file)."""
    if str(ROOT / "tools") not in sys.path:
        sys.path.insert(0, str(ROOT / "tools"))
    from backgrounds.variants import BASE_TIME, ROOM_TIMES

    from game.dressing import base_of, variant_ids
    from game.loader import load_story
    from game.model import StageBeat

    def stage_beats(value: object) -> Iterator[StageBeat]:
        """Every stage beat in a scene's beats, in branches too."""
        if isinstance(value, StageBeat):
            yield value
        elif isinstance(value, tuple):
            for item in value:
                yield from stage_beats(item)
        elif dataclasses.is_dataclass(value):
            for field in dataclasses.fields(value):
                yield from stage_beats(getattr(value, field.name))

    def drawn_at(name: str) -> str | None:
        """The time of day a background file shows."""
        own = BASE_TIME.get(base_of(name)) or ROOM_TIMES.get(base_of(name), (None,))[0]
        return next((part for part in name.split(".")[1:] if part in ("day", "dusk", "night")), own)

    story = load_story(ROOT / "story")
    wrong = []
    for scene in story.scenes.values():
        wanted = [scene.background, *(b.asset for b in stage_beats(scene.beats) if b.action == "background")]
        for asset in filter(None, wanted):
            time = next((part for part in asset.split(".")[1:] if part in ("day", "night")), None)
            found = next(n for n in variant_ids(asset) if (BACKGROUNDS / f"{n}.svg").is_file())
            if time and drawn_at(found) not in (time, None) and {time, drawn_at(found)} == {"day", "night"}:
                wrong.append(f"{scene.id}: {asset} shows {found}")
    assert not wrong, wrong


def test_the_eiffel_tower_sparkles_after_dark_only() -> None:
    """Before: the day variants kept the tower's evening sparkle (little lights all over it in daylight)."""

    def sparkles(name: str) -> int:
        return (BACKGROUNDS / f"{name}.svg").read_text(encoding="utf-8").count('r="1.6"')

    for place in ("eiffel_tower", "riverside_cafe"):
        assert sparkles(f"{place}.night") >= 20 and sparkles(f"{place}.summer.day") == 0
    assert sparkles("eiffel_tower") >= 20  # its own time, dusk


def test_windows_are_not_lit_by_day() -> None:
    """Before: the Nelsons' kitchen window glowed lamp-yellow on a summer afternoon, as at dusk."""

    def pane(name: str) -> tuple[int, int, int]:
        image = pygame.image.load(str(BACKGROUNDS / f"{name}.svg"))
        return tuple(image.get_at((90, 170)))[:3]  # a pane of the kitchen window

    for name in ("nick_garden.day", "nick_garden.summer.day"):
        r, _, b = pane(name)
        assert b >= r, f"{name}: the kitchen window is lit"
    r, _, b = pane("nick_garden")
    assert r > b  # at dusk, its own time, the light is on
