"""What the player sees during play (issue 15): a phone thread that survives a thought, menus that scroll, the
backlog's kinds of line, the endings gallery, and who is speaking."""

from __future__ import annotations

from pathlib import Path

import pygame
from uidrive import data_dir

from game.events import Choices, Line
from game.ui.driver import Driver
from game.ui.screens.flow import new_game
from game.ui.screens.game import GameScreen
from tests.storybuild import build


def play(tmp_path: Path, scenes: str) -> tuple[Driver, GameScreen]:
    ui = Driver(build(tmp_path, scenes), data_dir(), title=False)
    new_game(ui.app, ui.clock.now)
    ui.wait(3.0)
    game = ui.top
    assert isinstance(game, GameScreen)
    return ui, game


def go_on(ui: Driver, game: GameScreen) -> None:
    if not game.line_complete(ui.clock.now):
        ui.press(pygame.K_SPACE)
    ui.press(pygame.K_SPACE, wait=1.0)


THREAD = """\
a:
  title: "A"
  chapter: One
  lines:
    - message: {from: nick, text: "Good morning"}
    - think: {who: charlie, text: "He texted first."}
    - message: {from: charlie, text: "Morning!"}
    - charlie: "Out loud now."
    - message: {from: nick, text: "A new thread."}
  ending: done
"""


def test_a_thought_between_messages_keeps_the_phone_thread(tmp_path: Path) -> None:
    ui, game = play(tmp_path, THREAD)
    try:
        assert [m.text for m in game.phone.thread] == ["Good morning"] and game.phone.active
        go_on(ui, game)
        assert not game.phone.active and game.dialogue.line is not None  # the thought is in the box
        go_on(ui, game)
        assert [m.text for m in game.phone.thread] == ["Good morning", "Morning!"] and game.phone.active
        ui.press(pygame.K_BACKSPACE)  # rolling back onto the thought and forward again keeps the thread too
        ui.press(pygame.K_RIGHT)
        assert [m.text for m in game.phone.thread] == ["Good morning", "Morning!"]
        go_on(ui, game)  # speaking aloud ends the thread
        go_on(ui, game)
        assert [m.text for m in game.phone.thread] == ["A new thread."]
    finally:
        ui.close()


def long_menu(count: int) -> str:
    options = "".join(f'    - text: "Option {i}"\n      goto: b\n' for i in range(1, count + 1))
    return f"""\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Pick one."
  choices:
{options}
b:
  title: "B"
  chapter: One
  lines:
    - narrate: "Picked."
  ending: done
"""


def test_a_long_menu_scrolls_with_wheel_keys_and_its_bar(tmp_path: Path) -> None:
    ui, game = play(tmp_path, long_menu(14))
    try:
        go_on(ui, game)
        menu = game.menu
        assert isinstance(game.session.beat, Choices) and menu is not None and menu.scrollable
        last = menu.list.buttons[-1]
        assert last.rect[1] > 470  # below the space for the menu: it has to scroll into view
        ui.wheel(-1)
        assert menu.scroll > 0 and ui.top is game  # the wheel scrolled the menu instead of opening the history
        ui.wheel(5)
        assert menu.scroll == 0
        for _ in range(14):
            ui.press(pygame.K_DOWN)
        assert menu.list.focus == 13 and menu.scroll == menu.max_scroll  # the highlight is kept in view
        _, y, _, h = last.rect
        assert y >= 40 and y + h <= 470
        track, thumb = menu.bar()
        assert thumb[1] + thumb[3] == track[1] + track[3]  # the bar shows the end of the list
        ui.click((track[0] + track[2] / 2, track[1] + 2))  # a click at the top of the bar scrolls back up
        assert menu.scroll == 0 and isinstance(game.session.beat, Choices)
        ui.click((640, 600))  # a click under the visible options (on the dialogue box) chooses nothing
        assert isinstance(game.session.beat, Choices)
        _, thumb = menu.bar()
        grab = ui.window_pos((thumb[0] + thumb[2] / 2, thumb[1] + thumb[3] / 2))
        drop = ui.window_pos((thumb[0] + thumb[2] / 2, 460))
        ui.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=grab, button=1))
        ui.post(pygame.event.Event(pygame.MOUSEMOTION, pos=drop, rel=(0, 0), buttons=(1, 0, 0)))
        assert menu.scroll == menu.max_scroll  # dragging the thumb to the bottom shows the last options
        ui.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=drop, button=1))
        ui.post(pygame.event.Event(pygame.MOUSEMOTION, pos=grab, rel=(0, 0), buttons=(0, 0, 0)))
        assert menu.scroll == menu.max_scroll  # let go: moving the mouse no longer scrolls
        ui.wheel(20)
        ui.click_rect(menu.list.buttons[0].rect)
        assert isinstance(game.session.beat, Line) and game.session.beat.text == "Picked."
    finally:
        ui.close()


def test_each_ending_is_pictured_with_its_place_and_cast_and_locked_ones_are_silhouettes(tmp_path: Path) -> None:
    from game.loader import load_story
    from game.ui.screens.endings import EndingsScreen
    from game.ui.tableau import Figure, tableau

    story = load_story(Path(__file__).parent / "fixtures" / "ui_story")
    together = tableau(story, "together")
    assert together.background == "park" and together.figures == (Figure("nick", "neutral", "left"),)
    assert "Two" in together.hint  # no hint written: the chapter it belongs to
    ui = Driver(story, data_dir())
    try:
        ui.app.persistent.add_ending("together")
        screen = EndingsScreen(ui.app)
        ui.app.push(screen)
        ui.step()
        found = screen.picture("together", True, (320, 180))
        locked = screen.picture("together", False, (320, 180))
        nick_x, feet = round(290 * 320 / 1280), 170  # Nick stands on the left
        assert sum(locked.get_at((nick_x, feet))[:3]) < sum(found.get_at((nick_x, feet))[:3]) - 150
        shadow = locked.get_at((nick_x, feet))[:3]
        assert max(shadow) - min(shadow) < 40  # a silhouette: one dark colour, not Nick's clothes
        ui.press(pygame.K_RIGHT)
        ui.press(pygame.K_RIGHT)
        assert screen.focus == 1
        ui.press(pygame.K_ESCAPE)
        assert ui.top is not screen
    finally:
        ui.close()


def test_an_endings_hint_comes_from_the_manifest(tmp_path: Path) -> None:
    from game.ui.tableau import tableau

    manifest = 'title: "T"\nstart: a\nendings:\n  done: {title: "Done", hint: "Say yes to the walk."}\n'
    story = build(tmp_path, manifest=manifest)
    assert story.endings["done"].hint == "Say yes to the walk."
    assert tableau(story, "done").hint == "Say yes to the walk."


FOCUS = """\
a:
  title: "A"
  chapter: One
  lines:
    - show: {who: charlie, as: neutral, at: left}
    - show: {who: nick, as: neutral, at: right}
    - charlie: "I speak first."
    - nick: "Then me."
    - narrate: "Nobody speaks."
    - hide: charlie
    - charlie: "From off stage."
    - julio: "Nobody has drawn me."
  ending: done
"""
FOCUS_MANIFEST = """\
title: "Test"
start: a
characters:
  charlie: {name: Charlie, color: "#7fb8e8"}
  nick: {name: Nick, color: "#f4c542"}
  julio: {name: Julio, color: "#a3b18a"}
endings:
  done: {title: "Done"}
"""


def sprite_light(
    lit: pygame.Surface, dimmed: pygame.Surface, x: int, channel: int | None = None
) -> tuple[float, float]:
    """The summed brightness of a sprite's pixels around logical `x` (above the text box) lit and dimmed, in all
    channels or in one (0 red, 2 blue): the pixels that differ between the two pictures, the stage behind being the
    same."""
    sums = [0.0, 0.0]
    for px in range(x - 80, x + 80, 4):
        for py in range(200, 480, 4):
            a, b = lit.get_at((px, py))[:3], dimmed.get_at((px, py))[:3]
            if a != b:
                sums[0] += sum(a) if channel is None else a[channel]
                sums[1] += sum(b) if channel is None else b[channel]
    assert sums[0] > 0, "the sprite is not where it was looked for"
    return sums[0], sums[1]


def test_the_speaker_is_marked_others_dim_gently_and_the_name_plate_is_on_their_side(tmp_path: Path) -> None:
    import shutil

    from game.ui.stage import DIMMED, FOCUS_TIME

    fixture = Path(__file__).parent / "fixtures" / "ui_story" / "assets" / "sprites"
    story_dir = tmp_path / "story"
    shutil.copytree(fixture, story_dir / "assets" / "sprites")
    ui = Driver(build(tmp_path, FOCUS, manifest=FOCUS_MANIFEST), data_dir(), title=False)
    try:
        new_game(ui.app, ui.clock.now)
        ui.wait(3.0)
        game = ui.top
        assert isinstance(game, GameScreen)
        stage, now = game.stage, ui.clock.now
        assert stage.sprites["charlie"].lit(now) == 1.0 and stage.sprites["nick"].lit(now) == DIMMED
        assert game._speaker_mark(ui.app.canvas) == ("left", None)
        nick_dimmed = ui.frame()
        go_on(ui, game)  # Nick speaks: Charlie dims over a quarter of a second, Nick lights up
        start = ui.clock.now - 1.0
        charlie = stage.sprites["charlie"]
        assert DIMMED < charlie.lit(start + FOCUS_TIME / 2) < 1.0
        assert charlie.lit(ui.clock.now) == DIMMED and stage.sprites["nick"].lit(ui.clock.now) == 1.0
        assert game._speaker_mark(ui.app.canvas)[0] == "right"
        go_on(ui, game)  # narration: everyone is lit
        assert all(view.lit(ui.clock.now) == 1.0 for view in stage.sprites.values())
        everyone_lit, place = ui.frame(), round(stage.place_of("nick"))
        lit, dim = sprite_light(everyone_lit, nick_dimmed, place)
        assert 0.84 < dim / lit < 0.9  # a listener is drawn at about 85% light: set back, not greyed (0.76 read grey)
        red, blue = sprite_light(everyone_lit, nick_dimmed, place, 0), sprite_light(everyone_lit, nick_dimmed, place, 2)
        assert red[1] / red[0] > blue[1] / blue[0] + 0.03  # in a warm shade: red keeps more of its light than blue
        go_on(ui, game)  # Charlie off stage: a side portrait, and the plate beside it
        side, portrait = game._speaker_mark(ui.app.canvas)
        assert side == "portrait_left" and portrait is not None  # Charlie's place is free again
        go_on(ui, game)  # Julio has no sprite: a plain plate, where nobody stands (Nick is on the right)
        assert game._speaker_mark(ui.app.canvas) == ("left", None)
        assert stage.sprites["nick"].lit(ui.clock.now) == DIMMED
    finally:
        ui.close()


def test_autumn_leaves_fall_only_outdoors_and_in_autumn(tmp_path: Path) -> None:
    from game.ui.places import leaves_can_fall, load_outdoors

    outdoors = frozenset({"garden"})
    assert leaves_can_fall("garden", outdoors) and leaves_can_fall("garden.night", outdoors)
    assert leaves_can_fall("garden.autumn.day", outdoors)
    assert not leaves_can_fall("garden.spring", outdoors) and not leaves_can_fall("garden.summer.night", outdoors)
    assert not leaves_can_fall("kitchen", outdoors) and not leaves_can_fall(None, outdoors)
    assert leaves_can_fall("kitchen", None)  # assets that do not say where outdoors is: as before, everywhere
    places = tmp_path / "backgrounds" / "places.yaml"
    places.parent.mkdir()
    places.write_text("outdoors: [garden, pitch]\n")
    assert load_outdoors(tmp_path) == {"garden", "pitch"}
    places.write_text("outdoors: {broken")
    assert load_outdoors(tmp_path) is None
    shipped = load_outdoors(Path(__file__).resolve().parents[1] / "assets")
    assert shipped is not None and "rugby_pitch" in shipped and "coach" not in shipped


LEAVES = """\
a:
  title: "A"
  chapter: One
  background: coach
  lines:
    - effect: leaves
    - narrate: "On the coach."
    - background: {id: rugby_pitch, season: spring}
    - effect: leaves
    - narrate: "Spring on the pitch."
    - background: rugby_pitch
    - effect: leaves
    - narrate: "Autumn on the pitch."
  ending: done
"""


def test_the_game_skips_leaves_indoors_and_out_of_season(tmp_path: Path) -> None:
    ui, game = play(tmp_path, LEAVES)  # a story without art of its own uses the shipped backgrounds
    try:
        assert not game.effects.animating(ui.clock.now)
        go_on(ui, game)
        assert not game.effects.animating(ui.clock.now)
        if not game.line_complete(ui.clock.now):
            ui.press(pygame.K_SPACE)
        ui.press(pygame.K_SPACE)
        assert game.effects.animating(ui.clock.now)  # autumn leaves on the pitch
    finally:
        ui.close()


def test_the_terminal_player_tells_of_leaves_only_where_the_window_lets_them_fall(tmp_path: Path) -> None:
    """Indoors (the coach) and outdoors in spring no leaves drift past in the text either; in autumn they do."""
    import io

    from game.playthrough import Playthrough
    from game.textplayer import TextPlayer
    from game.ui.session import StorySession

    scenes = """\
    a:
      title: "On the coach"
      chapter: One
      background: coach
      lines:
        - effect: leaves
        - narrate: "Inside."
      next: b
    b:
      title: "The pitch in spring"
      chapter: One
      background: {id: rugby_pitch, season: spring}
      lines:
        - effect: leaves
        - narrate: "Spring."
      next: c
    c:
      title: "The pitch in autumn"
      chapter: One
      background: rugby_pitch
      lines:
        - effect: leaves
        - narrate: "Autumn."
      ending: done
    """
    story = build(tmp_path, scenes)
    out = io.StringIO()
    player = TextPlayer(story, out=out, read_line=lambda: "", colour=False, pause=False, width=80)
    player.play(StorySession(story, Playthrough(story)))
    text = out.getvalue()
    assert text.count("leaves drift past") == 1
    assert text.index("Spring.") < text.index("leaves drift past") < text.index("Autumn.")


def test_every_locked_endings_card_holds_its_hint(tmp_path: Path) -> None:
    """Before: a two-row hint ran over the bottom of its card in the shipped story's gallery. Just below each card
    there is nothing but the page: no letter of its caption reaches there."""
    from game.loader import load_story
    from game.ui.screens.endings import EndingsScreen

    ui = Driver(load_story(Path(__file__).resolve().parents[1] / "story"), tmp_path)
    try:
        screen = EndingsScreen(ui.app)
        ui.app.push(screen)
        ui.step()
        frame = ui.frame()
        for index in range(len(screen.endings)):
            rect = screen.card_rect(index)
            assert rect is not None
            x, y, w, h = (round(v) for v in rect)
            below = {tuple(frame.get_at((px, py)))[:3] for px in range(x, x + w) for py in range(y + h + 9, y + h + 13)}
            assert len(below) == 1, f"{screen.endings[index].id}: its caption runs out of the card"
    finally:
        ui.close()


def test_every_shipped_ending_is_pictured_with_charlie_and_nick() -> None:
    """Before: "In Our Own Time" was pictured as Tori alone in the kitchen and "Under the Lights" as Otis and Nick:
    the gallery shows whoever stood on stage last. Every ending of this story is Charlie's and Nick's."""
    from game.loader import load_story
    from game.ui.tableau import tableau

    story = load_story(Path(__file__).resolve().parents[1] / "story")
    for ending in story.endings:
        picture = tableau(story, ending)
        assert picture.background, ending
        assert {"charlie", "nick"} <= {figure.who for figure in picture.figures}, (ending, picture.figures)


def test_pressing_an_endings_card_picks_it_and_keeps_the_gallery(tmp_path: Path) -> None:
    """Before: a click on any card, found or locked, closed the gallery, as if it were the Return button."""
    import pygame

    from game.loader import load_story
    from game.ui.screens.endings import EndingsScreen

    ui = Driver(load_story(Path(__file__).resolve().parents[1] / "story"), tmp_path)
    try:
        screen = EndingsScreen(ui.app)
        ui.app.push(screen)
        ui.step()
        ui.frame()
        rect = screen.card_rect(1)
        assert rect is not None
        ui.click_rect(rect)
        assert ui.top is screen and screen.focus == 1
        ui.press(pygame.K_RETURN)
        assert ui.top is screen and screen.focus == 1
        ui.press(pygame.K_ESCAPE)
        assert ui.top is not screen
    finally:
        ui.close()


def test_the_picked_endings_card_and_save_slot_are_seen_in_either_look(tmp_path: Path) -> None:
    """Before: a picked endings card looked like the others in both looks, and in high contrast so did the picked
    save slot (light panels are all white there): a keyboard player could not see what Enter or Delete would take."""
    import pygame

    from game.loader import load_story
    from game.ui.screens.endings import EndingsScreen
    from game.ui.screens.saveload import SaveLoadScreen

    ui = Driver(load_story(Path(__file__).resolve().parents[1] / "story"), tmp_path)
    try:
        for contrast in (False, True):
            ui.app.settings.high_contrast = contrast
            ui.app.apply_settings(save=False)
            screen = EndingsScreen(ui.app)
            ui.app.push(screen)
            for picked in (0, 1):
                screen.list.focus = picked
                ui.step()
                frame = ui.frame()
                rings = []
                for index in (0, 1):
                    x, y, _w, h = (round(v) for v in screen.card_rect(index))
                    rings.append(tuple(frame.get_at((x - 9, y + h // 2)))[:3])
                assert rings[picked] != rings[1 - picked], (contrast, picked)
            ui.press(pygame.K_ESCAPE)
        slots = SaveLoadScreen(ui.app, "load")
        ui.app.push(slots)
        looks = []
        for picked in (0, 1):
            slots.list.focus = picked
            ui.step()
            frame = ui.frame()
            x, y, _w, h = (round(v) for v in slots.list.buttons[0].rect)
            looks.append(tuple(frame.get_at((x - 3, y + h // 2)))[:3])
        assert looks[0] != looks[1]  # high contrast is still on: slot 0's edge differs picked and not
        tabs = []
        for index in range(2):  # the page shown is inverted, the other not
            x, y, _w, h = (round(v) for v in slots._tab_rect(index))
            tabs.append(tuple(frame.get_at((x + 6, y + h // 2)))[:3])
        assert tabs[slots.pages.index(slots.page)] == (0, 0, 0) and (255, 255, 255) in tabs
    finally:
        ui.close()
