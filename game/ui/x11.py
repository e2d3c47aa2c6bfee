"""Whether a window manager runs on the X display the game's window is on.

Fullscreen is a request to the window manager: with one, SDL's desktop fullscreen asks it to make the window cover
the screen. With none (a kiosk, a bare X server, Xvfb), nobody acts on that request, so the window stays where and
as large as it was while SDL draws as if it covered the screen: offset and clipped. The display then covers the
screen with a borderless window itself. A window manager announces itself (EWMH) with the root window property
_NET_SUPPORTING_WM_CHECK; this module reads it through SDL's own connection to the X server, with libX11 by ctypes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

import pygame

log = logging.getLogger(__name__)

SUCCESS = 0
XA_WINDOW = 33


def window_manager_running() -> bool | None:
    """True or False on X11; None where it cannot be told (another video driver, no libX11)."""
    if pygame.display.get_driver() != "x11":
        return None
    try:
        return _wm_check_present()
    except (OSError, AttributeError, ValueError, TypeError) as err:
        log.info("cannot tell whether a window manager runs (%s)", err)
        return None


def _display_pointer() -> int:
    capsule = pygame.display.get_wm_info().get("display")
    get_name = ctypes.pythonapi.PyCapsule_GetName
    get_name.restype = ctypes.c_char_p
    get_name.argtypes = [ctypes.py_object]
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype = ctypes.c_void_p
    get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    pointer = get_pointer(capsule, get_name(capsule))
    if not pointer:
        raise ValueError("SDL gave no X display")
    return pointer


def _wm_check_present() -> bool:
    xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XGetWindowProperty.restype = ctypes.c_int
    xlib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_int,
        ctypes.c_ulong,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_void_p),
    ]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    display = _display_pointer()
    atom = xlib.XInternAtom(display, b"_NET_SUPPORTING_WM_CHECK", 1)  # only if it exists: never creates one
    if not atom:
        return False
    kind, size = ctypes.c_ulong(), ctypes.c_int()
    count, left = ctypes.c_ulong(), ctypes.c_ulong()
    data = ctypes.c_void_p()
    status = xlib.XGetWindowProperty(
        display,
        xlib.XDefaultRootWindow(display),
        atom,
        0,
        1,
        0,
        XA_WINDOW,
        ctypes.byref(kind),
        ctypes.byref(size),
        ctypes.byref(count),
        ctypes.byref(left),
        ctypes.byref(data),
    )
    if data.value:
        xlib.XFree(data)
    return status == SUCCESS and kind.value == XA_WINDOW and count.value == 1
