"""The corrections a person makes while reviewing a draft brief, on the brief's raw data.

The review screen edits the document as read from the file (a dict of TOML or JSON
values), not the validated :class:`~briefing.core.models.Brief`: every key the user
or the importer wrote is kept as it was, and what is saved is checked by the same
loader as any brief (:func:`briefing.core.loading.parse_brief`) before it is written.

An item is addressed by its section and index; every operation here is a plain
function of the data, so the screen only routes keys to them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from briefing.core.ids import derive_id, uniquify
from briefing.core.provenance import DraftMark, locate
from briefing.core.validation import validate

SECTIONS = ("participants", "quotes", "deadlines", "timeline", "figures")
"""The sections a draft has items in, in the order the review lists them."""
_LABEL_KEYS = {
    "participants": "name",
    "quotes": "text",
    "deadlines": "title",
    "timeline": "label",
    "figures": "label",
}
EDITABLE = {
    "participants": ("name", "role", "affiliation"),
    "quotes": ("text", "context"),
    "deadlines": ("title", "due", "details"),
    "timeline": ("label", "date", "place"),
    "figures": ("label", "value", "note"),
}
"""The fields the review can edit, per section (the rest stay as the file has them)."""


class ReviewError(ValueError):
    """A correction that cannot be made; the message is one plain sentence."""


@dataclass(frozen=True)
class ReviewItem:
    """One item of the draft as the review lists it."""

    section: str
    index: int
    label: str
    mark: DraftMark | None
    """The item's draft mark; None once accepted (or when the importer wrote none)."""
    span: tuple[int, int] | None
    """Where the item was read in the article, found again if the offsets moved."""

    @property
    def uncertain(self) -> bool:
        """True when the importer had a doubt about this item."""
        return self.mark is not None and self.mark.confidence != "high"


def article_of(data: dict[str, Any]) -> str:
    """The article kept with the draft, or an empty string."""
    draft = data.get("draft")
    article = draft.get("article") if isinstance(draft, dict) else None
    return article if isinstance(article, str) else ""


def items_of(data: dict[str, Any]) -> list[ReviewItem]:
    """Every item of every section, in review order, with its mark and its span."""
    article = article_of(data)
    found: list[ReviewItem] = []
    for section in SECTIONS:
        for index, item in enumerate(data.get(section) or []):
            mark = _mark_of(item)
            span = locate(article, mark) if mark is not None and article else None
            label = str(item.get(_LABEL_KEYS[section], "")) if isinstance(item, dict) else ""
            found.append(ReviewItem(section, index, " ".join(label.split()), mark, span))
    return found


def _mark_of(item: Any) -> DraftMark | None:
    raw = item.get("draft") if isinstance(item, dict) else None
    if not isinstance(raw, dict):
        return None
    try:
        return validate(DraftMark, raw)
    except ValueError:
        return None


def _item(data: dict[str, Any], section: str, index: int) -> dict[str, Any]:
    items = data.get(section)
    if not isinstance(items, list) or not 0 <= index < len(items):
        raise ReviewError(f"there is no item {index + 1} in {section}")
    item = items[index]
    if not isinstance(item, dict):
        raise ReviewError(f"item {index + 1} of {section} is not a table")
    return item


def accept(data: dict[str, Any], section: str, index: int) -> None:
    """Accept an item: drop its draft mark."""
    _item(data, section, index).pop("draft", None)


def reject(data: dict[str, Any], section: str, index: int) -> None:
    """Remove an item; a rejected participant's quotes lose their speaker."""
    item = _item(data, section, index)
    del data[section][index]
    if section == "participants" and item.get("id"):
        for quote in data.get("quotes") or []:
            if isinstance(quote, dict) and quote.get("speaker") == item["id"]:
                del quote["speaker"]
    if not data[section]:
        del data[section]


def reject_marked(data: dict[str, Any], rejected: set[int]) -> None:
    """Remove every item whose ``id()`` is in ``rejected``, as :func:`reject` does.

    The review marks a rejected item (it can be taken back) and removes it on saving;
    it keeps the items by identity, which outlives the index shifts of other corrections.
    """
    for section in SECTIONS:
        for index in reversed(range(len(data.get(section) or []))):
            if id(data[section][index]) in rejected:
                reject(data, section, index)


def participant_ids(data: dict[str, Any]) -> list[tuple[str, str]]:
    """``(id, name)`` of every participant, ids derived where the file leaves them out."""
    taken: set[str] = set()
    pairs = []
    for person in data.get("participants") or []:
        if isinstance(person, dict):
            given = person.get("id")
            ident = given or uniquify(derive_id("person", str(person.get("name", ""))), taken)
            taken.add(ident)
            pairs.append((str(ident), str(person.get("name", ""))))
    return pairs


def add_participant(data: dict[str, Any], name: str) -> str:
    """Add a participant named ``name`` and return its id."""
    name = " ".join(name.split())
    if not name:
        raise ReviewError("a participant needs a name")
    taken = {ident for ident, _ in participant_ids(data)}
    ident = uniquify(derive_id("person", name), taken)
    data.setdefault("participants", []).append({"id": ident, "name": name})
    return ident


def set_speaker(data: dict[str, Any], index: int, speaker: str) -> None:
    """Make ``speaker`` (a participant id) the speaker of quote ``index``."""
    if speaker not in {ident for ident, _ in participant_ids(data)}:
        raise ReviewError(f"there is no participant '{speaker}'")
    _pin_ids(data)
    _item(data, "quotes", index)["speaker"] = speaker


def _pin_ids(data: dict[str, Any]) -> None:
    """Write every participant's id, so that a derived one stays what quotes point at."""
    for (ident, _), person in zip(
        participant_ids(data), data.get("participants") or [], strict=False
    ):
        person.setdefault("id", ident)


def merge(data: dict[str, Any], keep: int, gone: int) -> None:
    """Merge participant ``gone`` into ``keep``: its name becomes an alias, its quotes move."""
    if keep == gone:
        raise ReviewError("a participant cannot be merged with itself")
    _pin_ids(data)
    kept, other = _item(data, "participants", keep), _item(data, "participants", gone)
    aliases = list(kept.get("aliases") or [])
    for name in [other.get("name"), *(other.get("aliases") or [])]:
        if isinstance(name, str) and name not in aliases and name != kept.get("name"):
            aliases.append(name)
    if aliases:
        kept["aliases"] = aliases
    for key in ("role", "affiliation", "side"):
        if not kept.get(key) and other.get(key):
            kept[key] = other[key]
    for quote in data.get("quotes") or []:
        if isinstance(quote, dict) and quote.get("speaker") == other["id"]:
            quote["speaker"] = kept["id"]
    del data["participants"][gone]


def toggle_kind(data: dict[str, Any], section: str, index: int) -> tuple[str, int]:
    """Turn a deadline into a timeline event or back; return where the item now is."""
    item = _item(data, section, index)
    if section == "deadlines":
        moved = {"date": item["due"], "label": item.get("title", "")}
        target = "timeline"
    elif section == "timeline":
        moved = {"title": item.get("label", ""), "due": _as_due(item["date"])}
        target = "deadlines"
    else:
        raise ReviewError("only a deadline or a timeline event can change kind")
    if "draft" in item:
        moved["draft"] = item["draft"]
    del data[section][index]
    if not data[section]:
        del data[section]
    data.setdefault(target, []).append(moved)
    return target, len(data[target]) - 1


def _as_due(when: Any) -> Any:
    """A timeline date as a due: a month or a year falls due on its last day."""
    if isinstance(when, (date, datetime)) or not isinstance(when, str):
        return when
    parts = when.split("-")
    if len(parts) == 1 and parts[0].isdigit():
        return date(int(parts[0]), 12, 31)
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        year, month = int(parts[0]), int(parts[1])
        return date(year, month, calendar.monthrange(year, month)[1])
    return when


def edit(data: dict[str, Any], section: str, index: int, key: str, value: str) -> None:
    """Set ``key`` of an item to ``value`` (text; dates are read as ISO dates)."""
    if key not in EDITABLE.get(section, ()):
        raise ReviewError(f"{key} of {section} cannot be edited here")
    item = _item(data, section, index)
    value = value.strip()
    if not value:
        item.pop(key, None)
        return
    item[key] = _typed(key, value)


def _typed(key: str, value: str) -> Any:
    if key in ("due", "date"):
        try:
            return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            if key == "date" and len(value) in (4, 7):
                return value  # a year or a month, as the timeline allows
            raise ReviewError(f"'{value[:40]}' is not a date such as 2025-11-10") from None
    return value
