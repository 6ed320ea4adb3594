"""The brief's Markdown summary, scrollable from the keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static

from briefing.ui.summary_lines import Highlighter, SummaryLines
from briefing.ui.textual_compat import styled_by_focus
from briefing.ui.widgets.alike_lines import alike_lines

if TYPE_CHECKING:
    from briefing.core.markdown_blocks import Block

__all__ = ["Highlighter", "SummaryView"]

EMPTY_SUMMARY: list[Block] = [
    {"kind": "paragraph", "spans": [["No summary in this brief.", "i"]], "frame": [], "gap": False}
]
"""What the pane says of a brief without a summary."""


class SummaryView(VerticalScroll, can_focus=True):
    """The summary, drawn from its blocks (:mod:`briefing.core.markdown_blocks`).

    A brief the reader read carries its summary parsed into blocks (in its worker, kept
    in the library index with the brief's content), drawn here as lines of Content into one
    Static (:mod:`briefing.ui.summary_lines`): no Markdown code on the UI thread (Rich's
    renderer brought markdown-it and Pygments, ~25 ms, issue 15), and no widget per
    paragraph (Textual's Markdown widget made ~190 of them to restyle on each section
    switch). Links show their address as text: brief text is untrusted.

    | Key(s) | Description |
    | :- | :- |
    | j, down | Scroll down. |
    | k, up | Scroll up. |
    | g, home | Scroll to the top. |
    | G, end | Scroll to the bottom. |
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="summary.down"),
        Binding("k", "scroll_up", "Up", show=False, id="summary.up"),
        Binding("g", "scroll_home", "Top", show=False, id="summary.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="summary.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"summary-view--h{level}" for level in range(1, 7)),
        "summary-view--bullet",
        "summary-view--number",
        "summary-view--quote",
        "summary-view--code",
        "summary-view--code-block",
        "summary-view--link",
        "summary-view--address",
        "summary-view--rule",
        "summary-view--table-header",
        "summary-view--table-rule",
    }
    """
    | Class | Description |
    | :- | :- |
    | `summary-view--h1` ... `summary-view--h6` | Headings (the theme's Markdown heading colours). |
    | `summary-view--bullet`, `summary-view--number` | A list item's mark. |
    | `summary-view--quote` | The bar before quoted lines. |
    | `summary-view--code`, `summary-view--code-block` | Code in a line, and code blocks. |
    | `summary-view--link`, `summary-view--address` | A link's words and its address. |
    | `summary-view--rule` | A horizontal rule. |
    | `summary-view--table-header`, `summary-view--table-rule` | A table's header and lines. |
    """

    DEFAULT_CSS = """
    SummaryView { height: 1fr; background: transparent; }
    SummaryView > Static { margin: 0 1; background: transparent; }
    SummaryView > .summary-view--h1 {
        color: $markdown-h1-color; text-style: $markdown-h1-text-style;
    }
    SummaryView > .summary-view--h2 {
        color: $markdown-h2-color; text-style: $markdown-h2-text-style;
    }
    SummaryView > .summary-view--h3 {
        color: $markdown-h3-color; text-style: $markdown-h3-text-style;
    }
    SummaryView > .summary-view--h4 {
        color: $markdown-h4-color; text-style: $markdown-h4-text-style;
    }
    SummaryView > .summary-view--h5 {
        color: $markdown-h5-color; text-style: $markdown-h5-text-style;
    }
    SummaryView > .summary-view--h6 {
        color: $markdown-h6-color; text-style: $markdown-h6-text-style;
    }
    SummaryView > .summary-view--bullet { color: $accent; text-style: bold; }
    SummaryView > .summary-view--number { color: $accent; }
    SummaryView > .summary-view--quote { color: $primary; }
    SummaryView > .summary-view--code { color: $text-warning; background: $warning 10%; }
    SummaryView > .summary-view--code-block { color: $text-warning; background: $foreground 7%; }
    SummaryView > .summary-view--link { color: $text-primary; }
    SummaryView > .summary-view--address { color: $text-muted; }
    SummaryView > .summary-view--rule { color: $foreground 30%; }
    SummaryView > .summary-view--table-header { text-style: bold; }
    SummaryView > .summary-view--table-rule { color: $foreground 30%; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._markdown = Static("", id="summary-text")
        self._lines = SummaryLines([])

    def compose(self) -> ComposeResult:
        yield self._markdown

    def render_lines(self, crop: Region) -> list[Strip]:
        # Its text is its Static's: its own lines, blank, are alike.
        return alike_lines(self, crop, super().render_lines)

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles a widget, all it holds and its component classes (sixteen here)
        # when its focus changes; no rule styles the summary by its focus (its pane shows
        # it, see Pane.mark), so a section switch restyles it only if one does (issue 15).
        if styled_by_focus(self):
            super().watch_has_focus(has_focus)

    def set_markdown(self, markdown: str, blocks: list[Block] | None = None) -> None:
        """Show ``markdown`` (or a sentence saying there is no summary).

        ``blocks`` is ``markdown`` read already (what a brief carries): without them it
        is read here.
        """
        if not markdown.strip():
            blocks = EMPTY_SUMMARY
        elif blocks is None:
            # A brief known only from indexing (about a millisecond), or made in code.
            # deferred: markdown-it (~18 ms), only for text no brief carried parsed
            from briefing.core.markdown_blocks import parse

            blocks = parse(markdown)
        self._lines = SummaryLines(blocks)
        self._markdown.update(self._lines)
        self.scroll_home(animate=False)

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        """Draw the places ``highlighter`` finds in reverse video (None: no highlights)."""
        self._lines.highlighter = highlighter
        self._lines.current = -1
        self._lines.places = []
        self._markdown.update(self._lines)

    @property
    def match_places(self) -> list[tuple[int, str]]:
        """Each highlighted place as drawn last: its line and its text."""
        return list(self._lines.places) if self._lines.highlighter else []

    @property
    def current_match_line(self) -> int | None:
        """The line of the match ``n``/``N`` went to, once drawn."""
        found = self._lines
        if found.highlighter is None or not 0 <= found.current < len(found.places):
            return None
        return found.places[found.current][0]

    def show_match(self, occurrence: int) -> None:
        """Mark the ``occurrence``-th match as the current one and scroll it into view."""
        if self._lines.highlighter is None:
            return
        self._lines.current = occurrence
        self._markdown.update(self._lines)
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        line = self.current_match_line
        if line is not None:
            self.scroll_to(y=max(0, line - self.size.height // 3), animate=False)
