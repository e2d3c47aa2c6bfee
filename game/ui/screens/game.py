"""The game itself: the stage, the dialogue box or phone, menus of choices, and every in-play control.

It presents the events a `StorySession` pulls and owns the reading controls: advance, rollback and roll forward,
skip (Ctrl held or Tab), auto-advance, hiding the interface, quick save and load, the backlog, the game menu, and
for authors the dev overlay and hot reload.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import cast

import pygame

from game.events import Choices, Ended, Event, Line, LineKind, SceneEntered, StageChange
from game.playthrough import PlaythroughError, stopped_message
from game.ui.app import App, Screen
from game.ui.canvas import Canvas
from game.ui.caption_pill import draw_caption_pill
from game.ui.captions import load_captions
from game.ui.chapter_card import ChapterCard
from game.ui.choices import HEIGHT, ChoiceMenu
from game.ui.dialogue import DialogueBox
from game.ui.effects import EffectsLayer
from game.ui.input import Action, is_ctrl, number_key
from game.ui.nvl import MENU_BOTTOM, MENU_GAP, NvlPage
from game.ui.phone import Message, PhoneView, phone_rect
from game.ui.places import leaves_can_fall, load_outdoors
from game.ui.portrait import Portraits
from game.ui.quickmenu import QuickMenu
from game.ui.savestore import QUICK, make_record, why_not_written
from game.ui.screens import router
from game.ui.screens.flow import load_slot
from game.ui.session import LogEntry, StorySession
from game.ui.spoken import Spoken, joined, line_words, menu_words, option_words
from game.ui.stage import StageView
from game.ui.theme import BOX, INK, NAMEPLATE_Y, PAPER, SMALL_PX, TEXT_SIZES, parse_hex

log = logging.getLogger(__name__)

SKIP_INTERVAL = 0.05
SETTLED = 30.0  # seconds: long enough for every card, fade, effect and reveal to have finished
AUTO_PER_CHAR = 0.02
INTERRUPTIONS = ("thought", "narration")  # lines that put the phone down without ending its thread


class GameScreen(Screen):
    """One playthrough on screen."""

    def __init__(self, app: App, session: StorySession, *, restored: bool = False) -> None:
        super().__init__(app)
        self.session = session
        self.stage = StageView(app.images)
        self.effects = EffectsLayer(app.images)
        self.dialogue = DialogueBox()
        self.nvl = NvlPage()  # the full-page text of a `mode: nvl` passage (game.ui.nvl)
        self.portraits = Portraits(app.images)
        self.outdoors = load_outdoors(app.images.assets_dir)
        self.captions = load_captions(app.images.assets_dir)
        self.shown_captions: list[str] = []  # the sounds and music changes that came with the beat on screen
        self.phone = PhoneView()
        self.quick = QuickMenu()
        self.menu: ChoiceMenu | None = None
        self.pointer: tuple[float, float] | None = None  # where the mouse last was (logical), for hover after a wheel
        self.card: ChapterCard | None = None
        self.line: Line | None = None
        self.line_seen_before = False
        self.skip_toggled = False
        self.ctrl_held = False
        self.auto = False
        self.hidden = False
        self.overlay = app.dev
        self.next_skip = 0.0
        self.restored = restored
        self.dev_problem: str | None = None
        self.ended = False
        self.stopped = False  # play stopped on a mistake in the story (runaway calls, a return to nothing)

    # Starting ---------------------------------------------------------------------------------------------------
    def enter(self, now: float) -> None:
        if self.session.beat is None:
            self._pull(self.session.advance, now, instant=self.restored, restore=self.restored)
        else:
            self._present([self.session.beat], now, instant=True)

    def resume(self, now: float) -> None:
        """Back from a screen above (save, settings, the menu): the keys held then are up, and the quick menu's
        highlight is under the pointer where it is now, not where it was when that screen opened."""
        self.ctrl_held = False
        self.pointer = self.app.pointer
        self.quick.hovered = self.quick.hit(self.pointer) if self.pointer is not None else None

    @property
    def skipping(self) -> bool:
        return (self.skip_toggled or self.ctrl_held) and not self.ended and not self.stopped

    def _pull(
        self, pull: Callable[[], list[Event]], now: float, *, instant: bool = False, restore: bool = False
    ) -> None:
        """Present what `pull` takes from the session, or, when play stops on a mistake in the story, say so."""
        if self.stopped:
            return
        try:
            events = pull()
        except PlaythroughError as err:
            self._play_stopped(err, now)
            return
        self._present(events, now, instant=instant, restore=restore)

    def _play_stopped(self, error: PlaythroughError, now: float) -> None:
        """The story cannot go on (runaway `call`s, a `return` with no call waiting): a message, then the game ends
        with EXIT_FAILED and the terminal player's words (`game.playthrough.stopped_message`)."""
        message = stopped_message(error, self.session.started_at)
        log.info("%s", message)  # the terminal hears it once, as the game exits (game.ui.launch)
        self.stopped = True
        self.skip_toggled = self.auto = False
        self.app.fail(message)
        router.tell(
            self.app,
            f"{message[:1].upper()}{message[1:]}. This is a mistake in the story; your saves are not affected.",
            now,
            yes="Quit",
            on_yes=lambda t: self.app.quit(),
        )

    # Presenting events ------------------------------------------------------------------------------------------
    def _present(self, events: list[Event], now: float, *, instant: bool = False, restore: bool = False) -> None:
        quiet = instant or self.skipping
        calm = quiet or self.app.settings.reduce_motion  # cuts instead of fades, no shakes or particles
        scene_started = False
        if any(isinstance(e, (Line, Choices, Ended)) for e in events):
            self.shown_captions = self._beat_captions()
        # the author's `with:` of this batch of stage changes (the last one given wins)
        transition = next(
            (e.transition for e in reversed(events) if isinstance(e, (SceneEntered, StageChange)) and e.transition),
            None,
        )
        moving = not (instant or restore or self.skipping or self.app.settings.reduce_motion)
        # a `fade` hides the text until the new stage is up, as Ren'Py's window does over a scene's transition
        text_from = now + transition[1] if moving and transition is not None and transition[0] == "fade" else now
        for event in events:
            if isinstance(event, SceneEntered):
                self.app.persistent.reach_chapter(event.chapter)
                self.phone.clear()
                self.nvl.clear()
                scene_started = True
                if event.new_chapter and not quiet:
                    self.card = ChapterCard(event.chapter, event.title, now, cut=self.app.settings.reduce_motion)
            elif isinstance(event, StageChange):
                if event.action == "sound" and event.asset and not quiet:
                    self.app.audio.play_sound(event.asset)
                elif event.action == "effect" and event.asset and not calm and self._effect_plays(event.asset):
                    self.effects.start(event.asset, now, event.beat_id or self.session.stage.scene)
                elif event.action == "mode" and event.asset != "nvl":
                    self.nvl.clear()
            elif isinstance(event, Line):
                self._show_line(event, now, restore=restore or instant, start=text_from)
            elif isinstance(event, Choices):
                self.menu = ChoiceMenu(event)
                self.skip_toggled = False
            elif isinstance(event, Ended):
                self._end(event, now)
        if restore and self.menu is not None and not any(isinstance(e, Line) for e in events):
            self._show_line_before_menu(now)
        if not moving:
            self.stage.snap(self.session.stage)
            if restore:
                self.effects.clear()
                self.card = None
        else:
            self.stage.follow(self.session.stage, now, transition)
        self.stage.focus(self._focus_on(), now, instant=calm)
        self.app.audio.play_music(self.session.stage.music)
        if scene_started and not restore and not self.ended:
            self.autosave(now)
        self.app.invalidate()

    def _show_line_before_menu(self, now: float) -> None:
        """Back at a menu (a rollback, a load): the line it follows, from the backlog, as play showed it (the box
        kept the line the player chose after, or, after a load, stood empty under the choices)."""
        menu = self.menu
        for entry in reversed(self.session.backlog):
            if entry.kind == "choice":
                break
            if entry.kind in ("speech", "narration", "thought", "message"):
                kind = cast(LineKind, entry.kind)
                line = Line(kind, entry.text, entry.speaker, entry.name, entry.color, None, "", styles=entry.styles)
                self._show_line(line, now, restore=True, start=now)
                break
        self.menu = menu

    def _effect_plays(self, effect: str) -> bool:
        """Every effect plays, but autumn leaves only fall outdoors in autumn (see `game.ui.places`)."""
        return effect != "leaves" or leaves_can_fall(self.session.stage.background, self.outdoors)

    def _show_line(self, line: Line, now: float, *, restore: bool, start: float) -> None:
        """Show `line`, revealed from `start` (or once the chapter card has gone)."""
        self.menu = None
        self.line = line
        self.line_seen_before = line.beat_id in self.app.persistent.seen
        if self.card is not None and self.card.active(now):
            start = max(start, self.card.ends)
        if line.kind == "message":
            self.dialogue.clear()
            if restore:
                self.phone.set_thread(self._thread_so_far())
            else:
                self.phone.add(Message(line.speaker, line.name, line.color, line.text), start)
        else:
            if line.kind in INTERRUPTIONS:
                if restore:
                    self.phone.set_thread(self._thread_so_far(), shown=False)
                self.phone.put_down()
            else:
                self.phone.clear()
            self.dialogue.show(line, start)
            if self.session.stage.mode == "nvl":
                self.nvl.add(line)  # the page shows it, under the passage's lines before it
            else:
                self.nvl.clear()
            if restore or self.skipping:
                self.dialogue.complete()

    def _speaker_mark(self, canvas: Canvas) -> tuple[str, Callable[[], None] | None]:
        """(the side of the box the name plate sits on, a portrait to draw for a speaker who is not on stage)."""
        line = self.dialogue.line
        if line is None or line.speaker is None or line.kind in ("narration", "message"):
            return "left", None
        x = self.stage.place_of(line.speaker)
        if x is not None:
            return ("left" if x < 520 else "right" if x > 760 else "center"), None
        # off stage: a portrait (or the plate alone) where nobody stands, so it is not read as someone else's
        taken = {place for _, place in self.session.stage.sprites.values()}
        free = next((p for p in ("left", "right", "center") if p not in taken), "left")
        outfit = self.session.stage.outfits.get(line.speaker)
        if not self.portraits.available(line.speaker, outfit):
            return free, None
        corner = "right" if free == "right" else "left"
        color = parse_hex(line.color)
        return f"portrait_{corner}", lambda: self.portraits.draw(
            canvas, line.speaker, line.expression, outfit, color, corner
        )

    def _focus_on(self) -> str | None:
        """Who the stage marks as speaking: the speaker of a spoken line, a thinker who is on stage, else nobody."""
        line = self.line if isinstance(self.session.beat, Line) else None
        if line is None or line.speaker is None or line.kind in ("narration", "message"):
            return None
        if line.kind == "thought" and not self.stage.on_stage(line.speaker):
            return None
        return line.speaker

    def _thread_so_far(self) -> list[Message]:
        """The messages of the running thread, from the backlog (after a load or a rollback)."""
        thread = []
        for entry in reversed(self.session.backlog):
            if entry.kind in INTERRUPTIONS or entry.kind in ("sound", "music"):
                continue
            if entry.kind != "message":
                break
            thread.append(Message(entry.speaker, entry.name, entry.color, entry.text))
        return list(reversed(thread))

    def _end(self, ended: Ended, now: float) -> None:
        self.ended = True
        self.skip_toggled = False
        first_time = self.app.persistent.add_ending(ended.ending)
        self.app.persistent.flush()
        router.push(self.app, "ending", now, ended, first_time)

    # Reading controls -------------------------------------------------------------------------------------------
    def _cps(self) -> float:
        return self.app.settings.chars_per_second()

    def _size(self) -> float:
        return TEXT_SIZES.get(self.app.settings.text_size, 1.0)

    def line_complete(self, now: float) -> bool:
        if self.line is None:
            return True
        if (self.card is not None and self.card.active(now)) or self.stage.fading(now):
            return False
        if self.line.kind == "message":
            return not self.phone.animating(now)
        return self.dialogue.is_complete(now, self._cps())

    def advance(self, now: float) -> None:
        """What a click or Space does: finish the card or the line, or go on."""
        if self.card is not None and self.card.active(now):
            self.card.dismiss(now)
            if self.line is not None and self.line.kind != "message":
                self.dialogue.started = now
            return
        if self.stage.fading(now):  # a click cuts a `fade` short: the new stage, and its text from now
            self.stage.snap(self.session.stage)
            self.dialogue.started = min(self.dialogue.started, now)
            self.phone.arrived = min(self.phone.arrived, now)
            return
        beat = self.session.beat
        if isinstance(beat, Line):
            if not self.line_complete(now):
                self.dialogue.complete()
                self.phone.arrived = -1e9
                return
            self.app.persistent.mark_seen(beat.beat_id)
            self._pull(self.session.advance, now)

    def choose(self, index: int, now: float) -> None:
        self.app.audio.play_ui("select")
        self._pull(lambda: self.session.choose(index), now)

    def rollback(self, now: float) -> bool:
        self.skip_toggled = self.auto = False
        try:
            events = self.session.rollback()
        except Exception as err:
            log.warning("cannot roll back: %s", err)
            self.app.toast("Cannot go back further", now)
            return True
        if events is None:
            self.app.toast("This is as far back as it goes", now)
            return True
        self._present(events, now, instant=True, restore=True)
        return True

    def roll_forward(self, now: float) -> bool:
        if not self.session.can_roll_forward():
            return False
        self._pull(self.session.advance, now, instant=True, restore=True)
        return True

    # Saving -----------------------------------------------------------------------------------------------------
    def record(self, now: float) -> dict:
        snapshot, extra = self.session.snapshot()
        stage = self.session.stage
        return make_record(
            snapshot=snapshot,
            scene=str(snapshot.get("scene", stage.scene)),
            scene_title=str(snapshot.get("scene_title", stage.scene_title)),
            chapter=str(snapshot.get("chapter", stage.chapter)),
            story_title=str(self.app.story.title),
            story_version=self.app.story.version,
            extra=extra,
            thumbnail_png=self.app.thumbnail(self, now + SETTLED),  # as it looks once transitions end
            now=datetime.now(),
        )

    def autosave(self, now: float) -> None:
        try:
            self.app.saves.autosave(self.record(now))
        except OSError as err:
            log.warning("autosave failed: %s", err)
            self.app.toast(f"Autosave failed: {why_not_written(err)}. Your earlier saves are kept.", now, seconds=6.0)

    def quick_save(self, now: float) -> None:
        try:
            self.app.saves.write(QUICK, self.record(now))
            self.app.toast("Quick saved", now)
        except OSError as err:
            self.app.toast(f"Could not save: {why_not_written(err)}", now)

    def quick_load(self, now: float) -> None:
        slot = self.app.saves.read(QUICK)
        if slot.status == "empty":
            self.app.toast("There is no quick save yet", now)
            return
        load_slot(self.app, slot, now)

    # Input ------------------------------------------------------------------------------------------------------
    def event(self, event: pygame.event.Event, now: float) -> bool:
        if self.menu is not None and not self.hidden:
            if event.type == pygame.MOUSEMOTION and self.menu.drag(self.app.logical(event.pos), bool(event.buttons[0])):
                return True
            if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
                self.menu.release()
        return super().event(event, now)

    def wheel(self, dy: int, now: float) -> bool:
        if self.menu is not None and self.menu.scrollable and not self.hidden:
            if self.menu.wheel(dy) and self.pointer is not None:
                self.menu.hover(self.pointer)  # the highlight stays with the option under the mouse, not its old place
            return True  # over a long menu the wheel scrolls it (Page Up still opens the history)
        return super().wheel(dy, now)

    def key(self, event: pygame.event.Event, now: float) -> bool:
        if is_ctrl(event.key):
            self.ctrl_held = True
            self.next_skip = now
            return True
        number = number_key(event)
        if number is not None and self.menu is not None and not self.hidden:
            index = self.menu.by_number(number)
            if index is not None:
                self.choose(index, now)
            return True
        return False

    def key_up(self, event: pygame.event.Event, now: float) -> bool:
        if is_ctrl(event.key):
            self.ctrl_held = False
            return True
        return False

    def action(self, action: Action, now: float) -> bool:
        if self.hidden and action != Action.MENU:
            self.hidden = False
            return True
        if action == Action.MENU:
            self.hidden = False
            self.open_menu(now)
        elif action == Action.HIDE_UI:
            self.hidden = True
        elif action in (Action.BACKLOG, Action.PAGE_PREV):
            self.open_backlog(now)
        elif action in (Action.ROLLBACK, Action.CANCEL):
            return self.rollback(now)
        elif action == Action.ROLL_FORWARD:
            return self.roll_forward(now)
        elif action == Action.SKIP_TOGGLE:
            self.toggle_skip(now)
        elif action == Action.AUTO_TOGGLE:
            self.toggle_auto()
        elif action == Action.QUICK_SAVE:
            self.quick_save(now)
        elif action == Action.QUICK_LOAD:
            self.quick_load(now)
        elif action == Action.DEV_OVERLAY and self.app.dev:
            self.overlay = not self.overlay
        elif action == Action.DEV_RELOAD and self.app.dev:
            self.reload(now)
        elif self.menu is not None and action in (Action.UP, Action.DOWN, Action.CONFIRM):
            changed, index = self.menu.action(action)
            if index is not None:
                self.choose(index, now)
                return True
            return changed
        elif action == Action.ADVANCE:
            if self.menu is not None:
                return False  # at a menu, Enter and Space confirm the highlighted option instead
            self.skip_toggled = False
            self.advance(now)
        else:
            return False
        return True

    def click(self, pos: tuple[float, float], now: float) -> bool:
        if self.hidden:
            self.hidden = False
            return True
        item = self.quick.hit(pos)
        if item is not None:
            self.quick_item(item, now)
            return True
        if self.menu is not None:
            if self.menu.press(pos):
                return True
            index = self.menu.click(pos)
            if index is not None:
                self.choose(index, now)
            return True
        return self.action(Action.ADVANCE, now)

    def motion(self, pos: tuple[float, float], now: float) -> bool:
        self.pointer = pos
        changed = self.quick.hover(pos)
        if self.menu is not None:
            changed = self.menu.hover(pos) or changed
        return changed

    def quick_item(self, item: str, now: float) -> None:
        if item == "back":
            self.rollback(now)
        elif item == "history":
            self.open_backlog(now)
        elif item == "skip":
            self.toggle_skip(now)
        elif item == "auto":
            self.toggle_auto()
        elif item == "save":
            self.open_saves("save", now)
        elif item == "qsave":
            self.quick_save(now)
        elif item == "qload":
            self.quick_load(now)
        elif item == "settings":
            router.push(self.app, "settings", now)
        elif item == "menu":
            self.open_menu(now)

    def toggle_skip(self, now: float) -> None:
        self.skip_toggled = not self.skip_toggled
        self.next_skip = now
        self.app.say("Skipping" if self.skip_toggled else "Skipping stopped")

    def toggle_auto(self) -> None:
        self.auto = not self.auto
        self.app.say("Auto-advance on" if self.auto else "Auto-advance off")

    def open_menu(self, now: float) -> None:
        self.skip_toggled = self.ctrl_held = False
        self.app.audio.play_ui("open")
        router.push(self.app, "game_menu", now, self)

    def open_saves(self, mode: str, now: float) -> None:
        self.skip_toggled = self.ctrl_held = False
        router.push(self.app, "saveload", now, mode, game=self)

    def open_backlog(self, now: float) -> None:
        self.skip_toggled = self.ctrl_held = False
        router.push(self.app, "backlog", now, self.history_entries())

    def _beat_captions(self) -> list[str]:
        """Captions for the sounds and music changes that came with the beat on screen (logged just before it)."""
        backlog = self.session.backlog
        end = len(backlog) - (1 if isinstance(self.session.beat, Line) and backlog else 0)
        start = end
        while start > 0 and backlog[start - 1].kind in ("sound", "music"):
            start -= 1
        return [self._caption(e) for e in backlog[start:end]]

    def _caption(self, entry: LogEntry) -> str:
        return self.captions.sound(entry.text) if entry.kind == "sound" else self.captions.music_change(entry.text)

    def history_entries(self) -> list[LogEntry]:
        """The backlog as the history shows it: sounds and music changes as captions, or left out."""
        out = []
        for entry in self.session.backlog:
            if entry.kind not in ("sound", "music"):
                out.append(entry)
            elif self.app.settings.captions:
                out.append(LogEntry("caption", self._caption(entry)))
        return out

    # Authoring --------------------------------------------------------------------------------------------------
    def reload(self, now: float) -> None:
        """Load the story again from disk and show the current beat of the same state in it."""
        from game.loader import load_story
        from game.problems import StoryError

        try:
            story = load_story(self.app.story.story_dir)
        except StoryError as err:
            self.dev_problem = "\n".join(str(p) for p in err.problems[:8])
            self.app.toast("The story has problems; see the overlay", now)
            return
        try:
            events = self.session.reload(story)
        except (ValueError, KeyError) as err:
            self.dev_problem = f"cannot resume in the edited story: {err}"
            self.app.toast("Cannot resume here after the edit", now)
            return
        self.app.story = story
        self.dev_problem = None
        self.app.images.clear()
        self._present(events, now, instant=True, restore=True)
        self.app.toast("Reloaded the story", now)

    # Time -------------------------------------------------------------------------------------------------------
    def _auto_due(self) -> float | None:
        if self.stopped or not self.auto or not isinstance(self.session.beat, Line) or self.line is None:
            return None
        cps = self._cps()
        done = self.dialogue.complete_at(cps) if self.line.kind != "message" else self.phone.arrived
        if self.card is not None:
            done = max(done, self.card.ends)
        return done + self.app.settings.auto_delay + AUTO_PER_CHAR * len(self.line.text)

    def update(self, now: float) -> None:
        if self.skipping and now >= self.next_skip:
            self.next_skip = now + SKIP_INTERVAL
            beat = self.session.beat
            if isinstance(beat, Line):
                if self.line_seen_before or self.app.settings.skip_unseen:
                    self.card = None
                    self.dialogue.complete()
                    self.app.persistent.mark_seen(beat.beat_id)
                    self._pull(self.session.advance, now)
                else:
                    self.skip_toggled = False
            else:
                self.skip_toggled = False
        due = self._auto_due()
        if due is not None and now >= due and self.line_complete(now):
            self.app.persistent.mark_seen(self.line.beat_id if self.line else "")
            self._pull(self.session.advance, now)

    def animating(self, now: float) -> bool:
        return (
            self.skipping
            or self.stage.animating(now)
            or self.effects.animating(now)
            or (self.card is not None and self.card.active(now))
            or not self.line_complete(now)
            or self.phone.animating(now)
        )

    def wake_at(self, now: float) -> float | None:
        return self._auto_due()

    # Self-voicing ----------------------------------------------------------------------------------------------
    def speech(self, now: float) -> Spoken | None:
        """The line or menu on screen (with the chapter's name when its card is up); the focused choice."""
        beat = self.session.beat
        entry = self.session.current
        key = (id(entry), id(beat))
        card = ""
        if self.card is not None and self.card.active(now):
            card = joined(self.card.chapter, self.card.subtitle)
        if isinstance(beat, Line):
            from game.ui.phone import PLAYER

            return Spoken(key, joined(card, line_words(beat, player=PLAYER)))
        if isinstance(beat, Choices) and self.menu is not None:
            focus = self.menu.list.focus
            options = self.menu.menu.options
            said = option_words(options[focus]) if focus is not None and 0 <= focus < len(options) else ""
            return Spoken(key, joined(card, menu_words(options)), said)
        return None

    # Drawing ----------------------------------------------------------------------------------------------------
    def draw(self, canvas: Canvas, now: float) -> None:
        offset = self.effects.shake_offset(now)
        self.stage.draw(canvas, now, offset)
        self.effects.draw(canvas, now)
        if not self.hidden:
            self._draw_interface(canvas, now)
        self.stage.draw_veil(canvas, now)  # a `fade`'s black goes over everything but the chapter card, as in Ren'Py
        if self.hidden:
            return
        if self.card is not None:
            self.card.draw(canvas, now)
        if self.app.dev and self.overlay:
            from game.ui.dev_overlay import draw_overlay

            grow = self.dialogue.grow(canvas, self._size()) if self.dialogue.line is not None else 0.0
            playthrough = self.session.playthrough
            beat = self.line.beat_id if self.line is not None else None
            bottom = NAMEPLATE_Y - grow - 8  # above the text box and its name plate
            draw_overlay(canvas, playthrough.scene, beat, playthrough.variables, self.dev_problem, bottom)

    def _draw_interface(self, canvas: Canvas, now: float) -> None:
        """The text, the phone, the menu, captions, the quick menu and the skip or auto badge."""
        card_up = (self.card is not None and self.card.active(now)) or self.stage.fading(now)  # nothing over them
        menu_drawn = False
        captions = tuple(self.shown_captions) if self.app.settings.captions and not card_up else ()
        phone: tuple[float, float, float, float] | None = None
        if self.phone.active:
            taken = frozenset(place for _, place in self.session.stage.sprites.values())
            phone = phone_rect(taken)
            self.phone.draw(canvas, now, self._size(), self.line_complete(now) and self.menu is None, taken)
        elif self.nvl.active and self.dialogue.line is not None and not card_up:
            menu = self.menu
            reserve = menu.height(canvas, self._size()) + MENU_GAP if menu is not None else 0.0
            text_end = self.nvl.draw(canvas, self.dialogue.revealed(now, self._cps()), self._size(), reserve)
            if (
                menu is not None
            ):  # on the page, under the last line (scrolling if even the newest line leaves too little)
                top = min(text_end + MENU_GAP, MENU_BOTTOM - HEIGHT)
                menu.draw(canvas, self._size(), min(MENU_BOTTOM, top + reserve - MENU_GAP), top)
                menu_drawn = True
        elif self.dialogue.line is not None and not card_up:
            side, portrait = self._speaker_mark(canvas)
            self.dialogue.draw(
                canvas,
                now,
                self._cps(),
                self._size(),
                marker=self.menu is None,
                side=side,
                portrait=portrait,
                captions=captions,
            )
            captions = ()
        if captions:  # no text box to put them in (the phone is up, or a menu follows a sound)
            draw_caption_pill(canvas, captions, phone)
        if self.menu is not None and not card_up and not menu_drawn:
            bottom = BOX[1] - 30 - (self.dialogue.grow(canvas, self._size()) if self.dialogue.line else 0)
            self.menu.draw(canvas, self._size(), bottom)
        active = {"skip"} if self.skipping else set()
        if self.auto:
            active.add("auto")
        self.quick.draw(canvas, active)
        if self.skipping:
            canvas.panel((20, 18, 118, 34), (*PAPER, 220), radius=17)
            canvas.text("Skipping", (79, 35), SMALL_PX, INK, anchor="center")
        elif self.auto:
            canvas.panel((20, 18, 100, 34), (*PAPER, 220), radius=17)
            canvas.text("Auto", (70, 35), SMALL_PX, INK, anchor="center")
