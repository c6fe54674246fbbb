"""A stated count that the list it names does not match: ``A、B、C等四项工程``.

A claim is a numeral with a classifier (``八项``, ``6所``, ``五个方面``, ``两县``) outside
quotes and titles (``“六个一”行动`` and ``“四个意识”`` are names, not claims) — or a
quoted name opening with one that a colon then spells out (``“八大工程”：A、B…``,
``“4个100%”：A100%、B100%…``), whose list is looked for after the colon only.  Its list
is looked for in four places, the first that fits wins:

1. right before it: ``“A”“B”“C”三项…``, ``“A、B、C”等八项…``, ``A、B、C等6所院校``
   (``等``/``共``/``这`` may stand between list and count) — unless a colon follows its
   noun (``提三点希望：``), which announces the list after it;
2. right after its noun: ``…八项工程：A、B…``, ``…3个专业（A、B、C）``, ``…，即A、B…``;
3. an ``一是…二是…`` sequence that starts right after the sentence ending with the
   claim (``把握两项原则。一是…二是…``);
4. the numbered children of a heading whose title ends with the claim
   (``三、强力推进八项工程`` → ``（一）…（八）``).

Only a clearly delimited list is counted, and the check errs on the side of silence:

* ``等`` after a list may close it (``等六方面内容``) or cut it short (``A、B等十大
  工程``), so with ``等`` only a list *longer* than the count is reported;
* a claim whose noun runs on to a 、 is inside one item of a list (``…中心、电子五所
  服务型制造研究院、…``): a name, not a count;
* a last item holding 和/及/与 may be one item or two (``市一中新建体育馆和市职教中心
  实训楼3个项目``); either reading is accepted;
* an unquoted list's first items may belong to the clause before it (``在市委、市政府
  领导下推进A、B两项改革``): when an item holds a verb from ``count_list_starters`` the
  list may start after it, and an unquoted list is reported only when its length is
  within ``max_gap`` of the count (``中小学、幼儿园教师职业行为十项准则`` is a name);
* children of a heading are counted only when they run 1…k without a gap and the
  heading's next sibling follows it without a gap: a document with a hole in it
  (``三、`` … ``五、``, content cut out) says nothing about how many items were there,
  and neither does a heading whose list the text stops inside, mid-sentence (a page cut
  at a store's limit): fewer children than claimed there are not reported;
* likewise an ``一是…`` run the text stops inside (its paragraph and the lines that go
  on with it reach the end of the text, which stops mid-sentence) is not counted short.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.enumeration.lists import (
    CLAUSE_END,
    CLOSERS,
    PAIRS,
    after_marker,
    CountTables,
    count_value,
    has_top_level,
    inside_naming,
    item_range,
    match_pairs,
    split_items,
    tables_for,
    words_by_length,
)
from checker.checks.finding import Finding
from checker.model.numerals import CN_NUMERAL_CHARS, parse_cn_int
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({
    "claim",    # the count as written: 八项
    "count",    # its value: 8
    "listed",   # how many items the list has: 7
    "where",    # where the list is: the template named below, filled
})
# Where the list counted is (messages: in the pack, filling {where}): right before the
# claim, right after its noun, an 一是… sequence after it, the children of its heading.
MESSAGES = frozenset({"preceding", "following", "inline", "children"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_count: int = Field(2, ge=1)        # 一个目标 with one quote is no list to count
    max_count: int = Field(20, ge=2)       # 690场 after a list is a quantity, not a claim
    max_gap: int = Field(2, ge=1)          # unquoted lists: report only near misses
    max_item_chars: int = Field(30, ge=4)  # a longer "item" is a clause, not a list item
    max_noun_chars: int = Field(12, ge=1)  # the noun after the classifier: 工程, 方面内容
    tail_chars: int = Field(2, ge=0)       # claim noun to the end of a heading title
    open_gap: int = Field(1, ge=0)         # a 等-list this much shorter than its count is reported
    open_min_items: int = Field(3, ge=2)   # …when it names at least this many items
    check_preceding: bool = True           # look for the list right before the claim: A、B、C等三项
    check_following: bool = True           # look for the list right after the claim's noun: 三项工程：A、B、C
    check_inline_enums: bool = True        # look for the list in an 一是…二是… sequence after the claim
    check_children: bool = True            # count the numbered children of a heading ending in the claim
    # hard-wrapped copy (a web page or a PDF copied line by line): an 一是… sequence goes on
    # in the lines after the claim's, its markers partway down them; a next marker is
    # looked for this many lines after the last
    wrapped_item_lines: int = Field(12, ge=0)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    if not doc.paragraphs:
        return      # a claim is found in a paragraph: no tables built for a document without any
    tables = tables_for(rule.vocabulary, doc.measure_words.with_role("list-count"))
    text = doc.text
    done: set[int] = set()
    enums = _enums_by_paragraph(doc) if params.check_inline_enums else {}
    for para in doc.paragraphs:
        start, end = para.span.start, para.span.end
        start = after_marker(text, start, end)
        claims = list(tables.claim.finditer(text, start, end))
        if not claims:
            continue        # most paragraphs claim no count: their bracket pairs are not needed
        partner = match_pairs(text, start, end)
        for match in claims:
            claim = _claim(text, match, start, end, partner, tables, params)
            result = None
            if claim is None:
                # “八大工程”：A、B… — a quoted name that a colon then spells out is a claim.
                claim = _quoted_claim(text, match, partner, params, tables, start)
                if claim is None:
                    continue
                count, noun_end = claim
                if text[noun_end] == "。":
                    result = _next_sentence(text, match, count, noun_end, end, partner, tables)
                elif params.check_following:
                    result = _following(text, noun_end, end, partner, tables)
                if result is None and params.check_inline_enums:
                    result = _inline(text, noun_end, enums.get(para.index, ()), params)
            else:
                count, noun_end = claim
                # 提三点希望：… announces its list after the colon; a list before the claim
                # (受区委、区政府委托向大家提出四点要求：) is not the one it counts
                if params.check_preceding and text[noun_end:noun_end + 1] not in "：:":
                    result = _preceding(text, match.start(), start, partner, tables, params)
                if result is None and params.check_following:
                    result = _following(text, noun_end, end, partner, tables)
                if result is None and params.check_inline_enums:
                    result = _inline(text, noun_end, enums.get(para.index, ()), params)
            if result is not None and result[3] == "inline" and params.wrapped_item_lines:
                result = _wrapped_on(doc, para.index, result, enums, params)
            if result is None and params.check_inline_enums and not text[noun_end:end].strip("：:。 \t"):
                result = _enum_paragraphs(doc, para.index, enums, tables)
            if result is None:
                continue
            listed, plausible, open_end, where, loose = result
            if _consistent(count, listed, plausible, open_end, params):
                continue
            if where == "inline" and max(plausible) < count and _run_cut_at_end(doc, para.index, tables, max(plausible) == 1):
                continue    # the text stops inside the 一是… run: its later items were cut off
            if loose and min(abs(count - n) for n in plausible) > params.max_gap:
                continue
            done.add(match.start())
            # The reading of the list nearest its count (和 may join two items or not).
            yield _finding(rule, match, count, min(plausible, key=lambda k: (abs(k - count), k)), where)
    if params.check_children:
        yield from _children(doc, rule, tables, params, done)


def _finding(rule, match: re.Match[str], count: int, listed: int, where: str) -> Finding:
    return Finding(Span(match.start(), match.end()),
                   args={"claim": match.group(), "count": count, "listed": listed, "where": rule.fill(where)})


def _consistent(count: int, listed: int, plausible: set[int], open_end: bool, params: Params) -> bool:
    if count in plausible:
        return True
    if open_end and count > max(plausible):
        # A、B等十大工程 names two of ten.  But five names 等6所院校 is one short, not a
        # sample: the list is reported when it is short by at most ``open_gap``.
        return count - max(plausible) > params.open_gap or listed < params.open_min_items
    return False


# -- the claim -------------------------------------------------------------------------

def _claim(text: str, match: re.Match[str], floor: int, ceiling: int, partner: dict[int, int],
           tables: CountTables, params: Params) -> tuple[int, int] | None:
    """(count, end of its noun) when the match is a count claim, else None."""
    start, end = match.span()
    count = count_value(match.group("num"))
    if count is None or not params.min_count <= count <= params.max_count:
        return None
    before = text[start - 1] if start > floor else ""
    if before and (before.isdigit() or before in CN_NUMERAL_CHARS or before in ".．%％-－～~—"):
        return None
    # a word of the lists ending at the claim (within the paragraph) or starting after it:
    # one set look-up per length of word instead of a comparison per word (a loop, not
    # any() over a generator: asked some eighty times a document)
    for n, words in tables.not_before:
        if start - n >= floor and text[start - n:start] in words:
            return None
    for n, words in tables.not_after:
        if text[end:end + n] in words:
            return None
    if inside_naming(text, start, partner):
        return None
    if _named(text, start, end, floor, tables):
        return None     # 党的二十大, 中央八项规定: a name with a number in it
    noun_end = end
    while (noun_end < ceiling and noun_end - end < params.max_noun_chars and text[noun_end] not in CLAUSE_END
           and text[noun_end] not in PAIRS and text[noun_end] not in CLOSERS and text[noun_end] != "、"
           and not text[noun_end].isspace()):
        noun_end += 1
    if noun_end == end and len(match.group("cls")) < 2:
        return None     # 演练690场， 比赛3场。: a quantity of the last item, not a count of items
    if noun_end > end and noun_end < ceiling and text[noun_end] == "、":
        return None     # …、电子五所服务型制造研究院、…: a name inside one item of a list
    return count, noun_end


def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """``words`` grouped by length (the empty word, which every place holds, as length 0);
    the tables hold the vocabulary's two lists so grouped (``CountTables.not_before``)."""
    return words_by_length(list(words))


def _named(text: str, start: int, end: int, floor: int, tables: CountTables) -> bool:
    """The numeral at ``start`` belongs to a fixed name of the data (二十大, 八项规定, a
    political formula such as 两个维护 or 四个自信): a name, never a count of a list."""
    return tables.names is not None and any(
        m.start() <= start < m.end() for m in tables.names.finditer(text, max(floor, start - 6), end + 6))


def _quoted_claim(text: str, match: re.Match[str], partner: dict[int, int], params: Params,
                  tables: CountTables, floor: int) -> tuple[int, int] | None:
    """(count, position of the colon) for ``“八大工程”：`` or ``“4个100%”：``, else None.
    A full stop may stand for the colon (``实施“三项工程”。一是…``): the list must then open
    the next sentence directly (see ``_next_sentence``)."""
    open_at = match.start() - 1
    if open_at < 0 or text[open_at] not in "“‘" or open_at not in partner:
        return None
    close_at = partner[open_at]
    if close_at < open_at or close_at + 1 >= len(text) or text[close_at + 1] not in "：:。":
        return None
    if close_at - match.end() > params.max_noun_chars:
        return None
    if _named(text, match.start(), match.end(), floor, tables):
        return None     # 做到“两个维护”。一是…: a formula's name, not the count of the 一是 list after it
    count = count_value(match.group("num"))
    if count is None or not params.min_count <= count <= params.max_count:
        return None
    return count, close_at + 1


# -- 1. a list right before the claim -------------------------------------------------------

def _skip_connectors(text: str, pos: int, floor: int, tables: CountTables) -> tuple[int, bool]:
    """Step back over 等/共/这 between a list and its count; (new position, saw 等)."""
    open_end = False
    words = tables.connectors
    moved = True
    while moved:
        moved = False
        for word in words:
            if pos - len(word) >= floor and text.startswith(word, pos - len(word)):
                pos -= len(word)
                open_end = open_end or word in tables.data.count_open_ends
                moved = True
                break
    return pos, open_end


def _preceding(text: str, claim_start: int, floor: int, partner: dict[int, int],
               tables: CountTables, params: Params):
    p, open_end = _skip_connectors(text, claim_start, floor, tables)
    if p <= floor:
        return None
    last = text[p - 1]
    if last in "”’" and (p - 1) in partner:
        return _quoted_before(text, p, floor, partner, tables, open_end)
    if last in CLAUSE_END or last in PAIRS or last in CLOSERS or last == "、" or last.isspace():
        return None
    # An unquoted list: back to the start of the clause.
    b = p
    while b > floor:
        ch = text[b - 1]
        if ch in CLOSERS and (b - 1) in partner:
            b = partner[b - 1]
            continue
        if ch in CLAUSE_END or ch in PAIRS or ch in CLOSERS:
            break
        b -= 1
    if tables.fixed is not None and tables.fixed.search(text, b, p):
        return None
    items = split_items(text, b, p, partner)
    if len(items) < 2 or any(not text[s:e].strip() for s, e in items):
        return None
    if any(e - s > params.max_item_chars for s, e in items[1:]):
        return None
    if any(ch.isdigit() for ch in text[b:p]):
        return None     # 小学72所、初中26所、高中11所: quantities, not a list of names
    n = len(items)
    low, high = item_range(text, *items[-1], partner, tables)
    plausible = set(range(n - 1 + low, n + high))
    starters = tables.data.count_list_starters
    for i, (s, e) in enumerate(items[1:-1], start=1):
        if any(w in text[s:e] for w in starters):
            plausible.update(range(n - i - 1 + low, n - i + high))
    return n, plausible, open_end, "preceding", True


def _quoted_before(text: str, p: int, floor: int, partner: dict[int, int], tables: CountTables, open_end: bool):
    groups: list[tuple[int, int]] = []
    q = p
    while q > floor and text[q - 1] in "”’" and (q - 1) in partner:
        o = partner[q - 1]
        groups.append((o + 1, q - 1))
        q = o
        # “A”、“B” and “A”和“B”: a separator between two quoted items
        if q - 1 > floor and text[q - 1] in tables.quote_separators and text[q - 2] in "”’" and (q - 2) in partner:
            q -= 1
    groups.reverse()
    if q > floor and text[q - 1] in tables.quote_separators:
        return None     # unquoted items before the quoted ones: a mixed list, not counted
    # Quoted names are written out in full: “A、B、C”等八项 closes its list with 等.
    if len(groups) >= 2:
        return len(groups), {len(groups)}, False, "preceding", False
    o, c = groups[0]
    while c > o and text[c - 1] in tables.open_end_chars:
        c -= 1
    items = split_items(text, o, c, partner)
    if len(items) < 2 or any(not text[s:e].strip() for s, e in items):
        return None
    n = len(items)
    low, high = item_range(text, *items[-1], partner, tables)
    return n, set(range(n - 1 + low, n + high)), False, "preceding", False


# -- 2. a list right after the claim's noun --------------------------------------------------

def _following(text: str, noun_end: int, ceiling: int, partner: dict[int, int], tables: CountTables):
    if noun_end >= ceiling:
        return None
    ch = text[noun_end]
    if ch in "（(" and noun_end in partner:
        start, end = noun_end + 1, partner[noun_end]
        if tables.fixed is not None and tables.fixed.search(text, max(0, noun_end - 4), end + 1):
            return None     # 12个县（市、区）: a fixed phrase, not a list
        if _counted_breakdown(text[start:end]):
            return None     # 9个示范村（省级2个、州级7个）: the count broken down, not its items
    elif ch in "：:":
        numbered = _numbered(text, noun_end + 1, ceiling)
        if numbered is not None:
            return numbered, {numbered}, False, "following", False
        if _ITEM_MARKER.match(text, noun_end + 1, ceiling):
            return None     # 三点希望：一、… numbered items this reading cannot count: not a 、 list
        # The list runs to the first top-level ，/；/。 — its items hold no comma, so
        # “四大行动”：A、B、C，全市… ends at the comma before 全市.
        start = noun_end + 1
        end = start
        while end < ceiling and text[end] not in "。；;！？!?，,\n":
            if text[end] in PAIRS and end in partner:
                end = partner[end]
            end += 1
        if end < ceiling and text[end] in "，," and not (
                _name_like(text, start, end, partner) and not _continues(text, end + 1, ceiling, partner)):
            return None     # 三个重点：加强教师、学生管理，… — clauses, not a list of names
    elif ch in "，,":
        rest = noun_end + 1
        word = next((w for w in sorted(tables.data.count_list_introducers, key=len, reverse=True)
                     if text.startswith(w, rest)), None)
        if word is None:
            return None
        start = end = rest + len(word)
        while end < ceiling and text[end] not in CLAUSE_END:
            if text[end] in PAIRS and end in partner:
                end = partner[end]
            end += 1
    else:
        return None
    while start < end and text[start].isspace():
        start += 1
    if tables.inline_marker.match(text, start):
        return None     # 一是…: the inline sequence is counted by _inline
    open_end = False
    cut = _open_end_at(text, start, end, partner, tables)
    if cut is not None:
        end, open_end = cut, True
    if has_top_level(text, start, end, partner, frozenset("，,；;：:。")):
        return None     # clauses, not a list of names
    groups = _quote_groups(text, start, end, partner, tables)
    if groups is not None and len(groups) >= 2:
        return len(groups), {len(groups)}, open_end, "following", False
    items = split_items(text, start, end, partner)
    if len(items) < 2 or any(not text[s:e].strip() for s, e in items):
        return None
    n = len(items)
    low, high = item_range(text, *items[-1], partner, tables)
    return n, set(range(n - 1 + low, n + high)), open_end, "following", False


_CN_CHARS = "".join(sorted(CN_NUMERAL_CHARS))
# A numbered item's marker: 一、 or （一）.
_ITEM_MARKER = compile_skipping(rf"[ \u3000]*(?:([{_CN_CHARS}]{{1,3}})\u3001|[（(]([{_CN_CHARS}]{{1,3}})[）)])")


def _numbered(text: str, start: int, ceiling: int) -> int | None:
    """How many numbered items (一、…；二、…；三、…) follow a colon, each closed by a
    semicolon, the last by the full stop or the paragraph's end; None unless the items
    run 1, 2, 3 … in one style and every semicolon opens the next item.  Such items
    hold 、 and 和 of their own, so they are counted by their numbers, not split."""
    count, pos, style = 0, start, None
    while True:
        marker = _ITEM_MARKER.match(text, pos, ceiling)
        if marker is None:
            if count >= 2 and not text[pos:ceiling].strip():
                return count        # the last item closed by a semicolon
            return None
        ordinal = parse_cn_int(marker.group(1) or marker.group(2))
        if ordinal != count + 1 or style not in (None, marker.group(1) is None):
            return None
        style = marker.group(1) is None
        count += 1
        stop = pos = marker.end()
        while stop < ceiling and text[stop] not in "\uff1b;\u3002\n":
            stop += 1
        if stop >= ceiling or text[stop] in "\u3002\n":
            return count if count >= 2 else None
        pos = stop + 1


_BREAKDOWN_SPLIT = compile_skipping("[\u3001\uff0c,\uff1b;]")
_DIGIT = compile_skipping("[0-9\uff10-\uff19]")


def _counted_breakdown(inner: str) -> bool:
    """Whether a bracket after a count gives a figure in every item (A级2个、B级7个): it
    says how the count divides, so its items are shares of the count, not the things counted."""
    items = [i for i in _BREAKDOWN_SPLIT.split(inner) if i.strip()]
    return len(items) >= 2 and all(_DIGIT.search(i) for i in items)


def _next_sentence(text: str, match: re.Match[str], count: int, stop: int, ceiling: int, partner: dict[int, int],
                   tables: CountTables):
    """``实施“三项工程”。A工程、B工程、C工程…``: a list of names opening the sentence after
    a quoted count.  The list runs to the first top-level ，/；/。 and every item must end
    as the quoted noun does (工程), else the sentence is about something else."""
    noun = text[match.end():partner[match.start() - 1]].strip()
    if not noun:
        return None
    start = stop + 1
    while start < ceiling and text[start].isspace():
        start += 1
    end = start
    while end < ceiling and text[end] not in "。；;！？!?，,\n":
        if text[end] in PAIRS and end in partner:
            end = partner[end]
        end += 1
    if tables.inline_marker.match(text, start):
        return None     # 一是…: the inline sequence is counted by _inline
    groups = _quote_groups(text, start, end, partner, tables)
    if groups is not None and len(groups) >= 2:
        if all(text[e - 1] == noun[-1] for _, e in groups if e > 0):
            return len(groups), {len(groups)}, False, "following", False
        return None
    if _open_end_at(text, start, end, partner, tables) is not None:
        return None
    tail = noun[-2:]
    items = [text[s:e].strip() for s, e in split_items(text, start, end, partner)]
    # The last item may run on into the sentence's verb: …、师资提质行动全面铺开.
    if len(items) < 2 or not all(items) or any(not item.endswith(tail) for item in items[:-1]):
        return None
    if tail not in items[-1] or any(w in items[-1] for w in tables.data.count_list_joiners):
        return None     # 和/及 in the last item: one item or two — not counted here
    n = len(items)
    if not items[-1].endswith(tail) and n < count:
        return None     # A工程、B工程完工: a statement about some of them, not the list
    return n, {n}, False, "following", False


def _name_like(text: str, start: int, end: int, partner: dict[int, int]) -> bool:
    """Whether the 、-items of ``text[start:end]`` read as names of one kind: they all end
    in one character (研发平台、转化平台、孵化平台)."""
    items = [text[s:e].strip() for s, e in split_items(text, start, end, partner)]
    if len(items) < 2 or not all(items):
        return False
    return len({item[-1] for item in items}) == 1


def _continues(text: str, start: int, ceiling: int, partner: dict[int, int]) -> bool:
    """Whether the clause after a list's comma holds a 、 too (A、B，C、D: one list or two?)."""
    end = start
    while end < ceiling and text[end] not in CLAUSE_END:
        if text[end] in PAIRS and end in partner:
            end = partner[end]
        end += 1
    return has_top_level(text, start, end, partner, frozenset("、"))


def _open_end_at(text: str, start: int, end: int, partner: dict[int, int], tables: CountTables) -> int | None:
    """Where a trailing 等 (等方面, 等内容) cuts a following list, or None."""
    i = end - 1
    limit = max(start, end - 6)
    while i >= limit:
        if text[i] in CLOSERS:
            break
        for word in tables.data.count_open_ends:
            if text.startswith(word, i) and i > start:
                return i
        i -= 1
    return None


def _quote_groups(text: str, start: int, end: int, partner: dict[int, int],
                  tables: CountTables) -> list[tuple[int, int]] | None:
    """``“A”“B”“C”`` (optionally with 、 between): the groups; None if other text is there."""
    groups = []
    i = start
    while i < end:
        if text[i] in "“‘" and i in partner and partner[i] < end:
            groups.append((i + 1, partner[i]))
            i = partner[i] + 1
            if i < end and text[i] in tables.quote_separators:
                i += 1
            continue
        return None
    return groups


# -- 3. an 一是…二是… sequence after the claim -----------------------------------------------

def _enums_by_paragraph(doc) -> dict[int, tuple]:
    out: dict[int, list] = {}
    for enum in doc.structure.inline_enums:
        out.setdefault(enum.paragraph, []).append(enum)
    return {k: tuple(v) for k, v in out.items()}


def _inline(text: str, noun_end: int, enums: tuple, params: Params):
    for enum in enums:
        if not enum.markers:
            continue
        first = enum.markers[0].span.start
        if first < noun_end:
            continue
        gap = text[noun_end:first].strip()
        if len(gap) > 1 or (gap and gap not in "：:。"):
            return None
        ordinals = [m.ordinal for m in enum.markers]
        if ordinals != list(range(1, len(ordinals) + 1)):
            return None     # a numbering problem, reported by the numbering rules
        k = len(ordinals)
        return k, {k}, False, "inline", False
    return None


def _wrapped_on(doc, index: int, result: tuple, enums: dict, params: Params) -> tuple | None:
    """An 一是… sequence found in the claim's line, continued in the lines after it when
    the text is hard-wrapped: its later markers (二是, 三是) sit partway down later lines
    (…不断增加。二是…), which are pieces of one paragraph.  The text is taken as wrapped
    when a line of the run, the claim's line or one before the last marker counted, stops
    mid-sentence; the run goes line by line (no blank line, no numbered heading) and takes
    the next marker of the sequence when it comes within ``wrapped_item_lines`` lines.  A
    marker out of order (a new 一是) ends the run."""
    k = result[0]
    text = doc.text
    paragraphs = doc.paragraphs
    wrapped = _mid_sentence(paragraphs[index].span.of(text))
    since = 0
    prev = paragraphs[index]
    for para in paragraphs[index + 1:]:
        if para.line != prev.line + 1:
            break       # a blank line: a new paragraph
        prev = para
        if after_marker(text, para.span.start, para.span.end) != para.span.start:
            break       # a numbered heading: a new block
        ordinals = [m.ordinal for e in enums.get(para.index, ()) for m in e.markers]
        since += 1
        if not ordinals:
            if since > params.wrapped_item_lines:
                break
            wrapped = wrapped or _mid_sentence(para.span.of(text))
            continue
        if ordinals != list(range(k + 1, k + 1 + len(ordinals))) or not wrapped:
            break
        k += len(ordinals)
        since = 0
        wrapped = wrapped or _mid_sentence(para.span.of(text))
    if k == result[0]:
        return result
    return k, {k}, False, "inline", False


def _run_cut_at_end(doc, index: int, tables: CountTables, single: bool = False) -> bool:
    """The text ends inside the 一是… run of paragraph ``index``: each later paragraph goes
    on with it (the previous one stopped mid-sentence, a hard wrap; or it opens with the
    run's next marker, one item a paragraph) and the last stops mid-sentence, or the run
    (``single``) has one item — a page store's limit cut the list, which says nothing of
    its length.  A run that a finished
    sentence ends, followed by other text, is a list of its own length."""
    text = doc.text
    prev = doc.paragraphs[index]
    for para in doc.paragraphs[index + 1:]:
        if after_marker(text, para.span.start, para.span.end) != para.span.start:
            return False        # a numbered heading: the run ended before it
        if not _mid_sentence(prev.span.of(text)) and tables.inline_marker.match(
                text, para.span.start, para.span.end) is None:
            return False        # other text after a finished sentence
        prev = para
    # A page cut at a store's limit may fall on a full stop (两个优化：一是…。 as the last
    # line): a run of one item up to the end of the text is cut too, as a published
    # document does not end on its list's first item.
    return single or _mid_sentence(prev.span.of(text))


def _mid_sentence(line: str) -> bool:
    """The line stops without ending a sentence: a hard wrap cut it."""
    end = line.rstrip(" \t\u3000").rstrip("”’」』）)》")
    return bool(end) and end[-1] not in "。！？!?；;：:…"


def _enum_paragraphs(doc, index: int, enums: dict, tables: CountTables):
    """一是… 二是… opening the paragraphs right after a claim that ends its paragraph
    (one marker a paragraph, or a paragraph holding the whole sequence)."""
    text = doc.text
    paragraphs = doc.paragraphs
    k = 0
    for para in paragraphs[index + 1:]:
        marker = tables.inline_marker.match(text, para.span.start, para.span.end)
        if marker is None or count_value(marker.group("num")) != k + 1:
            break
        ordinals = [m.ordinal for e in enums.get(para.index, ()) for m in e.markers]
        if ordinals and ordinals == list(range(k + 1, k + 1 + len(ordinals))):
            k += len(ordinals)
        elif ordinals:
            return None     # a numbering problem inside: left to the numbering rules
        else:
            k += 1
    if k < 2:
        return None
    return k, {k}, False, "inline", False


# -- 4. children of a heading ----------------------------------------------------------------

def _children(doc, rule, tables: CountTables, params: Params, done: set[int]) -> Iterator[Finding]:
    text = doc.text
    structure = doc.structure
    for block in structure.iter_blocks():
        if not block.children or not block.title:
            continue
        title_start = text.find(block.title, block.head.start, block.head.end)
        if title_start < 0:
            continue
        title_end = title_start + len(block.title)
        partner = match_pairs(text, title_start, title_end)
        claim = None
        for match in tables.claim.finditer(text, title_start, title_end):
            found = _claim(text, match, title_start, title_end, partner, tables, params)
            if found and title_end - found[1] <= params.tail_chars:
                claim = (match, found[0])
        if claim is None or claim[0].start() in done:
            continue
        match, count = claim
        kids = block.children
        if len({k.marker.style for k in kids}) != 1:
            continue
        ordinals = [k.marker.ordinal for k in kids]
        if ordinals != list(range(1, len(kids) + 1)):
            continue
        siblings = block.parent.children if block.parent is not None else structure.blocks
        index = next((i for i, b in enumerate(siblings) if b is block), None)
        if index is None:
            continue
        if index + 1 < len(siblings) and siblings[index + 1].marker.ordinal != block.marker.ordinal + 1:
            continue    # a hole after this heading: its children may be cut off too
        if len(kids) == count:
            continue
        if len(kids) < count and _cut_inside(doc, block):
            continue    # the text stops inside this list: its other items were cut off
        done.add(match.start())
        yield _finding(rule, match, count, len(kids), "children")


# what a finished text ends with: a sentence's end, perhaps inside a closing quote or bracket
_SENTENCE_ENDS = "。！？；!?;…"
_CLOSERS = "”’」』）)》】"
_CLAUSE_MARKS = "，、：,:"


def _cut_inside(doc, block) -> bool:
    """The text ends inside ``block`` (its last paragraph is the block's) and stops in a
    sentence it has begun (prose with a clause mark, no end): a page store's limit or a
    preview cut the list short.  A last line that is a bare heading is a list's end."""
    paragraphs = doc.paragraphs
    if not paragraphs or block.span.end < paragraphs[-1].span.start:
        return False
    last = paragraphs[-1].span.of(doc.text).rstrip()
    end = last.rstrip(_CLOSERS)
    return end[-1:] not in _SENTENCE_ENDS and any(mark in last for mark in _CLAUSE_MARKS)
