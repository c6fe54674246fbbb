"""The phase stream's rows of cross-document findings are the stamped violations' rows.

``CorpusRows.row`` replaces ``row_of(stamp_resolved(rule, finding, labels), None)`` in
the phase stream and keeps each rendered message for findings with the same arguments;
every case below holds it to that composition, the kept message included: a finding
placed with a Word document's labels (its own or the one it names) after one with the
same arguments rendered for plain text, arguments of types that compare equal, and a
message table that fills up.
"""
from __future__ import annotations

import random

import pytest

from checker.checks.finding import CorpusFinding
from checker.engine.corpus_rows import CorpusRows
from checker.engine.settings import build_settings
from checker.engine.spool import row_of
from checker.engine.stamp import stamp_resolved


@pytest.fixture(scope="module")
def rule():
    settings = build_settings(no_config=True)
    return next(r for r in settings.rules if r.kind == "duplicate-corpus")


def _finding(path, line, other, other_line, **extra):
    args = {"other": other, "other_line": other_line, **extra}
    return CorpusFinding(path, line, 3, line, 20, "一段摘录的文字", args=args, note="seen_in")


def _expected(rule, finding, labels):
    return row_of(stamp_resolved(rule, finding, labels), None)


def test_rows_of_plain_text_findings_are_the_stamped_ones(rule):
    rows = CorpusRows(rule)
    labels = {"b.txt": None, "a.txt": None}
    for line in range(1, 40):
        f = _finding("b.txt", line, "a.txt", line % 5 + 1)
        assert rows.row(f, labels) == _expected(rule, f, labels)
    assert len(rows.messages) == 5            # one message per distinct (other, other_line)


def test_labels_are_never_taken_from_a_kept_message(rule):
    """The same arguments, placed first with no labels, then with the labels of the
    document the finding names, then with the finding's own labels."""
    word = {7: "段落 7", 3: "表格 1 第2行第3列"}
    rows = CorpusRows(rule)
    plain = {"b.txt": None, "a.docx": None}
    named = {"b.txt": None, "a.docx": word}
    own = {"b.docx": word, "a.txt": None}
    empty = {"b.txt": None, "a.docx": {}}     # no labels, but a Word source: 第N字
    for labels, path, other in ((plain, "b.txt", "a.docx"), (named, "b.txt", "a.docx"),
                                (own, "b.docx", "a.txt"), (empty, "b.txt", "a.docx"),
                                (plain, "b.txt", "a.docx")):
        f = _finding(path, 4, other, 7)
        assert rows.row(f, labels) == _expected(rule, f, labels), labels


def test_arguments_equal_as_keys_but_rendered_apart(rule):
    # 1, True and 1.0 are one key for a dict; only the int is placed (other_column_at)
    rule = rule.with_changes(message="复制（{other_column}，{other_column_at}，{share}）")
    rows = CorpusRows(rule)
    labels = {"b.txt": None, "a.txt": None}
    for extra in ({"other_column": 1}, {"other_column": True}, {"other_column": 1.0},
                  {"share": 0.5}, {"share": [1, 2]}, {"other_column": 1}):
        f = _finding("b.txt", 2, "a.txt", 1, **extra)
        assert rows.row(f, labels) == _expected(rule, f, labels), extra


def test_a_full_message_table_starts_again(rule):
    rows = CorpusRows(rule, limit=8)
    rnd = random.Random(3)
    word = {1: "段落 1"}
    for _ in range(500):
        other = rnd.choice(["a.txt", "c.docx", "d.txt"])
        labels = {"b.txt": None, "a.txt": None, "d.txt": None, "c.docx": rnd.choice([None, word])}
        f = _finding("b.txt", rnd.randint(1, 50), other, rnd.randint(1, 12))
        assert rows.row(f, labels) == _expected(rule, f, labels)
        assert len(rows.messages) <= 8
