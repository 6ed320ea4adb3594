"""Note drafts: kept atomically as files, read back oldest first; a file that is not a
draft (damaged, too big, a FIFO) is named in a warning and left where it is."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.storage.store.drafts import (
    DRAFT_LIMIT,
    Draft,
    discard_draft,
    drafts_dir,
    load_drafts,
    save_draft,
)


def draft(body: str, saved: str = "2025-10-26T11:00:00+00:00") -> Draft:
    return Draft("b", "A brief", "quote", "q1", "the quote", body, saved)


def test_drafts_round_trip_oldest_first_and_are_private(tmp_path: Path) -> None:
    second = save_draft(tmp_path, draft("later", "2025-10-26T12:00:00+00:00"))
    first = save_draft(tmp_path, draft("earlier \u202e\n line two"))
    found, warnings = load_drafts(tmp_path)
    assert warnings == []
    assert [(p, d.body) for p, d in found] == [
        (first, "earlier \u202e\n line two"),
        (second, "later"),
    ]
    assert (first.stat().st_mode & 0o777) == 0o600
    discard_draft(first)
    discard_draft(first)  # twice is fine
    assert [d.body for _, d in load_drafts(tmp_path)[0]] == ["later"]


def test_a_file_that_is_not_a_draft_is_named_and_kept(tmp_path: Path) -> None:
    folder = drafts_dir(tmp_path)
    folder.mkdir()
    (folder / "draft-bad.json").write_text("{not json", encoding="utf-8")
    (folder / "draft-wrong.json").write_text('{"body": 3}', encoding="utf-8")
    (folder / "draft-big.json").write_bytes(b" " * (DRAFT_LIMIT + 1))
    os.mkfifo(folder / "draft-fifo.json")
    save_draft(tmp_path, draft("good"))
    found, warnings = load_drafts(tmp_path)
    assert [d.body for _, d in found] == ["good"]
    assert len(warnings) == 4
    for name in ("draft-bad.json", "draft-wrong.json", "draft-big.json", "draft-fifo.json"):
        assert any(name in w for w in warnings), warnings
        assert (folder / name).exists()
    assert all("\n" not in w for w in warnings)


def test_no_drafts_folder_means_no_drafts(tmp_path: Path) -> None:
    assert load_drafts(tmp_path / "nowhere") == ([], [])
