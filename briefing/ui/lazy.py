"""Is this screen the reader, or the library? Asked by the app, across the app <-> screen edge.

The screen modules import the app (for its type), so the app cannot import them at the
top: these checks import the screen class when asked, the one place the app does.
(They used to look the class up in ``sys.modules`` so that opening a brief never
imported the library's screen; importing both screens up front costs under 5% of the
time until a brief's content is on screen, so that trick went: issue 14, item 4.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeGuard

if TYPE_CHECKING:
    from briefing.ui.screens.brief import BriefScreen
    from briefing.ui.screens.library import LibraryScreen


def is_brief_screen(screen: Any) -> TypeGuard[BriefScreen]:
    """True when ``screen`` is a :class:`~briefing.ui.screens.brief.BriefScreen`."""
    from briefing.ui.screens.brief import BriefScreen  # deferred: the app <-> screen edge (a cycle)

    return isinstance(screen, BriefScreen)


def is_library_screen(screen: Any) -> TypeGuard[LibraryScreen]:
    """True when ``screen`` is a :class:`~briefing.ui.screens.library.LibraryScreen`."""
    from briefing.ui.screens.library import (
        LibraryScreen,  # deferred: the app <-> screen edge (a cycle)
    )

    return isinstance(screen, LibraryScreen)
