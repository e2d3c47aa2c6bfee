"""Every story owns its game: the title screen's words, picture and music and the window's title come from its
manifest, and a story that says nothing wears plain defaults made from its own title, never ours."""

from __future__ import annotations

from storybuild import MANIFEST, build, problems_of, write_story

from game.branding import branding_of, default_branding
from game.loader import load_story
from game.paths import default_story_dir
from game.ui.storyheader import read_header

OURS = (
    'title_screen:\n  heading: "Rain"\n  subtitle: ""\n  footer: "A fan story"\n  background: "#1D2A3A"\n  music: ~\n'
)


def test_a_story_without_branding_gets_its_own_title_and_nothing_of_ours(tmp_path):
    story = build(tmp_path, manifest=MANIFEST.replace('title: "Test"', 'title: "Rain on the Pier: A Night"'))
    brand = branding_of(story)
    assert (brand.heading, brand.subtitle, brand.footer) == ("Rain on the Pier", "A Night", "")
    assert brand.window_title == "Rain on the Pier: A Night"
    assert brand.background is None and brand.music is None
    assert "fan" not in repr(brand).lower() and "heartstopper" not in repr(brand).lower()


def test_the_manifest_names_every_part_and_the_header_reads_the_same(tmp_path):
    manifest = MANIFEST + 'window_title: "Rain (demo)"\n' + OURS
    story = build(tmp_path, manifest=manifest)
    brand = branding_of(story)
    assert (brand.heading, brand.subtitle, brand.footer, brand.window_title) == (
        "Rain",
        "",
        "A fan story",
        "Rain (demo)",
    )
    assert (brand.background, brand.music) == ("#1d2a3a", "none")
    header = branding_of(read_header(tmp_path / "story"))
    assert (header.heading, header.subtitle, header.footer, header.background, header.music) == (
        "Rain",
        "",
        "A fan story",
        "#1d2a3a",
        "none",
    )


def test_wrong_values_are_reported_where_they_are_written(tmp_path):
    manifest = MANIFEST + "title_screen:\n  heading: 3\n  colour: red\n  background: Sea View\n"
    messages = [(p.line, p.message) for p in problems_of(tmp_path, manifest=manifest)]
    assert any("'heading' of title_screen must be text" in m for _, m in messages)
    assert any("unknown key 'colour' in title_screen" in m for _, m in messages)
    assert any("'Sea View' is not a valid background id" in m for _, m in messages)


def test_our_story_keeps_its_words_in_its_own_manifest():
    brand = branding_of(load_story(default_story_dir()))
    assert brand.footer == "An unofficial, non-commercial fan story"
    assert (brand.heading, brand.subtitle, brand.background, brand.music) == (
        "Heartstopper",
        "Season Two",
        "title",
        "title",
    )


def test_the_compiled_story_cache_keeps_the_branding(tmp_path, monkeypatch):
    monkeypatch.setenv("HEARTSTOPPER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEARTSTOPPER_NO_CACHE", raising=False)
    folder = write_story(tmp_path, manifest=MANIFEST + OURS)
    first = load_story(folder)
    again = load_story(folder)
    assert again.branding == first.branding and again.branding.background_at is not None


def test_the_title_screen_uses_the_title_art_only_where_the_story_has_it(tmp_path):
    from game.ui.screens.title import title_background, title_music

    plain = build(tmp_path / "a", raw={"assets/.keep": b""})
    assert title_background(plain) is None and title_music(plain) == "none"
    art = build(tmp_path / "b", raw={"assets/backgrounds/title.svg": b"<svg/>", "assets/music/title.ogg": b"x"})
    assert title_background(art) == "title" and title_music(art) == "title"
    chosen = build(tmp_path / "c", manifest=MANIFEST + OURS, raw={"assets/backgrounds/title.svg": b"<svg/>"})
    assert title_background(chosen) == "#1d2a3a" and title_music(chosen) == "none"


def test_lint_warns_a_story_with_its_own_assets_and_no_title_background(tmp_path):
    from game.authoring.lint import lint_folder

    bare = write_story(tmp_path / "a", raw={"assets/.keep": b""})
    assert [p.code for p in lint_folder(bare, opus=True).problems].count("HS033") == 1
    coloured = write_story(tmp_path / "b", manifest=MANIFEST + OURS, raw={"assets/.keep": b""})
    assert "HS033" not in [p.code for p in lint_folder(coloured, opus=True).problems]
    named = write_story(tmp_path / "c", manifest=MANIFEST + "title_screen: {background: harbour}\n")
    (named / "assets").mkdir()
    codes = [(p.code, p.line) for p in lint_folder(named, opus=True).problems]
    assert ("HS007", MANIFEST.count("\n") + 1) in codes  # the title screen's background is a use like any other


def test_default_branding_of_a_title_without_colon_is_all_heading():
    assert default_branding("Lamplight") == default_branding("Lamplight")
    assert (default_branding("Lamplight").heading, default_branding("Lamplight").subtitle) == ("Lamplight", "")


def test_a_long_heading_and_subtitle_fit_on_the_title_card():
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.ui.canvas import Canvas
    from game.ui.fonts import Fonts
    from game.ui.screens.title import CARD_PAD, CARD_WIDEST, CARD_WIDTH, LEAST_HEADING_PX, fit_title_card
    from game.ui.theme import TITLE_PX

    pygame.init()
    canvas = Canvas(pygame.Surface((1280, 720)), 1.0, Fonts())
    short = fit_title_card(canvas.measure, "Heartstopper", "Season Two")
    assert (short.width, short.heading_px, short.heading) == (CARD_WIDTH, TITLE_PX, "Heartstopper")  # as ever
    widened = fit_title_card(canvas.measure, "Lanterns Over the Night Market", "")
    assert CARD_WIDTH < widened.width <= CARD_WIDEST and widened.heading_px == TITLE_PX
    for heading, subtitle in [("W" * 80, "W" * 80), ("The long way round, told slowly " * 2, "a" * 80)]:
        card = fit_title_card(canvas.measure, heading[:80], subtitle)
        assert card.width <= CARD_WIDEST and card.heading_px >= LEAST_HEADING_PX
        assert canvas.measure(card.heading, card.heading_px, bold=True) <= card.width - 2 * CARD_PAD
        assert canvas.measure(card.subtitle, card.subtitle_px, italic=True) <= card.width - 2 * CARD_PAD
        assert card.heading.rstrip("…") and heading.startswith(card.heading.rstrip("…"))
