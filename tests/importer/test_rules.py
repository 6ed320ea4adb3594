"""Each extraction rule on small examples."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from briefing.importer.dates import find_dates, header_date
from briefing.importer.people import find_people, same_person
from briefing.importer.quotes import find_quote_spans, find_quotes, join_split_quotes
from briefing.importer.text import split_document

from .helpers import draft

PUBLISHED = date(2025, 10, 26)  # a Sunday


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    """(quote text, speaker name) for each quote found in ``text``."""
    document = split_document(text)
    spans = join_split_quotes(document.body, find_quote_spans(document))
    people = find_people(document, [part for s in spans for part in s.parts])
    return [
        (q.text, people.persons[q.speaker].name if q.speaker is not None else None)
        for q in find_quotes(document, people, spans)
    ]


def people_of(text: str) -> dict[str, tuple[str | None, str | None]]:
    """name -> (role, affiliation) for each person found in ``text``."""
    document = split_document(text)
    spans = find_quote_spans(document)
    people = find_people(document, [(s.start, s.end) for s in spans])
    return {p.name: (p.role, p.affiliation) for p in people.persons}


def dates_of(text: str, published: date = PUBLISHED) -> list[tuple[str, str]]:
    """(iso, kind) for each date found in ``text``."""
    return [(d.iso, d.kind) for d in find_dates(split_document(text), published)]


# -- the header ---------------------------------------------------------------------------


def test_header_title_date_line_and_source() -> None:
    text = "Menu Share\n\nBig headline about the talks today\n\nMarch 14, 2025 6:30 PM EDT\nBy Ann Lee, The Ledger\n\nThe talks went on for three long days in the capital and ended on Friday with a deal, officials said.\n"
    document = split_document(text)
    assert document.title == "Big headline about the talks today"
    assert document.source == "Ann Lee, The Ledger"
    assert header_date(document.date_line or "") == datetime(
        2025, 3, 14, 18, 30, tzinfo=timezone(timedelta(hours=-4))
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "October 26, 2025 01:55 PM GMT+03:00",
            datetime(2025, 10, 26, 13, 55, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("Published: 2024-09-09 07:15 UTC", datetime(2024, 9, 9, 7, 15, tzinfo=UTC)),
        ("Addis Ababa, 8 December 2024 (Horn Dispatch)", date(2024, 12, 8)),
        (
            "Wednesday, 19 February 2025, 21:40 +01:00",
            datetime(2025, 2, 19, 21, 40, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("Senate passes bill on 3 March 2025 after a long and bitter fight over water", None),
    ],
)
def test_header_dates(line: str, expected: date | None) -> None:
    assert header_date(line) == expected


def test_photo_captions_and_repeats_stay_out_of_the_summary(seed_text: str) -> None:
    result, brief = draft(seed_text)
    assert "AFP Photo" not in brief.summary
    assert "Photo via" not in brief.summary


# -- quotes -------------------------------------------------------------------------------


def test_straight_and_curly_quotes_with_speaker_after() -> None:
    text = (
        'Minister Ann Lee opened the session. "We are ready," Lee told reporters.\n\n'
        "“We will see,” said Senator Bob Marsh, who leads the opposition."
    )
    assert quotes_of(text) == [("We are ready", "Ann Lee"), ("We will see", "Bob Marsh")]


def test_quote_split_by_its_attribution_is_joined() -> None:
    text = 'Mayor Ann Lee spoke first. "The talks," she said, "were intense."'
    assert quotes_of(text) == [("The talks, were intense.", "Ann Lee")]


def test_speaker_before_the_quote_and_scare_quotes() -> None:
    text = 'Trade Representative Li Chenggang spoke. Li said the talks were "intense," with the U.S. taking a "tough" stance.'
    assert quotes_of(text) == [("intense", "Li Chenggang"), ("tough", "Li Chenggang")]


def test_according_to_and_colon() -> None:
    text = (
        'Judge Ann Lee heard the case. According to Lee, the law is "clear and settled."\n\n'
        'Governor Tom Reyes said: "We will appeal."'
    )
    assert quotes_of(text) == [("clear and settled", "Ann Lee"), ("We will appeal.", "Tom Reyes")]


def test_pronoun_resolves_to_the_last_named_person_and_is_marked() -> None:
    text = 'Coach Maria Silva was calm. "We are ready," she said.'
    result, brief = draft(text)
    assert [(q.text, q.speaker) for q in brief.quotes] == [("We are ready", "maria-silva")]
    assert '# check: speaker inferred from "she said"' in result.toml


def test_unattributed_quote_continues_the_speaker_of_the_paragraph() -> None:
    text = 'Mayor Ann Lee spoke. "We won," Lee said. "We will win again."'
    assert quotes_of(text) == [("We won", "Ann Lee"), ("We will win again.", "Ann Lee")]


def test_unnamed_sources_get_no_speaker() -> None:
    text = 'Minister Ann Lee left early. "It is over," the official said.\n\nThe company said it was "disappointed" by the result.'
    assert quotes_of(text) == [("It is over", None), ("disappointed", None)]


def test_single_quotes_in_british_style_leave_apostrophes_alone() -> None:
    text = "Dr Helen Marsh, the agency's head of extreme events, spoke. 'Most deaths happen in people's own homes,' she said."
    assert quotes_of(text) == [("Most deaths happen in people's own homes", "Helen Marsh")]


def test_quote_running_into_the_next_word_and_unclosed_quote() -> None:
    assert quotes_of('Crowds were described as "calm"by the police.') == [("calm", None)]
    assert quotes_of('Senator Ann Lee said "we will never give up and then left.') == [
        ("we will never give up and then left", "Ann Lee")
    ]


def test_terms_and_nicknames_in_quotation_marks_are_not_quotes() -> None:
    text = 'Chief Executive Thomas "Tom" Whitaker signed. The deal has a 30-day "go-shop" period.'
    assert quotes_of(text) == []
    assert "Thomas Whitaker" in people_of(text)


# -- people -------------------------------------------------------------------------------


def test_titled_people_in_news_forms() -> None:
    text = (
        "U.S. Treasury Secretary Scott Bessent met Chinese Vice Premier He Lifeng. "
        "Malaysian Prime Minister Anwar Ibrahim joined them. "
        "Later, Anwar Ibrahim, Malaysia's prime minister, spoke. "
        "President Donald Trump flew in. He was late."
    )
    assert people_of(text) == {
        "Scott Bessent": ("Treasury Secretary", "United States"),
        "He Lifeng": ("Vice Premier", "China"),
        "Anwar Ibrahim": ("Prime Minister", "Malaysia"),
        "Donald Trump": ("President", None),
    }


def test_apposition_and_role_before_a_comma() -> None:
    text = (
        "Gabriela Ortiz, a trade economist at the University of Toronto, disagreed. "
        "Egypt's Foreign Minister, Amira Hassan, was guarded. "
        "The company's head of hardware, Robert Anand, showed a case."
    )
    assert people_of(text) == {
        "Gabriela Ortiz": ("trade economist", "University of Toronto"),
        "Amira Hassan": ("Foreign Minister", "Egypt"),
        "Robert Anand": ("head of hardware", None),
    }


def test_same_person_named_two_ways_is_one_participant() -> None:
    text = "Apple marketing chief Philip Schiller spoke. Phil Schiller then left. Schiller said nothing."
    found = people_of(text)
    assert list(found) == ["Philip Schiller"]
    _, brief = draft(text)
    assert brief.participants[0].aliases == ["Phil Schiller"]
    assert same_person(["bob", "marsh"], ["robert", "marsh"])
    assert not same_person(["ann", "marsh"], ["bob", "marsh"])


def test_surname_mentions_resolve_to_the_full_name() -> None:
    text = 'Councilmember Jae-won Park wrote the law. "We will regulate them hard," Park said.'
    assert quotes_of(text) == [("We will regulate them hard", "Jae-won Park")]


def test_places_and_organisations_are_not_people() -> None:
    text = "Talks in Kuala Lumpur and Mexico City went on. The European Commission said little. Bloomberg reported it."
    assert people_of(text) == {}


# -- dates --------------------------------------------------------------------------------


def test_absolute_dates_resolve_to_the_nearest_sensible_year() -> None:
    text = (
        "The truce expires on Nov. 10. Talks began in Geneva in May. "
        "The court ruled on 27 April 2018. The summit was held on October 25, 2025."
    )
    assert dates_of(text) == [
        ("2025-11-10", "deadline"),
        ("2025-05", "timeline"),
        ("2018-04-27", "timeline"),
        ("2025-10-25", "timeline"),
    ]


def test_weekdays_follow_the_tense() -> None:
    text = "Leaders agreed on Sunday. They met on Saturday. A vote is scheduled for next Tuesday. The panel will meet on Thursday."
    assert dates_of(text) == [
        ("2025-10-26", "timeline"),
        ("2025-10-25", "timeline"),
        ("2025-10-28", "deadline"),
        ("2025-10-30", "timeline"),
    ]


def test_relative_dates_are_counted_from_publication() -> None:
    found = find_dates(
        split_document(
            "He said so the previous day. They meet later this week. It happened yesterday."
        ),
        PUBLISHED,
    )
    assert [(d.phrase, d.iso) for d in found] == [
        ("the previous day", "2025-10-25"),
        ("later this week", "2025-11-02"),
        ("yesterday", "2025-10-25"),
    ]
    assert all(d.checks for d in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Applications close on March 3.",
        "The deadline is March 3.",
        "Shareholders will vote on the deal on March 3.",
        "A hearing on the case is set for March 3.",
        "The rule takes effect on March 3.",
        "Bids may be made until March 3.",
    ],
)
def test_deadline_words_make_deadlines(sentence: str) -> None:
    assert dates_of(sentence, date(2025, 2, 1)) == [("2025-03-03", "deadline")]


def test_other_dates_are_timeline_events() -> None:
    assert dates_of("Consultation opens on March 3.", date(2025, 2, 1)) == [
        ("2025-03-03", "timeline")
    ]
    assert dates_of("The closing price on Friday was $52.", date(2025, 2, 3)) == [
        ("2025-01-31", "timeline")
    ]


def test_dates_once_keeps_the_first_mention_of_each_date_and_kind() -> None:
    """What the draft keeps: every date once per kind, as first mentioned, with its own label."""
    document = split_document(
        "They met on Nov. 10 and again on Nov. 10, 2025. The vote on Nov. 10 was delayed;"
        " talks resumed on Monday. The deadline is Nov. 12 and on Monday they rest."
    )
    every = find_dates(document, PUBLISHED)
    firsts: dict[tuple[str, str], object] = {}
    for found in every:
        firsts.setdefault((found.kind, found.iso), found)
    once = find_dates(document, PUBLISHED, once=True)
    assert once == list(firsts.values())
    assert len(once) < len(every)


# -- figures and the draft ----------------------------------------------------------------


def test_figures_say_what_they_measure(seed_text: str) -> None:
    result, _ = draft(
        "After tariff increases reaching up to 145% by the U.S., the firm paid $4.8 billion in cash."
    )
    assert [(f.value, f.label) for f in result.figures] == [
        ("145%", "Tariff increases reaching up to 145% by the U.S"),
        ("$4.8 billion", "The firm paid $4.8 billion in cash"),
    ]


def test_draft_marks_guesses_and_the_summary_as_a_draft() -> None:
    result, brief = draft(
        "The talks ended today.\n\nThey had begun on Monday, officials said, and lasted long."
    )
    assert brief.summary.startswith("*Draft")
    assert "# check:" in result.toml
    assert brief.tags == ["draft"]
