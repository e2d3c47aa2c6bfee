"""Whether choices matter: the measures `heartstopper test` adds to its findings (docs/TESTING.md).

Exact ending and scene odds under a policy (`odds`), cosmetic choices and where each choice's consequence first
shows (`cosmetic`), variables that count (`variables`, with saturation at the endings from sampled plays), and
sentences read twice in one play (`sampling`). None of these fails a run: they are for the author to judge.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from game.model import Story
from game.problems import shown_path
from game.tester.explore import VIA_GOTO, Exploration
from game.tester.graph import EndingMasks
from game.tester.odds import Odds, Policy, compute_odds, out_edges
from game.tester.sampling import Samples, sample_plays
from game.tester.variables import VariableUse, variable_uses

DEFAULT_PLAYS = 500
SHOWN_REPEATS = 10


@dataclass
class Measures:
    odds: Odds
    variables: dict[str, VariableUse]
    samples: Samples
    saturation: dict[str, dict[str, float]]
    always_offered: list = field(default_factory=list)  # (scene, index, where): a condition true at every menu
    cosmetic: list = field(default_factory=list)  # of cosmetic.ChoiceFinding
    consequences: list = field(default_factory=list)  # of cosmetic.ChoiceFinding

    def to_json(self) -> dict:
        odds = self.odds
        return {
            "ending_odds": {ending: float(value) for ending, value in odds.endings.items()},
            "odds": odds.to_json(),
            "cosmetic_choices": [item.to_json() for item in self.cosmetic],
            "constant_choice_conditions": [
                {"scene": scene, "choice": index, "file": where.file, "line": where.line, "outcome": "always true"}
                for scene, index, where in self.always_offered
            ],
            "choice_consequence": [item.to_json() for item in self.consequences],
            "variables": {
                name: {
                    "reads": use.reads,
                    "writes": use.writes,
                    "dead_writes": [{"file": where.file, "line": where.line} for where in use.dead_writes],
                    "saturation": self.saturation.get(name),
                }
                for name, use in self.variables.items()
            },
            "repeated_sentences": {
                "plays": self.samples.plays,
                "seed": self.samples.seed,
                "policy": self.samples.policy,
                "sentences": [
                    {"sentence": sentence, "plays": plays} for sentence, plays in self.samples.repeated.most_common()
                ],
            },
        }


def measure(
    exploration: Exploration,
    masks: EndingMasks,
    policy: Policy,
    *,
    plays: int = DEFAULT_PLAYS,
    seed: int = 0,
) -> Measures:
    # Like the exploration: millions of small tuples and no cycles, so the cyclic collector would only slow it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _measure(exploration, masks, policy, plays, seed)
    finally:
        if collecting:
            gc.enable()


def _measure(exploration: Exploration, masks: EndingMasks, policy: Policy, plays: int, seed: int) -> Measures:
    story = exploration.story
    edges = out_edges(exploration)
    odds = compute_odds(exploration, policy, masks, edges)
    start = exploration.keys[0][0] if exploration.keys else None
    given = {name: value for name, value in exploration.start_values.items() if story.defaults().get(name) != value}
    samples = sample_plays(story, policy, plays, seed, start=start, given=given)
    from game.tester.cosmetic import choice_findings

    cosmetic, consequences = choice_findings(exploration, masks, edges)
    return Measures(
        odds=odds,
        variables=variable_uses(story),
        samples=samples,
        saturation=saturation(story, samples),
        cosmetic=cosmetic,
        consequences=consequences,
        always_offered=always_offered(exploration, edges),
    )


def always_offered(exploration: Exploration, edges: list[range]) -> list:
    """Choices with a condition that holds at every menu of their scene that is reached: the condition is dead text.

    (A condition that never holds is already a failure: the choice can never be taken.) A once-choice counts as
    offered where it was already used, since its condition was not the reason it is missing.
    """
    story = exploration.story
    keys, via = exploration.keys, exploration.edge_via
    offered: dict[tuple[str, int], bool] = {}
    for state, span in enumerate(edges):
        scene = story.scenes[keys[state][0]]
        if not any(choice.condition is not None for choice in scene.choices) or scene.ending or scene.next:
            continue
        if not exploration.expanded[state] or any(via[index] == VIA_GOTO for index in span):
            continue  # never played, or left by a goto before its menu
        taken = {via[index] for index in span}  # the choices offered and available here (a fallback: none)
        once = keys[state][3]
        for choice in scene.choices:
            if choice.condition is None or choice.fallback:
                continue
            here = choice.index in taken or (choice.once and choice.id in once)
            offered[(scene.id, choice.index)] = offered.get((scene.id, choice.index), True) and here
    return [
        (scene, index, story.scenes[scene].choices[index].where) for (scene, index), always in offered.items() if always
    ]


def saturation(story: Story, samples: Samples) -> dict[str, dict[str, float]]:
    """Per int variable with both bounds: the share of sampled plays that end with it at its minimum, its maximum."""
    found = {}
    ended = samples.end_values
    for name, variable in story.variables.items():
        low, high = variable.type.minimum, variable.type.maximum
        if variable.type.kind != "int" or low is None or high is None or not ended:
            continue
        found[name] = {
            "min": sum(1 for values in ended if values[name] == low) / len(ended),
            "max": sum(1 for values in ended if values[name] == high) / len(ended),
        }
    return found


def text_lines(measures: Measures) -> list[str]:
    """The measures for the text summary."""
    odds = measures.odds
    lines = ["", f"Ending odds (policy {odds.policy}, exact):"]
    width = max((len(ending) for ending in odds.endings), default=0)
    for ending, value in sorted(odds.endings.items(), key=lambda item: -item[1]):
        lines.append(f"  {ending:<{width}}  {float(value):7.2%}")
    if odds.never_ends:
        never = float(odds.never_ends)
        lines.append(f"  {'never ends':<{width}}  {never:7.2%}  (soft-locks and loops with no way out)")
    if odds.unexplored:
        lines.append(f"  {'unexplored':<{width}}  {float(odds.unexplored):7.2%}  (the exploration was partial)")
    rare = sorted((value, scene) for scene, value in odds.scenes.items() if 0 < value < 0.05)
    if rare:
        shown = ", ".join(f"{scene} {float(value):.1%}" for value, scene in rare[:8])
        lines.append(f"  rarely seen scenes: {shown}{' ...' if len(rare) > 8 else ''}")
    lines += ["", f"Cosmetic choices: {len(measures.cosmetic)} change nothing a player will ever see"]
    for item in measures.cosmetic:
        lines.append(f'  {item.where}  {item.scene} choice {item.index + 1}: "{item.text}"')
    for scene, index, where in measures.always_offered:
        lines.append(f"  {where}  {scene} choice {index + 1}: its condition holds at every menu (dead condition)")
    later = [item for item in measures.consequences if item.scenes_later > 0]
    if later:
        lines.append(f"  {len(later)} other choices first show their consequence a scene or more later:")
        for item in later:
            lines.append(f"    {item.where}  {item.scene} choice {item.index + 1}: {item.first_shows}")
    lines += ["", "Variables (reads / writes; dead writes; at min / max when the sampled plays end):"]
    for name, use in measures.variables.items():
        extra = ""
        level = measures.saturation.get(name)
        if level is not None:
            extra = f"; ends at min {level['min']:.0%}, max {level['max']:.0%}"
        lines.append(f"  {name}: {use.reads} reads / {use.writes} writes{extra}")
        if not use.reads:
            lines.append("    never read: nothing a player does with it can matter")
        for where in use.dead_writes:
            at = f"{shown_path(where.file)}:{where.line}"
            lines.append(f"    dead write at {at} (no play reads it before it is set again)")
    repeated = measures.samples.repeated.most_common(SHOWN_REPEATS)
    samples = measures.samples
    lines += [
        "",
        f"Repeated sentences (read twice in one play; {samples.plays} sampled plays, policy {samples.policy}, "
        f"seed {samples.seed}): {len(samples.repeated)}",
    ]
    for sentence, plays in repeated:
        lines.append(f'  {plays / samples.plays:6.1%} of plays: "{sentence}"')
    return lines
