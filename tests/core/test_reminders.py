"""core.reminders: lead times read from the config, and which ones a moment has crossed."""

from __future__ import annotations

from datetime import timedelta

from kit import NOW

from briefing.core.reminders import ReminderDue, due_reminders, parse_lead, parse_leads


def test_lead_times_are_read_like_agenda_durations() -> None:
    assert parse_lead("7d") == timedelta(days=7)
    assert parse_lead(" 90m ") == timedelta(minutes=90)
    assert parse_lead("2W") == timedelta(weeks=2)
    assert parse_lead("1x") is None
    assert parse_lead("0h") is None  # a reminder at the moment itself is the deadline
    assert parse_lead("") is None


def test_lead_list_problems_are_one_line_each() -> None:
    leads, problem = parse_leads(["7d", "1h", "1d", "1h"])
    assert problem is None
    assert leads == (timedelta(days=7), timedelta(days=1), timedelta(hours=1))  # longest first
    assert parse_leads("7d") == ((), 'expected a list of lead times such as ["7d", "1d", "1h"]')
    assert parse_leads(["7d", 3]) == ((), 'item 2: expected a lead time such as "1d", got a number')
    assert parse_leads(["7d", "soon"]) == (
        (),
        "item 2: 'soon' is not a lead time such as 7d, 12h, 2w or 90m",
    )


def _item(key: str, due_in: timedelta) -> ReminderDue:
    return ReminderDue(key=key, title=f"{key} title", brief_title="Brief", due_at=NOW + due_in)


LEADS = (timedelta(days=7), timedelta(days=1), timedelta(hours=1))


def test_nothing_before_the_first_lead_time() -> None:
    assert due_reminders([_item("a", timedelta(days=8))], LEADS, NOW, set()) == []


def test_crossing_a_lead_time_reminds_once() -> None:
    item = _item("a", timedelta(hours=23))
    [reminder] = due_reminders([item], LEADS, NOW, set())
    # Both 7d and 1d are crossed (the reader was not running at 7d): one reminder, the nearer.
    assert reminder.lead == timedelta(days=1)
    assert len(reminder.marks) == 2
    assert due_reminders([item], LEADS, NOW, set(reminder.marks)) == []
    # An hour later the next lead time is crossed.
    [later] = due_reminders(
        [item], LEADS, NOW + timedelta(hours=22, seconds=1), set(reminder.marks)
    )
    assert later.lead == timedelta(hours=1)


def test_a_moved_deadline_reminds_again_and_a_passed_one_does_not() -> None:
    item = _item("a", timedelta(hours=1))
    [reminder] = due_reminders([item], LEADS, NOW, set())
    moved = _item("a", timedelta(minutes=30))
    assert len(due_reminders([moved], LEADS, NOW, set(reminder.marks))) == 1
    assert due_reminders([_item("b", -timedelta(seconds=1))], LEADS, NOW, set()) == []
    assert due_reminders([item], (), NOW, set()) == []


def test_lead_time_as_words() -> None:
    from briefing.core.reminders import lead_words

    assert lead_words(timedelta(days=7)) == "7d"
    assert lead_words(timedelta(minutes=90)) == "90m"
    assert lead_words(timedelta(hours=1)) == "1h"


def test_the_next_crossing_is_the_earliest_lead_time_not_told() -> None:
    from briefing.core.reminders import next_crossing

    soon, later = _item("a", timedelta(hours=2)), _item("b", timedelta(days=3))
    assert next_crossing([soon, later], LEADS, NOW, set()) == NOW + timedelta(hours=1)
    [told] = due_reminders([soon], (timedelta(days=1),), NOW, set())  # 1d of "a" told
    assert next_crossing([soon, later], LEADS, NOW, set(told.marks)) == NOW + timedelta(hours=1)
    assert next_crossing([later], LEADS, NOW, set()) == NOW + timedelta(days=2)
    assert next_crossing([_item("c", -timedelta(hours=1))], LEADS, NOW, set()) is None
