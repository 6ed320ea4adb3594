"""``briefing agenda --ics -o FILE`` and ``briefing remind``: calendars and reminders for scripts."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from kit import make_brief

from briefing.cli import main

NOW = "2025-10-26T14:00+03:00"  # 11:00Z

BRIEF = {
    "id": "extra",
    "title": "Extra brief (test)",
    "published": datetime(2025, 10, 20, 12, 0, tzinfo=UTC),
    "source": {"name": "Example", "url": "https://news.example/extra"},
    "deadlines": [
        {"id": "report", "title": "Report to Congress", "due": date(2025, 10, 20)},
        {"id": "call", "title": "Follow-up call", "due": datetime(2025, 10, 27, 12, 0, tzinfo=UTC)},
        {"id": "done", "title": "Done already", "due": date(2025, 10, 21), "status": "met"},
        {"id": "later", "title": "Later", "due": datetime(2025, 12, 1, 12, 0, tzinfo=UTC)},
    ],
}


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    make_brief(folder, "extra.toml", **BRIEF)
    return folder


def config(text: str) -> None:
    folder = Path(os.environ["BRIEFING_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def todos(path: Path) -> dict[str, Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(todo["uid"]): todo for todo in calendar.walk("VTODO")}


def test_agenda_ics_writes_the_library_calendar_and_rewrites_it(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    config('reminders = ["1d", "1h"]\n')
    target = tmp_path / "out" / "briefing.ics"
    target.parent.mkdir()
    code, out, err = run(capsys, "agenda", str(library), "--ics", "-o", str(target), "--now", NOW)
    assert (code, err) == (0, ""), err
    assert out == f"wrote {target} (4 deadlines)\n"
    found = todos(target)
    assert sorted(found) == [f"extra/{d}@briefing" for d in ("call", "done", "later", "report")]
    assert str(found["extra/done@briefing"]["status"]) == "COMPLETED"
    assert len(found["extra/call@briefing"].walk("VALARM")) == 2
    assert str(found["extra/call@briefing"]["url"]) == "https://news.example/extra"
    # Rewritten (it is briefing's own calendar), the same UIDs, nothing moved.
    code, _, err = run(capsys, "agenda", str(library), "--ics", "-o", str(target), "--now", NOW)
    assert (code, err) == (0, "")
    assert {uid: t.decoded("sequence") for uid, t in todos(target).items()} == dict.fromkeys(
        found, 0
    )
    assert [p.name for p in target.parent.iterdir()] == ["briefing.ics"]  # no temporary left


def test_agenda_ics_events_and_refusals(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    target = tmp_path / "events.ics"
    code, _, _ = run(capsys, "agenda", str(library), "--ics", "--events", "-o", str(target))
    assert code == 0
    assert len(Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == 4
    other = tmp_path / "other.ics"
    other.write_text("someone else's file\n")
    code, _, err = run(capsys, "agenda", str(library), "--ics", "-o", str(other))
    assert code == 1
    assert err == (
        f"briefing agenda: {other}: already exists and is not a briefing calendar"
        " (use --force to replace it)\n"
    )
    assert other.read_text() == "someone else's file\n"
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    code, _, err = run(capsys, "agenda", str(library), "--ics", "-o", str(link), "--force")
    assert code == 1 and "symbolic link" in err
    code, _, err = run(capsys, "agenda", str(library), "--ics")
    assert code == 2 and "--ics needs -o FILE" in err


@pytest.mark.parametrize(
    ("within", "code", "titles"),
    [
        ("2d", 1, ["Report to Congress", "Follow-up call"]),  # overdue ones are still due
        ("1d", 1, ["Report to Congress"]),  # the call is 25 hours away
    ],
)
def test_remind_exit_codes(
    capsys: pytest.CaptureFixture[str], library: Path, within: str, code: int, titles: list[str]
) -> None:
    got, out, err = run(capsys, "remind", str(library), "--within", within, "--now", NOW)
    assert got == code, err
    assert [line.split(" · ")[2] for line in out.splitlines()] == titles


def test_remind_exits_0_when_nothing_is_due(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "calm"
    make_brief(
        folder,
        deadlines=[{"title": "Far away", "due": datetime(2026, 1, 1, tzinfo=UTC)}],
    )
    code, out, err = run(capsys, "remind", str(folder), "--now", NOW)
    assert (code, out) == (0, "")
    assert err == "nothing due within 1d\n"
