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
