"""Properties of config.toml and theme files: any document, any bytes, never an exception.

Random TOML documents (the known keys with random values, random keys, the
``[keys]`` and ``[variables]`` tables filled at random) and random or damaged
bytes: loading returns warnings, never raises; whatever loads can be used by
Textual (a theme's colour system is generated, a keymap is checked) and the
reader starts with the defaults for the rest.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st
from kit import fixed_clock
from ui.uihelpers import settle  # tests/ is the import root (tests/ui is package "ui")

from briefing.storage.config import Config, load_config
from briefing.ui.keymap import all_bindings, check_keymap
from briefing.ui.launch import build_app
from briefing.ui.themes import COLOUR_FIELDS, design_variables, parse_theme

from .profiles import examples
from .strategies import any_text

_scalars = st.one_of(
    any_text,
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
        lambda when: when.replace(tzinfo=UTC)
    ),
    st.sampled_from(
        ["#4EA1FF", "red", "auto 87%", "bold", "red; } X {", "ctrl+n", "j", "24h", "mine"]
    ),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)
    ),
    max_leaves=8,
)
_keys = st.one_of(
    any_text, st.sampled_from(["library", "theme", "clock", "export_format", "keys", "name"])
)
_binding_ids = st.one_of(any_text, st.sampled_from(["brief.clock", "app.notes", "list.down"]))
_variable_names = st.one_of(any_text, st.sampled_from(["footer-key-foreground", "link-style"]))


@st.composite
def config_documents(draw: Any) -> bytes:
    document = draw(st.dictionaries(_keys, _values, max_size=6))
    if draw(st.booleans()):
        document["keys"] = draw(st.dictionaries(_binding_ids, st.one_of(any_text, _values)))
    return tomli_w.dumps(document).encode("utf-8")


@st.composite
def theme_documents(draw: Any) -> bytes:
    document = draw(st.dictionaries(st.one_of(_keys, st.sampled_from(COLOUR_FIELDS)), _values))
    document.setdefault("name", draw(st.sampled_from(["mine", "x", "[b]x"])))
    document.setdefault("primary", draw(st.sampled_from(["#884400", "nope", "red; }"])))
    if draw(st.booleans()):
        document["variables"] = draw(
            st.dictionaries(_variable_names, st.one_of(_scalars, _values), max_size=4)
        )
    return tomli_w.dumps(document).encode("utf-8")


def _damaged(documents: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(
        documents,
        st.binary(max_size=300),
        st.tuples(documents, st.integers(0, 400), st.binary(max_size=8)).map(
            lambda parts: parts[0][: parts[1]] + parts[2] + parts[0][parts[1] :]
        ),
    )


@examples(80, 2000)
@given(data=_damaged(config_documents()))
def test_a_config_file_never_raises(tmp_path_factory, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("config")) / "config.toml"
    path.write_bytes(data)
    config, warnings = load_config(path)
    assert isinstance(config, Config)
    assert all(isinstance(w, str) and "\n" not in w and "\x1b" not in w for w in warnings)
    assert len(warnings) <= 11
    keymap, problems = check_keymap(config.keys, str(path), all_bindings())
    assert set(keymap) <= set(config.keys)
    assert all("\n" not in problem and "\x1b" not in problem for problem in problems)


@examples(80, 2000)
@given(data=_damaged(theme_documents()))
def test_a_theme_file_never_raises_and_what_loads_textual_takes(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # load_themes refuses it before parsing (tested in tests/ui/test_theme_values.py)
    theme, warnings = parse_theme(text, "mine.toml")
    assert all("\n" not in w and "\x1b" not in w for w in warnings)
    assert len(warnings) <= 11
    if theme is not None:
        assert set(theme.variables) <= set(design_variables())
        theme.to_color_system().generate()


async def _start(config_dir: Path, config: bytes, theme: bytes) -> None:
    (config_dir / "themes").mkdir(parents=True, exist_ok=True)
    (config_dir / "config.toml").write_bytes(config)
    (config_dir / "themes" / "mine.toml").write_bytes(theme)
    app = build_app(clock=fixed_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.theme in app.available_themes


@examples(ci=6, deep_count=100)
@given(config=_damaged(config_documents()), theme=_damaged(theme_documents()))
def test_the_reader_starts_with_any_config_and_theme(config: bytes, theme: bytes) -> None:
    saved = os.environ["BRIEFING_CONFIG_DIR"]  # the autouse isolated_env restores it anyway
    with tempfile.TemporaryDirectory() as folder:
        os.environ["BRIEFING_CONFIG_DIR"] = folder
        try:
            asyncio.run(_start(Path(folder), config, theme))
        finally:
            os.environ["BRIEFING_CONFIG_DIR"] = saved
