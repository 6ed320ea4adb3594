"""Provenance in the brief format: the draft marks of imported items and the kept article."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from kit import brief_toml, run_briefing

from briefing.core import BriefError, parse_brief
from briefing.core.provenance import DraftMark, confidence_of, locate, selector
from briefing.core.validation import validate

ARTICLE = 'Minister Ann Lee said "yes" on Monday. Later Ann Lee said "yes" again.'


def _mark(**fields: object) -> dict[str, object]:
    exact, prefix, suffix = selector(ARTICLE, 23, 26)
    mark: dict[str, object] = {
        "start": 23,
        "end": 26,
        "exact": exact,
        "prefix": prefix,
        "suffix": suffix,
        "reason": 'speaker from "said"',
        "checks": ["speaker inferred"],
        "confidence": "medium",
    }
    mark.update(fields)
    return mark


def _drafted(**mark: object) -> str:
    return brief_toml(
        participants=[
            {
                "id": "lee",
                "name": "Ann Lee",
                "draft": _mark(
                    start=0, end=16, exact="Minister Ann Lee", prefix="", suffix=" said"
                ),
            }
        ],
        quotes=[{"speaker": "lee", "text": "yes", "draft": _mark(**mark)}],
        deadlines=[{"title": "Reply", "due": "2025-02-01", "draft": _mark()}],
        timeline=[{"date": "2025-01-06", "label": "Said yes", "draft": _mark()}],
        figures=[{"label": "Agreed", "value": "45%", "draft": _mark()}],
        draft={"article": ARTICLE},
    )


def test_a_brief_with_draft_marks_and_its_article_loads() -> None:
    brief = parse_brief(_drafted(), "draft.toml")
    assert brief.draft is not None and brief.draft.article == ARTICLE
    mark = brief.quotes[0].draft
    assert mark is not None and mark.exact == "yes" and mark.checks == ["speaker inferred"]
    assert all(
        item.draft is not None
        for item in (brief.participants[0], brief.deadlines[0], brief.timeline[0], brief.figures[0])
    )


def test_a_brief_without_them_is_unchanged() -> None:
    brief = parse_brief(brief_toml(quotes=[{"text": "yes"}]), "plain.toml")
    assert brief.draft is None and brief.quotes[0].draft is None
    assert "draft" not in {
        k for k, v in dataclasses.asdict(brief.quotes[0]).items() if v is not None
    }


@pytest.mark.parametrize(
    ("mark", "message"),
    [
        ({"end": 3}, "comes before start"),
        ({"start": -1}, "greater than or equal to 0"),
        ({"confidence": "certain"}, "'high', 'medium' or 'low'"),
        ({"sure": True}, "unknown key 'sure'"),
    ],
)
def test_a_bad_mark_is_a_located_problem(mark: dict[str, object], message: str) -> None:
    with pytest.raises(BriefError) as caught:
        parse_brief(_drafted(**mark), "draft.toml")
    lines = caught.value.lines()
    assert any("quotes[0].draft" in line and message in line for line in lines), lines


def test_validate_accepts_a_draft_with_provenance(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(_drafted(), encoding="utf-8")
    result = run_briefing("validate", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK " in result.stdout


def test_locate_uses_the_offsets_while_they_hold() -> None:
    mark = validate(DraftMark, _mark())
    assert locate(ARTICLE, mark) == (23, 26)


def test_locate_finds_the_quote_again_by_its_prefix_and_suffix_after_an_edit() -> None:
    second = ARTICLE.rindex('"yes"') + 1
    mark = validate(
        DraftMark,
        _mark(
            start=second,
            end=second + 3,
            prefix=ARTICLE[second - 32 : second],
            suffix=ARTICLE[second + 3 : second + 35],
        ),
    )
    edited = "Breaking: " + ARTICLE
    assert locate(edited, mark) == (second + 10, second + 13)
    assert locate("nothing here", mark) is None


def test_confidence() -> None:
    assert confidence_of([]) == "high"
    assert confidence_of(["one"]) == "medium"
    assert confidence_of(["one", "two"]) == "low"
    assert confidence_of([], guessed=True) == "low"
