"""What the issue-6 benchmarks run on: generated data, programs, markers, environments.

* The 5,000-brief library and the 20,000-quote / 2,000-participant brief are made by
  ``generate.py`` from a fixed seed into a cache folder (``benchmarks/.cache/`` by
  default, ignored by git) and reused while ``generate.py`` and the sizes are
  unchanged (a stamp file holds a hash of both).
* The Markdown renderings that ``less`` and Frogmouth open are made fresh in the
  run's temporary folder with ``briefing show --plain`` (Markdown: ``#`` headings and
  ``-`` lists).
* Every program runs with HOME, XDG_* and briefing's data and config folders inside
  that temporary folder, so nothing reads or writes the real home.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)
import ptyrun  # noqa: E402

CACHE = HERE / ".cache"
SEED_BRIEF = REPO / "sample_briefs" / "us-china-trade-talks-kuala-lumpur.toml"
SEED = 1
LIBRARY_N = 5000
BIG_QUOTES, BIG_PARTICIPANTS = 20_000, 2_000
SEED_TITLE = "US, China agree"
SEED_QUOTE = "“preliminary consensus”"  # the first quote: only the quotes pane shows it
FROGMOUTH_ENV = "BRIEFING_BENCH_FROGMOUTH"


# ------------------------------------------------------------------ generated data


def _stamp(kind: str, *params: object) -> str:
    digest = hashlib.sha256((HERE / "generate.py").read_bytes())
    digest.update(repr((kind, SEED, *params)).encode())
    return digest.hexdigest()


def _fresh(target: Path, stamp: str) -> bool:
    stamp_file = target.with_name(target.name + ".stamp")
    return target.exists() and stamp_file.exists() and stamp_file.read_text() == stamp


def _mark(target: Path, stamp: str) -> None:
    target.with_name(target.name + ".stamp").write_text(stamp)


def library(cache: Path = CACHE, n: int = LIBRARY_N, seed: int = SEED) -> Path:
    """The generated library of ``n`` briefs (made once, then reused)."""
    target = cache / f"library-{n}-seed{seed}"
    stamp = _stamp("library", n, seed)
    if not _fresh(target, stamp):
        shutil.rmtree(target, ignore_errors=True)
        cache.mkdir(parents=True, exist_ok=True)
        generate.library(seed, n, target)
        _mark(target, stamp)
    return target


def big_brief(
    cache: Path = CACHE,
    quotes: int = BIG_QUOTES,
    participants: int = BIG_PARTICIPANTS,
    seed: int = SEED,
) -> Path:
    """The generated brief with ``quotes`` quotes and ``participants`` participants."""
    target = cache / f"big-{quotes}q-{participants}p-seed{seed}.toml"
    stamp = _stamp("big", quotes, participants, seed)
    if not _fresh(target, stamp):
        cache.mkdir(parents=True, exist_ok=True)
        generate.big(seed, quotes, participants, target)
        _mark(target, stamp)
    return target


# ------------------------------------------------------------------------ markers


@dataclass
class BigMarkers:
    """Regexes for the big brief's screens, read from the brief itself."""

    title: str  # its title: the first paint
    first_quote: str  # the first quote: the quotes are listed
    last_quote: str  # the last quote: `G` reached the end
    speaker: str  # the first speaker in the picker after "All speakers"
    filtered: str  # the quotes pane filtered by that speaker: title and first quote
    speaker_quotes: int


def big_markers(path: Path) -> BigMarkers:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    quotes = data["quotes"]
    spoke = {q["speaker"] for q in quotes if q.get("speaker")}
    person = next(p for p in data["participants"] if p["id"] in spoke)
    theirs = [q for q in quotes if q.get("speaker") == person["id"]]
    return BigMarkers(
        title=re.escape(data["title"]),
        first_quote=ptyrun.wrapped(quotes[0]["text"]),
        last_quote=ptyrun.wrapped(quotes[-1]["text"]),
        speaker=person["name"],
        # The pane title reads "3 Quotes · NAME (N of 20000) · s: change", cut to the
        # pane's width; the first of the speaker's quotes must be listed too.
        filtered=rf"(?s)Quotes · {re.escape(person['name'])}.*" + ptyrun.wrapped(theirs[0]["text"]),
        speaker_quotes=len(theirs),
    )


def seed_last_quote() -> str:
    data = tomllib.loads(SEED_BRIEF.read_text(encoding="utf-8"))
    return ptyrun.wrapped(data["quotes"][-1]["text"])


def last_line(markdown: Path) -> str:
    """A regex for the last non-blank line of a Markdown file, as a viewer wraps it
    (without its list bullet)."""
    lines = [ln for ln in markdown.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return ptyrun.wrapped(lines[-1].lstrip("-*• "))


# ----------------------------------------------------------------------- programs


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    if script.exists():
        return [str(script)]
    found = shutil.which("briefing")
    if found:
        return [found]
    raise SystemExit(
        f"the briefing command is not installed next to {sys.executable}; "
        "run with the project's virtualenv (pip install -e .)"
    )


def bare_command() -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py")]


def less_command() -> list[str] | None:
    found = shutil.which("less") or ("/usr/bin/less" if Path("/usr/bin/less").exists() else None)
    return [found] if found else None


def frogmouth_command(option: str | None = None) -> tuple[list[str] | None, str]:
    """The Frogmouth executable from --frogmouth, $BRIEFING_BENCH_FROGMOUTH, or a
    venv at /tmp/frogmouth-venv; with a note saying where it came from or why not."""
    candidates = [
        (option, "--frogmouth"),
        (os.environ.get(FROGMOUTH_ENV), f"${FROGMOUTH_ENV}"),
        ("/tmp/frogmouth-venv/bin/frogmouth", "/tmp/frogmouth-venv"),
    ]
    for value, origin in candidates:
        if not value:
            continue
        path = Path(value)
        if path.is_dir():  # a venv
            path = path / "bin" / "frogmouth"
        if path.is_file() and os.access(path, os.X_OK):
            return [str(path)], f"frogmouth: {path} (from {origin})"
        if origin != "/tmp/frogmouth-venv":
            return None, f"frogmouth: {value} (from {origin}) is not an executable; skipped"
    return None, (
        f"frogmouth: not found (give --frogmouth PATH or ${FROGMOUTH_ENV}; install "
        "it in its own venv: python3 -m venv /tmp/frogmouth-venv && "
        "/tmp/frogmouth-venv/bin/pip install frogmouth); skipped"
    )


def markdown(brief: Path, out: Path) -> Path:
    """``briefing show --plain BRIEF`` (Markdown) written to ``out``."""
    proc = subprocess.run(
        [*briefing_command(), "show", "--plain", str(brief)],
        capture_output=True,
        env=environment(out.parent),
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"briefing show --plain {brief} failed: {proc.stderr.decode()[-500:]}")
    out.write_bytes(proc.stdout)
    return out


# -------------------------------------------------------------------- environment


def environment(tmp: Path) -> dict[str, str]:
    """The caller's environment with every home-ish folder inside ``tmp``."""
    env = dict(os.environ)
    # PYTHONDONTWRITEBYTECODE too: with it, an editable install recompiles every one of
    # briefing's modules on each start, which no installed copy does (pip compiles them).
    for name in (
        "LINES",
        "COLUMNS",
        "COLORTERM",
        "NO_COLOR",
        "LESS",
        "LESSOPEN",
        "LESSCLOSE",
        "TEXTUAL",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    home = tmp / "home"
    env.update(
        {
            "TERM": "xterm-256color",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "LESSHISTFILE": "-",
            "BRIEFING_DATA_DIR": str(tmp / "data"),
            "BRIEFING_CONFIG_DIR": str(tmp / "config"),
        }
    )
    home.mkdir(parents=True, exist_ok=True)
    return env


def compile_sources() -> None:
    """Compile briefing's modules to bytecode, as ``pip install`` leaves an installed copy."""
    import compileall

    package = Path(__file__).resolve().parent.parent / "briefing"
    compileall.compile_dir(str(package), quiet=1)


def briefing_ui(tmp: Path, target: Path, data: Path | None = None) -> list[str]:
    """``briefing --data-dir ... --config-dir ... TARGET`` with folders inside ``tmp``."""
    return [
        *briefing_command(),
        "--data-dir",
        str(data or tmp / "data"),
        "--config-dir",
        str(tmp / "config"),
        str(target),
    ]
