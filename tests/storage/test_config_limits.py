"""config.toml that is not a file, or that is huge: a warning naming the path, and the defaults."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from briefing.storage.config import MAX_WARNINGS, Config, load_config


def load_in_thread(path: Path) -> tuple[Config, list[str]]:
    """Load ``path``; fail (rather than hang the run) if reading blocks."""
    result: list = []
    thread = threading.Thread(target=lambda: result.append(load_config(path)), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "reading the config blocked"
    return result[0]


def test_a_fifo_as_config_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    os.mkfifo(path)
    config, warnings = load_in_thread(path)
    assert config == Config()
    assert warnings == [f"{path}: is a named pipe (FIFO), not a regular file; using defaults"]


def test_dev_zero_as_config_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.symlink_to("/dev/zero")
    config, warnings = load_in_thread(path)
    assert config == Config()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{path}: ") and "not a regular file" in warnings[0]


def test_a_config_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"#" * (1_048_576 + 1))
    config, warnings = load_config(path)
    assert config == Config()
    assert warnings == [f"{path}: is 1,048,577 bytes; the limit is 1 MB; using defaults"]


def test_100000_unknown_keys_give_a_few_grouped_warnings_fast(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    unknown = "".join(f"a{number:x}=1\n" for number in range(90_000))
    not_text = "".join(f"b{number:x}=1\n" for number in range(10_000))
    path.write_text('clock = "12h"\n' + unknown + "[keys]\n" + not_text, encoding="utf-8")
    assert path.stat().st_size < 1_048_576
    started = time.perf_counter()
    config, warnings = load_config(path)
    took = time.perf_counter() - started
    assert config.clock == "12h"
    assert len(warnings) == MAX_WARNINGS + 1
    assert warnings[-1] == f"{path}: and 99,990 more problems like these (ignored)"
    assert all(message.startswith(f"{path}: ") for message in warnings)
    assert took < 5, took  # generous: it was minutes with a suggestion per key


def test_an_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('clok = "12h"\n', encoding="utf-8")
    config, warnings = load_config(path)
    assert config == Config()
    assert warnings == [f"{path}: clok: unknown key; did you mean 'clock'? (ignored)"]
