"""The brief's Markdown summary, scrollable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from rich.markdown import Markdown

Highlighter = Callable[[str], list[tuple[int, int]]]
"""Where a search's words are in a text (start and end offsets)."""

MATCH = Style(reverse=True)
"""A match, in reverse video as in the other panes."""
CURRENT_MATCH = Style(reverse=True, bold=True, underline=True)
"""The match ``n`` or ``N`` went to."""

EMPTY_SUMMARY = "*No summary in this brief.*"


class SummaryView(VerticalScroll, can_focus=True):
    """The summary rendered as Markdown.

    Rendered by Rich's Markdown into one Static rather than by Textual's
    Markdown widget: the widget builds a widget per paragraph and list item,
    and every section switch restyled all of them (about 190 restyles, most of
    a 150 ms switch). Links are shown with their address instead of being
    made clickable (``hyperlinks=False``): brief text is untrusted. The Static
    is composed with the pane (mounting it later raced a screen being closed),
    and the Markdown renderer is made only when there is a summary to show.

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

    DEFAULT_CSS = """
    SummaryView { height: 1fr; background: transparent; }
    SummaryView > Static { margin: 0 1; background: transparent; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._markdown = Static("", id="summary-text")
        self._text = ""
        self._highlighted: Highlighted | None = None

    def compose(self) -> ComposeResult:
        yield self._markdown

    def set_markdown(self, markdown: str) -> None:
        """Show ``markdown`` (or a sentence saying there is no summary)."""
        self._text = markdown.strip() or EMPTY_SUMMARY
        self._highlighted = None
        self._markdown.update(render_markdown(self._text))
        self.scroll_home(animate=False)

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        """Draw the places ``highlighter`` finds in reverse video (None: no highlights)."""
        if highlighter is None:
            self._highlighted = None
            self._markdown.update(render_markdown(self._text))
            return
        self._highlighted = Highlighted(render_markdown(self._text), highlighter)
        self._markdown.update(self._highlighted)

    @property
    def match_places(self) -> list[tuple[int, str]]:
        """Each highlighted place as drawn last: its line and its text."""
        return list(self._highlighted.places) if self._highlighted else []

    @property
    def current_match_line(self) -> int | None:
        """The line of the match ``n``/``N`` went to, once drawn."""
        found = self._highlighted
        if found is None or not 0 <= found.current < len(found.places):
            return None
        return found.places[found.current][0]

    def show_match(self, occurrence: int) -> None:
        """Mark the ``occurrence``-th match as the current one and scroll it into view."""
        if self._highlighted is None:
            return
        self._highlighted.current = occurrence
        self._markdown.update(self._highlighted)
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        line = self.current_match_line
        if line is not None:
            self.scroll_to(y=max(0, line - self.size.height // 3), animate=False)


class Highlighted:
    """Rendered Markdown with the places a search found drawn in reverse video.

    Rich lays out the Markdown first; each drawn line is then searched, so a match
    is found in what the reader sees (the marks gone) and its line is known for
    scrolling. ``places`` holds (line, text) for each, in reading order.
    """

    def __init__(self, markdown: Markdown, highlighter: Highlighter) -> None:
        self.markdown = markdown
        self.highlighter = highlighter
        self.current = -1
        self.places: list[tuple[int, str]] = []

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        places: list[tuple[int, str]] = []
        for y, line in enumerate(console.render_lines(self.markdown, options, pad=False)):
            text = "".join(segment.text for segment in line)
            spans = self.highlighter(text)
            for start, end in spans:
                places.append((y, text[start:end]))
            first = len(places) - len(spans)
            styles = [
                CURRENT_MATCH if first + n == self.current else MATCH for n in range(len(spans))
            ]
            yield from _styled(line, spans, styles)
            yield Segment.line()
        self.places = places


def _styled(
    line: list[Segment], spans: list[tuple[int, int]], styles: list[Style]
) -> Iterator[Segment]:
    """``line`` with the characters in ``spans`` given ``styles`` (one per span)."""
    position = 0
    for segment in line:
        text, style = segment.text, segment.style
        cuts = sorted(
            {0, len(text)}
            | {min(max(edge - position, 0), len(text)) for span in spans for edge in span}
        )
        for start, end in zip(cuts, cuts[1:], strict=False):
            at = position + start
            extra = next((styles[n] for n, (a, b) in enumerate(spans) if a <= at < b), None)
            yield Segment(text[start:end], (style + extra) if style and extra else extra or style)
        position += len(text)


def render_markdown(text: str) -> Markdown:
    """Brief Markdown as a Rich renderable (plain links, no HTML)."""
    # deferred: markdown-it (about 60 ms), after the first frame
    from rich.markdown import Markdown

    return Markdown(text, hyperlinks=False, inline_code_theme="ansi_dark")
