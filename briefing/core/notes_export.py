"""Render notes and bookmarks to Markdown, JSON and TOML, and read JSON/TOML exports back.

The documents only, as text: :mod:`briefing.storage.export_files` picks the format
and writes the file (deadlines go to :mod:`briefing.core.ical`).

The JSON and TOML exports are one documented, versioned structure::

    format = "briefing-notes"   # always
    version = 1
    exported = <date-time>
    [[notes]]    uid, brief_id, brief_title, kind, item_id, item_text, body,
                 created, updated, detached, and for context: section, speaker, and
                 for a note import-notes kept in conflict: conflict_with, conflict_of
    [[bookmarks]] brief_id, brief_title, kind, item_id, item_text, created, detached

Reading an export back (``briefing import-notes``) validates it with the same
care as a brief: a bad file is one clear error, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    field_validator,
)

from briefing.core import tomlread
from briefing.core.anchors import ItemKind
from briefing.core.annotations import KIND_LABELS, Bookmark, Note, conflict_mark
from briefing.core.errors import BriefError, Problem
from briefing.core.models import Brief
from briefing.core.problems import problems_from_validation
from briefing.core.render_text import speaker_line
from briefing.core.timeutil import parse_when

EXPORT_FORMAT = "briefing-notes"
EXPORT_VERSION = 1


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _iso_exact(when: datetime) -> str:
    # Exports read back by import-notes keep sub-second times, so a round trip is lossless.
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


def context_of(note: Note | Bookmark, brief: Brief | None) -> str:
    """Who said it, for a quote (when the brief is at hand); empty otherwise."""
    if brief is None or note.kind is not ItemKind.QUOTE:
        return ""
    quote = next((q for q in brief.quotes if q.id == note.item_id), None)
    return speaker_line(brief, quote) if quote else ""


def _record(note: Note, brief: Brief | None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "uid": note.uid,
        "brief_id": note.brief_id,
        "brief_title": note.brief_title,
        "kind": note.kind.value,
        "item_id": note.item_id,
        "item_text": note.item_text,
        "body": note.body,
        "created": _iso_exact(note.created),
        "updated": _iso_exact(note.updated),
        "detached": note.detached,
        "section": KIND_LABELS[note.kind],
    }
    speaker = context_of(note, brief)
    if speaker:
        record["speaker"] = speaker
    if note.conflict is not None:
        # Only when set, so an export without conflicts reads as before (import ignores both).
        record["conflict_with"] = note.conflict_with
        record["conflict_of"] = _iso_exact(note.conflict)
    return record


def _bookmark_record(bookmark: Bookmark) -> dict[str, Any]:
    return {
        "brief_id": bookmark.brief_id,
        "brief_title": bookmark.brief_title,
        "kind": bookmark.kind.value,
        "item_id": bookmark.item_id,
        "item_text": bookmark.item_text,
        "created": _iso_exact(bookmark.created),
        "detached": bookmark.detached,
    }


def export_data(
    notes: Iterable[Note], bookmarks: Iterable[Bookmark], briefs: Mapping[str, Brief], now: datetime
) -> dict[str, Any]:
    """The export as plain data (what JSON and TOML are written from)."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": _iso(now),
        "notes": [_record(note, briefs.get(note.brief_id)) for note in notes],
        "bookmarks": [_bookmark_record(b) for b in bookmarks],
    }


def to_json(data: dict[str, Any]) -> str:
    """The export as JSON (UTF-8, indented, stable key order)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _toml_string(value: str) -> str:
    # A JSON string is a TOML basic string, except that TOML also wants DEL escaped.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    raise TypeError(f"unexpected value in an export: {type(value).__name__}")


def to_toml(data: dict[str, Any]) -> str:
    """The export as TOML.

    Written here rather than with tomli-w because the layout is fixed (scalars,
    then arrays of flat tables) and tomli-w escapes strings a character at a
    time: 100,000 notes took it 3.4 s, this about a tenth of that. A test
    checks the output parses back to the same data.
    """
    out: list[str] = []
    tables: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            tables.append((key, value))
        elif isinstance(value, list):
            out.append(f"{key} = []")
        else:
            out.append(f"{key} = {_toml_value(value)}")
    for name, rows in tables:
        for row in rows:
            out.append("")
            out.append(f"[[{name}]]")
            out.extend(f"{key} = {_toml_value(value)}" for key, value in row.items())
    return "\n".join(out) + "\n"


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.strip().splitlines()) or ">"


def to_markdown(notes: Iterable[Note], briefs: Mapping[str, Brief], now: datetime) -> str:
    """Notes as Markdown, grouped by brief: each note under a quote of the item it annotates."""
    groups: dict[str, list[Note]] = {}
    for note in notes:
        groups.setdefault(note.brief_id, []).append(note)
    out = ["# Notes from briefing", "", f"_Exported {_iso(now)}_", ""]
    if not groups:
        out += ["No notes yet.", ""]
    for brief_id, group in groups.items():
        brief = briefs.get(brief_id)
        title = brief.title if brief else group[0].brief_title
        out += [f"## {title}", "", f"_Brief `{brief_id}`_", ""]
        for note in sorted(group, key=lambda n: (n.created, n.uid)):
            heading = KIND_LABELS[note.kind]
            speaker = context_of(note, brief)
            if speaker:
                heading += f" — {speaker}"
            if note.detached:
                heading += " (detached: no longer in the brief)"
            out += [f"### {heading}", "", _blockquote(note.item_text), "", note.body.strip(), ""]
            stamp = f"written {_iso(note.created)}"
            if note.updated != note.created:
                stamp += f", updated {_iso(note.updated)}"
            if note.conflict is not None:
                stamp += f" · {conflict_mark(note)}"
            out += [f"<sub>{stamp}</sub>", ""]
    return "\n".join(out)


def _note_time(value: Any) -> datetime:
    # The rules of briefs (years 2 to 9998), so that moving a note's time to UTC or to
    # the local zone can never overflow; a note time is always a date-time.
    parsed = parse_when(value)
    if not isinstance(parsed, datetime):
        raise ValueError("expected a date-time such as 2025-10-26T13:55:00Z")
    return parsed


NoteTime = Annotated[datetime, PlainValidator(_note_time)]


class _NoteRecord(BaseModel):
    model_config = ConfigDict(extra="ignore")

    uid: str = Field(min_length=1, max_length=64)
    brief_id: str = Field(min_length=1)
    brief_title: str = ""
    kind: ItemKind
    item_id: str = ""
    item_text: str = ""
    body: str
    created: NoteTime
    updated: NoteTime
    detached: bool = False

    @field_validator("uid", "brief_id", "brief_title", "item_id", "item_text", "body")
    @classmethod
    def _storable(cls, value: str) -> str:
        # JSON can hold half a surrogate pair ("\ud800"), which is not text: SQLite refuses it.
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("holds half of a surrogate pair, which is not text") from None
        return value


class _ExportFile(BaseModel):
    model_config = ConfigDict(extra="ignore")

    format: Literal["briefing-notes"]
    version: Literal[1]
    notes: list[_NoteRecord] = Field(default_factory=list)
    bookmarks: list[Any] = Field(default_factory=list)
    """Counted only: ``import-notes`` says it leaves them."""


def parse_export(text: str, kind: str, path: Any) -> list[Note]:
    """Read the notes of a JSON or TOML export; raise :class:`BriefError` naming what is wrong."""
    return read_export(text, kind, path)[0]


def read_export(text: str, kind: str, path: Any) -> tuple[list[Note], int]:
    """The notes of a JSON or TOML export and how many bookmarks it holds; raise
    :class:`BriefError` naming what is wrong."""
    try:
        raw = json.loads(text) if kind == "json" else tomlread.loads(text)
    except json.JSONDecodeError as error:
        raise BriefError(
            path, [Problem(f"JSON syntax: {error.msg}", line=error.lineno, column=error.colno)]
        ) from None
    except tomlread.TOMLDecodeError as error:
        raise BriefError(path, [Problem(f"TOML syntax: {error}")]) from None
    except RecursionError:
        raise BriefError(path, [Problem("is nested too deeply")]) from None
    try:
        data = _ExportFile.model_validate(raw)
    except ValidationError as error:
        raise BriefError(path, problems_from_validation(error, _ExportFile)) from None
    notes = []
    for record in data.notes:
        created = record.created if record.created.tzinfo else record.created.replace(tzinfo=UTC)
        updated = record.updated if record.updated.tzinfo else record.updated.replace(tzinfo=UTC)
        notes.append(
            Note(
                record.uid,
                record.brief_id,
                record.brief_title,
                record.kind,
                record.item_id,
                record.item_text,
                record.body,
                created,
                updated,
                record.detached,
            )
        )
    return notes, len(data.bookmarks)
