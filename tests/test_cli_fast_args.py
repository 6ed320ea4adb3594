"""The reader's arguments read without argparse agree with argparse, or defer to it."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cli import parser

TOKENS = [
    "--theme",
    "--theme=briefing-light",
    "--theme=",
    "--data-dir",
    "--data-dir=/d=x",
    "--config-dir",
    "--config-dir=/c",
    "--now",
    "2025-10-26T13:55+03:00",
    "--help",
    "--version",
    "--th",
    "--data",
    "--",
    "-",
    "-x",
    "-1",
    "",
    "brief.toml",
    "some folder/",
    "validate",
    "é",
]


def by_argparse(arguments: list[str]) -> tuple[object, ...] | None:
    """What argparse makes of ``arguments``, or None when it refuses them (or exits)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            parsed = parser.reader_parser().parse_args(arguments)
        except SystemExit:
            return None
    return (parsed.path, parsed.theme, parsed.data_dir, parsed.config_dir, parsed.now)


def by_fast(arguments: list[str]) -> tuple[object, ...] | None:
    opening = parser.reader_fast(arguments)
    if opening is None:
        return None
    return (opening.path, opening.theme, opening.data_dir, opening.config_dir, opening.now)


@pytest.mark.parametrize(
    "arguments",
    [
        [],
        ["brief.toml"],
        ["--data-dir", "/d", "--config-dir", "/c", "lib"],
        ["lib", "--theme", "briefing-light"],
        ["--theme=briefing-light", "--data-dir=/d"],
        ["--theme", "a", "--theme", "b"],
    ],
)
def test_the_plain_forms_are_read_as_argparse_reads_them(arguments: list[str]) -> None:
    fast = by_fast(arguments)
    assert fast is not None
    assert fast == by_argparse(arguments)


@pytest.mark.parametrize(
    "arguments",
    [["--now", "2025-10-26T13:55+03:00"], ["--help"], ["--th", "x"], ["a", "b"], ["--theme"]],
)
def test_anything_else_goes_to_argparse(arguments: list[str]) -> None:
    assert by_fast(arguments) is None


@given(st.lists(st.sampled_from(TOKENS), max_size=6))
@settings(max_examples=400, deadline=None)
def test_the_fast_reading_never_disagrees_with_argparse(arguments: list[str]) -> None:
    fast = by_fast(arguments)
    if fast is not None:
        assert by_argparse(arguments) == fast
