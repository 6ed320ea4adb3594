"""Whether the frame being composed now will reach the terminal.

Screens start slower work (mounting panes, reading files) once their first
frame is out, told so by a widget when it is first drawn. Textual composes
frames while the app holds a batch update (its own start-up runs in one) but
drops them instead of writing them; announcing such a frame delayed the first
real one by the work it started. Whether a batch is open is read through
:mod:`briefing.ui.textual_compat` (Textual has no public way to ask).
"""

from __future__ import annotations

from textual.widget import Widget

from briefing.ui.textual_compat import batch_update_open


def frame_is_written(widget: Widget) -> bool:
    """True when a frame composed now is written to the terminal (no batch update is open)."""
    return not batch_update_open(widget.app)
