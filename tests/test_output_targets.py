"""``--force`` replaces a regular file, and nothing else; articles are read only from regular files.

Issue 13, items 4 and 10. Every output briefing writes (``export -o``,
``import -o``, the reader's export dialog) goes through
:func:`briefing.storage.export_files.write_export`, so the rule lives there once:
a FIFO, a device, a socket, a folder or a symbolic link is refused even with
``force``, and left as it was. Standard output is ``-o -``.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from kit import run_briefing

from briefing.cli import main
from briefing.storage.export_files import ExportError, ExportExists, write_export

ARTICLE = Path(__file__).resolve().parent / "importer" / "articles" / "01_trade_talks.txt"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    # A private copy of /dev/null (major 1, minor 3): the test never risks the real one.
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))


def _link_to_file(path: Path) -> None:
    victim = path.parent / "victim.txt"
    victim.write_text("precious\n")
    path.symlink_to(victim)


def _dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere" / "made-through-the-link")


def _socket(path: Path) -> None:
    import socket

    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


SPECIAL = {
    "fifo": (_fifo, "is a named pipe (FIFO), not a regular file"),
    "device": (_device, "is a device, not a regular file"),
    "socket": (_socket, "is a socket, not a regular file"),
    "symlink": (_link_to_file, "is a symbolic link"),
    "dangling symlink": (_dangling_link, "is a symbolic link"),
    "folder": (lambda p: p.mkdir(), "is a folder"),
}


def _kind(path: Path) -> int:
    return stat.S_IFMT(os.lstat(path).st_mode)


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("kind", sorted(SPECIAL))
def test_write_export_replaces_only_a_regular_file(tmp_path: Path, kind: str, force: bool) -> None:
    make, message = SPECIAL[kind]
    target = tmp_path / "target.ics"
    make(target)
    before = _kind(target)
    with pytest.raises(ExportError) as caught:
        write_export(target, b"payload", force=force)
    assert not isinstance(caught.value, ExportExists)  # the dialog must not offer "Replace?"
    assert str(caught.value).startswith(f"{target}: {message}")
    assert _kind(target) == before
    if kind == "symlink":
        assert (tmp_path / "victim.txt").read_text() == "precious\n"
    assert not (tmp_path / "nowhere").exists()


def test_write_export_replaces_a_regular_file_with_force(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old")
    with pytest.raises(ExportExists, match="already exists"):
        write_export(target, b"new", force=False)
    write_export(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def _briefing(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("timeout", 120)
    return run_briefing(*args, **kwargs)


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink"])
def test_export_force_refuses_a_special_target(
    tmp_path: Path, samples_dir: Path, kind: str
) -> None:
    make, message = SPECIAL[kind]
    target = tmp_path / "deadlines.ics"
    make(target)
    before = _kind(target)
    done = _briefing(
        "export", "--library", str(samples_dir), "--deadlines", "-o", str(target), "--force"
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and f"{target}: {message}" in done.stderr
    assert "Traceback" not in done.stderr
    assert _kind(target) == before


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink"])
def test_import_force_refuses_a_special_target(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = SPECIAL[kind]
    target = tmp_path / "draft.toml"
    make(target)
    before = _kind(target)
    assert main(["import", str(ARTICLE), "-o", str(target), "--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{target}: {message}" in err
    assert _kind(target) == before


def test_import_force_replaces_a_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "draft.toml"
    target.write_text("old")
    assert main(["import", str(ARTICLE), "-o", str(target), "--force"]) == 0
    assert target.read_text().startswith("format = 1") or "title" in target.read_text()


# --- reading articles (item 10) -------------------------------------------------------


def test_import_of_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    # No writer ever opens the FIFO: reading it would wait for ever (the timeout fails it).
    done = _briefing("import", str(fifo), "-o", str(tmp_path / "out.toml"), timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"briefing import: {fifo}: is a named pipe (FIFO), not a regular file"
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_import_of_a_device_is_refused_at_once(
    tmp_path: Path, device: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", device, "-o", str(tmp_path / "out.toml")]) == 1
    assert capsys.readouterr().err == (
        f"briefing import: {device}: is a device, not a regular file\n"
    )


def test_import_from_stdin_keeps_working_within_the_limit(tmp_path: Path) -> None:
    done = _briefing("import", "-", "-o", "-", input=ARTICLE.read_text())
    assert done.returncode == 0, done.stderr
    assert "title" in done.stdout
    too_big = "word " * (4 * 1024 * 1024 // 5 + 10)
    done = _briefing("import", "-", "-o", "-", input=too_big)
    assert done.returncode == 1
    assert done.stderr.startswith("briefing import: standard input: is larger than 4 MB")


def test_import_of_an_article_with_an_unprintable_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / "new\nline\x1b[2J.txt"
    assert main(["import", str(name), "-o", str(tmp_path / "out.toml")]) == 1
    err = capsys.readouterr().err
    assert err == f"briefing import: {tmp_path}/new\\nline\\x1b[2J.txt: no such file or folder\n"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_import_notes_of_a_special_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    make, message = SPECIAL[kind]
    export = tmp_path / "notes.json"
    make(export)
    done = _briefing("import-notes", str(export), timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == f"{export}: {message}"
