"""Turn the plain text of a news article into a draft brief (``briefing import``).

The extraction is rule-based and runs offline: :mod:`.text` splits the article,
:mod:`.people` finds who takes part, :mod:`.quotes` who said what, :mod:`.dates`
what happened when and what falls due, :mod:`.figures` the key numbers, and
:mod:`.draft` writes it all as TOML with ``# check:`` notes on every guess.
Nothing here touches the disk or the clock: the caller passes the text, the
publication date when it knows it, and today's date as a fallback.

The public entry is :func:`import_article` (with :class:`ImportResult`,
:class:`ArticleError` and :data:`MAX_ARTICLE_CHARS`); the command line
(:mod:`briefing.cli.import_article`) is its only caller. The package may import
``briefing.core`` and the standard library only: no storage, UI or command line,
no Textual or Rich (the import contract in ``pyproject.toml`` holds it to that).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from briefing.core.ids import derive_id, uniquify
from briefing.importer.date_labels import distinct_labels
from briefing.importer.dates import FoundDate, find_dates, header_date
from briefing.importer.draft import MAX_ITEMS_PER_SECTION, Draft, Field, Table
from briefing.importer.figures import FoundFigure, find_figures
from briefing.importer.people import find_people
from briefing.importer.persons import Person
from briefing.importer.provenance import add_provenance
from briefing.importer.quotes import (
    FoundQuote,
    find_quote_spans,
    find_quotes,
    join_split_quotes,
)
from briefing.importer.text import MAX_TITLE_CHARS, Document, normalise, split_document

__all__ = ["ArticleError", "ImportResult", "MAX_ARTICLE_CHARS", "import_article"]

MAX_ARTICLE_CHARS = 2_000_000
"""The longest article read (two million characters, far beyond any news story)."""
SUMMARY_CHARS = 1200
"""About how much of the lede the draft summary holds."""


class ArticleError(ValueError):
    """The text cannot be made into a draft; the message is one plain sentence."""


@dataclass
class ImportResult:
    """A draft brief and what the importer found on the way."""

    toml: str
    """The draft, as TOML text."""
    title: str
    published: date | datetime
    participants: list[Person]
    participant_ids: list[str]
    quotes: list[FoundQuote]
    dates: list[FoundDate]
    """Deadlines and timeline events, one per date and kind, in article order."""
    figures: list[FoundFigure]
    unsure: list[str] = field(default_factory=list)
    """One line for each guess a person should check."""

    @property
    def deadlines(self) -> list[FoundDate]:
        """The dates that are deadlines."""
        return [d for d in self.dates if d.kind == "deadline"]

    def summary_line(self) -> str:
        """A one-line count of what was found."""
        deadlines = len(self.deadlines)
        return (
            f"{_count(len(self.participants), 'participant')}, {_count(len(self.quotes), 'quote')}, "
            f"{_count(len(self.dates), 'date')} ({deadlines} deadline{'s' if deadlines != 1 else ''}, "
            f"{len(self.dates) - deadlines} timeline), {_count(len(self.figures), 'figure')}"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def import_article(
    text: str,
    *,
    published: date | datetime | None = None,
    today: date | None = None,
    source: str | None = None,
) -> ImportResult:
    """Draft a brief from ``text``.

    ``published`` wins over a date line in the article; without either, ``today``
    is used (and marked for checking). Raises :class:`ArticleError` when there is
    nothing to work with.
    """
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"is {len(text):,} characters long; articles are limited to {MAX_ARTICLE_CHARS:,}"
        )
    document = split_document(text)
    unsure: list[str] = []
    top_checks: dict[str, str] = {}
    title, published = _header(document, text, published, today, top_checks, unsure)
    day = published.date() if isinstance(published, datetime) else published
    spans = join_split_quotes(document.body, find_quote_spans(document))
    people = find_people(document, [part for s in spans for part in s.parts])
    # One more than a draft holds, to know whether the article has more.
    quotes = find_quotes(document, people, spans, limit=MAX_ITEMS_PER_SECTION + 1)
    dates = distinct_labels(find_dates(document, day, once=True))
    figures = find_figures(document)
    ids = _participant_ids(people.persons)
    found = _Found(people.persons, ids, quotes, dates, figures)
    draft = _draft(document, title, published, source or document.source, found, top_checks)
    add_provenance(draft, document.body, people.persons, quotes, dates, figures)
    quotes = quotes[:MAX_ITEMS_PER_SECTION]
    _note_doubts(unsure, people.persons, quotes, dates)
    return ImportResult(
        draft.render(), title, published, people.persons, ids, quotes, dates, figures, unsure
    )


def _header(
    document: Document,
    text: str,
    published: date | datetime | None,
    today: date | None,
    top_checks: dict[str, str],
    unsure: list[str],
) -> tuple[str, date | datetime]:
    """The draft's title and publication date, noting in ``top_checks`` and ``unsure`` what
    was guessed. Raises :class:`ArticleError` when there is neither text nor a date to use."""
    if not document.body.strip() and not document.title:
        first_line = next((line for line in normalise(text).split("\n") if line.strip()), "")
        if not first_line:
            raise ArticleError("has no text to import")
        document.title = _short(first_line, MAX_TITLE_CHARS)
    if published is None and document.date_line:
        published = header_date(document.date_line)
    if published is None:
        if today is None:
            raise ArticleError("has no date line; give the publication date with --published")
        published = today
        top_checks["published"] = "the article gives no date; this is the day it was imported"
        unsure.append("publication date: not in the article, today's date used")
    title = document.title
    if not title:
        first = document.body[: document.sentences[0][1]] if document.sentences else document.body
        title = _short(first, 90) or "Untitled article"
        top_checks["title"] = "no headline found; this is the start of the first sentence"
        unsure.append(f'title: no headline found, used "{_short(title)}"')
    return title, published


@dataclass
class _Found:
    """What the rules found in an article, for the draft."""

    persons: list[Person]
    ids: list[str]
    quotes: list[FoundQuote]
    dates: list[FoundDate]
    figures: list[FoundFigure]


def _participant_ids(persons: list[Person]) -> list[str]:
    taken: set[str] = set()
    return [uniquify(derive_id("person", person.name), taken) for person in persons]


def _summary(document: Document) -> str:
    lede: list[str] = []
    size = 0
    for paragraph in document.paragraphs:
        if paragraph.kind != "text":
            continue
        text = document.body[paragraph.start : paragraph.end]
        if lede and size + len(text) > SUMMARY_CHARS:
            break
        lede.append(text if len(text) <= SUMMARY_CHARS * 2 else _short(text, SUMMARY_CHARS))
        size += len(text)
        if len(lede) >= 3:
            break
    intro = "*Draft: the opening of the article, not yet edited.*"
    return "\n\n".join([intro, *lede]) if lede else intro


def _draft(
    document: Document,
    title: str,
    published: date | datetime,
    source: str | None,
    found: _Found,
    top_checks: dict[str, str],
) -> Draft:
    header = [
        "Draft brief written by `briefing import` from the text of an article.",
        'Nothing here has been checked by a person: read each "# check:" note,',
        "correct what is wrong, then delete the notes and this header.",
    ]
    deadlines = [d for d in found.dates if d.kind == "deadline"]
    timeline = [d for d in found.dates if d.kind == "timeline"]
    header += _left_out(
        participants=len(found.persons),
        quotes=len(found.quotes),
        deadlines=len(deadlines),
        timeline_events=len(timeline),
    )
    top = [
        Field("format", 1),
        Field("title", title, top_checks.get("title")),
        Field("published", published, top_checks.get("published")),
        Field("tags", ["draft"]),
    ]
    tables = [
        *_participant_tables(found.persons, found.ids),
        *_quote_tables(found.quotes, found.ids),
        *_date_tables(deadlines, timeline),
        *_figure_tables(found.figures),
    ]
    return Draft(header, top, _summary(document), source, tables)


def _participant_tables(persons: list[Person], ids: list[str]) -> list[Table]:
    tables: list[Table] = []
    for person, person_id in zip(persons[:MAX_ITEMS_PER_SECTION], ids, strict=False):
        table = Table("participants")
        table.add("id", person_id)
        table.add("name", person.name, "; ".join(person.checks) or None)
        table.add(
            "role",
            person.role,
            _role_check(person),
        )
        table.add("affiliation", person.affiliation)
        table.add("aliases", [a for a in person.aliases if a != person.name])
        tables.append(table)
    return tables


def _role_check(person: Person) -> str | None:
    if person.role_rank >= 1:
        return None
    if person.role is None:
        return "no title found"
    return "no title: this is what the sentence naming them says of them"


def _quote_tables(quotes: list[FoundQuote], ids: list[str]) -> list[Table]:
    tables: list[Table] = []
    for quote in quotes[:MAX_ITEMS_PER_SECTION]:
        table = Table("quotes")
        speaker_id = ids[quote.speaker] if quote.speaker is not None else None
        speaker_check = "; ".join(c for c in quote.checks if c.startswith("speaker")) or None
        if speaker_id is None:
            table.fields.append(
                Field(
                    "text", quote.text, 'no speaker named in the text; add speaker = "id" if known'
                )
            )
        else:
            table.add("speaker", speaker_id, speaker_check)
            table.add(
                "text",
                quote.text,
                "; ".join(c for c in quote.checks if not c.startswith("speaker")) or None,
            )
        table.add("context", quote.context)
        tables.append(table)
    return tables


def _date_tables(deadlines: list[FoundDate], timeline: list[FoundDate]) -> list[Table]:
    tables: list[Table] = []
    for found in deadlines[:MAX_ITEMS_PER_SECTION]:
        table = Table("deadlines")
        table.add("title", found.label or found.phrase)
        table.add("due", found.value, "; ".join(found.checks) or None)
        table.add("details", found.sentence)
        tables.append(table)
    for found in timeline[:MAX_ITEMS_PER_SECTION]:
        table = Table("timeline")
        value: str | date = found.iso if len(found.iso) < 10 else found.value
        table.add("date", value, "; ".join(found.checks) or None)
        table.add("label", found.label or found.phrase)
        tables.append(table)
    return tables


def _figure_tables(figures: list[FoundFigure]) -> list[Table]:
    tables: list[Table] = []
    for figure in figures[:MAX_ITEMS_PER_SECTION]:
        table = Table("figures")
        table.add("label", figure.label, "the label is the clause around the number")
        table.add("value", figure.value)
        table.add("note", figure.note)
        tables.append(table)
    return tables


def _left_out(**counts: int) -> list[str]:
    """A check note for each section that has more items than a draft keeps."""
    return [
        f"check: the article has more {what}; the draft keeps the first"
        f" {MAX_ITEMS_PER_SECTION:,} {what} (a brief holds no more)"
        for what, count in ((key.replace("_", " "), n) for key, n in counts.items())
        if count > MAX_ITEMS_PER_SECTION
    ]


def _note_doubts(
    unsure: list[str], persons: list[Person], quotes: list[FoundQuote], dates: list[FoundDate]
) -> None:
    for person in persons:
        for check in person.checks:
            unsure.append(f"participant {person.name}: {check}")
    for quote in quotes:
        label = f'quote "{_short(quote.text, 40)}"'
        if quote.speaker is None:
            unsure.append(f"{label}: no speaker")
        for check in quote.checks:
            unsure.append(f"{label}: {check}")
    for found in dates:
        for check in found.checks:
            if not check.startswith("year inferred"):
                unsure.append(f"{found.kind} {found.iso}: {check}")
