"""Our own music and sound effects, rendered from note and sound data written for this project.

The game plays finished files from `assets/`; this package only runs at build time (`tools/build_audio.py`)
and is the only place numpy is used. Modules: `dsp` (shared signal helpers), `envelopes`, the voices
(`piano`, `strings`, `synths`, `drums`), `effects`, `score` (a tiny notation), `patterns` (accompaniment
figures), `arrange` (seamless loop rendering and the mix), `pieces/` (one score per music id), `sfx`
(sound-effect recipes), `analysis` (loop and level measurements) and `encode` (WAV and Ogg writing).
"""
