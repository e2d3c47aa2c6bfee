"""What the game remembers across playthroughs survives two windows of the game open at once.

Before: each window wrote its own view of progress.json, so the last to write dropped the endings, lines and
chapters the other had found.
"""

from __future__ import annotations

from datetime import datetime

from game.ui.persistent import Persistent


def test_two_games_open_at_once_keep_each_others_progress(tmp_path):
    path = tmp_path / "progress.json"
    first, second = Persistent(path), Persistent(path)
    assert first.add_ending("garden", datetime(2026, 1, 2, 10, 0))
    first.mark_seen("a:1")
    first.flush()
    assert second.add_ending("prom", datetime(2026, 1, 3, 9, 0))
    second.reach_chapter("Paris")
    assert set(second.endings) == {"garden", "prom"}  # it learned of the other's as it wrote
    first.add_ending("prom", datetime(2026, 1, 4, 9, 0))  # already known on disk: found first by the other window
    first.mark_seen("b:2")
    first.flush()
    again = Persistent(path)
    assert again.endings == {"garden": "2026-01-02T10:00", "prom": "2026-01-03T09:00"}
    assert again.seen == {"a:1", "b:2"} and again.chapters == {"Paris"}
