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

from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.typo.vocabulary import vocabulary
from checker.checks.typo.word_places import WordPlaces
from checker.model.lexicon import built_from
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"found", "right", "phrase"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    fix: bool = True  # offer the standard form as a --fix replacement


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    hits: dict[int, Finding] = {}
    scan = _word_places(rule)
    found = scan.places(text) if scan is not None else None
    for pair in vocabulary(rule.vocabulary).spinner:
        starts = found.get(pair.spun, ()) if found is not None else _places_by_find(text, pair.spun)
        shapes = _shapes(pair.original, tuple(pair.collocations)) if starts else {}
        for start in starts:
            end = start + len(pair.spun)
            rebuilt = _rebuilt(text, start, end, shapes)
            phrase = rebuilt[0] if rebuilt else None
            if phrase and not _allowed(text, *rebuilt[1:], pair.allow) and start not in hits:
                spun_phrase = phrase.replace(pair.original, pair.spun, 1)
                hits[start] = Finding(Span(start, end), args={"found": spun_phrase, "right": phrase, "phrase": phrase},
                                      fix=pair.original if params.fix else None)
    for k in sorted(hits):
        yield hits[k]


def _word_places(rule) -> WordPlaces | None:
    """The spun words' places found in one pass (``WordPlaces``), made once per
    vocabulary; None when a spun word is a single character (``_places_by_find`` then)."""
    return built_from(rule.vocabulary, ("typo-spinner-places",),
                      lambda lexicon: WordPlaces.of(pair.spun for pair in vocabulary(lexicon).spinner))


def _places_by_find(text: str, word: str) -> list[int]:
    """The starts of ``word`` found one after another by ``find`` (each search from the
    end of the occurrence before)."""
    out = []
    start = text.find(word)
    while start >= 0:
        out.append(start)
        start = text.find(word, start + len(word))
    return out


@lru_cache(maxsize=256)
def _shapes(original: str, collocations: tuple[str, ...]) -> dict[str, tuple]:
    """Each place a collocation holds ``original`` — (its rank, the collocation, the text
    before and after ``original`` there) — in the order ``_rebuilt`` tries them
    (collocation by collocation, place by place), filed by the first character after
    ``original`` ("" when the collocation ends with it)."""
    filed: dict[str, list] = {}
    rank = 0
    for phrase in collocations:
        at = phrase.find(original)
        while at >= 0:
            before, after = phrase[:at], phrase[at + len(original):]
            filed.setdefault(after[:1], []).append((rank, phrase, before, after))
            rank += 1
            at = phrase.find(original, at + 1)
    return {key: tuple(places) for key, places in filed.items()}


def _rebuilt(text: str, start: int, end: int, shapes: dict[str, tuple]):
    """The collocation rebuilt around the spun word, with the span of text it covers: the
    first of ``_shapes`` whose text before and after the original stand around it.  Only
    the places whose next character is the text's after the spun word, or that end with
    the original, can match: the first match among those two files (lowest rank) is the
    first of all."""
    following = text[end:end + 1]
    best = None
    for key in (following, "") if following else ("",):
        for rank, phrase, before, after in shapes.get(key, ()):
            if best is not None and rank >= best[0]:
                break
            if text[max(0, start - len(before)):start] == before and text[end:end + len(after)] == after:
                best = (rank, phrase, start - len(before), end + len(after))
                break
    return None if best is None else best[1:]


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
