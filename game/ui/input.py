"""Input mapping: what keys, buttons and the wheel mean, in one place.

Screens react to `Action`s rather than raw pygame events, so the same action can come from several keys (Space,
Enter or a click to advance), a game controller's buttons or its left stick, and every binding is documented here.
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
    VOICE_TOGGLE = auto()  # V: self-voicing on or off
    ACCESSIBILITY = auto()  # Shift+A: the accessibility settings
    CANCEL = auto()  # a controller's B: back out of a screen (in play: go back a line)
    PAGE_PREV = auto()  # a controller's left shoulder
    PAGE_NEXT = auto()  # a controller's right shoulder


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
        pygame.K_v: Action.VOICE_TOGGLE,
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
    elif key == pygame.K_a and mod & pygame.KMOD_SHIFT:
        out.append(Action.ACCESSIBILITY)
    elif key in table:
        out.append(table[key])
    return out


# A game controller (SDL's standard layout, named as on an Xbox pad).
CONTROLLER_BUTTONS: dict[int, tuple[Action, ...]] = {
    pygame.CONTROLLER_BUTTON_A: (Action.ADVANCE, Action.CONFIRM),
    pygame.CONTROLLER_BUTTON_B: (Action.CANCEL,),
    pygame.CONTROLLER_BUTTON_X: (Action.AUTO_TOGGLE,),
    pygame.CONTROLLER_BUTTON_Y: (Action.BACKLOG,),
    pygame.CONTROLLER_BUTTON_START: (Action.MENU,),
    pygame.CONTROLLER_BUTTON_BACK: (Action.SKIP_TOGGLE,),
    pygame.CONTROLLER_BUTTON_LEFTSTICK: (Action.ACCESSIBILITY,),
    pygame.CONTROLLER_BUTTON_RIGHTSTICK: (Action.VOICE_TOGGLE,),
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: (Action.PAGE_PREV,),
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: (Action.PAGE_NEXT,),
    pygame.CONTROLLER_BUTTON_DPAD_UP: (Action.UP,),
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: (Action.DOWN,),
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: (Action.LEFT,),
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: (Action.RIGHT,),
}
STICK_ON = 0.6  # share of the stick's travel that counts as a push
STICK_OFF = 0.3  # and back under which it counts as let go


def controller_actions(event: pygame.event.Event) -> list[Action]:
    """The actions a CONTROLLERBUTTONDOWN means."""
    return list(CONTROLLER_BUTTONS.get(getattr(event, "button", -1), ()))


class Stick:
    """Turns the left stick's motion into one UP/DOWN/LEFT/RIGHT per push, like a press of the pad."""

    def __init__(self) -> None:
        self.held: dict[int, int] = {}  # axis -> -1, 0 or 1

    def actions(self, event: pygame.event.Event) -> list[Action]:
        axis = getattr(event, "axis", -1)
        if axis not in (pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY):
            return []
        value = getattr(event, "value", 0) / 32767
        before = self.held.get(axis, 0)
        now = 1 if value >= STICK_ON else -1 if value <= -STICK_ON else before
        if abs(value) < STICK_OFF:
            now = 0
        self.held[axis] = now
        if now == before or now == 0:
            return []
        if axis == pygame.CONTROLLER_AXIS_LEFTX:
            return [Action.RIGHT if now > 0 else Action.LEFT]
        return [Action.DOWN if now > 0 else Action.UP]


def number_key(event: pygame.event.Event) -> int | None:
    """1..9 for the number keys (top row or keypad), else None."""
    if pygame.K_1 <= event.key <= pygame.K_9:
        return event.key - pygame.K_0
    if pygame.K_KP1 <= event.key <= pygame.K_KP9:
        return event.key - pygame.K_KP1 + 1
    return None


def is_ctrl(key: int) -> bool:
    return key in (pygame.K_LCTRL, pygame.K_RCTRL)
