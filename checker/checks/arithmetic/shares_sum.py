"""Shares of a whole's partition that do not add up to 100%.

``三次产业对经济增长的贡献率分别为6.9%、38.2%、55.4%`` lists the share of each member of
a partition (the three industries make the whole economy), so the shares make 100%:
here 100.5%, reported.  So does a structure written as a ratio, ``三次产业结构为
7.3:39.4:53.3``.  The partitions and their sizes (``arith_partitions``) and the words
naming a share of the whole (``arith_partition_shares``: 贡献率, 比重, 结构 …) are data.

Read only where the list is certain to be the partition's: the subject names the
partition, the share word follows it in the same clause, and the list after 分别为 (or
the ratio) holds exactly as many figures as the partition has members, every one a
percentage (or a bare figure of the ratio).  A contribution rate may be negative or pass
100% — only the sum is checked.  The rounding of each figure as written is allowed for,
and at least ``tolerance`` points; a list written with an approximation word (约, 左右)
is left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.arithmetic.figures import data_for, half_step
from checker.checks.finding import Finding
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({
    "subject",   # the partition and share as written: 三次产业对经济增长的贡献率
    "parts",     # the figures as written, joined: 6.9% + 38.2% + 55.4%
    "sum",       # their sum: 100.5%
})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # percentage points the sum may miss 100 by, at least (the figures' own rounding may allow more)
    tolerance: float = Field(0.2, ge=0)
    # characters between the partition's name and the share word
    max_gap: int = Field(16, ge=0)


LOCAL = True

_NUM = r"[-−－]?[0-9]+(?:[.．][0-9]+)?"
_RATIO_SEP = r"[ \t]*[:：∶][ \t]*"


@lru_cache(maxsize=16)
def _patterns(partitions: tuple[tuple[str, int], ...], shares: tuple[str, ...], leads: tuple[str, ...],
              separators: tuple[str, ...], gap: int):
    out = []
    list_leads = "(?:" + "|".join(re.escape(w) for w in sorted(leads, key=len, reverse=True)) + ")"
    sep = r"[ \t]*(?:" + "|".join(re.escape(w) for w in sorted(separators, key=len, reverse=True)) + r")[ \t]*"
    share_alt = "|".join(re.escape(w) for w in sorted(shares, key=len, reverse=True))
    for name, count in partitions:
        head = rf"(?P<subject>{re.escape(name)}[^。；;！？!?\n，,]{{0,{gap}}}?(?:{share_alt}))"
        pct = rf"{_NUM}[ \t]*[%％]"
        listed = compile_skipping(head + rf"[^。；;\n0-9]{{0,4}}?{list_leads}[ \t]*(?P<list>{pct}(?:{sep}{pct}){{{count - 1}}})(?![0-9.．%％]|{sep}{_NUM})")
        ratio = compile_skipping(head + rf"(?=[^。；;\n]{{0,16}}?{_NUM}{_RATIO_SEP}{_NUM})")
        each = compile_skipping(rf"(?<![0-9.．:：∶])(?P<list>{_NUM}(?:{_RATIO_SEP}{_NUM}){{{count - 1}}})(?![0-9.．:：∶])")
        out.append((listed, ratio, each))
    return out


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = data_for(rule.vocabulary)
    if not data.arith_partitions or not data.arith_partition_shares or not data.arith_partition_leads \
            or not data.arith_partition_separators:
        return
    text = doc.folded_text
    names = tuple((p["name"], int(p["members"])) for p in data.arith_partitions)
    if not any(name in text for name, _ in names):
        return
    seen: set[int] = set()
    for listed, ratio, each in _patterns(names, tuple(data.arith_partition_shares), tuple(data.arith_partition_leads),
                                            tuple(data.arith_partition_separators), params.max_gap):
        found = [(m.group("subject"), m.start(), m.start("list"), m.end("list"), m.group("list"), False)
                 for m in listed.finditer(text)]
        for m in ratio.finditer(text):
            # every ratio of the partition's size in the clause: 由A:B:C调整为D:E:F
            stop = min((k for k in (text.find(c, m.end()) for c in "。；;\n") if k >= 0), default=len(text))
            for r in each.finditer(text, m.end(), stop):
                found.append((m.group("subject"), m.start(), r.start("list"), r.end("list"), r.group("list"), True))
        for subject, head, start, end, written, is_ratio in found:
            if start in seen:
                continue
            seen.add(start)
            if any(w in text[head:end + 3] for w in data.arith_about_words):
                continue
            figures = re.findall(_NUM, written)
            values = [float(f.replace("．", ".").replace("−", "-").replace("－", "-")) for f in figures]
            total = sum(values)
            slack = max(params.tolerance, sum(half_step(f.lstrip("-−－"), False) for f in figures))
            if abs(total - 100.0) <= slack + 1e-9:
                continue
            joiner = ":" if is_ratio else " + "
            yield Finding(Span(start, end),
                          args={"subject": subject,
                                "parts": joiner.join(f + ("" if is_ratio else "%") for f in figures),
                                "sum": f"{round(total, 3):g}%"})
