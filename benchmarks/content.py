"""What "the content is on screen" means for a brief: markers read from the brief file itself.

Issue 15 times the moment a reader has something to read, not the title alone: the
title **and** the first items of every pane visible in the layout. At 120x40 (and
wider) the reader shows all six panes, so all six must show their first items; at
80x24 it shows one pane (Summary when a brief opens), so the title and the summary's
first words.

Each pane's marker is the first words of one of its first few items (the panes sort
some lists, e.g. deadlines by due date, so any of the first five in the file counts);
every marker may wrap (:func:`ptyrun.wrapped`). Placeholders such as "No quotes in
this brief" or "Loading the brief…" never match a marker.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ptyrun  # noqa: E402
from ptyrun import Pred  # noqa: E402

FIRST = 5  # any of a pane's first FIRST items (the pane may sort them)
WORDS = 3  # the first WORDS words of an item's text

# Which field of an item each pane shows first (the order of core/sections.py).
PANE_FIELDS = (
    ("participants", "name"),
    ("quotes", "text"),
    ("deadlines", "title"),
    ("timeline", "label"),
    ("figures", "label"),
)


def read(path: Path) -> dict:
    raw = path.read_bytes()
    return json.loads(raw) if path.suffix == ".json" else tomllib.loads(raw.decode("utf-8"))


def _words(text: str, n: int = WORDS) -> str:
    # Markdown marks and quotes are drawn differently (or not at all): plain words only.
    plain = re.sub(r"[*_`#>\[\]()\"“”]", " ", text)
    return " ".join(plain.split()[:n])


def _any_of(texts: Iterable[str]) -> str:
    alternatives = [ptyrun.wrapped(_words(t)) for t in texts if _words(t)]
    return "(?:" + "|".join(alternatives) + ")"


def pane_patterns(data: dict, *, wide: bool) -> dict[str, str]:
    """Regexes, by pane, for the title and the first items of the panes shown."""
    out = {"title": ptyrun.wrapped(_words(data["title"], 6))}
    summary = str(data.get("summary") or "").strip()
    if summary:
        first_line = next(ln for ln in summary.splitlines() if ln.strip())
        out["summary"] = ptyrun.wrapped(_words(first_line))
    if not wide:
        return out
    for section, name in PANE_FIELDS:
        items = [i for i in data.get(section) or [] if isinstance(i, dict) and i.get(name)]
        if items:
            out[section] = _any_of(str(i[name]) for i in items[:FIRST])
    return out


def content(path: Path, *, wide: bool = True) -> Pred:
    """True once the title and the first items of every pane shown are on screen."""
    patterns = [re.compile(p, re.MULTILINE) for p in pane_patterns(read(path), wide=wide).values()]
    return lambda screen: all(p.search(screen) for p in patterns)


def missing(path: Path, screen: str, *, wide: bool = True) -> list[str]:
    """The panes whose marker is not on ``screen`` (to debug a marker)."""
    return [
        pane
        for pane, p in pane_patterns(read(path), wide=wide).items()
        if not re.search(p, screen, re.MULTILINE)
    ]
