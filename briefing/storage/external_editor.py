"""Edit text in the user's ``$EDITOR`` (the reader suspends itself around this)."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from briefing.core.files import FileProblem, read_regular_file
from briefing.core.safetext import display_path

EDITED_LIMIT = 4 << 20
"""The most a note may hold when it comes back from the editor, in bytes: what a draft may hold,
so a note edited there can always be kept as a draft too."""


class EditorError(Exception):
    """The editor could not be run; the message says why in one line."""


def editor_command() -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else ``vi``, split like a shell would."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(value)
    except ValueError:
        raise EditorError(f"$EDITOR is not a valid command: {value!r}") from None


def edit_text(text: str, *, suffix: str = ".md") -> str:
    """Open ``text`` in the editor and return what the user saved (the same text if nothing changed)."""
    command = editor_command()
    # Editors and tools that append (``echo more >> file``) expect the file to end with a
    # newline; without it their first line joins the note's last one. The newline added
    # for them is taken off again on the way back.
    added = "" if text.endswith("\n") else "\n"
    handle, name = tempfile.mkstemp(prefix="briefing-note-", suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text + added)
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except OSError as error:
            raise EditorError(f"cannot run {command[0]!r}: {error.strerror or error}") from None
        if result.returncode != 0:
            raise EditorError(
                f"{command[0]} exited with status {result.returncode}; the note was not changed"
            )
        return _read_edited(path).removesuffix(added)
    finally:
        _remove(path)


_COLON_LINE = frozenset({"code", "codium", "subl", "hx", "zed"})
"""Editors that take ``FILE:LINE`` instead of ``+LINE FILE``."""


def open_at_line(path: Path, line: int) -> None:
    """Open ``path`` in the editor at ``line`` and wait for it to close (``+LINE FILE``, the
    form of vi, nano, emacs and micro; ``-g FILE:LINE`` or ``FILE:LINE`` for the others)."""
    command = editor_command()
    name = os.path.basename(command[0])
    if name in ("code", "codium"):
        arguments = ["--wait", "-g", f"{path}:{line}"]
    elif name in _COLON_LINE:
        arguments = [f"{path}:{line}"]
    else:
        arguments = [f"+{line}", str(path)]
    try:
        result = subprocess.run([*command, *arguments], check=False)
    except OSError as error:
        raise EditorError(f"cannot run {command[0]!r}: {error.strerror or error}") from None
    if result.returncode != 0:
        raise EditorError(f"{command[0]} exited with status {result.returncode}")


def _read_edited(path: Path) -> str:
    """What the editor left at ``path``: a regular file within the limit, in UTF-8.

    The editor may have put anything there (a FIFO would block, ``/dev/zero`` would
    fill memory), so it is read like any file briefing did not write.
    """
    try:
        data = read_regular_file(path, limit=EDITED_LIMIT, what="note")
    except FileProblem as error:
        raise EditorError(f"{error}; the note was not changed") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EditorError(
            f"{display_path(path)}: is not valid UTF-8 (at byte {error.start:,});"
            " the note was not changed"
        ) from None


def _remove(path: Path) -> None:
    """Remove the temporary file, or whatever the editor left in its place."""
    try:
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass  # a folder the editor filled: left in the temporary folder, never an error
