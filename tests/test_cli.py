"""The installed ``briefing`` command, run as a user would run it (in subprocesses)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kit import make_brief, run_briefing

import briefing

NOW = "2025-10-26T14:00+03:00"
TIMEOUT = 60

# Nov 10 (end of day in Asia/Kuala_Lumpur) is 2025-11-11T00:00+08:00 = 2025-11-10T16:00Z;
# from 2025-10-26T14:00+03:00 = 11:00Z that is 15 days and 5 hours.
TRUCE_COUNTDOWN = "in 15d 5h"

HOSTILE_TITLE = r"Hostile \u001b]0;pwned\u0007 [bold]x[/bold] [@click=app.quit]y[/] end"
HOSTILE_BRIEF = f"""\
format = 1
title = "{HOSTILE_TITLE}"
published = 2025-10-26T13:55:00+03:00

[[participants]]
id = "mallory"
name = "[b]Mallory[/b]"
role = "[link=https://evil.example]Agent[/link]"

[[quotes]]
speaker = "mallory"
text = "[red]not red[/red] \\u001b[31mstill not red"
"""
LITERAL_MARKUP = [
    "[bold]x[/bold]",
    "[@click=app.quit]y[/]",
    "[b]Mallory[/b]",
    "[link=https://evil.example]Agent[/link]",
    "[red]not red[/red]",
]


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m briefing ARGS`` with output piped; return the completed process (bytes)."""
    return run_briefing(*args, cwd=cwd, env=env, timeout=TIMEOUT, text=False)


def text_of(result: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    return result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def assert_no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stdout
    assert b"Traceback" not in result.stderr


def installed_command() -> Path:
    """The ``briefing`` script installed next to the running Python."""
    found = shutil.which("briefing", path=str(Path(sys.executable).parent))
    assert found, f"no 'briefing' command next to {sys.executable}; is the package installed?"
    return Path(found)


# --- running in a pseudo-terminal -------------------------------------------------


def run_in_pty(args: list[str], env: dict[str, str], columns: int = 160) -> tuple[int, bytes]:
    """Run ``args`` with stdin/stdout/stderr on a pseudo-terminal; return (exit code, output)."""
    pty = pytest.importorskip("pty")
    import fcntl
    import select
    import struct
    import termios

    env = {**env, "COLUMNS": str(columns), "LINES": "50"}
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    try:
        process = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
        )
    finally:
        os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: every writer has closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif process.poll() is not None:
                break
        else:
            process.kill()
            pytest.fail(f"{args} did not finish in {TIMEOUT}s")
        code = process.wait(timeout=TIMEOUT)
    finally:
        os.close(master)
    return code, b"".join(chunks)


def terminal_env(**extra: str) -> dict[str, str]:
    """The current environment as a colour terminal would have it (NO_COLOR unset)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"}
    }
    env["TERM"] = "xterm-256color"
    env.update(extra)
    return env


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX only")


# --- validate ---------------------------------------------------------------------


def test_validate_sample_briefs(repo_root: Path, samples_dir: Path) -> None:
    result = run("validate", "sample_briefs", cwd=repo_root)
    out, err = text_of(result)
    assert result.returncode == 0, out + err
    lines = out.splitlines()
    briefs = sorted(p for p in samples_dir.iterdir() if p.suffix in {".toml", ".json"})
    assert len(lines) == len(briefs)
    assert all(line.startswith("OK sample_briefs") for line in lines), lines
    for brief in briefs:
        assert f"OK {Path('sample_briefs') / brief.name}" in lines


HEAD = b'format = 1\ntitle = "T"\npublished = 2025-01-01\n'
BESSENT = b'\n[[participants]]\nid = "bessent"\nname = "Scott Bessent"\n'

# name -> (content, line, column (None: any), substrings of the message)
BROKEN: dict[str, tuple[bytes, int, int | None, list[str]]] = {
    "typo_key.toml": (
        HEAD + BESSENT + b'rol = "Treasury Secretary"\n',
        8,
        1,
        ["participants[0].rol", "unknown key 'rol'", "did you mean 'role'?"],
    ),
    "unknown_speaker.toml": (
        HEAD + BESSENT + b'\n[[quotes]]\nspeaker = "bessen"\ntext = "hello"\n',
        10,
        1,
        ["quotes[0].speaker", "unknown speaker 'bessen'", "did you mean 'bessent'?"],
    ),
    "bad_syntax.toml": (
        b'format = 1\ntitle = "never closed\npublished = 2025-01-01\n',
        2,
        None,
        ["TOML syntax"],
    ),
    "invalid_utf8.toml": (
        b'format = 1\ntitle = "\xff\xfe bad"\npublished = 2025-01-01\n',
        2,
        10,
        ["not valid UTF-8", "0xff"],
    ),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_validate_broken_file_reports_one_located_line(tmp_path: Path, name: str) -> None:
    content, line, column, needles = BROKEN[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = run("validate", str(path))
    out, err = text_of(result)
    assert result.returncode == 1, out + err
    assert_no_traceback(result)
    lines = out.splitlines()
    assert len(lines) == 1, lines
    col = r"\d+" if column is None else str(column)
    assert re.match(rf"{re.escape(str(path))}:{line}:{col}: ", lines[0]), lines[0]
    for needle in needles:
        assert needle in lines[0]


def test_validate_empty_file(tmp_path: Path) -> None:
    # An empty file is a whole-file problem: errors.Problem.format leaves out the
    # line and column it does not have, so the line reads "path: is empty".
    path = tmp_path / "empty.toml"
    path.write_bytes(b"")
    result = run("validate", str(path))
    out, err = text_of(result)
    assert result.returncode == 1, out + err
    assert_no_traceback(result)
    lines = out.splitlines()
    assert len(lines) == 1, lines
    assert re.match(rf"{re.escape(str(path))}(:\d+:\d+)?: ", lines[0]), lines[0]
    assert "empty" in lines[0]


def test_validate_reports_every_problem_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "two.toml"
    path.write_bytes(HEAD + BESSENT + b'rol = "x"\n\n[[quotes]]\nspeaker = "bessen"\ntext = "hi"\n')
    result = run("validate", str(path))
    out, _ = text_of(result)
    assert result.returncode == 1
    assert_no_traceback(result)
    lines = out.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"{path}:8:1: participants[0].rol: ")
    assert lines[1].startswith(f"{path}:11:1: quotes[0].speaker: ")


def test_validate_folder_with_good_and_bad(tmp_path: Path, seed_brief_path: Path) -> None:
    shutil.copy(seed_brief_path, tmp_path / "good.toml")
    (tmp_path / "bad.toml").write_bytes(b"")
    result = run("validate", str(tmp_path))
    out, _ = text_of(result)
    assert result.returncode == 1
    assert f"OK {tmp_path / 'good.toml'}" in out.splitlines()
    assert len(out.splitlines()) == 2


# --- schema -----------------------------------------------------------------------


def test_schema_is_json_with_definitions_and_descriptions() -> None:
    result = run("schema")
    out, err = text_of(result)
    assert result.returncode == 0, err
    schema = json.loads(out)
    assert "$defs" in schema
    assert {"Participant", "Quote", "Deadline", "TimelineEvent", "Figure", "Source"} <= set(
        schema["$defs"]
    )
    for name, prop in schema["properties"].items():
        assert prop.get("description"), f"top-level property {name!r} has no description"
    for model in ("Participant", "Quote", "Deadline"):
        for name, prop in schema["$defs"][model]["properties"].items():
            assert prop.get("description"), f"{model}.{name} has no description"
    assert "headline" in schema["properties"]["title"]["description"]


# --- show -------------------------------------------------------------------------


def test_show_seed_brief_prints_every_quote(seed_brief_path: Path) -> None:
    from briefing.core import load_brief

    result = run("show", "--now", NOW, str(seed_brief_path))
    out, err = text_of(result)
    assert result.returncode == 0, err
    brief = load_brief(seed_brief_path)
    for quote in brief.quotes:
        assert quote.text in out
    for person in brief.participants:
        assert person.name in out
    assert "No quotes in this brief" not in out


def test_show_counts_down_to_the_truce(seed_brief_path: Path) -> None:
    result = run("show", "--now", NOW, str(seed_brief_path))
    out, err = text_of(result)
    assert result.returncode == 0, err
    truce = [line for line in out.splitlines() if "truce" in line.lower() and "due" in line]
    assert truce, out
    assert TRUCE_COUNTDOWN in truce[0]
    assert "(end of day)" in truce[0]


def test_show_says_what_a_brief_lacks(tmp_path: Path) -> None:
    path = make_brief(tmp_path, "bare.toml", title="Bare")
    result = run("show", str(path))
    out, err = text_of(result)
    assert result.returncode == 0, err
    for what in ("summary", "participants", "quotes", "deadlines", "timeline", "figures"):
        assert f"No {what} in this brief" in out


def test_show_with_no_color_piped_has_no_escapes(seed_brief_path: Path) -> None:
    result = run("show", "--now", NOW, str(seed_brief_path), env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout
    assert b"\x1b" not in result.stderr


@needs_pty
def test_show_with_no_color_on_a_terminal_has_no_escapes(seed_brief_path: Path) -> None:
    code, output = run_in_pty(
        [sys.executable, "-m", "briefing", "show", "--now", NOW, str(seed_brief_path)],
        terminal_env(NO_COLOR="1"),
    )
    assert code == 0, output
    assert b"\x1b" not in output
    assert TRUCE_COUNTDOWN.encode() in output


def _assert_hostile_output_is_safe(output: bytes) -> None:
    assert b"\x1b" not in output
    assert b"\x07" not in output
    assert b"]0;pwned" not in output
    text = output.decode("utf-8")
    for markup in LITERAL_MARKUP:
        assert markup in text, f"{markup!r} not shown literally"


@pytest.mark.parametrize("plain", [False, True], ids=["piped", "piped-plain"])
def test_show_hostile_text_piped(tmp_path: Path, plain: bool) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE_BRIEF, encoding="utf-8")
    args = ["show", *(["--plain"] if plain else []), str(path)]
    result = run(*args)
    assert result.returncode == 0, result.stderr
    _assert_hostile_output_is_safe(result.stdout)
    assert b"\x1b" not in result.stderr


@needs_pty
def test_show_hostile_text_plain_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE_BRIEF, encoding="utf-8")
    code, output = run_in_pty(
        [sys.executable, "-m", "briefing", "show", "--plain", str(path)], terminal_env()
    )
    assert code == 0, output
    _assert_hostile_output_is_safe(output)
    assert b"## Quotes (1)" in output


@needs_pty
def test_show_prints_a_summarys_link_as_text_never_a_terminal_hyperlink(tmp_path: Path) -> None:
    """A brief is untrusted: its Markdown link must not become a clickable OSC 8 hyperlink
    (Rich's Markdown makes one by default); its address shows as text, as in the reader."""
    path = make_brief(tmp_path, summary="See [the report](https://evil.example/x) now.")
    code, output = run_in_pty([sys.executable, "-m", "briefing", "show", str(path)], terminal_env())
    assert code == 0, output
    assert b"\x1b]8;" not in output
    assert b"the report" in output and b"https://evil.example/x" in output


@needs_pty
def test_show_hostile_text_rich_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(HOSTILE_BRIEF, encoding="utf-8")
    code, output = run_in_pty([sys.executable, "-m", "briefing", "show", str(path)], terminal_env())
    assert code == 0, output
    # This really is the styled (Rich) path: colour codes, and no Markdown headings.
    assert b"\x1b[" in output
    assert b"## Quotes" not in output
    assert b"\x1b]0;" not in output  # no window-title OSC
    assert b"\x1b]8;" not in output  # no hyperlink smuggled in through [link=...]
    assert b"\x07" not in output
    assert b"pwned" not in output
    text = re.sub(r"\x1b\[[0-9;]*m", "", output.decode("utf-8"))  # drop SGR colour codes
    for markup in LITERAL_MARKUP:
        assert markup in text, f"{markup!r} not shown literally"


INVISIBLE_BRIEF = """\
format = 1
title = "Zero\\u200bwidth title\\u2060 with a word joiner"
published = 2025-10-26T13:55:00+03:00

[[participants]]
id = "ann"
name = "A\\u200bnn\\ufeff Lee\\u00ad"

[[quotes]]
speaker = "ann"
text = "Hidden\\u200b \\U000E0041\\U000E0042 text, a \\U0001F469\\u200D\\U0001F4BB coder"
"""
INVISIBLE = ("\u200b", "\u2060", "\ufeff", "\u00ad", "\U000e0041", "\U000e0042")


@pytest.mark.parametrize("plain", [False, True], ids=["piped", "piped-plain"])
def test_show_removes_invisible_format_characters(tmp_path: Path, plain: bool) -> None:
    # Issue 13, item 15: a zero-width space in a brief reached the output raw.
    path = tmp_path / "invisible.toml"
    path.write_text(INVISIBLE_BRIEF, encoding="utf-8")
    result = run("show", *(["--plain"] if plain else []), str(path))
    assert result.returncode == 0, result.stderr
    out, _ = text_of(result)
    assert not [char for char in INVISIBLE if char in out]
    assert "Zerowidth title with a word joiner" in out
    assert "Ann Lee" in out
    assert "\U0001f469\u200d\U0001f4bb" in out  # the joiner inside an emoji is kept


def test_config_prints_paths_escaped(tmp_path: Path) -> None:
    odd = tmp_path / "new\nline"
    env = {**os.environ, "BRIEFING_DATA_DIR": str(odd), "BRIEFING_CONFIG_DIR": str(odd)}
    result = run("config", env=env)
    out, _ = text_of(result)
    assert f"{tmp_path}/new\\nline" in out
    assert all(line.count(":") >= 1 for line in out.splitlines())


def test_show_unknown_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-brief.toml"
    result = run("show", str(missing))
    out, err = text_of(result)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert str(missing) in lines[0]
    assert "no such file" in lines[0]


# --- the reader's arguments, --version, --help, config --------------------------------


def test_open_unknown_path_exits_2(tmp_path: Path) -> None:
    result = run("nonexistent/path", cwd=tmp_path)
    out, err = text_of(result)
    assert result.returncode == 2
    assert_no_traceback(result)
    assert out == ""
    assert err.splitlines() == ["briefing: nonexistent/path: no such file or folder"]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert text_of(result)[0].strip() == f"briefing {briefing.__version__}"


def test_help_lists_commands_and_examples() -> None:
    result = run("--help")
    out, _ = text_of(result)
    assert result.returncode == 0
    for command in ("validate", "show", "schema", "config"):
        assert re.search(rf"^\s+{command}\b", out, re.MULTILINE), f"{command} not listed"
    assert "examples:" in out
    assert "briefing validate" in out
    assert "briefing show" in out


def test_config_prints_overridden_paths(isolated_env: dict[str, Path]) -> None:
    result = run("config")
    out, err = text_of(result)
    assert result.returncode == 0, err
    rows = dict(line.split(":", 1) for line in out.splitlines())
    rows = {key: value.strip() for key, value in rows.items()}
    assert rows["config file"] == str(isolated_env["config"] / "config.toml")
    assert rows["user themes"] == str(isolated_env["config"] / "themes")
    assert rows["data folder"] == str(isolated_env["data"])
    assert rows["database"] == str(isolated_env["data"] / "briefing.db")
    assert Path(rows["sample briefs"], "us-china-trade-talks-kuala-lumpur.toml").is_file()
    # Printing where things live creates nothing.
    assert not isolated_env["config"].exists()
    assert not isolated_env["data"].exists()


# --- the installed script itself ---------------------------------------------------


def test_installed_command_runs(seed_brief_path: Path) -> None:
    command = installed_command()
    version = subprocess.run(
        [str(command), "--version"], capture_output=True, timeout=TIMEOUT, check=False
    )
    assert version.returncode == 0
    assert version.stdout.decode().strip() == f"briefing {briefing.__version__}"
    shown = subprocess.run(
        [str(command), "show", "--now", NOW, str(seed_brief_path)],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    assert TRUCE_COUNTDOWN.encode() in shown.stdout
    validated = subprocess.run(
        [str(command), "validate", str(seed_brief_path)],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert validated.returncode == 0
    assert validated.stdout.decode().strip() == f"OK {seed_brief_path}"


def test_validate_reads_a_file_named_twice_once_and_reports_the_rest(
    tmp_path: Path, seed_brief_path: Path
) -> None:
    # A file named twice (here also inside a folder named) used to stall the in-order
    # printing: nothing after it was printed, its failures not counted, exit status 0.
    shutil.copy(seed_brief_path, tmp_path / "good.toml")
    (tmp_path / "bad.toml").write_bytes(b"")
    good, bad = str(tmp_path / "good.toml"), str(tmp_path / "bad.toml")
    result = run("validate", good, bad, good, str(tmp_path))
    out, _ = text_of(result)
    assert result.returncode == 1
    assert out.splitlines() == [f"OK {good}", out.splitlines()[1]]
    assert out.splitlines()[1].startswith(bad)
