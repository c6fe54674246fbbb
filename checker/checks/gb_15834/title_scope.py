"""``gb-title-scope``: 书名号 around a name that is not a work — a meeting, an event, a course,
a prize, an organisation (GB/T 15834-2011 A.13.1): ``《全市教育工作会议》``,
``《书香校园读书活动》``.  Such names take quotation marks if any mark at all.

A title counts when it ends in a word of ``not_work_endings``; a document about the
thing ends otherwise (``《…会议纪要》``, ``《…活动方案》``) and passes, as do works that
happen to end so (``work_titles``: television programmes such as 中国诗词大会).
"""
from __future__ import annotations

from typing import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.gb_15834 import vocabulary
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "name", "ending"})
_TITLE = compile_skipping(r"《([^《》\n]{2,60})》")


def check(doc, rule) -> Iterator[Finding]:
    vocab = vocabulary(rule)
    endings = sorted(vocab.not_work_endings, key=len, reverse=True)
    if not endings:
        return
    works = set(vocab.work_titles)
    text = doc.text
    for m in _TITLE.finditer(text):
        name = m.group(1)
        if name in works or any(name.endswith(w) for w in works):
            continue
        ending = next((e for e in endings if name.endswith(e)), None)
        if ending is None:
            continue
        yield Finding(Span(m.start(), m.end()), args={"found": m.group(), "name": name, "ending": ending})
