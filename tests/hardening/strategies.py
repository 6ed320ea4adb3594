"""Hypothesis strategies for brief files: valid briefs, and every way to spoil one.

Valid briefs are built as plain dicts (the shape of a parsed TOML/JSON file) and
serialised with :func:`to_toml` or :func:`to_json`. Their text is drawn from all
of Unicode (CJK, right-to-left scripts, combining marks, emoji, zero-width and
control characters, very long words); only *required* fields are kept non-blank
after cleaning, which is what the format demands.

Invalid inputs come in two kinds:

* schema-invalid (:func:`schema_invalid`): a valid brief with one wrong type,
  one missing required key, one unknown key, one blank required field or one
  bad id/speaker/status/date. These must fail, with located problems.
* syntax-damaged (:func:`damaged_bytes`): a valid serialisation truncated or
  with random bytes inserted, or plain random bytes. These may (rarely) still
  be a valid brief; they must never raise anything but ``BriefError``.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import tomli_w
from hypothesis import strategies as st

from briefing.core.safetext import clean_line, clean_text
from briefing.core.status import DeadlineStatus

# --- text -------------------------------------------------------------------

SPECIAL_CHARS = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",  # zero-width
    "\u0301",
    "\u0308",
    "\u0338",
    "\u20dd",  # combining marks
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200f",
    "\u200e",  # bidi
    "\x1b",
    "\x1b[31m",
    "\x1b]52;c;aGk=\x07",
    "\x9b2J",
    "\x00",
    "\r",
    "\n",
    "\t",
    "\x7f",
    "[bold]",
    "[/]",
    "[link=http://x]",
    "**",
    "`",
    "#",
    "> ",
    "- ",
    "|",
    "<b>",
    "😀",
    "👩‍👩‍👧‍👦",
    "🇲🇾",
    "\U0001f3fb",
    "\ufe0f",
    "中文",
    "日本語",
    "한국어",
    "עברית",
    "العربية",
    "ﷺ",
    "\u0e01\u0e34\u0e4a",
    "ᄀᆞᆨ",
]

VISIBLE = st.sampled_from(["a", "Z", "7", "中", "ש", "ع", "😀", "é", "ß", "Ω", "ก", "%"])
"""Characters that survive cleaning and are not whitespace."""

any_char = st.one_of(
    st.characters(codec="utf-8"),  # all of Unicode bar surrogates
    st.sampled_from(SPECIAL_CHARS),
    st.characters(categories=["Lo", "Mn", "So"]),
)

# Any text at all: may be empty, blank, or made only of escapes.
any_text = st.one_of(
    st.lists(any_char, max_size=12).map("".join),
    st.text(max_size=30),
    st.text(
        alphabet=st.characters(categories=["Lo", "Lu", "Ll"]), min_size=200, max_size=600
    ),  # a very long word
)


def _required(clean: Any) -> st.SearchStrategy[str]:
    return (
        st.tuples(any_text, VISIBLE, any_text)
        .map("".join)
        .filter(lambda text: bool(clean(text).strip()))
    )


required_line = _required(clean_line)
required_text = _required(clean_text)
optional_text = st.one_of(st.none(), st.just(""), any_text)

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,20}", fullmatch=True)

# --- dates --------------------------------------------------------------------

# Whole-minute offsets only: TOML cannot write seconds in an offset.
offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
# Years 2 to 9998: briefing refuses the ends of the calendar (timeutil.MIN_YEAR and
# MAX_YEAR), where the end of a due day or a move to UTC would overflow; the
# regression files in tests/data/regressions/ hold inputs at the ends themselves.
FIRST, LAST = datetime(2, 1, 1), datetime(9998, 12, 31, 23, 59, 59)
aware_datetimes = st.datetimes(min_value=FIRST, max_value=LAST, timezones=offsets)
naive_datetimes = st.datetimes(min_value=FIRST, max_value=LAST)
dates = st.dates(min_value=FIRST.date(), max_value=LAST.date())
whens = st.one_of(dates, aware_datetimes, naive_datetimes)
dues = st.one_of(dates, aware_datetimes)
partial_dates = st.builds(
    lambda year, month: f"{year:04d}" if month is None else f"{year:04d}-{month:02d}",
    st.integers(2, 9998),
    st.none() | st.integers(1, 12),
)
ZONES = [
    "UTC",
    "Europe/London",
    "Asia/Kuala_Lumpur",
    "America/New_York",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
]

# --- briefs -----------------------------------------------------------------


def _item(draw: Any, required: dict[str, Any], optional: dict[str, Any]) -> dict[str, Any]:
    item = {key: draw(strategy) for key, strategy in required.items()}
    for key, strategy in optional.items():
        value = draw(strategy)
        if value is not None:
            item[key] = value
    return item


def _unique_ids(draw: Any, count: int) -> list[str]:
    return draw(st.lists(ids, min_size=count, max_size=count, unique=True))


@st.composite
def valid_briefs(draw: Any, max_items: int = 4) -> dict[str, Any]:
    """A valid brief as a dict, using every section and field of format 1."""
    brief: dict[str, Any] = {"format": 1, "title": draw(required_line), "published": draw(whens)}
    if draw(st.booleans()):
        brief["id"] = draw(ids)
    if draw(st.booleans()):
        brief["timezone"] = draw(st.sampled_from(ZONES))
    if draw(st.booleans()):
        brief["source"] = _item(draw, {"name": required_line}, {"url": optional_text})
    brief["tags"] = draw(st.lists(required_line, max_size=3))
    summary = draw(optional_text | required_text)
    if summary is not None:
        brief["summary"] = summary

    n_people = draw(st.integers(0, max_items))
    people = []
    for person_id in _unique_ids(draw, n_people):
        person = _item(
            draw,
            {"name": required_line},
            {
                "role": optional_text,
                "affiliation": optional_text,
                "side": optional_text,
                "notes": optional_text,
                "aliases": st.none() | st.lists(required_line, max_size=2),
            },
        )
        people.append({"id": person_id, **person})
    brief["participants"] = people
    speakers = st.none() | (st.sampled_from([p["id"] for p in people]) if people else st.none())

    def section(fields: dict[str, Any], optional: dict[str, Any]) -> list[dict[str, Any]]:
        count = draw(st.integers(0, max_items))
        explicit = _unique_ids(draw, count)
        items = []
        for item_id in explicit:
            item = _item(draw, fields, optional)
            if draw(st.booleans()):
                item = {"id": item_id, **item}
            items.append(item)
        return items

    brief["quotes"] = section(
        {"text": required_text},
        {
            "speaker": speakers,
            "context": optional_text,
            "said": st.none() | whens,
            "source": optional_text,
        },
    )
    brief["deadlines"] = section(
        {"title": required_line, "due": dues},
        {
            "details": optional_text,
            "status": st.none() | st.sampled_from([s.value for s in DeadlineStatus]),
        },
    )
    brief["timeline"] = section(
        {
            "date": st.one_of(dates, aware_datetimes, naive_datetimes, partial_dates),
            "label": required_line,
        },
        {"place": optional_text},
    )
    brief["figures"] = section(
        {"label": required_line, "value": required_line}, {"note": optional_text}
    )
    # Leave out some empty sections altogether, as hand-written briefs do.
    for key in ("participants", "quotes", "deadlines", "timeline", "figures", "tags"):
        if not brief[key] and draw(st.booleans()):
            del brief[key]
    return brief


# --- serialisation ----------------------------------------------------------


def to_toml(brief: dict[str, Any]) -> str:
    """TOML text of a brief dict (dates stay TOML dates)."""
    return tomli_w.dumps(brief)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value


def to_json(brief: dict[str, Any], *, ensure_ascii: bool = False, indent: int | None = 2) -> str:
    """JSON text of a brief dict (dates as ISO strings)."""
    return json.dumps(_jsonable(brief), ensure_ascii=ensure_ascii, indent=indent)


@st.composite
def serialised(draw: Any, brief: dict[str, Any]) -> tuple[str, bytes | str]:
    """(file name, data) for a brief dict: TOML or JSON, as str or UTF-8 bytes (maybe with a BOM)."""
    if draw(st.booleans()):
        name, text = "brief.toml", to_toml(brief)
    else:
        name = "brief.json"
        text = to_json(
            brief, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2]))
        )
    form = draw(st.sampled_from(["str", "bytes", "bom"]))
    if form == "str":
        return name, text
    data = text.encode("utf-8")
    return name, (b"\xef\xbb\xbf" + data if form == "bom" else data)


@st.composite
def valid_files(draw: Any, max_items: int = 4) -> tuple[dict[str, Any], str, bytes | str]:
    """(brief dict, file name, data) of a valid brief."""
    brief = draw(valid_briefs(max_items=max_items))
    name, data = draw(serialised(brief))
    return brief, name, data


# --- invalid inputs ---------------------------------------------------------

SECTION_FIELDS: dict[str, dict[str, str]] = {
    "": {
        "format": "format",
        "id": "id",
        "title": "req",
        "published": "when",
        "source": "table",
        "tags": "list",
        "timezone": "zone",
        "summary": "text",
        "participants": "list",
        "quotes": "list",
        "deadlines": "list",
        "timeline": "list",
        "figures": "list",
    },
    "source": {"name": "req", "url": "text"},
    "participants": {
        "id": "id",
        "name": "req",
        "role": "text",
        "affiliation": "text",
        "side": "text",
        "notes": "text",
        "aliases": "list",
    },
    "quotes": {
        "id": "id",
        "speaker": "speaker",
        "text": "req",
        "context": "text",
        "said": "when",
        "source": "text",
    },
    "deadlines": {"id": "id", "title": "req", "due": "when", "details": "text", "status": "status"},
    "timeline": {"id": "id", "date": "partial", "place": "text", "label": "req"},
    "figures": {"id": "id", "label": "req", "value": "value", "note": "text"},
}
REQUIRED: dict[str, list[str]] = {
    "": ["format", "title", "published"],
    "source": ["name"],
    "participants": ["name"],
    "quotes": ["text"],
    "deadlines": ["title", "due"],
    "timeline": ["date", "label"],
    "figures": ["label", "value"],
}

_numbers = st.one_of(
    st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False, allow_infinity=False)
)
_containers = st.one_of(
    st.lists(st.integers(), min_size=0, max_size=2),
    st.dictionaries(st.just("zz"), st.integers(), min_size=1, max_size=1),
)
# No dates here: JSON writes them as ISO strings, which are valid text.
_not_text = st.one_of(_numbers, st.booleans(), _containers)
_bad_dates = st.one_of(
    _numbers,
    st.booleans(),
    _containers,
    st.just(time(12, 30)),
    st.sampled_from(
        [
            "yesterday",
            "2025-13-01",
            "2025-02-30",
            "2025-10-26T25:00:00",
            "10/26/2025",
            "",
            "  ",
            "2025-1",
            "T12:00",
        ]
    ),
)
WRONG: dict[str, st.SearchStrategy[Any]] = {
    "format": st.one_of(
        st.integers().filter(lambda n: n != 1),
        st.just(1.0),
        st.just(True),
        st.just("1"),
        _containers,
    ),
    "id": st.one_of(
        st.sampled_from(["", "-x", "bad id", "a/b", "é", "x" * 200, "a\nb"]), _numbers, _containers
    ),
    "req": st.one_of(_not_text, st.sampled_from(["", "   ", "\x1b[31m", "\t\n"])),
    "text": _not_text,
    "when": _bad_dates,
    "partial": _bad_dates,
    "table": st.one_of(_numbers, st.booleans(), st.text(), st.lists(st.integers(), max_size=2)),
    "list": st.one_of(_numbers, st.booleans(), st.text(min_size=1), st.just([[1]]), st.just([7])),
    "zone": st.one_of(
        st.sampled_from(["Not/AZone", "Mars/Olympus", "../etc/passwd", "", "utc+3"]),
        _numbers,
        _containers,
    ),
    "status": st.one_of(st.sampled_from(["done", "OPEN", "", "closed"]), _numbers, _containers),
    "speaker": st.one_of(st.just("nobody-at-all-xyz"), _numbers, _containers),
    "value": st.one_of(
        st.booleans(), _containers, st.sampled_from([float("nan"), float("inf"), "", "  "])
    ),
}


def _targets(brief: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """Every (path to a table, section name) in a brief dict."""
    targets: list[tuple[tuple[str | int, ...], str]] = [((), "")]
    if isinstance(brief.get("source"), dict):
        targets.append((("source",), "source"))
    for section in ("participants", "quotes", "deadlines", "timeline", "figures"):
        for index, _ in enumerate(brief.get(section, [])):
            targets.append(((section, index), section))
    return targets


def _table_at(brief: dict[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    table: Any = brief
    for part in path:
        table = table[part]
    return table


def location_of(path: tuple[str | int, ...]) -> str:
    """A path as the loader writes locations: ``quotes[3].speaker``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@st.composite
def schema_invalid(draw: Any) -> tuple[str, str, str, bytes | str]:
    """(kind, location of the spoilt field, file name, data) of a brief that must not load."""
    brief = draw(valid_briefs(max_items=2))
    path, section = draw(st.sampled_from(_targets(brief)))
    table = _table_at(brief, path)
    kind = draw(st.sampled_from(["wrong_type", "missing", "unknown_key"]))
    if kind == "wrong_type":
        field = draw(st.sampled_from(sorted(SECTION_FIELDS[section])))
        table[field] = draw(WRONG[SECTION_FIELDS[section][field]])
    elif kind == "missing":
        field = draw(st.sampled_from(REQUIRED[section]))
        table.pop(field, None)
    else:
        field = draw(
            # Keys made of control characters too: their locations are spelled out
            # (tests/data/regressions/schema_unknown_control_key.toml was the first).
            st.text(min_size=1, max_size=12).filter(lambda key: key not in SECTION_FIELDS[section])
        )
        table[field] = draw(st.one_of(st.text(max_size=5), st.integers(), st.booleans()))
    name, data = draw(serialised(brief))
    return kind, location_of((*path, field)), name, data


@st.composite
def damaged_bytes(draw: Any) -> tuple[str, str, bytes]:
    """(how, file name, data): a valid serialisation truncated or with bytes inserted, or noise."""
    how = draw(st.sampled_from(["truncate", "insert", "replace", "noise"]))
    name = draw(st.sampled_from(["brief.toml", "brief.json", "brief.txt"]))
    if how == "noise":
        return how, name, draw(st.binary(max_size=400))
    brief = draw(valid_briefs(max_items=2))
    name, data = draw(serialised(brief))
    raw = data.encode("utf-8") if isinstance(data, str) else data
    at = draw(st.integers(0, len(raw)))
    if how == "truncate":
        raw = raw[:at]
    elif how == "insert":
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    else:
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at + 4 :]
    return how, name, raw
