"""A Footer that is rebuilt only when the keys it shows change, and never overlaps itself."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

ALWAYS_SHOWN = frozenset({"help", "app.help"})
"""Actions whose key the footer keeps at any width: ``?`` is how a newcomer finds the rest."""


class StableFooter(Footer):
    """Textual's Footer, minus needless rebuilds, fitted to its width.

    The stock Footer recomposes (a dozen new widgets, restyled) on every focus
    change, because the active bindings are recomputed then. Moving between the
    reader's panes changes only hidden bindings (``j``/``k``), so this footer
    compares what it would show and skips the rebuild when nothing visible changed.

    The stock Footer also lets its keys run under the command palette's key (docked
    right) when they do not fit: this one hides keys from the end of the row (the
    least important: screens list theirs first, the app's come last) until the rest
    fit, and keeps ``?`` and the palette's key at any width.
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

    async def recompose(self) -> None:
        await super().recompose()
        self.fit()

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Show as many keys as fit beside the palette's key, dropping the last ones first."""
        room = self.size.width
        if not room:
            return
        keys = [child for child in self.children if not child.has_class("-command-palette")]
        docked = [child for child in self.children if child.has_class("-command-palette")]
        room -= sum(self._width(child) for child in docked)
        widths = [self._width(child) for child in keys]
        total = sum(widths)
        shown = [True] * len(keys)
        for index in reversed(range(len(keys))):
            if total <= room:
                break
            if getattr(keys[index], "action", None) in ALWAYS_SHOWN:
                continue
            shown[index] = False
            total -= widths[index]
        for child, show in zip(keys, shown, strict=True):
            child.display = show

    def _width(self, child: Widget) -> int:
        """The cells ``child`` takes in the row, its margins included."""
        content = child.get_content_width(self.size, self.app.size)
        return content + child.styles.gutter.width + child.styles.margin.width
