"""Finding brief files under the library's folders, and reading any file briefing did not write.

:func:`read_regular_file` is the one way to read a file someone else made (a
brief, an article, a config or theme file, an export to import): only a regular
file, never more than a limit, and a one-line :class:`FileProblem` for anything
else, so a FIFO cannot hang the reader and ``/dev/zero`` cannot fill memory.

Kept apart from :mod:`briefing.core.loading`, which imports pydantic and the
models: listing a library from its index must not pay for them (they took half
a second, in a thread holding the interpreter, on a warm start).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing.core.safetext import display_path

BRIEF_SUFFIXES = (".toml", ".json")
"""The file names a library lists."""
MAX_BRIEF_BYTES = 5 * 1024 * 1024
"""The largest brief file read: 5 MB (here, so a brief is read without the validating code)."""

__all__ = [
    "BRIEF_SUFFIXES",
    "MAX_BRIEF_BYTES",
    "FileMissing",
    "FileProblem",
    "FileTooBig",
    "NoBriefsFound",
    "find_briefs",
    "read_regular_file",
]

# O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for
# one; O_NOCTTY: opening a terminal never makes it ours. Neither changes how a
# regular file reads.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class FileProblem(Exception):
    """A file could not be read; ``str()`` is one line naming the path and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        """The file that could not be read."""
        self.reason = reason
        """What is wrong, without the path: ``is a named pipe (FIFO), not a regular file``."""
        super().__init__(f"{display_path(self.path)}: {reason}")


class FileMissing(FileProblem):
    """The file does not exist (callers with a default, like the config, treat this as no file)."""


class FileTooBig(FileProblem):
    """The file is larger than the limit given to :func:`read_regular_file`."""

    def __init__(self, path: str | os.PathLike[str], size: int, limit: int) -> None:
        self.size = size
        """The size found, in bytes (at least ``limit + 1`` when the file grew while read)."""
        self.limit = limit
        """The limit, in bytes."""
        super().__init__(path, f"is {size:,} bytes; the limit is {format_size(limit)}")


def format_size(size: int) -> str:
    """Return a limit as people write it: ``512 bytes``, ``64 KB``, ``5 MB``."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale and size % scale == 0:
            return f"{size // scale:,} {unit}"
    return f"{size:,} bytes"


def _not_regular(mode: int, what: str) -> str | None:
    """Why a file of ``mode`` is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"is a folder, not a{'n' if what[0] in 'aeiou' else ''} {what}"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _cannot(path: str | os.PathLike[str], error: OSError) -> FileProblem:
    if isinstance(error, FileNotFoundError):
        return FileMissing(path, "no such file or folder")
    return FileProblem(path, f"cannot be read ({error.strerror or error})")


def read_regular_file(path: str | os.PathLike[str], *, limit: int, what: str = "file") -> bytes:
    """Return the bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raise :class:`FileProblem` otherwise: missing (:class:`FileMissing`), a
    folder (``is a folder, not a {what}``), a FIFO, device or socket (never
    opened for reading, so nothing blocks), over the limit (:class:`FileTooBig`,
    also when it grows while read), or unreadable. A symlink to a regular file
    is read. The opened descriptor is checked, not the path, so a file swapped
    for a FIFO between the check and the open is still refused.
    """
    try:
        # A cheap look first, so a device is refused without even being opened.
        reason = _not_regular(os.stat(path).st_mode, what)
        if reason:
            raise FileProblem(path, reason)
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _cannot(path, error) from None
    try:
        info = os.fstat(descriptor)
        reason = _not_regular(info.st_mode, what)
        if reason:
            raise FileProblem(path, reason)
        if info.st_size > limit:
            raise FileTooBig(path, info.st_size, limit)
        data = _read_up_to(descriptor, limit + 1)
    except OSError as error:
        raise _cannot(path, error) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # the file grew after fstat
        raise FileTooBig(path, len(data), limit)
    return data


def _read_up_to(descriptor: int, count: int) -> bytes:
    chunks = []
    while count > 0:
        chunk = os.read(descriptor, min(count, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


class NoBriefsFound(FileProblem):
    """A folder given by name holds no brief file (a library may still be empty on purpose)."""


def find_briefs(
    paths: Iterable[str | os.PathLike[str]], problems: list[FileProblem] | None = None
) -> Iterator[Path]:
    """Yield brief files: each file as given, and every ``.toml``/``.json`` under each folder.

    Folders are walked in sorted order, skipping hidden entries; a path that
    does not exist (or cannot be looked at) is yielded as is, so the caller
    reports it. A file named twice (``validate lib lib/x.toml``, or folders that
    overlap) is yielded once, and a folder reached twice (through a symbolic
    link, even one that loops) is walked once. The walk keeps its own stack, so
    any depth is safe; folders more than :data:`MAX_FOLDER_DEPTH` levels below
    a given one are not searched. Each folder that cannot be listed, each
    depth cut and each given folder with no brief is added to ``problems``
    (when given) as a :class:`FileProblem` naming the folder.
    """
    seen: set[str] = set()
    walked: set[tuple[int, int]] = set()
    found: list[FileProblem] = [] if problems is None else problems
    for entry in paths:
        count = 0
        for file in _files_of(Path(entry), walked, found):
            key = os.path.abspath(file)
            count += 1
            if key not in seen:
                seen.add(key)
                yield file
        if count == 0 and _is_folder(Path(entry)):
            found.append(NoBriefsFound(entry, "no briefs found (briefs are .toml or .json files)"))


MAX_FOLDER_DEPTH = 100
"""How many levels of folders below a given one are searched for briefs."""


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _files_of(
    root: Path, walked: set[tuple[int, int]], problems: list[FileProblem]
) -> Iterator[Path]:
    if not _is_folder(root):
        yield root
        return
    # Depth first, each folder's files before its subfolders, as os.walk gives them;
    # children are pushed in reverse so the first name is walked first.
    stack = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in walked:
                continue
            walked.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            problems.append(FileProblem(folder, f"cannot be opened ({error.strerror or error})"))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _entry_is_folder(entry):
                subfolders.append(Path(entry.path))
            elif entry.name.lower().endswith(BRIEF_SUFFIXES):
                yield Path(entry.path)
        if subfolders and depth >= MAX_FOLDER_DEPTH:
            problems.append(
                FileProblem(
                    folder,
                    f"folders nested more than {MAX_FOLDER_DEPTH} levels deep are not searched",
                )
            )
            continue
        stack.extend((sub, depth + 1) for sub in reversed(subfolders))


def _entry_is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a symbolic link: a linked folder is searched too
    except OSError:
        return False
