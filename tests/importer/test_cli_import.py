"""``briefing import`` through ``briefing.cli.main`` and through the installed command."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.loading import load_brief

from .helpers import ARTICLES, SEED_ARTICLE

SEED_NAME = "us-china-agree-on-preliminary-trade-deal-in-malaysia.toml"


def test_import_writes_a_valid_draft_named_after_the_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(SEED_ARTICLE)]) == 0
    out = capsys.readouterr().out
    target = tmp_path / SEED_NAME
    assert f"wrote {target}: 7 participants, 8 quotes" in out
    assert 'speaker inferred from "he noted"' in out
    brief = load_brief(target)
    assert len(brief.quotes) == 8
    assert main(["validate", str(target)]) == 0


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "draft.toml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["import", str(SEED_ARTICLE), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists (use --force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["import", str(SEED_ARTICLE), "-o", str(target), "--force"]) == 0
    assert load_brief(target).title.startswith("US, China agree")


def test_output_folder_and_published(tmp_path: Path) -> None:
    article = ARTICLES / "10_pasted_strike.txt"
    assert (
        main(["import", str(article), "-o", str(tmp_path), "--published", "2025-05-15T10:00+01:00"])
        == 0
    )
    (target,) = tmp_path.glob("*.toml")
    brief = load_brief(target)
    assert brief.published.isoformat() == "2025-05-15T10:00:00+01:00"
    assert {p.name for p in brief.participants} == {"Frances Achebe", "Martin Kroll", "Raj Patel"}


def test_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = SEED_ARTICLE.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["import", "-", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Draft brief")
    assert "found 7 participants" in captured.err


def test_open_runs_the_reader_on_the_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.ui.launch

    calls: list[dict[str, object]] = []

    def run_reader(**kw: object) -> int:
        calls.append(kw)
        return 0

    monkeypatch.setattr(briefing.ui.launch, "run_reader", run_reader)
    target = tmp_path / "d.toml"
    assert main(["import", str(SEED_ARTICLE), "-o", str(target), "--open"]) == 0
    assert calls == [{"path": str(target), "theme": None, "now": None}]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"\xff\xfeh\x00i\x00"), "UTF-16"),
        (lambda p: p.write_bytes(b"abc\x00def"), "binary"),
        (
            lambda p: p.write_bytes(b"Title\n\ncaf\xe9 au lait"),
            "not valid UTF-8 (byte 0xe9 on line 3)",
        ),
    ],
)
def test_unreadable_articles_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup, message: str
) -> None:
    article = tmp_path / "article.txt"
    setup(article)
    assert main(["import", str(article), "-o", str(tmp_path / "out.toml")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "out.toml").exists()


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import", str(SEED_ARTICLE), "--published", "yesterday"])
    assert exit_info.value.code == 2
    assert main(["import", str(SEED_ARTICLE), "-o", "-", "--open"]) == 2
    assert "--open needs a file" in capsys.readouterr().err


def test_the_installed_command(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("briefing")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "briefing.cli"]
    target = tmp_path / "seed.toml"
    result = subprocess.run(
        [*command, "import", str(SEED_ARTICLE), "-o", str(target)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "7 participants, 8 quotes" in result.stdout
    again = subprocess.run(
        [*command, "import", str(SEED_ARTICLE), "-o", str(target)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert again.returncode == 1 and again.stderr.count("\n") == 1
    assert load_brief(target).quotes
