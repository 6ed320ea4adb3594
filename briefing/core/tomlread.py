"""Reading TOML: the compiled ``tomli`` when installed, else the standard library's ``tomllib``.

Both are the same parser (``tomllib`` is ``tomli`` vendored into Python), with
the same results and error messages; the mypyc-compiled wheel of ``tomli``
parses a typical brief about three times faster, which is most of the cost of
indexing or validating a large library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # The same API; the checker reads the standard library's stubs.
    from tomllib import TOMLDecodeError, loads
else:
    try:
        from tomli import TOMLDecodeError, loads
    except ImportError:  # pragma: no cover - tomli is a dependency; this is the fallback
        from tomllib import TOMLDecodeError, loads

__all__ = ["TOMLDecodeError", "loads"]
