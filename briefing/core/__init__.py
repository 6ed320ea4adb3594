"""The pure domain of briefing: the brief format, loading, time, ids and rendering.

Nothing here imports Textual or Rich, touches the disk for writing, or reads the
clock directly; callers pass a clock and paths in.
"""

from briefing.core.errors import BriefError, Problem
from briefing.core.loading import load_brief, parse_brief
from briefing.core.models import (
    Brief,
    Deadline,
    DeadlineStatus,
    Figure,
    Participant,
    Quote,
    Source,
    TimelineEvent,
)

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
