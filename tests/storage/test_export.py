"""Exports: golden Markdown/JSON/TOML files, iCalendar deadlines, reading back, safe file names.

The golden files in tests/data/golden/ are compared byte for byte. After an
intended change to an export format, rewrite them with::

    BRIEFING_UPDATE_GOLDEN=1 python -m pytest tests/storage/test_export.py

and review the diff before checking them in.
"""

from __future__ import annotations

import contextlib
import json
import os
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.anchors import ItemKind
from briefing.core.annotations import Bookmark, Note
from briefing.core.errors import BriefError
from briefing.core.filenames import safe_filename
from briefing.core.ical import deadlines_ics
from briefing.core.notes_export import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    export_data,
    parse_export,
    to_json,
    to_markdown,
    to_toml,
)

from .helpers import GOLDEN, NOW, REVISIONS, revision, run_briefing

BRIEF_ID = "harbour-talks"
OTHER_ID = "other-brief"


def t(hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 10, 26, hour, minute, tzinfo=UTC)


def fixed_notes() -> list[Note]:
    """A fixed set of notes (as ``all_notes`` would list them: most recently changed first)."""
    v1 = revision("v1")
    quote = v1.quotes[0]
    notes = [
        Note(
            "00000000000000000000000000000001",
            BRIEF_ID,
            v1.title,
            ItemKind.QUOTE,
            quote.id,
            quote.text,
            "Ask whether the **inspection** covers the old gantry cranes.\n\n"
            "- check the 2019 report\n",
            t(9),
            t(9),
        ),
        Note(
            "00000000000000000000000000000002",
            BRIEF_ID,
            v1.title,
            ItemKind.DEADLINE,
            "inspection",
            "Crane inspection report due",
            "Report owed by the port engineer.",
            t(9, 5),
            t(11, 30),
        ),
        Note(
            "00000000000000000000000000000003",
            BRIEF_ID,
            v1.title,
            ItemKind.PARTICIPANT,
            "ben",
            "Ben Ode Union Chair Dockworkers' Union",
            "Chair since 2021.",
            t(9, 10),
            t(9, 10),
        ),
        Note(
            "00000000000000000000000000000004",
            BRIEF_ID,
            v1.title,
            ItemKind.SUMMARY,
            "",
            v1.summary,
            "Strike lasted seven days.",
            t(9, 15),
            t(9, 15),
        ),
        Note(
            "00000000000000000000000000000005",
            BRIEF_ID,
            v1.title,
            ItemKind.QUOTE,
            "removed-quote",
            "A line that was cut from the brief.\nIt had two lines.",
            "Still worth remembering.",
            t(8),
            t(8),
            detached=True,
        ),
        Note(
            "00000000000000000000000000000006",
            OTHER_ID,
            "Another brief: not in the library",
            ItemKind.FIGURE,
            "ships",
            "12 ships waiting",
            'Unicode: café — 東京, and "quotes" and a \\ backslash.',
            t(7),
            t(7, 45),
        ),
    ]
    return sorted(notes, key=lambda n: (n.updated, n.uid), reverse=True)


def fixed_bookmarks() -> list[Bookmark]:
    v1 = revision("v1")
    return [
        Bookmark(
            BRIEF_ID,
            v1.title,
            ItemKind.QUOTE,
            "ben-wages",
            "Wages first, then everything else.",
            t(10),
        ),
        Bookmark(BRIEF_ID, v1.title, ItemKind.DEADLINE, "ballot", "Union ballot closes", t(9, 30)),
        Bookmark(
            OTHER_ID,
            "Another brief: not in the library",
            ItemKind.BRIEF,
            "",
            "Another brief: not in the library",
            t(6),
            detached=True,
        ),
    ]


def library() -> dict:
    return {BRIEF_ID: revision("v1")}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"{path} is missing; run with BRIEFING_UPDATE_GOLDEN=1 to write it"
    assert text == path.read_bytes().decode("utf-8"), (
        f"{name} differs from the golden file;"
        " if the change is intended, rerun with BRIEFING_UPDATE_GOLDEN=1"
    )


# Golden files -------------------------------------------------------------------------------------


def test_markdown_golden() -> None:
    check_golden("notes.md", to_markdown(fixed_notes(), library(), NOW))


def test_json_golden() -> None:
    check_golden(
        "notes.json", to_json(export_data(fixed_notes(), fixed_bookmarks(), library(), NOW))
    )


def test_toml_golden() -> None:
    check_golden(
        "notes.toml", to_toml(export_data(fixed_notes(), fixed_bookmarks(), library(), NOW))
    )


def test_empty_markdown_golden() -> None:
    check_golden("empty.md", to_markdown([], {}, NOW))


# What the exports say -----------------------------------------------------------------------------


def test_markdown_puts_each_note_under_a_quote_of_its_item() -> None:
    text = to_markdown(fixed_notes(), library(), NOW)
    lines = text.splitlines()
    # Grouped by brief, titled by the brief.
    assert lines.count("## Harbour talks resume after the strike") == 1
    assert lines.count("## Another brief: not in the library") == 1
    # The quote: section and speaker, then the quoted item, then the note.
    heading = lines.index("### Quote — Ana Ruiz, Mediator (Harbour Authority)")
    quote = lines.index("> " + revision("v1").quotes[0].text)
    body = lines.index("Ask whether the **inspection** covers the old gantry cranes.")
    assert heading < quote < body
    assert lines.index("## Harbour talks resume after the strike") < heading
    # A detached note keeps its saved text and says it is detached.
    detached = lines.index("### Quote (detached: no longer in the brief)")
    assert lines[detached + 2 : detached + 4] == [
        "> A line that was cut from the brief.",
        "> It had two lines.",
    ]
    # A note whose brief is not at hand still shows its saved title and text.
    assert "> 12 ships waiting" in lines
    assert "<sub>written 2025-10-26T09:05:00Z, updated 2025-10-26T11:30:00Z</sub>" in lines


def test_json_export_is_documented_and_versioned() -> None:
    data = json.loads(to_json(export_data(fixed_notes(), fixed_bookmarks(), library(), NOW)))
    assert data["format"] == EXPORT_FORMAT == "briefing-notes"
    assert data["version"] == EXPORT_VERSION == 1
    assert data["exported"] == "2025-10-26T11:00:00Z"
    first = next(n for n in data["notes"] if n["uid"].endswith("1"))
    assert first["speaker"] == "Ana Ruiz, Mediator (Harbour Authority)"
    assert first["section"] == "Quote"
    assert len(data["bookmarks"]) == 3
    # The TOML export holds exactly the same structure.
    assert (
        tomllib.loads(to_toml(export_data(fixed_notes(), fixed_bookmarks(), library(), NOW)))
        == data
    )


@pytest.mark.parametrize("name, kind", [("notes.json", "json"), ("notes.toml", "toml")])
def test_golden_exports_read_back_to_the_same_notes(name: str, kind: str) -> None:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    assert parse_export(text, kind, GOLDEN / name) == fixed_notes()


# Deadlines as iCalendar ---------------------------------------------------------------------------


def calendar_events(payload: bytes) -> dict[str, Any]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(payload)
    assert calendar.name == "VCALENDAR"
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_ics_one_event_per_deadline_with_notes() -> None:
    v1 = revision("v1")
    notes = fixed_notes() + [
        # The same deadline id in another brief must not leak into this brief's event.
        Note(
            "7" * 32,
            OTHER_ID,
            "Other",
            ItemKind.DEADLINE,
            "inspection",
            "x",
            "OTHER BRIEF NOTE",
            t(1),
            t(1),
        ),
        # A note body trying to end the event early stays text.
        Note(
            "8" * 32,
            BRIEF_ID,
            v1.title,
            ItemKind.DEADLINE,
            "ballot",
            "Union ballot closes",
            "line one\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
            t(2),
            t(2),
        ),
    ]
    events = calendar_events(deadlines_ics([v1], notes, NOW))
    assert sorted(events) == ["harbour-talks/ballot@briefing", "harbour-talks/inspection@briefing"]

    inspection = events["harbour-talks/inspection@briefing"]
    assert str(inspection["summary"]) == "Crane inspection report due"
    start, end = inspection.decoded("dtstart"), inspection.decoded("dtend")
    assert type(start) is date and start == date(2025, 11, 3)  # all-day
    assert end - start == timedelta(days=1)
    description = str(inspection["description"])
    assert "Brief: Harbour talks resume after the strike" in description
    assert "Report owed by the port engineer." in description
    assert "The mediator wants the report" in description
    assert "OTHER BRIEF NOTE" not in description

    ballot = events["harbour-talks/ballot@briefing"]
    assert ballot.decoded("dtstart") == datetime(2025, 11, 5, 17, 0, tzinfo=UTC)
    assert "END:VEVENT" in str(ballot["description"])
    assert str(ballot["summary"]) == "Union ballot closes"


def test_ics_of_the_seed_brief(seed_brief_path: Path) -> None:
    from briefing.core.loading import load_brief

    brief = load_brief(seed_brief_path)
    events = calendar_events(deadlines_ics([brief], [], NOW))
    assert len(events) == len(brief.deadlines) == 2
    for event in events.values():
        assert type(event.decoded("dtstart")) is date


# Reading exports back: bad files are one BriefError -----------------------------------------------

GOOD_NOTE = {
    "uid": "a" * 32,
    "brief_id": "b",
    "kind": "quote",
    "item_id": "q",
    "body": "x",
    "created": "2025-10-26T12:00:00Z",
    "updated": "2025-10-26T12:00:00Z",
}


def export_json(**changes: object) -> str:
    return json.dumps({"format": "briefing-notes", "version": 1, "notes": [GOOD_NOTE]} | changes)


def note_json(**changes: object) -> str:
    note = {k: v for k, v in (GOOD_NOTE | changes).items() if v is not None}
    return json.dumps({"format": "briefing-notes", "version": 1, "notes": [note]})


TOML_HEAD = (
    'format = "briefing-notes"\nversion = 1\n[[notes]]\nuid = "a"\nbrief_id = "b"\nkind = "quote"\n'
)

BAD_EXPORTS = {
    "wrong-format": (export_json(format="briefing-brief"), "json"),
    "no-format": (json.dumps({"version": 1, "notes": []}), "json"),
    "wrong-version": (export_json(version=2), "json"),
    "bad-json": ('{"format": "briefing-notes", ', "json"),
    "empty-json": ("", "json"),
    "json-null": ("null", "json"),
    "json-list": ("[]", "json"),
    "json-string": ('"notes"', "json"),
    "deep-json": ("[" * 100_000 + "]" * 100_000, "json"),
    "missing-body": (note_json(body=None), "json"),
    "missing-uid": (note_json(uid=None), "json"),
    "body-not-text": (note_json(body=["x"]), "json"),
    "bad-kind": (note_json(kind="paragraph"), "json"),
    "bad-created": (note_json(created="yesterday"), "json"),
    "huge-uid": (note_json(uid="u" * 10_000), "json"),
    "notes-not-list": (export_json(notes="none"), "json"),
    "note-not-table": (export_json(notes=[1, 2]), "json"),
    "nan": ('{"format": "briefing-notes", "version": NaN}', "json"),
    "bad-toml": ('format = "briefing-notes"\nversion = ', "toml"),
    "toml-missing-body": (
        TOML_HEAD + "created = 2025-10-26T12:00:00Z\nupdated = 2025-10-26T12:00:00Z\n",
        "toml",
    ),
    "toml-wrong-format": ('format = "something-else"\nversion = 1\n', "toml"),
    "toml-time-only": (
        TOML_HEAD + 'body = "x"\ncreated = 12:00:00\nupdated = 12:00:00\n',
        "toml",
    ),
    "json-given-as-toml": (export_json(), "toml"),
}


@pytest.mark.parametrize("text, kind", BAD_EXPORTS.values(), ids=BAD_EXPORTS.keys())
def test_parse_export_rejects_bad_files_with_brief_error(text: str, kind: str) -> None:
    path = Path("exports") / f"bad.{kind}"
    with pytest.raises(BriefError) as caught:
        parse_export(text, kind, path)
    assert caught.value.problems
    assert str(path) in str(caught.value)


def test_parse_export_accepts_a_minimal_file() -> None:
    [note] = parse_export(export_json(), "json", "ok.json")
    assert (
        note.uid == "a" * 32 and note.body == "x" and note.brief_title == "" and not note.detached
    )
    assert note.created.tzinfo is not None


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_parse_export_never_raises_anything_else(value: object) -> None:
    for candidate in (
        value,
        {"format": "briefing-notes", "version": 1, "notes": value},
        {"format": "briefing-notes", "version": 1, "notes": [value]},
    ):
        with contextlib.suppress(BriefError):
            parse_export(json.dumps(candidate), "json", "fuzz.json")


# File names from untrusted titles -----------------------------------------------------------------

HOSTILE_NAMES = [
    "../../etc/passwd",
    "..",
    ".",
    "...",
    "x/../y",
    "a/b/c",
    "/absolute",
    "a\\b",
    "..\\..\\windows",
    "C:\\Windows\\system32",
    "a:b",
    "NUL\x00byte",
    "\x00",
    "CON",
    "con",
    "CON.txt",
    "Lpt1",
    "aux.md",
    "",
    "   ",
    "-",
    ".hidden",
    "．．／etc",
    "\u202eevil",
    "trailing dot.",
    "a" * 500,
    "\n\r\t",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_safe_filename_cannot_escape(name: str) -> None:
    result = safe_filename(name, ".md")
    assert_safe(result, ".md")


def assert_safe(result: str, suffix: str) -> None:
    assert result.endswith(suffix)
    stem = result[: -len(suffix)]
    assert stem
    for bad in ("/", "\\", ":", "\x00", ".."):
        assert bad not in result, (result, bad)
    assert not result.startswith((".", "-"))
    assert stem.split(".")[0].lower() not in {"con", "prn", "aux", "nul", "lpt1", "com1"}
    assert len(stem) <= 100


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_safe_filename_property(name: str) -> None:
    assert_safe(safe_filename(name, ".json"), ".json")


def test_safe_filename_keeps_ordinary_titles_readable() -> None:
    assert (
        safe_filename("US, China agree on preliminary trade deal", ".md")
        == "US-China-agree-on-preliminary-trade-deal.md"
    )
    assert safe_filename("../../etc/passwd", ".md") == "etc-passwd.md"


def test_export_to_a_folder_with_a_hostile_brief_title_stays_inside(tmp_path: Path) -> None:
    brief = tmp_path / "briefs" / "hostile.toml"
    brief.parent.mkdir()
    brief.write_text(
        (REVISIONS / "v1.toml")
        .read_text(encoding="utf-8")
        .replace(
            'title = "Harbour talks resume after the strike"',
            r'title = "../../../../tmp/..\\..\\escaped: CON/passwd"',
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    before = set(tmp_path.rglob("*"))
    for fmt in ("md", "json", "toml", "ics"):
        result = run_briefing("export", "--brief", str(brief), "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
    written = set(tmp_path.rglob("*")) - before
    assert written and all(p.parent == out and p.is_file() for p in written), written
    assert len(written) == 4
    for path in written:
        assert path.resolve().parent == out.resolve()
        assert ".." not in path.name


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.text(), min_size=0, max_size=4),
    flags=st.lists(st.booleans(), min_size=1, max_size=3),
)
def test_the_toml_writer_round_trips_any_text(texts: list[str], flags: list[bool]) -> None:
    """The hand-written TOML writer gives back exactly the data, whatever the text (quotes, DEL, emoji)."""
    import tomllib

    from briefing.core.notes_export import to_toml

    data = {
        "format": "briefing-notes",
        "version": 1,
        "exported": "2025-10-26T12:00:00Z",
        "notes": [
            {"uid": str(i), "body": text, "detached": flags[i % len(flags)]}
            for i, text in enumerate(texts)
        ],
        "bookmarks": [],
    }
    assert tomllib.loads(to_toml(data)) == data
