"""Find in a brief counts each occurrence in the summary as a match of its own."""

from __future__ import annotations

from pathlib import Path

from briefing.core.find import Finder
from briefing.core.loading import load_brief


def test_each_summary_occurrence_is_a_match(seed_brief_path: Path) -> None:
    brief = load_brief(seed_brief_path)
    matches = Finder("truce").find(brief)
    summary = [m for m in matches if m.section == "summary"]
    assert len(summary) == brief.summary.casefold().count("truce") == 3
    assert [m.occurrence for m in summary] == [0, 1, 2]
    assert matches[:3] == summary  # the summary pane comes first


def test_a_title_only_match_is_one_summary_match(seed_brief_path: Path) -> None:
    brief = load_brief(seed_brief_path)
    word = next(w for w in brief.title.split() if w.casefold() not in brief.summary.casefold())
    summary = [m for m in Finder(word).find(brief) if m.section == "summary"]
    assert len(summary) == 1
