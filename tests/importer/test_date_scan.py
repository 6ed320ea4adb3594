"""The quick scan for dates finds exactly what the full date pattern finds.

``find_dates`` only tries the date pattern where a date can begin (a digit, a
month or weekday, or one of the few words a date phrase starts with); this
checks that no date is lost by that, on real articles and on random text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.importer.date_words import DATES, date_matches
from briefing.importer.text import split_document

from .helpers import ARTICLES, SEED_ARTICLE

_PIECES = [
    "Nov. 10", "on ", "Monday", "Monday, ", "next ", "last ", "this ", "coming ", "the ",
    "end of ", "end of the month", "in ", "in-", "since ", "mid-", "of ", "2024", "2024-05-01",
    "27th", "May", "Sept.", "the previous day", "later this week", "today", "tonight", "by ",
    "until ", "x", "a", "1", ",", ".", " ", "\n\n", "’s", "'s", "-", "Jan", "June", "Tue",
]  # fmt: skip


def _spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return (
        [m.span() for m in DATES.finditer(text)],
        [m.span() for m in date_matches(text)],
    )


def test_the_articles_give_the_same_dates() -> None:
    paths = [*sorted(ARTICLES.glob("*.txt")), *sorted((ARTICLES.parent / "heldout").glob("*.txt"))]
    for path in [*paths, SEED_ARTICLE]:
        body = split_document(path.read_text(encoding="utf-8")).body
        full, quick = _spans(body)
        assert quick == full, path.name


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_random_date_words_give_the_same_dates(pieces: list[str]) -> None:
    full, quick = _spans("".join(pieces))
    assert quick == full


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="aeinostdhyMNJTSW0123456789 .,-’'\n", max_size=80))
def test_random_text_gives_the_same_dates(text: str) -> None:
    full, quick = _spans(text)
    assert quick == full
