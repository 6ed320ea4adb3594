"""A section's items kept in chunks, each built the first time one of its items is read.

A brief the library index knows is built from the content it keeps
(:mod:`briefing.core.normalized`). Its quotes are kept apart, in chunks
(:mod:`briefing.storage.index.briefs`): a reader that shows four quotes of 20,000 builds
their chunk, not 20,000 :class:`~briefing.core.models.Quote` objects (issue 15: with the
parsing of their JSON, a quarter of the big brief's instructions before its first frame).

:class:`KeptItems` is a read-only :class:`~collections.abc.Sequence`: every reader sees
the items a list would hold, in the same order, each item built once (the same object
on every read), whichever thread reads it first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, overload

T = TypeVar("T")


class KeptItems(Sequence[T]):
    """``count`` items in chunks of ``size``; ``build(n)`` gives the items of chunk ``n``.

    Args:
        count: How many items there are.
        size: How many items each chunk holds (the last may hold fewer).
        build: Builds the items of one chunk, in order; called once per chunk.
    """

    __slots__ = ("_build", "_chunks", "_count", "_left", "_lock", "_size", "_whole")

    def __init__(self, count: int, size: int, build: Callable[[int], list[T]]) -> None:
        self._count = count
        self._size = size
        self._build = build
        self._chunks: list[list[T] | None] = [None] * (-(-count // size))
        self._left = len(self._chunks)  # chunks not built yet
        self._whole: list[T] | None = [] if count == 0 else None
        """Every item, once every chunk is built: read as a list is (a speaker filter's pass
        over 20,000 quotes took ~9 ms more through the chunks)."""
        self._lock = threading.Lock()

    @property
    def built(self) -> int:
        """How many items are built so far."""
        return sum(len(chunk) for chunk in self._chunks if chunk is not None)

    def _chunk(self, number: int) -> list[T]:
        chunk = self._chunks[number]
        if chunk is None:
            # A reload's thread may read the quotes while the UI thread does: one builds.
            with self._lock:
                chunk = self._chunks[number]
                if chunk is None:
                    chunk = self._chunks[number] = self._build(number)
                    self._left -= 1
                    if not self._left:
                        self._whole = [item for part in self._chunks if part for item in part]
        return chunk

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        whole = self._whole
        if whole is not None:
            return whole[index]
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("item index out of range")
        number, offset = divmod(index, self._size)
        return self._chunk(number)[offset]

    def __iter__(self) -> Iterator[T]:
        whole = self._whole
        if whole is not None:
            return iter(whole)
        return self._iter_chunks()

    def _iter_chunks(self) -> Iterator[T]:
        for number in range(len(self._chunks)):
            yield from self._chunk(number)

    def __eq__(self, other: object) -> bool:
        # Equal to a list (or another sequence of items) holding equal items, as the
        # brief built whole compares (a dataclass compares its fields' values).
        if isinstance(other, KeptItems | list):
            return len(other) == self._count and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable in what it has built, as a list

    def __repr__(self) -> str:
        return f"KeptItems({self._count} items, {self.built} built)"


def items_list(value: Any) -> bool:
    """True when ``value`` holds a section's items: a list, or :class:`KeptItems`."""
    return isinstance(value, list | KeptItems)
