"""Telling Python's cycle collector that the large structures a tool has just built will live to the end of the run.

The collector's full passes look at every object that exists; a tool that loads a large story (millions of objects)
and then makes many small ones of its own (the linter, the statistics) sets off pass after pass over that whole,
unchanging heap, so its time grows with the square of the story. Objects made so far are moved out of the
collector's sight with `gc.freeze()`; they are still freed as usual when nothing refers to them (the story model has
no reference cycles), and objects made later are collected as before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def freeze() -> None:
    """Leave every object that exists now out of later collections."""
    gc.collect(0)  # what is already garbage among the young is not kept for ever
    gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """No collection while a large structure without cycles is built (a parse of a story file)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
