"""The JSON that ``--json`` prints, one documented and versioned shape per command.

Every document is one JSON object on standard output with ``shape`` (which
command made it, ``briefing.agenda``) and ``version`` (raised when a field is
removed or changes meaning; adding a field does not raise it). :data:`SHAPES`
holds the JSON Schema of each; ``briefing schema --shape NAME`` prints one, the
README documents them, and the tests check every command's output against them.
"""

from __future__ import annotations

import json
import sys
from typing import Any

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_TEXT: dict[str, Any] = {"type": "string"}
_WHEN: dict[str, Any] = {"type": "string", "format": "date-time"}
_NULLABLE_TEXT: dict[str, Any] = {"type": ["string", "null"]}


def _object(properties: dict[str, Any], *, required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
    }


def _shape(name: str, version: int, title: str, properties: dict[str, Any]) -> dict[str, Any]:
    schema = _object(
        {
            "shape": {"const": f"briefing.{name}"},
            "version": {"const": version},
            **properties,
        }
    )
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"briefing.{name}/v{version}",
        "title": title,
        **schema,
    }


_PROBLEM = _object(
    {
        "message": _TEXT,
        "location": _TEXT,
        "line": {"type": ["integer", "null"]},
        "column": {"type": ["integer", "null"]},
    }
)
_QUOTE = _object(
    {
        "path": _TEXT,
        "brief_title": _TEXT,
        "item_id": _TEXT,
        "text": _TEXT,
        "when": _TEXT,
        "context": _TEXT,
    }
)
_NOTE = _object(
    {
        "uid": _TEXT,
        "brief_id": _TEXT,
        "brief_title": _TEXT,
        "kind": _TEXT,
        "section": _TEXT,
        "item_id": _TEXT,
        "item_text": _TEXT,
        "body": _TEXT,
        "created": _WHEN,
        "updated": _WHEN,
        "detached": {"type": "boolean"},
    }
)
_ARRAY = "array"

SHAPES: dict[str, dict[str, Any]] = {
    "agenda": _shape(
        "agenda",
        1,
        "briefing agenda --json: every open deadline, overdue first, then soonest first",
        {
            "now": _WHEN,
            "deadlines": {
                "type": _ARRAY,
                "items": _object(
                    {
                        "due": _WHEN,
                        "due_text": _TEXT,
                        "all_day": {"type": "boolean"},
                        "seconds_left": {"type": "integer"},
                        "overdue": {"type": "boolean"},
                        "countdown": _TEXT,
                        "title": _TEXT,
                        "item_id": _TEXT,
                        "brief_title": _TEXT,
                        "path": _TEXT,
                        "tags": {"type": _ARRAY, "items": _TEXT},
                    }
                ),
            },
        },
    ),
    "show": _shape(
        "show",
        1,
        "briefing show --json: one brief, as the brief format's JSON (see 'briefing schema')",
        {"path": _TEXT, "now": _WHEN, "brief": {"type": "object"}},
    ),
    "validate": _shape(
        "validate",
        1,
        "briefing validate --json: each brief file checked, and folders that could not be",
        {
            "valid": {"type": "boolean"},
            "files": {
                "type": _ARRAY,
                "items": _object(
                    {
                        "path": _TEXT,
                        "valid": {"type": "boolean"},
                        "problems": {"type": _ARRAY, "items": _PROBLEM},
                    }
                ),
            },
            "folders": {"type": _ARRAY, "items": _TEXT},
        },
    ),
    "search": _shape(
        "search",
        1,
        "briefing search --json: items and notes that match, best first",
        {
            "query": _TEXT,
            "matches": {"type": "integer"},
            "problem": _NULLABLE_TEXT,
            "hits": {
                "type": _ARRAY,
                "items": _object(
                    {
                        "path": _TEXT,
                        "brief_title": _TEXT,
                        "kind": _TEXT,
                        "item_id": _TEXT,
                        "label": _TEXT,
                        "speaker": _TEXT,
                        "when": _TEXT,
                        "snippet": _TEXT,
                        "note": {"type": "boolean"},
                    }
                ),
            },
        },
    ),
    "people": _shape(
        "people",
        1,
        "briefing people --json: everyone in the library (or those NAME matches), with quotes",
        {
            "people": {
                "type": _ARRAY,
                "items": _object(
                    {
                        "name": _TEXT,
                        "names": {"type": _ARRAY, "items": _TEXT},
                        "roles": {"type": _ARRAY, "items": _TEXT},
                        "affiliations": {"type": _ARRAY, "items": _TEXT},
                        "briefs": {"type": "integer"},
                        "quotes": {"type": _ARRAY, "items": _QUOTE},
                    }
                ),
            }
        },
    ),
    "notes": _shape(
        "notes",
        1,
        "briefing notes --json: the user's notes, most recently changed first",
        {"notes": {"type": _ARRAY, "items": _NOTE}},
    ),
}
"""Every JSON shape, by command."""


def emit(name: str, payload: dict[str, Any]) -> None:
    """Print the ``name`` document holding ``payload`` (one JSON object and a newline)."""
    version = SHAPES[name]["properties"]["version"]["const"]
    document = {"shape": f"briefing.{name}", "version": version, **payload}
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
