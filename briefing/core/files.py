"""Finding brief files under the library's files and folders.

Kept apart from :mod:`briefing.core.loading`, which imports pydantic and the
models: listing a library from its index must not pay for them (they took half
a second, in a thread holding the interpreter, on a warm start).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

BRIEF_SUFFIXES = (".toml", ".json")
"""The file names a library lists."""

__all__ = ["BRIEF_SUFFIXES", "find_briefs"]


def find_briefs(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield brief files: each file as given, and every ``.toml``/``.json`` under each folder.

    Folders are walked in sorted order, skipping hidden entries; a path that
    does not exist is yielded as is, so the caller reports it. A file named twice
    (``validate lib lib/x.toml``, or folders that overlap) is yielded once.
    """
    seen: set[str] = set()
    for entry in paths:
        for file in _files_of(Path(entry)):
            key = os.path.abspath(file)
            if key not in seen:
                seen.add(key)
                yield file


def _files_of(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(BRIEF_SUFFIXES):
                yield Path(root) / name
