"""What briefing's own modules do as they are imported on the way to a brief's first
frame (issue 15): each ``@dataclass`` compiles its methods from source, and each
module-level ``re.compile`` runs Python's regex compiler, both as the module is imported.

Counted in a subprocess that imports what ``briefing FILE`` imports for a known brief's
first frame: the command line, the app, and the reader's modules
(:data:`~briefing.ui.screens.library_loading.READER_MODULES`).
"""

from __future__ import annotations

import json
import subprocess
import sys

COUNTING = """
import dataclasses, re, sys

declared = []
process_class = dataclasses._process_class

def counted(cls, *args, **kwargs):
    frozen = args[5] if len(args) > 5 else kwargs.get("frozen")
    if cls.__module__.startswith("briefing."):
        declared.append([f"{cls.__module__}.{cls.__qualname__}", bool(frozen)])
    return process_class(cls, *args, **kwargs)

dataclasses._process_class = counted
compiled = []
compile_pattern = re._compile

def traced(pattern, flags):
    caller = sys._getframe(1)
    while caller is not None and caller.f_globals.get("__name__") in ("re", "enum"):
        caller = caller.f_back
    module = caller.f_globals.get("__name__", "") if caller is not None else ""
    if module.startswith("briefing.") and caller.f_code.co_name == "<module>":
        compiled.append(module)
    return compile_pattern(pattern, flags)

re._compile = traced
"""

IMPORTS = """
import importlib, json
import briefing.cli.open_reader, briefing.cli.parser, briefing.ui.launch, briefing.ui.app
from briefing.ui.screens.library_loading import READER_MODULES

for name in READER_MODULES:
    importlib.import_module(name)
"""

REPORT = """
sys.stdout.write(json.dumps({"declared": declared, "compiled": compiled}))
"""

MOST_RECORDS = 22
"""Dataclasses briefing declares before a known brief's first frame (each ~0.15-0.6 ms).
The key bar's keys, compared but never changed, are a NamedTuple."""

MOST_FROZEN = 7
"""Of them, frozen ones (two more methods compiled each): the core records shared with
workers (problems, library rows, anchors, notes and bookmarks, drafts) and the sections'
registry. Small immutable records elsewhere (countdowns, a row's deadlines) are NamedTuples."""

REGEX_AT_IMPORT = {
    "briefing.ui.themes",  # the theme files, read to build the app
    "briefing.ui.widgets.virtual_wrap",  # wrapping every row of the panes
    "briefing.core.markdown_text",  # the summary's Markdown
    "briefing.ui.render",  # every row's text
    "briefing.core.normalized",  # the loaders of a known brief's models
}
"""The modules that compile a regex as they are imported before the first frame: those
whose patterns the first frame uses. Others compile theirs when first used."""


def test_first_frame_modules_declare_few_records_and_compile_few_regexes() -> None:
    """At most :data:`MOST_RECORDS` dataclasses (at most :data:`MOST_FROZEN` frozen) are
    declared, and only :data:`REGEX_AT_IMPORT` compile a regex, as they are imported."""
    script = COUNTING + IMPORTS + REPORT
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    declared = found["declared"]
    assert len(declared) <= MOST_RECORDS, "\n".join(name for name, _frozen in declared)
    assert len([name for name, frozen in declared if frozen]) <= MOST_FROZEN, declared
    assert set(found["compiled"]) <= REGEX_AT_IMPORT
