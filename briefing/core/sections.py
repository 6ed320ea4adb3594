"""The section registry: the sections of a brief, in the order of their number keys.

Everything outside the reader's panes that walks a brief section by section
reads :data:`SECTIONS`: anchors and notes, the library index and search, change
digests, copying, ``briefing show``, the loader's id checks. The reader's side
(row renderer, widget, detail view) is :mod:`briefing.ui.sections`.

A new section is one :class:`~briefing.core.section.Section` here and its model
and field in :mod:`briefing.core.models`. :func:`register` adds one at run time
(the registry test does): the brief model then gains the field through
:func:`brief_model`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from briefing.core.countdown import countdown, wording
from briefing.core.ids import derive_id, uniquify
from briefing.core.safetext import clean_line
from briefing.core.section import IndexContext, Section, indented, speaker_line
from briefing.core.timeutil import date_key, format_when, sort_key

if TYPE_CHECKING:
    # Names only: the models are imported where items are read.
    from briefing.core.models import Brief, Deadline, Figure, Participant, Quote, TimelineEvent


def _raw(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def _day(brief: Brief) -> str:
    return format_when(brief.published).split(" ")[0]


# -- summary: the brief itself is its one item ------------------------------------------


def _summary_lines(brief: Brief, _items: Sequence[Any], _now: datetime, _clock: str) -> list[str]:
    return [brief.summary.strip() or "No summary in this brief."]


def _summary_record(brief: Brief, _context: IndexContext) -> dict[str, Any]:
    return {
        "text": f"{brief.title}\n{brief.summary}",
        "when": format_when(brief.published),
        "when_ts": brief.published_at.timestamp(),
        "context": brief.source.name if brief.source else "",  # searched, not shown
    }


SUMMARY = Section(
    key="summary",
    title="Summary",
    kind="summary",
    kind_label="Summary",
    model=None,
    text=lambda brief: brief.summary,
    derive_id=lambda _brief: "",
    raw_id=lambda _raw_brief: "",
    search_fields=lambda brief: (brief.title, brief.summary),
    copy_line=lambda brief, _item, _clock: f"{brief.title}\n\n{brief.summary.strip()}".strip(),
    digest=lambda brief: (brief.title, brief.summary),
    index_fields=_summary_record,
    lines=_summary_lines,
    items=lambda brief: (brief,),
    empty="No summary in this brief",
    fields_per_line=False,
    search_boost=1.5,
    counted=False,
)


# -- participants ---------------------------------------------------------------------


def _person_copy(brief: Brief, person: Participant, _clock: str) -> str:
    details = ", ".join(p for p in (person.role, person.affiliation) if p)
    return f"{person.name}" + (f", {details}" if details else "") + f" ({brief.title})"


def _person_lines(_brief: Brief, people: Sequence[Any], _now: datetime, _clock: str) -> list[str]:
    out = []
    for person in people:
        details = ", ".join(part for part in (person.role, person.affiliation) if part)
        line = f"- {person.name}" + (f" — {details}" if details else "")
        if person.side:
            line += f" [side: {person.side}]"
        out.append(line)
        if person.notes:
            out.append(indented(person.notes))
    return out


def _person_record(person: Participant, _context: IndexContext) -> dict[str, Any]:
    words = [person.name, *person.aliases, person.role or "", person.affiliation or ""]
    return {
        "text": "\n".join(filter(None, [*words, person.side or "", person.notes or ""])),
        "speaker_id": person.id,
        "speaker_name": person.name,
        "role": person.role or "",
        "affiliation": person.affiliation or "",
        "aliases": tuple(person.aliases),
        "context": person.side or "",
    }


PARTICIPANTS = Section(
    key="participants",
    title="Participants",
    kind="participant",
    kind_label="Participant",
    model="Participant",
    text=lambda p: " ".join(filter(None, (p.name, p.role, p.affiliation))),
    derive_id=lambda p: derive_id("person", p.name),
    # Cleaned as the model cleans it, so the ids match those of the loaded brief.
    raw_id=lambda p: derive_id("person", clean_line(_raw(p, "name"))),
    search_fields=lambda p: (p.name, *p.aliases, p.role, p.affiliation, p.side, p.notes),
    copy_line=_person_copy,
    digest=lambda p: (p.name, p.role, p.affiliation, p.side, p.notes, *p.aliases),
    index_fields=_person_record,
    lines=_person_lines,
    empty="No participants in this brief",
    search_boost=1.5,
)


# -- quotes ---------------------------------------------------------------------------


def _quote_copy(brief: Brief, quote: Quote, _clock: str) -> str:
    when = format_when(quote.said).split(" ")[0] if quote.said else _day(brief)
    return f"“{quote.text}” — {speaker_line(brief, quote)} ({brief.title}, {when})"


def _quote_lines(brief: Brief, quotes: Sequence[Any], _now: datetime, clock: str) -> list[str]:
    out = []
    for quote in quotes:
        out.append(f"- “{quote.text}”")
        attribution = f"  — {speaker_line(brief, quote)}"
        if quote.said:
            attribution += f", {format_when(quote.said, clock=clock)}"
        if quote.source:
            attribution += f"; {quote.source}"
        out.append(attribution)
        if quote.context:
            out.append(indented(f"Context: {quote.context}"))
    return out


def _quote_record(quote: Quote, context: IndexContext) -> dict[str, Any]:
    speaker = context.people.get(quote.speaker) if quote.speaker else None
    said_text, said_ts = context.when(
        quote.said if quote.said is not None else context.brief.published
    )
    return {
        "text": quote.text,
        "speaker_id": quote.speaker or "",
        "speaker_name": speaker.name if speaker else "",
        "role": speaker.role or "" if speaker else "",
        "affiliation": speaker.affiliation or "" if speaker else "",
        "when": said_text,
        "when_ts": said_ts,
        "context": quote.context or "",
    }


QUOTES = Section(
    key="quotes",
    title="Quotes",
    kind="quote",
    kind_label="Quote",
    model="Quote",
    text=lambda q: q.text,
    derive_id=lambda q: derive_id("quote", q.speaker or "quote", hashed=[q.text]),
    raw_id=lambda q: derive_id("quote", _raw(q, "speaker") or "quote", hashed=[_raw(q, "text")]),
    search_fields=lambda q: (q.text, q.context),
    copy_line=_quote_copy,
    digest=lambda q: (q.text, q.speaker, q.context, q.said, q.source),
    index_fields=_quote_record,
    lines=_quote_lines,
    empty="No quotes in this brief",
    fields_per_line=False,
)


# -- deadlines ------------------------------------------------------------------------


def _deadline_copy(brief: Brief, deadline: Deadline, clock: str) -> str:
    status = "" if deadline.status.value == "open" else f" [{deadline.status.value}]"
    return (
        f"{deadline.title}: due {format_when(deadline.due_at, clock=clock)}{status} ({brief.title})"
    )


def _deadline_lines(
    _brief: Brief, deadlines: Sequence[Any], now: datetime, clock: str
) -> list[str]:
    out = []
    for deadline in sorted(deadlines, key=lambda d: d.due_at):
        left = countdown(deadline.due_at, now, deadline.status)
        due = format_when(deadline.due, clock=clock)
        if not isinstance(deadline.due, datetime):
            due += " (end of day)"
        left_words = "".join(wording(left, brackets=True, always=True))
        out.append(f"- {deadline.title} — due {due} — {left_words}")
        if deadline.details:
            out.append(indented(deadline.details))
    return out


def _deadline_record(deadline: Deadline, _context: IndexContext) -> dict[str, Any]:
    return {
        "text": "\n".join(filter(None, [deadline.title, deadline.details or ""])),
        "when": format_when(deadline.due),
        "when_ts": deadline.due_at.timestamp(),
        "context": deadline.status.value,
    }


DEADLINES = Section(
    key="deadlines",
    title="Deadlines",
    kind="deadline",
    kind_label="Deadline",
    model="Deadline",
    text=lambda d: d.title,
    derive_id=lambda d: derive_id("deadline", d.title),
    raw_id=lambda d: derive_id("deadline", _raw(d, "title")),
    search_fields=lambda d: (d.title, d.details),
    copy_line=_deadline_copy,
    digest=lambda d: (d.title, d.due, d.details, d.status.value),
    index_fields=_deadline_record,
    lines=_deadline_lines,
    empty="No deadlines in this brief",
)


# -- timeline -------------------------------------------------------------------------


def _event_copy(brief: Brief, event: TimelineEvent, _clock: str) -> str:
    place = f", {event.place}" if event.place else ""
    return f"{format_when(event.date)}: {event.label}{place} ({brief.title})"


def _event_lines(_brief: Brief, events: Sequence[Any], _now: datetime, clock: str) -> list[str]:
    out = []
    for event in sorted(events, key=lambda e: sort_key(e.date)):
        place = f" · {event.place}" if event.place else ""
        out.append(f"- {format_when(event.date, clock=clock)}{place} — {event.label}")
    return out


def _event_record(event: TimelineEvent, context: IndexContext) -> dict[str, Any]:
    when_text, when_ts = context.when(event.date)
    return {
        "text": "\n".join(filter(None, [event.label, event.place or ""])),
        "when": when_text,
        "when_ts": when_ts,
        "context": event.place or "",
    }


TIMELINE = Section(
    key="timeline",
    title="Timeline",
    kind="event",
    kind_label="Timeline event",
    model="TimelineEvent",
    text=lambda e: f"{e.date} {e.label}",
    derive_id=lambda e: derive_id("event", f"{date_key(e.date)} {e.label}"),
    raw_id=lambda e: derive_id("event", f"{e.get('date')} {_raw(e, 'label')}"),
    search_fields=lambda e: (e.label, e.place),
    copy_line=_event_copy,
    digest=lambda e: (e.label, e.date, e.place),
    index_fields=_event_record,
    lines=_event_lines,
    empty="No timeline in this brief",
)


# -- figures --------------------------------------------------------------------------


def _figure_copy(brief: Brief, figure: Figure, _clock: str) -> str:
    note = f" — {figure.note}" if figure.note else ""
    return f"{figure.label}: {figure.value}{note} ({brief.title}, {_day(brief)})"


def _figure_lines(_brief: Brief, figures: Sequence[Any], _now: datetime, _clock: str) -> list[str]:
    return [
        f"- {figure.value} — {figure.label}" + (f" ({figure.note})" if figure.note else "")
        for figure in figures
    ]


FIGURES = Section(
    key="figures",
    title="Key figures",
    kind="figure",
    kind_label="Key figure",
    model="Figure",
    text=lambda f: f"{f.value} {f.label}",
    derive_id=lambda f: derive_id("figure", f.label),
    raw_id=lambda f: derive_id("figure", _raw(f, "label")),
    search_fields=lambda f: (f.label, f.value, f.note),
    copy_line=_figure_copy,
    digest=lambda f: (f.label, f.value, f.note),
    index_fields=lambda f, _context: {
        "text": "\n".join(filter(None, [f.label, f.value, f.note or ""])),
        "context": f.value,
    },
    lines=_figure_lines,
    empty="No figures in this brief",
)


# -- the registry ---------------------------------------------------------------------

SECTIONS: list[Section] = [SUMMARY, PARTICIPANTS, QUOTES, DEADLINES, TIMELINE, FIGURES]
"""Every section, in the order of the reader's number keys (the summary is ``1``)."""

_brief_models: dict[tuple[str, ...], type[Brief]] = {}


def by_key(key: str) -> Section | None:
    """The section called ``key`` (``quotes``), or None."""
    for section in SECTIONS:
        if section.key == key:
            return section
    return None


def by_kind(kind: str) -> Section | None:
    """The section whose items are of ``kind`` (an ItemKind value: ``quote``), or None."""
    for section in SECTIONS:
        if section.kind == kind:
            return section
    return None


def lists() -> Iterator[Section]:
    """The sections that are lists of items (every one but the summary)."""
    return (section for section in SECTIONS if section.model is not None)


def register(section: Section) -> None:
    """Add ``section`` after the others (its number key is the next one)."""
    if by_key(section.key) is not None or by_kind(section.kind) is not None:
        raise ValueError(f"a section {section.key!r} or kind {section.kind!r} is registered")
    SECTIONS.append(section)


def unregister(key: str) -> None:
    """Remove the section called ``key`` (for tests that registered one)."""
    SECTIONS[:] = [section for section in SECTIONS if section.key != key]


def derive_ids(brief: Brief) -> None:
    """Fill in missing ids of every list section; explicit ones were checked by the loader."""
    for section in lists():
        items = section.items_of(brief)
        taken = {item.id for item in items if item.id is not None}
        for item in items:
            if item.id is None:
                item.id = uniquify(section.derive_id(item), taken)


def brief_model() -> type[Brief]:
    """The model briefs are read with: :class:`Brief`, plus a field for each registered section
    it does not have (made once per set of sections)."""
    # deferred: the models; the registry is read before the first frame
    from briefing.core.models import Brief

    names = {f.name for f in dataclasses.fields(Brief)}
    extra = tuple(s.key for s in lists() if s.key not in names)
    model = _brief_models.get(extra, Brief if not extra else None)
    if model is None:
        # Named by string, as Brief's own: briefing.core.validation resolves ItemList (the
        # limit on items) and the item model's name. Brief's resolution derives their ids.
        named = {s.key: getattr(s.item_model(), "__name__", "") for s in lists() if s.key in extra}
        fields: list[tuple[str, str, Any]] = [
            (k, f"ItemList[{n}]", dataclasses.field(default_factory=list)) for k, n in named.items()
        ]
        namespace = {"__doc__": Brief.__doc__, "__pydantic_config__": Brief.__pydantic_config__}
        model = _brief_models[extra] = dataclasses.make_dataclass(
            "Brief", fields, bases=(Brief,), namespace=namespace, kw_only=True, slots=True
        )
    return model
