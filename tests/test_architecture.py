"""The layering holds and no module imports itself round a cycle.

Both read the import graph that grimp builds from the source, which includes imports
written inside functions: a lazy import cannot hide a cycle or a layer breach.
"""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contract_is_kept():
    proc = subprocess.run([str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    nodes = sorted(graph.modules)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_import_cycle_among_checker_modules():
    # Imports under ``if TYPE_CHECKING:`` are for annotations only and never run.
    graph = grimp.build_graph("checker", cache_dir=None, exclude_type_checking_imports=True)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path, monkeypatch):
    pkg = tmp_path / "cyclepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from cyclepkg import b\n")
    (pkg / "b.py").write_text("import cyclepkg.a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("cyclepkg", cache_dir=None)
    assert _cycles(graph) == [["cyclepkg.a", "cyclepkg.b"]]


# -- no vocabulary in the checks' code ---------------------------------------------------------
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Literals that may keep Han characters, each with the reason.
HAN_EXCEPTIONS: dict[str, str] = {}


def _han_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and HAN.search(node.value) and node.value not in HAN_EXCEPTIONS]


def test_no_chinese_words_or_messages_in_check_code():
    """Words live in the family vocabulary, messages in the pack: checks are code only."""
    found = {str(p.relative_to(ROOT)): lits for p in sorted((ROOT / "checker" / "checks").rglob("*.py"))
             if (lits := _han_literals(p))}
    assert not found, "\n".join(f"{path}:{line}: {text!r}" for path, lits in found.items() for line, text in lits)


def test_the_han_literal_finder_sees_literals_but_not_docstrings(tmp_path):
    sample = tmp_path / "k.py"
    sample.write_text('"""说明。"""\nWORDS = ["达到"]\n# 注释\n', encoding="utf-8")
    assert _han_literals(sample) == [(2, "达到")]
