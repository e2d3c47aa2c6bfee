"""One table of formats for the game, the linter, the schemas and the guide; files told by their bytes; lint reports
what will not play at the line that uses it; the mixer is asked (never assumed) whether it plays Opus."""

from __future__ import annotations

import io
import json
import struct
import wave
from pathlib import Path

import pygame
import pytest
from storybuild import write_story

from game import asset_formats
from game.asset_formats import (
    FORMATS,
    SUFFIXES,
    Sniffed,
    docs_table,
    files_phrase,
    sniff,
    sniff_bytes,
    tiny_opus_stream,
    will_play,
)
from game.assets import AssetCatalog
from game.authoring.lint import lint_folder
from game.paths import default_assets_dir

ROOT = Path(__file__).resolve().parents[1]
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + bytes(400)
BARE_MP3 = b"\xff\xfb\x90\x64" + bytes(400)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(20)


def wav_bytes() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as stream:
        stream.setnchannels(1)
        stream.setsampwidth(2)
        stream.setframerate(22050)
        stream.writeframes(bytes(2000))
    return out.getvalue()


def vorbis_bytes() -> bytes:
    return next((default_assets_dir() / "music").glob("*.ogg")).read_bytes()[:4096]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (wav_bytes(), "wav"),
        (MP3, "mp3"),
        (BARE_MP3, "mp3"),
        (PNG, "png"),
        (b"\xff\xd8\xff\xe0" + bytes(40), "jpeg"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
        (tiny_opus_stream(), "ogg-opus"),
    ],
    ids=["wav", "id3-mp3", "bare-mp3", "png", "jpeg", "svg", "opus"],
)
def test_sniff_tells_each_format_by_its_bytes(data, expected):
    assert sniff_bytes(data) == Sniffed(expected)


def test_the_shipped_music_is_ogg_vorbis_by_its_bytes():
    assert sniff_bytes(vorbis_bytes()) == Sniffed("ogg-vorbis")


@pytest.mark.parametrize(
    "data",
    [b"", b"RIFF\x00\x00\x00\x00AVI LIST", b"RIFF\x24\x00\x00\x00WAVEdata", b"OggS\x00", b"hello", b"fLaC\x00"],
    ids=["empty", "riff-avi", "wave-without-fmt", "ogg-cut-short", "text", "flac"],
)
def test_what_will_not_play_is_said_with_why(data):
    reason = will_play("music", sniff_bytes(data), opus=True)
    assert reason and reason.startswith(("is ", "has "))


def test_a_format_is_playable_only_for_its_kinds_and_opus_only_where_the_mixer_has_it():
    assert will_play("music", Sniffed("mp3"), opus=False) == ""
    assert "cannot use as a sound" in will_play("sound", Sniffed("mp3"), opus=True)
    assert "cannot use as a music" in will_play("music", Sniffed("png"), opus=True)
    assert will_play("sound", Sniffed("ogg-opus"), opus=True) == ""
    assert "convert it to Ogg Vorbis" in will_play("sound", Sniffed("ogg-opus"), opus=False)


def test_the_tiny_opus_stream_is_well_formed_ogg_with_right_checksums():
    data = tiny_opus_stream(frames=7)
    pages, at = [], 0
    while at < len(data):
        assert data[at : at + 4] == b"OggS"
        count = data[at + 26]
        size = 27 + count + sum(data[at + 27 : at + 27 + count])
        page = data[at : at + size]
        crc = struct.unpack("<I", page[22:26])[0]
        assert crc == asset_formats._ogg_crc(page[:22] + b"\0\0\0\0" + page[26:])
        pages.append(page)
        at += size
    assert len(pages) == 3 and pages[0][5] == 2 and pages[-1][5] == 4  # first and last page flags
    assert struct.unpack("<q", pages[-1][6:14])[0] == 7 * 960


def test_the_suffixes_of_every_kind_come_from_the_table():
    for kind, suffixes in SUFFIXES.items():
        assert set(suffixes) == {s for f in FORMATS if kind in f.kinds for s in f.suffixes}


def test_the_guide_holds_the_table_word_for_word():
    guide = (ROOT / "docs" / "AUTHORING.md").read_text(encoding="utf-8")
    assert docs_table() in guide


def test_the_schemas_say_where_each_kind_of_file_is_from_the_table():
    texts = {name: (ROOT / "game" / "schemas" / f"{name}.schema.json").read_text() for name in ("scene", "manifest")}
    for kind in ("background", "music", "sound", "sprite"):
        assert json.dumps(files_phrase(kind))[1:-1] in texts["scene"], kind
    assert json.dumps(files_phrase("icon"))[1:-1] in texts["manifest"]


def test_the_catalog_and_the_game_find_every_suffix_of_the_table(tmp_path):
    from game.ui import audio

    (tmp_path / "music").mkdir()
    (tmp_path / "music" / "song.mp3").write_bytes(MP3)
    (tmp_path / "sounds").mkdir()
    (tmp_path / "sounds" / "knock.opus").write_bytes(tiny_opus_stream())
    catalog = AssetCatalog(tmp_path)
    assert catalog.path("music", "song").name == "song.mp3"
    assert catalog.path("sound", "knock").name == "knock.opus"
    assert audio._first_file(tmp_path / "music", "song", "music", tmp_path).name == "song.mp3"
    assert audio._first_file(tmp_path / "sounds", "knock", "sound", tmp_path).name == "knock.opus"


def test_the_game_plays_mp3_music_it_used_to_call_missing(tmp_path, monkeypatch):
    from game.ui.audio import Audio

    (tmp_path / "music").mkdir()
    (tmp_path / "music" / "song.mp3").write_bytes(MP3)
    loaded: list[str] = []
    player = Audio(tmp_path, open_now=False)
    player.enabled = True
    monkeypatch.setattr(pygame.mixer.music, "load", lambda path: loaded.append(Path(path).name))
    monkeypatch.setattr(pygame.mixer.music, "set_volume", lambda volume: None)
    monkeypatch.setattr(pygame.mixer.music, "play", lambda **kwargs: None)
    player.play_music("song")
    assert loaded == ["song.mp3"]


LINES = """\
a:
  title: "A"
  chapter: One
  background: room
  music: song
  lines:
    - narrate: "Hello."
    - sound: knock
    - music: tune
    - sound: knock
  ending: done
"""


def story_with(tmp_path, files: dict[str, bytes]) -> Path:
    raw = {f"assets/{name}": data for name, data in files.items()}
    return write_story(tmp_path, LINES, raw=raw)


def hs030(story: Path, *, opus: bool) -> list[tuple[int, int, str]]:
    report = lint_folder(story, opus=opus)
    return [(p.line, p.column, p.message) for p in report.problems if p.code == "HS032"]


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'


def test_lint_reports_an_opus_file_named_ogg_only_where_the_mixer_has_no_opus(tmp_path):
    story = story_with(
        tmp_path,
        {
            "backgrounds/room.svg": SVG,
            "music/song.ogg": tiny_opus_stream(),
            "music/tune.mp3": MP3,
            "sounds/knock.wav": wav_bytes(),
        },
    )
    (found,) = hs030(story, opus=False)
    assert found[:2] == (5, 10)  # at the use: music: song
    assert "story/assets/music/song.ogg is Ogg Opus" in found[2]
    assert hs030(story, opus=True) == []


def test_lint_reports_the_first_use_of_a_file_that_will_not_play_and_counts_the_others(tmp_path):
    story = story_with(
        tmp_path,
        {
            "backgrounds/room.png": b"\x89PNG\r\n\x1a\n" + bytes(20),  # corrupt: no IHDR
            "music/song.ogg": vorbis_bytes(),
            "music/tune.wav": PNG,
            "sounds/knock.ogg": MP3,
        },
    )
    found = hs030(story, opus=True)
    assert [(line, column) for line, column, _ in found] == [(4, 15), (8, 14), (9, 14)]
    background, knock, tune = (message for _, _, message in found)
    assert "corrupt PNG header" in background
    assert "is MP3, which the game cannot use as a sound" in knock and "(and 1 other use)" in knock
    assert "is PNG" in tune


def test_the_mixer_probe_asks_the_mixer_and_believes_its_answer(monkeypatch):
    from game.ui import mixer_probe

    def refuse(path):
        raise pygame.error("no")

    for load, expected in ((refuse, False), (lambda path: None, True)):
        monkeypatch.setattr(mixer_probe, "_answer", None)
        monkeypatch.setattr(pygame.mixer, "Sound", lambda path: None)
        monkeypatch.setattr(pygame.mixer.music, "load", load)
        monkeypatch.setattr(pygame.mixer.music, "unload", lambda: None)
        assert mixer_probe.opus_playable() is expected


def test_whatever_the_mixer_answers_the_game_agrees_with_it(tmp_path):
    """Consistency, not a version's behaviour: where the probe says Opus plays, the game's mixer loads an Opus
    file; where it says not, loading one fails."""
    from game.ui import mixer_probe

    mixer_probe._answer = None
    playable = mixer_probe.opus_playable()
    path = tmp_path / "x.opus"
    path.write_bytes(tiny_opus_stream())
    pygame.mixer.init()
    try:
        try:
            pygame.mixer.music.load(str(path))
            loaded = True
        except pygame.error:
            loaded = False
    finally:
        pygame.mixer.quit()
    assert loaded is playable


def test_sniff_reads_files_and_says_when_it_cannot(tmp_path):
    assert sniff(tmp_path / "none.ogg").format is None
    (tmp_path / "a.wav").write_bytes(wav_bytes())
    assert sniff(tmp_path / "a.wav") == Sniffed("wav")


def test_lint_reads_the_manifests_icon_too(tmp_path):
    from storybuild import MANIFEST

    story = write_story(
        tmp_path,
        'a:\n  title: "A"\n  chapter: One\n  lines:\n    - narrate: "x"\n  ending: done\n',
        manifest=MANIFEST + "icon: mark\n",
        raw={"assets/icons/mark.png": MP3, "assets/backgrounds/title.svg": SVG},
    )
    (found,) = hs030(story, opus=True)
    assert (
        found[0] == MANIFEST.count("\n") + 1 and "the icon 'mark' cannot be shown" in found[2] and "is MP3" in found[2]
    )
