"""What a drafted date is called: captions are no events, a deadline is named by its noun
phrase, and no two events of a draft read the same."""

from __future__ import annotations

from datetime import date

from briefing.importer.dates import find_dates
from briefing.importer.text import split_document

from .helpers import draft

PUBLISHED = date(2025, 10, 26)


def _timeline(text: str) -> list[tuple[str, str]]:
    result, brief = draft(text, published=PUBLISHED)
    return [(str(event.date), event.label) for event in brief.timeline]


def _deadline_titles(text: str) -> list[str]:
    _, brief = draft(text, published=PUBLISHED)
    return [deadline.title for deadline in brief.deadlines]


# -- a caption or credit line is not an event ------------------------------------------------


def test_a_photo_caption_with_a_credit_is_not_an_event() -> None:
    text = (
        "Council approves new budget\n\n"
        "Protesters outside the city hall before the vote, in Porto, March 2, 2025. (Reuters Photo)\n\n"
        "The city council approved the budget on Friday after a long debate, officials said.\n\n"
        "Crowds outside the hall during the debate, in Porto, October 20, 2025. (AFP Photo)\n\n"
        "The mayor said the plan would be reviewed next year by the council."
    )
    dates = [when for when, _ in _timeline(text)]
    assert "2025-03-02" not in dates and "2025-10-20" not in dates
    assert "2025-10-24" in dates  # the body's own event is kept


def test_a_caption_followed_by_its_credit_line_is_not_an_event() -> None:
    text = (
        "Council approves new budget\n\n"
        "The city council approved the budget on Friday after a long debate, officials said.\n\n"
        "The mayor greets supporters in Porto on March 2, 2025.\n\n"
        "Photo by Ana Lima\n\n"
        "The mayor said the plan would be reviewed next year by the council."
    )
    dates = [when for when, _ in _timeline(text)]
    assert dates == ["2025-10-24"]


def test_find_dates_leaves_captions_out() -> None:
    document = split_document(
        "Headline of the story\n\n"
        "Crowds in the square, in Porto, March 2, 2025. (AP Photo/Ana Lima)\n\n"
        "The council met on Friday and approved the budget after a debate."
    )
    assert [d.iso for d in find_dates(document, PUBLISHED)] == ["2025-10-24"]


# -- a deadline is named by its noun phrase -----------------------------------------------


def test_a_deadline_is_named_by_its_noun_not_by_the_clause_verb() -> None:
    assert _deadline_titles(
        "The talks came just weeks before the expiration of a temporary ceasefire on Nov. 10."
    ) == ["Expiration of a temporary ceasefire"]
    assert _deadline_titles(
        "Negotiators met in Rome days ahead of the final deadline for bids on Nov. 14."
    ) == ["Final deadline for bids"]


def test_a_deadline_named_by_a_verb_takes_its_subject() -> None:
    assert _deadline_titles(
        "Officials discussed the extension of the temporary ceasefire expiring on Nov. 10."
    ) == ["Temporary ceasefire expires"]


def test_a_deadline_word_after_the_date_names_it() -> None:
    assert _deadline_titles(
        "Lawmakers rushed to finish the text before the Nov. 10 deadline for amendments."
    ) == ["Deadline for amendments"]


def test_a_plain_deadline_clause_keeps_its_words() -> None:
    assert _deadline_titles("Applications close on Nov. 3.") == ["Applications close"]


# -- no two events read the same --------------------------------------------------------------


def test_the_items_of_a_list_of_places_and_dates_are_named_by_their_own_place() -> None:
    labels = [
        label
        for _, label in _timeline(
            "This was the third summit of the group, following earlier meetings held in Paris"
            " in May, Rome in June, and Oslo in July."
        )
    ]
    assert labels == [
        "Following earlier meetings held in Paris",
        "Following earlier meetings held in Rome",
        "Following earlier meetings held in Oslo",
    ]


def test_events_that_would_read_the_same_are_told_apart_by_their_dates() -> None:
    timeline = _timeline("Prices rose in March. Prices rose in June.")
    assert len({label for _, label in timeline}) == len(timeline) == 2
    assert timeline == [("2025-03", "Prices rose (March)"), ("2025-06", "Prices rose (June)")]


def test_the_same_event_with_a_day_and_its_month_is_kept_once() -> None:
    timeline = _timeline(
        "The summit opened on May 3, 2025, in Lima. The summit opened in May 2025, in Lima."
    )
    assert timeline == [("2025-05-03", "The summit opened")]
