"""The corrections of the review screen, on a draft's raw data."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from kit import brief_toml

from briefing.core import parse_brief, tomlread
from briefing.core.provenance import selector
from briefing.core.review import (
    ReviewError,
    accept,
    add_participant,
    edit,
    items_of,
    merge,
    reject,
    reject_marked,
    set_speaker,
    toggle_kind,
)

ARTICLE = 'Judge Ann Lee said "no" on Friday. A. Lee said "yes". Reply due 2025-02-01.'


def _mark(start: int, end: int, confidence: str = "high", **more: Any) -> dict[str, Any]:
    exact, prefix, suffix = selector(ARTICLE, start, end)
    return {"start": start, "end": end, "exact": exact, "prefix": prefix, "suffix": suffix,
            "reason": "found", "confidence": confidence, **more}  # fmt: skip


def _data() -> dict[str, Any]:
    text = brief_toml(
        participants=[
            {"id": "ann-lee", "name": "Ann Lee", "draft": _mark(6, 13)},
            {
                "id": "a-lee",
                "name": "A. Lee",
                "role": "Judge",
                "draft": _mark(35, 41, "medium", checks=["only one name"]),
            },
        ],
        quotes=[
            {"speaker": "ann-lee", "text": "no", "draft": _mark(20, 22)},
            {"speaker": "a-lee", "text": "yes", "draft": _mark(48, 51, "low")},
        ],
        deadlines=[{"title": "Reply", "due": date(2025, 2, 1), "draft": _mark(64, 74)}],
        timeline=[{"date": "2025-05", "label": "Spring"}],
        draft={"article": ARTICLE},
    )
    return tomlread.loads(text)


def _valid(data: dict[str, Any]) -> None:
    import tomli_w

    parse_brief(tomli_w.dumps(data), "draft.toml")


def test_items_carry_their_spans_and_doubts() -> None:
    items = items_of(_data())
    assert [(i.section, i.label) for i in items][:2] == [
        ("participants", "Ann Lee"),
        ("participants", "A. Lee"),
    ]
    assert items[0].span == (6, 13) and not items[0].uncertain
    assert (
        items[1].uncertain
        and items[1].mark is not None
        and items[1].mark.checks == ["only one name"]
    )
    assert items[-1].mark is None and items[-1].span is None


def test_accept_drops_the_mark_only() -> None:
    data = _data()
    accept(data, "quotes", 1)
    assert "draft" not in data["quotes"][1] and data["quotes"][1]["text"] == "yes"
    _valid(data)


def test_reject_a_participant_unsets_its_quotes() -> None:
    data = _data()
    reject(data, "participants", 1)
    assert [p["id"] for p in data["participants"]] == ["ann-lee"]
    assert "speaker" not in data["quotes"][1]
    _valid(data)


def test_rejected_items_are_removed_by_identity_on_saving() -> None:
    data = _data()
    marked = {id(data["participants"][1]), id(data["quotes"][0])}
    reject_marked(data, marked)
    assert [p["id"] for p in data["participants"]] == ["ann-lee"]
    assert [q["text"] for q in data["quotes"]] == ["yes"] and "speaker" not in data["quotes"][0]
    _valid(data)


def test_change_speaker_to_a_new_participant() -> None:
    data = _data()
    ident = add_participant(data, "  Tom   Reyes ")
    set_speaker(data, 1, ident)
    assert data["quotes"][1]["speaker"] == ident == "tom-reyes"
    with pytest.raises(ReviewError, match="no participant"):
        set_speaker(data, 0, "nobody")
    _valid(data)


def test_merge_moves_quotes_and_keeps_the_name_as_an_alias() -> None:
    data = _data()
    merge(data, 0, 1)
    (person,) = data["participants"]
    assert person["aliases"] == ["A. Lee"] and person["role"] == "Judge"
    assert [q["speaker"] for q in data["quotes"]] == ["ann-lee", "ann-lee"]
    with pytest.raises(ReviewError):
        merge(data, 0, 0)
    _valid(data)


def test_a_deadline_becomes_a_timeline_event_and_back() -> None:
    data = _data()
    where = toggle_kind(data, "deadlines", 0)
    assert where == ("timeline", 1) and "deadlines" not in data
    assert data["timeline"][1]["date"] == date(2025, 2, 1) and "draft" in data["timeline"][1]
    _valid(data)
    assert toggle_kind(data, "timeline", 0) == ("deadlines", 0)
    assert data["deadlines"][0] == {"title": "Spring", "due": date(2025, 5, 31)}
    _valid(data)
    with pytest.raises(ReviewError):
        toggle_kind(data, "quotes", 0)


def test_edit_a_field() -> None:
    data = _data()
    edit(data, "participants", 0, "role", "Chief Judge")
    edit(data, "deadlines", 0, "due", "2025-03-01")
    assert data["participants"][0]["role"] == "Chief Judge"
    assert data["deadlines"][0]["due"] == date(2025, 3, 1)
    with pytest.raises(ReviewError, match="not a date"):
        edit(data, "deadlines", 0, "due", "soon")
    with pytest.raises(ReviewError, match="cannot be edited"):
        edit(data, "quotes", 0, "speaker", "x")
    _valid(data)
