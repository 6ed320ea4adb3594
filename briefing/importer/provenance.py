"""Mark each drafted item with where in the article it was read, why, and how sure the importer is.

A post-pass over what the extractors already found: they keep offsets into the
document's body (a quotation's marks, a date's phrase, a person's first mention, a
figure's first digit) and their doubts (the ``# check:`` notes). This module turns
those into a ``draft`` table per item (see :mod:`briefing.core.provenance`) and keeps
the body with the draft, without the extractors knowing of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.core.provenance import confidence_of, selector
from briefing.importer.dates import FoundDate
from briefing.importer.draft import Draft, Field, Inline, Table
from briefing.importer.figures import FoundFigure
from briefing.importer.persons import Person
from briefing.importer.quotes import FoundQuote

MAX_KEPT_ARTICLE_BYTES = 2 * 1024 * 1024
"""A longer article (in UTF-8) is not kept: with its items it would pass the 5 MB brief limit."""
_ROLE_REASONS = {
    3: "named with a title before the name",
    2: "named with the role beside the name",
    1: "named with a courtesy title",
}
_NUMBER_END = re.compile(r"[^\s,;:()\[\]]+")


def add_provenance(
    draft: Draft,
    body: str,
    persons: Sequence[Person],
    quotes: Sequence[FoundQuote],
    dates: Sequence[FoundDate],
    figures: Sequence[FoundFigure],
) -> None:
    """Give every table of ``draft`` its ``draft`` mark, and keep ``body`` as the article."""
    marks = {
        "participants": [_person(body, person) for person in persons],
        "quotes": [_quote(body, quote) for quote in quotes],
        "deadlines": [_date(body, found) for found in dates if found.kind == "deadline"],
        "timeline": [_date(body, found) for found in dates if found.kind == "timeline"],
        "figures": [_figure(body, figure) for figure in figures],
    }
    by_section: dict[str, list[Table]] = {}
    for table in draft.tables:
        by_section.setdefault(table.section, []).append(table)
    for section, tables in by_section.items():
        for table, mark in zip(tables, marks.get(section, []), strict=False):
            table.fields.append(Field("draft", mark))
    if len(body.encode("utf-8", "surrogatepass")) <= MAX_KEPT_ARTICLE_BYTES:
        draft.article = body


def _mark(
    body: str, start: int, end: int, reason: str, checks: list[str], *, guessed: bool = False
) -> Inline:
    exact, prefix, suffix = selector(body, start, end)
    mark: Inline = {"start": start, "end": end, "exact": exact}
    if prefix:
        mark["prefix"] = prefix
    if suffix:
        mark["suffix"] = suffix
    mark["reason"] = reason
    if checks:
        mark["checks"] = checks
    mark["confidence"] = confidence_of(checks, guessed=guessed)
    return mark


def _person(body: str, person: Person) -> Inline:
    start = person.first
    names = sorted({person.name, *person.aliases}, key=len, reverse=True)
    found = next((name for name in names if body.startswith(name, start)), None)
    if found is None:
        # The first mention may be a shorter form than any full name: take its words.
        words = _NUMBER_END.match(body, start)
        end = words.end() if words else start
        while end < len(body) and body[end] == " " and body[end + 1 : end + 2].isupper():
            more = _NUMBER_END.match(body, end + 1)
            end = more.end() if more else end
            if not more:
                break
        found = body[start:end]
    checks = list(person.checks)
    if person.role is None:
        checks.append("no title found")
    reason = _ROLE_REASONS.get(person.role_rank, "a name the article uses")
    return _mark(body, start, start + len(found), reason, checks)


def _quote(body: str, quote: FoundQuote) -> Inline:
    start, end = quote.start, quote.end
    inner = body.find(quote.text, start, end)
    if inner >= 0:
        start, end = inner, inner + len(quote.text)
    if quote.speaker is None:
        reason = "in quotation marks; no speaker named"
    elif quote.attribution:
        reason = f'in quotation marks; speaker from "{quote.attribution}"'
    else:
        reason = "in quotation marks; speaker carried on from the paragraph"
    return _mark(body, start, end, reason, list(quote.checks), guessed=quote.speaker is None)


def _date(body: str, found: FoundDate) -> Inline:
    kind = "a deadline word nearby" if found.kind == "deadline" else "no deadline word nearby"
    reason = f'"{found.phrase}" read as {found.iso}; {kind}'
    checks = [c for c in found.checks if not c.startswith("year inferred")]
    return _mark(body, found.start, found.end, reason, checks)


def _figure(body: str, figure: FoundFigure) -> Inline:
    start = figure.start
    if body.startswith(figure.value, start):
        end = start + len(figure.value)
    else:
        token = _NUMBER_END.match(body, start)
        end = token.end() if token else start
        while end > start and body[end - 1] in ".!?":
            end -= 1
    reason = "a number worth showing; its label is the clause around it"
    return _mark(body, start, end, reason, ["the label is the clause around the number"])
