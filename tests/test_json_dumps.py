"""The JSON report's writer gives json.dumps(build(run), ensure_ascii=False, indent=2) exactly."""
from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine.problems import RunError
from checker.engine.runner import RunResult
from checker.engine.violation import Violation
from checker.report import json_report

texts = st.text()
numbers = st.integers(min_value=0, max_value=10**9)
violations = st.builds(Violation, texts, numbers, numbers, numbers, numbers, texts, texts,
                       st.sampled_from(["error", "warning", "info"]), texts, texts)


def _expected(run) -> str:
    return json.dumps(json_report.build(run), ensure_ascii=False, indent=2) + "\n"


@settings(max_examples=200, deadline=None)
@given(st.lists(violations, max_size=6), st.lists(st.tuples(texts, texts), max_size=2), numbers)
def test_the_report_is_the_text_json_dumps_writes(found, errors, files):
    run = RunResult(files=files, violations=found, errors=[RunError(p, m) for p, m in errors])
    out = io.StringIO()
    json_report.render(run, out, None)
    assert out.getvalue() == _expected(run)


def test_quotes_backslashes_controls_and_line_separators():
    tricky = 'a"\\\n\u2028\x00\t“中文”\U0001F600'
    run = RunResult(files=1, violations=[Violation(tricky, 1, 2, 3, 4, tricky, "c", "info", tricky, tricky)])
    out = io.StringIO()
    json_report.render(run, out, None)
    assert out.getvalue() == _expected(run)
    assert json.loads(out.getvalue())["violations"][0]["message"] == tricky
