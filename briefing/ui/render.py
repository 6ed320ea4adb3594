"""Content for list rows and headers, built from brief items.

Every piece of brief text enters a :class:`~textual.content.Content` as plain
text (never through ``Content.from_markup``), so ``[bold]`` or
``[@click=app.quit]`` in a brief shows literally and runs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, overload

from textual.content import Content

from briefing.core.countdown import countdown
from briefing.core.markdown_text import inline_markdown
from briefing.core.render_text import speaker_line
from briefing.core.timeutil import format_when
from briefing.ui.cells import URGENCY_RICH as URGENCY_RICH  # also this module's names
from briefing.ui.cells import URGENCY_STYLE as URGENCY_STYLE
from briefing.ui.cells import cell as cell
from briefing.ui.cells import countdown_cell as countdown_cell
from briefing.ui.cells import countdown_content as countdown_content

if TYPE_CHECKING:
    from briefing.core.models import Brief, Deadline, Figure, Quote, TimelineEvent

MUTED = "$text-muted"


Part = str | tuple[str, str] | Content
"""A piece of a row: plain text, ``(text, style)`` or Content."""


def _part_text(part: Part) -> str:
    # Content is a Visual (an ABC): test for the cheap types first.
    if isinstance(part, str):
        return part
    if isinstance(part, tuple):
        return part[0]
    return part.plain


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
"""Control codes: those Content drops are among them (newline and tab are not)."""


class Prompt:
    """A list row as parts of styled text, made into Content only when it is drawn.

    The lists measure a row from :attr:`plain` and build the Content of the
    rows on screen only (``Content.assemble`` costs ~25 µs a row, most of it
    dropping control codes; building every quote of a 20,000-quote brief took ~1 s).
    """

    __slots__ = ("parts", "plain")

    def __init__(self, parts: Sequence[Part]) -> None:
        self.parts = tuple(parts)
        """The pieces, in order."""
        plain = "".join([_part_text(part) for part in self.parts])
        if _CONTROL.search(plain):
            # Drop control codes exactly as Content.assemble will (its
            # str.translate costs ~20 µs a row, so only when there are any).
            plain = Content(plain).plain
        self.plain = plain
        """The row's text, equal to ``build().plain``."""

    def build(self) -> Content:
        """The row's Content."""
        return Content.assemble(*self.parts)


def _quote_parts(quote: Quote, credit: str) -> list[Part]:
    parts: list[Part] = [
        ("“", "bold $accent"),
        (quote.text, "bold"),
        ("”", "bold $accent"),
        "\n",
        (credit, "italic"),
    ]
    if quote.context:
        parts += ["\n", (quote.context, MUTED)]
    return parts


def _credit(brief: Brief, quote: Quote, clock: str) -> str:
    credit = f"— {speaker_line(brief, quote)}"
    if quote.said:
        credit += f", {format_when(quote.said, clock=clock)}"
    return credit


def quote_prompt(brief: Brief, quote: Quote, *, clock: str = "24h") -> Content:
    """A quote as a list row: the words, who said it, when, and the context."""
    return Content.assemble(*_quote_parts(quote, _credit(brief, quote, clock)))


class QuoteRow:
    """A quote as a list row, its Content made only when drawn (see :class:`Prompt`).

    Quotes are the long lists: the text is put together with one f-string, at
    a third of the cost of a :class:`Prompt` of parts (20,000 in ~15 ms).
    """

    __slots__ = ("credit", "plain", "quote")

    def __init__(self, quote: Quote, credit: str) -> None:
        self.quote = quote
        self.credit = credit
        plain = f"“{quote.text}”\n{credit}"
        if quote.context:
            plain += f"\n{quote.context}"
        if _CONTROL.search(plain):
            plain = Content(plain).plain
        self.plain = plain
        """The row's text, equal to ``build().plain``."""

    def build(self) -> Content:
        """The row's Content, as :func:`quote_prompt` makes it."""
        return Content.assemble(*_quote_parts(self.quote, self.credit))


def quote_rows(
    brief: Brief, quotes: Iterable[Quote], *, clock: str = "24h"
) -> Iterator[tuple[str, QuoteRow]]:
    """``(quote id, row)`` for each of ``quotes``, drawn as :func:`quote_prompt` draws a quote.

    The speaker and time lines are worked out once per speaker and per moment:
    for 20,000 quotes that takes 0.1 s instead of 0.3 s.
    """
    speakers: dict[str | None, str] = {}
    times: dict[tuple[object, object], str] = {}
    for quote in quotes:
        credit = speakers.get(quote.speaker)
        if credit is None:
            credit = speakers[quote.speaker] = f"— {speaker_line(brief, quote)}"
        said = quote.said
        if said:
            # Equal datetimes in two zones are equal keys: the offset tells them apart.
            key = (said, said.utcoffset() if isinstance(said, datetime) else None)
            when = times.get(key)
            if when is None:
                when = times[key] = format_when(said, clock=clock)
            credit = f"{credit}, {when}"
        yield quote.id, QuoteRow(quote, credit)


class QuoteRows:
    """The quotes of a list as rows, each made only when the list asks for it.

    For :meth:`~briefing.ui.widgets.item_list.ItemList.set_rows`: nothing is made up
    front (making and keeping 20,000 rows took a quarter of a second and megabytes
    before the first quote showed); a row is drawn as :func:`quote_prompt` draws it.
    """

    __slots__ = ("_credits", "brief", "clock", "quotes")

    def __init__(self, brief: Brief, quotes: Sequence[Quote], *, clock: str = "24h") -> None:
        self.brief = brief
        self.quotes = quotes
        """The quotes, in the order of the rows."""
        self.clock = clock
        self._credits: dict[str | None, str] = {}
        """The speaker line of each speaker seen so far (a few thousand at most)."""

    @property
    def ids(self) -> Sequence[str]:
        """The quotes' ids, in order: each read from its quote when asked for (a known
        brief builds its quotes as they are read: see :mod:`briefing.core.kept_items`)."""
        return _QuoteIds(self.quotes)

    def __len__(self) -> int:
        return len(self.quotes)

    def __getitem__(self, index: int) -> QuoteRow:
        quote = self.quotes[index]
        credit = self._credits.get(quote.speaker)
        if credit is None:
            credit = self._credits[quote.speaker] = f"— {speaker_line(self.brief, quote)}"
        if quote.said:
            credit = f"{credit}, {format_when(quote.said, clock=self.clock)}"
        return QuoteRow(quote, credit)


class _QuoteIds(Sequence[str]):
    """The ids of ``quotes``, read from each quote as it is asked for."""

    __slots__ = ("quotes",)

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = quotes

    def __len__(self) -> int:
        return len(self.quotes)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [quote.id for quote in self.quotes[index]]
        return self.quotes[index].id

    def __iter__(self) -> Iterator[str]:
        return (quote.id for quote in self.quotes)


def deadline_row(deadline: Deadline, now: datetime, *, clock: str = "24h") -> Prompt:
    """A deadline as a list row: title, due time and the live countdown."""
    due = format_when(deadline.due, clock=clock)
    if not isinstance(deadline.due, datetime):
        due += " (end of day)"
    left = countdown(deadline.due_at, now, deadline.status)
    parts: list[Part] = [
        (deadline.title, "bold"),
        "\n",
        (f"due {due}", MUTED),
        "\n",
        countdown_content(left),
    ]
    if deadline.details:
        parts += ["\n", markdown_content(deadline.details.strip(), MUTED)]
    return Prompt(parts)


def event_row(event: TimelineEvent, *, clock: str = "24h") -> Prompt:
    """A timeline event as a list row: date, place and label."""
    parts: list[Part] = [(format_when(event.date, clock=clock), "bold")]
    if event.place:
        parts += [" · ", (event.place, "$accent")]
    parts += ["\n", event.label]
    return Prompt(parts)


def figure_row(figure: Figure) -> Prompt:
    """A key figure as a list row: the value large, then what it measures and a note."""
    parts: list[Part] = [(figure.value, "bold $accent"), "  ", figure.label]
    if figure.note:
        parts += ["\n", (figure.note, MUTED)]
    return Prompt(parts)


def plain(text: str | None) -> Content:
    """Brief text as content, never markup."""
    return Content(text or "")


MARKDOWN_STYLES = {"bold": "bold", "italic": "italic", "code": "$text-accent", "link": "underline"}
"""How inline Markdown reads on screen (a link is its text, underlined, never opened)."""


def markdown_content(text: str, style: str = "") -> Content:
    """A Markdown field (a deadline's details, a participant's notes, a note) as styled
    content: the marks read as bold, italic and so on, never as asterisks; never markup."""
    words, spans = inline_markdown(text)
    content = Content(words).stylize(style) if style else Content(words)
    for start, end, kind in spans:
        content = content.stylize(MARKDOWN_STYLES[kind], start, end)
    return content
