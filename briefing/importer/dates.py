"""Find dates in an article and resolve them against its publication date.

Handles absolute dates ("Nov. 10", "October 25, 2025", "27 April 2018"), months
("in May", "March 2023"), weekdays ("on Sunday", "Saturday's final", "next
Tuesday"), the common relative phrases ("yesterday", "the previous day", "later
this week") and years tied to an event ("launched in 2021"). A date without a
year takes the year that puts it nearest the publication date, or the next or
last one when the sentence speaks of the future or the past. Dates near words
such as "deadline", "expires", "vote on" or "hearing" are deadlines; the others
are timeline events.

The words of a date and the calendar they stand for are in :mod:`.date_words`;
the article's date line is read by :mod:`.date_line`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from briefing.importer.clauses import ClauseMarks
from briefing.importer.date_labels import ListItems, deadline_label
from briefing.importer.date_line import header_date
from briefing.importer.date_words import Resolved, date_matches, resolve_phrase
from briefing.importer.patterns import lazy

if TYPE_CHECKING:
    from briefing.importer.text import Document

__all__ = ["FoundDate", "find_dates", "header_date"]

_FUTURE = lazy(
    r"\b(?:will|won't|shall|would|could|'ll|scheduled|planned|plans?|expected|due|set to|is to|are to"
    r"|upcoming|coming|next|ahead of|later|opens?|closes?|begins?|starts?|ends?|expires?|resumes?"
    r"|takes? effect|comes? into force|kicks? off|goes on sale|until|deadline|must|should"
    r"|needs? to|has to|have to)\b",
    re.IGNORECASE,
)
_PAST = lazy(
    r"\b(?:\w{3,}ed|was|were|had|did|said|told|met|went|took|made|held|won|lost|hit|began|came|saw"
    r"|gave|sold|rose|fell|struck|led|spoke|wrote|drove|broke|ago|last|earlier|since|previous"
    r"|closing price|close of trading|previous close)\b",
    re.IGNORECASE,
)
_NOT_PAST = {"expected", "scheduled", "planned", "proposed", "needed", "related"}
_INFINITIVE_BEFORE = lazy(r"\bto\s+\w+(?:\s+\w+){0,2}\s+(?:on\s+)?$", re.IGNORECASE)
_DEADLINE = lazy(
    r"\b(?:deadline|expir\w*|due\b(?!\s+to\b)|must|by\s+the\s+end\s+of|closes?\b|closing|close\b|applications?|vote[sd]?\b|voting"
    r"|ballot|referendum|hearings?\b|until|no later than|takes? effect|take effect|comes? into force"
    r"|cut-?off|ultimatum|truce)",
    re.IGNORECASE,
)
_DEADLINE_AFTER = lazy(r"\s*(?:['’]s\s+)?(?:deadline|cut-?off|expiry)", re.IGNORECASE)
_END_OF = lazy(r"(?:the\s+)?end\s+of\b", re.IGNORECASE)
_BY_END = lazy(r"\b(?:by|until|before)\s*$", re.IGNORECASE)
_NOT_DEADLINE = lazy(r"closing (?:price|bell|ceremony|news conference|session|stages)", re.I)
_BY_DEADLINE = lazy(
    r"\b(?:submit\w*|file|filed|complete[sd]?|completed|finish\w*|present\w*|pay|respond|decide"
    r"|deliver\w*|register\w*|apply|sign\w*|approve\w*|ratif\w*)\b[^.;]*\bby\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_EVENT_YEAR = lazy(
    r"\b(?:launched|founded|began|started|opened|passed|signed|elected|introduced|released|built"
    r"|established|created|won|took office|was born|died|merged|acquired|debuted|listed|election"
    r"|elections|vote|referendum|census)\b",
    re.IGNORECASE,
)


@dataclass
class FoundDate:
    """A date found in the article."""

    start: int
    end: int
    phrase: str
    """The words as the article writes them."""
    iso: str
    """``2025-11-10``, or ``2025-05`` / ``2025`` when the article says no more."""
    kind: str
    """``deadline`` or ``timeline``."""
    label: str
    sentence: str
    checks: list[str] = field(default_factory=list)
    """Why the importer is unsure (empty when it is not)."""

    @property
    def value(self) -> date:
        """The date itself; a month or year stands for its last day (for a deadline's due)."""
        parts = [int(p) for p in self.iso.split("-")]
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], 12, 31)


_WINDOW = 200
"""How far before a date the words that lead to it are looked for (a few words are needed)."""


def _leaning(text: str) -> str | None:
    """``future`` or ``past`` when the words of ``text`` say so, else None."""
    if _FUTURE.search(text):
        return "future"
    # One at a time: the first past-tense word decides, the rest of a long sentence is not read.
    for word in _PAST.finditer(text):
        if word.group().lower() not in _NOT_PAST:
            return "past"
    return None


def _first_leaning(text: str) -> str | None:
    """:func:`_leaning`, but the first word that says so decides: after a date that opens a
    sentence ("On Tuesday, the government announced ... whether they would ..."), the main
    verb comes first and the clauses that hang from it later."""
    future = _FUTURE.search(text)
    # One at a time: the first past-tense word decides, the rest of a long sentence is not read.
    end = future.start() if future else len(text)
    for word in _PAST.finditer(text, 0, end):
        if word.group().lower() not in _NOT_PAST:
            return "past"
    return "future" if future else None


def _has_to(text: str, start: int, end: int) -> bool:
    """Whether "to" (in any case) is in ``text[start:end]``: without it no infinitive is."""
    find = text.find
    return (
        find("to", start, end) >= 0
        or find("To", start, end) >= 0
        or find("TO", start, end) >= 0
        or find("tO", start, end) >= 0
    )


class _Sentence:
    """One sentence and what its dates share, each worked out once.

    A sentence can hold thousands of dates; reading the whole sentence (or the
    whole clause) again for each of them made long sentences cost time quadratic
    in their length.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks = ClauseMarks(text)
        self._leanings: dict[tuple[int, int], str | None] = {}
        self._events: dict[tuple[int, int], bool] = {}
        self._stripped: str | None = None
        self._opening: str | None = None
        """What the rest of the sentence says after a date clause that opens it ("" nothing)."""

    @property
    def stripped(self) -> str:
        """The sentence without surrounding spaces."""
        if self._stripped is None:
            self._stripped = self.text.strip()
        return self._stripped

    def leaning(self, left: int, right: int) -> str | None:
        """:func:`_leaning` of ``text[left:right]``, remembered."""
        key = (left, right)
        if key not in self._leanings:
            self._leanings[key] = _leaning(self.text[left:right])
        return self._leanings[key]

    def has_event(self, left: int, right: int) -> bool:
        """Whether ``text[left:right]`` names an event a year can date ("launched")."""
        key = (left, right)
        if key not in self._events:
            self._events[key] = _EVENT_YEAR.search(self.text[left:right]) is not None
        return self._events[key]

    def tense(self, start: int, end: int) -> str:
        """``future``, ``past`` or ``unknown``: which way a date without a year should lean.

        The clause around the date decides, then the whole sentence.
        """
        left, right = self.marks.bounds(start, end)
        # Searching from ``pos`` sees the character before it, as a search of the
        # clause from its start does; an infinitive needs a few words, not a whole clause.
        window = max(left, start - _WINDOW)
        if _has_to(self.text, window, start) and _INFINITIVE_BEFORE.search(
            self.text, window, start
        ):
            return "future"
        clause = self.leaning(left, right)
        if clause is None and left == 0 and right < len(self.text):
            if self._opening is None:
                self._opening = _first_leaning(self.text[right:]) or ""
            clause = self._opening or None
        return clause or self.leaning(0, len(self.text)) or "unknown"


_UNSEEN: Resolved = ("", [])
"""What :class:`_Resolutions` holds for a date it has not resolved yet."""


class _Resolutions:
    """What each distinct date phrase resolves to, worked out once per tense.

    The value of a date depends only on its words, the publication date and
    (for dates without a year) the tense of its clause; an article that repeats
    "Nov. 10" thousands of times does the calendar work once.
    """

    def __init__(self, published: date) -> None:
        self.published = published
        self._known: dict[tuple[str, int | None, str], Resolved] = {}

    def resolve(self, match: re.Match[str], sentence: _Sentence, offset: int) -> Resolved:
        """The ISO value of ``match`` and any doubts (a new list), or None when it is no date."""
        group = match.group
        if group("year"):
            start, end = match.start() - offset, match.end() - offset
            return (
                (group("year"), [])
                if sentence.has_event(*sentence.marks.bounds(start, end))
                else None
            )
        # Only dates without a year need the tense: most matches never pay for it.
        if group("iso") or group("m3"):
            tense = "unknown"
        else:
            tense = sentence.tense(match.start() - offset, match.end() - offset)
        # The branch that matched (its last group) and the words decide all the rest.
        key = (group(), match.lastindex, tense)
        found = self._known.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._known[key] = resolve_phrase(match, self.published, tense)
        return None if found is None else (found[0], list(found[1]))


class _DeadlineWords:
    """Whether the words before a date make it a deadline, read once per distinct text.

    The words before each date are at most 90 characters; an article repeating
    the same phrase thousands of times ("on Nov. 10 and ...") asks the same
    question each time. The memory is emptied when it grows, so it stays small.
    """

    LIMIT = 4096

    def __init__(self) -> None:
        self._known: dict[str, tuple[bool, bool, bool]] = {}

    def verdicts(self, before: str) -> tuple[bool, bool, bool]:
        """(a "closing price" kind of phrase, a deadline word, a "submit ... by" phrase)."""
        found = self._known.get(before)
        if found is None:
            if len(self._known) >= self.LIMIT:
                self._known.clear()
            found = self._known[before] = (
                _NOT_DEADLINE.search(before) is not None,
                _DEADLINE.search(before) is not None
                and re.search(r"\bopens?\b", before[-25:]) is None,
                _BY_DEADLINE.search(before) is not None,
            )
        return found

    def is_deadline(self, sentence: str, start: int, end: int, previous_end: int) -> bool:
        """Whether the date at ``start:end`` of ``sentence`` is a deadline."""
        not_deadline, deadline, by_deadline = self.verdicts(
            sentence[max(previous_end, start - 90) : start]
        )
        if not_deadline:
            return False
        if deadline or _DEADLINE_AFTER.match(sentence, end):
            return True
        return by_deadline


_LABEL_TRIM = " ,.;:-—–\"“”'‘’()"


def _label(sentence: str, bounds: tuple[int, int], start: int, end: int) -> str:
    """A short label for a date: its clause (``bounds``), without the date itself.

    The label keeps 100 characters, so only the first :data:`_WINDOW` characters
    of a longer clause are read: reading all of it for each date made a long
    clause full of dates cost time quadratic in its length.
    """
    left, right = bounds
    if start - left > _WINDOW:
        head = sentence[left : left + _WINDOW]
    else:
        head = re.sub(
            r"\b(?:on|by|until|from|in|since|of|at|before|after|for)$",
            "",
            sentence[left:start].rstrip(),
            flags=re.IGNORECASE,
        )
    text = " ".join(f"{head} {sentence[end : min(right, end + _WINDOW)]}".split())
    text = re.sub('["“”]', "", text).strip(_LABEL_TRIM)
    text = re.sub(r"^(?:and|but|or|which|that|when|while|where|with|as)\s+", "", text, flags=re.I)
    if len(text.split()) < 3:
        # The clause is little more than the date: say what the sentence says.
        around = (
            sentence[:_WINDOW]
            if start > _WINDOW
            else f"{sentence[:start]} {sentence[end : end + _WINDOW]}"
        )
        text = " ".join(around.split()).strip(_LABEL_TRIM)
    if len(text) > 100:
        text = text[:100].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


def _date_label(sentence: _Sentence, items: ListItems, start: int, end: int, deadline: bool) -> str:
    """The label of the date at ``start:end``: a deadline's own name, else its clause (said
    with the item's own place in a list of places and dates)."""
    text, bounds = sentence.text, sentence.marks.bounds(start, end)
    return (deadline and deadline_label(text, bounds, start, end)) or items.label(
        text, bounds, start, end, _label(text, bounds, start, end)
    )


def _in_caption(document: Document, offset: int) -> bool:
    """Whether ``offset`` is in a paragraph the splitter took for a caption or credit line."""
    paragraphs = document.paragraphs
    return bool(paragraphs) and paragraphs[document.paragraph_index(offset)].kind == "caption"


def find_dates(
    document: Document,
    published: date,
    *,
    once: bool = False,
) -> list[FoundDate]:
    """Every usable date in the body of ``document``, in order, resolved against ``published``.

    With ``once``, each date is kept once per kind (deadline or timeline), where it
    is first mentioned, as the draft keeps it; the mentions after that are not
    labelled, so an article repeating one date thousands of times stays cheap.
    """
    body = document.body
    found: list[FoundDate] = []
    seen: set[tuple[str, str]] = set()
    resolutions = _Resolutions(published)
    deadline_words = _DeadlineWords()
    previous_sentence = (-1, -1)
    previous_end = 0
    sentence, items = _Sentence(""), ListItems()
    in_caption = False
    for match in date_matches(body):
        sentence_span = document.sentence_at(match.start())
        if sentence_span != previous_sentence:
            previous_sentence, previous_end = sentence_span, 0
            sentence, items = _Sentence(body[sentence_span[0] : sentence_span[1]]), ListItems()
            # A photo's caption dates the photo, not an event of the story.
            in_caption = _in_caption(document, sentence_span[0])
        if not sentence.text or in_caption:
            continue
        resolved = resolutions.resolve(match, sentence, sentence_span[0])
        start, end = match.start() - sentence_span[0], match.end() - sentence_span[0]
        if resolved is None:
            continue
        iso, checks = resolved
        if not 2 <= int(iso[:4]) <= 9998:
            continue
        text = sentence.text
        deadline = deadline_words.is_deadline(text, start, end, previous_end) or bool(
            # "by" and the spaces after it are all the search needs to see.
            _END_OF.match(match.group()) and _BY_END.search(text, max(0, start - 64), start)
        )
        previous_end = end
        kind = "deadline" if deadline else "timeline"
        if once:
            if (kind, iso) in seen:
                continue
            seen.add((kind, iso))
        label = _date_label(sentence, items, start, end, deadline) or match.group().strip()
        phrase = " ".join(match.group().split())
        if deadline and len(iso) < 10:
            checks.append(f'due date set to the end of "{phrase}"')
        found.append(
            FoundDate(
                match.start(), match.end(), phrase, iso, kind, label, sentence.stripped, checks,
            )
        )  # fmt: skip
    return found
