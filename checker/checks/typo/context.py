"""Kind ``typo-context``: a misspelling that depends on its neighbours.

The vocabulary's ``context`` maps a table name (the rule's ``table``) to entries of a
regular expression (``pattern``, which may name word classes of ``classes`` as
``{verb}``), the ``wrong`` text inside the match that is reported, and its ``right``
form: 截止 before a date is 截至, 即要 answered by 又 is 既要, 必需 before a verb is
必须, the guiding thought without its author's name is a filtered text.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.typo.vocabulary import vocabulary
from checker.model.lexicon import built_from
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "right", "note"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    table: str = Field(min_length=1)   # which table of the vocabulary's `context` map (patterns in context)
    fix: bool = True                   # offer the right form as a --fix replacement


def entries_for(rule) -> list[tuple[re.Pattern[str], str, str, str]]:
    params: Params = rule.params

    def build(lexicon):
        vocab = vocabulary(lexicon)
        out = []
        for entry in vocab.context.get(params.table, []):
            out.append((compile_skipping(vocab.expand(entry.pattern)), entry.wrong, entry.right, entry.note))
        return out

    return built_from(rule.vocabulary, ("typo-context", params.table), build)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    hits: dict[int, Finding] = {}
    for regex, wrong, right, note in entries_for(rule):
        if wrong not in text:
            continue
        for m in literal_scan(regex).finditer(text):
            k = text.find(wrong, m.start(), m.end())
            if k < 0 or k in hits:
                continue
            hits[k] = Finding(Span(k, k + len(wrong)), args={"found": wrong, "right": right, "note": note},
                              fix=right if params.fix else None)
    for k in sorted(hits):
        yield hits[k]
