"""Finding words in a brief: any order, any case, any accents, with the places to highlight."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from briefing.core.find import Finder, fold
from briefing.core.loading import load_brief

SAMPLES = Path(__file__).resolve().parents[2] / "sample_briefs"


def test_words_in_any_order_case_and_accents() -> None:
    finder = Finder("tariff BESSENT")
    assert finder.matches("Bessent said the tariffs would stay")
    assert not finder.matches("Bessent said nothing")
    assert Finder("jose").matches("José Ramos-Horta")
    assert Finder("JOSÉ").matches("jose")
    assert not Finder("   ")


def test_spans_point_into_the_original_text() -> None:
    text = "Señor José met JOSE; josé left"
    spans = Finder("jose").spans(text)
    assert [text[a:b] for a, b in spans] == ["José", "JOSE", "josé"]


def test_overlapping_words_merge() -> None:
    assert Finder("trade tra").spans("trade") == [(0, 5)]


def test_find_in_the_seed_brief_orders_by_pane() -> None:
    brief = load_brief(SAMPLES / "us-china-trade-talks-kuala-lumpur.toml")
    matches = Finder("bessent").find(brief)
    sections = [m.section for m in matches]
    assert sections[0] in ("summary", "participants")
    assert "participants" in sections and "quotes" in sections
    order = ["summary", "participants", "quotes", "deadlines", "timeline", "figures"]
    assert sections == sorted(sections, key=order.index)
    quote_ids = {q.id for q in brief.quotes if q.speaker == "bessent"}
    assert quote_ids and quote_ids <= {m.item_id for m in matches if m.section == "quotes"}


@given(st.text(max_size=40), st.text(max_size=200))
def test_spans_are_always_valid_ranges(query: str, text: str) -> None:
    spans = Finder(query).spans(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    assert spans == sorted(spans)
    if Finder(query) and spans:
        assert all(fold(text[a:b])[0] for a, b in spans)
