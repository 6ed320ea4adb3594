"""The seed article end to end: every quote, every titled participant, every speaker right.

Checked against the hand-built sample brief of the same article.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from briefing.core.loading import load_brief

from .helpers import draft

SAMPLE = (
    Path(__file__).resolve().parents[2] / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
)
_QUOTATION = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')


def _norm(text: str) -> str:
    return text.strip().rstrip(",.;:").strip()


def test_every_quotation_of_the_article_is_in_the_draft(seed_text: str) -> None:
    result, brief = draft(seed_text)
    in_article = [_norm(m.group(1) or m.group(2)) for m in _QUOTATION.finditer(seed_text)]
    texts = {_norm(q.text) for q in brief.quotes}
    assert in_article and [q for q in in_article if q not in texts] == []
    assert len(brief.quotes) == len(in_article)


def test_quotes_and_speakers_match_the_sample_brief(seed_text: str) -> None:
    _, brief = draft(seed_text)
    sample = load_brief(SAMPLE)
    by_text = {_norm(q.text): q for q in brief.quotes}
    for expected in sample.quotes:
        found = by_text[_norm(expected.text)]
        want = sample.participant(expected.speaker)
        got = brief.participant(found.speaker)
        assert want is not None and got is not None, expected.text
        assert got.name == want.name, expected.text


def test_every_titled_participant_with_role_and_country(seed_text: str) -> None:
    _, brief = draft(seed_text)
    sample = load_brief(SAMPLE)
    found = {p.name: p for p in brief.participants}
    assert set(found) == {p.name for p in sample.participants}
    for person in sample.participants:
        assert found[person.name].role == person.role
        if person.name not in ("Donald Trump", "Xi Jinping"):  # the article names no country
            assert found[person.name].affiliation == person.affiliation


def test_header_dates_and_deadline(seed_text: str) -> None:
    result, brief = draft(seed_text)
    assert result.title == sample_title()
    assert brief.published.isoformat() == "2025-10-26T13:55:00+03:00"
    assert brief.source is not None and brief.source.name == "Türkiye Today"
    assert [d.due for d in brief.deadlines] == [date(2025, 11, 10)]
    when = {str(e.date) for e in brief.timeline}
    assert {
        "2025-10-26",
        "2025-10-25",
        "2025-05",
        "2025-06",
        "2025-07",
        "2025-09",
    } <= when
    assert "2025-05-10" not in when  # the photo caption's date: not an event of the story
    assert {f.value for f in brief.figures} >= {"145%", "125%"}
    assert "Draft" in brief.summary and "preliminary framework deal" in brief.summary


def test_the_pronoun_is_marked_for_checking(seed_text: str) -> None:
    result, _ = draft(seed_text)
    assert '# check: speaker inferred from "he noted"' in result.toml
    assert any("he noted" in line for line in result.unsure)


def sample_title() -> str:
    return "US, China agree on preliminary trade deal in Malaysia, officials say"
