"""``o``: the brief's own file in ``$EDITOR``, at the line of the item under the cursor.

The reader steps aside while the editor runs; its live reload takes in what was saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.locate import item_line
from briefing.storage.external_editor import EditorError, open_at_line

if TYPE_CHECKING:
    from briefing.ui.screens.brief import BriefScreen


def item_path(screen: BriefScreen) -> tuple[str | int, ...]:
    """Where the item under the cursor sits in the brief's data (``("quotes", 1)``)."""
    found = screen.focused_item()
    if found is None:
        return (screen.current,)
    section, item_id = found
    items = getattr(screen.brief, section, None)
    if not item_id or not isinstance(items, list):
        return (section,)
    for index, item in enumerate(items):
        if getattr(item, "id", None) == item_id:
            return (section, index)
    return (section,)


def open_brief_in_editor(screen: BriefScreen) -> None:
    """Open the brief's file at the focused item's line (the first line when not found)."""
    # deferred: core.loading brings pydantic, which the reader's start does without
    from briefing.core.errors import BriefError
    from briefing.core.loading import read_limited

    path = screen.entry.path
    try:
        text = read_limited(path).decode("utf-8", errors="replace")
    except BriefError as error:
        screen.notify(error.summary(), severity="error", markup=False)
        return
    line = item_line(text, path.suffix.lower() == ".json", item_path(screen)) or 1
    try:
        with screen.app.suspend():
            open_at_line(path, line)
    except EditorError as error:
        screen.notify(str(error), severity="error", markup=False)
    except Exception as error:  # noqa: BLE001 - SuspendNotSupported and the like
        screen.notify(
            f"Cannot open an external editor here: {error}", severity="error", markup=False
        )
