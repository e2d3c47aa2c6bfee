"""The accessibility settings: text size reflows without clipping (the story's longest line and longest choice, at
every size and in both fonts), high contrast measured on captured pixels, reduced motion, captions, the
hyperlegible font, and `Settings.assign` for `heartstopper capture --set`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pygame
import pytest

from game.events import ChoiceOption, Choices, Line
from game.loader import load_story
from game.model import TextBeat
from game.summary import iter_beats
from game.ui.canvas import Canvas
from game.ui.captions import Captions, load_captions
from game.ui.choices import ChoiceMenu
from game.ui.dialogue import DialogueBox
from game.ui.driver import Driver
from game.ui.fonts import Fonts, find_font_files
from game.ui.phone import Message, PhoneView
from game.ui.screens.backlog import BacklogScreen
from game.ui.settings import FONTS, TEXT_SIZES, Settings, SettingsStore
from game.ui.speech import Speaker
from game.ui.theme import BOX, contrast_ratio
from game.ui.theme import TEXT_SIZES as SIZE_FACTORS
from tests.test_ui_golden import to_game

ROOT = Path(__file__).resolve().parent.parent
STORY = Path(__file__).parent / "fixtures" / "ui_story"


class Recording(Canvas):
    """A real canvas that also remembers the rectangles of the panels and text it drew."""

    def __init__(self, fonts: Fonts) -> None:
        super().__init__(pygame.Surface((1280, 720), pygame.SRCALPHA), 1.0, fonts)
        self.panels: list[pygame.Rect] = []
        self.texts: list[tuple[str, pygame.Rect]] = []

    def text(self, text, pos, px, color, **options) -> pygame.Rect:  # type: ignore[override]
        rect = super().text(text, pos, px, color, **options)
        self.texts.append((text, rect))
        return rect

    def panel(self, rect, fill, **options) -> pygame.Rect:  # type: ignore[override]
        real = super().panel(rect, fill, **options)
        self.panels.append(real)
        return real


@pytest.fixture(scope="module")
def shipped():
    return load_story(ROOT / "story")


def longest_line(story, kinds: tuple[str, ...]) -> Line:
    beats = [
        b
        for scene in story.scenes.values()
        for b in iter_beats(scene.beats)
        if isinstance(b, TextBeat) and b.kind in kinds
    ]
    beat = max(beats, key=lambda b: len(b.text))
    character = story.characters.get(beat.speaker) if beat.speaker else None
    name, color = (character.name, character.color) if character else (None, None)
    return Line(beat.kind, beat.text, beat.speaker, name, color, None, beat.id)


def longest_menu(story) -> tuple[ChoiceOption, ...]:
    scene = max(
        (s for s in story.scenes.values() if s.choices),
        key=lambda s: max(len(c.text or "") for c in s.choices if not c.fallback),
    )
    shown = [c for c in scene.choices if not c.fallback]
    return tuple(
        ChoiceOption(n, c.index, c.text or "", c.locked is None, c.locked) for n, c in enumerate(shown, start=1)
    )


@pytest.mark.parametrize("font", FONTS)
@pytest.mark.parametrize("size", TEXT_SIZES)
def test_the_longest_line_and_choice_fit_at_every_text_size(shipped, size: str, font: str) -> None:
    factor = SIZE_FACTORS[size]
    canvas = Recording(Fonts(find_font_files(font), font))
    for kinds in (("narration", "speech", "thought"), ("speech",), ("thought",)):
        line = longest_line(shipped, kinds)
        canvas.panels.clear()
        canvas.texts.clear()
        box = DialogueBox()
        box.show(line, 0.0)
        box.draw(canvas, 0.0, 0.0, factor)
        frame = canvas.panels[0]
        assert frame.top >= 0
        rows = box.wrapped(canvas, factor).rows
        drawn = [rect for text, rect in canvas.texts if text in rows]
        assert len(drawn) == len(rows) > 1
        for rect in drawn:
            assert frame.contains(rect), f"a row of the longest {kinds[0]} leaves the box at {size}: {rect}"
        if line.name and line.kind != "narration":
            plate = canvas.panels[1]
            label = next(rect for text, rect in canvas.texts if text.startswith(line.name))
            assert plate.contains(label)
            assert frame.top - plate.top < plate.height  # the plate stays on the box's edge when it grows
    line = longest_line(shipped, ("narration", "speech", "thought"))
    canvas.panels.clear()
    box = DialogueBox()
    box.show(line, 0.0)
    box.draw(canvas, 0.0, 0.0, factor)
    frame = canvas.panels[0]
    if size == "largest":
        assert frame.top < BOX[1]  # the box grew to hold the longest line
    # the menu with the longest choice, above that box
    canvas.panels.clear()
    canvas.texts.clear()
    menu = ChoiceMenu(Choices("x", longest_menu(shipped)))
    menu.draw(canvas, factor, frame.top - 30)
    assert len(canvas.panels) == len(menu.list.buttons)
    for button, panel in zip(menu.list.buttons, canvas.panels):
        inside = [rect for text, rect in canvas.texts if text in (button.rows or (button.label,))]
        assert inside, button.label
        for rect in inside:
            assert panel.contains(rect), f"'{button.label}' leaves its button at {size}"
        assert panel.bottom <= frame.top  # never under the text box
    assert canvas.panels[0].top >= 40 or menu.scrollable
    # and the longest phone message, in the phone
    message = longest_line(shipped, ("message",))
    canvas.panels.clear()
    canvas.texts.clear()
    phone = PhoneView()
    phone.add(Message(message.speaker, message.name, message.color, message.text), -10.0)
    phone.draw(canvas, 0.0, factor, False)
    screen, bubble = canvas.panels[1], canvas.panels[-1]
    rows = [rect for text, rect in canvas.texts if text and text in message.text and len(text) > 2]
    assert rows and screen.contains(bubble)
    for rect in rows:
        assert bubble.contains(rect), f"a row of the longest message leaves its bubble at {size}"


def test_text_size_has_four_steps_and_grows_the_text() -> None:
    factors = [SIZE_FACTORS[s] for s in TEXT_SIZES]
    assert len(factors) >= 3 and factors == sorted(factors) and len(set(factors)) == len(factors)


def box_text_contrast(picture: pygame.Surface, area: pygame.Rect) -> float:
    """The contrast of the darkest or lightest pixel in `area` against its most common colour (the box)."""
    pixels = Counter()
    sub = picture.subsurface(area)
    width, height = sub.get_size()
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            pixels[tuple(sub.get_at((x, y)))[:3]] += 1
    box = pixels.most_common(1)[0][0]
    return max(contrast_ratio(box, color) for color in pixels)


@pytest.mark.parametrize("high", [False, True])
def test_high_contrast_text_is_at_least_7_to_1_against_its_box(tmp_path: Path, high: bool) -> None:
    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None))
    try:
        ui.app.settings.high_contrast = high
        ui.app.apply_settings(save=False)
        to_game(ui, 0)
        picture = ui.frame()
        text_area = pygame.Rect(BOX[0] + 30, BOX[1] + 36, 700, 40)  # the first row of the line
        plate_area = pygame.Rect(600, 484, 80, 32)  # Charlie's name plate, centred above him
        ratios = box_text_contrast(picture, text_area), box_text_contrast(picture, plate_area)
    finally:
        ui.close()
    if high:
        assert min(ratios) >= 7.0, ratios
    else:
        assert ratios[1] < 7.0  # the coloured plate is why high contrast exists: the measure tells them apart


def test_reduced_motion_cuts_instead_of_fading_and_drops_effects(tmp_path: Path) -> None:
    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None))
    try:
        ui.app.settings.reduce_motion = True
        game = to_game(ui, 0)
        assert game.card is None or game.card.cut
        for _ in range(12):  # through the effect beat (leaves) and the sound
            ui.press(pygame.K_SPACE)
            ui.press(pygame.K_SPACE)
            assert not game.effects.animating(ui.clock.now)
            assert game.effects.shake_offset(ui.clock.now) == (0, 0)
            assert not game.stage.animating(ui.clock.now)
            if isinstance(game.session.beat, Choices):
                break
        assert isinstance(game.session.beat, Choices)
    finally:
        ui.close()


def test_captions_show_sounds_in_the_text_box_and_the_history(tmp_path: Path) -> None:
    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None))
    try:
        ui.app.settings.captions = True
        game = to_game(ui, 0)
        for _ in range(12):
            if game.shown_captions:
                break
            ui.press(pygame.K_SPACE)
            ui.press(pygame.K_SPACE, wait=0.5)
        assert game.shown_captions == ["[page turn]"]  # the fixture ships no captions file: the sound's name
        assert isinstance(game.session.beat, Line) and game.session.beat.text.startswith("A long line")
        game.dialogue.complete()
        canvas = Recording(ui.app.fonts)
        game.draw(canvas, ui.clock.now)
        caption = next(rect for text, rect in canvas.texts if text == "[page turn]")
        assert canvas.r(*BOX).contains(caption)
        ui.press(pygame.K_PAGEUP)
        history = ui.top
        assert isinstance(history, BacklogScreen)
        assert [(e.kind, e.text) for e in history.entries if e.kind == "caption"] == [("caption", "[page turn]")]
        ui.press(pygame.K_ESCAPE)
        ui.app.settings.captions = False
        ui.press(pygame.K_PAGEUP)
        history = ui.top
        assert isinstance(history, BacklogScreen)
        assert all(e.kind not in ("caption", "sound", "music") for e in history.entries)
    finally:
        ui.close()


def test_the_shipped_captions_name_every_sound_and_piece_of_music() -> None:
    captions = load_captions(ROOT / "assets")
    sounds = {p.stem for p in (ROOT / "assets" / "sounds").iterdir() if p.suffix in (".wav", ".ogg")}
    music = {p.stem for p in (ROOT / "assets" / "music").iterdir() if p.suffix in (".wav", ".ogg")}
    assert sounds <= set(captions.sounds) and music <= set(captions.music)
    assert captions.sound("door") == "[a door closes]"
    assert captions.music_change("tender") == "[music: tender]"
    assert captions.music_change(None) == "[music stops]"


def test_a_damaged_captions_file_falls_back_to_names(tmp_path: Path) -> None:
    (tmp_path / "captions.yaml").write_text("sounds: [not, a, mapping]\nmusic: {calm: 7}\n")
    captions = load_captions(tmp_path)
    assert captions == Captions()
    assert captions.sound("phone_buzz") == "[phone buzz]"
    (tmp_path / "captions.yaml").write_text("{{{")
    assert load_captions(tmp_path) == Captions()


def test_the_hyperlegible_font_is_a_package_and_the_setting_switches_to_it(tmp_path: Path) -> None:
    files = find_font_files("hyperlegible")
    assert files.regular is not None and "Atkinson" in files.regular.name
    assert files.italic is not None and "Italic" in files.italic.name
    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None))
    try:
        before = ui.app.fonts.get(30).size("Illegible 1Il0O")
        ui.app.settings.font = "hyperlegible"
        ui.app.apply_settings()
        assert ui.app.fonts.family == "hyperlegible"
        assert ui.app.fonts.get(30).size("Illegible 1Il0O") != before
    finally:
        ui.close()
    assert json.loads((tmp_path / "settings.json").read_text())["font"] == "hyperlegible"


def test_settings_assign_parses_text_and_refuses_nonsense() -> None:
    settings = Settings()
    settings.assign("text_size", "largest")
    settings.assign("high_contrast", "true")
    settings.assign("music_volume", "0.25")
    settings.assign("text_speed", "60")
    assert (settings.text_size, settings.high_contrast, settings.music_volume, settings.text_speed) == (
        "largest",
        True,
        0.25,
        60,
    )
    for name, value in [("text_size", "huge"), ("high_contrast", "maybe"), ("volume", "1"), ("text_speed", "x")]:
        with pytest.raises(ValueError):
            settings.assign(name, value)


def test_accessibility_settings_survive_a_restart_and_bad_values_fall_back(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(self_voicing=True, font="hyperlegible", high_contrast=True, reduce_motion=True, captions=True)
    store.save(settings)
    assert store.load() == settings
    (tmp_path / "settings.json").write_text(json.dumps({"font": "comic", "captions": "yes", "text_size": "largest"}))
    loaded = store.load()
    assert (loaded.font, loaded.captions, loaded.text_size) == ("noto", False, "largest")
