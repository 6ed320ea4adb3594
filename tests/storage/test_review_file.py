"""Opening a draft for review and saving it: atomic, checked, never over a change on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import make_brief

from briefing.core import BriefError, load_brief
from briefing.storage.review_file import ChangedOnDisk, open_draft, save_draft


def _draft(tmp_path: Path, name: str = "draft.toml") -> Path:
    return make_brief(
        tmp_path,
        name,
        summary="Line one\nLine two",
        quotes=[{"text": "yes", "draft": {"start": 0, "end": 3, "exact": "yes"}}],
        draft={"article": "yes, it said\nand more"},
    )


@pytest.mark.parametrize("name", ["draft.toml", "draft.json"])
def test_save_writes_a_valid_brief_in_the_same_form(tmp_path: Path, name: str) -> None:
    path = _draft(tmp_path, "draft.toml")
    if name.endswith(".json"):
        opened = open_draft(path)
        opened.kind, opened.path = "json", tmp_path / name
        save_draft(opened, overwrite=True)
        path = tmp_path / name
    draft = open_draft(path)
    del draft.data["quotes"][0]["draft"]
    save_draft(draft)
    brief = load_brief(path)
    assert brief.quotes[0].draft is None and brief.draft is not None
    assert brief.draft.article == "yes, it said\nand more"
    assert list(tmp_path.glob(".*.tmp")) == []


def test_a_file_changed_on_disk_is_not_overwritten_unless_asked(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    draft = open_draft(path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("Line one", "Edited"), encoding="utf-8"
    )
    draft.data["title"] = "Mine"
    with pytest.raises(ChangedOnDisk):
        save_draft(draft)
    assert "Edited" in path.read_text(encoding="utf-8")
    save_draft(draft, overwrite=True)
    assert load_brief(path).title == "Mine"
    draft.data["title"] = "Again"
    save_draft(draft)  # our own write is not a change on disk
    assert load_brief(path).title == "Again"


def test_an_invalid_result_is_not_written(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    before = path.read_bytes()
    draft = open_draft(path)
    draft.data["quotes"][0]["speaker"] = "nobody"
    with pytest.raises(BriefError):
        save_draft(draft)
    assert path.read_bytes() == before
