"""Helpers for the importer's tests: import an article and load its draft as a brief."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefing.core.loading import parse_brief
from briefing.core.models import Brief
from briefing.importer import ImportResult, import_article

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
SEED_ARTICLE = HERE.parent / "data" / "seed_article.txt"
REPO = HERE.parent.parent
TODAY = date(2025, 6, 1)


def draft(text: str, **options) -> tuple[ImportResult, Brief]:
    """Import ``text`` and parse the draft back; both must succeed."""
    options.setdefault("today", TODAY)
    result = import_article(text, **options)
    return result, parse_brief(result.toml, "draft.toml")
