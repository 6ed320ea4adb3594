"""Checks on screens whose modules may not be imported yet.

``briefing FILE`` should not import the library's screen, and ``briefing``
(the library) should not import the brief screen's, before the first frame.
A screen of a class whose module was never imported cannot be on the stack, so
these checks look the class up in :data:`sys.modules` instead of importing it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TypeGuard

if TYPE_CHECKING:
    from briefing.ui.screens.brief import BriefScreen
    from briefing.ui.screens.library import LibraryScreen


def _loaded(module: str, name: str) -> type | None:
    return getattr(sys.modules.get(module), name, None)


def is_brief_screen(screen: Any) -> TypeGuard[BriefScreen]:
    """True when ``screen`` is a :class:`~briefing.ui.screens.brief.BriefScreen`."""
    cls = _loaded("briefing.ui.screens.brief", "BriefScreen")
    return cls is not None and isinstance(screen, cls)


def is_library_screen(screen: Any) -> TypeGuard[LibraryScreen]:
    """True when ``screen`` is a :class:`~briefing.ui.screens.library.LibraryScreen`."""
    cls = _loaded("briefing.ui.screens.library", "LibraryScreen")
    return cls is not None and isinstance(screen, cls)
