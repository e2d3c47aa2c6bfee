"""Input mapping: what keys, buttons and the wheel mean, in one place.

Screens react to `Action`s rather than raw pygame events, so the same action can come from several keys (Space,
Enter or a click to advance) and every binding is documented here.
"""

from __future__ import annotations

from enum import Enum, auto

import pygame


class Action(Enum):
    ADVANCE = auto()  # Space, Enter, keypad Enter, left click
    MENU = auto()  # Escape, right click: open or close the game menu
    BACKLOG = auto()  # wheel up, Page Up
    ROLLBACK = auto()  # Backspace, Left arrow
    ROLL_FORWARD = auto()  # wheel down, Page Down, Right arrow
    SKIP_TOGGLE = auto()  # Tab
    AUTO_TOGGLE = auto()  # A
    HIDE_UI = auto()  # H, middle click
    QUICK_SAVE = auto()  # F5
    QUICK_LOAD = auto()  # F9
    UP = auto()
    DOWN = auto()
    LEFT = auto()
    RIGHT = auto()
    CONFIRM = auto()  # Enter, Space, keypad Enter (in menus)
    DEV_RELOAD = auto()  # Shift+R
    DEV_OVERLAY = auto()  # F3
    DELETE = auto()  # Delete
    FULLSCREEN = auto()  # F11, Alt+Enter


def key_actions(event: pygame.event.Event) -> list[Action]:
    """The actions a KEYDOWN means (a key can mean several; each screen takes the ones it knows)."""
    key, mod = event.key, getattr(event, "mod", 0)
    out: list[Action] = []
    if key in (pygame.K_RETURN, pygame.K_KP_ENTER) and mod & pygame.KMOD_ALT:
        return [Action.FULLSCREEN]
    if key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER):
        out += [Action.ADVANCE, Action.CONFIRM]
    table = {
        pygame.K_ESCAPE: Action.MENU,
        pygame.K_PAGEUP: Action.BACKLOG,
        pygame.K_BACKSPACE: Action.ROLLBACK,
        pygame.K_PAGEDOWN: Action.ROLL_FORWARD,
        pygame.K_TAB: Action.SKIP_TOGGLE,
        pygame.K_a: Action.AUTO_TOGGLE,
        pygame.K_h: Action.HIDE_UI,
        pygame.K_F5: Action.QUICK_SAVE,
        pygame.K_F9: Action.QUICK_LOAD,
        pygame.K_UP: Action.UP,
        pygame.K_DOWN: Action.DOWN,
        pygame.K_F3: Action.DEV_OVERLAY,
        pygame.K_DELETE: Action.DELETE,
        pygame.K_F11: Action.FULLSCREEN,
    }
    if key == pygame.K_LEFT:
        out += [Action.LEFT, Action.ROLLBACK]
    elif key == pygame.K_RIGHT:
        out += [Action.RIGHT, Action.ROLL_FORWARD]
    elif key == pygame.K_r and mod & pygame.KMOD_SHIFT:
        out.append(Action.DEV_RELOAD)
    elif key in table:
        out.append(table[key])
    return out


def number_key(event: pygame.event.Event) -> int | None:
    """1..9 for the number keys (top row or keypad), else None."""
    if pygame.K_1 <= event.key <= pygame.K_9:
        return event.key - pygame.K_0
    if pygame.K_KP1 <= event.key <= pygame.K_KP9:
        return event.key - pygame.K_KP1 + 1
    return None


def is_ctrl(key: int) -> bool:
    return key in (pygame.K_LCTRL, pygame.K_RCTRL)
