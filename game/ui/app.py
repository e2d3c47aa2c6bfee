"""The app: the screen stack, the services screens share, and the loop that feeds them events and time.

Screens are pushed and popped like cards (title, game, game menu, save screen ...). Only the top screen gets input
and updates; the stack is drawn from the topmost opaque screen up. Time comes from an injected clock and is passed
to every `update` and `draw`, and a frame is drawn only when something changed or animates; otherwise the loop
sleeps between short looks for input, so an idle game costs almost no CPU.

Self-voicing lives here too: after every turn of the loop the top screen says what it shows (`Screen.speech`), and
the app speaks whatever changed (a new screen or line in full, then each move of the focus) through a `Speaker`.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from game.exitcodes import EXIT_FAILED
from game.jsonfiles import sweep_temporaries
from game.paths import default_assets_dir
from game.story_id import story_key
from game.ui.assets import Images
from game.ui.audio import Audio
from game.ui.canvas import Canvas
from game.ui.datadir import story_folder
from game.ui.display import Display
from game.ui.fonts import Fonts
from game.ui.input import Action, Stick, controller_actions, key_actions
from game.ui.persistent import Persistent
from game.ui.savestore import SaveStore
from game.ui.settings import Settings, SettingsStore
from game.ui.speech import Speaker
from game.ui.spoken import Spoken, joined
from game.ui.theme import INK, PAPER, SMALL_PX

log = logging.getLogger(__name__)

FRAME_RATE = 60
THUMBNAIL = (320, 180)
# When nothing animates the loop sleeps and looks for input 50 times a second, and after a second of stillness
# 25 times a second (a 40 ms wait is below what a reader notices). pygame-ce's event.wait(timeout) polls every
# millisecond inside SDL, which alone costs about 3% of a core.
IDLE_POLL = 0.02
RESTING_POLL = 0.04
RESTING_AFTER = 1.0


class Screen:
    """One card of the stack. Handlers return True when something visible changed."""

    opaque = True

    def __init__(self, app: App) -> None:
        self.app = app

    # Lifecycle
    def enter(self, now: float) -> None:
        """Pushed onto the stack."""

    def resume(self, now: float) -> None:
        """The screen above it was popped."""

    def show_page(self, page: str) -> bool:
        """Turn to the page called `page`, if this screen has one; True if it has (Shift+A on the settings)."""
        return False

    # Input
    def event(self, event: pygame.event.Event, now: float) -> bool:
        if event.type == pygame.KEYDOWN:
            if self.key(event, now):
                return True
            return any(self.action(a, now) for a in key_actions(event))
        if event.type == pygame.KEYUP:
            return self.key_up(event, now)
        if event.type == pygame.MOUSEBUTTONDOWN:
            pos = self.app.logical(event.pos)
            if event.button == 1:
                return self.click(pos, now)
            if event.button == 2:
                return self.action(Action.HIDE_UI, now)
            if event.button == 3:
                return self.action(Action.MENU, now)
            return False
        if event.type == pygame.MOUSEWHEEL:
            return self.wheel(event.y, now)
        if event.type == pygame.MOUSEMOTION:
            return self.motion(self.app.logical(event.pos), now)
        if event.type == pygame.CONTROLLERBUTTONDOWN:
            return any(self.pad(a, now) for a in controller_actions(event))
        return False

    def pad(self, action: Action, now: float) -> bool:
        """A controller's action: B backs out, the shoulders turn pages and left and right go back and forward
        wherever a screen has no use of its own for them."""
        if self.action(action, now):
            return True
        fallback = {
            Action.CANCEL: Action.MENU,
            Action.PAGE_PREV: Action.BACKLOG,
            Action.PAGE_NEXT: Action.ROLL_FORWARD,
            Action.LEFT: Action.ROLLBACK,  # in play the pad's left and right go back and forward, like the arrows
            Action.RIGHT: Action.ROLL_FORWARD,
        }
        return action in fallback and self.action(fallback[action], now)

    def key(self, event: pygame.event.Event, now: float) -> bool:
        return False

    def key_up(self, event: pygame.event.Event, now: float) -> bool:
        return False

    def action(self, action: Action, now: float) -> bool:
        return False

    def click(self, pos: tuple[float, float], now: float) -> bool:
        return self.action(Action.ADVANCE, now)

    def motion(self, pos: tuple[float, float], now: float) -> bool:
        return False

    def wheel(self, dy: int, now: float) -> bool:
        return self.action(Action.BACKLOG if dy > 0 else Action.ROLL_FORWARD, now)

    # Time and drawing
    def update(self, now: float) -> None:
        """Called once per loop for the top screen."""

    def animating(self, now: float) -> bool:
        return False

    def wake_at(self, now: float) -> float | None:
        """A time at which `update` has something to do even without input."""
        return None

    def draw(self, canvas: Canvas, now: float) -> None:
        raise NotImplementedError

    # Self-voicing
    def speech(self, now: float) -> Spoken | None:
        """What self-voicing says about this screen (None: nothing)."""
        return None


@dataclass(slots=True)
class Toast:
    text: str
    until: float


class App:
    """Runs one story's front end."""

    def __init__(
        self,
        story: Any,
        *,
        display: Display,
        data_dir: Path,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        dev: bool = False,
        ui_dir: Path | None = None,
        open_audio: bool = True,
        speaker: Speaker | None = None,
    ) -> None:
        self.story = story
        self.display = display
        self.clock = clock
        self.sleep = sleep
        self.dev = dev
        self.data_dir = data_dir
        story_dir = story_folder(data_dir, story_key(story), str(getattr(story, "title", "") or ""))
        self.settings_store = SettingsStore(data_dir / "settings.json")
        self.settings: Settings = self.settings_store.load()
        self.saves = SaveStore(story_dir / "saves")
        for folder in (data_dir, story_dir, self.saves.folder):  # what saves killed mid-write left behind
            sweep_temporaries(folder)
        self.persistent = Persistent(story_dir / "progress.json")
        self.fonts = Fonts()
        assets_dir = Path(getattr(story, "assets_dir", Path("assets")))
        ui_dir = ui_dir if ui_dir is not None else default_assets_dir() / "ui"  # the game's own look, not the story's
        self.images = Images(assets_dir, self.fonts, ui_dir)
        self.audio = Audio(assets_dir, ui_dir, open_now=open_audio)
        self.audio.set_volumes(self.settings.music_volume, self.settings.sound_volume)
        self.canvas = Canvas(display.frame, display.viewport.scale, self.fonts)
        self._apply_look()
        self.stack: list[Screen] = []
        self.toasts: list[Toast] = []
        self.running = True
        self.exit_code = 0
        self.failure: str | None = None  # why play stopped on a mistake in the story (`fail`), said at the exit
        self.dirty = True
        self._was_busy = False
        self.frames_drawn = 0
        self.memory: dict[str, object] = {}  # small things screens remember while the game runs (last save page)
        self._generation = 0  # bumped whenever what lies under an overlay may have changed
        self._under: tuple[tuple, pygame.Surface] | None = None  # the screens under the top one, drawn once
        self.on_frame: Callable[[float], None] | None = None
        self.speaker = speaker if speaker is not None else Speaker.for_system()
        self._spoken: tuple[object, str] | None = None  # (the page last read, its focus)
        self._voice_prefix = ""
        self.stick = Stick()
        self.controllers: dict[int, Any] = {}
        self.pointer: tuple[float, float] | None = None  # where the mouse is (logical), None outside the window
        if self.settings.fullscreen and not display.fullscreen:
            self.set_fullscreen(True)

    # The stack --------------------------------------------------------------------------------------------------
    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen, now: float | None = None) -> None:
        self._generation += 1
        self.stack.append(screen)
        screen.enter(self.clock() if now is None else now)
        self.dirty = True

    def pop(self, now: float | None = None) -> Screen | None:
        self._generation += 1
        screen = self.stack.pop() if self.stack else None
        if self.stack:
            self.stack[-1].resume(self.clock() if now is None else now)
        self.dirty = True
        return screen

    def replace(self, screen: Screen, now: float | None = None) -> None:
        if self.stack:
            self.stack.pop()
        self.push(screen, now)

    def reset(self, screen: Screen, now: float | None = None) -> None:
        """Make `screen` the only screen (back to the title, into a new game ...)."""
        self.stack.clear()
        self.push(screen, now)

    def find(self, kind: type) -> Any:
        """The topmost screen of a kind, if any."""
        return next((s for s in reversed(self.stack) if isinstance(s, kind)), None)

    def quit(self, code: int = 0) -> None:
        """End the loop with exit code `code` (EXIT_FAILED after `fail`, however the player closes the window)."""
        self.persistent.flush()
        self.running = False
        self.exit_code = EXIT_FAILED if self.failure is not None else code

    def fail(self, message: str) -> None:
        """Play stopped on a mistake in the story: the game now exits with EXIT_FAILED, and `game.ui.launch` prints
        `message` to the terminal as the text player would."""
        self.failure = message

    def close(self) -> None:
        """Let go of what the app holds outside the window: progress, the speech worker, controllers."""
        self.persistent.flush()
        self.speaker.close()
        self.controllers.clear()

    # Services ---------------------------------------------------------------------------------------------------
    def logical(self, pos: tuple[float, float]) -> tuple[float, float]:
        return self.display.viewport.to_logical(pos)

    def invalidate(self) -> None:
        self.dirty = True

    def toast(self, text: str, now: float, seconds: float = 1.8, *, spoken: bool = True) -> None:
        """Show `text` for a moment at the top of the screen, and speak it (unless `spoken` is False: what the
        voice says in its own words already)."""
        self.toasts = [t for t in self.toasts if t.until > now][-2:]
        self.toasts.append(Toast(text, now + seconds))
        self.dirty = True
        if spoken:
            self.say(text)

    def apply_settings(self, *, save: bool = True) -> None:
        """Make the settings take effect (and keep them for the next run)."""
        self._generation += 1
        self.settings.clamp()
        if save:
            self.settings_store.save(self.settings)
        self.audio.set_volumes(self.settings.music_volume, self.settings.sound_volume)
        if self.settings.fullscreen != self.display.fullscreen:
            self.set_fullscreen(self.settings.fullscreen)
        self._apply_look()
        self.dirty = True

    def _apply_look(self) -> None:
        """The font and the contrast the settings ask for."""
        if self.fonts.use(self.settings.font):
            self.canvas.clear_caches()
        self.canvas.contrast = self.settings.high_contrast

    # Self-voicing and the accessibility menu -------------------------------------------------------------------
    @property
    def voicing(self) -> bool:
        return self.settings.self_voicing and self.speaker.available

    def say(self, text: str) -> None:
        """Speak `text` now (when self-voicing is on), cutting off what was being said."""
        if self.voicing:
            self.speaker.say(text)

    def toggle_voice(self, now: float) -> None:
        """The V key: self-voicing on or off, and a toast that says which (seen, since the voice says it already)."""
        was = self.settings.self_voicing
        self.set_voice(not was, now)
        if self.settings.self_voicing != was:
            self.toast("Self-voicing on" if self.settings.self_voicing else "Self-voicing off", now, spoken=False)

    def set_voice(self, on: bool, now: float) -> None:
        """Self-voicing on or off (and kept); with no synthesiser it stays off and a notice says why."""
        if on and not self.speaker.available:
            self.toast(self.speaker.problem or "No speech synthesiser was found", now, seconds=4.0)
            return
        if on == self.settings.self_voicing:
            return
        self.settings.self_voicing = on
        self.apply_settings()
        if self.settings.self_voicing:
            self._spoken = None  # read the screen again, from the top
            self._voice_prefix = "Self-voicing on."
        else:
            self.speaker.say("Self-voicing off.")

    def open_accessibility(self, now: float) -> None:
        from game.ui.screens import router  # the screens sit above the app: reached by name, when asked for

        top = self.top
        if top is not None and top.show_page("accessibility"):
            self.dirty = True
        else:
            router.push(self, "settings", now, page="accessibility")

    def voice(self, now: float) -> None:
        """Speak what changed on the top screen since the last turn: a new page in full, else a moved focus."""
        top = self.top
        if not self.voicing or top is None:
            return
        spoken = top.speech(now)
        if spoken is None:
            return
        page = (id(top), spoken.key)
        if self._spoken is None or self._spoken[0] != page:
            self.speaker.say(joined(self._voice_prefix, spoken.page, spoken.focus))
            self._voice_prefix = ""
        elif self._spoken[1] != spoken.focus:
            self.speaker.say(spoken.focus)
        self._spoken = (page, spoken.focus)

    def set_fullscreen(self, on: bool) -> None:
        self.display.set_fullscreen(on)
        self.settings.fullscreen = self.display.fullscreen
        self._retarget()

    def _retarget(self) -> None:
        self._generation += 1
        self.canvas.retarget(self.display.frame, self.display.viewport.scale)
        self.images.clear()
        self.dirty = True

    def thumbnail(self, screen: Screen, now: float) -> bytes | None:
        """A small PNG of `screen` drawn alone (for a save slot)."""
        try:
            surf = pygame.Surface(self.display.viewport.size)
            self.canvas.retarget(surf, self.display.viewport.scale)
            try:
                screen.draw(self.canvas, now)
            finally:
                self.canvas.retarget(self.display.frame, self.display.viewport.scale)
            small = pygame.transform.smoothscale(surf, THUMBNAIL)
            out = io.BytesIO()
            pygame.image.save(small, out, "thumbnail.png")
            return out.getvalue()
        except (pygame.error, OSError, ValueError) as err:
            log.warning("cannot make a save thumbnail: %s", err)
            return None

    # The loop ---------------------------------------------------------------------------------------------------
    def process(self, events: list[pygame.event.Event], now: float) -> None:
        """Handle input events at time `now`."""
        for event in events:
            if event.type == pygame.QUIT:
                self.quit(0)
                return
            if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
                if self.display.refresh():
                    self._retarget()
                self.dirty = True
                continue
            if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
                self.dirty = True
                continue
            if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                self.pointer = self.logical(event.pos)  # kept for the screen under this one, when it comes back
            elif event.type == pygame.WINDOWLEAVE:
                self.pointer = None
            if event.type == pygame.CONTROLLERDEVICEADDED:
                self._open_controller(event.device_index)
                continue
            if event.type == pygame.CONTROLLERDEVICEREMOVED:
                self.controllers.pop(getattr(event, "instance_id", -1), None)
                continue
            actions = (
                key_actions(event)
                if event.type == pygame.KEYDOWN
                else controller_actions(event)
                if event.type == pygame.CONTROLLERBUTTONDOWN
                else []
            )
            if Action.FULLSCREEN in actions:
                self.set_fullscreen(not self.display.fullscreen)
                self.settings_store.save(self.settings)
                continue
            if Action.VOICE_TOGGLE in actions:
                self.toggle_voice(now)
                continue
            if Action.ACCESSIBILITY in actions:
                self.open_accessibility(now)
                continue
            top = self.top
            if top is None:
                continue
            if event.type == pygame.CONTROLLERAXISMOTION:
                changed = any(top.pad(a, now) for a in self.stick.actions(event))
            else:
                changed = top.event(event, now)
            if changed or event.type in (
                pygame.KEYDOWN,
                pygame.MOUSEBUTTONDOWN,
                pygame.MOUSEWHEEL,
                pygame.CONTROLLERBUTTONDOWN,
            ):
                self.dirty = True

    def _open_controller(self, index: int) -> None:
        try:
            from pygame._sdl2 import controller

            if not controller.get_init():
                controller.init()
            pad = controller.Controller(index)
            self.controllers[pad.as_joystick().get_instance_id()] = pad
        except (pygame.error, ImportError, AttributeError, IndexError) as err:
            log.warning("cannot open game controller %s: %s", index, err)

    def update(self, now: float) -> None:
        top = self.top
        if top is not None:
            top.update(now)
        if self.toasts and any(t.until <= now for t in self.toasts):
            self.toasts = [t for t in self.toasts if t.until > now]
            self.dirty = True
        if not self.stack:
            self.quit(self.exit_code)

    def visible(self) -> list[Screen]:
        start = 0
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].opaque:
                start = i
                break
        return self.stack[start:]

    def busy(self, now: float) -> bool:
        return any(s.animating(now) for s in self.visible())

    def wake_at(self, now: float) -> float | None:
        times = [t.until for t in self.toasts]
        top = self.top
        if top is not None:
            wake = top.wake_at(now)
            if wake is not None:
                times.append(wake)
        return min(times) if times else None

    def render(self, now: float) -> None:
        """Draw the visible screens and the toasts onto the window."""
        self.display.fill_bars()
        visible = self.visible()
        below, top = visible[:-1], visible[-1:]
        if below and not any(s.animating(now) for s in below):
            # Screens under an overlay do not change while it is open: draw them once and reuse the picture.
            key = (self._generation, tuple(id(s) for s in below), self.display.viewport)
            if self._under is None or self._under[0] != key:
                for screen in below:
                    screen.draw(self.canvas, now)
                self._under = (key, self.display.frame.copy())
            else:
                self.display.frame.blit(self._under[1], (0, 0))
        else:
            self._under = None
            for screen in below:
                screen.draw(self.canvas, now)
        for screen in top:
            screen.draw(self.canvas, now)
        for i, toast in enumerate(t for t in self.toasts if t.until > now):
            width = self.canvas.measure(toast.text, SMALL_PX + 2) + 40
            self.canvas.panel(
                (640 - width / 2, 16 + i * 48, width, 40), (*PAPER, 240), radius=20, border=1.5, border_color=INK
            )
            self.canvas.text(toast.text, (640, 36 + i * 48), SMALL_PX + 2, INK, anchor="center")
        self.display.flip()
        self.dirty = False
        self.frames_drawn += 1
        if self.on_frame is not None:
            self.on_frame(now)

    def needs_frame(self, now: float) -> bool:
        """Whether the next turn of the loop draws: something changed, animates, or has just stopped animating
        (the frame that ends an animation, such as a line's last letter and its continue mark, is always drawn)."""
        return self.dirty or self._was_busy or self.busy(now)

    def step(self, events: list[pygame.event.Event], now: float) -> bool:
        """One turn of the loop at time `now`; True if a frame was drawn."""
        self.process(events, now)
        if not self.running:
            return False
        self.update(now)
        self.voice(now)
        busy = self.busy(now)
        drew = False
        if self.running and (self.dirty or busy or self._was_busy):
            self.render(now)
            drew = True
        self._was_busy = busy
        return drew

    def wait_for_input(self, now: float) -> list[pygame.event.Event]:
        """Sleep in short looks for input until some arrives or something is due; the events that arrived."""
        events: list[pygame.event.Event] = []
        wake = self.wake_at(now)
        still_since = now
        while not events and (wake is None or now < wake):
            poll = RESTING_POLL if now - still_since > RESTING_AFTER else IDLE_POLL
            self.sleep(poll if wake is None else max(0.0, min(poll, wake - now)))
            events = pygame.event.get()
            now = self.clock()
        return events

    def run(self) -> int:
        """The real loop: sleep until input arrives (or something is due), draw frames only while animating."""
        ticker = pygame.time.Clock()
        while self.running:
            now = self.clock()
            events = pygame.event.get()
            if not events and not self.needs_frame(now):
                events = self.wait_for_input(now)
                now = self.clock()
            self.step(events, now)
            if self._was_busy:
                ticker.tick(FRAME_RATE)
        self.close()
        return self.exit_code
