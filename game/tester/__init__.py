"""The headless branch tester: every reachable state of a story, explored through the game's own machine.

- `explore`: the exploration (states, edges, shortest-path pointers), firing the story's `transitions` machine;
- `analysis` (visit-count caps, when counts and once-choices can be forgotten) and `abstraction` (value classes):
  what a state must remember, worked out once from the story's text;
- `graph` (endings each state can still reach), `checks` (findings), `ranges` (exact values), `paths`;
- `report` (the findings as data), `text`, `junit`, `witnesses` (shortest paths as playthrough files);
- `randomwalk` (sampling instead), `playthroughs` (running playthrough files), `progress`, `files`;
- `cli`: `heartstopper test`. The user guide is docs/TESTING.md.
"""
