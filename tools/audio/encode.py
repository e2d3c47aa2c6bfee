"""Writing finished audio: 16-bit WAV through the standard library and Ogg Vorbis through soundfile.

Both are written atomically (temporary file, then rename). libsndfile gives every Ogg stream a random serial
number, which would make each rebuild differ byte for byte; we rewrite the serial to a fixed value derived
from the asset id and recompute each page's checksum, so the same score always gives the same file.
"""

from __future__ import annotations

import io
import os
import tempfile
import wave
import zlib
from pathlib import Path

import numpy as np

from .dsp import SAMPLE_RATE

VORBIS_COMPRESSION = 0.55


def write_bytes(path: Path, data: bytes) -> None:
    """Write finished file bytes atomically (temporary file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def to_pcm16(signal: np.ndarray, seed: int) -> np.ndarray:
    """Float -1..1 to int16 with a little seeded triangular dither (smooth fades, identical every build)."""
    rng = np.random.default_rng(seed)
    dither = (rng.uniform(-0.5, 0.5, signal.shape) + rng.uniform(-0.5, 0.5, signal.shape)) / 32768.0
    return np.clip(np.round((signal + dither) * 32767.0), -32768, 32767).astype("<i2")


def wav_bytes(signal: np.ndarray, seed: int, sample_rate: int = SAMPLE_RATE) -> bytes:
    """A complete 16-bit PCM WAV file (mono for 1-D input, stereo for (n, 2))."""
    channels = 1 if signal.ndim == 1 else signal.shape[1]
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(to_pcm16(signal, seed).tobytes())
    return buffer.getvalue()


def write_wav(path: Path, signal: np.ndarray, seed: int) -> None:
    """Write a 16-bit WAV atomically."""
    write_bytes(path, wav_bytes(signal, seed))


def _ogg_crc_table() -> list[int]:
    table = []
    for byte in range(256):
        value = byte << 24
        for _ in range(8):
            value = ((value << 1) ^ 0x04C11DB7) if value & 0x80000000 else value << 1
        table.append(value & 0xFFFFFFFF)
    return table


_CRC_TABLE = _ogg_crc_table()


def ogg_crc(data: bytes) -> int:
    """The Ogg page checksum (CRC-32, polynomial 0x04C11DB7, no reflection, zero start)."""
    crc = 0
    table = _CRC_TABLE
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ table[((crc >> 24) & 0xFF) ^ byte]
    return crc


def fix_ogg_serial(data: bytes, serial: int) -> bytes:
    """Give every page of a single-stream Ogg file the same fixed serial number and a correct checksum."""
    out = bytearray(data)
    position = 0
    while position < len(out):
        if out[position : position + 4] != b"OggS":
            raise ValueError(f"not an Ogg page at byte {position}")
        segments = out[position + 26]
        table = out[position + 27 : position + 27 + segments]
        size = 27 + segments + sum(table)
        out[position + 14 : position + 18] = serial.to_bytes(4, "little")
        out[position + 22 : position + 26] = b"\0\0\0\0"
        crc = ogg_crc(bytes(out[position : position + size]))
        out[position + 22 : position + 26] = crc.to_bytes(4, "little")
        position += size
    return bytes(out)


def ogg_bytes(signal: np.ndarray, asset_id: str) -> bytes:
    """Ogg Vorbis of a float signal, with a serial number fixed by `asset_id`."""
    import soundfile

    buffer = io.BytesIO()
    soundfile.write(buffer, signal, SAMPLE_RATE, format="OGG", subtype="VORBIS", compression_level=VORBIS_COMPRESSION)
    return fix_ogg_serial(buffer.getvalue(), zlib.crc32(asset_id.encode("utf-8")))


def write_ogg(path: Path, signal: np.ndarray, asset_id: str) -> None:
    """Write an Ogg Vorbis file atomically."""
    write_bytes(path, ogg_bytes(signal, asset_id))


def decode_ogg(data: bytes) -> np.ndarray:
    """Decode Ogg Vorbis bytes back to float (used to measure the loop as the game will hear it)."""
    import soundfile

    signal, _ = soundfile.read(io.BytesIO(data), dtype="float64", always_2d=True)
    return signal
