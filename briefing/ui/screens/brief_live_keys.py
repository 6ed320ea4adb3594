"""What ``u`` and ``c`` do in the reader: the next item new to the user, and copying one.

Plain functions of :class:`~briefing.ui.screens.brief_live.LiveReload`'s keys, apart
from the live reload itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing.core.anchors import SECTION_OF_KIND, ItemKind
from briefing.ui.sections import SECTIONS

if TYPE_CHECKING:
    from briefing.core.changes import ItemKey
    from briefing.ui.screens.brief import BriefScreen


def next_unseen(unseen: Iterable[ItemKey], current: str, here: str) -> ItemKey:
    """The first of ``unseen`` (not empty) after item ``here`` of section ``current``,
    pane by pane in the sections' order; the first of all after the last."""
    order = [key for key, _name in SECTIONS]

    def place(key: ItemKey) -> tuple[int, str]:
        return (order.index(SECTION_OF_KIND[ItemKind(key[0])]), key[1])

    ranked = sorted(unseen, key=place)
    position = (order.index(current), here)
    after = [key for key in ranked if place(key) > position]
    return (after or ranked)[0]


def copy_focused(screen: BriefScreen) -> None:
    """Copy the item under the cursor as text (with its attribution) to the clipboard."""
    # deferred: the clipboard, when `y` asks for it (an item as text, the clipboard tools)
    from briefing.core.copying import item_text
    from briefing.storage.clipboard import copy_with_tool

    focused = screen.focused_item()
    section, item_id = focused if focused is not None else (screen.current, "")
    text = item_text(screen.brief, section, item_id, clock=screen.briefing_app.config.clock)
    if text is None:
        text = item_text(screen.brief, "summary", "") or ""
    # The terminal's clipboard (OSC 52) too: over ssh it is the one the user has.
    screen.briefing_app.copy_to_clipboard(text)
    tool = copy_with_tool(text)
    first = text.splitlines()[0] if text else ""
    shown = (first[:70] + "…") if len(first) > 70 else first
    if tool is None:
        # Whether the terminal took it cannot be known (tmux may drop it): say what was done.
        shown += "\n(no clipboard tool found; the terminal may not accept it)"
    title = "Copied" if tool else "Sent to the terminal's clipboard"
    screen.notify(shown, title=title, timeout=3 if tool else 6, markup=False)
