"""Property: ``briefing import-notes`` on any input (random notes, times at and beyond the
calendar's ends, bodies from all of Unicode, wrong types, missing keys; JSON and TOML; raw
noise) ends in status 0 or 1 with lines that name the file, never an exception; and what
it imports can be read back and shown in any zone (issue 13, item 7)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from briefing.cli.import_notes import cmd_import_notes
from briefing.storage import paths
from briefing.storage.store.database import Store
from briefing.storage.store.notes import Annotations

from .profiles import examples
from .strategies import any_text, aware_datetimes, naive_datetimes

ZONES = [ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Etc/GMT+12")]

# Times anywhere in the calendar, the ends included, with offsets up to ±14 hours.
extreme_offsets = st.sampled_from([timedelta(hours=h) for h in (-14, -12, -5, 0, 5, 14)]).map(
    timezone
)
any_datetime = st.one_of(
    aware_datetimes,
    naive_datetimes,
    st.datetimes(timezones=extreme_offsets),
    st.datetimes(),
    st.sampled_from([datetime.min, datetime.max]),
)
time_values = st.one_of(
    st.sampled_from(
        [
            "0001-01-01T00:00:00Z",
            "0001-01-02T00:00:00+14:00",
            "9999-12-31T12:00:00-14:00",
            datetime(1, 1, 1, tzinfo=UTC),
            datetime.max,
        ]
    ),  # the calendar's ends
    any_datetime.map(lambda when: when.isoformat()),
    any_datetime.map(lambda when: when.isoformat().replace("+00:00", "Z")),
    any_datetime,  # a TOML date-time (turned into a string for JSON)
    any_datetime.map(lambda when: when.date()),
    st.sampled_from(
        [
            "0001-01-01T00:00:00+14:00",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59-14:00",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59Z",
            "2025-13-01T00:00:00Z",
            "yesterday",
            "",
            "12:00",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
)
# Mostly times an export holds; a fifth of them from anywhere above.
good_times = st.one_of(aware_datetimes.map(lambda when: when.isoformat()), aware_datetimes)
note_times = st.one_of(good_times, good_times, good_times, good_times, time_values)
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    any_text,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
KINDS = ["quote", "deadline", "participant", "timeline", "figure", "brief", "summary", "nonsense"]

FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "uid": st.text(min_size=1, max_size=70),
    "brief_id": st.text(min_size=1, max_size=20),
    "brief_title": any_text,
    "kind": st.sampled_from(KINDS),
    "item_id": st.text(max_size=20),
    "item_text": any_text,
    "body": any_text,
    "created": note_times,
    "updated": note_times,
    "detached": st.booleans(),
}
"""Each field as an export holds it: mostly right; times from anywhere in the calendar."""


@st.composite
def notes(draw: st.DrawFn) -> dict[str, Any]:
    record = {name: draw(strategy) for name, strategy in FIELDS.items()}
    if draw(st.integers(0, 3)) == 0:
        for name in draw(st.lists(st.sampled_from(list(FIELDS)), min_size=1, max_size=2)):
            record[name] = draw(junk)  # a wrong type
        for name in draw(st.lists(st.sampled_from(list(FIELDS)), max_size=1)):
            record.pop(name, None)  # a missing key
    return record


def _plain(value: Any) -> Any:
    """``value`` as JSON can hold it (dates and times become ISO strings)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _toml_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _toml_safe(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_toml_safe(item) for item in value if item is not None]
    return value


@st.composite
def export_files(draw: st.DrawFn) -> tuple[str, bytes]:
    data: dict[str, Any] = {
        "format": draw(st.sampled_from(["briefing-notes"] * 9 + ["other"])),
        "version": draw(st.sampled_from([1] * 9 + [2, "1"])),
        "notes": draw(st.lists(notes(), max_size=4)),
    }
    kind = draw(st.sampled_from(["json", "json", "toml", "toml", "noise"]))
    if kind == "json":
        return "notes.json", json.dumps(_plain(data), ensure_ascii=draw(st.booleans())).encode(
            "utf-8", "surrogatepass"
        )
    if kind == "toml":
        try:
            return "notes.toml", tomli_w.dumps(_toml_safe(data)).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return "notes.toml", b"format = \n"
    return draw(st.sampled_from(["notes.json", "notes.toml"])), draw(st.binary(max_size=200))


@contextlib.contextmanager
def fresh_data_dir():
    """A new data folder for one example (hypothesis reuses the test's fixtures)."""
    before = os.environ.get("BRIEFING_DATA_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BRIEFING_DATA_DIR"] = str(Path(folder) / "data")
        try:
            yield Path(folder)
        finally:
            if before is not None:
                os.environ["BRIEFING_DATA_DIR"] = before


OUTCOMES = {"imported": 0, "refused": 0}


@examples(ci=60, deep_count=2000)
@given(export_files())
def test_import_notes_never_raises(case: tuple[str, bytes]) -> None:
    name, content = case
    with fresh_data_dir() as folder:
        path = folder / name
        path.write_bytes(content)
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = cmd_import_notes(argparse.Namespace(file=str(path)))
        lines = err.getvalue().splitlines()
        assert status in (0, 1)
        if status == 1:
            assert lines and all(name in line or "briefing.db" in line for line in lines), lines
            OUTCOMES["refused"] += 1
            return
        OUTCOMES["imported"] += 1
        store = Store(paths.database_file())
        try:
            for note in Annotations(store).all_notes():
                for zone in ZONES:  # what N shows: every time in the reader's zone
                    note.created.astimezone(zone)
                    note.updated.astimezone(zone)
        finally:
            store.close()


def test_report_import_outcomes(capsys) -> None:  # runs last in this module
    with capsys.disabled():
        print(f"\n[hardening] import-notes: {OUTCOMES}")
