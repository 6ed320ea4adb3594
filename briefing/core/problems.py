"""Turn validation failures into plain sentences, and check what pydantic cannot.

Pydantic's own messages ("Extra inputs are not permitted") are accurate but
unhelpful to someone editing a TOML file by hand. This module rewrites them
(suggesting the nearest valid key for a typo) and adds the checks that span
items: duplicate ids and speakers that name no participant.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from briefing.core import sections
from briefing.core.errors import Problem
from briefing.core.ids import uniquify
from briefing.core.models import MAX_FIELD_CHARS, MAX_ITEMS, Brief, Source
from briefing.core.safetext import clean_line, quote_value
from briefing.core.status import DeadlineStatus
from briefing.core.timeutil import type_name
from briefing.core.validation import field_names


class _ItemModels(Mapping[str, type[Any]]):
    """Each list section of a brief and the model of its items, read from the registry."""

    def __getitem__(self, key: str) -> type[Any]:
        section = sections.by_key(key)
        model = None if section is None else section.item_model()
        if model is None:
            raise KeyError(key)
        return model

    def __iter__(self) -> Iterator[str]:
        return (section.key for section in sections.lists())

    def __len__(self) -> int:
        return sum(1 for _ in sections.lists())


SECTIONS: Mapping[str, type[Any]] = _ItemModels()
"""Each list section of a brief and the model of its items."""


def _printable(key: str) -> str:
    """A key that cleaning would leave blank, with its control characters spelled out ("\\x1f")."""
    return key if clean_line(key).strip() else repr(key)[1:-1]


def _format_loc(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    if not clean_line(out).strip():
        # Nothing would be left to point at: spell the key out instead.
        out = ".".join(_printable(str(part)) for part in loc)
    return out


def _model_at(loc: tuple[str | int, ...], root: type[Any]) -> type[Any] | None:
    if not loc:
        return root
    if root is not Brief:
        return None
    if loc == ("source",):
        return Source
    if len(loc) == 2 and loc[0] in SECTIONS and isinstance(loc[1], int):
        return SECTIONS[str(loc[0])]
    return None


def _unknown_key(loc: tuple[str | int, ...], root: type[Any]) -> str:
    key = str(loc[-1])
    model = _model_at(loc[:-1], root)
    message = f"unknown key '{quote_value(_printable(key))[1:-1]}'"
    if model is not None:
        fields = field_names(model)
        close = difflib.get_close_matches(key.lower(), fields, n=1, cutoff=0.6)
        if close:
            return f"{message}; did you mean '{close[0]}'?"
        return f"{message}; valid keys here are: {', '.join(fields)}"
    return message


def _sentence(error: Any, root: type[Any]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required key is missing"
    # A dataclass of the format (its unknown keyword) or a pydantic model (its extra key).
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return _unknown_key(loc, root)
    if kind == "string_type":
        return f"expected text, got {type_name(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {type_name(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type", "dataclass_type"):
        return f"expected a table, got {type_name(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is longer than the limit of {MAX_FIELD_CHARS:,} characters"
    if kind == "too_long":
        return f"has more than {MAX_ITEMS:,} items (the limit)"
    if kind == "string_pattern_mismatch":
        return (
            f"{quote_value(value)} is not a valid id: use letters, digits, '.', '_' and '-',"
            " starting with a letter or digit (at most 128)"
        )
    if kind == "enum" and loc[-1:] == ("kind",):
        # A note's kind in an export (briefing.core.notes_export), not a deadline's status.
        return f"{quote_value(value)} is not a kind of item; use one of: {ctx.get('expected')}"
    if kind == "enum":
        allowed = ", ".join(status.value for status in DeadlineStatus)
        return f"{quote_value(value)} is not a status; use one of: {allowed}"
    if kind == "literal_error" and loc == ("format",):
        # Briefs say format 1; a notes export says "briefing-notes": name what this root expects.
        expected = str(ctx.get("expected") or "1")
        return (
            f"format {quote_value(value)} is not supported; this version of briefing reads"
            f" format {expected}"
        )
    if kind == "value_error":
        return str(ctx.get("error") or error["msg"]).removeprefix("Value error, ")
    message = str(error["msg"])
    return message[:1].lower() + message[1:]


def problems_from_validation(error: ValidationError, root: type[Any] = Brief) -> list[Problem]:
    """Turn every error pydantic found in a ``root`` model into a :class:`Problem` with a field path."""
    problems = []
    seen = set()
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        location = _format_loc(loc)
        message = _sentence(item, root)
        if (location, message) not in seen:
            seen.add((location, message))
            problems.append(Problem(message, location))
    return problems


def _items(raw: dict[str, Any], section: str) -> list[dict[str, Any]]:
    value = raw.get(section)
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, dict) else {} for item in value]


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def cross_check(raw: dict[str, Any]) -> list[Problem]:
    """Check ids and speaker references on the raw data, whatever else is wrong."""
    problems = []
    participant_ids: list[str] = []
    for section in SECTIONS:
        first_use: dict[str, int] = {}
        for index, item in enumerate(_items(raw, section)):
            explicit = item.get("id")
            if isinstance(explicit, str) and explicit:
                if explicit in first_use:
                    problems.append(
                        Problem(
                            f"duplicate id {quote_value(explicit)}"
                            f" (already used by {section}[{first_use[explicit]}])",
                            f"{section}[{index}].id",
                        )
                    )
                else:
                    first_use[explicit] = index
        if section == "participants":
            participant_ids = resolved_ids(_items(raw, section), sections.PARTICIPANTS.raw_id)
    known = set(participant_ids)
    for index, quote in enumerate(_items(raw, "quotes")):
        speaker = quote.get("speaker")
        if isinstance(speaker, str) and speaker and speaker not in known:
            problems.append(
                Problem(_unknown_speaker(speaker, participant_ids), f"quotes[{index}].speaker")
            )
    return problems


def resolved_ids(items: list[dict[str, Any]], derive: Callable[[dict[str, Any]], str]) -> list[str]:
    """Return each item's id as the loaded brief will have it (explicit, else derived)."""
    taken = {item["id"] for item in items if isinstance(item.get("id"), str)}
    return [
        item["id"] if isinstance(item.get("id"), str) else uniquify(derive(item), taken)
        for item in items
    ]


def _unknown_speaker(speaker: str, known: list[str]) -> str:
    known = list(dict.fromkeys(known))
    message = f"unknown speaker {quote_value(speaker)}"
    if not known:
        return message + "; the brief has no participants"
    close = difflib.get_close_matches(speaker, known, n=1, cutoff=0.6)
    if close:
        message += f" (did you mean '{close[0]}'?)"
    shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    return f"{message}; known participants: {shown}"
