"""``briefing agenda``: open deadlines on standard output, through the index."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from kit import make_brief

from briefing.cli import main
from briefing.core.safetext import short_path

NOW = "2025-10-26T14:00+03:00"  # 11:00Z, as in the UI tests
SEED = "us-china-trade-talks-kuala-lumpur.toml"
TIMEOUT = 60

EXTRA = {
    "id": "extra",
    "title": "Extra brief (test)",
    "published": datetime(2025, 10, 20, 12, 0, tzinfo=UTC),
    "tags": ["test"],
    "deadlines": [
        {"id": "report", "title": "Report to Congress", "due": date(2025, 10, 20)},
        {"id": "call", "title": "Follow-up call", "due": datetime(2025, 10, 27, 12, 0, tzinfo=UTC)},
        {"id": "done", "title": "Done already", "due": date(2025, 10, 21), "status": "met"},
    ],
}

HOSTILE = """\
format = 1
title = "Hostile \\u001b]0;pwned\\u0007 [bold]x[/bold] [@click=app.quit]y[/] end"
published = 2025-10-26T13:55:00+03:00

[[deadlines]]
title = "[red]not red[/red] \\u001b[31mstill not red\\u0007"
due = 2025-10-30T12:00:00Z
"""


@pytest.fixture
def library(tmp_path: Path, samples_dir: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(samples_dir / SEED, folder)
    make_brief(folder, "extra.toml", **EXTRA)
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["agenda", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_plain_lines_overdue_first_then_soonest(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    """The due moment in the reader's words (a date-only deadline is "(end of day)" on its
    own date, not the next midnight in ISO form); the file as a person reads it."""
    code, lines, err = run(capsys, str(library), "--now", NOW)
    assert code == 0 and err == ""
    seed, extra = short_path(str(library / SEED)), short_path(str(library / "extra.toml"))
    assert lines == [
        f"2025-10-20 (end of day) · overdue 5d 11h · Report to Congress · Extra brief (test) · {extra}",
        f"2025-10-27 12:00 +00:00 · in 1d 1h · Follow-up call · Extra brief (test) · {extra}",
        "2025-11-02 (end of day) · in 7d 5h · Expected Trump-Xi meeting on the sidelines"
        " of the APEC summit · US, China agree on preliminary trade deal in Malaysia, officials say"
        f" · {seed}",
        "2025-11-10 (end of day) · in 15d 5h · Temporary US-China tariff truce expires"
        " · US, China agree on preliminary trade deal in Malaysia, officials say"
        f" · {seed}",
    ]


def test_paths_are_short(
    capsys: pytest.CaptureFixture[str], library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the current folder a path is relative (not the full site-packages path)."""
    monkeypatch.chdir(library.parent)
    code, lines, _ = run(capsys, "library", "--now", NOW)
    assert code == 0
    assert lines[0].endswith(" · library/extra.toml")


@pytest.mark.parametrize(
    ("within", "titles"),
    [
        ("7d", ["Follow-up call"]),
        ("1w", ["Follow-up call"]),
        ("12h", []),
        ("1500m", ["Follow-up call"]),
        ("8d", ["Follow-up call", "Expected Trump-Xi meeting"]),
    ],
)
def test_within(
    capsys: pytest.CaptureFixture[str], library: Path, within: str, titles: list[str]
) -> None:
    """--within does what it says: deadlines due within that time from now; the overdue
    ones are not "due within" it, and stderr says how many were left out and how to list them."""
    code, lines, err = run(capsys, str(library), "--now", NOW, "--within", within)
    assert code == 0
    got = [line.split(" · ")[2] for line in lines]
    assert len(got) == len(titles)
    assert all(shown.startswith(title) for shown, title in zip(got, titles, strict=True))
    assert "1 overdue deadline not shown (--overdue DAYS lists those overdue up to DAYS)" in err


@pytest.mark.parametrize(("days", "shown"), [("5", False), ("6", True)])
def test_overdue_days(
    capsys: pytest.CaptureFixture[str], library: Path, days: str, shown: bool
) -> None:
    """--overdue DAYS lists the deadlines overdue by at most DAYS (5d 11h: within 6, not 5)."""
    code, lines, _ = run(capsys, str(library), "--now", NOW, "--within", "2d", "--overdue", days)
    assert code == 0
    titles = [line.split(" · ")[2] for line in lines]
    assert ("Report to Congress" in titles) is shown
    assert "Follow-up call" in titles


@pytest.mark.parametrize("bad", ["7", "7x", "d7", "-1d", "1.5h", "", "7 days"])
def test_within_rejects_what_it_cannot_read(
    capsys: pytest.CaptureFixture[str], library: Path, bad: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["agenda", str(library), f"--within={bad}"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "is not a duration such as 7d, 12h, 2w or 90m" in err
    assert "Traceback" not in err


def test_tag_filter_and_nothing_open(capsys: pytest.CaptureFixture[str], library: Path) -> None:
    code, lines, _ = run(capsys, str(library), "--now", NOW, "--tag", "TARIFFS")
    assert code == 0 and len(lines) == 2
    code, lines, err = run(capsys, str(library), "--now", NOW, "--tag", "nothing")
    assert code == 0 and lines == []
    assert err.strip() == f"no open deadlines in {library}"


def test_single_file_and_missing_path(
    capsys: pytest.CaptureFixture[str], library: Path, tmp_path: Path
) -> None:
    code, lines, _ = run(capsys, str(library / "extra.toml"), "--now", NOW)
    assert code == 0 and len(lines) == 2
    code, lines, err = run(capsys, str(tmp_path / "nowhere"))
    assert code == 2 and lines == []
    assert err.strip().endswith("nowhere: no such file or folder")


def test_invalid_files_are_counted_not_fatal(
    capsys: pytest.CaptureFixture[str], library: Path
) -> None:
    (library / "broken.toml").write_text("format = [", encoding="utf-8")
    code, lines, err = run(capsys, str(library), "--now", NOW)
    assert code == 0 and len(lines) == 4
    assert err.strip() == (
        f"briefing agenda: 1 file in {library} could not be read (see 'briefing validate')"
    )


def test_the_configured_library(
    capsys: pytest.CaptureFixture[str], library: Path, isolated_env: dict[str, Path]
) -> None:
    isolated_env["config"].mkdir(parents=True)
    (isolated_env["config"] / "config.toml").write_text(
        f"library = [{str(library / 'extra.toml')!r}]\n", encoding="utf-8"
    )
    code, lines, _ = run(capsys, "--now", NOW)
    assert code == 0
    assert [line.split(" · ")[2] for line in lines] == ["Report to Congress", "Follow-up call"]


def test_a_second_run_reads_the_index_not_the_briefs(
    capsys: pytest.CaptureFixture[str],
    library: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "elsewhere"
    code, first, _ = run(capsys, str(library), "--now", NOW, "--data-dir", str(data))
    assert code == 0
    assert (data / "library-index.db").is_file()

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("a brief was parsed again")

    monkeypatch.setattr("briefing.core.loading.parse_brief", no_parsing)
    code, second, _ = run(capsys, str(library), "--now", NOW, "--data-dir", str(data))
    assert code == 0 and second == first


def test_hostile_text_plain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    code, lines, err = run(capsys, str(tmp_path), "--now", NOW)
    assert code == 0, err
    (line,) = lines
    for bad in ("\x1b", "\x07", "pwned"):
        assert bad not in line
    assert "[red]not red[/red]" in line and "[bold]x[/bold]" in line


def test_hostile_text_in_the_rich_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hostile.toml").write_text(HOSTILE, encoding="utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    code, lines, err = run(capsys, str(tmp_path), "--now", NOW)
    assert code == 0, err
    out = "\n".join(lines)
    assert "\x1b[" in out  # the styled table, in colour
    assert "\x1b]" not in out and "\x07" not in out and "pwned" not in out
    assert "[red]not red[/red]" in out and "[bold]x[/bold]" in out
    assert "Open deadlines (1, 0 overdue)" in out


def test_the_installed_command_piped(library: Path) -> None:
    found = shutil.which("briefing", path=str(Path(sys.executable).parent))
    assert found, "no 'briefing' command next to the running Python"
    result = subprocess.run(
        [found, "agenda", str(library), "--now", NOW, "--within", "2d"],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout
    lines = result.stdout.decode("utf-8").splitlines()
    assert [line.split(" · ")[1] for line in lines] == ["in 1d 1h"]
