"""The header of the brief screen: title, source, publication time and which clock is in force."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets import Static

from briefing.core.timeutil import format_when
from briefing.ui.key_hints import key_hint

if TYPE_CHECKING:
    from briefing.core.models import Brief


class BriefHeader(Static):
    """Two lines naming the brief, a third saying what "now" the countdowns use, and a
    fourth while something is wrong with the file on disk (:attr:`problem`)."""

    DEFAULT_CSS = """
    BriefHeader {
        height: auto;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        /* One row per line, at any width: wrapped, the header took 6 of 24 rows. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    as_published: reactive[bool] = reactive(False)
    """True when the countdowns run on the brief's publication clock."""

    now: reactive[datetime | None] = reactive(None, repaint=False)  # (shown by watch_now)
    """The moment the countdowns use (shown when the clock is "as published")."""

    problem: reactive[str] = reactive("")
    """A warning about the file that stays in view until it is resolved (the file was
    deleted, or is not valid now): a toast alone fades while the old version stays."""

    class Painted(Message):
        """The header was drawn into a frame for the first time (so the first frame is out)."""

    def __init__(
        self, preview: Content | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        # The preview goes in through the constructor: an update() before mount
        # is lost, and the first frame must carry the title.
        super().__init__(preview or Content(""), markup=False, id=id, classes=classes)
        self._painted = False
        self._brief: Brief | None = None
        self._position = ""
        self._clock = "24h"

    def render_lines(self, crop: Region) -> list[Strip]:
        # Rendering happens while a frame is composed; the message is handled
        # once that frame is out, when the app resumes what start-up put off.
        if not self._painted:
            self._painted = True
            self.post_message(self.Painted())
        return super().render_lines(crop)

    @staticmethod
    def preview(title: str, source: str, published: str) -> Content:
        """What is known before the brief is validated, for the first frame."""
        muted = "$text-muted"
        facts: list[str | tuple[str, str]] = []
        if source:
            facts += [(source, "$accent"), (" · ", muted)]
        if published:
            facts.append((f"published {published}", muted))
        return Content.assemble((title, "bold"), "\n", *facts, "\n", ("Loading the brief…", muted))

    def show_preview(self, preview: Content) -> None:
        """Show ``preview`` (see :meth:`preview`) until :meth:`set_brief` (a brief being read)."""
        self._brief = None
        self._position = ""
        self.update(preview)

    def set_brief(self, brief: Brief, position: str = "", *, clock: str = "24h") -> None:
        """Show ``brief``; ``position`` is e.g. "2/5" within the library; ``clock`` is 24h or 12h."""
        self._brief = brief
        self._clock = clock
        self._position = position
        self.refresh_content()

    def watch_as_published(self) -> None:
        self.refresh_content()

    def watch_problem(self) -> None:
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
        facts.append((f"published {format_when(brief.published, clock=self._clock)}", muted))
        if brief.tags:
            facts.append((" · " + ", ".join(brief.tags), muted))
        clock_key = key_hint(self, "brief.clock", "a")
        if self.as_published:
            # Shown on the publication's own offset, the way its readers saw it.
            shown = (
                format_when(self.now.astimezone(brief.published_at.tzinfo), clock=self._clock)
                if self.now
                else ""
            )
            clock = Content.assemble(
                # No leading space: the line starts where "Clock: now" does.
                ("Clock: as published", "bold reverse $warning"),
                (f"  {shown}", "$warning"),
                (f"  ({clock_key}: back to now)", muted),
            )
        else:
            clock = Content.assemble(
                ("Clock: now", muted), (f"  ({clock_key}: as published)", muted)
            )
        if self._position:
            # On the clock's line, which is short: at the end of the facts it was cut or
            # wrapped onto a line of its own.
            clock = Content.assemble(clock, (f" · brief {self._position}", muted))
        lines = [(brief.title, "bold"), "\n", *facts, "\n", clock]
        if self.problem:
            lines += ["\n", (f"⚠ {self.problem}", "bold $warning")]
        self.update(Content.assemble(*lines))
