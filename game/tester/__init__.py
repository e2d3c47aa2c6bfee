"""The headless branch tester: every reachable state of a story, explored through the game's own machine.

`explore` walks the states (`explore.py`, with what to remember worked out in `analysis.py`), `checks` turns them
into findings (`report.py`), `paths` and `witnesses` give shortest paths as playthrough files, `randomwalk`
samples instead, `playthroughs` runs the story's scripted walks, and `cli` is `heartstopper test`.
"""
