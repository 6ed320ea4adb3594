"""The sample brief built from the seed article is faithful to the article.

tests/data/seed_article.txt is a byte-for-byte copy of the article the brief was
built from, so these tests run anywhere.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.core import Brief, load_brief
from briefing.core.timeutil import sort_key

ARTICLE = Path(__file__).resolve().parent / "data" / "seed_article.txt"
ORIGINAL = Path("/work/shared/seed/000_d5655a0cafe0ffc0.txt")

PEOPLE = [
    "He Lifeng",
    "Scott Bessent",
    "Li Chenggang",
    "Jamieson Greer",
    "Donald Trump",
    "Xi Jinping",
    "Anwar Ibrahim",
]

# A direct quotation in straight or curly double quotes, on one line.
_QUOTATION = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')


def article_quotations(article: str) -> list[str]:
    """Every direct quotation in the article, without the punctuation US style puts inside."""
    found = []
    for match in _QUOTATION.finditer(article):
        text = (match.group(1) or match.group(2)).strip()
        found.append(text.rstrip(",.;:").strip())
    return found


def missing_quotations(article: str, quote_texts: set[str]) -> list[str]:
    """Quotations in the article that no quote of the brief holds."""
    return [text for text in article_quotations(article) if text not in quote_texts]


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def brief() -> Brief:
    seed = (
        Path(__file__).resolve().parent.parent
        / "sample_briefs"
        / "us-china-trade-talks-kuala-lumpur.toml"
    )
    return load_brief(seed, local_zone=UTC)


def test_article_copy_matches_the_original() -> None:
    if not ORIGINAL.exists():
        pytest.skip("the shared seed article is not available here")
    assert ARTICLE.read_bytes() == ORIGINAL.read_bytes()


def test_every_quote_is_verbatim_in_the_article(brief: Brief, article: str) -> None:
    assert brief.quotes
    not_found = [quote.text for quote in brief.quotes if quote.text not in article]
    assert not_found == []


def test_every_quote_has_a_participant_as_speaker(brief: Brief) -> None:
    ids = {person.id for person in brief.participants}
    for quote in brief.quotes:
        assert quote.speaker is not None, f"quote {quote.text!r} has no speaker"
        assert quote.speaker in ids, (
            f"quote {quote.text!r}: speaker {quote.speaker!r} is not a participant"
        )


@pytest.mark.parametrize("name", PEOPLE)
def test_every_person_in_the_article_is_a_participant(
    brief: Brief, article: str, name: str
) -> None:
    assert name in article  # the list above is the article's, not invented
    matches = [person for person in brief.participants if person.name == name]
    assert len(matches) == 1, f"{name} should be exactly one participant"
    person = matches[0]
    assert person.role, f"{name} has no role"
    assert person.affiliation, f"{name} has no affiliation"


def test_the_quotation_finder_finds_the_articles_quotations(article: str) -> None:
    found = article_quotations(article)
    assert "preliminary consensus" in found
    assert "constructive, far-reaching, and in-depth" in found  # trailing comma removed
    assert "a complete deal" in found
    assert len(found) == 8


def test_every_direct_quotation_in_the_article_is_a_quote(brief: Brief, article: str) -> None:
    texts = {quote.text for quote in brief.quotes}
    assert missing_quotations(article, texts) == []


def test_dropping_any_quote_would_be_caught(brief: Brief, article: str) -> None:
    """The check above can fail: without any one quote, something is reported missing."""
    texts = {quote.text for quote in brief.quotes}
    for dropped in sorted(texts):
        assert dropped in missing_quotations(article, texts - {dropped})


def test_curly_quotations_are_found_too() -> None:
    sample = 'He said “we agree,” and then "no more".'
    assert article_quotations(sample) == ["we agree", "no more"]


def test_truce_deadline_is_november_10(brief: Brief) -> None:
    truce = [d for d in brief.deadlines if "truce" in d.title.lower()]
    assert len(truce) == 1
    deadline = truce[0]
    assert not isinstance(deadline.due, datetime)
    assert deadline.due == date(2025, 11, 10)
    # A bare date is the end of that day in the brief's zone (Asia/Kuala_Lumpur, UTC+8).
    assert deadline.due_at == datetime(2025, 11, 11, 0, 0, tzinfo=timezone(timedelta(hours=8)))
    assert deadline.due_at.astimezone(UTC) == datetime(2025, 11, 10, 16, 0, tzinfo=UTC)


def test_five_negotiating_rounds_in_order(brief: Brief) -> None:
    rounds = sorted(
        (event for event in brief.timeline if "round" in event.label.lower()),
        key=lambda event: sort_key(event.date),
    )
    places = [event.place or "" for event in rounds]
    assert len(rounds) == 5, places
    for place, expected in zip(
        places, ["Geneva", "London", "Stockholm", "Madrid", "Kuala Lumpur"], strict=True
    ):
        assert expected in place


def test_tariff_figures(brief: Brief) -> None:
    values = {figure.value for figure in brief.figures}
    assert {"145%", "125%"} <= values


def test_published_time_with_offset(brief: Brief) -> None:
    expected = datetime(2025, 10, 26, 13, 55, tzinfo=timezone(timedelta(hours=3)))
    assert isinstance(brief.published, datetime)
    assert brief.published == expected
    assert brief.published.utcoffset() == timedelta(hours=3)
