"""PNG files for captures, written from raw RGB bytes faster than libpng and no larger, on every core.

A capture writes hundreds of 1280x720 pictures, and encoding them was nearly all of its time (libpng through
pygame: about 50 ms of CPU a picture). The game's frames are flat illustration, gradients and text: deflate finds
their long repeats in the raw rows better than in rows passed through PNG's prediction filters (measured on the
shipped story's frames: unfiltered rows at zlib level 5 come out about 2% smaller than libpng's files, in a third
of its time; the filters made files larger and, written in Python, slower). The encoding is lossless: a picture
decodes to exactly the pixels it was given.

`PictureWriter` hands the pictures to a pool of threads, one per core: zlib lets go of Python's lock while it
compresses, so the capture draws the next frame while the last ones are encoded on the other cores (threads rather
than processes: nothing to copy, and nothing to start again in a frozen build); with one core it writes them in
place. Each file is written under a temporary
name and renamed, so a picture is never left half-written. Nothing here imports pygame.
"""

from __future__ import annotations

import contextlib
import os
import struct
import types
import zlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

deflate: types.ModuleType
try:
    from zlib_ng import zlib_ng as deflate
except ImportError:  # a build without it: the standard library's zlib, same files, slower
    deflate = zlib

LEVEL = 5  # chosen by measurement (bench/RESULTS.md): as small as libpng's files, three times faster
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


def encode_png(rgb: bytes, width: int, height: int, level: int = LEVEL) -> bytes:
    """The PNG file (8-bit RGB, no interlace, every row unfiltered) of `rgb`, `height` rows of `width` pixels."""
    stride = width * 3
    if len(rgb) != stride * height:
        raise ValueError(f"{len(rgb)} bytes are not {width}x{height} RGB pixels")
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, deflate, filter set 0, no interlace
    image = png_chunk(b"IDAT", deflate_rows(rgb, stride, level))
    return SIGNATURE + png_chunk(b"IHDR", header) + image + png_chunk(b"IEND", b"")


def deflate_rows(pixels: bytes, stride: int, level: int) -> bytes:
    """PNG image data: `pixels` cut into rows of `stride` bytes, each unfiltered, deflated at `level`."""
    rows = b"".join(b"\0" + pixels[start : start + stride] for start in range(0, len(pixels), stride))
    return deflate.compress(rows, level)


def write_png(path: str, rgb: bytes, width: int, height: int) -> None:
    """Encode `rgb` and write it to `path` through a temporary file in the same folder, renamed when complete."""
    data = encode_png(rgb, width, height)
    temporary = f"{path}.part"
    try:
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError as error:  # said of the picture, not of its temporary name
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OSError(error.errno, error.strerror, path) from None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class PictureWriter:
    """Writes pictures in the background, at most a few waiting at a time; `close` waits for all of them.

    An error writing one (a full disc, a folder made read-only) is raised from the next `write` or from `close`.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = cores() if workers is None else workers
        self._pool: ThreadPoolExecutor | None = None
        self._pending: deque[Future[None]] = deque()

    def write(self, path: Path, rgb: bytes, width: int, height: int) -> None:
        if self.workers <= 1:
            write_png(str(path), rgb, width, height)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="png")
        self._pending.append(self._pool.submit(write_png, str(path), rgb, width, height))
        while len(self._pending) > 2 * self.workers:  # bounded: each waiting picture holds its raw pixels
            self._pending.popleft().result()

    def close(self) -> None:
        """Wait until every picture is written (raising the first error), then stop the workers."""
        try:
            while self._pending:
                self._pending.popleft().result()
        finally:
            if self._pool is not None:
                for future in self._pending:
                    future.cancel()
                self._pool.shutdown(wait=True)
                self._pool = None

    def __enter__(self) -> PictureWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
