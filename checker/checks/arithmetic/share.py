"""A share that does not follow from its part and whole.

``学生总数11.2万人，参加课后服务10.5万人，占比80%``: 10.5 ÷ 11.2 = 93.75%, reported.
The share is a percentage named by a share word (占比, 比例, 占…的), or a rate whose
stem names the part (``本科上线1500人，本科上线率70%``).  The part is the figure right
before the share (in its clause or the one before); the wholes are the figures in the
part's unit before it in the sentence since the previous percentage, the nearest at most
one clause before the part.  The share is reported only when no whole gives it
(``俱乐部15个，学生78人中有18人参加，占27%`` has one whole: 78人).  Anything looser
(``学校达1152所，占比72.23%`` names no whole) is left alone.
"""
from __future__ import annotations

import bisect
import math
from collections.abc import Iterator

from checker.checks.arithmetic.figures import (ToleranceParams, data_for, half_step, interval, is_ratio, previous_totals,
                                              unit_key)
from checker.checks.finding import Finding
from checker.model.last_mark import last_mark

MESSAGE_ARGS = frozenset({
    "share",     # the share with its name as written: 占比80%, 本科上线率70%
    "expected",  # part ÷ whole: 93.8%
    "part",      # 10.5万人
    "whole",     # 11.2万人
})

_CLAUSE = frozenset("，,；;：:")


class Params(ToleranceParams):
    pass


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    quantities = doc.quantities
    if not quantities:
        return      # every report reads a share among the quantities: the tables are not built
    data = data_for(rule.vocabulary)
    text = doc.folded_text
    starts = [q.span.start for q in quantities]
    for index, share in enumerate(quantities):
        if share.unit_kind != "percent" or share.is_range:
            continue
        clause_start = _clause_start(text, share.span.start)
        clause = text[clause_start:share.span.start]
        named = any(w in clause for w in data.arith_share_words)
        if not named and not _rate_named(text, share, clause, data):
            continue
        if share.indicator and any(share.indicator.endswith(w) for w in data.arith_change_names):
            continue    # 下降比例为20%: a rate of change (growth-not-figures), not a share
        before = []
        for q in (quantities[k] for k in range(index - 1, -1, -1)):   # no copy of the list per share
            if q.sentence != share.sentence or q.unit_kind == "percent":
                break
            before.append(q)
        if not before:
            continue
        framed = named and _in_frame(clause_start, clause, before[0], data)
        if framed:
            # 完成30.7万亩，占任务15.52万亩的197.8%: the figure inside 占…的 is the whole,
            # the part is the one before it (a share above 100% is read, not inverted).
            if len(before) < 2 or unit_key(before[1], data) != unit_key(before[0], data):
                continue
            before = [before[1], before[0]]
        part, earlier = before[0], before[1:]
        unit = unit_key(part, data)
        if unit is None or part.is_range or part.verb_kind in ("increase", "decrease"):
            continue
        if _clauses(text, part.span.end, share.span.start) > 1:
            continue
        if framed:
            if named and not _names_part(text, share, part, data):
                continue
            wholes = [earlier[0]]
            s_low, s_high = interval(share, params.about)
            p_low, p_high = interval(part, params.about)
            w_low, w_high = interval(earlier[0], params.about)
            if any(math.isinf(x) for x in (s_high, p_high, w_high)) or w_low <= 0:
                continue
            if 100 * p_low / w_high <= s_high + params.tolerance and s_low - params.tolerance <= 100 * p_high / w_low:
                continue
            at = max(clause.rfind(w) for w in data.arith_share_words)
            yield Finding(share.span, args={
                "share": text[clause_start + at:share.span.end] if at >= 0 else share.text,
                "expected": f"{100 * part.scaled / earlier[0].scaled:.1f}%",
                "part": part.text,
                "whole": earlier[0].text,
            })
            continue
        if not named and not _rate_named(text, share, text[_clause_start(text, part.span.start):part.span.start],
                                         data, label=True):
            continue    # 本科上线率 needs its part to be 本科上线1500人
        if not named and share.bound is not None:
            continue    # 失业率控制在4.5%以内: a limit set, not a share computed from figures
        if named and not _names_part(text, share, part, data):
            continue    # 48个湖泊水质优良，水质达标湖泊数量占比63.5%: another subset's share
        # The whole: a figure in the part's unit before it, the nearest at most one clause
        # earlier; any of them that gives the share clears it (A人中有B人 or A人，B人).
        # A ratio (每千名老人拥有床位45.27张) is no whole.
        wholes = [q for q in earlier if unit_key(q, data) == unit and not is_ratio(text, q, data)]
        if wholes and _peers(text, wholes[0], part):
            continue    # 优79天、良235天…中度污染8天、重度污染0天，达标天数占比…: items of one list
        if wholes and _clauses(text, wholes[0].span.end, part.span.start) > 1:
            continue
        # A share in a breakdown takes the breakdown's total: 59人（其中：50岁以上18人占
        # 30.6%；…）, or the sentence before when its own opens with 其中.
        wholes += [q for q in _breakdown_totals(doc, text, share, quantities, starts, data)
                   if unit_key(q, data) == unit and q not in wholes]
        if not wholes:
            continue
        if any(w.is_range or w.verb_kind in ("increase", "decrease") for w in wholes):
            continue
        named_plan = _named_plan(clause, data)
        if named_plan and not any(named_plan in text[_clause_start(text, w.span.start):w.span.start] for w in wholes):
            continue    # 其中税务部门完成49018万元，占任务数的96.3%: the task figure is not given
        if _whole_named(clause, data):
            # 累计下达计划53.8万人，完成42.3万人，占总计划的84.6%: 总计划 names a whole that
            # may be the paragraph's heading figure (50万人), not the nearest one: any figure
            # of the unit earlier in the paragraph that gives the share clears it.
            wholes += [q for q in _paragraph_before(doc, quantities, index, part)
                       if unit_key(q, data) == unit and q not in wholes and not is_ratio(text, q, data)
                       and not q.is_range and q.verb_kind not in ("increase", "decrease")]
        s_low, s_high = interval(share, params.about)
        p_low, p_high = interval(part, params.about)
        if math.isinf(s_high) or math.isinf(p_high):
            continue
        fits = False
        usable = []
        for whole in wholes:
            w_low, w_high = interval(whole, params.about)
            if math.isinf(w_high) or w_low <= 0 or part.scaled > whole.scaled:
                fits = True     # a whole that says too little (or is smaller) cannot be ruled out
                break
            usable.append(whole)
            low, high = 100 * p_low / w_high, 100 * p_high / w_low
            if _exact(part) and _exact(whole) and _decimals(share) > 0:
                # Two exact counts give one share: the stated one must be it rounded or
                # cut off at the digits written (18 of 59 is 30.5%, never 30.6%).
                step = half_step(share.number_text, False) or 0.0
                if share.value - step <= low and high < share.value + 3 * step:
                    fits = True
                    break
            elif low <= s_high + params.tolerance and s_low - params.tolerance <= high:
                fits = True
                break
        if fits or not usable:
            continue
        whole = usable[0]
        if named:
            at = max(clause.rfind(w) for w in data.arith_share_words)
            shown = text[clause_start + at:share.span.end] if at >= 0 else share.text
        else:
            shown = f"{share.indicator}{share.text}"
        yield Finding(share.span, args={
            "share": shown,
            "expected": f"{100 * part.scaled / whole.scaled:.1f}%",
            "part": part.text,
            "whole": whole.text,
        })


def _whole_named(clause: str, data) -> bool:
    """Whether the share's clause names its whole in words (占总计划的, 占全年任务的):
    a 占…的 frame holding no figure, ending right before the share."""
    tail = clause.rstrip(" \t\u3000")
    if not tail.endswith(data.arith_attributive):
        return False
    at = tail.rfind(data.arith_share_frame)
    inner = tail[at + len(data.arith_share_frame):-len(data.arith_attributive)] if at >= 0 else ""
    return bool(inner) and not any(ch.isdigit() for ch in inner)


def _named_plan(clause: str, data) -> str | None:
    """The plan word of a whole named in words (占任务数的 -> 任务, 占总计划的 -> 计划)."""
    if not _whole_named(clause, data):
        return None
    tail = clause.rstrip(" \t\u3000")
    inner = tail[tail.rfind(data.arith_share_frame) + len(data.arith_share_frame):-len(data.arith_attributive)]
    return next((w for w in data.arith_plan_words if w in inner), None)


def _paragraph_before(doc, quantities, index: int, part) -> list:
    """The figures of the part's paragraph before the part, nearest first."""
    sentences = doc.sentences
    if part.sentence is None:
        return []
    paragraph = sentences[part.sentence].paragraph
    found = []
    for k in range(index - 1, -1, -1):
        q = quantities[k]
        if q.sentence is None or sentences[q.sentence].paragraph != paragraph:
            break
        if q.span.start < part.span.start and q.unit_kind != "percent":
            found.append(q)
    return found


def _in_frame(clause_start: int, clause: str, figure, data) -> bool:
    """Whether a figure stands inside its share's own clause after the share word
    (占省下达任务15.52万亩的197.8%): it names the whole, not the part."""
    at = min((clause.find(w) for w in data.arith_share_words if w in clause), default=-1)
    return at >= 0 and figure.span.start >= clause_start + at


def _clause_start(text: str, at: int) -> int:
    # the last clause mark before ``at`` (``last_mark``: one match, where a ``str.rfind``
    # per mark read back over the whole text for each mark it lacks)
    return _LAST_CLAUSE_END(text, 0, at) + 1


_LAST_CLAUSE_END = last_mark(_CLAUSE | {"。", "\n"})


_LABEL_SLACK = 2   # characters a part's label may run on after the rate's stem (上线人数, 录取了)


def _rate_named(text: str, share, clause: str, data, label: bool = False) -> bool:
    """Whether the share is a rate (本科上线率) whose stem (上线) names the text given.
    For a part's ``label`` the stem must end it (本科上线1500人, 录取人数2400人): 下岗失业人员
    再就业500万人 counts re-employed people, and 失业率 is no share of them."""
    name = share.indicator or ""
    suffix = next((s for s in data.arith_rate_suffixes if s and name.endswith(s)), None)
    if suffix is None or share.verb_kind in ("increase", "decrease"):
        return False
    # A rate named by a change (压减率, 下降率, 增长率) measures old-to-new, not part of whole.
    stem_words = name[:-len(suffix)]
    if any(name.endswith(w) or stem_words.endswith(w) for w in data.arith_growth_words + data.arith_decline_words):
        return False
    stem = stem_words[-2:]
    if label:
        return len(stem) == 2 and stem in clause.rstrip(" \t\u3000")[-(len(stem) + _LABEL_SLACK):]
    return len(stem) == 2 and stem in clause


def _clauses(text: str, start: int, end: int) -> int:
    return sum(1 for ch in text[start:end] if ch in _CLAUSE)


def _exact(q) -> bool:
    """A count written in full, without magnitude, decimals or approximation (59人)."""
    return (q.magnitude is None and q.bound is None and not q.is_chinese_numeral
            and "." not in (q.number_text or "") and q.unit_kind == "count")


def _decimals(q) -> int:
    digits = q.number_text or ""
    return len(digits.split(".", 1)[1]) if "." in digits else 0


_OPEN = "（("
_PARTIAL_OPENERS = " \t\u3000：:，,"


def _breakdown_totals(doc, text, share, quantities, starts, data) -> list:
    """The total a share's breakdown is of: the figure right before the bracket that holds
    the share when it opens with 其中/含/包括, or the figures of the sentence before when
    the share's sentence opens with 其中."""
    found = []
    sentence = doc.sentences[share.sentence] if share.sentence is not None else None
    if sentence is None:
        return found
    s_start = sentence.span.start
    depth = 0
    for i in range(share.span.start - 1, s_start - 1, -1):
        ch = text[i]
        if ch in "）)":
            depth += 1
        elif ch in _OPEN:
            if depth:
                depth -= 1
                continue
            inner = text[i + 1:share.span.start].lstrip(_PARTIAL_OPENERS)
            if any(inner.startswith(w) for w in data.arith_partial_markers):
                k = bisect.bisect_left(starts, i) - 1
                if k >= 0 and quantities[k].span.end >= i - 8 and quantities[k].sentence == share.sentence:
                    found.append(quantities[k])
            break
    head = text[s_start:share.span.start].lstrip(_PARTIAL_OPENERS + "（(")
    if any(head.startswith(w) for w in data.arith_sentence_markers) and share.sentence > 0:
        previous = doc.sentences[share.sentence - 1]
        found += previous_totals(text, previous, sentence, quantities, starts, data)
    return found


def _peers(text: str, earlier, part) -> bool:
    """Whether two figures are items of one enumeration (A类8天、B类0天): joined by the
    enumeration comma with no clause break between, they are peers, and a peer is never
    the whole of another — the share then is of figures not both given here."""
    between = text[earlier.span.end:part.span.start]
    return "\u3001" in between and not any(c in between for c in _CLAUSE | {"\u3002", "\n"})


def _names_part(text: str, share, part, data) -> bool:
    """Whether a share's own subject (the words before its share word: 护理型床位比例) is
    the part's: each of its characters stands in the part's clause (其中护理型床位1248张).
    A share with no subject of its own (占比80%, 20人占41.7%, 占学校总数的25%) is the
    part's; 48个湖泊水质优良，水质达标湖泊数量占比… names another subset (达标)."""
    start = _clause_start(text, share.span.start)
    clause = text[start:share.span.start]
    at = min((clause.find(w) for w in data.arith_share_words if w in clause), default=-1)
    if at <= 0:
        return True
    head_start, head_end = start, start + at
    if head_start <= part.span.start < head_end:
        head_start = part.span.end      # 女职工20人占…: only what follows the part
    subject = "".join(ch for ch in text[head_start:head_end] if _is_han(ch))
    for word in data.arith_subject_trailing:
        if subject.endswith(word):
            subject = subject[:-len(word)]
    if len(subject) < 4:
        return True
    p_start = _clause_start(text, part.span.start)
    ends = [i for i in (text.find(c, part.span.end) for c in _CLAUSE | {"。", "\n"}) if i >= 0]
    around = text[p_start:min(ends, default=len(text))]
    return all(ch in around for ch in subject)


def _is_han(ch: str) -> bool:
    return 0x4E00 <= ord(ch) <= 0x9FFF
