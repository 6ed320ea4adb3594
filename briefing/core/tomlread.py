"""Reading TOML: briefing's one TOML reader, the compiled ``tomli`` (else ``tomllib``).

Both are the same parser (``tomllib`` is ``tomli`` vendored into Python), with
the same results and error messages; the mypyc-compiled wheel of ``tomli``
parses a typical brief about three times faster, which is most of the cost of
indexing or validating a large library, and its errors carry their line and
column (Python 3.11's ``tomllib`` gives them only in the message). Brief files,
``config.toml`` and theme files are all read here, so one parser is imported.

The parser is imported with the first TOML text read, not with this module: a
brief the library index knows is shown without reading any TOML (issue 15; the
parser's modules cost about 3 ms before the first frame).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # The same API; the checker reads the standard library's stubs.
    from tomllib import TOMLDecodeError

__all__ = ["TOMLDecodeError", "loads"]


def loads(text: str) -> dict[str, Any]:
    """Parse ``text`` as TOML (raises :class:`TOMLDecodeError` with its line and column)."""
    return _parser().loads(text)  # type: ignore[no-any-return]


def __getattr__(name: str) -> Any:
    # ``except tomlread.TOMLDecodeError`` is only looked up once an error is raised, by
    # which time loads() has imported the parser.
    if name == "TOMLDecodeError":
        return _parser().TOMLDecodeError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _parser() -> Any:
    try:
        # deferred: the parser with the first TOML read (a known brief needs none)
        import tomli

        return tomli
    except ImportError:  # pragma: no cover - tomli is a dependency; this is the fallback
        # deferred: the parser with the first TOML read (a known brief needs none)
        import tomllib

        return tomllib
