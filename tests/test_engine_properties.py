"""Properties of the whole engine over arbitrary and seed-derived text."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.runner import lint_source
from checker.sources.read import adapt_text
from tests.helpers import default_settings

SEED_TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt")))
SEED_LINES = [l for l in SEED_TEXT.split("\n") if l.strip()]

# Text that looks like the genre: seed lines, cut and shuffled, plus characters that matter.
genre_text = st.lists(
    st.one_of(
        st.sampled_from(SEED_LINES).flatmap(lambda s: st.integers(0, len(s)).map(lambda i: s[:i])),
        st.text(alphabet=st.sampled_from(list("一二三四五六七八九十百千万亿0123456789.%％、，。；：“”（）()《》l O 率达到下降提高个百分点所名元\n\r")), max_size=60),
        st.text(max_size=30),
    ),
    max_size=12,
).map("\n".join)


def _lint(text: str):
    source = adapt_text(text, "prop.txt")
    result = lint_source(source, default_settings())
    return source, result


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(genre_text)
def test_no_rule_crashes_and_spans_lie_inside_the_document(text):
    source, result = _lint(text)
    assert not result.errors, result.errors
    lines = source.text.split("\n")
    for v in result.violations:
        assert 1 <= v.line <= v.end_line <= len(lines)
        assert 1 <= v.column <= len(lines[v.line - 1]) + 1
        assert 1 <= v.end_column <= len(lines[v.end_line - 1]) + 1
        if v.line == v.end_line:
            assert v.column <= v.end_column


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(genre_text)
def test_output_is_identical_across_runs(text):
    _, first = _lint(text)
    _, second = _lint(text)
    assert [v.to_json() for v in first.violations] == [v.to_json() for v in second.violations]


def test_seeds_lint_without_internal_errors():
    for path in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt")):
        _, result = _lint(path.read_text(encoding="utf-8"))
        assert not result.errors, result.errors
