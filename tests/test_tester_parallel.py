"""Parallel exploration (`--jobs`), the visited set spilling to disk (`--memory-budget`) and `--stats`.

Whatever the number of partitions, in this process or in worker processes, with or without a cap, spilled or not,
the exploration must be the serial one field for field (ids, parents, edges, first violations, cut), so every
report, witness and measure built on it is the same. Random small stories check the algorithm in this process
(partitions stepped in turn: the very rounds the workers run); a few command-line runs check real processes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storybuild import FIXTURES, build
from test_call_return import BOMB, CALLS, NO_CALL_WAITING, TWO_ENDINGS
from test_tester_soundness import MANIFEST, generated_story, stories

from game.cli import main
from game.loader import load_story
from game.tester.checks import build_report
from game.tester.explore import Exploration, Explorer, explore
from game.tester.parallel import explore_partitioned, explore_with
from game.tester.partition import owner_function
from game.tester.report import TestRun as Run
from game.tester.spill import FLUSH_EVERY, VisitedSet

HUB = str(FIXTURES / "tester" / "hub")
PLANTED = str(FIXTURES / "tester" / "planted")

TABLES = [
    "keys",
    "parent",
    "via",
    "distance",
    "edge_from",
    "edge_to",
    "edge_via",
    "endings_at",
    "menu_locks",
    "expanded",
    "first_edge",
    "partial",
    "menu_scenes",
]


def same_exploration(serial: Exploration, other: Exploration) -> None:
    for name in TABLES:
        assert getattr(other, name) == getattr(serial, name), name
    first = {number: (found.state, found.when, found.count) for number, found in serial.violations.items()}
    assert {number: (found.state, found.when, found.count) for number, found in other.violations.items()} == first


def report_json(exploration: Exploration) -> dict:
    run = Run(exploration.story.title, ())
    run.explore = build_report(exploration, ranges=True, no_return=not exploration.partial)
    data = run.to_json()
    data.pop("seconds", None)
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories(), st.integers(2, 3), st.sampled_from([None, 1, 2, 5, 17, 60]))
def test_partitions_give_the_serial_exploration(scenes, partitions, cap):
    with generated_story(scenes, MANIFEST) as (story, _):
        limit = cap if cap is not None else 100_000
        serial = explore(story, max_states=limit)
        split = explore_partitioned(Explorer(story, max_states=limit), partitions, inline=True)
        same_exploration(serial, split)
        assert report_json(split) == report_json(serial)


def test_the_owner_of_a_key_does_not_depend_on_the_hash_seed():
    owner = owner_function(7)
    key = ("hub", (3, "tao", True), frozenset({("hub", 2), ("gates", 1)}), frozenset({"hub:1"}), ("gates",))
    # crc32 of the strings and hashes of small ints only: these figures hold in every process
    assert owner(key) == owner_function(7)(key)
    assert {owner_function(2)(("s", (value,), frozenset(), frozenset(), ())) for value in range(20)} == {0, 1}


def test_a_spilled_visited_set_finds_every_key_again():
    visited = VisitedSet(budget=1)
    keys = [("s", (number, "x"), frozenset({("a", number % 3)}), frozenset(), ()) for number in range(FLUSH_EVERY + 50)]
    for number, key in enumerate(keys[:100]):
        visited.insert(key, number)
    visited.spill()
    assert visited.spilled
    for number, key in enumerate(keys[100:], start=100):
        visited.insert(key, number)
    # equal keys built another way (sets in another order) are found too
    again = ("s", (5, "x"), frozenset([("a", 2)]), frozenset(), ())
    assert visited.get(again) == 5
    assert visited.get(keys[-1]) == len(keys) - 1
    assert visited.get(("s", (-1, "x"), frozenset(), frozenset(), ())) is None
    assert len(visited) == len(keys)
    visited.close()


def test_a_tiny_memory_budget_spills_and_changes_nothing():
    story = load_story(Path(HUB))
    serial = explore(story)
    spilled = explore_with(story, memory_budget=1)
    assert spilled.stats["spilled"]
    same_exploration(serial, spilled)


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["test", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("extra", [[], ["--max-states", "300"]])
def test_jobs_give_the_same_json_witnesses_and_measures(capsys, tmp_path, extra):
    outputs = []
    for jobs in ("1", "2"):
        folder = tmp_path / jobs / "witnesses"
        code, out, _ = run_cli(
            capsys, "--story", HUB, "--json", "--measures", "--witnesses", str(folder), "--jobs", jobs, *extra
        )
        data = json.loads(out)
        data.pop("seconds")
        # each run writes to its own folder, named in the messages as the working directory makes shortest
        data["witnesses"] = [line.split("witnesses/", 1)[1] for line in data["witnesses"]]
        files = {path.name: path.read_text() for path in sorted(folder.iterdir())}
        outputs.append((code, data, files))
    assert outputs[0] == outputs[1]
    assert outputs[0][2]  # witnesses were written


def test_jobs_give_the_same_summary_and_stats_say_how_it_went(capsys):
    summaries = []
    for jobs in ("1", "2"):
        code, out, err = run_cli(capsys, "--story", PLANTED, "--paths", "--jobs", jobs, "--stats")
        summaries.append((code, out.splitlines()[1:]))  # the first line says how long it took
        assert f"with {jobs} job" in err and "bytes a state" in err
    assert summaries[0] == summaries[1]
    code, out, _ = run_cli(capsys, "--story", PLANTED, "--json", "--stats", "--jobs", "auto")
    stats = json.loads(out)["exploration_stats"]
    assert stats["states"] == json.loads(out)["states"] and stats["jobs"] >= 1
    assert stats["bytes_per_state"] == round(stats["memory_bytes"] / stats["states"])


@pytest.mark.parametrize(
    ("args", "wording"),
    [
        (["--jobs", "-1"], "0 (auto) or more"),
        (["--jobs", "two"], "not a whole number"),
        (["--memory-budget", "lots"], "not a size"),
        (["--memory-budget", "0"], "more than 0"),
    ],
)
def test_bad_jobs_and_budgets_are_usage_errors(capsys, args, wording):
    with pytest.raises(SystemExit) as raised:
        run_cli(capsys, "--story", HUB, *args)
    assert raised.value.code == 2
    assert wording in capsys.readouterr().err


def test_jobs_need_the_full_exploration(capsys):
    code, _, err = run_cli(capsys, "--story", HUB, "--random", "3", "--jobs", "2")
    assert code == 2 and "cannot go with --random" in err


def test_spawned_workers_with_their_own_hash_seeds_agree(monkeypatch):
    """Where processes cannot be forked, workers load the story themselves, each with its own string hash seed:
    the owner of a state must not depend on it."""
    from game.tester import parallel

    monkeypatch.setattr(parallel.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    story = load_story(Path(HUB))
    same_exploration(explore(story, max_states=300), explore_partitioned(Explorer(story, max_states=300), 2))


@pytest.mark.parametrize("which", ["calls", "bomb", "no call waiting"])
def test_calls_returns_and_their_dead_ends_are_explored_alike(tmp_path, which):
    scenes, manifest = {
        "calls": (CALLS, TWO_ENDINGS),
        "bomb": (BOMB, None),
        "no call waiting": (NO_CALL_WAITING, None),
    }[which]
    story = build(tmp_path, scenes, **({"manifest": manifest} if manifest else {}))
    for cap in (3, 100_000):
        serial = explore(story, max_states=cap)
        for partitions in (2, 3):
            split = explore_partitioned(Explorer(story, max_states=cap), partitions, inline=True)
            same_exploration(serial, split)
            assert report_json(split) == report_json(serial)


def test_ownership_slots_follow_the_weights_and_refuse_nonsense():
    from game.tester.partition import SHARES, shares

    table = shares(2, [0.45, 0.55])
    assert len(table) == SHARES
    assert table.count(0) == round(0.45 * SHARES) and set(table) == {0, 1}
    assert shares(3) == bytes(sorted(shares(3)))  # each partition's slots in one run
    assert {shares(3).count(index) for index in range(3)} <= {341, 342}
    for count, weights in [(2, [1.0]), (2, [-1.0, 2.0]), (2, [0.0, 0.0])]:
        with pytest.raises(ValueError):
            shares(count, weights)


def test_weighted_partitions_ordered_a_slice_at_a_time_give_the_serial_exploration(monkeypatch):
    """The coordinator's own way: a smaller partition 0 whose keys stay as they are, states ordered in small
    slices between the rounds; on the shipped story, cut by a cap within a level."""
    from game.tester import parallel
    from game.tester.replay import Replay

    story = load_story(Path(__file__).resolve().parents[1] / "story")
    serial = explore(story, max_states=30_000)
    explorer = Explorer(story, max_states=30_000)
    weights = parallel.coordinator_weights(2)
    assert weights[0] < weights[1]
    pool = parallel.Inline(explorer, 2, None)
    pool.partitions = [
        parallel.Partition(explorer, index, 2, shared_hash=True, weights=weights, encode_keys=index != 0)
        for index in range(2)
    ]
    pool.start_owner = pool.partitions[0].start_owner
    replay = Replay(explorer, 2, pool.start_owner)
    stopped = []
    advance = replay.advance

    def counted(most: int | None = None) -> bool:
        stopped.append(advance(most))
        return stopped[-1]

    monkeypatch.setattr(replay, "advance", counted)
    monkeypatch.setattr(parallel, "ORDER_SLICE", 50)
    parts = parallel.coordinate(pool, explorer.max_states, None, replay)
    assert True in stopped and len(replay.keys) > 0  # slices ordered states during the rounds, and stopped
    for part in parts:
        replay.add(part.tables)
    same_exploration(serial, replay.finish())
