"""The one list of buttons every menu uses (game/ui/widgets.py), and the navigation table screens reach each other
through (game/ui/screens/router.py)."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pygame

from game.ui.app import Screen
from game.ui.input import Action
from game.ui.screens import router
from game.ui.widgets import Button, ButtonList

STORY = Path(__file__).parent / "fixtures" / "ui_story"


def long_list(count: int = 12) -> ButtonList:
    buttons = [Button((100, 100 + i * 60, 400, 50), f"Item {i}", key=str(i)) for i in range(count)]
    listed = ButtonList(buttons, view=(100, 400), bar_x=520)
    listed.laid_out()
    return listed


def test_a_list_taller_than_its_view_scrolls_and_keeps_the_highlight_in_view() -> None:
    listed = long_list()
    assert listed.scrollable and listed.max_scroll == 100 + 12 * 60 - 10 - 400
    for _ in range(12):
        listed.move(Action.DOWN)
    assert listed.focus == 11 and listed.scroll == listed.max_scroll
    _, y, _, h = listed.buttons[11].rect
    assert y >= 100 and y + h <= 400
    track, thumb = listed.bar()
    assert thumb[1] + thumb[3] == track[1] + track[3]  # the bar shows the end of the list
    assert listed.wheel(20) and listed.scroll == 0  # the wheel up shows the first items again
    assert not listed.wheel(20)  # and no further


def test_only_what_is_in_view_can_be_pointed_at() -> None:
    listed = long_list()
    below = listed.buttons[10].rect
    assert listed.hit((below[0] + 5, below[1] + 5)) is None  # scrolled out of view under the band
    assert listed.click((150, 110)) == 0
    assert listed.press((525, 390)) and listed.scroll == listed.max_scroll  # a click at the bottom of the bar
    assert listed.drag((525, 100), held=True) and listed.scroll == 0  # dragging the thumb to the top
    listed.release()
    assert not listed.drag((525, 390), held=True)  # let go: moving no longer scrolls


def test_a_short_list_does_not_scroll() -> None:
    listed = long_list(3)
    assert not listed.scrollable and not listed.wheel(-1) and not listed.press((525, 200))


def test_in_a_single_row_up_and_down_move_along_it_and_enter_first_highlights() -> None:
    row = ButtonList([Button((i * 100.0, 0, 90, 40), str(i)) for i in range(2)], columns=2)
    assert row.confirm() is None and row.focus == 0  # nothing highlighted: Enter highlights the first
    assert row.move(Action.DOWN) and row.focus == 1
    assert row.move(Action.UP) and row.focus == 0
    assert row.confirm() == 0


def test_every_screen_name_has_a_route_to_a_screen_class() -> None:
    assert set(get_args(router.ScreenName)) == set(router.ROUTES)
    for name in router.ROUTES:
        cls = router.screen_class(name)
        assert issubclass(cls, Screen), name
        assert cls.__module__ == router.ROUTES[name].module


def test_a_settings_row_is_highlighted_by_the_mouse_as_by_the_keys(tmp_path: Path) -> None:
    from game.loader import load_story
    from game.ui.driver import Driver
    from game.ui.screens.settings import LABEL_X, ROW_H, ROW_Y, SettingsScreen
    from game.ui.speech import Speaker

    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None))
    try:
        router.push(ui.app, "settings", ui.app.clock())
        screen = ui.top
        assert isinstance(screen, SettingsScreen) and screen.focus == 0
        over_row_3 = ui.window_pos((LABEL_X + 10, ROW_Y + 3 * ROW_H + ROW_H / 2))
        ui.post(pygame.event.Event(pygame.MOUSEMOTION, pos=over_row_3, rel=(0, 0), buttons=(0, 0, 0)))
        assert screen.focus == 3
        ui.press(pygame.K_DOWN)
        assert screen.focus == 4
        ui.press(pygame.K_PAGEDOWN)  # the other page starts at its first row
        assert screen.page == "accessibility" and screen.focus == 0
    finally:
        ui.close()


def open_long_history(tmp_path: Path):
    """A game window (no voice) showing a history of 40 lines, laid out: (the driver, the history screen)."""
    from game.loader import load_story
    from game.ui.driver import Driver
    from game.ui.screens.backlog import BacklogScreen
    from game.ui.session import LogEntry
    from game.ui.speech import Speaker

    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None))
    entries = [LogEntry("narration", f"Line {i} of a long afternoon.") for i in range(40)]
    router.push(ui.app, "backlog", ui.app.clock(), entries)
    screen = ui.top
    assert isinstance(screen, BacklogScreen)
    ui.step()  # laid out when first drawn
    return ui, screen


def test_a_long_history_has_the_shared_scroll_bar_and_a_click_on_it_scrolls(tmp_path: Path) -> None:
    from game.ui.screens.backlog import BAR, TOP

    ui, screen = open_long_history(tmp_path)
    try:
        most = screen._max_scroll()
        assert most > 0 and screen.scroll == 0  # the newest line at the bottom
        ui.click((BAR.x + 5, TOP + 2))  # the top of the bar: the oldest lines
        assert screen.scroll == most
        ui.wheel(-1)
        assert 0 < screen.scroll < most
    finally:
        ui.close()


def test_the_historys_hints_stand_clear_of_its_lines_and_inside_its_panel(tmp_path: Path) -> None:
    """Before: "Earlier above" was drawn over a half-scrolled line, and "newer below" on the panel's bottom edge."""
    from uidrive import drawn_texts

    from game.ui.screens.backlog import HINTS_CLEAR

    ui, screen = open_long_history(tmp_path)
    try:
        for scroll in range(1, int(screen._max_scroll()), 7):  # lines cut at the edges, at many places
            screen.scroll = scroll
            texts = dict(drawn_texts(ui))
            earlier, newer = texts["Earlier above"], texts["newer below"]
            scale = ui.app.canvas.scale
            assert earlier.bottom <= HINTS_CLEAR[0] * scale and newer.top >= HINTS_CLEAR[1] * scale - 1
            assert earlier.top >= 106 * scale and newer.bottom <= 692 * scale  # inside the panel's border
    finally:
        ui.close()
