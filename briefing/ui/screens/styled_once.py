"""A screen styled and laid out once as it opens: Textual's start-up passes find nothing to do.

Opening a screen, Textual styles each widget as it mounts, then restyles the whole
screen twice more before the first frame: when the screen is resumed, and when its
first resize adds the breakpoint class (``-narrow``, ``-wide``). And each Resize the
screen gets at the size it already has (its first layout sends one, the app's start
sends more) lays the whole screen out and draws it again. For a screen just opened
none of these change anything, yet together they cost more than styling and drawing
it once (the reader: two restyles of 10-12 ms over its 31 widgets and two more full
layouts, issue 15). So the breakpoint classes are set at construction, from the
terminal's size; the first resume is told not to restyle; and a Resize that would
change neither the screen's size nor its breakpoint classes is not handled again.

And each CSS source is parsed once: Textual adds a class's default CSS, and its bases',
as a widget of it mounts, each base with a tie-breaker from its depth, and parses a base
again when a deeper class mounted later lowers it (the reader parsed Widget's CSS three
times); the deepest widgets a screen mounts (:attr:`StyledOnce.STYLED_FIRST`) have their
CSS added before anything is styled.

And its background, under its widgets, is drawn one line repeated, not line by line
(:func:`~briefing.ui.widgets.alike_lines.alike_lines`: the reader's 40 at 120x40).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.events import Resize, ScreenResume
from textual.geometry import Region, Size
from textual.screen import Screen, ScreenResultType
from textual.strip import Strip
from textual.widget import Widget

from briefing.ui.textual_compat import add_default_css
from briefing.ui.widgets.alike_lines import alike_lines


class StyledOnce(Screen[ScreenResultType]):
    """A :class:`~textual.screen.Screen` whose widgets are styled and laid out once as it opens.

    Args:
        name: The name of the screen.
        id: The ID of the screen in the DOM.
        classes: The CSS classes of the screen.
    """

    STYLED_FIRST: ClassVar[tuple[type[Widget], ...]] = ()
    """The deepest widget classes the screen mounts (those with the most bases between them
    and ``Widget``): their default CSS, and their bases', is added before anything is styled."""

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._resumed = False
        for deepest in self.STYLED_FIRST:
            add_default_css(self.app, deepest)
        # Set before anything is styled: Textual's resize handler then finds them there.
        for name_, wanted in self.breakpoint_classes(self.app.size).items():
            if wanted:
                self.add_class(name_, update=False)

    def breakpoint_classes(self, size: Size) -> dict[str, bool]:
        """Each breakpoint class, and whether a screen of ``size`` has it (as Textual's
        resize handler decides: the widest horizontal and tallest vertical that fit)."""
        app = self.app
        horizontal = (
            app.HORIZONTAL_BREAKPOINTS
            if self.HORIZONTAL_BREAKPOINTS is None
            else self.HORIZONTAL_BREAKPOINTS
        ) or []
        vertical = (
            app.VERTICAL_BREAKPOINTS
            if self.VERTICAL_BREAKPOINTS is None
            else self.VERTICAL_BREAKPOINTS
        ) or []
        classes = {name: False for _, name in horizontal + vertical}
        for breakpoints, extent in ((horizontal, size.width), (vertical, size.height)):
            fitting = [(edge, name) for edge, name in breakpoints if edge <= extent]
            if fitting:
                classes[max(fitting)[1]] = True
        return classes

    def render_lines(self, crop: Region) -> list[Strip]:
        # Its background, its lines alike; not when translucent: Screen.render then draws
        # the screen beneath it.
        if self.styles.background.a < 1:
            return super().render_lines(crop)
        return alike_lines(self, crop, super().render_lines)

    @on(ScreenResume)
    def _first_resume(self, event: ScreenResume) -> None:
        # Runs before Screen's own handler. The first time, every widget was styled as
        # it mounted, moments ago: a restyle of the whole screen would change nothing.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    @on(Resize)
    def _resized(self, event: Resize) -> None:
        # Runs before Screen's own handler, which lays the screen out again at the
        # event's size and sets the breakpoint classes. When the screen is laid out at
        # that size already (its size is set by a layout) and has those classes, there
        # is nothing for it to do: a new terminal size still goes to it whenever a
        # class must change or the layout has not caught up.
        if event.size != self.size:
            return
        wanted = self.breakpoint_classes(event.size)
        if all(self.has_class(name) == on for name, on in wanted.items()):
            event.prevent_default()
