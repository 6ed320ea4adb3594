"""Odd inputs give a valid (possibly empty) draft or one clear error, never a traceback."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.errors import BriefError
from briefing.core.loading import parse_brief
from briefing.importer import ArticleError, import_article

from .helpers import ARTICLES, TODAY, draft


def test_empty_and_blank_text_is_a_clear_error() -> None:
    for text in ("", "   \n\n\t  \n"):
        with pytest.raises(ArticleError, match="no text"):
            import_article(text, today=TODAY)


def test_a_single_line_is_a_draft_with_that_title() -> None:
    result, brief = draft("Parliament votes on the budget")
    assert brief.title == "Parliament votes on the budget"
    assert brief.participants == [] and brief.quotes == []


def test_no_quotes_at_all() -> None:
    text = "City council approves new bus lanes\n\nThe council approved the lanes on Monday. Work starts in May and must be finished by June 30."
    result, brief = draft(text)
    assert brief.quotes == []
    assert [str(d.due) for d in brief.deadlines] == ["2025-06-30"]


def test_only_quotes() -> None:
    result, brief = draft('"We will win."\n\n"We always do."\n\n“Nobody can stop us.”')
    assert [q.text for q in brief.quotes] == ["We always do.", "Nobody can stop us."]
    assert all(q.speaker is None for q in brief.quotes)


def test_unbalanced_quotation_marks() -> None:
    text = 'Talks stall\n\nMayor Ann Lee said "this is "not over and left. Another " stray mark. “Open ended and ”” closed twice.'
    result, brief = draft(text)
    assert brief.quotes  # something sensible, and it loads


def test_control_characters_and_escape_sequences_are_removed() -> None:
    text = 'Title \x1b[31mred\x1b[0m here\n\nMayor Ann Lee said "\x1b]52;c;ZXZpbA==\x07hello there" on Monday.\x00'
    result, brief = draft(text)
    assert "\x1b" not in result.toml and "\x00" not in result.toml
    assert brief.title == "Title red here"


def test_a_megabyte_of_text() -> None:
    rng = random.Random(7)
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))).split()
    paragraphs, size = [], 0
    while size < 1_000_000:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(20, 120))) + "."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    started = time.perf_counter()
    result, brief = draft("\n\n".join(paragraphs))
    assert time.perf_counter() - started < 30
    assert brief.quotes and len(result.toml) < 5 * 1024 * 1024


def test_a_megabyte_on_one_line() -> None:
    text = ('Minister Ann Lee said "yes" on Monday, and 45% agreed. ' * 20_000)[:1_000_000]
    result, brief = draft(text)
    assert len(brief.title) <= 200


def test_a_draft_says_where_it_keeps_only_the_first_items() -> None:
    """Past 1,000 quotes or dates, a draft keeps the first 1,000 and says so in a check note."""
    quotes = "".join(f'"We will see {n}," he said. ' for n in range(1_200))
    first = date(2001, 1, 1)
    days = "".join(f"It rained on {first + timedelta(days=n)}. " for n in range(1_200))
    result, brief = draft(
        f"Headline of a long article\n\nMinister Ann Lee spoke on Monday. {quotes}{days}"
    )
    assert len(result.quotes) == len(brief.quotes) == 1_000
    assert len(brief.timeline) == 1_000
    notes = [line for line in result.toml.splitlines() if line.startswith("# check:")]
    assert any("first 1,000 quotes" in line for line in notes), notes
    assert any("first 1,000 timeline" in line for line in notes), notes


def test_a_short_draft_has_no_note_about_items_left_out() -> None:
    result, _ = draft('Headline\n\nMinister Ann Lee said "yes" on Monday, and 45% agreed.')
    assert "first 1,000" not in result.toml


def test_too_long_is_a_clear_error() -> None:
    with pytest.raises(ArticleError, match="limited"):
        import_article("a" * 2_000_001, today=TODAY)


def test_no_date_and_no_today_is_a_clear_error() -> None:
    with pytest.raises(ArticleError, match="--published"):
        import_article("Some headline here\n\nSome text that has no date at all in it, none.")


_article_text = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [
                '"',
                "“",
                "”",
                "'",
                "‘",
                "’",
                " said ",
                " told reporters ",
                "President ",
                "Minister Ann Lee",
                " he said",
                ", she added, ",
                "\n",
                "\n\n",
                "Nov. 10",
                " on Monday",
                "27 April 2018",
                "45%",
                "$3 billion",
                "according to ",
                "Dr ",
                "U.S. ",
                " Lee",
                " — ",
                "\x1b[2J",
                "\r",
                "\u202e",
                "\ud800",
            ]
        ),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_article_text)
def test_any_text_gives_a_valid_draft_or_a_clean_error(text: str) -> None:
    try:
        result = import_article(text, today=TODAY)
    except ArticleError as error:
        assert "\n" not in str(error)
        return
    try:
        parse_brief(result.toml, "draft.toml")
    except BriefError as error:  # pragma: no cover - the failure message is the point
        pytest.fail(f"draft does not load: {error.lines()}\n{result.toml}")
