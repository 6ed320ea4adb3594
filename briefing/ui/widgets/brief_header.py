"""The header of the brief screen: title, source, publication time and which clock is in force."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from briefing.core.models import Brief
from briefing.core.timeutil import format_when


class BriefHeader(Static):
    """Two lines naming the brief, and a third saying what "now" the countdowns use."""

    DEFAULT_CSS = """
    BriefHeader {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
    }
    """

    as_published: reactive[bool] = reactive(False)
    """True when the countdowns run on the brief's publication clock."""

    now: reactive[datetime | None] = reactive(None)
    """The moment the countdowns use (shown when the clock is "as published")."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(markup=False, id=id, classes=classes)
        self._brief: Brief | None = None
        self._position = ""

    def set_brief(self, brief: Brief, position: str = "") -> None:
        """Show ``brief``; ``position`` is e.g. "2/5" within the library."""
        self._brief = brief
        self._position = position
        self.refresh_content()

    def watch_as_published(self) -> None:
        self.refresh_content()

    def watch_now(self) -> None:
        if self.as_published:
            self.refresh_content()

    def refresh_content(self) -> None:
        """Rebuild the header text."""
        brief = self._brief
        if brief is None:
            return
        muted = "$text-muted"
        facts: list[str | tuple[str, str]] = []
        if brief.source:
            facts += [(brief.source.name, "$accent"), (" · ", muted)]
        facts.append((f"published {format_when(brief.published)}", muted))
        if brief.tags:
            facts.append((" · " + ", ".join(brief.tags), muted))
        if self._position:
            facts.append((f" · brief {self._position}", muted))
        if self.as_published:
            # Shown on the publication's own offset, the way its readers saw it.
            shown = format_when(self.now.astimezone(brief.published_at.tzinfo)) if self.now else ""
            clock = Content.assemble(
                (" Clock: as published ", "bold reverse $warning"),
                (f" {shown}", "$warning"),
                ("  (a: back to now)", muted),
            )
        else:
            clock = Content.assemble(("Clock: now", muted), ("  (a: as published)", muted))
        self.update(Content.assemble((brief.title, "bold"), "\n", *facts, "\n", clock))
