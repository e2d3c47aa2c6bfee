"""Property tests and fuzzing of everything that reads what users and authors write.

No input may produce anything but a clear error or a correct result, and nothing may hang:
- the YAML reader (`read_yaml`) and the loader take random bytes, random YAML-ish text and mutated copies of the real
  scene files; they return values with a position for every key and item, or problems with a file, line and column
  (the loader: a `StoryError`); a story that loads can be played;
- the playthrough file reader takes mutated real playthrough files and random YAML-ish ones; what it accepts, runs;
- the save reader takes random JSON-like values, mutated real saves and damaged save files; it raises `SaveError`
  with a reason and a message, or resumes a playthrough that plays on with every variable in range, and a save
  that was not touched resumes exactly where it was.

The expression parser has its own properties in test_expressions.py (random text, random typed trees); these tests
reach it through conditions written in stories, playthrough files and invariants.

The default run is quick (a few seconds). `HEARTSTOPPER_FUZZ=long` runs many times more examples; bench/fuzz.py
fuzzes the same readers with atheris (coverage-guided) for as long as it is given.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game.events import Line
from game.loader import load_story
from game.model import Story
from game.paths import default_story_dir
from game.playthrough import Playthrough
from game.problems import Problem, StoryError
from game.save import SaveError, read_json_file
from game.scripts import load_playthrough_file, run_script
from game.yaml_source import Pos, YList, YMap, read_yaml

LONG = os.environ.get("HEARTSTOPPER_FUZZ", "") == "long"
SCALE = 40 if LONG else 1
STORY = default_story_dir()
FIXTURES = Path(__file__).parent / "fixtures"
SCENE_FILES = sorted((STORY / "scenes").glob("*.yaml"))
PLAYTHROUGH_FILES = sorted((STORY / "playthroughs").glob("*.yaml"))
MAX_SECONDS = 10.0  # no single input may take longer than this (the real ones take milliseconds)
EVENTS_PER_PLAY = 3000


def fuzz(examples: int):
    return settings(
        max_examples=examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# -- building blocks -----------------------------------------------------------------------------------------------

YAML_TOKENS = [
    "\n",
    "\n",
    "\n  ",
    "\n    ",
    "  ",
    " ",
    "- ",
    ": ",
    ":",
    "-",
    "?",
    "? ",
    ",",
    "[",
    "]",
    "{",
    "}",
    "#",
    "# c\n",
    "&a ",
    "*a",
    "!!str ",
    "!!python/object:os.system ",
    "!x ",
    "|",
    "|-\n  ",
    ">\n  ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    '"',
    "'",
    '"text"',
    "'text'",
    '"a\\u00e9\\n"',
    '"\\q"',
    "\\",
    "key",
    "title",
    "chapter",
    "lines",
    "narrate",
    "choices",
    "goto",
    "next",
    "ending",
    "if",
    "then",
    "else",
    "text",
    "a",
    "b_2",
    "Ünïcødé",
    "1",
    "-7",
    "1.5",
    "99999999999999999999",
    "0x1F",
    "true",
    "False",
    "yes",
    "null",
    "~",
    "\t",
    "\r\n",
    "\x85",
    "\ufeff",
    "\x7f",
]

yaml_ish = st.lists(st.sampled_from(YAML_TOKENS), max_size=60).map("".join)


def mutate(text: str, edits: list[tuple[float, int, str, int]]) -> str:
    """Apply edits (where as a fraction, kind, token, length) to text: insert, delete, duplicate or swap lines."""
    for where, kind, token, length in edits:
        at = int(where * len(text))
        if kind == 0:
            text = text[:at] + token + text[at:]
        elif kind == 1:
            text = text[:at] + text[at + length :]
        elif kind == 2:
            text = text[:at] + text[at : at + length] + text[at:]
        else:
            lines = text.split("\n")
            i = min(int(where * len(lines)), len(lines) - 1)
            j = (i + length) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


edits = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(YAML_TOKENS), st.integers(1, 80)),
    min_size=1,
    max_size=6,
)


LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


def check_value(value: object, depth: int = 0) -> None:
    """A read value holds only plain data, and every key and item has a position."""
    assert depth <= 60
    if isinstance(value, YMap):
        assert isinstance(value.pos, Pos) and value.pos.line >= 1 and value.pos.column >= 1
        assert set(value.key_pos) == set(value) == set(value.value_pos)
        for key, item in value.items():
            assert isinstance(key, str)
            check_value(item, depth + 1)
    elif isinstance(value, YList):
        assert isinstance(value.pos, Pos) and len(value.item_pos) == len(value)
        for item in value:
            check_value(item, depth + 1)
    else:
        assert value is None or isinstance(value, (str, int, float, bool)), type(value)


def check_problems(problems: list[Problem], texts: dict[str, str]) -> None:
    """Every problem names a file it read, a line and column inside (or just past) it, and what is wrong."""
    assert problems
    for problem in problems:
        assert problem.file in texts, (problem.file, sorted(texts))
        lines = len(LINE_BREAKS.findall(texts[problem.file])) + 1  # YAML also breaks lines at \r, NEL, LS, PS
        assert 1 <= problem.line <= lines + 1, str(problem)
        assert problem.column >= 1, str(problem)
        assert problem.message.strip(), str(problem)
        assert "Traceback" not in str(problem)


def timed(action):
    start = time.perf_counter()
    result = action()
    assert time.perf_counter() - start < MAX_SECONDS, "took too long"
    return result


def play(story: Story, rng: random.Random, events: int = EVENTS_PER_PLAY) -> Playthrough:
    """Play with random choices until the end, a menu with nothing to take, or `events` events; must not raise."""
    pt = Playthrough(story)
    for _ in range(events):
        if pt.can_continue:
            pt.continue_()
            continue
        menu = pt.current_choices
        if menu is None:
            break
        available = [option.index for option in menu.options if option.available]
        if not available:
            break
        pt.choose(rng.choice(available))
    return pt


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story(STORY)


# -- the YAML reader -------------------------------------------------------------------------------------------------


def read_bytes(work: Path, data: bytes):
    path = work / "input.yaml"
    path.write_bytes(data)
    source = timed(lambda: read_yaml(path, "input.yaml"))
    text = data.decode("utf-8", errors="replace")
    if source.problems:
        check_problems(source.problems, {"input.yaml": text})
    check_value(source.value)
    return source


@fuzz(150)
@given(data=st.binary(max_size=400))
def test_random_bytes_give_values_or_positioned_problems(work, data):
    read_bytes(work, data)


@fuzz(300)
@given(text=yaml_ish)
def test_random_yaml_ish_text_gives_values_or_positioned_problems(work, text):
    read_bytes(work, text.encode("utf-8"))


@fuzz(60)
@given(index=st.integers(0, len(SCENE_FILES) - 1), changes=edits)
def test_mutated_scene_files_give_values_or_positioned_problems(work, index, changes):
    text = mutate(SCENE_FILES[index].read_text(encoding="utf-8"), changes)
    read_bytes(work, text.encode("utf-8"))


def test_reading_is_the_same_every_time(work):
    """The reader keeps no state between files: a bad file does not change how the next good one reads."""
    good = SCENE_FILES[0].read_bytes()
    first = read_bytes(work, good)
    read_bytes(work, b"a: &x [*x]\n\t- \x00")
    read_bytes(work, b"a: [" * 100)
    again = read_bytes(work, good)
    assert first.value == again.value and not first.problems and not again.problems


# -- the loader ------------------------------------------------------------------------------------------------------


def load_story_copy(work: Path, base: Path, replace: dict[str, bytes]) -> Story | None:
    """Copy a story (without its playthroughs), overwrite some files, load it: a Story or positioned problems."""
    root = work / "loader"
    shutil.rmtree(root, ignore_errors=True)
    story_dir = root / "story"
    shutil.copytree(base, story_dir, ignore=shutil.ignore_patterns("playthroughs"))
    for name, data in replace.items():
        (story_dir / name).write_bytes(data)
    try:
        loaded = timed(lambda: load_story(story_dir))
    except StoryError as error:
        texts = {
            f"story/{path.relative_to(story_dir).as_posix()}": path.read_bytes().decode("utf-8", errors="replace")
            for path in story_dir.rglob("*.yaml")
        }
        check_problems(error.problems, texts)
        assert error.report().count("\n") >= len(error.problems) - 1
        return None
    for scene in loaded.scenes.values():
        assert scene.next is None or scene.next in loaded.scenes
        assert all(choice.goto in loaded.scenes for choice in scene.choices)
    return loaded


@fuzz(12)
@given(index=st.integers(0, len(SCENE_FILES) - 1), changes=edits, seed=st.integers(0, 2**16))
def test_mutated_scene_files_load_or_fail_with_positioned_problems(work, index, changes, seed):
    path = SCENE_FILES[index]
    text = mutate(path.read_text(encoding="utf-8"), changes)
    loaded = load_story_copy(work, STORY, {f"scenes/{path.name}": text.encode("utf-8")})
    if loaded is not None:
        play(loaded, random.Random(seed), events=800)  # whatever loads, plays


@fuzz(40)
@given(
    which=st.sampled_from(["story.yaml", "scenes/home.yaml", "scenes/end.yaml"]),
    data=st.one_of(yaml_ish.map(str.encode), st.binary(max_size=200)),
)
def test_random_files_in_a_story_fail_with_positioned_problems(work, which, data):
    load_story_copy(work, FIXTURES / "mini", {which: data})


@fuzz(40)
@given(which=st.sampled_from(["story.yaml", "scenes/home.yaml"]), changes=edits, seed=st.integers(0, 2**16))
def test_mutated_small_stories_load_and_play_or_fail_with_positioned_problems(work, which, changes, seed):
    text = mutate((FIXTURES / "mini" / which).read_text(encoding="utf-8"), changes)
    loaded = load_story_copy(work, FIXTURES / "mini", {which: text.encode("utf-8")})
    if loaded is not None:
        play(loaded, random.Random(seed))


# -- playthrough files -----------------------------------------------------------------------------------------------


def read_playthrough(work: Path, story: Story, data: bytes):
    path = work / "run.yaml"
    path.write_bytes(data)
    try:
        script = timed(lambda: load_playthrough_file(path, story))
    except StoryError as error:
        display = error.problems[0].file
        check_problems(error.problems, {display: data.decode("utf-8", errors="replace")})
        return None
    result = timed(lambda: run_script(script, story))
    assert result.passed or result.failure is not None
    if result.failure is not None:
        assert result.failure.report(script).strip()
    return result


@fuzz(40)
@given(index=st.integers(0, len(PLAYTHROUGH_FILES) - 1), changes=edits)
def test_mutated_playthrough_files_run_or_fail_with_positioned_problems(work, story, index, changes):
    text = mutate(PLAYTHROUGH_FILES[index].read_text(encoding="utf-8"), changes)
    read_playthrough(work, story, text.encode("utf-8"))


STEP_VALUES = st.one_of(
    st.text(max_size=20),
    st.integers(-3, 30),
    st.booleans(),
    st.none(),
    st.just("grades >= 2"),
    st.just("__import__('os')"),
)
steps = st.lists(
    st.dictionaries(
        st.sampled_from(["choose", "expect_scene", "expect_line", "expect", "expect_choices", "chose"]),
        st.one_of(STEP_VALUES, st.lists(STEP_VALUES, max_size=3)),
        min_size=1,
        max_size=2,
    ),
    max_size=8,
)


@fuzz(60)
@given(
    name=st.one_of(st.text(max_size=10), st.integers()),
    run_steps=steps,
    end=st.one_of(st.none(), st.sampled_from(["all_of_us", "garden_prom", "nope", "3"])),
    given_values=st.dictionaries(
        st.sampled_from(["grades", "trust", "bet", "grounded", "nope"]), STEP_VALUES, max_size=2
    ),
)
def test_random_playthrough_files_run_or_fail_with_positioned_problems(work, story, name, run_steps, end, given_values):
    spec: dict[str, object] = {"name": name, "steps": run_steps, "given": given_values}
    if end is not None:
        spec["end"] = end
    read_playthrough(work, story, json.dumps(spec).encode("utf-8"))  # JSON is YAML's flow style


@fuzz(100)
@given(text=yaml_ish)
def test_random_yaml_ish_playthrough_files_fail_with_positioned_problems(work, story, text):
    read_playthrough(work, story, text.encode("utf-8"))


# -- saves -----------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def saves(story) -> list[dict]:
    """Real saves of the shipped story, taken at random moments of random playthroughs (JSON round-tripped)."""
    rng = random.Random(8)
    taken = []
    for _ in range(6):
        pt = Playthrough(story)
        for _ in range(600):
            if rng.random() < 0.05:
                taken.append(json.loads(json.dumps(pt.save())))
            if pt.can_continue:
                pt.continue_()
            elif pt.current_choices is not None:
                pt.choose(rng.choice([o.index for o in pt.current_choices.options if o.available]))
            else:
                break
        taken.append(json.loads(json.dumps(pt.save())))
    return taken


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def resume(story: Story, data: object) -> Playthrough | None:
    """Resume, then play on; a refused save must say why, an accepted one must play with variables in range."""
    try:
        pt = timed(lambda: Playthrough.from_save(story, data))
    except SaveError as error:
        assert error.reason in ("damaged", "unknown_scene", "wrong_story")
        assert str(error).strip()
        return None
    for name, value in pt.variables.items():
        assert story.variables[name].accepts(value), (name, value)
    assert pt.scene in story.scenes
    assert all(isinstance(count, int) and count >= 0 for count in pt.visits.values())
    again = Playthrough.from_save(story, json.loads(json.dumps(pt.save())))  # what it saves, it can resume
    assert again.scene == pt.scene and again.variables == pt.variables
    rng = random.Random(0)
    for _ in range(400):
        if pt.can_continue:
            pt.continue_()
        elif pt.current_choices is not None and any(o.available for o in pt.current_choices.options):
            pt.choose(rng.choice([o.index for o in pt.current_choices.options if o.available]))
        else:
            break
        for name, value in pt.variables.items():
            assert story.variables[name].accepts(value), (name, value)
    return pt


@fuzz(150)
@given(data=json_values)
def test_random_json_values_are_refused_as_saves(story, data):
    resume(story, data)


SAVE_KEYS = [
    "format",
    "format_version",
    "story",
    "story_version",
    "scene",
    "scene_title",
    "chapter",
    "position",
    "announce",
    "beat",
    "variables",
    "visits",
    "once",
    "seen",
    "stage",
    "ended",
    "waiting_menu",
]


@st.composite
def edited_saves(draw, saves: list[dict]) -> dict:
    data = json.loads(json.dumps(draw(st.sampled_from(saves))))
    for _ in range(draw(st.integers(1, 3))):
        key = draw(st.sampled_from(SAVE_KEYS))
        action = draw(st.integers(0, 4))
        if action == 0:
            data.pop(key, None)
        elif action == 1:
            data[key] = draw(json_values)
        elif action == 2 and isinstance(data.get(key), dict) and data[key]:
            inner = draw(st.sampled_from(sorted(data[key])))
            data[key][inner] = draw(json_values | st.integers(-5, 12) | st.sampled_from(["tao", "on", "none"]))
        elif action == 3 and isinstance(data.get(key), int) and not isinstance(data.get(key), bool):
            data[key] += draw(st.integers(-3, 50))
        else:
            data[key] = draw(st.sampled_from([None, "", "gone", -1, 10**9, [], {}, True, "prologue_morning_texts"]))
    return data


@fuzz(150)
@given(data=st.data())
def test_edited_real_saves_are_refused_or_resume_and_play(story, saves, data):
    resume(story, data.draw(edited_saves(saves)))


@fuzz(40)
@given(index=st.integers(0, 10_000), events=st.integers(1, 40))
def test_a_save_that_was_not_touched_resumes_exactly(story, saves, index, events):
    data = saves[index % len(saves)]
    original = Playthrough.from_save(story, json.loads(json.dumps(data)))
    resumed = Playthrough.from_save(story, json.loads(json.dumps(data)))
    assume(original.can_continue)
    for _ in range(events):
        if not original.can_continue:
            break
        assert original.continue_() == resumed.continue_()
    assert original.save() == resumed.save()


@fuzz(80)
@given(data=st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_damaged_save_files_are_refused(work, story, data):
    path = work / "slot.json"
    path.write_bytes(data)
    try:
        value = read_json_file(path)
    except SaveError as error:
        assert error.reason == "damaged" and "cannot be read" in str(error)
        return
    resume(story, value)


@fuzz(60)
@given(index=st.integers(0, 10_000), changes=edits)
def test_mutated_save_files_are_refused_or_resume(work, story, saves, index, changes):
    text = mutate(json.dumps(saves[index % len(saves)], indent=1), changes)
    path = work / "slot.json"
    path.write_text(text, encoding="utf-8")
    try:
        value = read_json_file(path)
    except SaveError as error:
        assert error.reason == "damaged"
        return
    resume(story, value)


def test_resumed_lines_are_the_lines_of_the_story(story, saves):
    """A resumed playthrough shows lines the story has (a hand edit cannot make it show anything else)."""
    texts = set()
    for program in story.programs.values():
        texts.update(step[1].text for step in program.steps if isinstance(step[1], Line))
    for data in saves:
        pt = Playthrough.from_save(story, data)
        for _ in range(50):
            if not pt.can_continue:
                break
            event = pt.continue_()
            if isinstance(event, Line):
                assert event.text in texts
