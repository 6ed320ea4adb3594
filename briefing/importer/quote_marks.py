"""Where the quotations of an article are: quotation marks paired, split quotes joined.

Quotation marks are paired paragraph by paragraph: curly marks by their shape,
straight ones in turn. Single marks count as quotation marks only where they open
at the start of a word and close at the end of one, so apostrophes ("people's",
"farmers'") are left alone. A quotation left open at the end of a paragraph runs
to its end, as news style does when a quote continues into the next paragraph.
A quotation split by its attribution ("The talks," he said, "were intense.") is
joined back into one. Kept apart from :mod:`.quotes`, which finds who said each
quotation: the people rules need these spans first (names inside a quotation
are not participants).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from briefing.importer.lexicon import SPEECH_VERB_RE
from briefing.importer.patterns import lazy
from briefing.importer.text import Document

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_MARKS = lazy("[\"“”„«»‘’']")
_LETTER = lazy(r"[^\W\d_]")
_SINGLE = lazy("[‘’']")
_OPEN_BEFORE = set(' \n([{—–-/"“')
_CLOSE_AFTER = set(' \n,.;:!?)]}—–-"”…')


@dataclass(slots=True)
class QuoteSpan:
    """Where a quotation sits: from its opening mark to just after its closing one."""

    start: int
    end: int
    text: str
    closed: bool = True
    parts: list[tuple[int, int]] = field(default_factory=list)


def _pairs_double(body: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    spans = []
    open_at: int | None = None
    for match in re.finditer('["“”„«»]', body[start:end]):
        pos = start + match.start()
        mark = match.group()
        before = body[pos - 1] if pos > start else " "
        if mark in _DOUBLE_OPEN:
            opening = True
        elif mark in _DOUBLE_CLOSE:
            opening = False
            if open_at is None and before in _OPEN_BEFORE:
                opening = True  # a closing mark used to open
        else:
            opening = open_at is None
            if opening and before.isdigit():
                continue  # 65" screen: inches
        if opening:
            if open_at is not None:
                spans.append((open_at, pos, False))
            open_at = pos
        elif open_at is not None:
            spans.append((open_at, pos + 1, True))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end, False))
    return spans


def _pairs_single(
    body: str, start: int, end: int, taken: list[tuple[int, int, bool]]
) -> list[tuple[int, int, bool]]:
    spans = []
    open_at: int | None = None
    taken_starts = [s for s, _, _ in taken]
    letter = _LETTER.compiled.match  # bound once: a paragraph can hold a million marks
    for match in _SINGLE.compiled.finditer(body, start, end):
        pos = match.start()
        if taken_starts:
            index = bisect.bisect_right(taken_starts, pos) - 1
            if index >= 0 and pos < taken[index][1]:
                continue
        mark = match.group()
        before = body[pos - 1] if pos > start else " "
        after = body[pos + 1] if pos + 1 < end else " "
        if open_at is None:
            if mark in "‘'" and before in _OPEN_BEFORE and letter(after):
                open_at = pos
        elif mark in "’'" and not before.isspace() and after in _CLOSE_AFTER:
            spans.append((open_at, pos + 1, True))
            open_at = None
    if open_at is not None and open_at == start:
        spans.append((open_at, end, False))
    return spans


def find_quote_spans(document: Document) -> list[QuoteSpan]:
    """Every quotation in the text paragraphs of ``document``, in order."""
    body = document.body
    spans: list[QuoteSpan] = []
    for paragraph in document.paragraphs:
        if paragraph.kind != "text" or not _MARKS.search(body, paragraph.start, paragraph.end):
            continue
        double = _pairs_double(body, paragraph.start, paragraph.end)
        single = _pairs_single(body, paragraph.start, paragraph.end, double)
        has_letter = _LETTER.compiled.search
        for start, end, closed in sorted(double + single):
            inner_end = end - 1 if closed else end
            text = body[start + 1 : inner_end].strip()
            if not has_letter(text):
                continue
            spans.append(QuoteSpan(start, end, text, closed, [(start, end)]))
    return spans


def join_split_quotes(body: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Join "The talks," he said, "were intense." into one quotation."""
    # A chain is a run of consecutive spans, joined once at its end: joining part by
    # part copied the text so far for every part (quadratic in a long chain), and a
    # list per span cost more than the spans themselves in an article of many quotes.
    joined: list[QuoteSpan] = []
    first = 0
    for number in range(1, len(spans) + 1):
        if number < len(spans) and _continues(body, spans[number - 1], spans[number]):
            continue
        chain = spans[first:number] if number - first > 1 else None
        joined.append(
            spans[first] if chain is None else QuoteSpan(
                chain[0].start, chain[-1].end, " ".join(part.text for part in chain),
                chain[-1].closed, [*chain[0].parts, *((part.start, part.end) for part in chain[1:])],
            )
        )  # fmt: skip
        first = number
    return joined


def _continues(body: str, last: QuoteSpan, span: QuoteSpan) -> bool:
    """Whether ``span`` goes on with the quotation ``last`` ("The talks," he said, "were ...")."""
    between = body[last.end : span.start] if span.start - last.end <= 160 else ""
    return bool(
        last.closed
        and last.text.endswith(",")
        and between
        and re.fullmatch(r"\s*,?\s*[^.!?;\"“”‘’]+,\s*", between)
        and SPEECH_VERB_RE.search(between)
        and span.text[:1].islower()
    )
