"""States' keys sent between processes as five columns of small numbers, each part of a key sent once.

A parallel exploration sends every key a partition keeps to the coordinator (`game.tester.partition.Tables`).
Pickled one by one they cost the coordinator more to unpickle than to order the states: a key is a tuple of a
scene, a tuple of values, two frozensets and a tuple, and pickle builds each of them anew. But keys share their
parts (on the shipped story 208,000 keys have 201 scenes, 7,290 value tuples and 37 visit-count sets among them),
so `KeyEncoder` numbers each part the first time it sees it and sends the keys as five arrays of those numbers,
with only the parts not sent before; `KeyDecoder` rebuilds the tuples, sharing their parts, in a few passes of C.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from game.tester.explore import Key

PARTS = 5  # scene, variable values, visit counts, once-choices taken, call stack


class _Numbering(dict):
    """part -> its number, numbering a part the first time it is looked up."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[object] = []

    def __missing__(self, part: object) -> int:
        number = self[part] = len(self.order)
        self.order.append(part)
        return number


@dataclass
class KeyColumns:
    """Keys as numbers: per part, one array with a number per key, and the parts numbered since the last batch."""

    columns: tuple[array, ...]
    new_parts: tuple[list[object], ...]

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0


class KeyEncoder:
    """One sender's numbering; `encode` batches in order, to one `KeyDecoder`."""

    def __init__(self) -> None:
        self.numberings = [_Numbering() for _ in range(PARTS)]
        self.sent = [0] * PARTS

    def encode(self, keys: list[Key]) -> KeyColumns:
        if keys:
            columns = tuple(
                array("l", map(numbering.__getitem__, column))
                for numbering, column in zip(self.numberings, zip(*keys, strict=True), strict=True)
            )
        else:
            columns = tuple(array("l") for _ in range(PARTS))
        new_parts = []
        for position, numbering in enumerate(self.numberings):
            new_parts.append(numbering.order[self.sent[position] :])
            self.sent[position] = len(numbering.order)
        return KeyColumns(columns, tuple(new_parts))


class KeyDecoder:
    """The receiving end of one `KeyEncoder`."""

    def __init__(self) -> None:
        self.parts: list[list[object]] = [[] for _ in range(PARTS)]

    def decode(self, batch: KeyColumns) -> list[Key]:
        for parts, new in zip(self.parts, batch.new_parts, strict=True):
            parts.extend(new)
        if not len(batch):
            return []
        return list(
            zip(*(map(parts.__getitem__, column) for parts, column in zip(self.parts, batch.columns, strict=True)))
        )
