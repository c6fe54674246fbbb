"""``gb-doc-number``: a 发文字号 not in the form of GB/T 9704-2012 7.2.5 — the year, in full,
in 六角括号 〔〕; the sequence number without 第 and without leading zeros; then 号:
``京政发〔2023〕5号``.  Reported: ``[2023]``, ``（2023）``, ``【2023】`` and other
brackets, ``〔23〕``, ``第5号``, ``05号``, wherever the number stands (the 版头 or a
document cited in the text), with the whole number rewritten as the fix.

A number in the right brackets counts with any prefix; in other brackets only after two
or more Chinese characters (the organ's code), so ``（2023）5号楼`` or a standard number
such as ``GB/T 9704-2012`` is not taken for one.
"""
from __future__ import annotations

from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_9704 import vocabulary
from checker.model.span import Span
from checker.core.patterns import literal_scan

MESSAGE_ARGS = frozenset({"found", "fixed"})


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    regex = vocab.regex("doc_number")
    if regex is None or len(vocab.doc_number_brackets) != 2:
        return
    open_, close = vocab.doc_number_brackets
    text = doc.text
    for m in literal_scan(regex).finditer(text):      # searched near the literal it needs only
        right_brackets = m.group("open") == open_ and m.group("close") == close
        prefix = m.group("prefix")
        after = text[m.end():m.end() + 4]
        if any(after.startswith(w) for w in vocab.doc_number_not_before):
            continue   # 5号楼, 3号线: a place or a line, not a document
        if not right_brackets and (len(prefix) < 2 or prefix[-1] not in vocab.doc_code_endings):
            continue
        year = m.group("year")
        if len(year) != 4:
            own = doc.year_at(m.start())
            century = own // 100 * 100 if own else 2000
            full = century + int(year[-2:])
            if own and full > own + 1:
                full -= 100
            year = str(full)
        seq = str(int(m.group("seq"))) if m.group("seq").strip("0") else m.group("seq")
        written = text[m.start("open"):m.end()]
        fixed = f"{open_}{year}{close}{seq}{m.group('hao')}"
        if fixed == written:
            continue
        code = prefix[-4:]   # enough of the organ's code to show which number it is
        yield Finding(Span(m.start("open"), m.end()), args={"found": code + written, "fixed": code + fixed},
                      fix=fixed)
