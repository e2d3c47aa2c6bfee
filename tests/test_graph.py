"""The story map: every scene and ending of the shipped story, labels from the story, and DOT that Graphviz renders."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from commandline import heartstopper
from storybuild import FIXTURES

from game.authoring.graph import GraphError, build_map, ending_node, mermaid_text
from game.loader import load_story
from game.paths import default_story_dir


@pytest.fixture(scope="module")
def story():
    return load_story(default_story_dir())


@pytest.fixture(scope="module")
def fixture_story():
    return load_story(FIXTURES / "lint" / "story")


def _mermaid_states(text: str) -> set[str]:
    return set(re.findall(r'^\s*state "[^"]*" as (\S+)$', text, flags=re.MULTILINE))


def _dot_nodes(text: str) -> set[str]:
    return set(re.findall(r"^\s*(\w+) \[label=", text, flags=re.MULTILINE))


def _edges(text: str, arrow: str) -> set[tuple[str, str]]:
    return set(re.findall(rf"^\s*(\w+) {arrow} (\w+)", text, flags=re.MULTILINE))


def _machine_edges(story) -> set[tuple[str, str]]:
    edges = set()
    for event in story.machine.machine.events.values():
        for source, transitions in event.transitions.items():
            for transition in transitions:
                dest = transition.dest
                edges.add((source, ending_node(dest.removeprefix("ending:")) if dest.startswith("ending:") else dest))
    return edges


def test_the_mermaid_map_holds_every_scene_and_ending_and_every_way_between(story):
    drawn = build_map(story, "mermaid")
    expected = set(story.scenes) | {ending_node(e) for e in story.endings}
    assert _mermaid_states(drawn.text) == expected
    assert set(drawn.states) == expected
    assert _edges(drawn.text, "-->") - {("END_" + e, "") for e in story.endings} >= _machine_edges(story)
    assert f"[*] --> {story.start}" in drawn.text
    for ending_id in story.endings:
        assert f"{ending_node(ending_id)} --> [*]" in drawn.text


def test_the_dot_map_holds_every_scene_and_ending_grouped_by_chapter(story):
    drawn = build_map(story, "dot")
    assert _dot_nodes(drawn.text) == set(story.scenes) | {ending_node(e) for e in story.endings}
    assert _edges(drawn.text, "->") == _machine_edges(story)
    clusters = re.findall(r"subgraph cluster_\d+ \{\n\s*.*label=(\"[^\"]*\"|\w+)", drawn.text)
    assert [c.strip('"') for c in clusters] == [c.name for c in story.chapters] + ["Endings"]


def test_edges_carry_choice_text_conditions_and_effects(fixture_story):
    text = build_map(fixture_story, "mermaid").text
    assert "hub --> hub: “Study” · add grades +1 | “Swap rooms” · set room = isaac · once" in text
    assert "hub --> finale: “Be brave” · if brave" in text
    assert "hub --> stray: fallback" in text
    assert "school --> hub: goto | next" in text
    assert "epilogue --> END_home: ending" in text
    dot = build_map(fixture_story, "dot").text
    assert 'hub -> finale [label="“Be brave” · if brave"]' in dot
    assert 'END_home [label="Ending — Home"' in dot and "shape=doubleoctagon" in dot


def test_a_goto_edge_names_the_conditions_it_sits_under(story):
    text = build_map(story, "mermaid", chapter="Epilogue").text
    assert "epilogue_decide --> epilogue_garden: goto if not prom_going" in text


def test_one_chapter_shows_its_scenes_and_the_scenes_next_to_it(story):
    drawn = build_map(story, "mermaid", chapter="Prologue")
    prologue = {s for s, scene in story.scenes.items() if scene.chapter == "Prologue"}
    assert prologue <= set(drawn.states)
    outside = set(drawn.states) - prologue
    assert outside and all(story.scenes[s].chapter != "Prologue" for s in outside)
    assert all(f"Class {s} s_elsewhere" in drawn.text for s in outside)


def test_an_unknown_chapter_is_refused_with_a_suggestion(story):
    with pytest.raises(GraphError, match="did you mean 'Paris'"):
        build_map(story, "mermaid", chapter="paris")


def test_mermaid_labels_never_hold_mermaid_syntax():
    assert mermaid_text('a <= b; "x" {y} #1: 50%') == "a ≤ b, 'x' (y) ＃1： 50％"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_the_dot_output_renders_to_svg_with_graphviz(story, tmp_path):
    source = tmp_path / "story.dot"
    source.write_text(build_map(story, "dot").text, encoding="utf-8")
    result = subprocess.run(["dot", "-Tsvg", str(source)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    svg = result.stdout
    assert svg.lstrip().startswith("<?xml") and "</svg>" in svg
    for scene_id in story.scenes:
        assert f"<title>{scene_id}</title>" in svg


def test_the_command_writes_the_map_to_a_file(tmp_path):
    target = tmp_path / "map.mmd"
    result = heartstopper("graph", "--story", str(FIXTURES / "lint" / "story"), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith('---\ntitle: "Lint fixture"\n---\nstateDiagram-v2')
    assert not [p for p in tmp_path.iterdir() if p.name != "map.mmd"]  # no temporary file left behind
    bad = heartstopper("graph", "--chapter", "Nowhere")
    assert bad.returncode == 2
    assert "there is no chapter 'Nowhere'" in bad.stderr
