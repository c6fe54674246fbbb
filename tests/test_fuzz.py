"""Fuzzing as a habit: generated documents through every rule, in text and Markdown.

Small in CI (GWLINT_FUZZ_EXAMPLES examples per property, 40 by default); the long run
of 100,000 documents is benchmarks/fuzz.py.  Each property asserts no exception, no
internal error or budget overrun, spans inside the text, fixes inside the original and
a per-document CPU bound.
"""
from __future__ import annotations

import os
import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.runner import lint_source
from checker.sources.read import adapt_text
from tests.fuzz_tokens import CLASSES, mutate, pathological, seed_lines, token_soup
from tests.helpers import default_settings

EXAMPLES = int(os.environ.get("GWLINT_FUZZ_EXAMPLES", "40"))
SEED_LINES = seed_lines()
PER_DOCUMENT_CPU = 10.0

token = st.one_of(*[st.sampled_from(pool) for pool in CLASSES])
soups = st.lists(token, max_size=120).map("".join)
mutated = st.tuples(st.sampled_from(SEED_LINES), st.integers(0, 2**32 - 1), st.integers(1, 8)).map(
    lambda t: mutate(random.Random(t[1]), t[0], t[2]))
shapes = st.tuples(st.integers(0, 2**32 - 1), st.sampled_from([50, 400, 3000])).map(
    lambda t: pathological(random.Random(t[0]), t[1]))
documents = st.one_of(soups, mutated, st.lists(mutated, max_size=6).map("\n".join), shapes,
                      st.integers(0, 2**32 - 1).map(lambda n: token_soup(random.Random(n), 300)))
formats = st.sampled_from([("t.txt", "text"), ("t.md", "markdown")])


def _check(text: str, path: str, fmt: str) -> None:
    start = time.process_time()
    source = adapt_text(text, path, fmt)
    result = lint_source(source, default_settings())
    assert time.process_time() - start <= PER_DOCUMENT_CPU
    assert result.errors == []
    lines = source.text.split("\n")
    for v in result.violations:
        assert 1 <= v.line <= v.end_line <= len(lines), v
        assert 1 <= v.column <= len(lines[v.line - 1]) + 1, v
        assert 1 <= v.end_column <= len(lines[v.end_line - 1]) + 1, v
        if v.line == v.end_line:
            assert v.column <= v.end_column, v
        if v.fix is not None:
            assert 0 <= v.fix.start <= v.fix.end <= len(source.original), v


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, formats)
def test_generated_documents_never_crash_and_stay_in_bounds(text, where):
    _check(text, *where)


@settings(max_examples=max(5, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["\r\n", "\r", "\n", "\u2028", "\ufeff", "\u3000", "“", "（", "1.", "> ", "- "]),
                max_size=40).map("".join), st.sampled_from(SEED_LINES))
def test_line_ends_and_marks_around_a_seed_line(noise, line):
    _check(noise + line + noise, "t.md", "markdown")
    _check(noise + line + noise, "t.txt", "text")
