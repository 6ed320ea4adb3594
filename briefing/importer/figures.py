"""Find key figures: percentages and sums of money, with what the sentence says they measure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.importer.clauses import ClauseMarks
from briefing.importer.patterns import lazy
from briefing.importer.text import Document

_FIGURE = lazy(
    r"""
    (?P<money>
        (?:(?:US|C|A|NZ|HK|S)?\$|€|£|¥|₹|RM\s?)\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|mn|m|k)\b)?
      | \b\d[\d,]*(?:\.\d+)?\s?(?:million|billion|trillion)?\s?(?:dollars|euros|pounds|yen|yuan|ringgit|rupees)\b
    )
    | (?P<percent>\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per\ cent\b))
    """,
    re.VERBOSE,
)
_LEAD = lazy(
    r"^(?:and|but|or|which|that|while|with|after|before|as|although|though|the company said|it said)\s+",
    re.IGNORECASE,
)
_TRIM = " ,.;:-—–\"“”'‘’()"
MAX_LABEL_CHARS = 90
_WINDOW = 200
"""How far either side of a number its label is looked for (the label keeps 90 characters).

Reading the whole clause or sentence for each number made a long sentence of
numbers cost time quadratic in its length.
"""


@dataclass
class FoundFigure:
    """A number worth showing, with a label taken from its clause."""

    value: str
    label: str
    note: str
    start: int


class _Sentence:
    """One sentence and what its numbers share, each worked out once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks = ClauseMarks(text)
        self._firsts: dict[tuple[int, int], int | None] = {}
        self._plain: str | None = None
        self._found_at: dict[str, int] = {}
        self._trimmed: str | None = None

    def first_figure(self, left: int, right: int) -> int | None:
        """Where the first number of the clause ``left:right`` starts."""
        key = (left, right)
        if key not in self._firsts:
            first = _FIGURE.search(self.text, left, right)
            self._firsts[key] = first.start() if first else None
        return self._firsts[key]

    @property
    def plain(self) -> str:
        """The sentence on one line, single-spaced."""
        if self._plain is None:
            self._plain = " ".join(self.text.split())
        return self._plain

    @property
    def trimmed(self) -> str:
        """:attr:`plain` without punctuation at its ends (a label of last resort)."""
        if self._trimmed is None:
            self._trimmed = self.plain.strip(_TRIM)
        return self._trimmed

    def found_at(self, value: str) -> int:
        """Where ``value`` first appears in :attr:`plain` without its ends, remembered.

        Every new value adds a figure and there are at most 40, so the sentence is
        searched from its start only a few times however many numbers it repeats.
        """
        if value not in self._found_at:
            self._found_at[value] = self.trimmed.find(value)
        return self._found_at[value]


def _label(context: _Sentence, start: int, end: int) -> str:
    sentence = context.text
    left, right = context.marks.bounds(start, end)
    # Two numbers in one clause ("145% by the U.S. and 125% by China") share the words
    # before the first one and keep their own words after: one label each.
    first = context.first_figure(left, right)
    head_end = first if first is not None else start
    head = sentence[max(left, head_end - _WINDOW) : head_end]
    following = _FIGURE.search(sentence, end, min(right, end + _WINDOW))
    stop = following.start() if following else right
    tail = sentence[end : min(stop, end + _WINDOW)]
    cut = re.search(r"\s(?:and|but|while|whereas|or)\s", tail)
    if cut:
        tail = tail[: cut.start()]
    text = " ".join(f"{head}{sentence[start:end]}{tail}".split()).strip(_TRIM)
    previous = None
    while previous != text:
        previous = text
        text = _LEAD.sub("", text).strip(_TRIM)
    whole = len(text.split()) < 3
    if whole:
        text = context.trimmed
    if len(text) > MAX_LABEL_CHARS:
        # Keep the words nearest the number: they say what it measures.
        value = sentence[start:end]
        value_at = context.found_at(value) if whole else text.find(value)
        begin = max(0, value_at - MAX_LABEL_CHARS // 2) if value_at >= 0 else 0
        text = text[begin : begin + MAX_LABEL_CHARS]
        if begin:
            text = "…" + text.split(" ", 1)[-1]
        text = text.rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


def find_figures(document: Document, limit: int = 40) -> list[FoundFigure]:
    """Percentages and money amounts in the text paragraphs, at most ``limit`` of them."""
    body = document.body
    found: list[FoundFigure] = []
    seen: set[tuple[str, str]] = set()
    for paragraph in document.paragraphs:
        if paragraph.kind != "text":
            continue
        span = (-1, -1)
        context = _Sentence("")
        for match in _FIGURE.finditer(body, paragraph.start, paragraph.end):
            if document.sentence_at(match.start()) != span:
                span = document.sentence_at(match.start())
                context = _Sentence(body[span[0] : span[1]])
            value = " ".join(match.group().split())
            label = _label(context, match.start() - span[0], match.end() - span[0])
            if not label or (value, label) in seen:
                continue
            seen.add((value, label))
            found.append(FoundFigure(value, label, context.plain, match.start()))
            if len(found) >= limit:
                return found
    return found
