"""Read a brief from a TOML or JSON file, reporting every problem clearly.

:func:`load_brief` and :func:`parse_brief` either return a valid
:class:`~briefing.core.models.Brief` or raise :class:`~briefing.core.errors.BriefError`
with every problem found; no other exception escapes for any input.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from datetime import tzinfo
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from briefing.core import tomlread
from briefing.core.errors import BriefError, Problem
from briefing.core.files import (  # noqa: F401 - re-exported
    BRIEF_SUFFIXES,
    MAX_BRIEF_BYTES,
    FileProblem,
    FileTooBig,
    find_briefs,
    read_regular_file,
)
from briefing.core.locate import PathKey, json_positions, nearest, toml_positions
from briefing.core.models import MAX_ITEMS, Brief
from briefing.core.problems import cross_check, problems_from_validation
from briefing.core.validation import validate_brief

MAX_FILE_BYTES = MAX_BRIEF_BYTES
"""The largest brief file read: 5 MB."""
MAX_DEPTH = 16
"""How deeply tables and lists may nest; the format itself needs four levels."""
"""File endings that mark a brief when a folder is scanned."""

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


class _JsonConstant:
    """Stands in for NaN and Infinity, which JSON does not allow, until they are reported."""

    def __init__(self, name: str) -> None:
        self.name = name


class _DuplicateKeys(dict[str, Any]):
    """A JSON object that had the same key twice."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    duplicates = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    if duplicates:
        marked = _DuplicateKeys(result)
        marked.duplicates = duplicates
        return marked
    return result


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read at most ``limit`` bytes of ``path``; raise :class:`BriefError` if it is not a readable file.

    Only a regular file is read (see :func:`~briefing.core.files.read_regular_file`):
    a FIFO never blocks and a device is never read.
    """
    try:
        return read_regular_file(path, limit=limit, what="brief file")
    except FileTooBig as error:
        raise BriefError(path, [Problem(_too_big(error.size, limit))]) from None
    except FileProblem as error:
        raise BriefError(path, [Problem(error.reason)]) from None


def _too_big(size: int, limit: int) -> str:
    return f"is {size:,} bytes; briefs are limited to {limit // 1_048_576} MB"


def load_brief(path: str | os.PathLike[str], *, local_zone: tzinfo | None = None) -> Brief:
    """Load and validate the brief at ``path``.

    ``local_zone`` is the reader's zone, used for times written without an
    offset in a brief that names no ``timezone``; UTC when not given.
    """
    file = Path(path)
    data = read_limited(file)
    return parse_brief(data, file, local_zone=local_zone)


def decode(data: bytes, path: Path, *, what: str = "brief") -> str:
    """Decode brief bytes (or those of another ``what``) as UTF-8, refusing binary, UTF-16
    and empty files clearly."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefError(path, [Problem("is UTF-16 text; save it as UTF-8")])
    if b"\x00" in data[:8192]:
        raise BriefError(
            path, [Problem(f"looks like a binary file (it contains NUL bytes), not a {what}")]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        bad = data[error.start : error.start + 1].hex()
        raise BriefError(
            path,
            [
                Problem(
                    f"is not valid UTF-8 (byte 0x{bad}); save it as UTF-8", line=line, column=column
                )
            ],
        ) from None
    if not text.strip():
        raise BriefError(path, [Problem("is empty")])
    return text


def _kind(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".toml":
        return "toml"
    return "json" if text.lstrip().startswith("{") else "toml"


def parse_brief(
    data: bytes | str, path: str | os.PathLike[str], *, local_zone: tzinfo | None = None
) -> Brief:
    """Parse and validate brief ``data`` read from ``path`` (the suffix picks TOML or JSON)."""
    file = Path(path)
    text = data if isinstance(data, str) else decode(data, file)
    if isinstance(data, str) and not text.strip():
        raise BriefError(file, [Problem("is empty")])
    kind = _kind(file, text)
    raw = _parse_toml(text, file) if kind == "toml" else _parse_json(text, file)
    problems = _check_structure(raw)
    brief: Brief | None = None
    if not problems:
        # A name that is not UTF-8 holds lone surrogates, which no id can be made of (the
        # fallback hash encodes the text as UTF-8): its bytes are spelt out as \x80.
        # Every other name gives the id it always gave.
        stem = file.stem.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        try:
            brief = validate_brief(raw, local_zone=local_zone, stem=stem)
        except ValidationError as error:
            problems.extend(problems_from_validation(error))
        except RecursionError:
            problems.append(Problem(f"is nested too deeply (more than {MAX_DEPTH} levels)"))
        problems.extend(cross_check(raw))
    if problems or brief is None:
        raise BriefError(file, _place(problems, text, kind))
    return brief


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomlread.loads(text)
    except tomlread.TOMLDecodeError as error:
        message = str(error)
        line = column = None
        match = _TOML_POSITION.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        elif _TOML_END.search(message):
            message = _TOML_END.sub("", message) + " at the end of the file"
            line = text.count("\n") + 1
            column = 1
        raise BriefError(
            path, [Problem(f"TOML syntax: {message}", line=line, column=column)]
        ) from None
    except RecursionError:
        raise BriefError(
            path, [Problem(f"is nested too deeply (more than {MAX_DEPTH} levels)")]
        ) from None


def _parse_json(text: str, path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(text, parse_constant=_JsonConstant, object_pairs_hook=_object_pairs)
    except json.JSONDecodeError as error:
        raise BriefError(
            path, [Problem(f"JSON syntax: {error.msg}", line=error.lineno, column=error.colno)]
        ) from None
    except RecursionError:
        raise BriefError(
            path, [Problem(f"is nested too deeply (more than {MAX_DEPTH} levels)")]
        ) from None
    if not isinstance(raw, dict):
        raise BriefError(
            path, [Problem("the top level must be a JSON object ({...})", line=1, column=1)]
        )
    return raw


def _check_structure(raw: Any) -> list[Problem]:
    """Report nesting beyond :data:`MAX_DEPTH`, JSON NaN/Infinity and duplicate JSON keys."""
    problems: list[Problem] = []
    stack: list[tuple[Any, PathKey]] = [(raw, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            problems.append(
                Problem(f"is nested more than {MAX_DEPTH} levels deep", location=format_path(path))
            )
            continue
        children: Iterable[tuple[str | int, Any]]
        if isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                problems.append(
                    Problem(f"the key '{key}' appears more than once", location=format_path(path))
                )
            children = value.items()
        elif len(value) > MAX_ITEMS:
            # Refused before validation: checking a million items first would take seconds.
            problems.append(
                Problem(
                    f"has {len(value):,} items, more than the limit of {MAX_ITEMS:,}",
                    location=format_path(path),
                )
            )
            continue
        else:
            children = enumerate(value)
        # Only containers go on the stack: a brief is mostly strings, and giving each
        # of them a path tuple was a third of the time spent loading a library.
        for key, item in children:
            if isinstance(item, dict | list):
                stack.append((item, (*path, key)))
            elif isinstance(item, _JsonConstant):
                problems.append(
                    Problem(
                        f"{item.name} is not a valid JSON number",
                        location=format_path((*path, key)),
                    )
                )
    return problems


def format_path(path: Iterable[str | int]) -> str:
    """Format a field path as ``quotes[3].speaker``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _place(problems: list[Problem], text: str, kind: str) -> list[Problem]:
    """Add line and column to problems that have a path, then sort them in file order."""
    positions = None
    placed = []
    for problem in problems:
        if problem.line is None and problem.location:
            if positions is None:
                wanted = {
                    path[:end]
                    for problem in problems
                    if problem.location
                    for path in [_parse_path(problem.location)]
                    for end in range(1, len(path) + 1)
                }
                positions = toml_positions(text) if kind == "toml" else json_positions(text, wanted)
            where = nearest(positions, _parse_path(problem.location))
            if where:
                problem = Problem(problem.message, problem.location, *where)
        placed.append(problem)
    placed.sort(key=lambda p: (p.line or 0, p.column or 0))
    return placed or [Problem("is not a valid brief")]


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _parse_path(location: str) -> PathKey:
    return tuple(int(index) if index else name for name, index in _PATH_PART.findall(location))
