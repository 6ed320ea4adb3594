"""The reader's tab bar: built only while the layout is narrow.

In the wide layout every pane shows at once and a tab bar would be hidden; yet
composed, a Textual ``Tabs`` of eleven widgets were styled, laid out and restyled with the screen
(issue 15: 68 M instructions of the seed brief's 1,645 M at 120x40). So the bar is
composed only when the screen opens narrow, mounted on the current section when a
resize makes the layout narrow, and removed when it goes wide again: the screen
then holds what a reader opened at that size holds, one state per layout. The bar is
one widget, a SectionBar, that draws what those eleven drew.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.events import Resize

from briefing.ui.sections import reader_sections
from briefing.ui.widgets.section_bar import SectionBar

if TYPE_CHECKING:
    from briefing.ui.screens.brief import BriefScreen

NARROW = "-narrow"
"""The breakpoint class of the layout that shows one pane at a time (see BriefScreen)."""


class BriefTabs:
    """The tab bar of the narrow layout: composed, mounted, removed, kept on the current section.

    Args:
        screen: The brief screen whose sections the tabs name.
    """

    def __init__(self, screen: BriefScreen) -> None:
        self.screen = screen
        self._bar: SectionBar | None = None

    def compose(self) -> Iterator[SectionBar]:
        """The tab bar when the screen opens narrow; nothing when it opens wide."""
        if self.screen.has_class(NARROW):
            yield self.make()

    def make(self) -> SectionBar:
        """The tab bar, on the current section."""
        # Never focused (a SectionBar cannot be): a click on a tab that focused the bar
        # left ``j``/``k`` moving nothing. The keys 1-6, ``[`` and ``]`` switch sections.
        self._bar = SectionBar(
            [(e.key, f"{e.number} {e.core.title}") for e in reader_sections()],
            active=self.screen.current,
            id="section-tabs",
        )
        return self._bar

    def bar(self) -> SectionBar | None:
        """The tab bar on screen (None: the layout is wide)."""
        # Kept rather than queried: a query walks the screen, on every section switch.
        return self._bar

    def follow_layout(self, event: Resize) -> None:
        """The screen is resized: build the bar when it becomes narrow, remove it when wide.

        Decided from the event's size, as the screen's own handler sets the breakpoint
        classes from it (after this one runs).
        """
        screen = self.screen
        if not screen.panes_mounted:
            return  # (composed for the size the screen has then: see compose)
        narrow = screen.breakpoint_classes(event.size)[NARROW]
        bar = self.bar()
        if narrow and bar is None:
            tabs = self.make()
            # Like the panes while the brief is read: hidden until there is a brief.
            tabs.styles.visibility = screen.query_one("#panes").styles.visibility
            screen.mount(tabs, before="#panes")
        elif not narrow and bar is not None:
            self._bar = None
            bar.remove()
        else:
            self.show_current()

    def show_current(self) -> None:
        """Put the bar (if any) on the current section."""
        bar = self.bar()
        if bar is not None:
            bar.active = self.screen.current  # (a reactive: the same key repaints nothing)

    def clicked(self, event: SectionBar.Clicked) -> None:
        """A tab was clicked: go to its section."""
        event.stop()
        if event.bar is self.bar() and event.key != self.screen.current:
            self.screen.action_section(event.key)
