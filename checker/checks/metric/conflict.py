"""One indicator stated twice in one document with two values.

``义务教育标准化学校覆盖率达到20%`` … later ``标准化学校覆盖率达到25%``: the second is
reported, naming the first's line.  A statement is an indicator, a level verb (达到, 为,
保持在 …) and a figure; a rate (覆盖率, 占比 …) needs no verb.  Indicators are compared
after dropping scope and intent words (全市, 确保, 力争 … ``metric_leading_words``)
and a trailing 总数/数量/总量 (``metric_trailing_words``);
two match when equal, or when the shorter ends the longer, is at least
``min_suffix_chars`` long and ends no other indicator of the document in that unit
(``覆盖率`` alone could be anyone's).  Only statements of one context are compared: the
same section kind and year, the same deadline year written in the sentence, different
paragraphs.  A change in 个百分点 (近视率下降0.8个百分点) is compared with changes of
the same indicator in the same direction; other changes (新增15所), list members that inherit their
indicator, and indicators opening with an action (新建, 评选 …
``metric_action_words``) are not statements of a level.  Nor is a time scope standing where
an indicator would (“十三五”以来累计下降3.4个百分点: ``metric_period_scope_endings``): it
names a period, and the change belongs to the indicator of an earlier clause.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.last_mark import last_mark
from checker.model.indicators import is_rate, rate_lexicon
from checker.model.lexicon import data_view
from checker.core.patterns import Regex
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

MESSAGE_ARGS = frozenset({
    "indicator",        # the indicator as written here: 标准化学校覆盖率
    "value",            # the figure here: 25%
    "first",            # the figure stated first: 20%
    "first_line",       # the line of the first statement
    "first_statement",  # the first statement: 义务教育标准化学校覆盖率达到20%
})
# The note on the first statement (messages: in the pack): first_line, first_statement.
MESSAGES = frozenset({"first_at"})


class MetricData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    metric_leading_words: list[str] = Field(default_factory=list)
    metric_action_words: list[str] = Field(default_factory=list)
    metric_trailing_words: list[str] = Field(default_factory=list)
    metric_unit_aliases: dict[str, str] = Field(default_factory=dict)
    metric_respectively_words: list[str] = Field(default_factory=list)
    metric_scope_words: list[str] = Field(default_factory=list)
    metric_deadline_year: Regex
    metric_base_marks: str = ""
    metric_subject_words: list[str] = Field(default_factory=list)
    metric_period_pattern: Regex = "(?!x)x"
    metric_whole_year_words: list[str] = Field(default_factory=list)
    metric_scope_bracket_words: list[str] = Field(default_factory=list)
    metric_money_aggregates: list[str] = Field(default_factory=list)
    metric_period_scope_endings: list[str] = Field(default_factory=list)


def _data(lexicon: Any) -> MetricData:
    return data_view(lexicon, MetricData)


@lru_cache(maxsize=8)
def _deadline_years(pattern: str) -> re.Pattern[str]:
    return compile_skipping(pattern)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_chars: int = Field(4, ge=2)          # a shorter indicator says too little
    min_suffix_chars: int = Field(5, ge=2)   # 标准化学校覆盖率 may stand for 义务教育标准化学校覆盖率
    # verb kinds (quantities.yaml: level, increase, decrease, share) of the statements compared;
    # a statement with no verb is compared only when its indicator is a rate
    level_verbs: list[str] = Field(default_factory=lambda: ["level"])
    same_paragraph: bool = False             # compare statements within one paragraph too
    point_changes: bool = True               # compare changes in 个百分点 of one indicator and direction


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = _data(rule.vocabulary)
    words, exceptions = rate_lexicon(doc.lexicon)
    text = doc.folded_text
    statements = []
    previous_end = -1
    list_sizes: dict[int, int] = {}
    dated: set[int] = set()     # statements whose own sentence writes their deadline year
    for q in doc.quantities:
        if q.list_id is not None:
            list_sizes[q.list_id] = list_sizes.get(q.list_id, 0) + 1
    starts = [q.span.start for q in doc.quantities]
    for index, q in enumerate(doc.quantities):
        entry = None
        if _closes_sum(text, doc.quantities, starts, index):
            pass    # …加返还性收入3714万元；…；财政总收入为182513万元: a balance's total, another scope
        elif list_sizes.get(q.list_id, 0) < 2 and not _respectively(text, q, data):
            # 小学、初中、高中达标率分别为95.2%、93.6%…: each figure belongs to its own
            # subject, not to the indicator as a whole.
            entry = _statement(doc, q, previous_end, data, params, words, exceptions, dated)
        if not (q.is_chinese_numeral and not q.approx and q.magnitude is None):
            previous_end = q.span.end   # 学前三年 is part of a name, not a figure before it
        if entry is not None:
            statements.append(entry)
    by_context: dict[tuple, list] = {}
    for entry in statements:
        by_context.setdefault(entry[0], []).append(entry)
    leads = _record_leads(text, statements)
    aggregate_of = _money_aggregates(doc, data)
    para_leads: dict = {}       # paragraph -> its first figure with a name, and that name
    for q in doc.quantities:
        if q.indicator and q.unit_kind == "count":
            p = doc.paragraph_at(q.span.start)
            if p is not None and p.index not in para_leads:
                para_leads[p.index] = (q, _normalise(q.indicator, data, params.min_chars))
    for entries in by_context.values():
        names = {e[1] for e in entries}
        related = _related_names(names, params)
        split = _breakdowns(entries, related)
        earlier: dict[str, list[int]] = {}     # name -> earlier entries worth comparing
        seen_keys: set[tuple] = set()
        for i, (_, name, q, para) in enumerate(entries):
            # Only entries whose names are the same indicator (_same) are compared, in order;
            # an entry saying exactly what an earlier one of its name and paragraph says
            # decides nothing new and is not kept (linear in a document of repeats).
            candidates = sorted(j for other in related[name] for j in earlier.get(other, ())[:_MAX_COMPARED])
            for j in candidates[:_MAX_COMPARED]:
                _, first_name, first, first_para = entries[j]
                # 到2024年…比例达到30%；到2024年…比例达到40%: one target for one deadline,
                # each clause writing the year, is stated twice even in one paragraph.
                dated_pair = (first_para == para and id(first) in dated and id(q) in dated
                              and first.sentence != q.sentence)
                if first_para == para and not params.same_paragraph and not dated_pair:
                    continue
                if _agree(first, q):
                    continue
                within = first_para == para    # compared here only when dated or asked for
                if not within and ((first_para, first_name) in split or (para, name) in split):
                    continue    # a breakdown: this paragraph gives the indicator per subject
                if _other_subjects(doc, data, params, first, first_name, q, name):
                    continue    # 长三角…比例 and 汾渭平原…比例: one indicator, two subjects
                lead_a, lead_b = leads.get(id(first)), leads.get(id(q))
                if _period(doc, data, first) != _period(doc, data, q):
                    continue    # 1—2月… and 2月…, 上半年… and 全年…: two periods
                if _bracket_scope(doc, data, first) != _bracket_scope(doc, data, q):
                    continue    # …（含托管区）… and …（不含托管区）…: two scopes
                if aggregate_of.get(id(first)) != aggregate_of.get(id(q)):
                    continue    # 税收收入 under 财政总收入 and under 一般公共预算收入: two aggregates
                if (_implicit(doc, data, params, first, first_name, q, name, lead_a, lead_b)
                        and _heading_subjects(doc, data, first, q)):
                    continue    # under （一）城区学校 and （二）农村学校: two subjects
                if (lead_a is not None and lead_b is not None and lead_a[0] is not lead_b[0]
                        and _other_subjects(doc, data, params, lead_a[0], lead_a[1], lead_b[0], lead_b[1])):
                    continue    # the records these clauses belong to open on two subjects
                head_a, head_b = para_leads.get(first_para), para_leads.get(para)
                if (not within and head_a is not None and head_b is not None and head_a[0] is not first
                        and head_b[0] is not q and _two_populations(head_a, head_b)):
                    continue    # 户籍总人口…自然增长率5.1‰ and 常住人口…自然增长率0.05‰: two populations
                change = q.unit_kind == "percentage-point" and q.verb_kind != "level"
                value = f"{q.verb}{q.text}" if change and q.verb else q.text
                first_value = f"{first.verb}{first.text}" if change and first.verb else first.text
                args = {"indicator": q.indicator, "value": value, "first": first_value,
                        "first_line": doc.position(first.span.start)[0],
                        "first_statement": f"{first.indicator}{first.verb or ''}{first.text}"}
                yield Finding(q.span, args=args, note="first_at")
                break
            key = (name, para, q.unit_kind, q.scaled, q.bound == "about")
            if key not in seen_keys:
                seen_keys.add(key)
                earlier.setdefault(name, []).append(i)


_SUM_TERMS = 3      # figures of the unit before a total in its record that make it a sum
_SUM_REACH = 2000   # how far back its record is looked for (a text without full stops)


def _closes_sum(text: str, quantities, starts, index: int) -> bool:
    """Whether a money figure closes a running sum: its record (since the last full stop)
    holds at least ``_SUM_TERMS`` figures of its unit before it (地方财政收入A，加返还性收入B；
    …收入C；…财政总收入为X).  Such a total adds transfers and balances to the figure of the
    same name stated before it: a wider scope, not a restatement."""
    q = quantities[index]
    if q.unit_kind != "money":
        return False
    lo = max(0, q.span.start - _SUM_REACH)
    stop = max(text.rfind("\u3002", lo, q.span.start), text.rfind("\n", lo, q.span.start), lo - 1)
    first = bisect.bisect_right(starts, stop)
    same = sum(1 for p in quantities[first:index] if p.unit == q.unit and p.unit_kind == "money")
    return same >= _SUM_TERMS


def _breakdowns(entries, related) -> set[tuple]:
    """(paragraph, name) pairs of paragraphs that state one indicator with two values.

    A paragraph does not contradict itself on purpose: the same indicator given twice
    there with different values belongs to different subjects (京津冀…PM2.5浓度为51,
    北京市…PM2.5浓度为33).  Each of its statements of that indicator names its own
    subject, and none of them restates a figure of another paragraph.
    """
    by_para: dict[tuple, list] = {}
    for _, name, q, para in entries:
        by_para.setdefault((para, name), []).append(q)
    split: set[tuple] = set()
    for (para, name), found in by_para.items():
        others = [q for other in related[name] for q in by_para.get((para, other), ())]
        if any(not _agree(a, b) for a in found for b in others):
            split.add((para, name))
    return split


def _money_aggregates(doc, data) -> dict[int, str]:
    """For each money figure not itself named after a budget aggregate
    (``metric_money_aggregates``), the last aggregate the text names before it: 税收收入
    after 财政总收入 is part of that whole, after 一般公共预算收入 (a figure's name, or
    一般公共预算收入中，…) of the other."""
    words = data.metric_money_aggregates
    if not words:
        return {}
    pattern = _aggregate_pattern(tuple(sorted(words, key=len, reverse=True)))
    text = doc.folded_text
    found = [(m.end(), m.group()) for m in pattern.finditer(text)]
    if not found:
        return {}
    ends = [e for e, _ in found]
    out: dict[int, str] = {}
    for q in doc.quantities:
        if q.unit_kind != "money" or not q.indicator or pattern.match(q.indicator):
            continue
        k = bisect.bisect_right(ends, q.span.start) - 1
        if k >= 0:
            out[id(q)] = found[k][1]
    return out


@lru_cache(maxsize=8)
def _aggregate_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return compile_skipping(escaped_join(words))


def _two_populations(head_a, head_b) -> bool:
    """Whether two paragraphs open on counts of two kinds of one thing (户籍总人口 and 常住
    人口: one noun, two qualifiers): the figures after each are that population's."""
    (qa, a), (qb, b) = head_a, head_b
    if qa.unit_kind != "count" or qb.unit_kind != "count" or a == b:
        return False
    core = _common_tail(a, b)
    return len(core) >= 2 and core not in (a, b)


def _record_leads(text: str, statements) -> dict[int, tuple]:
    """For each statement, the first statement of its sentence (up to a full stop) and
    its name: the record the clause belongs to (长三角…比例为80.8%，…，PM2.5浓度为38)."""
    leads: dict[int, tuple] = {}
    current = None
    for _, name, q, para in statements:
        start = _record_start(text, q.span.start)
        if current is None or current[0] != (para, start):
            current = ((para, start), (q, name))
        leads[id(q)] = current[1]
    return leads


def _record_start(text: str, at: int) -> int:
    # one match back to the last record end (``last_mark``), not a ``str.rfind`` per mark
    return last_mark("".join(_RECORD_ENDS))(text, 0, at) + 1


def _other_subjects(doc, data, params, a, a_name, b, b_name) -> bool:
    """Whether two statements of one indicator name two different subjects before it.

    ``京津冀及周边地区城市平均优良天数比例`` and ``长三角41个城市平均优良天数比例``: what
    stands before the shared name (a count such as 41个 included) differs, and neither is
    empty.  A qualifier on one side only (义务教育标准化学校覆盖率 and 标准化学校覆盖率) is
    the same indicator shortened, and scope words (全市, 确保) are no subject.
    """
    core = _common_tail(a_name, b_name)
    if len(core) < params.min_suffix_chars and core not in (a_name, b_name):
        return False    # no indicator in common: nothing to say about subjects
    first = _qualifier(doc, data, params, a, core)
    second = _qualifier(doc, data, params, b, core)
    if first and second:
        return first != second
    # 全市…比例 (the whole, its scope word dropped) and 北部山区…比例 (a part of it):
    # a qualifier on one side only is a subject when it names a place or a count of one.
    single = first or second
    return bool(single) and (any(ch.isdigit() for ch in single)
                             or any(w in single for w in data.metric_subject_words))


def _period(doc, data, q) -> str:
    """The part of the year a statement is about: the last period written in its paragraph
    before it (1—2月, 2月, 上半年, 前三季度 …; a date such as 3月28日 is none), or ""
    for the whole year (全年 is the same as nothing)."""
    para = doc.paragraph_at(q.span.start)
    start = para.span.start if para is not None else 0
    found = [m.group() for m in _deadline_years(data.metric_period_pattern).finditer(doc.folded_text, start, q.indicator_span.start)]
    period = found[-1] if found else ""
    return "" if period in data.metric_whole_year_words else period


_BRACKET = compile_skipping(r"[\uff08(]([^\uff08\uff09()]{1,40})[\uff09)]")


def _bracket_scope(doc, data, q) -> str:
    """The scope a statement's paragraph spells out in brackets before it (the last
    bracket opening with a ``metric_scope_bracket_words`` word: 含…, 不含…), or ""."""
    words = tuple(data.metric_scope_bracket_words)
    if not words:
        return ""
    para = doc.paragraph_at(q.span.start)
    start = para.span.start if para is not None else 0
    found = [m.group(1) for m in _BRACKET.finditer(doc.folded_text, start, q.indicator_span.start)
             if m.group(1).startswith(words)]
    return found[-1] if found else ""


def _implicit(doc, data, params, a, a_name, b, b_name, lead_a, lead_b) -> bool:
    """Whether neither statement names its subject before the indicator, itself or in the
    record it belongs to: only then do the headings above them say whose figures they are."""
    pairs = [(a, a_name, b, b_name)]
    if lead_a is not None and lead_b is not None:
        pairs.append((lead_a[0], lead_a[1], lead_b[0], lead_b[1]))
    for x, x_name, y, y_name in pairs:
        core = _common_tail(x_name, y_name)
        if _qualifier(doc, data, params, x, core) or _qualifier(doc, data, params, y, core):
            return False
    return True


def _heading_subjects(doc, data, a, b) -> bool:
    """Whether two statements sit under two different headings that each name a subject
    (a place or an area: （一）城区学校 … （二）农村学校): the headings where their
    chains of numbered blocks part."""
    chain_a, chain_b = _blocks_at(doc, a.span.start), _blocks_at(doc, b.span.start)
    for x, y in zip(chain_a, chain_b):
        if x is y:
            continue
        titles = []
        for block, q in ((x, a), (y, b)):
            end = block.head.end if not block.head.start <= q.span.start < block.head.end else q.indicator_span.start
            title = doc.folded_text[block.marker.span.end:end]
            for word in data.metric_scope_words + data.metric_leading_words:
                title = title.replace(word, "")
            titles.append(title)
        named = [t for t in titles if any(w in t for w in data.metric_subject_words)]
        return len(named) == 2 and titles[0] != titles[1]
    return False


def _blocks_at(doc, offset: int) -> list:
    chain = []
    blocks = doc.structure.blocks
    while blocks:
        inside = next((b for b in blocks if b.span.start <= offset < b.span.end), None)
        if inside is None:
            break
        chain.append(inside)
        blocks = inside.children
    return chain


def _common_tail(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[len(a) - 1 - n] == b[len(b) - 1 - n]:
        n += 1
    return a[len(a) - n:] if n else ""


def _qualifier(doc, data, params, q, core: str) -> str:
    text = doc.folded_text
    start = _extended_start(doc, q)
    name = _normalise(text[start:q.indicator_span.end], data, params.min_chars)
    if not name.endswith(core):
        return ""
    qualifier = name[:len(name) - len(core)]
    leading = _longest_first(tuple(data.metric_leading_words))
    changed = True
    while changed and qualifier:
        changed = False
        for word in leading:
            if qualifier.startswith(word):
                qualifier = qualifier[len(word):]
                changed = True
                break
    return qualifier.strip(" \t\u3000")


def _extended_start(doc, q) -> int:
    """The start of an indicator reached back over the counts written into its subject
    (长三角41个 | 城市平均优良天数比例): each figure ending right where the indicator
    starts, with the words before that figure."""
    quantities = doc.quantities
    start = q.indicator_span.start
    i = _index_before(quantities, start)
    steps = 0
    while i >= 0 and steps < 3:
        prev = quantities[i]
        if doc.folded_text[prev.span.end:start].strip(" \t\u3000"):
            break
        if prev.indicator_span is None or prev.indicator_span.end > prev.span.start:
            start = prev.span.start
        else:
            start = prev.indicator_span.start
        i -= 1
        steps += 1
    return _over_bracket(doc.folded_text, start)


_BRACKET_REACH = 20     # how long a qualifying bracket before an indicator may be
_HEAD_REACH = 12        # how far the words before that bracket are taken


def _over_bracket(text: str, start: int) -> int:
    """The start of an indicator reached back over a bracket that qualifies it and the words
    before that bracket: 小学高学历（专科及以上）| 教师比例 and 初中高学历（本科及以上）| 教师比例
    name two subjects, not one indicator twice."""
    if start == 0 or text[start - 1] not in "）)":
        return start
    opened = -1
    for i in range(start - 2, max(-1, start - 2 - _BRACKET_REACH), -1):
        if text[i] in "（(":
            opened = i
            break
        if text[i] in "）)，,。；;：:\n":
            return start
    if opened < 0:
        return start
    head = opened
    while head > 0 and opened - head < _HEAD_REACH and 0x4E00 <= ord(text[head - 1]) <= 0x9FFF:
        head -= 1
    return head


def _index_before(quantities, at: int) -> int:
    lo, hi = 0, len(quantities)
    while lo < hi:
        mid = (lo + hi) // 2
        if quantities[mid].span.end <= at:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


# A record (one subject's figures) ends at a full stop or a line end.
_RECORD_ENDS = ("。", "！", "？", "\n")

# Earlier statements compared with one statement at most (distinct ones: repeats are not kept).
_MAX_COMPARED = 256


def _related_names(names: set[str], params: Params) -> dict[str, set[str]]:
    """For each name, the names ``_same`` accepts with it, found from their suffixes
    instead of testing every pair."""
    enders: dict[str, list[str]] = {}      # a name -> the other names ending with it
    for n in names:
        for cut in range(1, len(n)):
            tail = n[cut:]
            if len(tail) >= params.min_suffix_chars and tail in names:
                enders.setdefault(tail, []).append(n)
    related = {n: {n} for n in names}
    for short, longer in enders.items():
        if len(longer) == 1:            # the short name stands for one indicator only
            related[short].add(longer[0])
            related[longer[0]].add(short)
    return related


def _respectively(text: str, q, data: MetricData) -> bool:
    if q.indicator_span is None:
        return False
    between = text[q.indicator_span.end:q.span.start]
    return any(w in between for w in data.metric_respectively_words)


def _statement(doc, q, previous_end, data, params, words, exceptions, dated):
    if not q.indicator or q.indicator_span is None or q.unit is None or q.is_range:
        return None
    if q.indicator_span.start < previous_end or q.indicator_span.end > q.span.start:
        return None     # inherited from a list head or reaching over another figure
    rate = is_rate(q.indicator, words, exceptions)
    change = None
    if params.point_changes and q.unit_kind == "percentage-point" and q.verb_kind in ("increase", "decrease"):
        # 近视率较上年下降0.8个百分点 … 下降0.6个百分点: one change, two sizes — when
        # measured from the same base (较上年 and 比全省平均 are two changes).
        base = ""
        if q.verb_span is not None and q.indicator_span.end <= q.verb_span.start:
            base = doc.folded_text[q.indicator_span.end:q.verb_span.start].strip().lstrip(data.metric_base_marks)
        change = (q.verb_kind, base)
    elif q.verb_kind not in params.level_verbs and not (q.verb is None and rate):
        return None
    name = _normalise(q.indicator, data, params.min_chars)
    if len(name) < params.min_chars or name.startswith(_action_words(data)):
        return None
    if name.endswith(tuple(data.metric_period_scope_endings)):
        return None     # “十三五”以来 names a period; the change is an earlier clause's indicator's
    offset = q.span.start
    sentence = doc.sentence_at(offset)
    head = doc.folded_text[sentence.span.start:offset] if sentence else ""
    years = [m.group() for m in _deadline_years(data.metric_deadline_year).finditer(head)]
    if years:
        dated.add(id(q))
    year = doc.year_at(offset)
    deadline = int(years[-1]) if years else year
    unit = data.metric_unit_aliases.get(q.unit, q.unit)
    context = (doc.kind_at(offset), year, deadline, unit, change)
    para = doc.paragraph_at(offset)
    return context, name, q, para.index if para else None


# ``_normalise`` reads only the indicator and the data's word lists, and documents repeat
# their indicators (each one a few dozen ``startswith`` over the word lists, a quarter of
# metric-restated's time): names are kept per indicator for the last data object asked
# about (its identity checked; swapped whole, so a thread reads one data's names), at most
# ``_NAMES_MAX`` of them.
_NAMES_MAX = 20_000
_NAMES: tuple = (None, {})


def _normalise(indicator: str, data: MetricData, min_chars: int) -> str:
    """``_normalised``, kept per (indicator, min_chars) for ``data``."""
    global _NAMES
    kept = _NAMES
    if kept[0] is not data:
        kept = _NAMES = (data, {})
    names = kept[1]
    key = (indicator, min_chars)
    name = names.get(key)
    if name is None:
        if len(names) >= _NAMES_MAX:
            names.clear()
        name = names[key] = _normalised(indicator, data, min_chars)
    return name


def _normalised(indicator: str, data: MetricData, min_chars: int) -> str:
    name = indicator.strip(" \t\u3000“”\"'")
    leading = _longest_first(tuple(data.metric_leading_words))
    changed = True
    while changed and name:
        changed = False
        for word in leading:
            if name.startswith(word) and len(name) > len(word):
                name = name[len(word):]
                changed = True
                break
    # 期中质量检测全校及格率 and 期中质量检测及格率: a scope word inside says nothing more.
    for word in _longest_first(tuple(data.metric_scope_words)):
        if word in name and len(name) - len(word) >= min_chars:
            name = name.replace(word, "")
    # 高新技术企业总数 and 高新技术企业 are one indicator; 学生总数 stays as written.
    for word in _longest_first(tuple(data.metric_trailing_words)):
        if name.endswith(word) and len(name) - len(word) >= min_chars:
            name = name[:-len(word)]
            break
    return name


def _action_words(data: MetricData) -> tuple[str, ...]:
    """The action words as one tuple (``str.startswith`` tests them all in one call),
    made once per data object."""
    global _ACTIONS
    kept = _ACTIONS
    if kept[0] is not data:
        kept = _ACTIONS = (data, tuple(data.metric_action_words))
    return kept[1]


_ACTIONS: tuple = (None, ())


@lru_cache(maxsize=32)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` longest first (the stable sort sorted() gave per name), once per list."""
    return tuple(sorted(words, key=len, reverse=True))


def _same(a: str, b: str, names: set[str], params: Params) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < params.min_suffix_chars or not long_.endswith(short):
        return False
    # The short name must stand for one indicator only.
    return sum(1 for n in names if n != short and n.endswith(short)) == 1


def _agree(a, b) -> bool:
    """Whether two figures say the same (to the precision written)."""
    if a.unit_kind != b.unit_kind:
        return True     # different kinds of figure: nothing to compare
    x, y = a.scaled, b.scaled
    if "about" in (a.bound, b.bound):
        return abs(x - y) <= 0.05 * max(abs(x), abs(y))
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
