"""Edit text in the user's ``$EDITOR`` (the reader suspends itself around this)."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path


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
    handle, name = tempfile.mkstemp(prefix="briefing-note-", suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        try:
            result = subprocess.run([*command, str(path)], check=False)
        except OSError as error:
            raise EditorError(f"cannot run {command[0]!r}: {error.strerror or error}") from None
        if result.returncode != 0:
            raise EditorError(
                f"{command[0]} exited with status {result.returncode}; the note was not changed"
            )
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)
