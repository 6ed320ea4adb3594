"""What comes back from ``$EDITOR`` is read as any file briefing did not write: a regular file
within a limit, valid UTF-8, else a one-line EditorError naming it (the note is unchanged)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from briefing.storage.external_editor import EDITED_LIMIT, EditorError, edit_text


def use_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    """$EDITOR is a Python script whose ``body`` does something to ``path``."""
    script = tmp_path / "editor.py"
    script.write_text(f"import os, sys\npath = sys.argv[1]\n{body}\n")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


def edit_in_thread(text: str) -> tuple[list[str], list[BaseException]]:
    """edit_text in a thread that must end within 30 s (a FIFO once blocked it for ever)."""
    results: list[str] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(edit_text(text))
        except BaseException as error:  # noqa: BLE001 - handed to the test
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive(), "reading what the editor left blocked"
    return results, errors


def test_an_edit_comes_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_editor(
        monkeypatch,
        tmp_path,
        "t = open(path).read(); open(path, 'w').write(t.rstrip('\\n') + ' and more\\n')",
    )
    assert edit_text("a note") == "a note and more"


def test_the_file_ends_with_a_newline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An editor that appends a line (``echo more >> file``) starts a line of its own, and
    the newline briefing added for it does not come back as part of the note."""
    use_editor(monkeypatch, tmp_path, "open(path, 'a').write('second line\\n')")
    assert edit_text("a note") == "a note\nsecond line"


def test_an_untouched_note_comes_back_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    use_editor(monkeypatch, tmp_path, "pass")
    assert edit_text("a note") == "a note"
    assert edit_text("ends in a newline\n") == "ends in a newline\n"


def test_an_edit_over_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_editor(monkeypatch, tmp_path, f"open(path, 'w').write('x' * {EDITED_LIMIT + 1})")
    with pytest.raises(EditorError) as caught:
        edit_text("a note")
    message = str(caught.value)
    assert "briefing-note-" in message and "4 MB" in message and "not changed" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "body, reason",
    [
        ("os.unlink(path); os.mkfifo(path)", "named pipe"),
        ("os.unlink(path); os.mkdir(path)", "folder"),
        ("os.unlink(path); os.symlink('/dev/zero', path)", "device"),
        ("os.unlink(path)", "no such file"),
        ("open(path, 'wb').write(b'caf\\xe9')", "UTF-8"),
    ],
    ids=["fifo", "folder", "dev-zero", "deleted", "latin-1"],
)
def test_what_is_not_a_note_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str, reason: str
) -> None:
    use_editor(monkeypatch, tmp_path, body)
    results, errors = edit_in_thread("a note")
    assert results == [] and len(errors) == 1, (results, errors)
    [error] = errors
    assert isinstance(error, EditorError), repr(error)
    assert reason in str(error) and "not changed" in str(error), str(error)
    assert "briefing-note-" in str(error)
