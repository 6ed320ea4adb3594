"""Find the line and column of a field path (``quotes[3].speaker``) in a brief's text.

Schema errors are found on parsed data, which has no positions. These locators
re-scan the text to point the reader at the right line. They are best effort:
when a path cannot be found, the nearest enclosing item is given, and failing
that, nothing (the message still names the path).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PathKey = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*[=.]""")


def _toml_key(raw: str) -> str:
    if raw[:1] in "\"'":
        return raw[1:-1]
    return raw


def toml_positions(text: str) -> dict[PathKey, tuple[int, int]]:
    """Map the paths of top-level keys, tables and array-of-tables items to (line, column)."""
    positions: dict[PathKey, tuple[int, int]] = {}
    counters: dict[str, int] = {}
    table: PathKey = ()
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(line)
        if header:
            names = tuple(_toml_key(part.strip()) for part in header.group(2).split("."))
            if header.group(1) == "[[":
                name = ".".join(names)
                index = counters.get(name, -1) + 1
                counters[name] = index
                table = (*names, index)
            else:
                table = names
            positions.setdefault(table, (number, 1))
            continue
        key = _KEY.match(line)
        if key:
            path = (*table, _toml_key(key.group(2)))
            positions.setdefault(path, (number, len(key.group(1)) + 1))
            for fence in ('"""', "'''"):
                if line.count(fence) % 2 == 1:
                    in_multiline = fence
    return positions


def json_positions(text: str, wanted: set[PathKey] | None = None) -> dict[PathKey, tuple[int, int]]:
    """Map every key and array element path of a JSON document to (line, column).

    With ``wanted``, scanning stops as soon as all of those paths are placed,
    so locating a problem near the top of a large file stays quick.
    """
    positions: dict[PathKey, tuple[int, int]] = {}
    line_starts = [0, *(match.end() for match in re.finditer("\n", text))]
    remaining = set(wanted) if wanted is not None else None

    def where(offset: int) -> tuple[int, int]:
        # Binary search would be faster; briefs are small and errors are rare.
        low, high = 0, len(line_starts) - 1
        while low < high:
            mid = (low + high + 1) // 2
            if line_starts[mid] <= offset:
                low = mid
            else:
                high = mid - 1
        return low + 1, offset - line_starts[low] + 1

    length = len(text)
    # An explicit stack instead of recursion: positions are only looked up for
    # files that already parsed and passed the depth limit, but stay safe anyway.
    stack: list[tuple[str, PathKey, int]] = []  # (container kind, path, next index)
    position = 0
    path: PathKey = ()
    expect_value_at: PathKey | None = ()
    string = re.compile(r'"(?:[^"\\]|\\.)*"')
    while position < length:
        if remaining is not None and not remaining - positions.keys():
            break
        char = text[position]
        if char in " \t\r\n,:":
            position += 1
            continue
        if stack and stack[-1][0] == "object" and expect_value_at is None:
            if char == "}":
                stack.pop()
                position += 1
                continue
            match = string.match(text, position)
            if not match:
                break
            key = match.group()[1:-1]
            path = (*stack[-1][1], key)
            positions.setdefault(path, where(position))
            expect_value_at = path
            position = match.end()
            continue
        if stack and stack[-1][0] == "array" and expect_value_at is None:
            if char == "]":
                stack.pop()
                position += 1
                continue
            kind, parent, index = stack[-1]
            stack[-1] = (kind, parent, index + 1)
            expect_value_at = (*parent, index)
            positions.setdefault(expect_value_at, where(position))
        target = expect_value_at if expect_value_at is not None else ()
        expect_value_at = None
        if char == "{":
            stack.append(("object", target, 0))
            position += 1
        elif char == "[":
            stack.append(("array", target, 0))
            position += 1
        elif char == '"':
            match = string.match(text, position)
            position = match.end() if match else length
        else:
            start = position
            while position < length and text[position] not in ",]} \t\r\n":
                position += 1
            if position == start:  # a stray ] or } where a value should be: step over it
                position += 1
    return positions


def nearest(
    positions: dict[PathKey, tuple[int, int]], path: Sequence[str | int]
) -> tuple[int, int] | None:
    """Return the position of ``path``, or of its nearest enclosing path that is known."""
    key = tuple(path)
    while key:
        if key in positions:
            return positions[key]
        key = key[:-1]
    return None


def item_line(text: str, is_json: bool, path: Sequence[str | int]) -> int | None:
    """The line (1-based) where ``path`` (``("quotes", 1)``) starts in a brief's text, or of
    its nearest enclosing path; None when neither is found."""
    positions = json_positions(text) if is_json else toml_positions(text)
    found = nearest(positions, path)
    return found[0] if found is not None else None
