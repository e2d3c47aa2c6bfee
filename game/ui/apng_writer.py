"""One animated PNG (APNG) for a whole capture: each picture stored as only what changed since the one before.

A full capture is hundreds of pictures that mostly repeat one another: the same background, the same sprites, a new
line of text. Stored one PNG each, every picture pays for all of its pixels again; in one APNG, a picture after the
first is a frame holding just the rectangle that changed, with the pixels that did not change inside it left
transparent (they then cost almost nothing to deflate), drawn over the picture before it. Browsers and most image
viewers play an APNG; one that does not shows the first picture. Decoded frame by frame, by the rules of the
format (acTL, fcTL and fdAT chunks; dispose and blend operations), every frame is exactly the picture drawn.

This module only writes the file: which rectangle changed, and whether a frame is drawn on the picture before it or
on the one before that (the "previous" disposal, for pictures that go back and forth), is decided by
game/ui/frame_delta.py. Frames are deflated on a thread per core while the capture draws the next picture, as
game/ui/png_writer.py does for single pictures. The file is written under a temporary name and renamed when
complete, so a capture never leaves half an animation. Nothing here imports pygame.
"""

from __future__ import annotations

import contextlib
import os
import struct
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from game.ui.png_writer import SIGNATURE, cores, deflate_rows, png_chunk

LEVEL = 5  # as for single pictures: level 6 saves 4% of the bytes for 8% more CPU (bench/RESULTS.md)
NO_DISPOSAL, RESTORE_PREVIOUS = 0, 2  # APNG dispose_op: leave the frame on the canvas / put back what it covered
DRAW_SOURCE, DRAW_OVER = 0, 1  # APNG blend_op: replace the rectangle / draw over it (transparent pixels keep it)


@dataclass(frozen=True)
class Frame:
    """A frame of the animation: `rgba` holds its rectangle at (x, y), 8-bit RGBA, row after row."""

    x: int
    y: int
    width: int
    height: int
    rgba: bytes
    restores_previous: bool = False  # the frame before it is taken off (the canvas as it was before that one)


class AnimationWriter:
    """Writes the frames given to `add`, in order, as one APNG at `path` of `width` x `height` pixels; each frame
    is shown for `seconds`, and the animation plays once. `close` completes the file (raising the first error)."""

    def __init__(self, path: Path, width: int, height: int, seconds: float = 2.0, workers: int | None = None) -> None:
        self.path = Path(path)
        self.width, self.height = width, height
        self.delay = (round(seconds * 100), 100)
        self.frames = 0
        self._temporary = Path(f"{self.path}.part")
        with said_of(self.path):
            self._file: BinaryIO | None = open(self._temporary, "wb")  # noqa: SIM115 (closed by close)
        self._sequence = 0
        self._pending: deque[tuple[Frame, Future[bytes]]] = deque()
        self._workers = cores() if workers is None else workers
        self._pool = ThreadPoolExecutor(max(1, self._workers), thread_name_prefix="apng")
        header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits, RGBA, deflate, filters 0, no interlace
        self._file.write(SIGNATURE + png_chunk(b"IHDR", header))
        self._actl_at = self._file.tell()
        self._file.write(_actl(0))  # the count of frames is written again at the end

    def add(self, frame: Frame) -> None:
        """Add the next frame; the first must cover the whole picture, opaque, and restore nothing."""
        if len(frame.rgba) != frame.width * frame.height * 4 or frame.width < 1 or frame.height < 1:
            raise ValueError(f"{len(frame.rgba)} bytes are not {frame.width}x{frame.height} RGBA pixels")
        if frame.x < 0 or frame.y < 0 or frame.x + frame.width > self.width or frame.y + frame.height > self.height:
            raise ValueError(f"a {frame.width}x{frame.height} frame at {frame.x},{frame.y} is outside the picture")
        if self.frames == 0 and ((frame.x, frame.y, frame.width, frame.height) != (0, 0, self.width, self.height)):
            raise ValueError("the first frame must cover the whole picture")
        if self.frames == 0 and frame.restores_previous:
            raise ValueError("the first frame has no frame before it to take off")
        data_sequence = 2 * self.frames if self.frames else None  # sequence numbers: fcTL 0, then fcTL, fdAT pairs
        self.frames += 1
        self._pending.append((frame, self._pool.submit(_data_chunk, frame.rgba, frame.width * 4, data_sequence)))
        while len(self._pending) > 2 * max(1, self._workers) + 1:  # bounded: each waiting frame holds its pixels
            self._write_oldest()

    def _write_oldest(self) -> None:
        """Write the oldest frame waiting; its disposal is known once the frame after it has been added."""
        frame, compressed = self._pending.popleft()
        following = self._pending[0][0] if self._pending else None
        disposal = RESTORE_PREVIOUS if following is not None and following.restores_previous else NO_DISPOSAL
        first = self._sequence == 0
        control = struct.pack(
            ">IIIIIHHBB",
            self._sequence,
            frame.width,
            frame.height,
            frame.x,
            frame.y,
            *self.delay,
            disposal,
            DRAW_SOURCE if first else DRAW_OVER,
        )
        data = compressed.result()
        assert self._file is not None
        self._file.write(png_chunk(b"fcTL", control) + data)
        self._sequence += 1 if first else 2

    def close(self) -> None:
        """Write every frame still waiting and the frame count, then put the file in place under its name."""
        if self._file is None:
            return
        try:
            if self.frames == 0:
                raise ValueError("an animation needs at least one frame")
            while self._pending:
                self._write_oldest()
            self._file.write(png_chunk(b"IEND", b""))
            self._file.seek(self._actl_at)
            self._file.write(_actl(self.frames))
            self._file.close()
            with said_of(self.path):
                os.replace(self._temporary, self.path)
        except BaseException:
            self._abandon()
            raise
        finally:
            self._file = None
            self._pool.shutdown(wait=True)

    def _abandon(self) -> None:
        for _, future in self._pending:
            future.cancel()
        self._pending.clear()
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
        with contextlib.suppress(OSError):
            self._temporary.unlink()

    def __enter__(self) -> AnimationWriter:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None:
            self.close()
        else:  # the capture failed: no half animation is left
            self._abandon()
            self._file = None
            self._pool.shutdown(wait=True)


@contextlib.contextmanager
def said_of(path: Path) -> Iterator[None]:
    """An error writing the file is said of the file, not of its temporary name."""
    try:
        yield
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None


def _data_chunk(rgba: bytes, stride: int, sequence: int | None) -> bytes:
    """The frame's pixels as a chunk: IDAT for the first frame (the file's own image, which viewers without APNG
    show), fdAT with its sequence number for the others. Made on a worker thread: deflate and CRC let go of the lock."""
    data = deflate_rows(rgba, stride, LEVEL)
    return png_chunk(b"IDAT", data) if sequence is None else png_chunk(b"fdAT", struct.pack(">I", sequence) + data)


def _actl(frames: int) -> bytes:
    return png_chunk(b"acTL", struct.pack(">II", frames, 1))  # played once
