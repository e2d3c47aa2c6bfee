"""`heartstopper test --cluster local`: the partitioned exploration as Dask actors, on this machine.

Skipped when the optional extra (`pip install 'heartstopper-season-two[distributed]'`) is not installed; where it
is, a LocalCluster of two worker processes must give the serial run's JSON exactly, capped and complete.
"""

from __future__ import annotations

import json

import pytest
from storybuild import FIXTURES

from game.cli import main

pytest.importorskip("distributed")

HUB = str(FIXTURES / "tester" / "hub")


def json_of(capsys, *args: str) -> tuple[int, dict]:
    code = main(["test", "--story", HUB, "--json", *args])
    data = json.loads(capsys.readouterr().out)
    data.pop("seconds")
    return code, data


def test_a_local_cluster_gives_the_serial_results(capsys):
    serial = json_of(capsys, "--max-states", "300", "--measures")
    clustered = json_of(capsys, "--max-states", "300", "--measures", "--cluster", "local", "--jobs", "2")
    assert clustered == serial
    assert serial[1]["partial"] is True


def test_an_unreachable_scheduler_is_a_usage_error(capsys, monkeypatch):
    from game.tester import cluster

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    code = main(["test", "--story", HUB, "--cluster", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot reach a Dask scheduler" in capsys.readouterr().err
