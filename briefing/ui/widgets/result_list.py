"""An option list that the mouse uses as every list in briefing: a click highlights, a double
click chooses (Textual's ``OptionList`` chooses on the first click)."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList


class ResultList(OptionList):
    """An :class:`~textual.widgets.OptionList` whose options open on ``enter`` or a double click.

    A single click highlights the option under the pointer, as in the library and the
    reader's panes, so a click never leaves the screen by surprise.
    """

    async def _on_click(self, event: events.Click) -> None:
        # prevent_default keeps OptionList's own handler (highlight and select) from running.
        event.prevent_default()
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self.get_option_at_index(clicked).disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()
