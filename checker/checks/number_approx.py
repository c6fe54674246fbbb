"""``number-approx-redundant``: two approximation words on one figure, saying the same
thing twice: ``至少建设4个以上``, ``约4000人左右``, ``超过90%以上``, ``近50余所``.

The pairs live in the data (``redundant_approximations``: groups of ``before`` and
``after`` words).  The figure follows the ``before`` word directly or after at most
``gap`` characters of a verb (``至少建设4个``); a ``以上``/``左右`` word may follow
the figure's unit and a short noun (``4个以上``, ``5000人左右``), while ``余``/``多``
must stand right after the figure or its magnitude (``近50余所``, ``近3万余人``), so
``近3年多所学校`` (多所 = many schools) is not read as one.  Nothing crosses
punctuation.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.span import Span

MESSAGE_ARGS = frozenset({"before", "after", "phrase"})

_NUMBER = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二两三四五六七八九十百千]+)"
_MAGNITUDE = r"[十百千万亿]*"
# words that end in an approximation word's characters but are something else
_NOT_BEFORE = "最附靠亲临节制预签合契公条相大"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")

    data: str = "redundant_approximations"   # lexicon key
    gap: int = Field(default=4, ge=0, le=8)          # characters between word and figure
    tail: int = Field(default=4, ge=0, le=8)         # characters between figure and 以上/左右
    tight_after: list[str] = Field(default_factory=lambda: ["余", "多"])


@lru_cache(maxsize=16)
def _compile(groups: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], gap: int, tail: int,
             tight: tuple[str, ...]) -> list[re.Pattern[str]]:
    out = []
    stop = r"[^，。；、,;:：！？!?\s0-9０-９“”\"（）()《》]"
    for before, after in groups:
        b = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True))
        loose = [w for w in after if w not in tight]
        tight_words = [w for w in after if w in tight]
        alts = []
        if loose:
            alts.append(rf"{stop}{{0,{tail}}}?(?P<loose>{'|'.join(map(re.escape, loose))})")
        if tight_words:
            alts.append(rf"(?P<tight>{'|'.join(map(re.escape, tight_words))})")
        tail_re = "|".join(alts)
        out.append(re.compile(
            rf"(?<![{_NOT_BEFORE}])(?P<before>{b}){stop}{{0,{gap}}}?(?P<num>{_NUMBER}{_MAGNITUDE})"
            rf"(?P<after>{tail_re})"))
    return out


def _groups(doc, params: Params):
    raw = doc.lexicon.get(params.data) or []
    groups = []
    for entry in raw:
        if not isinstance(entry, dict) or not {"before", "after"} <= set(entry):
            raise ValueError(f"{params.data}: each entry needs 'before' and 'after' word lists")
        groups.append((tuple(entry["before"]), tuple(entry["after"])))
    return tuple(groups)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    text = doc.text
    seen: set[int] = set()
    for regex in _compile(_groups(doc, params), params.gap, params.tail, tuple(params.tight_after)):
        for m in regex.finditer(text):
            if m.start() in seen:
                continue
            seen.add(m.start())
            groups = m.groupdict()
            after = groups.get("loose") or groups.get("tight")
            yield Finding(Span(m.start(), m.end()),
                          args={"before": m.group("before"), "after": after, "phrase": m.group(0)})
