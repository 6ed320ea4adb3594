"""One item of a brief as a line of text to paste elsewhere (the reader's ``c`` key).

A quote reads ``"text" — Speaker, Role (Brief title, 2025-10-26)``, so it can
be pasted into a report with its attribution; a deadline carries its due time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core import sections

if TYPE_CHECKING:
    from briefing.core.models import Brief


def item_text(brief: Brief, section: str, item_id: str, *, clock: str = "24h") -> str | None:
    """The item ``item_id`` of ``section`` as text to copy, or None when there is no such item."""
    found = sections.by_key(section)
    item = found.find(brief, item_id) if found is not None else None
    if found is None or item is None:
        return None
    return found.copy(brief, item, clock)
