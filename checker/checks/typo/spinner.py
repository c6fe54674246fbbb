"""Kind ``typo-spinner``: text run through a synonym "spinner" (伪原创) on a 范文 site.

A spinner swaps words for near-synonyms without regard to collocation: 服务 becomes 效劳,
基础 根底, 发展 进展, 贡献 奉献, 回顾 回忆, 研究 讨论.  Each pair of the vocabulary's
``spinner`` lists the official collocations of the original word (服务体系, 基础设施,
教育发展, 贡献率); the spun word is reported where putting the original back rebuilds one
of them around it (效劳体系, 根底设施, 教育进展, 奉献率) — the spun words are right
elsewhere (为人民效劳, 取得进展), so nothing else is reported.  ``allow`` lists spun
compounds that are right as they stand.
"""
from __future__ import annotations

from typing import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.typo.vocabulary import vocabulary
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "right", "phrase"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    fix: bool = True  # offer the standard form as a --fix replacement


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    hits: dict[int, Finding] = {}
    for pair in vocabulary(rule.vocabulary).spinner:
        start = text.find(pair.spun)
        while start >= 0:
            end = start + len(pair.spun)
            rebuilt = _rebuilt(text, start, end, pair.original, pair.collocations)
            phrase = rebuilt[0] if rebuilt else None
            if phrase and not _allowed(text, *rebuilt[1:], pair.allow) and start not in hits:
                spun_phrase = phrase.replace(pair.original, pair.spun, 1)
                hits[start] = Finding(Span(start, end), args={"found": spun_phrase, "right": phrase, "phrase": phrase},
                                      fix=pair.original if params.fix else None)
            start = text.find(pair.spun, end)
    for k in sorted(hits):
        yield hits[k]


def _rebuilt(text: str, start: int, end: int, original: str, collocations: list[str]):
    """The collocation rebuilt around the spun word, with the span of text it covers."""
    for phrase in collocations:
        at = phrase.find(original)
        while at >= 0:
            before, after = phrase[:at], phrase[at + len(original):]
            if text[max(0, start - len(before)):start] == before and text[end:end + len(after)] == after:
                return phrase, start - len(before), end + len(after)
            at = phrase.find(original, at + 1)
    return None


def _allowed(text: str, start: int, end: int, allow: list[str]) -> bool:
    """An allowed compound covers the whole rebuilt collocation (取得积极进展 stays, but
    积极进展党员 is 发展党员 spun: the compound does not reach 党员)."""
    for word in allow:
        k = text.find(word, max(0, start - len(word)), end + len(word))
        while k >= 0 and k < end:
            if k <= start and k + len(word) >= end:
                return True
            k = text.find(word, k + 1, end + len(word))
    return False
