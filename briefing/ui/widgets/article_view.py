"""The article a draft was imported from, with every span an item was read from highlighted."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of the article and the item it belongs to."""

    start: int
    end: int
    item: int
    """Index of the item in the review's list."""
    uncertain: bool


class ArticleView(VerticalScroll, can_focus=True):
    """The article, one paragraph per block, with a cursor that moves from span to span.

    | Key | Description |
    | :- | :- |
    | down, j | Next span. |
    | up, k | Previous span. |
    | g, home | First span. |
    | G, end | Last span. |
    | enter | Jump to the span's item. |
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Next span", show=False, id="article.next"),
        Binding("up,k", "move(-1)", "Previous span", show=False, id="article.previous"),
        Binding("g,home", "move_to(0)", "First span", show=False, id="article.first"),
        Binding("G,end", "move_to(-1)", "Last span", show=False, id="article.last"),
        Binding("enter", "choose", "Go to item", id="article.choose"),
    ]

    DEFAULT_CSS = """
    ArticleView { height: 1fr; padding: 0 1; }
    ArticleView > Static { margin-bottom: 1; }
    ArticleView:focus { background-tint: $foreground 3%; }
    """

    current: reactive[int] = reactive(-1, init=False)
    """Index of the span under the cursor (-1: none)."""

    class Chosen(Message):
        """Enter was pressed on a span; handled by ``on_article_view_chosen``."""

        def __init__(self, item: int) -> None:
            super().__init__()
            self.item = item
            """Index of the span's item in the review's list."""

    def __init__(self, article: str, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.article = article
        self.spans: list[Span] = []
        self._span_starts: list[int] = []
        self._longest = 0
        self._paragraphs = _paragraphs(article)
        self._starts = [start for start, _ in self._paragraphs]

    def compose(self) -> ComposeResult:
        if not self._paragraphs:
            yield Static(Text("The draft keeps no article text.", style="italic"))
        for number, _ in enumerate(self._paragraphs):
            yield Static(id=f"paragraph-{number}")

    def on_mount(self) -> None:
        self._paint(range(len(self._paragraphs)))

    def set_spans(self, spans: list[Span]) -> None:
        """Highlight ``spans`` (the cursor stays on the same place when it can)."""
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._span_starts = [span.start for span in self.spans]
        self._longest = max((span.end - span.start for span in self.spans), default=0)
        self.current = min(self.current, len(self.spans) - 1)
        self._paint(range(len(self._paragraphs)))

    def show_item(self, item: int) -> bool:
        """Put the cursor on the span of ``item``; False when it has none."""
        for index, span in enumerate(self.spans):
            if span.item == item:
                self.current = index
                return True
        return False

    def watch_current(self, old: int, new: int) -> None:
        touched = {self._paragraph_of(old), self._paragraph_of(new)} - {None}
        self._paint(sorted(p for p in touched if p is not None))
        number = self._paragraph_of(new)
        if number is not None:
            self.scroll_to_widget(self.query_one(f"#paragraph-{number}"), animate=False)

    def _paragraph_of(self, index: int) -> int | None:
        if not 0 <= index < len(self.spans) or not self._paragraphs:
            return None
        return max(0, bisect.bisect_right(self._starts, self.spans[index].start) - 1)

    def _paint(self, numbers: range | list[int]) -> None:
        if not self.is_mounted:
            return
        for number in numbers:
            start, end = self._paragraphs[number]
            text = Text(self.article[start:end])
            # Only the spans that can reach into this paragraph: a long article has thousands.
            first = bisect.bisect_left(self._span_starts, start - self._longest)
            last = bisect.bisect_left(self._span_starts, end)
            for index in range(first, last):
                span = self.spans[index]
                if span.end <= start:
                    continue
                style = (
                    "bold reverse"
                    if index == self.current
                    else ("bold $warning underline" if span.uncertain else "bold underline")
                )
                text.stylize(
                    _rich_style(style), max(span.start, start) - start, min(span.end, end) - start
                )
            self.query_one(f"#paragraph-{number}", Static).update(text)

    def action_move(self, step: int) -> None:
        if self.spans:
            self.current = max(0, min(len(self.spans) - 1, self.current + step))

    def action_move_to(self, index: int) -> None:
        if self.spans:
            self.current = index % len(self.spans)

    def action_choose(self) -> None:
        if 0 <= self.current < len(self.spans):
            self.post_message(self.Chosen(self.spans[self.current].item))


def _rich_style(style: str) -> str:
    # Rich styles cannot name theme variables; the uncertain span is drawn in yellow.
    return style.replace("$warning", "yellow")


def _paragraphs(article: str) -> list[tuple[int, int]]:
    """The spans of the article's paragraphs (blank lines between them)."""
    found: list[tuple[int, int]] = []
    start = 0
    while start < len(article):
        end = article.find("\n\n", start)
        end = len(article) if end < 0 else end
        if article[start:end].strip():
            found.append((start, end))
        start = end + 2
    return found
