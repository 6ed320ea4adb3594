"""Paths as a person reads them in the library (the index keeps absolute paths)."""

from __future__ import annotations

import os

from briefing.core.safetext import display_path


def short_path(path: str) -> str:
    """``path`` as a person reads it: relative to the current folder when inside it, else
    with the home folder as ``~``; escaped to one safe line by :func:`display_path`."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        relative = path
    if not relative.startswith(os.pardir):
        return display_path(relative)
    home = os.path.expanduser("~")
    if home not in ("~", os.sep) and path.startswith(home + os.sep):
        return display_path("~" + path[len(home) :])
    return display_path(path)
