"""A screen styled once as it opens: Textual's start-up restyles find nothing to change.

Opening a screen, Textual styles each widget as it mounts, then restyles the whole
screen twice more before the first frame: when the screen is resumed, and when its
first resize adds the breakpoint class (``-narrow``, ``-wide``). For a screen just
mounted both change nothing but cost about as much as styling it in the first place
(the reader: two passes of 10-12 ms over its 31 widgets, issue 15). So the breakpoint
class is set at construction, from the terminal's size, and the first resume is told
not to restyle.
"""

from __future__ import annotations

from textual import on
from textual.events import Resize, ScreenResume
from textual.screen import Screen, ScreenResultType


class StyledOnce(Screen[ScreenResultType]):
    """A :class:`~textual.screen.Screen` whose widgets are styled once as it opens.

    Args:
        name: The name of the screen.
        id: The ID of the screen in the DOM.
        classes: The CSS classes of the screen.
    """

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._resumed = False
        self._laid_out = False
        width = self.app.size.width
        # The class Textual's resize handler would give it (the widest breakpoint that
        # fits), set before anything is styled: that handler then finds it there already.
        fitting = [
            (edge, name) for edge, name in self.HORIZONTAL_BREAKPOINTS or [] if edge <= width
        ]
        if fitting:
            self.add_class(max(fitting)[1], update=False)

    @on(ScreenResume)
    def _first_resume(self, event: ScreenResume) -> None:
        # Runs before Screen's own handler. The first time, every widget was styled as
        # it mounted, moments ago: a restyle of the whole screen would change nothing.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    @on(Resize)
    def _laid_out_already(self, event: Resize) -> None:
        # Textual sends a screen a Resize as its first layout gives it its size, and
        # handles it by laying the whole screen out (and drawing it) again at that same
        # size. Only that first one is skipped: on a later resize the layout may already
        # have the new size when the event comes, and Textual's handler must still
        # update the breakpoint class and the screens beneath.
        if not self._laid_out:
            self._laid_out = True
            if event.size == self.size:
                event.prevent_default()
