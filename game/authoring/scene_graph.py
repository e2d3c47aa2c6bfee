"""The story as a directed graph of scenes (who leads where), ignoring conditions.

Used by the linter (scenes nothing leads to, scenes the start never reaches, scenes that can be entered again) and
built from `game.loader.scene_targets`, the engine's own list of where a scene can lead.
"""

from __future__ import annotations

from collections import deque

from game.graphs import strongly_connected
from game.loader import scene_targets
from game.model import Story


class SceneGraph:
    def __init__(self, story: Story) -> None:
        self.story = story
        self.targets: dict[str, tuple[str, ...]] = {
            scene_id: tuple(dict.fromkeys(t for t in scene_targets(scene) if t in story.scenes))
            for scene_id, scene in story.scenes.items()
        }
        self.sources: dict[str, set[str]] = {scene_id: set() for scene_id in story.scenes}
        for scene_id, targets in self.targets.items():
            for target in targets:
                self.sources[target].add(scene_id)

    def reachable(self) -> set[str]:
        """Scenes some way of following goto, next and choices from the start arrives at."""
        start = self.story.start
        seen = {start} if start in self.story.scenes else set()
        queue = deque(seen)
        while queue:
            for target in self.targets[queue.popleft()]:
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return seen

    def on_cycle(self) -> set[str]:
        """Scenes that a way through the story can enter more than once (they lie on a loop)."""
        looping: set[str] = set()
        for part in strongly_connected(self.story.scenes, lambda scene: list(self.targets[scene])):
            if len(part) > 1 or part[0] in self.targets[part[0]]:
                looping.update(part)
        return looping
