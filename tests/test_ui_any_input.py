"""Play by any input: the whole game, every screen and the accessibility menu, by a game controller alone, by the
keyboard alone and by the mouse alone, with synthetic events through pygame's queue."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from uidrive import into_game

from game.events import Choices, Line
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.input import Action, Stick
from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.chapters import ChaptersScreen
from game.ui.screens.ending import EndingScreen
from game.ui.screens.endings import EndingsScreen
from game.ui.screens.game import GameScreen
from game.ui.screens.game_menu import GameMenu
from game.ui.screens.notes import NoteScreen
from game.ui.screens.saveload import SaveLoadScreen
from game.ui.screens.settings import ACCESSIBILITY, SettingsScreen
from game.ui.screens.title import ITEMS, TitleScreen
from game.ui.speech import Speaker

STORY = Path(__file__).parent / "fixtures" / "ui_story"
A, B, X, Y = (
    pygame.CONTROLLER_BUTTON_A,
    pygame.CONTROLLER_BUTTON_B,
    pygame.CONTROLLER_BUTTON_X,
    pygame.CONTROLLER_BUTTON_Y,
)
START, BACK = pygame.CONTROLLER_BUTTON_START, pygame.CONTROLLER_BUTTON_BACK
UP, DOWN = pygame.CONTROLLER_BUTTON_DPAD_UP, pygame.CONTROLLER_BUTTON_DPAD_DOWN
LEFT, RIGHT = pygame.CONTROLLER_BUTTON_DPAD_LEFT, pygame.CONTROLLER_BUTTON_DPAD_RIGHT
LB, RB = pygame.CONTROLLER_BUTTON_LEFTSHOULDER, pygame.CONTROLLER_BUTTON_RIGHTSHOULDER


@pytest.fixture
def ui(tmp_path: Path):
    driver = Driver(load_story(STORY), tmp_path, speaker=Speaker(None))
    yield driver
    driver.close()


def title_to(ui: Driver, label: str, move) -> None:
    """Move the title's focus to `label` with `move(direction)` and nothing else."""
    title = ui.top
    assert isinstance(title, TitleScreen)
    while title.list.buttons[title.list.focus or 0].label != label:
        move()


def test_a_whole_game_and_every_screen_by_controller_alone(ui: Driver) -> None:
    title_to(ui, "New game", lambda: ui.pad(DOWN))
    ui.pad(A)
    assert isinstance(ui.top, NoteScreen)
    ui.pad(A)
    game = ui.top
    assert isinstance(game, GameScreen)
    ui.wait(3.0)
    first = game.session.beat
    ui.pad(A)  # completes the line
    ui.pad(A)  # and moves on
    assert game.session.beat is not first
    ui.pad(B)  # back a line
    assert game.session.beat.text == first.text
    ui.pad(Y)  # the history
    assert isinstance(ui.top, BacklogScreen)
    ui.pad(B)
    assert ui.top is game
    ui.pad(X)  # auto-advance on and off
    assert game.auto
    ui.pad(X)
    ui.pad(START)  # the game menu
    menu = ui.top
    assert isinstance(menu, GameMenu)
    while menu.list.buttons[menu.list.focus].label != "Settings":
        ui.pad(DOWN)
    ui.pad(A)
    settings = ui.top
    assert isinstance(settings, SettingsScreen) and settings.page == "general"
    ui.pad(RB)  # the next page: accessibility
    assert settings.page == "accessibility"
    captions = [r.name for r in ACCESSIBILITY].index("captions")
    for _ in range(captions):
        ui.pad(DOWN)
    ui.pad(RIGHT)
    assert ui.app.settings.captions
    ui.pad(LB)
    assert settings.page == "general"
    ui.pad(B)
    assert ui.top is menu
    ui.pad(B)
    assert ui.top is game
    for _ in range(40):  # read on to the menu
        if isinstance(game.session.beat, Choices):
            break
        ui.pad(A)
        ui.wait(0.1)
    assert isinstance(game.session.beat, Choices)
    ui.pad(DOWN)  # the focus reaches the first choice; the locked second is passed over
    ui.pad(DOWN)
    ui.pad(A)
    assert game.session.playthrough.scene == "stay"
    for _ in range(10):
        if isinstance(ui.top, EndingScreen):
            break
        ui.pad(A)
        ui.wait(0.2)
    assert isinstance(ui.top, EndingScreen)
    ui.pad(A)  # past the fade
    ui.pad(A)
    assert isinstance(ui.top, NoteScreen)
    ui.pad(A)
    assert isinstance(ui.top, TitleScreen)
    for label, kind in (("Endings", EndingsScreen), ("Chapters", ChaptersScreen), ("Load", SaveLoadScreen)):
        title_to(ui, label, lambda: ui.pad(DOWN))
        ui.pad(A)
        assert isinstance(ui.top, kind)
        if kind is SaveLoadScreen:
            page = ui.top.page
            ui.pad(RB)
            assert ui.top.page != page
            ui.pad(LB)
            assert ui.top.page == page
        ui.pad(RIGHT)
        ui.pad(B)
        assert isinstance(ui.top, TitleScreen)


def test_the_left_stick_moves_like_the_pad_once_per_push(ui: Driver) -> None:
    title = ui.top
    assert isinstance(title, TitleScreen)
    axis = pygame.CONTROLLER_AXIS_LEFTY

    def focused() -> str:
        return title.list.buttons[title.list.focus].label

    ui.stick(axis, 30000)  # pushed down: past "Continue", which has no save to continue
    ui.stick(axis, 31000)  # still held: no second move
    assert focused() == "Load"
    ui.stick(axis, 0)  # let go
    ui.stick(axis, 32767)
    assert focused() == "Chapters"
    ui.stick(axis, -32768)  # straight up
    assert focused() == "Load"


def test_stick_edges() -> None:
    stick = Stick()
    event = lambda value: pygame.event.Event(  # noqa: E731
        pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_LEFTX, value=value
    )
    assert stick.actions(event(25000)) == [Action.RIGHT]
    assert stick.actions(event(15000)) == []  # between the thresholds: still held
    assert stick.actions(event(5000)) == []  # let go
    assert stick.actions(event(-25000)) == [Action.LEFT]
    trigger = pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_TRIGGERLEFT, value=30000)
    assert stick.actions(trigger) == []


def test_the_sticks_open_the_accessibility_menu_and_toggle_the_voice(ui: Driver) -> None:
    ui.pad(pygame.CONTROLLER_BUTTON_LEFTSTICK)
    screen = ui.top
    assert isinstance(screen, SettingsScreen) and screen.page == "accessibility"
    ui.pad(pygame.CONTROLLER_BUTTON_RIGHTSTICK)  # no synthesiser here: a notice, not a crash
    assert not ui.app.settings.self_voicing and ui.app.toasts
    ui.pad(BACK)  # Back changes page here, like Tab
    assert screen.page == "general"


def test_every_screen_by_keyboard_alone(ui: Driver) -> None:
    ui.press(pygame.K_a, mod=pygame.KMOD_SHIFT)  # the accessibility menu from the title
    screen = ui.top
    assert isinstance(screen, SettingsScreen) and screen.page == "accessibility"
    size = [r.name for r in ACCESSIBILITY].index("text_size")
    for _ in range(size):
        ui.press(pygame.K_DOWN)
    ui.press(pygame.K_RIGHT)
    assert ui.app.settings.text_size == "large"
    ui.press(pygame.K_RETURN)  # Enter steps through the options
    assert ui.app.settings.text_size == "largest"
    ui.press(pygame.K_PAGEUP)
    assert screen.page == "general"
    ui.press(pygame.K_ESCAPE)
    assert isinstance(ui.top, TitleScreen)
    game = into_game(ui)
    ui.press(pygame.K_a, mod=pygame.KMOD_SHIFT)  # and from the game, without touching the plain A (auto)
    assert isinstance(ui.top, SettingsScreen) and not game.auto
    ui.press(pygame.K_ESCAPE)
    assert ui.top is game
    ui.press(pygame.K_SPACE)
    ui.press(pygame.K_SPACE)
    assert isinstance(game.session.beat, Line)


def test_every_screen_by_mouse_alone(ui: Driver) -> None:
    def click_title(label: str) -> None:
        title = ui.top
        assert isinstance(title, TitleScreen)
        ui.click_rect(title.list.buttons[ITEMS.index(label)].rect)

    click_title("Settings")
    screen = ui.top
    assert isinstance(screen, SettingsScreen)
    ui.click_rect(screen._tab_rect(1))
    assert screen.page == "accessibility"
    for name in ("high_contrast", "reduce_motion", "captions", "self_voicing"):
        row = [r.name for r in ACCESSIBILITY].index(name)
        ui.click_rect(screen._option_rect(row, 1, 2))
    font = [r.name for r in ACCESSIBILITY].index("font")
    ui.click_rect(screen._option_rect(font, 1, 2))
    settings = ui.app.settings
    assert settings.high_contrast and settings.reduce_motion and settings.captions and settings.font == "hyperlegible"
    assert not settings.self_voicing  # no synthesiser: it stays off and says why
    ui.frame()
    ui.click_rect(screen.back.rect)
    for label, kind in (("Endings", EndingsScreen), ("Chapters", ChaptersScreen), ("Load", SaveLoadScreen)):
        click_title(label)
        assert isinstance(ui.top, kind)
        ui.frame()
        ui.click_rect(ui.top.back.rect)
        assert isinstance(ui.top, TitleScreen)
    click_title("New game")
    note = ui.top
    assert isinstance(note, NoteScreen)
    ui.frame()
    ui.click_rect(note.list.buttons[0].rect)
    game = ui.top
    assert isinstance(game, GameScreen)
    ui.wait(3.0)
    for _ in range(40):
        if isinstance(game.session.beat, Choices):
            break
        ui.click((640, 300))
        ui.wait(0.1)
    assert isinstance(game.session.beat, Choices)
    ui.frame()
    ui.click_rect(game.menu.list.buttons[2].rect)
    assert game.session.playthrough.scene == "stay"
    ui.click_rect(game.quick.rects["settings"])
    assert isinstance(ui.top, SettingsScreen)
    ui.click_rect(ui.top.back.rect)
    ui.click_rect(game.quick.rects["history"])
    assert isinstance(ui.top, BacklogScreen)
    ui.click_rect(ui.top.back.rect)
    for _ in range(10):
        if isinstance(ui.top, EndingScreen):
            break
        ui.click((640, 300))
        ui.wait(0.2)
    assert isinstance(ui.top, EndingScreen)
    ui.click((640, 300))
    ui.click((640, 300))
    assert isinstance(ui.top, NoteScreen)
