"""A Footer that is rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class StableFooter(Footer):
    """Textual's Footer, minus needless rebuilds.

    The stock Footer recomposes (a dozen new widgets, restyled) on every focus
    change, because the active bindings are recomputed then. Moving between the
    reader's panes changes only hidden bindings (``j``/``k``), so this footer
    compares what it would show and skips the rebuild when nothing visible changed.
    """

    def __init__(self, *, compact: bool = True, id: str | None = None) -> None:
        super().__init__(compact=compact, id=id)
        self._shown: tuple[object, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
