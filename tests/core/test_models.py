"""The brief format, version 1: what loads, and what it loads as."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from briefing.core import (
    Brief,
    BriefError,
    Deadline,
    DeadlineStatus,
    Figure,
    Participant,
    Quote,
    Source,
    TimelineEvent,
    load_brief,
    parse_brief,
)
from briefing.core.problems import problems_from_validation
from briefing.core.timeutil import PartialDate
from briefing.core.validation import field_names, json_schema, validate

GOOD = Path(__file__).resolve().parent.parent / "data" / "good"
PLUS_3 = timezone(timedelta(hours=3))
KL = ZoneInfo("Asia/Kuala_Lumpur")


def test_minimal_toml_and_json_load_to_equal_briefs() -> None:
    toml = load_brief(GOOD / "minimal.toml")
    json_ = load_brief(GOOD / "minimal.json")
    assert toml == json_
    assert dataclasses.asdict(toml) == dataclasses.asdict(json_)
    assert toml.format == 1
    assert toml.title == "Minimal brief"
    assert toml.published == datetime(2025, 10, 26, 13, 55, tzinfo=PLUS_3)


def test_full_toml_and_json_load_to_equal_briefs() -> None:
    toml = load_brief(GOOD / "full.toml")
    json_ = load_brief(GOOD / "full.json")
    assert toml == json_
    # The derived ids (which notes are anchored to) match across the two formats too.
    for section in ("participants", "quotes", "deadlines", "timeline", "figures"):
        assert [i.id for i in getattr(toml, section)] == [i.id for i in getattr(json_, section)]


def test_empty_sections_default() -> None:
    brief = load_brief(GOOD / "minimal.toml")
    assert brief.id == "minimal"  # derived from the file name
    assert brief.source is None
    assert brief.tags == []
    assert brief.timezone is None
    assert brief.summary == ""
    assert brief.participants == []
    assert brief.quotes == []
    assert brief.deadlines == []
    assert brief.timeline == []
    assert brief.figures == []
    assert brief.zone is UTC  # no timezone and no local_zone given


@pytest.fixture(scope="module")
def full() -> Brief:
    return load_brief(GOOD / "full.toml")


def test_top_level_fields(full: Brief) -> None:
    assert full.id == "full-brief"
    assert full.title == "Every section"
    assert full.published == datetime(2025, 10, 26, 13, 55, tzinfo=PLUS_3)
    assert full.published_at == full.published
    assert full.timezone == "Asia/Kuala_Lumpur"
    assert full.zone == KL
    assert full.tags == ["trade", "test"]
    assert full.summary.startswith("First paragraph with **bold**.\n\n- a list item")


def test_source(full: Brief) -> None:
    assert full.source == Source(name="Türkiye Today", url="https://example.org/article")


def test_participants(full: Brief) -> None:
    bessent, he = full.participants
    assert bessent == Participant(
        id="bessent",
        name="Scott Bessent",
        role="Treasury Secretary",
        affiliation="United States",
        side="US",
        notes="Led the U.S. delegation.",
        aliases=["Bessent"],
    )
    assert he.id == "he-lifeng"
    assert (he.name, he.role, he.affiliation, he.side, he.notes, he.aliases) == (
        "He Lifeng",
        "Vice Premier",
        None,
        None,
        None,
        [],
    )
    assert full.participant("bessent") is bessent
    assert full.participant("he-lifeng") is he
    assert full.participant("nobody") is None
    assert full.participant(None) is None


def test_quotes(full: Brief) -> None:
    first, second, third = full.quotes
    assert first.id == "bessent-framework"
    assert first.speaker == "bessent"
    assert first.text == "very positive framework"
    assert first.context == "Said after the talks."
    assert first.said == date(2025, 10, 25)
    assert first.source == "Told reporters"
    # No offset: read in the brief's timezone.
    assert second.said == datetime(2025, 10, 26, 18, 0, tzinfo=KL)
    assert isinstance(second.said, datetime)
    assert second.said.utcoffset() == timedelta(hours=8)
    assert second.speaker == "he-lifeng"
    assert third.speaker is None
    assert third.said is None
    assert all(isinstance(q, Quote) for q in full.quotes)


def test_deadlines(full: Brief) -> None:
    truce, meeting = full.deadlines
    assert truce.id == "truce-expiry"
    assert truce.due == date(2025, 11, 10)
    assert truce.status is DeadlineStatus.OPEN  # the default
    assert truce.details == "End of the day."
    assert truce.due_at == datetime(2025, 11, 11, 0, 0, tzinfo=KL)
    assert meeting.id == "meeting"
    assert meeting.status is DeadlineStatus.MET
    assert meeting.due == datetime(2025, 11, 2, 9, 30, tzinfo=KL)
    assert meeting.due_at == meeting.due
    assert all(isinstance(d, Deadline) for d in full.deadlines)


def test_timeline(full: Brief) -> None:
    geneva, london, earlier, deal = full.timeline
    assert geneva.date == date(2025, 5, 10)
    assert geneva.place == "Geneva"
    assert geneva.label == "First round"
    assert london.date == PartialDate(2025, 6)
    assert earlier.date == PartialDate(2024)
    assert deal.date == datetime(2025, 10, 26, 10, 0, tzinfo=UTC)
    assert all(isinstance(e, TimelineEvent) for e in full.timeline)


def test_figures_numbers_become_text(full: Brief) -> None:
    peak, rounds, ratio = full.figures
    assert (peak.id, peak.value, peak.note) == ("us-tariff-peak", "145%", "Before May.")
    assert rounds.value == "5"
    assert ratio.value == "1.5"
    assert all(isinstance(f.value, str) for f in full.figures)
    assert validate(Figure, {"label": "x", "value": 7}).value == "7"


def test_figure_true_is_not_a_number(write, head) -> None:
    with pytest.raises(BriefError, match="expected text, got true/false"):
        load_brief(write(head + "[[figures]]\nlabel = 'x'\nvalue = true\n"))


def test_published_date_means_start_of_that_day(write) -> None:
    path = write('format = 1\ntitle = "T"\npublished = 2025-03-01\ntimezone = "Europe/Paris"\n')
    brief = load_brief(path)
    assert brief.published == date(2025, 3, 1)
    assert brief.published_at == datetime(2025, 3, 1, tzinfo=ZoneInfo("Europe/Paris"))


def test_brief_id_derived_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "Trade Talks, Round 5.toml"
    path.write_text('format = 1\ntitle = "Anything"\npublished = 2025-01-01\n')
    assert load_brief(path).id == "trade-talks-round-5"


def test_parse_brief_accepts_text_and_bytes() -> None:
    text = (GOOD / "minimal.toml").read_text()
    from_text = parse_brief(text, "minimal.toml")
    from_bytes = parse_brief(text.encode(), "minimal.toml")
    assert from_text == from_bytes == load_brief(GOOD / "minimal.toml")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (GOOD / "minimal.json").read_bytes())
    assert load_brief(path).title == "Minimal brief"


def test_multiline_text_keeps_newlines_single_line_folds_them(write, head) -> None:
    brief = load_brief(
        write(
            head
            + 'summary = "a\\r\\nb\\tc"\n[[participants]]\nname = "Ann\\nLee"\nrole = "x\\ty"\n'
        )
    )
    assert brief.summary == "a\nb\tc"
    assert brief.participants[0].name == "Ann Lee"
    assert brief.participants[0].role == "x y"


_MINIMAL: dict[str, dict] = {
    "Brief": {"format": 1, "title": "T", "published": "2025-01-01"},
    "Source": {"name": "x"},
    "Participant": {"name": "x"},
    "Quote": {"text": "x"},
    "Deadline": {"title": "x", "due": "2025-01-01"},
    "TimelineEvent": {"date": "2025", "label": "x"},
    "Figure": {"label": "x", "value": "1"},
}


@pytest.mark.parametrize(
    ("model", "key"),
    [
        (Brief, "titel"),
        (Source, "nmae"),
        (Participant, "rol"),
        (Quote, "txt"),
        (Deadline, "detials"),
        (TimelineEvent, "lable"),
        (Figure, "vlaue"),
    ],
)
def test_every_model_forbids_unknown_keys(model: type[Any], key: str) -> None:
    valid = _MINIMAL[model.__name__]
    validate(model, valid)
    with pytest.raises(ValidationError) as caught:
        validate(model, {**valid, key: "x"})
    # A dataclass's unknown keyword (pydantic's extra_forbidden for a BaseModel).
    assert [e["type"] for e in caught.value.errors()] == ["unexpected_keyword_argument"]
    (problem,) = problems_from_validation(caught.value, model)
    assert problem.message.startswith(f"unknown key '{key}'")


@pytest.mark.parametrize(
    ("section", "key", "suggestion"),
    [
        ("source", "nmae", "name"),
        ("participants", "rol", "role"),
        ("quotes", "txt", "text"),
        ("deadlines", "detials", "details"),
        ("timeline", "lable", "label"),
        ("figures", "vlaue", "value"),
    ],
)
def test_typo_in_every_section_suggests_the_key(section: str, key: str, suggestion: str) -> None:
    item = _MINIMAL[
        {
            "source": "Source",
            "participants": "Participant",
            "quotes": "Quote",
            "deadlines": "Deadline",
            "timeline": "TimelineEvent",
            "figures": "Figure",
        }[section]
    ]
    value = {**item, key: "x"}
    raw = {**_MINIMAL["Brief"], section: value if section == "source" else [value]}
    with pytest.raises(BriefError) as caught:
        parse_brief(json.dumps(raw), "typo.json")
    (problem,) = caught.value.problems
    where = section if section == "source" else f"{section}[0]"
    assert problem.location == f"{where}.{key}"
    assert f"did you mean '{suggestion}'?" in problem.message


# JSON schema


def _all_models() -> list[type[Any]]:
    return [Brief, Source, Participant, Quote, Deadline, TimelineEvent, Figure]


def test_json_schema_is_valid_json_with_descriptions() -> None:
    schema = json_schema()
    text = json.dumps(schema, ensure_ascii=False)
    again = json.loads(text)
    assert again == schema
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Brief"
    assert schema["description"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"format", "title", "published"}
    defs = schema["$defs"]
    assert {"Source", "Participant", "Quote", "Deadline", "TimelineEvent", "Figure"} <= set(defs)
    for name, model_schema in [("Brief", schema), *defs.items()]:
        if "properties" not in model_schema:  # an enum
            continue
        assert model_schema["additionalProperties"] is False, name
        assert model_schema.get("description"), name
        for field, field_schema in model_schema["properties"].items():
            assert field_schema.get("description"), f"{name}.{field} has no description"


def test_json_schema_covers_every_field() -> None:
    schema = json_schema()
    by_title = {d.get("title"): d for d in schema["$defs"].values()}
    by_title["Brief"] = schema
    for model in _all_models():
        title = model.__pydantic_config__.get("title")
        assert set(by_title[title]["properties"]) == set(field_names(model)), title


def test_json_schema_dates_and_status() -> None:
    schema = json_schema()
    published = schema["properties"]["published"]
    formats = {option.get("format") for option in published["anyOf"]}
    assert formats == {"date-time", "date"}
    timeline_date = schema["$defs"]["TimelineEvent"]["properties"]["date"]
    assert any("pattern" in option for option in timeline_date["anyOf"])
    status = schema["$defs"]["DeadlineStatus"]
    assert status["enum"] == ["open", "met", "missed", "extended", "cancelled"]
