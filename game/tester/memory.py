"""How much memory an exploration takes, measured on the process itself (resident set size, no tracing).

Tracing every allocation (`tracemalloc`) would slow an exploration several times over; the resident set size costs
a file read. `Memory` samples it now and then while a partition explores, keeps the highest figure, and tells its
visited set to spill to disk when it grows past its share of `--memory-budget`; `growth()` is what the process
grew by, the figure behind the reports' bytes per state.
"""

from __future__ import annotations

import os
import resource
import sys
from typing import Protocol

SAMPLE_EVERY = 4096  # states played between two samples


def current_rss() -> int:
    """This process's resident set size in bytes (its peak where the current figure cannot be read)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return peak_rss()


def peak_rss() -> int:
    """The highest resident set size this process reached, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


class Spillable(Protocol):
    budget: int | None
    spilled: bool

    def spill(self) -> None: ...


class Memory:
    """The growth of this process from now on, sampled every SAMPLE_EVERY ticks."""

    def __init__(self) -> None:
        self.baseline = current_rss()
        self.highest = self.baseline
        self.ticks = 0

    def tick(self, visited: Spillable) -> None:
        self.ticks += 1
        if not self.ticks % SAMPLE_EVERY:
            self.sample(visited)

    def sample(self, visited: Spillable) -> None:
        """Read the process's size now; spill the visited set if it outgrew its budget."""
        now = current_rss()
        self.highest = max(self.highest, now)
        if visited.budget is not None and not visited.spilled and now - self.baseline > visited.budget:
            visited.spill()

    def growth(self) -> int:
        self.highest = max(self.highest, current_rss())
        return max(0, self.highest - self.baseline)
