"""Draws the art and writes the music of examples/the_question, the port of Ren'Py's sample game.

Why it exists: the example must wear its own art, not ours, in one simple hand: flat shapes with one ink outline,
soft sky gradients (`gradientUnits="userSpaceOnUse"`, no `<text>`), a round-faced Sylvie in a green jacket and,
years later, a blue one. The music is a short, quiet loop of sine chords written as WAV with the standard library
alone. Everything is made from fixed numbers, so a rebuild is byte-identical:

    python tools/build_the_question.py           # write examples/the_question/assets
    python tools/build_the_question.py --check   # say (exit 1) which committed file differs from a rebuild
"""

from __future__ import annotations

import argparse
import io
import math
import struct
import sys
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "examples" / "the_question" / "assets"
INK = "#4a3a34"
W, H = 1280, 720


def _svg(width: int, height: int, body: str) -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">\n{body}</svg>\n'
    ).encode()


def _sky(name: str, top: str, bottom: str, height: int = H) -> str:
    return (
        f'<defs><linearGradient id="{name}" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="0" y2="{height}">'
        f'<stop offset="0" stop-color="{top}"/><stop offset="1" stop-color="{bottom}"/></linearGradient></defs>\n'
        f'<rect width="{W}" height="{H}" fill="url(#{name})"/>\n'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, stroke: float = 5) -> str:
    box = f'x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}"'
    return f'<rect {box} fill="{fill}" stroke="{INK}" stroke-width="{stroke:g}"/>\n'


def _path(d: str, fill: str, stroke: float = 6, ink: str = INK, cap: str = "") -> str:
    end = f' stroke-linecap="{cap}"' if cap else ""
    return f'<path d="{d}" fill="{fill}" stroke="{ink}" stroke-width="{stroke:g}"{end}/>\n'


def lecturehall() -> bytes:
    body = _sky("wall", "#efe4d2", "#d9c7ad")
    body += _rect(240, 90, 800, 300, "#3f5a4c", 8)  # the board
    body += _path("M300 180 L520 180 M300 240 L640 240 M300 300 L460 300", "none", ink="#cfe0d4", cap="round")
    for row, (y, shade) in enumerate(((470, "#b08a62"), (560, "#9c774f"), (650, "#8a6742"))):
        inset = 40 * (2 - row)
        body += _rect(60 + inset, y, W - 120 - 2 * inset, 46, shade)
    return _svg(W, H, body)


def uni() -> bytes:
    body = _sky("sky", "#9fc8ea", "#e8f1f6")
    body += _rect(220, 170, 840, 420, "#d8c3a5", 6)
    body += f'<path d="M190 170 L640 60 L1090 170 Z" fill="#b9a17f" stroke="{INK}" stroke-width="6"/>\n'
    for x in (300, 420, 540, 680, 800, 920):
        body += _rect(x, 250, 60, 110, "#9cc3dc")
        body += _rect(x, 420, 60, 110, "#9cc3dc")
    body += _rect(590, 430, 100, 160, "#7a5a3c")
    body += _rect(0, 590, W, 130, "#9db37a", 0)
    body += f'<path d="M540 720 L600 590 L680 590 L740 720 Z" fill="#cbbfa8" stroke="{INK}" stroke-width="5"/>\n'
    return _svg(W, H, body)


def meadow() -> bytes:
    body = _sky("sky", "#f2c9a0", "#f7ead8")
    body += _path("M0 430 Q320 330 640 420 T1280 400 L1280 720 L0 720 Z", "#c9a45a")
    body += _path("M0 540 Q400 470 760 540 T1280 520 L1280 720 L0 720 Z", "#b8893e")
    # The trees stand together on the right: the title's menu panel is on the left, over open hillside.
    for x, y, r, leaf in ((1215, 345, 70, "#d9743a"), (1080, 320, 95, "#e39a3b"), (930, 360, 60, "#c8552f")):
        body += _rect(x - 12, y, 24, 140, "#7a5a3c")
        body += f'<circle cx="{x}" cy="{y}" r="{r}" fill="{leaf}" stroke="{INK}" stroke-width="6"/>\n'
    return _svg(W, H, body)


def club() -> bytes:
    body = _sky("wall", "#e7ecef", "#cdd6dc")
    body += _rect(120, 110, 380, 240, "#bcd9ea", 6)  # a window
    body += f'<path d="M310 110 L310 350 M120 230 L500 230" stroke="{INK}" stroke-width="5"/>\n'
    body += _rect(0, 520, W, 200, "#a98a6a", 0)
    body += _rect(620, 420, 560, 40, "#8e6b4a")  # a desk with two screens
    for x in (680, 920):
        body += _rect(x, 270, 200, 130, "#2f3b44")
        body += _rect(x + 90, 400, 20, 20, "#2f3b44")
    return _svg(W, H, body)


FACES = {
    "normal": (
        '<circle cx="160" cy="170" r="10" fill="{ink}"/><circle cx="240" cy="170" r="10" fill="{ink}"/>',
        "M175 215 L225 215",
    ),
    "smile": (
        '<circle cx="160" cy="170" r="10" fill="{ink}"/><circle cx="240" cy="170" r="10" fill="{ink}"/>',
        "M170 205 Q200 235 230 205",
    ),
    "giggle": (
        _path("M148 172 Q160 160 172 172 M228 172 Q240 160 252 172", "none", cap="round").rstrip("\n"),
        "M172 205 Q200 240 228 205 Z",
    ),
    "surprised": (
        '<circle cx="160" cy="168" r="13" fill="{ink}"/><circle cx="240" cy="168" r="13" fill="{ink}"/>',
        "M200 222 m-14 0 a14 16 0 1 0 28 0 a14 16 0 1 0 -28 0",
    ),
}
JACKETS = {"default": "#8fcf8f", "blue": "#86a8e0"}


def sylvie(face: str, outfit: str) -> bytes:
    eyes, mouth = FACES[face]
    fill = f"{INK}" if face in ("giggle", "surprised") else "none"
    body = (
        _path("M96 900 L60 300 Q200 250 340 300 L304 900 Z", "#a0522d")
        + _path("M80 900 L100 420 Q200 360 300 420 L320 900 Z", JACKETS[outfit])
        + f'<circle cx="200" cy="190" r="120" fill="#fbe3cf" stroke="{INK}" stroke-width="6"/>\n'
        + _path("M82 180 Q90 60 200 62 Q310 60 318 180 Q270 110 200 118 Q130 110 82 180 Z", "#a0522d")
        + eyes.format(ink=INK)
        + f'\n<path d="{mouth}" fill="{fill}" stroke="{INK}" stroke-width="6" stroke-linecap="round"/>\n'
    )
    return _svg(400, 900, body)


def icon() -> bytes:
    body = (
        '<defs><linearGradient id="bg" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="0" y2="256">'
        '<stop offset="0" stop-color="#c8ffc8"/><stop offset="1" stop-color="#c8c8ff"/></linearGradient></defs>\n'
        f'<rect x="8" y="8" width="240" height="240" rx="48" fill="url(#bg)" stroke="{INK}" stroke-width="10"/>\n'
        f'<path d="M92 100 Q92 56 128 56 Q166 56 166 98 Q166 124 128 140 L128 168" fill="none" stroke="{INK}" '
        'stroke-width="22" stroke-linecap="round"/>\n'
        f'<circle cx="128" cy="204" r="14" fill="{INK}"/>\n'
    )
    return _svg(256, 256, body)


RATE = 16000
CHORDS = ((57, 60, 64), (53, 57, 60), (48, 52, 55), (55, 59, 62))  # Am, F, C, G: two seconds each


def illurock() -> bytes:
    """An eight-second loop of soft sine chords, faded in and out within each chord so the loop point is silent."""
    frames = bytearray()
    per_chord = RATE * 2
    for chord in CHORDS:
        freqs = [440 * 2 ** ((note - 69) / 12) for note in chord]
        for i in range(per_chord):
            t = i / RATE
            envelope = min(1.0, t / 0.25, (2.0 - t) / 0.4)
            sample = sum(math.sin(2 * math.pi * f * t) for f in freqs) / len(freqs)
            frames += struct.pack("<h", round(9000 * envelope * sample))
    out = io.BytesIO()
    with wave.open(out, "wb") as stream:
        stream.setnchannels(1)
        stream.setsampwidth(2)
        stream.setframerate(RATE)
        stream.writeframes(bytes(frames))
    return out.getvalue()


def everything() -> dict[str, bytes]:
    files = {
        "backgrounds/lecturehall.svg": lecturehall(),
        "backgrounds/uni.svg": uni(),
        "backgrounds/meadow.svg": meadow(),
        "backgrounds/club.svg": club(),
        "icons/question.svg": icon(),
        "music/illurock.wav": illurock(),
    }
    for outfit in JACKETS:
        for face in FACES:
            files[f"sprites/sylvie/{outfit}/{face}.svg"] = sylvie(face, outfit)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a committed file differs")
    args = parser.parse_args(argv)
    stale = []
    for name, data in everything().items():
        path = ASSETS / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    for name in stale:
        print(f"build_the_question: out of date: {name}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
