"""A reader of PNG and animated PNG files for the tests, written from the format's rules and nothing of the game's.

It checks a file's structure as it goes (signature, every chunk's CRC, the chunk order APNG requires, sequence
numbers without a gap, the frame count acTL declares, frames inside the canvas), decodes 8-bit RGB and RGBA images
(zlib, then each row unfiltered by its filter type: None, Sub, Up, Average or Paeth) and composes the frames with
their dispose and blend operations, so a test can compare each frame the file shows with the pixels it should be.
Blending OVER is implemented for fully opaque and fully transparent pixels, which is all a capture writes; a partly
transparent one is refused rather than guessed at.
"""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass, field

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_OPAQUE_RUNS = re.compile(rb"\xff+")  # in a row's alpha bytes


@dataclass
class Animation:
    width: int
    height: int
    plays: int | None  # None: not animated (no acTL)
    frames: list[bytes] = field(default_factory=list)  # each frame as the viewer shows it: RGBA, row after row
    controls: list[dict[str, int]] = field(default_factory=list)  # each frame's fcTL fields
    chunks: list[bytes] = field(default_factory=list)  # the chunk types, in order


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    found, at = [], len(SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack_from(">I", data, at)
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack_from(">I", data, at + 8 + length)
        if zlib.crc32(body, zlib.crc32(kind)) != crc:
            raise ValueError(f"bad CRC in {kind!r}")
        found.append((kind, body))
        at += 12 + length
    if not found or found[-1][0] != b"IEND":
        raise ValueError("no IEND at the end")
    return found


def unfilter(raw: bytes, width: int, height: int, channels: int) -> bytes:
    """The pixels of a deflated image's inflated bytes: each row's filter byte undone."""
    stride, step = width * channels, channels
    if len(raw) != (stride + 1) * height:
        raise ValueError(f"{len(raw)} bytes of image data for {width}x{height}x{channels}")
    out = bytearray()
    prior = bytearray(stride)
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(step, stride):
                row[i] = (row[i] + row[i - step]) & 255
        elif kind == 2:
            row = bytearray((a + b) & 255 for a, b in zip(row, prior))
        elif kind == 3:
            for i in range(stride):
                row[i] = (row[i] + ((row[i - step] if i >= step else 0) + prior[i]) // 2) & 255
        elif kind == 4:
            for i in range(stride):
                a, b = (row[i - step] if i >= step else 0), prior[i]
                c = prior[i - step] if i >= step else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        elif kind != 0:
            raise ValueError(f"unknown filter type {kind}")
        out += row
        prior = row
    return bytes(out)


def read(data: bytes) -> Animation:
    """Every frame of a PNG (one) or APNG (as many as acTL says), as shown, checking the file's structure."""
    found = chunks(data)
    if found[0][0] != b"IHDR":
        raise ValueError("IHDR is not first")
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", found[0][1])
    if depth != 8 or colour not in (2, 6) or (compression, filtering, interlace) != (0, 0, 0):
        raise ValueError("only 8-bit RGB or RGBA, not interlaced")
    channels = 3 if colour == 2 else 4
    kinds = [kind for kind, _ in found]
    actl = [body for kind, body in found if kind == b"acTL"]
    first_data = kinds.index(b"IDAT")
    animation = Animation(width, height, None, chunks=kinds)
    if not actl:
        image = zlib.decompress(b"".join(body for kind, body in found if kind == b"IDAT"))
        animation.frames.append(_rgba(unfilter(image, width, height, channels), channels))
        return animation
    if kinds.index(b"acTL") > first_data:
        raise ValueError("acTL after the image data")
    declared, animation.plays = struct.unpack(">II", actl[0])
    # Group the chunks into frames: an fcTL, then its IDATs (the first frame) or fdATs.
    sequence = 0
    pieces: list[tuple[dict[str, int], list[bytes]]] = []
    for kind, body in found:
        if kind == b"fcTL":
            fields = dict(
                zip(
                    ("sequence", "width", "height", "x", "y", "delay_num", "delay_den", "dispose", "blend"),
                    struct.unpack(">IIIIIHHBB", body),
                )
            )
            if fields["sequence"] != sequence:
                raise ValueError(f"fcTL sequence {fields['sequence']}, expected {sequence}")
            sequence += 1
            pieces.append((fields, []))
        elif kind == b"fdAT":
            (number,) = struct.unpack_from(">I", body)
            if number != sequence or not pieces:
                raise ValueError(f"fdAT sequence {number}, expected {sequence}")
            sequence += 1
            pieces[-1][1].append(body[4:])
        elif kind == b"IDAT":
            if len(pieces) != 1:
                raise ValueError("the image data is not the first frame's")
            pieces[-1][1].append(body)
    if len(pieces) != declared:
        raise ValueError(f"acTL says {declared} frames, the file has {len(pieces)}")
    canvas = bytearray(width * height * 4)
    for number, (fields, parts) in enumerate(pieces):
        w, h, x, y = fields["width"], fields["height"], fields["x"], fields["y"]
        if not parts or w < 1 or h < 1 or x + w > width or y + h > height:
            raise ValueError(f"frame {fields} is empty or outside the canvas")
        before = bytes(canvas)
        pixels = _rgba(unfilter(zlib.decompress(b"".join(parts)), w, h, channels), channels)
        for row in range(h):
            source = pixels[row * w * 4 : (row + 1) * w * 4]
            at = ((y + row) * width + x) * 4
            if fields["blend"] == 0:
                canvas[at : at + w * 4] = source
                continue
            alpha = source[3::4]
            if alpha.strip(b"\x00\xff"):
                raise ValueError("a partly transparent pixel: not what a capture writes")
            for run in _OPAQUE_RUNS.finditer(alpha):
                start, end = run.start() * 4, run.end() * 4
                canvas[at + start : at + end] = source[start:end]
        animation.frames.append(bytes(canvas))
        animation.controls.append(fields)
        dispose = 1 if fields["dispose"] == 2 and number == 0 else fields["dispose"]  # the format's rule
        for row in range(h):
            at = ((y + row) * width + x) * 4
            if dispose == 1:  # to transparent black
                canvas[at : at + w * 4] = bytes(w * 4)
            elif dispose == 2:  # back to what was there before the frame
                canvas[at : at + w * 4] = before[at : at + w * 4]
    return animation


def rgb(rgba: bytes) -> bytes:
    """The RGB of opaque pixels (a frame of a capture is opaque everywhere)."""
    if rgba[3::4].strip(b"\xff"):
        raise ValueError("a frame is not opaque everywhere")
    out = bytearray(len(rgba) // 4 * 3)
    out[0::3], out[1::3], out[2::3] = rgba[0::4], rgba[1::4], rgba[2::4]
    return bytes(out)


def _rgba(pixels: bytes, channels: int) -> bytes:
    if channels == 4:
        return pixels
    out = bytearray(b"\xff" * (len(pixels) // 3 * 4))
    out[0::4], out[1::4], out[2::4] = pixels[0::3], pixels[1::3], pixels[2::3]
    return bytes(out)
