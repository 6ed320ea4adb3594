"""Every other reader of a brief file: a FIFO or a device never blocks or fills memory.

Issue 13, item 10, beyond the loader: the brief screen's quick peek at a brief's
header (``core/preview.py``) and the live reload's content hash
(``ui/screens/brief_live.py``) read the file too. Each runs in a subprocess with
a deadline, so a read that blocks fails the test instead of hanging the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PEEK = "import sys\nfrom pathlib import Path\nfrom briefing.core.preview import peek\nprint(peek(Path(sys.argv[1])))\n"
DIGEST = (
    "import sys\nfrom pathlib import Path\n"
    "from briefing.ui.screens.brief_live import file_digest\nprint(repr(file_digest(Path(sys.argv[1]))))\n"
)


def _special(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / "brief.toml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    return path


def _run(script: str, path: Path) -> subprocess.CompletedProcess[str]:
    # A memory cap, so that reading /dev/zero fails quickly rather than swapping the machine.
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
    return subprocess.run(
        [sys.executable, "-c", limit + script, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_peek_at_a_special_file_gives_nothing(tmp_path: Path, kind: str) -> None:
    done = _run(PEEK, _special(tmp_path, kind))
    assert (done.returncode, done.stdout) == (0, "None\n"), done.stderr


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_digest_of_a_special_file_is_empty(tmp_path: Path, kind: str) -> None:
    done = _run(DIGEST, _special(tmp_path, kind))
    assert (done.returncode, done.stdout) == (0, "''\n"), done.stderr


def test_peek_and_digest_of_a_brief(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_text('format = 1\ntitle = "Peeked"\npublished = 2025-01-01\n')
    assert "Peeked" in _run(PEEK, path).stdout
    assert len(_run(DIGEST, path).stdout.strip()) > 10
