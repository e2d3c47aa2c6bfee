"""Sound-effect recipes: each story sound and interface sound is a small function of a seeded generator.

Every recipe returns a mono float signal that starts at silence and ends at silence (the build adds edge
fades and normalises the peak). Sounds are physical sketches rather than recordings: a vibration motor is a
buzz with a rattle, paper is shaped noise with crackle, a crowd is many small voices and claps.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .drums import cymbal, kick, snare, tom
from .dsp import (
    SAMPLE_RATE,
    add_at,
    bandpass_response,
    filtered,
    highpass_response,
    lowpass_response,
    midi_to_hz,
    noise,
    seconds,
)
from .effects import convolve, reverb_impulse
from .envelopes import exp_decay, swell
from .strings import harp
from .synths import bell

Recipe = Callable[[np.random.Generator], np.ndarray]


def _t(length: int) -> np.ndarray:
    return np.arange(length) / SAMPLE_RATE


def _room(signal: np.ndarray, decay: float, mix: float, rng: np.random.Generator, damping: float = 0.6) -> np.ndarray:
    """A little space around a dry one-shot: the reverb tail is appended, so nothing is cut off."""
    impulse = reverb_impulse(decay, rng, damping=damping).mean(axis=1)
    wet = convolve(signal[:, None], impulse[:, None], circular=False)[:, 0]
    out = wet * mix
    out[: signal.shape[0]] += signal
    return out


def _cut(signal: np.ndarray, total: float, fade: float) -> np.ndarray:
    """Exactly `total` seconds long (padded with silence if short), the last `fade` seconds eased to zero."""
    length = seconds(total)
    out = np.zeros(length)
    count = min(length, signal.shape[0])
    out[:count] = signal[:count]
    t = _t(length)
    phase = np.clip((total - t) / fade, 0.0, 1.0)
    return out * np.sin(0.5 * np.pi * phase) ** 2


def _burst(length: int, rng: np.random.Generator, low: float, high: float, tau: float) -> np.ndarray:
    """A short band of noise with a fast attack and exponential fall: clicks, scuffs, claps."""
    return filtered(noise(length, rng), bandpass_response(low, high)) * exp_decay(length, tau, attack=0.0005)


# Story sounds -------------------------------------------------------------------------------------------------


def phone_buzz(rng: np.random.Generator) -> np.ndarray:
    """A phone vibrating on a desk: two buzzes of an off-centre motor rattling against wood."""
    total = seconds(1.15)
    out = np.zeros(total)
    for start, duration in ((0.02, 0.38), (0.6, 0.38)):
        length = seconds(duration)
        t = _t(length)
        speed = 158.0 + 12.0 * np.minimum(t / 0.05, 1.0)
        phase = 2 * np.pi * np.cumsum(speed) / SAMPLE_RATE
        motor = np.sin(phase) + 0.5 * np.sign(np.sin(phase)) * 0.6 + 0.25 * np.sin(3 * phase)
        rattle = filtered(noise(length, rng), bandpass_response(900.0, 3500.0)) * (0.5 + 0.5 * np.sin(phase)) ** 4
        shape = swell(length, 0.025, 0.04)
        body = filtered(motor + 0.7 * rattle, bandpass_response(120.0, 2500.0))
        add_at(out, body * shape, seconds(start))
    return _cut(_room(out, 0.35, 0.12, rng), 1.35, 0.15)


def message_sent(rng: np.random.Generator) -> np.ndarray:
    """A soft upward whoosh and a two-note pluck: a message leaving the phone."""
    length = seconds(0.55)
    t = _t(length)
    out = np.zeros(length)
    sweep = 520.0 * 2 ** (np.clip(t / 0.12, 0.0, 1.0) * 1.0)
    whoosh = np.sin(2 * np.pi * np.cumsum(sweep) / SAMPLE_RATE) * swell(length, 0.03, 0.5) * np.exp(-t / 0.09)
    out += 0.35 * whoosh
    for at, note in ((0.06, 83), (0.13, 88)):
        add_at(out, 0.8 * _cut(harp(midi_to_hz(note), 0.2, 0.7, rng), 0.4, 0.15), seconds(at))
    return _room(out, 0.5, 0.15, rng)


def door(rng: np.random.Generator) -> np.ndarray:
    """A wooden door: a short hinge creak, the door meeting its frame, and the latch clicking home."""
    out = np.zeros(seconds(1.3))
    creak_len = seconds(0.45)
    t = _t(creak_len)
    pitch = 210.0 + 60.0 * np.sin(2 * np.pi * 1.3 * t) + 8.0 * filtered(noise(creak_len, rng), lowpass_response(30.0))
    phase = np.cumsum(pitch) / SAMPLE_RATE
    stick = (np.mod(phase, 1.0) < 0.18).astype(float)
    creak = filtered(stick - stick.mean(), bandpass_response(400.0, 2600.0)) * swell(creak_len, 0.12, 0.15)
    add_at(out, 0.25 * creak, seconds(0.01))
    thud_len = seconds(0.45)
    tt = _t(thud_len)
    thud = np.sin(2 * np.pi * np.cumsum(70.0 + 60.0 * np.exp(-tt / 0.02)) / SAMPLE_RATE) * exp_decay(thud_len, 0.09)
    thud += 0.5 * filtered(noise(thud_len, rng), lowpass_response(700.0)) * exp_decay(thud_len, 0.03)
    add_at(out, thud, seconds(0.46))
    latch_len = seconds(0.08)
    latch = _burst(latch_len, rng, 2000.0, 7000.0, 0.006)
    latch += 0.4 * np.sin(2 * np.pi * 2900.0 * _t(latch_len)) * exp_decay(latch_len, 0.012)
    add_at(out, 0.45 * latch, seconds(0.5))
    add_at(out, 0.3 * _burst(latch_len, rng, 1500.0, 6000.0, 0.004), seconds(0.535))
    return _cut(_room(out, 0.6, 0.18, rng), 1.5, 0.3)


def page_turn(rng: np.random.Generator) -> np.ndarray:
    """A page lifted, swept over and laid down: shaped paper noise with a few crisp crackles."""
    length = seconds(0.7)
    t = _t(length)
    lift = np.exp(-(((t - 0.12) / 0.06) ** 2))
    sweep = np.exp(-(((t - 0.33) / 0.11) ** 2))
    settle = np.exp(-(((t - 0.52) / 0.035) ** 2))
    shape = 0.35 * lift + sweep + 0.6 * settle
    paper = filtered(noise(length, rng), bandpass_response(1200.0, 9000.0)) * shape
    crackle = np.zeros(length)
    for at in rng.uniform(0.08, 0.55, 14):
        grain = _burst(seconds(0.006), rng, 2500.0, 10000.0, 0.0012)
        add_at(crackle, grain * rng.uniform(0.3, 1.0), seconds(float(at)))
    return _room(paper + 0.6 * crackle, 0.3, 0.1, rng)


def leaves(rng: np.random.Generator) -> np.ndarray:
    """A breath of wind through dry leaves: a soft gust and hundreds of tiny leaf ticks riding on it."""
    length = seconds(2.2)
    t = _t(length)
    gust = np.sin(np.pi * np.clip(t / 2.1, 0.0, 1.0)) ** 2
    wind = filtered(noise(length, rng), bandpass_response(250.0, 1400.0, 1)) * gust * 0.35
    rustle = np.zeros(length)
    times = np.sort(rng.uniform(0.05, 2.05, 420))
    for at in times:
        strength = np.sin(np.pi * at / 2.1) ** 2
        grain = _burst(seconds(0.01), rng, 1800.0, 9000.0, rng.uniform(0.0008, 0.003))
        add_at(rustle, grain * strength * rng.uniform(0.2, 1.0), seconds(float(at)))
    swish = filtered(noise(length, rng), bandpass_response(2500.0, 8000.0)) * gust**2 * 0.25
    return _cut(_room(wind + rustle + swish, 0.4, 0.15, rng), 2.35, 0.3)


def cheer(rng: np.random.Generator) -> np.ndarray:
    """A small crowd cheering and clapping: many breathy voices whooping up on their own vowels, with claps."""
    length = seconds(2.2)
    t = _t(length)
    crowd = np.zeros(length)
    for _ in range(36):
        base = rng.uniform(160.0, 460.0)
        start = rng.uniform(0.0, 0.3)
        glide = 1.0 + rng.uniform(0.15, 0.45) * np.sin(0.5 * np.pi * np.clip((t - start) / 0.25, 0.0, 1.0))
        glide *= 1.0 - 0.2 * np.clip((t - start - 0.5) / 1.2, 0.0, 1.0)
        wobble = 1.0 + 0.025 * np.sin(2 * np.pi * rng.uniform(4.0, 7.0) * t + rng.uniform(0, 6.3))
        phase = 2 * np.pi * np.cumsum(base * glide * wobble) / SAMPLE_RATE
        voice = sum(np.sin(k * phase) / k for k in range(1, 14) if k * base * 1.5 < 7000.0)
        voice = voice + 1.2 * noise(length, rng)
        vowel = rng.uniform(550.0, 1100.0)
        second = rng.uniform(1200.0, 2400.0)
        voice = filtered(
            voice,
            lambda f, v=vowel, s=second: np.exp(-(((f - v) / 260.0) ** 2)) + 0.6 * np.exp(-(((f - s) / 400.0) ** 2)),
        )
        rise = np.clip((t - start) / rng.uniform(0.06, 0.15), 0.0, 1.0)
        env = rise * np.exp(-np.maximum(t - start - rng.uniform(0.2, 0.5), 0.0) / rng.uniform(0.4, 1.0))
        crowd += voice * env * rng.uniform(0.3, 1.0)
    crowd /= max(float(np.max(np.abs(crowd))), 1e-9)
    claps = np.zeros(length)
    for at in rng.uniform(0.05, 1.9, 80):
        clap = _burst(seconds(0.03), rng, 900.0, 4500.0, 0.006)
        add_at(claps, clap * rng.uniform(0.3, 1.0) * np.exp(-at / 1.2), seconds(float(at)))
    mix = crowd + 0.7 * claps
    return _cut(_room(mix * np.exp(-t / 1.6), 0.9, 0.25, rng), 2.45, 0.6)


def school_bell(rng: np.random.Generator) -> np.ndarray:
    """An electric school bell, kept gentle: a clapper beating a small dome for a second, then ringing out."""
    length = seconds(2.3)
    out = np.zeros(length)
    strike = np.zeros(length)
    rate = 22.0
    for k in range(int(1.2 * rate)):
        at = seconds(0.01 + k / rate + rng.normal(0.0, 0.0015))
        strike[at] += 0.8 + 0.2 * rng.uniform()
    t = _t(seconds(1.1))
    ring = np.zeros(t.shape[0])
    for ratio, amp, tau in ((1.0, 1.0, 0.6), (2.32, 0.45, 0.3), (4.25, 0.25, 0.12), (6.63, 0.12, 0.06)):
        ring += amp * np.sin(2 * np.pi * 1180.0 * ratio * t + rng.uniform(0, 6.3)) * np.exp(-t / tau)
    ring *= exp_decay(t.shape[0], 1e9, attack=0.001)
    hit = _burst(seconds(0.004), rng, 2000.0, 8000.0, 0.001)
    impulse = np.zeros(ring.shape[0])
    impulse[: hit.shape[0]] = 0.3 * hit
    response = ring + impulse
    out = np.convolve(strike, response)[:length]
    return _cut(_room(filtered(out, lowpass_response(5000.0)), 0.9, 0.2, rng), 2.45, 0.7)


def footsteps(rng: np.random.Generator) -> np.ndarray:
    """Four unhurried steps on a hard school corridor floor: heel, then the sole rolling down."""
    out = np.zeros(seconds(2.1))
    for k in range(4):
        at = 0.03 + 0.48 * k + rng.normal(0.0, 0.01)
        level = rng.uniform(0.8, 1.0) * (1.0 if k % 2 == 0 else 0.9)
        heel_len = seconds(0.12)
        tt = _t(heel_len)
        heel = np.sin(2 * np.pi * np.cumsum(95.0 + 80.0 * np.exp(-tt / 0.01)) / SAMPLE_RATE) * exp_decay(
            heel_len, 0.025
        )
        heel += 0.8 * _burst(heel_len, rng, 300.0, 4000.0, 0.012)
        sole = _burst(seconds(0.1), rng, 800.0, 6000.0, 0.02) * 0.35
        add_at(out, heel * level, seconds(at))
        add_at(out, sole * level, seconds(at + 0.055))
    return _cut(_room(out, 0.7, 0.2, rng), 2.3, 0.3)


def camera(rng: np.random.Generator) -> np.ndarray:
    """A phone camera shutter: two quick mechanical clicks with a short whirr of film advance between them."""
    out = np.zeros(seconds(0.4))
    for at, level in ((0.01, 1.0), (0.085, 0.75)):
        click_len = seconds(0.03)
        click = _burst(click_len, rng, 1500.0, 9000.0, 0.0025)
        click += 0.5 * np.sin(2 * np.pi * 1900.0 * _t(click_len)) * exp_decay(click_len, 0.006)
        add_at(out, click * level, seconds(at))
    whirr_len = seconds(0.05)
    whirr = filtered(noise(whirr_len, rng), bandpass_response(3000.0, 7000.0)) * swell(whirr_len, 0.01, 0.03)
    add_at(out, 0.12 * whirr, seconds(0.03))
    return _room(out, 0.25, 0.08, rng)


def drum_fill(rng: np.random.Generator) -> np.ndarray:
    """Charlie at the kit: a sixteenth-note fill down the toms into a kick and a crash."""
    beat = 60.0 / 112.0
    step = beat / 4
    out = np.zeros(seconds(2.5))
    hits = [
        (snare, 0.0, 0.55),
        (snare, 0.0, 0.45),
        (snare, 0.0, 0.65),
        (snare, 0.0, 0.5),
        (tom, 330.0, 0.8),
        (tom, 330.0, 0.65),
        (tom, 220.0, 0.8),
        (tom, 220.0, 0.65),
        (tom, 150.0, 0.85),
        (tom, 150.0, 0.7),
        (tom, 110.0, 0.9),
        (snare, 0.0, 0.95),
    ]
    for k, (voice, freq, level) in enumerate(hits):
        add_at(out, voice(freq, step, level, rng), seconds(0.01 + k * step))
    landing = 0.01 + len(hits) * step
    add_at(out, kick(0.0, beat, 1.0, rng), seconds(landing))
    add_at(out, 0.8 * cymbal(0.0, beat, 0.85, rng), seconds(landing))
    return _cut(_room(out, 0.8, 0.18, rng), 2.5, 0.6)


# Interface sounds ---------------------------------------------------------------------------------------------


def ui_select(rng: np.random.Generator) -> np.ndarray:
    """A choice picked: one small, soft pluck."""
    note = harp(midi_to_hz(86), 0.05, 0.5, rng)
    return _cut(note * np.exp(-_t(note.shape[0]) / 0.05), 0.2, 0.08)


def ui_open(rng: np.random.Generator) -> np.ndarray:
    """A menu opening: two rising plucks a fifth apart."""
    out = np.zeros(seconds(0.35))
    for at, midi in ((0.0, 79), (0.06, 86)):
        note = harp(midi_to_hz(midi), 0.05, 0.5, rng)
        add_at(out, _cut(note * np.exp(-_t(note.shape[0]) / 0.08), 0.29, 0.1), seconds(at))
    return out


def ui_save(rng: np.random.Generator) -> np.ndarray:
    """A game saved: a quick three-note rise landing on a soft bell, like a page being filed."""
    out = np.zeros(seconds(0.6))
    for at, midi in ((0.0, 76), (0.07, 81), (0.14, 88)):
        note = bell(midi_to_hz(midi), 0.1, 0.45, rng)
        add_at(out, _cut(note * np.exp(-_t(note.shape[0]) / 0.15), 0.45, 0.15), seconds(at))
    return _cut(_room(out, 0.5, 0.12, rng), 0.65, 0.15)


def ui_ending(rng: np.random.Generator) -> np.ndarray:
    """An ending reached: a gentle chime that spells out a major-seventh chord and rings away."""
    out = np.zeros(seconds(2.2))
    for at, midi, level in ((0.0, 72, 0.6), (0.16, 76, 0.55), (0.32, 79, 0.55), (0.48, 83, 0.5), (0.64, 84, 0.6)):
        add_at(out, bell(midi_to_hz(midi), 1.2, level, rng), seconds(at))
        add_at(out, 0.5 * harp(midi_to_hz(midi - 12), 1.0, level, rng), seconds(at + 0.005))
    return _cut(_room(filtered(out, highpass_response(150.0)), 1.8, 0.35, rng, damping=0.4), 2.4, 0.8)


SOUNDS: dict[str, tuple[Recipe, float]] = {
    "phone_buzz": (phone_buzz, -15.0),
    "message_sent": (message_sent, -19.0),
    "door": (door, -15.0),
    "page_turn": (page_turn, -18.0),
    "leaves": (leaves, -18.0),
    "cheer": (cheer, -14.0),
    "school_bell": (school_bell, -16.0),
    "footsteps": (footsteps, -17.0),
    "camera": (camera, -21.0),
    "drum_fill": (drum_fill, -12.0),
}
"""Story sounds (assets/sounds/ID.wav): the recipe and its loudness (dBFS over its loudest 0.3 s)."""

UI_SOUNDS: dict[str, tuple[Recipe, float]] = {
    "select": (ui_select, -30.0),
    "open": (ui_open, -26.0),
    "save": (ui_save, -23.0),
    "ending": (ui_ending, -18.0),
}
"""Interface sounds (assets/ui/sounds/NAME.wav), quieter than story sounds so they never intrude."""
