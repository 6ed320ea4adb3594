"""Paths as a person reads them in the library (the index keeps absolute paths)."""

from __future__ import annotations


def display_path(path: str) -> str:
    """``path`` as a person reads it: relative to the current folder when inside it, else
    with the home folder as ``~`` (the index keeps absolute paths)."""
    import os

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        relative = path
    from briefing.core.safetext import display_path as safe

    if not relative.startswith(os.pardir):
        return safe(relative)
    home = os.path.expanduser("~")
    if home not in ("~", os.sep) and path.startswith(home + os.sep):
        return safe("~" + path[len(home) :])
    return safe(path)
