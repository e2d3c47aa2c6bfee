"""Render every music loop and sound effect of the game from the scores and recipes in tools/audio.

Why it exists: the files in assets/music, assets/sounds and assets/ui/sounds are generated, then committed so
the game never needs numpy or the synthesiser at run time. Run this after changing a score or a recipe:

    python tools/build_audio.py                 # rebuild everything
    python tools/build_audio.py tense camera    # rebuild only these ids (music, sound or UI sound names)
    python tools/build_audio.py --list          # the ids it knows
    python tools/build_audio.py --spectrograms /tmp/spec   # also save a spectrogram PNG per file
    python tools/build_audio.py --verify        # render nothing; load every file in pygame's mixer and measure it

Every file is written atomically, every random choice comes from a fixed seed, so a rebuild gives the same
audio. Music is Ogg Vorbis (through the soundfile package); sounds are 16-bit mono WAV. After writing, each
loop is decoded again and measured as the game will hear it: length, peak, RMS and the jump at the loop point.
Build-time dependencies: numpy and soundfile (the game itself needs neither).
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from game.wording import plural, word_for

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
MUSIC_DIR = ROOT / "assets" / "music"
SOUND_DIR = ROOT / "assets" / "sounds"
UI_SOUND_DIR = ROOT / "assets" / "ui" / "sounds"
SEED = 2024
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))


def _missing_dependency() -> str | None:
    """The name of a build-time package that is not installed, if any."""
    for name in ("numpy", "soundfile"):
        try:
            __import__(name)
        except ImportError:
            return name
    return None


def build_music(asset_id: str, spectrograms: Path | None) -> str:
    """Render, encode and re-measure one loop; returns its report line."""
    from audio.analysis import measure, spectrogram_png
    from audio.arrange import render
    from audio.encode import decode_ogg, ogg_bytes, write_bytes
    from audio.pieces import PIECES

    piece = PIECES[asset_id]()
    started = time.perf_counter()
    signal = render(piece)
    data = ogg_bytes(signal, asset_id)
    path = MUSIC_DIR / f"{asset_id}.ogg"
    write_bytes(path, data)
    (MUSIC_DIR / f"{asset_id}.wav").unlink(missing_ok=True)
    heard = decode_ogg(data)
    if heard.shape[0] != piece.loop_samples:
        raise RuntimeError(f"{asset_id}: decoded {heard.shape[0]} samples, expected {piece.loop_samples}")
    if spectrograms is not None:
        spectrogram_png(heard, spectrograms / f"{asset_id}.png")
    bars = f"{piece.bars} bars of {piece.beats_per_bar} at {piece.bpm:g} bpm"
    return f"{measure(heard).line(asset_id)}  {bars}, {len(data) / 1024:.0f} KiB, {time.perf_counter() - started:.1f}s"


def build_sound(asset_id: str, folder: Path, spectrograms: Path | None) -> str:
    """Render, level and write one sound effect; returns its report line."""
    import numpy as np
    from audio.analysis import spectrogram_png
    from audio.dsp import SAMPLE_RATE, fade_edges, level, short_term_db
    from audio.encode import write_wav
    from audio.sfx import SOUNDS, UI_SOUNDS

    recipe, loudness = {**SOUNDS, **UI_SOUNDS}[asset_id]
    seed = zlib.crc32(asset_id.encode("utf-8"))
    signal = recipe(np.random.default_rng([SEED, seed]))
    signal = signal - np.mean(signal)
    signal = level(fade_edges(signal, fade_in=0.004, fade_out=0.03), loudness)
    path = folder / f"{asset_id}.wav"
    write_wav(path, signal, seed)
    if spectrograms is not None:
        spectrogram_png(signal, spectrograms / f"{asset_id}.png")
    peak = float(np.max(np.abs(signal)))
    return (
        f"{asset_id:<14} {signal.shape[0] / SAMPLE_RATE:6.2f}s peak {peak:5.3f} ({20 * np.log10(peak):5.1f} dBFS) "
        f"loudest 0.3 s {short_term_db(signal):5.1f} dBFS -> {path.relative_to(ROOT)}"
    )


def _job(kind: str, asset_id: str, spectrograms: Path | None) -> str:
    if kind == "music":
        return build_music(asset_id, spectrograms)
    folder = SOUND_DIR if kind == "sound" else UI_SOUND_DIR
    return build_sound(asset_id, folder, spectrograms)


def verify(kinds: dict[str, str], wanted: list[str]) -> int:
    """Load each committed file through pygame's mixer (as the game does) and print its figures; 1 if any is missing."""
    from audio.analysis import measure, mixer_decode

    missing = 0
    for name in wanted:
        kind = kinds[name]
        if kind == "music":
            path = next((p for p in (MUSIC_DIR / f"{name}.ogg", MUSIC_DIR / f"{name}.wav") if p.is_file()), None)
        else:
            path = (SOUND_DIR if kind == "sound" else UI_SOUND_DIR) / f"{name}.wav"
        if path is None or not path.is_file():
            print(f"{name:<14} MISSING")
            missing += 1
            continue
        levels = measure(mixer_decode(path))
        if kind == "music":
            print(f"{levels.line(name)}  jump/mean step {levels.wrap_jump / max(levels.mean_step, 1e-9):.2f}")
        else:
            print(f"{name:<14} {levels.seconds:6.2f}s peak {levels.peak:5.3f} rms {levels.rms:5.3f}")
    return 1 if missing else 0


def catalogue() -> dict[str, str]:
    """Every id the build knows and its kind (music, sound or ui)."""
    from audio.pieces import PIECES
    from audio.sfx import SOUNDS, UI_SOUNDS

    kinds = {name: "music" for name in PIECES}
    kinds.update({name: "sound" for name in SOUNDS})
    kinds.update({name: "ui" for name in UI_SOUNDS})
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the game's music and sounds from tools/audio.")
    parser.add_argument("ids", nargs="*", help="only these music, sound or UI sound ids (default: all)")
    parser.add_argument("--list", action="store_true", help="print the known ids and exit")
    parser.add_argument("--spectrograms", type=Path, help="also save a spectrogram PNG per file in this folder")
    parser.add_argument("--verify", action="store_true", help="measure the committed files through pygame's mixer")
    parser.add_argument("--jobs", type=int, default=2, help="render this many files at once (default 2)")
    args = parser.parse_args(argv)
    missing = _missing_dependency()
    if missing:
        print(f"build_audio: the build needs the '{missing}' package (pip install numpy soundfile)", file=sys.stderr)
        return 1
    kinds = catalogue()
    if args.list:
        for name, kind in kinds.items():
            print(f"{kind:<6} {name}")
        return 0
    unknown = [name for name in args.ids if name not in kinds]
    if unknown:
        print(
            f"build_audio: unknown {word_for(len(unknown), 'id')}: {', '.join(unknown)}; known: {', '.join(kinds)}",
            file=sys.stderr,
        )
        return 2
    if args.jobs < 1:
        print("build_audio: --jobs must be at least 1", file=sys.stderr)
        return 2
    wanted = args.ids or list(kinds)
    if args.verify:
        return verify(kinds, wanted)
    started = time.perf_counter()
    if args.jobs == 1:
        lines = [_job(kinds[name], name, args.spectrograms) for name in wanted]
    else:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(_job, kinds[name], name, args.spectrograms) for name in wanted]
            lines = [future.result() for future in futures]
    for line in lines:
        print(line)
    print(f"built {plural(len(wanted), 'file')} in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
