"""The one table of file formats the game can show and play, and a reader that tells a file's format by its bytes.

The game's loaders (game/ui/assets.py, game/ui/audio.py), the asset catalog the linter uses (game/assets.py), the
JSON schemas and the author guide all take their suffixes from `FORMATS`, so the linter can never pass a file the
game will not play. `sniff` reads the first bytes of a file the way a decoder would (RIFF/WAVE, an Ogg stream's
codec, MP3 frame sync or an ID3 tag, PNG, JPEG, SVG) without pygame, so `heartstopper lint` can say that a file
named `.ogg` is really Opus, or a PNG saved as `.mp3`, or cut short, before a player hears silence.

Opus is the one format whose support depends on how the mixer was built: `Format.needs_probe` marks it, and the
front end asks its mixer at run time (`game.ui.mixer_probe`) with a tiny Opus stream made by `tiny_opus_stream`.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

AssetKind = Literal["background", "music", "sound", "sprite", "icon"]
ASSET_KINDS: tuple[AssetKind, ...] = ("background", "music", "sound", "sprite", "icon")


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # what `sniff` reports: "ogg-vorbis", "png", ...
    label: str  # as the guide and messages say it
    suffixes: tuple[str, ...]  # the file names it may have, in the order the game looks for them
    kinds: frozenset[AssetKind]  # what the game can use a file of this format for
    needs_probe: bool = False  # playable only where the mixer was built with it (asked at run time)


_PICTURE: frozenset[AssetKind] = frozenset({"background", "sprite", "icon"})
FORMATS: tuple[Format, ...] = (
    Format("svg", "SVG", (".svg",), _PICTURE),
    Format("png", "PNG", (".png",), _PICTURE),
    Format("jpeg", "JPEG", (".jpg", ".jpeg"), frozenset({"background"})),
    Format("ogg-vorbis", "Ogg Vorbis", (".ogg",), frozenset({"music", "sound"})),
    Format("wav", "WAV", (".wav",), frozenset({"music", "sound"})),
    Format("mp3", "MP3", (".mp3",), frozenset({"music"})),
    Format("ogg-opus", "Ogg Opus", (".opus", ".ogg"), frozenset({"music", "sound"}), needs_probe=True),
)
BY_NAME: dict[str, Format] = {fmt.name: fmt for fmt in FORMATS}


def _suffixes(kind: AssetKind) -> tuple[str, ...]:
    seen: list[str] = []
    for fmt in FORMATS:
        if kind in fmt.kinds:
            seen.extend(s for s in fmt.suffixes if s not in seen)
    return tuple(seen)


SUFFIXES: dict[AssetKind, tuple[str, ...]] = {kind: _suffixes(kind) for kind in ASSET_KINDS}
FOLDERS: dict[AssetKind, str] = {
    "background": "backgrounds",
    "music": "music",
    "sound": "sounds",
    "sprite": "sprites",
    "icon": "icons",
}


def formats_for(kind: AssetKind) -> tuple[Format, ...]:
    return tuple(fmt for fmt in FORMATS if kind in fmt.kinds)


def suffix_words(suffixes: Iterable[str]) -> str:
    """`.svg, .png or .jpg`."""
    items = list(suffixes)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def files_phrase(kind: AssetKind) -> str:
    """Where the files of a kind are, as messages, the schemas and the guide say it: `assets/music/ID.ogg, .opus,
    .mp3 or .wav` (sprites: `assets/sprites/WHO/EXPRESSION.svg or .png`)."""
    name = "WHO/EXPRESSION" if kind == "sprite" else "ID"
    return f"assets/{FOLDERS[kind]}/{name}{suffix_words(SUFFIXES[kind])}"


def docs_table() -> str:
    """The guide's table of formats (docs/AUTHORING.md holds it word for word; a test keeps the two in step)."""
    rows = ["| kind | formats the game plays | file names |", "|---|---|---|"]
    for kind in ASSET_KINDS:
        labels = []
        for fmt in formats_for(kind):
            labels.append(f"{fmt.label} (where the mixer has it)" if fmt.needs_probe else fmt.label)
        names = ", ".join(f"`{s}`" for s in SUFFIXES[kind])
        rows.append(f"| {kind} | {', '.join(labels)} | {names} |")
    return "\n".join(rows)


# Reading a file's format -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Sniffed:
    format: str | None  # a name in FORMATS, or None when the bytes are none of them
    problem: str = ""  # why the file cannot be read as `format` (cut short, a corrupt header), or what it is instead


_HEAD = 4096
_MP3_BITRATES = {1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)}  # MPEG-1 layer III


def sniff(path: Path) -> Sniffed:
    """The format of the file at `path`, told from its first bytes (never from its name)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
    except OSError as err:
        return Sniffed(None, f"cannot be read ({err.strerror or err})")
    return sniff_bytes(head)


def sniff_bytes(head: bytes) -> Sniffed:
    if not head:
        return Sniffed(None, "is empty")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("png") if head[12:16] == b"IHDR" else Sniffed("png", "has a corrupt PNG header")
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("jpeg")
    if head.startswith(b"RIFF"):
        if head[8:12] != b"WAVE":
            return Sniffed(None, "is a RIFF file but not WAVE audio")
        if b"fmt " not in head[12:]:
            return Sniffed("wav", "has a corrupt WAVE header (no 'fmt ' chunk)")
        return Sniffed("wav")
    if head.startswith(b"OggS"):
        return _sniff_ogg(head)
    if head.startswith(b"ID3"):
        return _sniff_id3(head)
    if _mp3_frame_at(head, 0):
        return Sniffed("mp3")
    if head.startswith((b"fLaC", b"\x7fFLAC")):
        return Sniffed(None, "is FLAC audio")
    if _looks_like_svg(head):
        return Sniffed("svg")
    return Sniffed(None, "is in no format the game knows")


def _sniff_ogg(head: bytes) -> Sniffed:
    if len(head) < 27 or head[4] != 0:
        return Sniffed(None, "has a corrupt Ogg header")
    segments = head[26]
    body = 27 + segments
    if len(head) < body:
        return Sniffed(None, "has a corrupt Ogg header (cut short)")
    packet = head[body : body + sum(head[27:body])]
    if packet.startswith(b"\x01vorbis"):
        return Sniffed("ogg-vorbis")
    if packet.startswith(b"OpusHead"):
        return Sniffed("ogg-opus")
    if packet.startswith(b"\x7fFLAC"):
        return Sniffed(None, "is Ogg FLAC audio")
    if packet.startswith(b"Speex"):
        return Sniffed(None, "is Ogg Speex audio")
    return Sniffed(None, "is an Ogg stream of no codec the game knows (neither Vorbis nor Opus)")


def _sniff_id3(head: bytes) -> Sniffed:
    if len(head) < 10:
        return Sniffed("mp3", "has a corrupt ID3 tag (cut short)")
    size_bytes = head[6:10]
    if any(b & 0x80 for b in size_bytes):
        return Sniffed("mp3", "has a corrupt ID3 tag")
    size = 10 + ((size_bytes[0] << 21) | (size_bytes[1] << 14) | (size_bytes[2] << 7) | size_bytes[3])
    if head[5] & 0x10:
        size += 10  # a footer
    if size + 4 <= len(head) and not _mp3_frame_at(head, size):
        return Sniffed("mp3", "has an ID3 tag but no MP3 frame after it")
    return Sniffed("mp3")


def _mp3_frame_at(head: bytes, at: int) -> bool:
    if len(head) < at + 4:
        return False
    b1, b2 = head[at + 1], head[at + 2]
    if head[at] != 0xFF or b1 & 0xE0 != 0xE0:
        return False
    version, layer = (b1 >> 3) & 3, (b1 >> 1) & 3
    bitrate, rate = b2 >> 4, (b2 >> 2) & 3
    return version != 1 and layer != 0 and bitrate not in (0, 15) and rate != 3


def _looks_like_svg(head: bytes) -> bool:
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = head[: head.rfind(b">") + 1].decode("utf-8", errors="replace") if b"<svg" in head else ""
    return "<svg" in text and text.lstrip().startswith("<")


def will_play(kind: AssetKind, found: Sniffed, *, opus: bool) -> str:
    """Why a file of `kind` with these bytes will not play (or show), or "" when it will; `opus` says whether the
    mixer can play Opus."""
    fmt = BY_NAME.get(found.format or "")
    if fmt is None:
        return found.problem or "is in no format the game knows"
    if found.problem:
        return found.problem
    if kind not in fmt.kinds:
        wanted = ", ".join(f.label for f in formats_for(kind))
        return f"is {fmt.label}, which the game cannot use as a {kind} ({wanted})"
    if fmt.needs_probe and not opus:
        return f"is {fmt.label}, which this game's audio mixer cannot play; convert it to Ogg Vorbis"
    return ""


# A tiny Opus stream, to ask a mixer whether it plays Opus ----------------------------------------------------------
def _ogg_crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def _ogg_page(packets: list[bytes], *, sequence: int, granule: int, flags: int) -> bytes:
    lacing = bytearray()
    for packet in packets:
        lacing.extend([255] * (len(packet) // 255))
        lacing.append(len(packet) % 255)
    header = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, 0x48533232, sequence, 0, len(lacing))
    page = header + bytes(lacing) + b"".join(packets)
    return page[:22] + struct.pack("<I", _ogg_crc(page)) + page[26:]


def tiny_opus_stream(frames: int = 10) -> bytes:
    """A valid Ogg Opus file of `frames` silent 20 ms frames (each an empty CELT frame, which decodes as silence)."""
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, 312, 48000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 4) + b"hs22" + struct.pack("<I", 0)
    audio = [bytes([0xF8])] * frames  # config 31 (CELT, fullband, 20 ms), mono, one frame of no bytes
    return (
        _ogg_page([head], sequence=0, granule=0, flags=2)
        + _ogg_page([tags], sequence=1, granule=0, flags=0)
        + _ogg_page(audio, sequence=2, granule=960 * frames, flags=4)
    )
