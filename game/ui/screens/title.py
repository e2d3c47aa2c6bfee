"""The title screen: the story's title over the title art, and the main menu.

What it says and shows is the story's own (`game.branding`): heading, subtitle, footer, background and music from
the manifest's `title_screen`, else the story's title over its `title` art, else over a plain colour, in silence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.assets import AssetCatalog, AssetKind
from game.branding import DEFAULT_TITLE_ART, branding_of
from game.staging import colour_rgb
from game.ui.app import App
from game.ui.canvas import Canvas
from game.ui.screens import router
from game.ui.screens.page import ListScreen
from game.ui.spoken import Spoken
from game.ui.theme import CHARLIE_BLUE, INK, INK_SOFT, NICK_YELLOW, PAPER, SMALL_PX, TITLE_PX, UI_PX, mix
from game.ui.widgets import Button, ButtonList


def title_background(story: object) -> str | None:
    """The title screen's background: the manifest's (an id or a colour), else the `title` background when the
    assets have one, else None (a plain colour)."""
    return _title_art(story, "background", branding_of(story).background)


def title_music(story: object) -> str:
    """The title screen's music: the manifest's (`none` for silence), else the `title` music when the assets have
    it, else `none` (silence, with no warning about a file the story never asked for)."""
    return _title_art(story, "music", branding_of(story).music) or "none"


def _title_art(story: object, kind: AssetKind, given: str | None) -> str | None:
    if given is not None:
        return given
    assets = getattr(story, "assets_dir", None)
    if assets is not None and AssetCatalog(Path(assets)).path(kind, DEFAULT_TITLE_ART) is not None:
        return DEFAULT_TITLE_ART
    return None


ITEMS = ("New game", "Continue", "Load", "Chapters", "Endings", "Settings", "Quit")
CARD_X, CARD_PAD = 60, 32  # the title card's left edge, and the room inside it before its words
CARD_WIDTH, CARD_WIDEST = 640, 1160  # its width, and the most it widens to for long words
SUBTITLE_PX = UI_PX + 6
LEAST_HEADING_PX, LEAST_SUBTITLE_PX = 26, 18  # words shrink to these at the most, then lose their end to "…"


@dataclass(frozen=True)
class TitleCard:
    """The title card's width and its words as drawn: the heading and subtitle, each at the size that fits."""

    width: float
    heading: str
    heading_px: float
    subtitle: str
    subtitle_px: float


def fit_title_card(measure: Callable[..., float], heading: str, subtitle: str) -> TitleCard:
    """The card widens with its words (up to CARD_WIDEST), then they shrink, and past the least size they are cut
    with "…": a story's own heading and subtitle (up to 80 characters each) never run off the card."""
    room = CARD_WIDEST - 2 * CARD_PAD

    def fitted(text: str, px: float, least: float, **style: bool) -> tuple[str, float, float]:
        while px > least and measure(text, px, **style) > room:
            px -= 1
        while len(text) > 1 and measure(text, px, **style) > room:
            text = text[:-2].rstrip() + "…"
        return text, px, measure(text, px, **style)

    heading, heading_px, heading_width = fitted(heading, TITLE_PX, LEAST_HEADING_PX, bold=True)
    subtitle_width = 0.0
    subtitle_px: float = SUBTITLE_PX
    if subtitle:
        subtitle, subtitle_px, subtitle_width = fitted(subtitle, SUBTITLE_PX, LEAST_SUBTITLE_PX, italic=True)
    width = min(CARD_WIDEST, max(CARD_WIDTH, max(heading_width, subtitle_width + 4) + 2 * CARD_PAD))
    return TitleCard(width, heading, heading_px, subtitle, subtitle_px)


class TitleScreen(ListScreen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.list = ButtonList(focus=0)
        self._background_for: object = None
        self._background: str | None = None
        self._card: tuple[tuple, TitleCard] | None = None  # the card, for the words and scale it was fitted to
        self._build()

    def _build(self) -> None:
        has_save = self.app.saves.latest() is not None
        buttons = []
        for i, label in enumerate(ITEMS):
            enabled = has_save if label in ("Continue",) else True
            buttons.append(
                Button(
                    (92, 262 + i * 58, 260, 48),
                    label,
                    enabled,
                    accent=NICK_YELLOW if i % 2 else CHARLIE_BLUE,
                    key=label,
                )
            )
        focus = self.list.focus
        self.list = ButtonList(buttons, focus=focus)

    def enter(self, now: float) -> None:
        self.app.audio.play_music(title_music(self.app.story))

    def resume(self, now: float) -> None:
        self._build()

    def choose(self, label: str, now: float) -> None:
        from game.ui.screens import flow  # the way into a game, and with it the engine, only when it is asked for

        self.app.audio.play_ui("select")
        if label == "New game":
            flow.begin_with_note(self.app, now)
        elif label == "Continue":
            slot = self.app.saves.latest()
            if slot is not None:
                flow.load_slot(self.app, slot, now)
        elif label == "Load":
            router.push(self.app, "saveload", now, "load")
        elif label == "Chapters":
            router.push(self.app, "chapters", now)
        elif label == "Endings":
            router.push(self.app, "endings", now)
        elif label == "Settings":
            router.push(self.app, "settings", now)
        elif label == "Quit":
            self.app.quit(0)

    def pressed(self, button: int, now: float) -> None:
        self.choose(self.list.buttons[button].label, now)

    def close(self, now: float) -> bool:
        return False  # the title is the bottom of the stack: Escape leaves it where it is

    def speech(self, now: float) -> Spoken | None:
        brand = branding_of(self.app.story)
        words = ": ".join(part for part in (brand.heading, brand.subtitle) if part)
        return Spoken("title", f"{words}. Main menu", self.list.focus_words())

    def draw(self, canvas: Canvas, now: float) -> None:
        brand = branding_of(self.app.story)
        if self._background_for is not self.app.story:  # the header, then the loaded story: look once for each
            self._background_for, self._background = self.app.story, title_background(self.app.story)
        background = self._background
        if background is None or background.startswith("#"):
            canvas.surface.fill(colour_rgb(background) if background else mix(PAPER, CHARLIE_BLUE, 0.35))
        else:
            canvas.surface.blit(self.app.images.background(background, canvas.surface.get_size()), (0, 0))
        fitted_to = (brand.heading, brand.subtitle, canvas.scale)
        if self._card is None or self._card[0] != fitted_to:
            self._card = fitted_to, fit_title_card(canvas.measure, brand.heading, brand.subtitle)
        card = self._card[1]
        canvas.panel((CARD_X, 56, card.width, 176), (*PAPER, 228), radius=26, border=2.5, border_color=INK, shadow=True)
        # a smaller heading sits where the middle of a full-size one would (a line is about 1.2 of its size tall)
        heading_top = 84 + (TITLE_PX - card.heading_px) * 0.6
        canvas.text(card.heading, (CARD_X + CARD_PAD, heading_top), card.heading_px, INK, bold=True)
        if card.subtitle:
            canvas.text(card.subtitle, (96, 160), card.subtitle_px, mix(INK, CHARLIE_BLUE, 0.3), italic=True)
        canvas.line((96, 206), (200, 206), CHARLIE_BLUE, 4)
        canvas.line((206, 206), (310, 206), NICK_YELLOW, 4)
        canvas.panel((72, 248, 300, 58 * len(ITEMS) + 18), (*PAPER, 150), radius=22)
        self.list.draw(canvas)
        footer = brand.footer
        if not footer:
            return
        width = canvas.measure(footer, SMALL_PX - 2) + 28
        canvas.panel((1262 - width, 672, width, 32), (*PAPER, 236), radius=16, border=1, border_color=INK_SOFT)
        canvas.text(footer, (1248, 688), SMALL_PX - 2, INK, anchor="midright")
