"""The shape of the code: no module over 400 lines, no function over 60 without a reason,
imports at the top of modules.

A module that long usually holds two things, and a function that long usually
does two (issue 14). A function may stay long when its docstring says why, with
the words "long because". The allowlists below are what was still too long when
this test was written; they may only shrink.

An import inside a function is deferred start-up work: it is allowed only with a
one-line ``# deferred: <reason>`` comment on it or just above it (the edge between
the app and a screen, a command module, pydantic kept out of the first frame).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "briefing"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

LONG_MODULES_ALLOWED: set[str] = set()
LONG_FUNCTIONS_ALLOWED: set[str] = set()


def _modules() -> list[Path]:
    return sorted(ROOT.rglob("*.py"))


def long_modules() -> list[str]:
    """Modules over the limit, as paths under ``briefing/``."""
    found = []
    for path in _modules():
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_MODULE_LINES:
            found.append(path.relative_to(ROOT).as_posix())
    return found


def long_functions() -> list[str]:
    """Functions over the limit whose docstring gives no reason, as ``path:qualname``."""
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        stack: list[tuple[ast.AST, str]] = [(tree, "")]
        while stack:
            node, prefix = stack.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                    name = f"{prefix}{child.name}"
                    stack.append((child, name + "."))
                    if isinstance(child, ast.ClassDef):
                        continue
                    length = (child.end_lineno or child.lineno) - child.lineno + 1
                    reason = "long because" in (ast.get_docstring(child) or "")
                    if length > MAX_FUNCTION_LINES and not reason:
                        found.append(f"{path.relative_to(ROOT).as_posix()}:{name}")
    return sorted(found)


DEFERRED_IMPORTS_NOT_CHECKED: tuple[str, ...] = ()
"""Modules exempt from the rule (none now; this may only stay empty)."""


def _has_reason(lines: list[str], node: ast.Import | ast.ImportFrom, imports: set[int]) -> bool:
    """True when the import, or the comment just above its group of imports, says why."""
    end = node.end_lineno or node.lineno
    if any("# deferred:" in lines[i - 1] for i in range(node.lineno, end + 1)):
        return True
    line = node.lineno - 1
    while line >= 1 and (line in imports or not lines[line - 1].strip()):
        line -= 1
    return line >= 1 and lines[line - 1].strip().startswith("# deferred:")


def unexplained_function_imports() -> list[str]:
    """Imports inside functions without a ``# deferred:`` reason, as ``path:line``."""
    found = []
    for path in _modules():
        where = path.relative_to(ROOT).as_posix()
        if where.startswith(DEFERRED_IMPORTS_NOT_CHECKED):
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source)
        inner: list[ast.Import | ast.ImportFrom] = []
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                inner += [
                    node
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]
        imports = {
            line
            for node in inner
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)
        }
        for node in {id(node): node for node in inner}.values():
            if not _has_reason(lines, node, imports):
                found.append(f"{where}:{node.lineno}")
    return sorted(set(found))


def test_no_module_is_over_400_lines() -> None:
    assert sorted(set(long_modules()) - LONG_MODULES_ALLOWED) == []


def test_no_function_is_over_60_lines_without_a_reason() -> None:
    assert sorted(set(long_functions()) - LONG_FUNCTIONS_ALLOWED) == []


def test_imports_inside_functions_say_why_they_are_deferred() -> None:
    assert unexplained_function_imports() == []
