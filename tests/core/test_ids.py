"""Derived ids: stable across runs and reorderings, unique within a brief."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core import Brief, BriefError, load_brief, parse_brief
from briefing.core.ids import ID_PATTERN, derive_id, short_hash, slugify, uniquify
from briefing.core.safetext import clean_line

GOOD = Path(__file__).resolve().parent.parent / "data" / "good"
SECTIONS = ("participants", "quotes", "deadlines", "timeline", "figures")


def _brief(**sections: list[dict]) -> Brief:
    raw = {"format": 1, "title": "T", "published": "2025-01-01", **sections}
    return parse_brief(json.dumps(raw, ensure_ascii=False), "brief.json")


def _ids(brief: Brief, section: str) -> list[str]:
    return [item.id for item in getattr(brief, section)]


def test_ids_are_stable_across_loads() -> None:
    first = load_brief(GOOD / "full.toml")
    second = load_brief(GOOD / "full.toml")
    for section in SECTIONS:
        assert _ids(first, section) == _ids(second, section)


def test_known_derived_ids() -> None:
    # Pinned: notes saved against these ids must still find their items after an upgrade.
    brief = load_brief(GOOD / "full.toml")
    assert _ids(brief, "participants") == ["bessent", "he-lifeng"]
    assert _ids(brief, "quotes") == ["bessent-framework", "he-lifeng-314a42", "quote-8c72fe"]
    assert _ids(brief, "deadlines") == ["truce-expiry", "meeting"]
    assert _ids(brief, "timeline") == [
        "2025-05-10-first-round",
        "2025-06-second-round",
        "2024-earlier",
        "2025-10-26-1000-deal-reached",
    ]
    assert _ids(brief, "figures") == ["us-tariff-peak", "rounds", "ratio"]


QUOTES = [
    {"speaker": "ann", "text": "First thing."},
    {"speaker": "ann", "text": "Second thing."},
    {"speaker": "bob", "text": "First thing."},
    {"text": "Anonymous."},
]
PEOPLE = [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}]


def test_quote_ids_do_not_depend_on_order() -> None:
    forward = _brief(participants=PEOPLE, quotes=QUOTES)
    backward = _brief(participants=PEOPLE, quotes=QUOTES[::-1])
    by_text = lambda b: {(q.speaker, q.text): q.id for q in b.quotes}  # noqa: E731
    assert by_text(forward) == by_text(backward)


def test_other_ids_do_not_depend_on_order() -> None:
    sections: dict[str, list[dict]] = {
        "participants": [{"name": "Ann Lee"}, {"name": "Bob Stone"}, {"name": "Chen Wei"}],
        "deadlines": [
            {"title": "Vote", "due": "2025-02-01"},
            {"title": "Report", "due": "2025-03-01"},
        ],
        "timeline": [{"date": "2025-05", "label": "A"}, {"date": "2025-06-01", "label": "B"}],
        "figures": [{"label": "Rate", "value": 1}, {"label": "Count", "value": 2}],
    }
    forward = _brief(**sections)
    backward = _brief(**{name: items[::-1] for name, items in sections.items()})
    for section in sections:
        assert sorted(_ids(forward, section)) == sorted(_ids(backward, section))
        assert _ids(forward, section) == _ids(backward, section)[::-1]


def test_quotes_by_one_speaker_get_distinct_ids() -> None:
    brief = _brief(participants=PEOPLE, quotes=QUOTES)
    ids = _ids(brief, "quotes")
    assert len(set(ids)) == len(ids)
    assert ids[0].startswith("ann-") and ids[1].startswith("ann-")
    assert ids[2].startswith("bob-")
    assert ids[3].startswith("quote-")


def test_identical_quotes_are_still_unique() -> None:
    brief = _brief(quotes=[{"text": "Same."}, {"text": "Same."}, {"text": "Same."}])
    first, second, third = _ids(brief, "quotes")
    assert second == f"{first}-2"
    assert third == f"{first}-3"


def test_participants_with_the_same_name_are_unique() -> None:
    brief = _brief(participants=[{"name": "Ann Lee"}, {"name": "Ann Lee"}, {"name": "ann lee"}])
    assert _ids(brief, "participants") == ["ann-lee", "ann-lee-2", "ann-lee-3"]


def test_derived_id_does_not_take_an_explicit_one() -> None:
    # The explicit id wins, even when it comes later in the file.
    brief = _brief(
        participants=[{"name": "Ann Lee"}, {"id": "ann-lee", "name": "Ann Lee (the other)"}],
        quotes=[{"speaker": "ann-lee", "text": "Me."}, {"speaker": "ann-lee-2", "text": "Me too."}],
    )
    assert _ids(brief, "participants") == ["ann-lee-2", "ann-lee"]
    assert brief.participant("ann-lee").name == "Ann Lee (the other)"
    assert brief.participant("ann-lee-2").name == "Ann Lee"


def test_quote_can_name_a_derived_speaker_id() -> None:
    brief = _brief(
        participants=[{"name": "Jamieson Greer"}],
        quotes=[{"speaker": "jamieson-greer", "text": "x"}],
    )
    assert brief.participant(brief.quotes[0].speaker).name == "Jamieson Greer"


def test_cjk_names_get_a_hashed_id() -> None:
    brief = _brief(participants=[{"name": "习近平"}, {"name": "何立峰"}, {"name": "李成钢"}])
    ids = _ids(brief, "participants")
    assert all(re.fullmatch(r"person-[0-9a-f]{6}", pid) for pid in ids), ids
    assert len(set(ids)) == 3
    assert ids == _ids(
        _brief(participants=[{"name": "习近平"}, {"name": "何立峰"}, {"name": "李成钢"}]),
        "participants",
    )
    assert ids[0] == f"person-{short_hash('习近平')}"


def test_cjk_speaker_id_works_in_quotes() -> None:
    xi = derive_id("person", "习近平")
    brief = _brief(participants=[{"name": "习近平"}], quotes=[{"speaker": xi, "text": "中国"}])
    assert brief.quotes[0].speaker == xi
    assert brief.participant(xi).name == "习近平"


def test_accents_are_folded() -> None:
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugify("Türkiye Today") == "turkiye-today"
    assert slugify("  --  ") == ""


def test_cjk_file_name_gives_hashed_brief_id(tmp_path: Path) -> None:
    path = tmp_path / "贸易谈判.toml"
    path.write_text('format = 1\ntitle = "T"\npublished = 2025-01-01\n', encoding="utf-8")
    assert re.fullmatch(r"brief-[0-9a-f]{6}", load_brief(path).id)


def test_long_names_are_shortened() -> None:
    name = "A very long name " * 10
    brief = _brief(participants=[{"name": name}], quotes=[{"speaker": slugify(name), "text": "x"}])
    (pid,) = _ids(brief, "participants")
    assert len(pid) <= 48
    assert not pid.endswith("-")
    assert len(brief.quotes[0].id) <= 32 + 7


@pytest.mark.parametrize("section", SECTIONS)
def test_explicit_duplicate_id_is_an_error(section: str) -> None:
    item = {
        "participants": {"name": "x"},
        "quotes": {"text": "x"},
        "deadlines": {"title": "x", "due": "2025-01-01"},
        "timeline": {"date": "2025", "label": "x"},
        "figures": {"label": "x", "value": "1"},
    }[section]
    with pytest.raises(BriefError) as caught:
        _brief(
            **{section: [{**item, "id": "same"}, {**item, "id": "other"}, {**item, "id": "same"}]}
        )
    (problem,) = caught.value.problems
    assert problem.location == f"{section}[2].id"
    assert problem.message == f"duplicate id 'same' (already used by {section}[0])"


def test_the_same_id_in_two_sections_is_allowed() -> None:
    brief = _brief(
        participants=[{"id": "x", "name": "X"}], figures=[{"id": "x", "label": "X", "value": "1"}]
    )
    assert brief.participants[0].id == brief.figures[0].id == "x"


def test_uniquify_records_what_it_returns() -> None:
    taken = {"a"}
    assert uniquify("a", taken) == "a-2"
    assert uniquify("a", taken) == "a-3"
    assert uniquify("b", taken) == "b"
    assert taken == {"a", "a-2", "a-3", "b"}


@settings(max_examples=60, deadline=None)
# Names that are blank once control characters are removed are rejected ("must not be empty").
@given(
    names=st.lists(
        st.text(min_size=1, max_size=30).filter(lambda n: clean_line(n).strip()),
        min_size=1,
        max_size=8,
    )
)
def test_derived_ids_are_unique_and_valid(names: list[str]) -> None:
    brief = _brief(
        participants=[{"name": name} for name in names], quotes=[{"text": n} for n in names]
    )
    for section in ("participants", "quotes"):
        ids = _ids(brief, section)
        assert len(set(ids)) == len(ids)
        assert all(re.fullmatch(ID_PATTERN, item_id) for item_id in ids), ids
