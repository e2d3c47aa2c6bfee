"""What a linter that runs again and again over one story keeps between runs (the language server lints after
every edit): each scene's flow (`game.authoring.flow`), by the scene itself.

Working out what is known at every beat is the largest part of a lint. An edit changes one file; the loader, fed
from the compiled-story cache kept in memory (`story_cache.RecordsInMemory`), hands back the very same scene objects
for every other file, so their flows can be kept. A flow depends only on its scene and the story's variables: one is
reused when its scene is the same object and the variables are equal, and worked out again otherwise. A command that
lints once has no use for this and does not make one.
"""

from __future__ import annotations

from game.authoring.flow import SceneFlow, analyse_scene
from game.model import Scene, Story, Variable


class LintMemory:
    def __init__(self) -> None:
        self._flows: dict[str, tuple[Scene, SceneFlow]] = {}
        self._variables: dict[str, Variable] = {}
        self.reused = 0  # flows taken from the last run (for tests and the benchmark)

    def flows(self, story: Story) -> dict[str, SceneFlow]:
        """Every scene's flow, the unchanged ones as last worked out."""
        if story.variables != self._variables:
            self._flows = {}
            self._variables = dict(story.variables)
        kept = self._flows
        fresh: dict[str, tuple[Scene, SceneFlow]] = {}
        result: dict[str, SceneFlow] = {}
        for scene_id, scene in story.scenes.items():
            known = kept.get(scene_id)
            if known is not None and known[0] is scene:
                self.reused += 1
                flow = known[1]
            else:
                flow = analyse_scene(story, scene)
            fresh[scene_id] = (scene, flow)
            result[scene_id] = flow
        self._flows = fresh  # scenes no longer in the story are forgotten
        return result
