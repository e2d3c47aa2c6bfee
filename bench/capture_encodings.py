"""Where a capture's bytes are: its pictures encoded every way at hand, in bytes and CPU, whole and as APNG deltas.

Not a row of bench/run.py (it measures alternatives, not a target): the figures behind the choices in
game/ui/png_writer.py and game/ui/apng_writer.py, recorded in bench/RESULTS.md. It captures the longest shipped
playthrough at 1280x720 in this process, keeps one picture in `--every` and, for each kept picture, both its pixels
(what a PNG of it holds) and its APNG frame (the rectangle that changed, unchanged pixels transparent, as
`--format apng` writes it), then deflates each in turn: rows unfiltered, with PNG's Sub or Up filter on every row,
or with the filter chosen per row by libpng's heuristic (the smallest sum of absolute differences among None, Sub
and Up; Average and Paeth are left to libpng's own run); at several levels of zlib and of zlib-ng, and with zlib's
strategies for filtered data and for runs. libpng through pygame (all five filters, its heuristic) is the peer.

    python bench/capture_encodings.py [--every 8]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
from zlib_ng import zlib_ng  # noqa: E402

from game.ui import capture as capture_module  # noqa: E402
from game.ui.frame_delta import FrameDelta  # noqa: E402

ABSOLUTE = bytes(v if v < 128 else 256 - v for v in range(256))  # a filtered byte as a signed distance from 0


def recorded(every: int) -> list[tuple[bytes, int, bytes, int]]:
    """(pixels, row length, APNG frame pixels, its row length) of one picture in `every`."""
    kept: list[tuple[bytes, int, bytes, int]] = []
    delta: list[FrameDelta] = []

    class Recorder:
        def __enter__(self) -> Recorder:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def write(self, path: Path, rgb: bytes, width: int, height: int) -> None:
            if not delta:
                delta.append(FrameDelta((width, height)))
            frame = delta[0].frame(pygame.image.frombytes(rgb, (width, height), "RGB"))
            if frame is not None and int(path.name[:4]) % every == 0:
                kept.append((rgb, width * 3, frame.rgba, frame.width * 4))

    capture_module.PictureWriter = Recorder  # type: ignore[misc,assignment]
    story = ROOT / "story"
    playthrough = max((story / "playthroughs").glob("*.yaml"), key=lambda p: p.stat().st_size)
    with contextlib.redirect_stdout(io.StringIO()), tempfile.TemporaryDirectory() as nothing_written:
        capture_module.capture(story, playthrough, Path(nothing_written), (1280, 720))
    return kept


def subtract(row: bytes, other: bytes) -> bytes:
    """Byte by byte, (row - other) mod 256, with the whole row as one integer (SWAR: no carry crosses a byte)."""
    size = len(row)
    high, low = int.from_bytes(b"\x80" * size, "big"), int.from_bytes(b"\x7f" * size, "big")
    a, b = int.from_bytes(row, "big"), int.from_bytes(other, "big")
    return ((((a | high) - (b & low)) ^ ((a ^ ~b) & high)) & ((1 << (8 * size)) - 1)).to_bytes(size, "big")


def filtered(pixels: bytes, stride: int, bpp: int, how: str) -> bytes:
    rows = [pixels[start : start + stride] for start in range(0, len(pixels), stride)]
    out, prior = [], bytes(stride)
    for row in rows:
        candidates = {
            "none": b"\0" + row,
            "sub": b"\1" + subtract(row, bytes(bpp) + row[:-bpp]) if how in ("sub", "adaptive") else b"",
            "up": b"\2" + subtract(row, prior) if how in ("up", "adaptive") else b"",
        }
        if how == "adaptive":
            out.append(min((c for c in candidates.values() if c), key=lambda c: sum(c[1:].translate(ABSOLUTE))))
        else:
            out.append(candidates[how])
        prior = row
    return b"".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=8, help="keep one picture in this many (default 8)")
    args = parser.parse_args(argv)
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    kept = recorded(args.every)
    print(f"{len(kept)} pictures of the longest shipped playthrough, 1280x720; per picture, mean:")
    for label, pick, bpp in (("whole picture (RGB)", 0, 3), ("APNG frame (RGBA, changed rectangle)", 2, 4)):
        samples = [(entry[pick], entry[pick + 1]) for entry in kept]
        print(f"\n{label}: {sum(len(p) for p, _ in samples) / len(samples) / 1e6:.2f} MB raw")
        print("| encoding | KB | CPU ms |\n|---|---:|---:|")
        for how in ("none", "sub", "up", "adaptive"):
            rows = [filtered(pixels, stride, bpp, how) for pixels, stride in samples]
            ways = [(f"zlib {level}", lambda d, lv=level: zlib.compress(d, lv)) for level in (1, 3, 5, 6, 9)]
            ways += [(f"zlib-ng {level}", lambda d, lv=level: zlib_ng.compress(d, lv)) for level in (1, 3, 5, 6, 9)]
            if how != "none":
                ways = [w for w in ways if w[0] in ("zlib 5", "zlib 9", "zlib-ng 6")]
            for strategy, code in (("filtered", zlib.Z_FILTERED), ("runs", zlib.Z_RLE)):
                if how in ("none", "adaptive"):
                    ways.append((f"zlib 6, strategy {strategy}", lambda d, c=code: _strategy(d, c)))
            for name, deflate in ways:
                started = time.process_time()
                size = sum(len(deflate(data)) for data in rows)
                elapsed = time.process_time() - started
                print(f"| rows {how}, {name} | {size / len(rows) / 1e3:.1f} | {elapsed / len(rows) * 1e3:.1f} |")
        started, size = time.process_time(), 0
        for pixels, stride in samples:
            picture = pygame.image.frombytes(
                pixels, (stride // bpp, len(pixels) // stride), "RGB" if bpp == 3 else "RGBA"
            )
            buffer = io.BytesIO()
            pygame.image.save(picture, buffer, "picture.png")
            size += len(buffer.getvalue())
        elapsed = time.process_time() - started
        mean_kb, mean_ms = size / len(samples) / 1e3, elapsed / len(samples) * 1e3
        print(f"| libpng through pygame (its filters) | {mean_kb:.1f} | {mean_ms:.1f} |")
    return 0


def _strategy(data: bytes, strategy: int) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 15, 8, strategy)
    return compressor.compress(data) + compressor.flush()


if __name__ == "__main__":
    sys.exit(main())
