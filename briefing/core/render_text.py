"""Render a brief as plain text (Markdown-flavoured): for pipes, screen readers and exports.

``briefing show`` prints this when its output is not a terminal or ``NO_COLOR``
is set; it is also the Markdown rendering of a whole brief. The text is already
free of control characters (the models clean it when loading).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from briefing.core import sections
from briefing.core.section import speaker_line
from briefing.core.timeutil import format_when

if TYPE_CHECKING:
    from briefing.core.models import Brief

__all__ = ["brief_to_text", "speaker_line"]


def brief_to_text(brief: Brief, now: datetime, *, clock: str = "24h") -> str:
    """Return every section of ``brief`` as plain text, deadlines counted down from ``now``."""
    out: list[str] = [f"# {brief.title}", ""]
    facts = []
    if brief.source:
        facts.append(
            f"Source: {brief.source.name}" + (f" <{brief.source.url}>" if brief.source.url else "")
        )
    facts.append(f"Published: {format_when(brief.published, clock=clock)}")
    if brief.tags:
        facts.append("Tags: " + ", ".join(brief.tags))
    out += facts + [""]

    for section in sections.SECTIONS:
        count = f" ({len(section.items_of(brief))})" if section.counted else ""
        out += [f"## {section.title}{count}", "", *section.text_lines(brief, now, clock), ""]
    return "\n".join(out[:-1]) + "\n"
