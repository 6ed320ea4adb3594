"""Helpers for the importer's tests: import an article and load its draft as a brief."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from briefing.core.loading import parse_brief
from briefing.core.models import Brief
from briefing.importer import ImportResult, import_article

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
SEED_ARTICLE = HERE.parent / "data" / "seed_article.txt"
REPO = HERE.parent.parent
TODAY = date(2025, 6, 1)
Given = TypeVar("Given")


def draft(text: str, **options) -> tuple[ImportResult, Brief]:
    """Import ``text`` and parse the draft back; both must succeed."""
    options.setdefault("today", TODAY)
    result = import_article(text, **options)
    return result, parse_brief(result.toml, "draft.toml")


def growth(run: Callable[[Given], object], small: Given, large: Given, tries: int = 3) -> float:
    """How many times longer ``run(large)`` takes than ``run(small)``: the best of a few runs.

    A ratio, not a timed assertion; in CPU time of this process, which other processes on
    a busy machine hardly move (wall time did: the ratio failed under a load of 12), and
    measured again if spoilt all the same (until it is under 8, which linear work stays
    far below).
    """
    best = [float("inf"), float("inf")]
    for _ in range(tries):
        for slot, given in enumerate((small, large)):
            started = time.process_time()
            run(given)
            best[slot] = min(best[slot], time.process_time() - started)
        if best[1] / best[0] < 8:
            break
    return best[1] / best[0]
