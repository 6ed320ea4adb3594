"""The normalized form of a brief: what the index keeps, and the brief built back from it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hardening.profiles import examples
from hardening.strategies import valid_files
from hypothesis import given
from hypothesis import strategies as st
from kit import brief_toml
from kit.risks import FLOOD, STRIKE, registered_risks

from briefing.core import normalized
from briefing.core.clock import SystemZone
from briefing.core.kept_items import items_list
from briefing.core.loading import load_brief, parse_brief
from briefing.core.models import Brief

BERLIN = ZoneInfo("Europe/Berlin")
SAMPLES = sorted(p.name for p in (Path(__file__).parents[2] / "sample_briefs").iterdir())
ZONES: list[tzinfo | None] = [
    None,
    BERLIN,
    ZoneInfo("America/St_Johns"),
    ZoneInfo("Pacific/Kiritimati"),
    timezone(timedelta(hours=-3)),
    SystemZone("CET-1CEST,M3.5.0,M10.5.0/3"),
]


def _when(value: Any) -> Any:
    """A time with everything equality ignores: its type, zone (by key or name), offset, fold."""
    if isinstance(value, datetime):
        zone = value.tzinfo
        return ("datetime", value.isoformat(), getattr(zone, "key", str(zone)), value.fold)
    if isinstance(value, date):
        return ("date", value.isoformat())
    return value


def _exactly(item: Any) -> Any:
    """``item`` (a brief or a part) as nested tuples that tell apart what ``==`` does not."""
    if dataclasses.is_dataclass(item):
        return (
            type(item),
            *((f.name, _exactly(getattr(item, f.name))) for f in dataclasses.fields(item)),
        )
    if items_list(item):  # a list, or a known brief's quotes built as read
        return [_exactly(value) for value in item]
    return _when(item)


def assert_same(again: Brief, brief: Brief) -> None:
    """``again`` is ``brief``: equal, with the same times and zones and the same derived state."""
    assert again == brief
    assert _exactly(again) == _exactly(brief)
    assert _when(again.published_at) == _when(brief.published_at)
    assert getattr(again.zone, "key", str(again.zone)) == getattr(
        brief.zone, "key", str(brief.zone)
    )
    assert [_when(d.due_at) for d in again.deadlines] == [_when(d.due_at) for d in brief.deadlines]
    for quote in again.quotes:
        assert again.participant(quote.speaker) == brief.participant(quote.speaker)


def round_trip(brief: Brief, zone: tzinfo | None) -> Brief:
    data = json.loads(json.dumps(normalized.dump(brief)))
    return normalized.load(data, local_zone=zone)


@pytest.mark.parametrize("zone", ZONES, ids=str)
@pytest.mark.parametrize("name", SAMPLES)
def test_every_sample_comes_back_as_it_was_dumped(
    samples_dir: Path, name: str, zone: tzinfo | None
) -> None:
    brief = load_brief(samples_dir / name, local_zone=zone)
    again = round_trip(brief, zone)
    assert_same(again, brief)
    assert normalized.dump(again) == normalized.dump(brief)


def test_times_without_an_offset_keep_their_zone(samples_dir: Path) -> None:
    """The flood brief's times without an offset are read in its zone (Europe/Berlin),
    and come back in that zone (a ZoneInfo, with its rules), not as a bare offset."""
    brief = load_brief(samples_dir / "flood-response-riverside.json", local_zone=BERLIN)
    zoned = [
        q.said for q in brief.quotes if isinstance(q.said, datetime) and q.said.tzinfo is BERLIN
    ]
    assert zoned, "the sample has times without an offset"
    again = round_trip(brief, BERLIN)
    assert all(
        isinstance(q.said, datetime) and q.said.tzinfo is BERLIN
        for q in again.quotes
        if q.said in zoned
    )


def test_the_seed_brief_in_every_local_zone(seed_brief_path: Path) -> None:
    data = seed_brief_path.read_bytes()
    # Without its timezone, every time without an offset is read in the local zone.
    lines = data.decode().splitlines()
    plain = "\n".join(line for line in lines if not line.startswith("timezone ="))
    for key in sorted(available_timezones()):
        zone = ZoneInfo(key)
        for source in (data, plain):
            brief = parse_brief(source, seed_brief_path, local_zone=zone)
            assert_same(round_trip(brief, zone), brief)


def test_a_brief_with_draft_provenance_comes_back() -> None:
    mark = {"start": 0, "end": 3, "exact": "Ann", "reason": "a name", "checks": ["spelling"]}
    text = brief_toml(
        participants=[{"id": "ann", "name": "Ann", "draft": {**mark, "confidence": "low"}}],
        quotes=[{"speaker": "ann", "text": "yes", "said": "2025-01-02T10:00", "draft": mark}],
        deadlines=[{"title": "Reply", "due": "2025-02-01", "draft": mark}],
        timeline=[{"date": "2025-01", "label": "Said yes", "draft": mark}],
        figures=[{"label": "Agreed", "value": 45, "draft": mark}],
        draft={"article": "Ann said yes."},
    )
    brief = parse_brief(text, "drafted.toml", local_zone=BERLIN)
    assert brief.draft is not None and brief.quotes[0].draft is not None
    assert_same(round_trip(brief, BERLIN), brief)


def test_a_registered_section_comes_back(tmp_path: Path) -> None:
    with registered_risks():
        path = tmp_path / "risks.toml"
        path.write_text(brief_toml() + _risks_toml(), encoding="utf-8")
        brief = load_brief(path)
        assert len(brief.risks) == 2  # type: ignore[attr-defined]
        assert_same(round_trip(brief, None), brief)


def _risks_toml() -> str:
    return "".join(
        "\n[[risks]]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in risk.items())
        for risk in (FLOOD, STRIKE)
    )


@examples(ci=40, deep_count=500)
@given(valid_files(), st.sampled_from(ZONES))
def test_every_valid_brief_comes_back(file: Any, zone: tzinfo | None) -> None:
    _raw, name, data = file
    brief = parse_brief(data, Path(name), local_zone=zone)
    assert_same(round_trip(brief, zone), brief)


def test_loading_does_not_import_pydantic(tmp_path: Path, seed_brief_path: Path) -> None:
    """A brief the index has seen is built without pydantic (~140 ms of import and schema)."""
    stored = tmp_path / "normalized.json"
    stored.write_text(json.dumps(normalized.dump(load_brief(seed_brief_path, local_zone=BERLIN))))
    program = (
        "import json, sys\n"
        "from zoneinfo import ZoneInfo\n"
        "from briefing.core import normalized\n"
        f"data = json.loads(open({str(stored)!r}).read())\n"
        "brief = normalized.load(data, local_zone=ZoneInfo('Europe/Berlin'))\n"
        "assert brief.deadlines[0].due_at and brief.participants, brief\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_data_of_another_version_is_not_trusted(seed_brief_path: Path) -> None:
    data = normalized.dump(load_brief(seed_brief_path))
    data["version"] = normalized.VERSION + 1
    with pytest.raises(ValueError, match="version"):
        normalized.load(data)


def test_data_made_in_another_local_zone_is_not_trusted() -> None:
    """A time without an offset in a brief without a timezone was read in the reader's zone
    (Berlin): in Tokyo it means another moment, which only reading the file again gives."""
    text = brief_toml(quotes=[{"text": "yes", "said": "2025-01-02T10:00"}])
    brief = parse_brief(text, "naive.toml", local_zone=BERLIN)
    data = json.loads(json.dumps(normalized.dump(brief)))
    assert_same(normalized.load(data, local_zone=BERLIN), brief)
    with pytest.raises(ValueError, match="zone"):
        normalized.load(data, local_zone=ZoneInfo("Asia/Tokyo"))


def test_data_of_another_shape_is_refused_as_a_value_error(seed_brief_path: Path) -> None:
    """Data whose fields the models do not have (a section no longer registered) is
    refused as data of another version is, not with a TypeError from the constructor."""
    data = normalized.dump(load_brief(seed_brief_path))
    data["brief"]["risks"] = [{"text": "Dock workers could strike"}]
    with pytest.raises(ValueError, match="risks"):
        normalized.load(data)
