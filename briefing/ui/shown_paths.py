"""Paths as a person reads them in the library (the index keeps absolute paths).

The rule lives in :func:`briefing.core.safetext.short_path`, shared with ``briefing agenda``.
"""

from __future__ import annotations

from briefing.core.safetext import short_path

__all__ = ["short_path"]
