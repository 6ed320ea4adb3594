"""Reading a file briefing did not write: only a regular file, never more than a limit."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from unprivileged import run_unprivileged

from briefing.core.files import FileMissing, FileProblem, FileTooBig, read_regular_file


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes(b"x" * 10)
    assert read_regular_file(path, limit=10) == b"x" * 10


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileTooBig) as caught:
        read_regular_file(path, limit=10)
    assert str(caught.value) == f"{path}: is 11 bytes; the limit is 10 bytes"
    assert caught.value.size == 11


def test_a_missing_file_is_its_own_kind(tmp_path: Path) -> None:
    with pytest.raises(FileMissing) as caught:
        read_regular_file(tmp_path / "none.toml", limit=10)
    assert str(caught.value) == f"{tmp_path / 'none.toml'}: no such file or folder"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder, not a file$"):
        read_regular_file(tmp_path, limit=10)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    # No writer ever opens it: a plain open() would block here for ever.
    with pytest.raises(FileProblem, match="is a named pipe \\(FIFO\\), not a regular file$"):
        read_regular_file(fifo, limit=10)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    with pytest.raises(FileProblem, match="is a device, not a regular file$"):
        read_regular_file(Path(device), limit=10)


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.toml").write_bytes(b"data")
    (tmp_path / "link.toml").symlink_to(tmp_path / "real.toml")
    assert read_regular_file(tmp_path / "link.toml", limit=10) == b"data"


def test_a_file_that_cannot_be_read_says_so(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_bytes(b"data")
    path.chmod(0)
    script = (
        "import sys; from pathlib import Path\n"
        "from briefing.core.files import FileProblem, read_regular_file\n"
        "try:\n"
        "    read_regular_file(Path(sys.argv[1]), limit=10)\n"
        "except FileProblem as error:\n"
        "    print(error)\n"
    )
    done = run_unprivileged([sys.executable, "-c", script, str(path)])
    assert done.stdout.strip() == f"{path}: cannot be read (Permission denied)", done.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0
