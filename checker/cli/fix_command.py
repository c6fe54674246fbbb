"""`gwlint check --fix` / `--diff`: apply or show the mechanical fixes."""
from __future__ import annotations

import difflib
import re
import sys

from checker.core.signals import terminate_as_interrupt
from checker.engine.fixes import apply_fixes
from checker.engine.problems import RunError
from checker.sources.write import FixSkipped, encode_like, replace_if_unchanged

# Only CR/LF end a line; str.splitlines would also split on U+2028, form feed, etc.
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


_MAX_ROUNDS = 10


def apply_or_show_fixes(run, write: bool, stdin_path: str | None = None, settings=None) -> int:
    """Fix (or diff) every file with fixable violations; return how many files change.

    ``stdin_path`` is the name given to standard input (``--stdin-filename``): its text
    came from the pipe, so it is diffed but never written over the file of that name.
    With ``settings``, fixes skipped for overlapping another one are picked up by linting
    the fixed text again (a few rounds), so one --fix leaves nothing for a second.
    """
    by_path: dict[str, list] = {}
    for v in run.violations:
        if v.fix is not None:
            by_path.setdefault(v.path, []).append(v)
    sources = {r.path: r.source for r in run.results if r.source is not None}
    changed = 0
    for path in sorted(by_path):
        source = sources.get(path)
        if source is None or source.format == "docx" or (path.startswith("<") and path != stdin_path):
            continue  # Word files are reported, never rewritten
        fixed, applied = apply_fixes(source.original, by_path[path])
        if settings is not None:
            fixed, applied = _fix_until_stable(source, fixed, applied, settings)
        if not applied or fixed == source.original:
            continue
        if write and path == stdin_path:
            print(f"gwlint: --fix does not write standard input to {path}; use --diff to see the fixes",
                  file=sys.stderr)
            continue
        changed += 1
        if write:
            try:
                with terminate_as_interrupt():
                    replace_if_unchanged(path, source.digest, encode_like(source, fixed))
            except FixSkipped as exc:
                run.errors.append(RunError(path, f"not fixed: {exc}"))
                continue
            except (OSError, UnicodeEncodeError) as exc:
                # every failed write is an error line and exit 2, never a silent exit 1
                reason = getattr(exc, "strerror", None) or str(exc)
                run.errors.append(RunError(path, f"not fixed: cannot write the fixed file: {reason}"))
                continue
            print(f"gwlint: fixed {applied} problem(s) in {path}", file=sys.stderr)
        else:
            diff = difflib.unified_diff(_diff_lines(source.original), _diff_lines(fixed),
                                        fromfile=f"a/{path}", tofile=f"b/{path}")
            sys.stdout.writelines(diff)
    return changed


def _fix_until_stable(source, fixed: str, applied: int, settings) -> tuple[str, int]:
    from checker.engine.runner import lint_source
    from checker.sources.read import adapt_text

    for _ in range(_MAX_ROUNDS):
        again = adapt_text(fixed, source.path, source.format, encoding=source.encoding, bom=source.bom)
        pending = [v for v in lint_source(again, settings, collect=False).violations if v.fix is not None]
        more, count = apply_fixes(fixed, pending)
        if not count or more == fixed:
            break
        fixed, applied = more, applied + count
    return fixed, applied


def _diff_lines(text: str) -> list[str]:
    """Lines for the diff: CRLF kept (patch applies it), a lone CR shown as a line end
    (a terminal would otherwise overprint the lines), and a missing final line end
    marked the way diff(1) does."""
    lines = [m.group(1) + ("\n" if m.group(2) == "\r" else m.group(2)) for m in _LINE.finditer(text) if m.group()]
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines
