"""`gwlint check --fix` / `--diff`: apply or show the mechanical fixes."""
from __future__ import annotations

import difflib
import sys

from checker.engine.fixes import apply_fixes
from checker.sources.write import encode_like, write_atomically


def apply_or_show_fixes(run, write: bool) -> int:
    """Fix (or diff) every file with fixable violations; return how many files change."""
    by_path: dict[str, list] = {}
    for v in run.violations:
        if v.fix is not None:
            by_path.setdefault(v.path, []).append(v)
    sources = {r.path: r.source for r in run.results if r.source is not None}
    changed = 0
    for path in sorted(by_path):
        source = sources.get(path)
        if source is None or source.format == "docx" or path.startswith("<"):
            continue  # Word files and standard input are reported, never rewritten
        fixed, applied = apply_fixes(source.original, by_path[path])
        if not applied or fixed == source.original:
            continue
        changed += 1
        if write:
            write_atomically(path, encode_like(source, fixed))
            print(f"gwlint: fixed {applied} problem(s) in {path}", file=sys.stderr)
        else:
            diff = difflib.unified_diff(source.original.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}")
            sys.stdout.writelines(line if line.endswith(("\n", "\r")) else line + "\n" for line in diff)
    return changed
