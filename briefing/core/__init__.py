"""The pure domain of briefing: the brief format, loading, time, ids and rendering.

May import only the standard library, pydantic and the other pure libraries
(tomli, icalendar): never ``briefing.storage``, ``briefing.ui``, ``briefing.cli``,
Textual or Rich. Nothing here touches the disk for writing or reads the clock
directly; callers pass a clock and paths in.

The names below are imported lazily (PEP 562), so that ``import briefing.core.safetext``
does not pay for the models, or for pydantic (about 140 ms, which validating a file
brings through :mod:`briefing.core.loading`), when a command never loads a brief.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "BriefError": "briefing.core.errors",
    "Problem": "briefing.core.errors",
    "load_brief": "briefing.core.loading",
    "parse_brief": "briefing.core.loading",
    "Brief": "briefing.core.models",
    "Deadline": "briefing.core.models",
    "DeadlineStatus": "briefing.core.status",
    "Figure": "briefing.core.models",
    "Participant": "briefing.core.models",
    "Quote": "briefing.core.models",
    "Source": "briefing.core.models",
    "TimelineEvent": "briefing.core.models",
}

__all__ = [
    "Brief",
    "BriefError",
    "Deadline",
    "DeadlineStatus",
    "Figure",
    "Participant",
    "Problem",
    "Quote",
    "Source",
    "TimelineEvent",
    "load_brief",
    "parse_brief",
]

if TYPE_CHECKING:
    from briefing.core.errors import BriefError, Problem
    from briefing.core.loading import load_brief, parse_brief
    from briefing.core.models import (
        Brief,
        Deadline,
        Figure,
        Participant,
        Quote,
        Source,
        TimelineEvent,
    )
    from briefing.core.status import DeadlineStatus


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefing.core' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
