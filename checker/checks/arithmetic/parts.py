"""A total that its parts do not add up to.

Two shapes are read:

* a breakdown in brackets right after the total or its noun, ``新增230所(新改扩建193所、
  转普惠37所)``, ``186所中小学幼儿园（中小学124所、幼儿园52所）``:
  two or more parts, every figure in the brackets in the total's unit.  Such a
  breakdown is complete, so a sum other than the total is reported — unless it opens
  with 其中/含/包括 (``141所(其中小学118所,中学23所)``), which may name only some parts;
* a 其中 list in the rest of the sentence, ``资助学生91502人…其中脱贫户学生28840人``,
  or ``193所中幼儿园70所、小学72所…``.  Such a list may be partial, so only parts that
  add up to *more* than the total are certain.  Each unit's total is the nearest figure
  in that unit before 其中 in the same sentence.

Figures are intervals (``figures``): rounding as written and approximation words
(约, 余, 近, 以上) never make a report.  Changes (同比增长5人) are not parts.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.arithmetic.figures import (data_for, ends_sentence, half_step, interval, is_ratio,
                                              other_measures, previous_totals, tiles, unit_key)
from checker.checks.finding import Finding
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({
    "total",    # the total as written: 230所
    "parts",    # the parts as written, joined: 193所 + 37所
    "sum",      # their sum, in the total's unit: 240所
    "relation", # how the sum compares: the template `over` or `under`
})
# The words for a sum above and below its total (messages: in the pack, filling {relation}).
MESSAGES = frozenset({"over", "under"})

_CLOSE = {"（": "）", "(": ")"}
_HAN = compile_skipping(r"[\u4e00-\u9fff]")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    about: float = Field(0.05, ge=0, le=1)   # how far 约/左右 may stray, relative
    # report a bracketed breakdown (230所(193所、37所)) whose parts do not add up to the total
    check_brackets: bool = True
    max_noun_chars: int = Field(8, ge=0)     # the noun between a total and its bracket
    # report a 其中 list after a total whose parts add up to more than it (a 其中 list may be partial)
    check_partial: bool = True
    # how many earlier totals of the same unit a second 其中 may belong to (the nearest first)
    max_parent_candidates: int = Field(8, ge=1)


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    quantities = doc.quantities
    if not quantities:
        return      # every report names a total and its parts; the tables are not built
    data = data_for(rule.vocabulary)
    text = doc.folded_text
    starts = [q.span.start for q in quantities]
    reported: set[int] = set()
    if params.check_brackets:
        for q in quantities:
            found = _bracket(rule, text, q, quantities, starts, data, params)
            if found is not None:
                reported.add(q.span.start)
                yield found
    if params.check_partial:
        for found in _partial(rule, doc, quantities, starts, data, params):
            if found.span.start not in reported:
                reported.add(found.span.start)
                yield found


def _is_total(q, data) -> bool:
    return unit_key(q, data) is not None and not q.is_range and q.verb_kind not in ("increase", "decrease")


def _bracket(rule, text, total, quantities, starts, data, params) -> Finding | None:
    if not _is_total(total, data):
        return None
    at = total.span.end
    # 186所中小学幼儿园（中小学124所、幼儿园52所）: the counted noun may stand between.
    limit = min(len(text), at + params.max_noun_chars + 1)
    while at < limit and text[at] not in _CLOSE and _HAN.match(text[at]):
        at += 1
    if at >= limit or text[at] not in _CLOSE:
        return None
    close = _matching(text, at)
    if close is None:
        return None
    inner_start = at + 1
    partial = any(text.startswith(w, inner_start) for w in data.arith_partial_markers)
    i = bisect.bisect_left(starts, inner_start)
    parts = []
    while i < len(quantities) and quantities[i].span.start < close:
        parts.append(quantities[i])
        i += 1
    if len(parts) < 2:
        return None
    unit = unit_key(total, data)
    if any(unit_key(p, data) != unit or p.is_range or _nested(text, inner_start, p.span.start) for p in parts):
        return None     # other figures in the brackets: not a breakdown of this total
    if _references(text, inner_start, parts, data):
        return None     # 887分（总分为1000分，底线为750分）: measures to compare with, not parts
    if is_ratio(text, total, data) or any(is_ratio(text, p, data) for p in parts):
        return None     # 3850人（每千人口执业医师2.9人、每千人口注册护士3.1人）: ratios, no head counts
    if other_measures(text, total, parts, data):
        return None     # 完成投资A（某工程总投资B）: another measure, not a part
    return _compare(rule, total, parts, exhaustive=not partial or _complete(text, inner_start, parts, data),
                    params=params)


def _partial(rule, doc, quantities, starts, data, params) -> Iterator[Finding]:
    text = doc.folded_text
    sentences = doc.sentences
    # 总额93144.7万元。其中，A…，B…；C…，D…。  A sentence that opens with 其中 breaks down
    # the figures of the sentence before it, and so do the sentences after it up to the
    # full stop (each a group of its own: 城镇/乡村；男/女；age groups).
    chain: list | None = None
    runs: dict[tuple, list] = {}    # single parts of one chain, group after group
    gate = _marker_gate(text, data, quantities)
    for index, sentence in enumerate(sentences):
        s_start, s_end = sentence.span.start, sentence.span.end
        # most sentences hold no place a marker can stand (``_marker_gate``): their
        # markers are none without looking for each word through the sentence
        at = bisect.bisect_left(gate, s_start)
        if at < len(gate) and gate[at] < s_end:
            markers = list(_markers(text, s_start, s_end, data, quantities, starts))
        else:
            markers = []
        opening = markers[0] if markers and not text[s_start:markers[0][0]].strip(_OPENING_MARKS) else None
        if opening is not None:
            runs = {}
            previous = sentences[index - 1] if index > 0 else None
            chain = (previous_totals(text, previous, sentence, quantities, starts, data)
                     if previous is not None and ends_sentence(text, previous) else None)
            groups = [(m, e) for m, e in markers]
        elif chain is not None and sentences[index - 1].paragraph == sentence.paragraph:
            groups = [(s_start, s_start)] + markers
        else:
            chain = None
            runs = {}
            groups = markers
        if not groups:
            if chain is not None and ends_sentence(text, sentence):
                chain = None
            continue
        lo = bisect.bisect_left(starts, s_start)
        hi = bisect.bisect_left(starts, s_end)
        # Per sentence, in one pass each (a sentence of thousands of markers, as template
        # text has, stays linear): where each figure's bracket closes, the bracket around
        # each marker, and which figures can be totals at all.
        closes = _closing_points(text, s_start, s_end, [q.span.start for q in quantities[lo:hi]])
        enclosing = _enclosing_ends(text, s_start, sorted({m for m, _ in groups}), s_end)
        totals_here = [k for k in range(lo, hi)
                       if _is_total(quantities[k], data) and not is_ratio(text, quantities[k], data)]
        for marker, m_end in groups:
            mid = bisect.bisect_left(starts, marker)
            if _unreadable_before(text, quantities, mid, s_start, marker):
                continue    # 小额信贷900余XX，其中…: the 其中 splits a figure whose unit is not read
            nxt = _next_marker(text, m_end, s_end, data, quantities, starts)
            nxt = min(nxt, enclosing[marker])
            # the totals before the marker (not in a bracket closed before it), looked up
            # from the marker back rather than listed again for every marker
            last = bisect.bisect_left(totals_here, mid)

            def latest_total(unit, last=last, marker=marker):
                for t in range(last - 1, -1, -1):
                    q = quantities[totals_here[t]]
                    if closes.get(q.span.start, s_end + 1) >= marker and (unit is None or unit_key(q, data) == unit):
                        return q
                return None

            borrowed = False
            if (latest_total(None) is None and chain is not None
                    and not text[s_start:marker].strip(_OPENING_MARKS)):
                borrowed = True
            window = quantities[mid:bisect.bisect_left(starts, nxt, mid, hi)]    # starting before nxt
            inside = _nested_at(text, m_end, [q.span.start for q in window if q.span.start >= m_end])
            after = [q for q in window if q.span.start >= m_end
                     and _is_total(q, data) and q.span.start not in inside
                     and not is_ratio(text, q, data)]
            after = _siblings(text, m_end, after, data)
            by_unit: dict[str, list] = {}
            for q in after:
                by_unit.setdefault(unit_key(q, data), []).append(q)
            head = _figure_before(text, quantities, mid, s_start, marker)
            if head is not None and not borrowed and _is_total(head, data) and unit_key(head, data) not in by_unit:
                continue    # 小额信贷40笔，其中…196.88万元: the 其中 splits the 40笔, not an earlier item's 万元
            for unit, parts in by_unit.items():
                if _references(text, m_end, parts, data):
                    continue
                if borrowed:
                    totals = [q for q in chain if unit_key(q, data) == unit]
                    total = totals[-1] if totals else None
                    if (len(parts) >= 2 and len({t.indicator for t in totals}) >= 2
                            and len({p.indicator for p in parts}) >= 2):
                        continue    # 招生A人，毕业生B人，在校C人，教职工D人 under a 其中 of
                        #  per-kind figures: one figure of each total, not parts of the last
                else:
                    total = latest_total(unit)
                if total is None:
                    continue
                if other_measures(text, total, parts, data):
                    continue    # 累计完成投资A，其中某工程总投资B: a project's size, no part of the amount done
                if borrowed and any(p.scaled > total.scaled for p in parts):
                    continue    # a part above the sentence before's figure: it counts something else
                parts = _met_then_narrowed(text, total, parts, data, params)
                complete = _complete(text, m_end, parts, data)
                found = _compare(rule, total, parts, exhaustive=complete, params=params)
                if found is not None and not borrowed and _splits_parent(
                        rule, total, parts, complete, unit, marker, groups, totals_here, quantities,
                        closes, s_end, data, params):
                    found = None
                if found is not None:
                    yield found
                elif borrowed:
                    found = _run(rule, runs, total, parts, params)
                    if found is not None:
                        yield found
        if ends_sentence(text, sentence):
            chain = None


def _figure_before(text: str, quantities, mid: int, s_start: int, marker: int):
    """The figure 其中 directly follows (nothing but a comma between), if any."""
    if mid == 0:
        return None
    q = quantities[mid - 1]
    if q.span.start < s_start or q.span.end > marker or text[q.span.end:marker].strip(" \t\u3000，,"):
        return None
    return q


def _unreadable_before(text: str, quantities, mid: int, s_start: int, marker: int) -> bool:
    """Whether the figure 其中 directly follows (nothing but a comma between) has no unit
    that was read.  That figure is the one the 其中 breaks down; looking further back for
    a total in the parts' unit would take an earlier item's figure (总计1.26万元，…小额信贷
    900余…，其中…196.88万元) as the whole the next items' figures belong to."""
    if mid == 0:
        return False
    q = quantities[mid - 1]
    if q.span.start < s_start or q.span.end > marker:
        return False
    return q.unit is None and not text[q.span.end:marker].strip(" \t\u3000，,")


def _splits_parent(rule, total, parts, complete, unit, marker, groups, totals_here, quantities,
                   closes, s_end, data, params) -> bool:
    """Whether a second 其中 splits an earlier total rather than the part just before it:
    ``总人口A，其中城镇人口B，乡村人口C，其中男性D，女性E`` — C is itself a part of A (a
    其中 stands between them), and D + E make A, not C.  A 其中 belongs to the nearest
    total its parts fit; a part of a breakdown is only the nearest, not the only, candidate."""
    # By position, not by scanning (a run-on sentence of thousands of 其中 stays near
    # linear): the totals before this one, nearest first, and the 其中 markers by bisect;
    # only the nearest few totals of the unit are candidates for the parent.
    group_starts = sorted(m for m, _ in groups)
    total_starts = [quantities[k].span.start for k in totals_here]
    tried = 0
    for k in range(bisect.bisect_left(total_starts, total.span.start) - 1, -1, -1):
        q = quantities[totals_here[k]]
        if unit_key(q, data) != unit or closes.get(q.span.start, s_end + 1) < marker:
            continue
        tried += 1
        if tried > params.max_parent_candidates:
            break
        g = bisect.bisect_left(group_starts, q.span.end)
        between = g < len(group_starts) and group_starts[g] < total.span.start
        if between and _compare(rule, q, parts, exhaustive=complete, params=params) is None:
            return True
    return False


# What may stand before an opening 其中: 其中，… / （其中：…
_OPENING_MARKS = " \t\u3000（(，,：:"


def _complete(text: str, start: int, parts: list, data) -> bool:
    """Whether a list of parts names all of its total: labels of one complete set
    (城镇/乡村, 男/女 …) or ranges that tile the line (0-17岁、18-34岁…60岁及以上)."""
    if len(parts) < 2:
        return False
    labels = []
    at = start
    for p in parts:
        labels.append(text[at:p.span.start])
        at = p.span.end
    for group in data.arith_complete_sets:
        if len(group) == len(parts) and all(
                sum(1 for label in labels if word in label) == 1 for word in group):
            return True
    return tiles(text[start:parts[0].span.start] + "".join(labels[1:]), len(parts), data)


_CLAUSE_BREAKS = "，,、；;：:（(）)"
_STOPS = "\u3002！？!?\n"
_TAIL_CHARS = 24     # how far after a part its clause is read for a target word


def _run(rule, runs: dict, total, parts: list, params) -> Finding | None:
    """Parts given one to a semicolon group (其中，农业产值30.6亿元，增长4.8%；林业产值
    1.56亿元，增长5.6%；…) form one list of the total: reported when their running sum
    passes it without ever meeting it (a second breakdown, 城镇5.1万人；乡村3.1万人；男性…,
    starts only after the first has met its total).  The parts must name one measure with
    the total (…产值), none a subset of another (工业增加值, 规模以上工业增加值), and the
    total's name must join theirs (农林牧渔业 over 农业, 林业 …)."""
    key = (total.span.start, total.unit)
    if len(parts) != 1:
        runs.pop(key, None)
        return None
    run = runs.setdefault(key, [])
    if run and run[0] is None:
        return None     # this run met its total or was reported already
    run.append(parts[0])
    if len(run) < 2 or not _parallel(total, run):
        return None
    t_low, t_high = interval(total, params.about)
    sums = [interval(p, params.about) for p in run]
    low = sum(x for x, _ in sums)
    high = sum(y for _, y in sums)
    if low <= t_high and t_low <= high:
        runs[key] = [None]      # the parts so far make the total: what follows is another list
        return None
    if low <= t_high:
        return None
    runs[key] = [None]
    return _compare(rule, total, run, exhaustive=False, params=params)


def _parallel(total, parts: list) -> bool:
    names = [p.indicator for p in parts]
    if total.indicator is None or any(not n for n in names):
        return False
    tail = total.indicator
    for name in names:
        n = 0
        while n < min(len(tail), len(name)) and tail[len(tail) - 1 - n] == name[len(name) - 1 - n]:
            n += 1
        tail = tail[len(tail) - n:]
    if len(tail) < 2:
        return False
    if any(a != b and b.endswith(a) for a in names for b in names):
        return False
    # 农林牧渔业 is 农业、林业、牧业、渔业 run together: a total whose name joins the first
    # characters of its parts' names lists exactly them.  粮食 names none of 小麦, 玉米,
    # 油料 (a 其中 that strays beyond the total), 常住人口 none of 城镇, 男性.
    head = total.indicator[:len(total.indicator) - len(tail)]
    return all(name[:1] in head for name in names)


def _met_then_narrowed(text: str, total, parts: list, data, params) -> list:
    """The parts up to where they already make their total, when the next item narrows
    the scope: ``2719人，其中集中供养973人，分散供养1746人，本级…161人，其中…`` — 973 + 1746
    is the whole, and an item opening with a scope-narrowing word (本级, 含 …) starts a
    subset of that whole, not a third part of it."""
    words = data.arith_scope_narrowing
    if not words or len(parts) < 3:
        return parts
    t_low, t_high = interval(total, params.about)
    low = high = 0.0
    for k, p in enumerate(parts):
        if k >= 2 and low <= t_high and t_low <= high:
            clause = text[parts[k - 1].span.end:p.span.start]
            for mark in _CLAUSE_BREAKS:
                clause = clause.rsplit(mark, 1)[-1]
            if clause.lstrip(" \t\u3000").startswith(tuple(words)):
                return parts[:k]
        part_low, part_high = interval(p, params.about)
        low += part_low
        high += part_high
    return parts


def _references(text: str, start: int, parts: list, data) -> bool:
    """Whether a label before one of the parts names a measure to compare with (总分,
    底线, 目标, 任务 …): 887分（总分为1000分，入围底线为750分…） gives a score beside its
    full mark and threshold, not its parts.  So does a clause that names its figure a
    target after it (…，全年有望完成8100万亩目标任务): a goal set for the whole, not a part."""
    at = start
    for p in parts:
        label = text[at:p.span.start]
        if any(w in label for w in data.arith_reference_words):
            return True
        rest, stop = p.span.end, min(len(text), p.span.end + _TAIL_CHARS)
        while rest < stop and text[rest] not in _CLAUSE_BREAKS and text[rest] not in _STOPS:
            rest += 1
        if any(w in text[p.span.end:rest] for w in data.arith_reference_words):
            return True
        at = p.span.end
    return False


def _siblings(text: str, start: int, parts: list, data) -> list:
    """The parts up to the first one that qualifies a subset of an earlier part:
    ``其中专任教师91人，具有高级职称的23人`` — the 23 are among the 91, not beside them."""
    kept = []
    for q in parts:
        if kept and _qualifies_subset(text, kept[-1].span.end, q.span.start, data):
            break
        kept.append(q)
    return kept


def _qualifies_subset(text: str, prev_end: int, at: int, data) -> bool:
    clause_start = prev_end
    for i in range(at - 1, prev_end - 1, -1):
        if text[i] in _CLAUSE_BREAKS:
            clause_start = i + 1
            break
    clause = text[clause_start:at]
    if data.arith_attributive not in clause:
        return False
    return any(0 <= clause.find(w) < clause.rfind(data.arith_attributive) for w in data.arith_subset_qualifiers)


def _marker_gate(text, data, quantities) -> list[int]:
    """Sorted offsets that include every place ``_markers`` can yield: each occurrence of
    a sentence marker (其中) in the text, overlapping ones too, and each occurrence of a
    part-of marker (中) right at the end of a figure (``_after_figure`` asks that of it).
    A sentence holding none of them yields no marker."""
    places = []
    for word in data.arith_sentence_markers:
        at = text.find(word)
        while at >= 0:
            places.append(at)
            at = text.find(word, at + 1)
    words = tuple(data.arith_part_of_markers)
    if words:
        places.extend(q.span.end for q in quantities if text.startswith(words, q.span.end))
    places.sort()
    return places


def _markers(text, start, end, data, quantities, starts):
    """(start, end) of each 其中 in text[start:end], and of each 中 right after a figure."""
    for word in data.arith_sentence_markers:
        at = text.find(word, start, end)
        while at >= 0:
            yield at, at + len(word)
            at = text.find(word, at + len(word), end)
    for word in data.arith_part_of_markers:
        at = text.find(word, start, end)
        while at >= 0:
            if _after_figure(text, at, quantities, starts) and not any(
                    text.startswith(w, at) for w in data.arith_part_of_exceptions) and not _quoted(text, at):
                yield at, at + len(word)
            at = text.find(word, at + len(word), end)


_QUOTE_OPEN = "\u201c\u300c"     # the opening double quotation marks
_QUOTE_CLOSE = "\u201d\u300d"
_QUOTE_REACH = 40                  # how far a slogan or name in quotes may run


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` sits inside a short quotation: a slogan or a name
    (the slogan of one year in three, 一年…三年…) uses numerals without counting anything,
    so the figure before a 中 there is no total and what follows no parts."""
    lo = max(0, at - _QUOTE_REACH)
    opened = max(text.rfind(c, lo, at) for c in _QUOTE_OPEN)
    if opened < 0:
        return False
    if any(text.find(c, opened, at) >= 0 for c in _QUOTE_CLOSE) or "\n" in text[opened:at]:
        return False
    hi = min(len(text), at + _QUOTE_REACH)
    return any(0 <= text.find(c, at, hi) for c in _QUOTE_CLOSE) and "\n" not in text[at:hi].split(
        next((c for c in _QUOTE_CLOSE if c in text[at:hi]), "\n"))[0]


def _after_figure(text, at, quantities, starts) -> bool:
    i = bisect.bisect_left(starts, at) - 1
    return i >= 0 and quantities[i].span.end == at


def _matching(text: str, at: int) -> int | None:
    open_, close = text[at], _CLOSE[text[at]]
    depth = 0
    for i in range(at, min(len(text), at + 400)):
        if text[i] == open_:
            depth += 1
        elif text[i] == close:
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n":
            return None
    return None


def _enclosing_end(text: str, start: int, pos: int, end: int) -> int:
    """The end of the bracket that holds ``pos`` (opened after ``start``), else ``end``."""
    opened = []
    for i in range(start, pos):
        if text[i] in "（(":
            opened.append(i)
        elif text[i] in "）)" and opened:
            opened.pop()
    if not opened:
        return end
    close = _matching(text, opened[-1])
    return close if close is not None and close < end else end


def _closing_points(text: str, start: int, end: int, positions: list[int]) -> dict[int, int]:
    """For each of the sorted ``positions`` inside a bracket: where that bracket closes,
    walking from ``start`` as ``closed_before`` does (so ``closed_before(text, start, pos,
    marker)`` is ``closes[pos] < marker``); positions never closed before ``end`` are absent."""
    waiting: dict[int, list[int]] = {}
    out: dict[int, int] = {}
    wanted = iter(sorted(positions))
    nxt = next(wanted, None)
    depth = 0
    for m in _BRACKET_MARKS.finditer(text, start, end):
        i = m.start()
        while nxt is not None and nxt <= i:
            if depth:
                waiting.setdefault(depth, []).append(nxt)
            nxt = next(wanted, None)
        if m.group() in "（(":
            depth += 1
        elif depth:
            for pos in waiting.pop(depth, ()):
                out[pos] = i
            depth -= 1
    return out


_BRACKET_MARKS = compile_skipping("[（()）]")


def _next_marker(text, start, end, data, quantities, starts) -> int:
    """The start of the first marker in text[start:end] (``end`` when none): the least of
    each word's first valid occurrence, without listing the later ones."""
    best = end
    for word in data.arith_sentence_markers:
        at = text.find(word, start, end)
        if at >= 0:
            best = min(best, at)
    for word in data.arith_part_of_markers:
        at = text.find(word, start, min(end, best + len(word)))
        while at >= 0 and at < best:
            if _after_figure(text, at, quantities, starts):
                best = at
                break
            at = text.find(word, at + len(word), min(end, best + len(word)))
    return best


def _enclosing_ends(text: str, start: int, positions: list[int], end: int) -> dict[int, int]:
    """``_enclosing_end`` for each of the sorted ``positions``, in one pass."""
    out: dict[int, int] = {}
    opened: list[int] = []
    i = start
    for pos in positions:
        for k in range(i, pos):
            if text[k] in "（(":
                opened.append(k)
            elif text[k] in "）)" and opened:
                opened.pop()
        i = max(i, pos)
        if not opened:
            out[pos] = end
        else:
            close = _matching(text, opened[-1])
            out[pos] = close if close is not None and close < end else end
    return out


def _nested_at(text: str, start: int, positions: list[int]) -> set[int]:
    """Those of the ``positions`` (after ``start``) for which ``_nested`` holds, found in
    one pass."""
    out: set[int] = set()
    depth = 0
    i = start
    for pos in sorted(positions):
        for ch in text[i:pos]:
            if ch in "（(":
                depth += 1
            elif ch in "）)" and depth:
                depth -= 1
        i = max(i, pos)
        if depth > 0:
            out.add(pos)
    return out


def _nested(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` sits inside a bracket opened after ``start``."""
    depth = 0
    for ch in text[start:pos]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


def _whole_with_magnitude(q) -> bool:
    text = q.number_text or ""
    return q.magnitude is not None and q.bound is None and text[:1].isdigit() and "." not in text


def _list_step(total, parts) -> float | None:
    """The coarsest written precision of the decimal figures of a breakdown in the total's
    magnitude (2.10万 -> 0.005), when every such figure has decimals but some whole ones."""
    steps = [half_step(q.number_text, True) for q in (total, *parts)
             if q.magnitude == total.magnitude and q.bound is None and "." in (q.number_text or "")]
    if len(steps) < 2:
        return None
    return max(steps)


def _compare(rule, total, parts, exhaustive: bool, params: Params) -> Finding | None:
    t_low, t_high = interval(total, params.about)
    s_low = s_high = 0.0
    step = _list_step(total, parts)
    for p in parts:
        low, high = interval(p, params.about)
        if step is not None and _whole_with_magnitude(p) and p.magnitude == total.magnitude:
            # 2.10万、1万、0.77万: a whole 1万 among two-decimal parts is written to their
            # precision (1.00万), not ±0.5万.
            low, high = p.scaled - step * p.multiplier, p.scaled + step * p.multiplier
        s_low += low
        s_high += high
    if s_low > t_high:
        relation = rule.fill("over")
    elif exhaustive and s_high < t_low:
        relation = rule.fill("under")
    else:
        return None
    scale = total.multiplier
    exact = sum(p.scaled for p in parts) / scale
    shown = f"{exact:.4f}".rstrip("0").rstrip(".")
    return Finding(total.span, args={
        "total": total.text,
        "parts": " + ".join(p.text for p in parts),
        "sum": f"{shown}{total.magnitude or ''}{total.unit or ''}",
        "relation": relation,
    })
