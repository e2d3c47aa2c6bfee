"""Text stands out from what it is drawn on, for every character of the shipped story: the name plates in high
contrast (WCAG 4.5:1), and the speaker names and labels of the history and the phone in the usual look."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pygame
import pytest
from uidrive import drawn_texts

from game.events import Line
from game.loader import load_story
from game.ui.dialogue import DialogueBox
from game.ui.driver import Driver
from game.ui.fonts import Fonts
from game.ui.phone import PLAYER, Message, PhoneView
from game.ui.screens import router
from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.settings import ROW_H, ROW_Y, SettingsScreen
from game.ui.session import LogEntry
from game.ui.theme import INK, PAPER, contrast_ratio, legible, mix, parse_hex
from tests.test_ui_accessibility import Recording

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def characters() -> list[tuple[str, str, str]]:
    """(id, name, colour) of every character of the shipped story."""
    story = load_story(ROOT / "story")
    assert len(story.characters) > 10
    return [(key, c.name, c.color) for key, c in story.characters.items()]


def text_contrast(picture: pygame.Surface, area: pygame.Rect) -> float:
    """The contrast of the pixel in `area` that differs most from the area's most common colour (the ground)."""
    pixels: Counter[tuple[int, int, int]] = Counter()
    sub = picture.subsurface(area)
    for y in range(sub.get_height()):
        for x in range(sub.get_width()):
            pixels[tuple(sub.get_at((x, y)))[:3]] += 1
    ground = pixels.most_common(1)[0][0]
    return max(contrast_ratio(ground, color) for color in pixels)


def plate_contrast(canvas: Recording, key: str, name: str, color: str, kind: str) -> float:
    canvas.surface.fill((0, 0, 0))
    canvas.panels.clear()
    canvas.texts.clear()
    box = DialogueBox()
    box.show(Line(kind, "Hello.", key, name, color, None, "b1"), 0.0)
    box.draw(canvas, 0.0, 0.0, 1.0)
    plate = canvas.panels[1]
    label = next(rect for text, rect in canvas.texts if text.startswith(name))
    assert plate.contains(label)
    return text_contrast(canvas.surface, label)


@pytest.mark.parametrize("kind", ["speech", "thought"])
def test_every_name_is_readable_on_its_plate_in_high_contrast(characters, kind: str) -> None:
    canvas = Recording(Fonts())
    canvas.contrast = True
    low = {
        name: round(r, 2)
        for key, name, color in characters
        if (r := plate_contrast(canvas, key, name, color, kind)) < 4.5
    }
    assert not low, f"names below 4.5:1 on their plates in high contrast: {low}"


def test_every_name_meets_the_large_text_ratio_on_its_plate_in_the_usual_look(characters) -> None:
    """A plate's name is bold at 24 px, large text to WCAG: 3:1 against the plate in the character's colour."""
    canvas = Recording(Fonts())
    low = {
        name: round(r, 2)
        for key, name, color in characters
        if (r := plate_contrast(canvas, key, name, color, "speech")) < 3.0
    }
    assert not low, f"names below 3:1 on their plates: {low}"


def test_every_name_and_label_in_the_history_reads_at_4_5_to_1(ui: Driver, characters) -> None:
    """Each character's name beside what they said, thought and sent, the small "thinking", "message" and
    "You chose", and the scroll hints: measured on the drawn pixels against the page around them."""
    low: dict[str, float] = {}
    for key, name, color in characters:
        entries = [LogEntry("narration", f"Narration {i}.") for i in range(14)] + [
            LogEntry("speech", "Said aloud.", name, color, key),
            LogEntry("thought", "Thought.", name, color, key),
            LogEntry("message", "Sent.", name, color, key),
            LogEntry("choice", "Chosen."),
            LogEntry("narration", "The newest line."),
        ]
        router.push(ui.app, "backlog", ui.clock.now, entries)
        backlog = ui.top
        assert isinstance(backlog, BacklogScreen)
        backlog.scroll = 30  # scrolled up a little: both hints show, and the character's lines are in view
        texts = drawn_texts(ui)
        picture = ui.app.display.window
        labels = [
            (t, r) for t, r in texts if t in (name, "thinking", "message", "You chose", "Earlier above", "newer below")
        ]
        assert [t for t, _ in labels].count(name) == 3 and len(labels) == 8
        for words, rect in labels:
            ratio = text_contrast(picture, rect)
            if ratio < 4.5:
                low[f"{name}: {words}"] = round(ratio, 2)
        ui.app.pop(ui.clock.now)
    assert not low, f"history text below 4.5:1: {low}"


def test_every_sender_on_the_phone_reads_at_4_5_to_1(characters) -> None:
    canvas = Recording(Fonts())
    low = {}
    for key, name, color in characters:
        if key == PLAYER:
            continue  # the player's own messages carry no name
        canvas.texts.clear()
        phone = PhoneView()
        phone.add(Message(key, name, color, "Hi"), -10.0)
        phone.draw(canvas, 0.0, 1.0, False)
        label = [rect for text, rect in canvas.texts if text == name][-1]  # over the bubble (the first: the header)
        ratio = text_contrast(canvas.surface, label)
        if ratio < 4.5:
            low[name] = round(ratio, 2)
    assert not low, f"senders' names below 4.5:1 on the phone: {low}"


def test_legible_keeps_a_colour_that_reads_and_darkens_one_that_does_not_just_enough() -> None:
    paper = PAPER
    assert legible(INK, paper) == INK
    pale = parse_hex("#f2e18c")
    shade = legible(pale, paper)
    assert contrast_ratio(shade, paper) >= 4.5
    assert contrast_ratio(mix(pale, INK, 0.9), paper) > contrast_ratio(shade, paper)  # not darker than it must be
    assert shade[0] > shade[2]  # still yellow-brown, not grey
    assert contrast_ratio(legible(pale, INK), INK) >= 4.5  # on a dark ground it lightens instead


def ground(picture: pygame.Surface, rect: tuple[float, float, float, float]) -> tuple[int, int, int]:
    """The most common colour inside `rect` (a little in from its edges): what the button is filled with."""
    x, y, w, h = (round(v) for v in rect)
    area = pygame.Rect(x + 4, y + 4, w - 8, h - 8)
    pixels: Counter[tuple[int, int, int]] = Counter()
    sub = picture.subsurface(area)
    for y in range(0, sub.get_height(), 2):
        for x in range(0, sub.get_width(), 2):
            pixels[tuple(sub.get_at((x, y)))[:3]] += 1
    return pixels.most_common(1)[0][0]


def test_high_contrast_settings_draw_the_chosen_options_and_the_focused_row_inverted(ui: Driver) -> None:
    ui.app.settings.high_contrast = True
    ui.app.apply_settings(save=False)
    router.push(ui.app, "settings", ui.clock.now, page="accessibility")
    screen = ui.top
    assert isinstance(screen, SettingsScreen)
    for focus in (0, 1):
        picture = ui.frame()
        for i, row in enumerate(screen.rows):
            band = ground(picture, (70, ROW_Y + i * ROW_H + 6, 40, ROW_H - 12))
            assert band == ((0, 0, 0) if i == focus else (255, 255, 255)), (row.name, focus)
            value = getattr(ui.app.settings, row.name)
            for k, (option, label) in enumerate(row.options):
                rect = screen._option_rect(i, k, len(row.options))
                fill = ground(picture, rect)
                assert fill == ((0, 0, 0) if option == value else (255, 255, 255)), (row.name, label)
                x, y, w, h = (round(v) for v in rect)
                assert text_contrast(picture, pygame.Rect(x + 6, y + 6, w - 12, h - 12)) >= 7.0, (row.name, label)
        ui.press(pygame.K_DOWN)


def test_every_name_and_thought_on_the_full_page_reads_on_the_page(characters) -> None:
    """Before: the full-page (NVL) mode mixed each speaker's colour into the ink by a fixed amount, which left the
    lighter colours' names under the 4.5:1 text needs on the page."""
    from game.ui.nvl import PAGE_GROUNDS, page_inks

    for _key, name, color in characters:
        for ink in page_inks(parse_hex(color, INK)):
            for ground in PAGE_GROUNDS:  # the page over a light scene, and over a dark one
                assert contrast_ratio(ink, ground) >= 4.5, name


def test_the_continue_marker_is_the_boxs_ink_in_high_contrast(characters) -> None:
    """Before: it kept the speaker's pale colour, about 2:1 on the white box for the palest."""
    canvas = Recording(Fonts())
    canvas.contrast = True
    for key, name, color in characters:
        canvas.surface.fill((255, 255, 255))
        box = DialogueBox()
        box.show(Line("speech", "Hi.", key, name, color, None, "b1"), 0.0)
        box.draw(canvas, 10.0, 10.0, 1.0)  # long after: the line is complete and the marker shown
        marker = {tuple(canvas.surface.get_at((x, y)))[:3] for x in range(1170, 1215) for y in range(640, 680)}
        assert (0, 0, 0) in marker or INK in marker, name
