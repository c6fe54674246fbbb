"""How many inputs a run checked and how many it could not: the counts every report states.

``run.files`` is what the JSON contract calls ``files``: the documents the run set out to
check, a path that does not exist left out (reports/json-contract.md).  ``run.errors``
holds one line per problem, and three kinds of line do not mean the same:

- an input that was not checked (unreadable, undecodable, too large, out of time, a
  missing path);
- a rule that crashed or ran out of its time on a file: the file was checked by every
  other rule, so it stays a checked file;
- a fix that could not be written: the file was checked.

A missing path is not among ``run.files``, so it must not be taken from them again: the
text summary once said "1 problem in 0 files" for ``gwlint check a.txt missing.txt``.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.engine.problems import MISSING_PATH, RunError


@dataclass(frozen=True)
class InputCounts:
    checked: int            # inputs every rule ran on (a rule failure leaves its file checked)
    not_checked: int        # inputs that could not be checked, missing paths included
    rule_failures: int      # lines of a rule that crashed or ran out of time on a file
    fix_failures: int       # fixes that could not be written


def input_counts(run) -> InputCounts:
    rule_failures = fix_failures = 0
    unread: set[str] = set()
    missing: set[str] = set()
    for line in run.errors:
        error = RunError.of(line)
        if error.message.startswith(("internal error in rule", "rule-timeout:")):
            rule_failures += 1
        elif error.message.startswith("not fixed:"):
            fix_failures += 1
        elif error.message == MISSING_PATH:
            missing.add(error.path)
        else:
            unread.add(error.path)
    return InputCounts(checked=max(run.files - len(unread), 0), not_checked=len(unread) + len(missing),
                       rule_failures=rule_failures, fix_failures=fix_failures)
