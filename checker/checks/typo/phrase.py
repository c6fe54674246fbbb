"""Kind ``typo-phrase``: a span one edit away from a fixed phrase that is no word itself.

The phrases are those of the phrase index (``phrase_index``): idioms and long words of
jieba's dictionary, the vocabulary's official phrases and statutory names; ``sources``
chooses which of them a rule repairs.  The index finds the windows of the text that are a
variant of a phrase (a character replaced by a homophone or a similar shape, dropped,
doubled, swapped; for names two pieces swapped) and are no word or listed phrase.  A
window is then judged in its sentence, with the document's segmentation around it:

* it must begin and end where words do, unless a word jieba does not know (its HMM glues
  a misspelt character to its neighbour: 要迫|不|急待) straddles the edge — never for a
  dropped character, whose window is otherwise all right characters (送教质量 is no
  保教质量 cut short);
* a window missing the phrase's first or last character is no phrase cut short when its
  edge character belongs to a dictionary word outside it, starting (ending) where a word
  does: the 化 of 法治化营商环境 ends 法治化, and no 优 was dropped from 优化营商环境;
* the edited place must not read as ordinary words: when the replaced, swapped or
  neighbouring characters all sit in known words (法治建设, 东华理工大学) or are
  characters common as words of their own (新突破, 各方面 are not 创新突破, 各个方面
  cut short) the window is left alone — unless, for a replaced or swapped character,
  the window holds a word jieba does not know or a stray rare character (迫|不|急待);
* a doubled character is reported when one copy belongs to a longer word and the other
  stands alone (理论|论|学习); a doubling of two whole words is the stutter rule's;
* the text around the window is read as the writer wrote it: a phrase a hard line break
  splits (a PDF copied to the web breaks lines mid-word) is read joined, and a window that
  runs into the end of a text cut off mid-sentence (a page store keeps the first so many
  characters) is no word cut short but a cut page;
* a replaced character the next phrase of the same length repeats at the same place, across
  one comma (研之有物，研而有效: an idiom reworked to echo its parallel), is a pun on purpose.
"""
from __future__ import annotations

import os
import re
import weakref
from functools import lru_cache
from collections.abc import Iterator

from checker.core.lazy_alias import lazy_alias
from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.typo import dictionary_entries, index_keys
from checker.checks.typo.vocabulary import vocabulary
from checker.checks.typo.word_scan import WordScan
from checker.model.lexicon import built_from
from checker.model.span import Span
from checker.model.tokens import full_dictionary_name, tokenize, word_frequency
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = frozenset({"found", "right", "source"})
# literal misspellings that are also a phrase one edit away (以身作责) are the literal rule's
DEFERS_TO = frozenset({"typo-literal"})



class _PhraseIndexModule:
    """``phrase_index`` (and numpy with it) imported on first use: a document without three
    Han characters in a row has no window to look up."""

    _module = None

    def __getattr__(self, name: str):
        # the module kept once imported: an import statement per attribute read (some
        # seventy a document) went through the import system's lock and lookups each time
        module = _PhraseIndexModule._module
        if module is None:
            from checker.checks.typo import phrase_index

            module = _PhraseIndexModule._module = phrase_index
        return getattr(module, name)


pi = _PhraseIndexModule()
_HAN_WINDOW = compile_skipping(r"[\u4e00-\u9fff]{3}")      # the index's shortest window (see PhraseIndex.scan)

if TYPE_CHECKING:
    Source = Literal["official", "name", "idiom", "word", "saying"]
else:   # the same alias, made only when pydantic validates (checker.core.lazy_alias)
    Source = lazy_alias("Source", lambda t: t.Literal["official", "name", "idiom", "word", "saying"])


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # which phrase lists a misspelt span is compared with (official phrases, idioms, dictionary words, sayings)
    sources: list[Source] = Field(default_factory=lambda: ["official", "idiom", "word", "saying"], min_length=1)
    # a character dropped from an official phrase or a dictionary word is reported only
    # where the document writes the phrase whole elsewhere (逐年只增不减 … 逐年增不减):
    # 切实增活力 is a terse parallel, not 增强活力 cut short
    drop_needs_evidence: bool = True
    # every variant, whatever its edit, is reported only where the document writes the
    # phrase whole elsewhere (迫在眉睫 … 迫在眉捷): the writer's own spelling shows the
    # slip.  Without that evidence a phrase one edit away is as often ordinary prose the
    # dictionary lacks (各行业各部门, 极不寻常, 武装部部长) as a typo
    needs_evidence: bool = False
    # a lone character at least this frequent as a word reads as a word of its own
    single_min_frequency: int = Field(5000, ge=0)
    # what goes into the index (see phrase_index.Settings)
    idiom_min_frequency: int = Field(5, ge=1)
    word_min_length: int = Field(5, ge=4)            # other dictionary words: at least this long ...
    word_min_frequency: int = Field(5, ge=1)         # ... and at least this frequent in jieba, or
    word4_min_frequency: int = Field(50, ge=1)       # four characters long and at least this frequent
    pair_min_frequency: int = Field(20, ge=1)        # two-character words a candidate window may not cut
    # idioms this rare in jieba (its misspelt entries: 迫不急待) do not count as words
    rare_idiom_max_frequency: int = Field(3, ge=0)


def index_for(rule) -> pi.PhraseIndex:
    params: Params = rule.params
    settings = pi.Settings(params.idiom_min_frequency, params.word_min_length, params.word_min_frequency,
                           params.word4_min_frequency, params.pair_min_frequency,
                           params.rare_idiom_max_frequency)

    def build(lexicon):
        vocab = vocabulary(lexicon)
        parts = (tuple(vocab.phrases), tuple(vocab.names), tuple(vocab.not_typos),
                 tuple(vocab.homophones), tuple(vocab.shapes))
        optional = tuple(vocab.optional_in_names)
        from checker.core.version import code_stamp

        # the key is a pure function of the vocabulary, i.e. of the lexicon and the code
        memo = index_keys.memo(code_stamp(), lexicon.fingerprint, pi.FORMAT, os.stat(pi.full_dictionary_name()).st_size,
                               settings.__dict__, optional)
        key = index_keys.remembered(memo, lambda: pi.index_key(*parts, settings, optional))
        return pi.load(key, *parts, settings, optional)

    return built_from(rule.vocabulary, ("typo-phrase-index", settings), build)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    if not _HAN_WINDOW.search(doc.text):
        return
    wanted = {pi.SOURCES.index(s) for s in params.sources}
    index = index_for(rule)
    vocab = vocabulary(rule.vocabulary)
    known = vocab.known
    text = doc.text
    # a literal misspelling (布署) is typo-misspelling's when that rule runs: no second
    # report of it here (and one report when it does not)
    defer = any(getattr(r.params, "table", None) == "misspellings" for r in rule.defers_to)
    taken = None            # the misspellings' spans, found when a candidate first asks
    done = -1
    found = _candidates(doc, index)
    for cand in found:
        if cand.source not in wanted or cand.start < done:
            continue
        if text[cand.start:cand.end] in known or _phrase_here(text, cand) or _phrase_across_break(text, cand):
            continue
        if _runs_into_cut_end(text, cand) or _parallel_pun(text, cand):
            continue
        if cand.edit == pi.DROP and (_terse_parallel(text, cand) or _shortened_verb(cand)):
            continue
        if defer:
            if taken is None:
                taken = misspelling_spans(doc, rule)
            if any(a < cand.end and b > cand.start for a, b in taken):
                continue
        if params.needs_evidence and _count(text, cand.phrase) == 0:
            continue
        if (cand.edit == pi.DROP and params.drop_needs_evidence and cand.source in (pi.OFFICIAL, pi.WORD, pi.SAYING)
                and _count(text, cand.phrase) == 0):
            continue
        if not _judged_typo(doc, cand, known, params.single_min_frequency, frozenset(vocab.negators)):
            continue
        done = cand.end
        yield Finding(Span(cand.start, cand.end),
                      args={"found": text[cand.start:cand.end], "right": cand.phrase,
                            "source": pi.SOURCES[cand.source]})


# The candidates of the last document scanned, shared by the rules of this kind that run on
# it one after the other (typo-phrase, typo-official-name): (document, index, candidates).
_LAST: list = [None, None, []]


def _candidates(doc, index: pi.PhraseIndex) -> list[pi.Candidate]:
    last_doc = _LAST[0]() if _LAST[0] is not None else None
    if last_doc is not doc or _LAST[1] is not index:
        found = sorted(index.scan(doc.text), key=lambda c: (c.start, -(c.end - c.start)))
        _LAST[:] = [weakref.ref(doc), index, found]
    return _LAST[2]


def misspelling_regex(rule):
    def build(lexicon):
        words = vocabulary(lexicon).misspellings
        return compile_skipping(escaped_join(sorted(words, key=len, reverse=True))) if words else None

    return built_from(rule.vocabulary, ("typo-misspelling-regex",), build)


def misspelling_scan(rule) -> WordScan | None:
    """``misspelling_regex``'s matches found by ``WordScan`` (the same spans: of the words
    that start at a place, both take the longest), None when it cannot stand in: the
    scan typo-misspelling's table has made (or makes) of the same words
    (``literal.table_scan``), so the words are scanned into one automaton per process."""
    from checker.checks.typo import literal

    return literal.table_scan(rule.vocabulary, "misspellings")


def misspelling_spans_in(rule, text: str) -> list[tuple[int, int]]:
    """The spans ``misspelling_regex(rule).finditer(text)`` gives: by the word scan when
    there is one (the alternation, 1.9 M instructions of every fresh process, is made
    only when there is none)."""
    scan = misspelling_scan(rule)
    if scan is not None:
        return [(a, b) for a, b, _ in scan.finditer(text)]
    literal = misspelling_regex(rule)
    return [m.span() for m in literal.finditer(text)] if literal is not None else []


def misspelling_spans(doc, rule) -> list[tuple[int, int]]:
    """The spans ``misspelling_regex(rule).finditer(doc.text)`` matches ([] for no words),
    once per document and vocabulary (``Document.shared``): the rules of this kind
    (typo-phrase, typo-official-name) ask for the same spans of the same text.  ``re`` ran
    the alternation of two hundred words by trying each at most positions of the text
    (0.3 ms a document, once per rule of this kind)."""
    return doc.shared(("typo-misspelling-spans", rule.vocabulary.fingerprint), lambda: _spans_of(doc, rule))


def _spans_of(doc, rule) -> list[tuple[int, int]]:
    """``misspelling_spans_in(rule, doc.text)``, from typo-misspelling's matches of the same
    scan when there is one (``literal.table_matches``: one scan of the document for the
    three rules)."""
    if misspelling_scan(rule) is None:
        return misspelling_spans_in(rule, doc.text)
    from checker.checks.typo import literal

    return [(a, b) for a, b, _ in literal.table_matches(doc, rule.vocabulary, "misspellings")]


def _count(text: str, phrase: str) -> int:
    return text.count(phrase)


def _phrase_here(text: str, cand: pi.Candidate) -> bool:
    """The phrase itself stands in the text over the window (a piece of it matched)."""
    n = len(cand.phrase)
    k = text.find(cand.phrase, max(0, cand.start - n), cand.end + n)
    return k >= 0 and k < cand.end and k + n > cand.start


# one line break with the blanks around it, or a run of blanks inside a line (a page's
# text extracted from a PDF keeps the gaps of its layout inside words: 取得突 破性进展)
_ONE_BREAK = compile_skipping(r"[ \t\u3000]*\r?\n[ \t\u3000]*|[ \t\u3000]+")
_ONE_BREAK_BEFORE = compile_skipping(r"(?:[ \t\u3000]*\r?\n[ \t\u3000]*|[ \t\u3000]+)$")


def _phrase_across_break(text: str, cand: pi.Candidate) -> bool:
    """The phrase stands over the window once the one line break beside it is taken out:
    a hard-wrapped line ends mid-word (高标准农 / 田) and the next line goes on with it;
    so does a gap of blanks a PDF's layout left inside a line (取得突 破性进展).  A blank
    line between them is a paragraph break, and is not joined."""
    n = len(cand.phrase)
    after = text[cand.end:cand.end + n + 8]
    before = text[max(0, cand.start - n - 8):cand.start]
    m_after = _ONE_BREAK.match(after)
    m_before = _ONE_BREAK_BEFORE.search(before)
    if m_after is None and m_before is None:
        return False
    if m_after is not None:
        after = after[m_after.end():]
    if m_before is not None:
        before = before[:m_before.start()]
    window = text[cand.start:cand.end]
    local = before + window + after
    lo, hi = len(before), len(before) + len(window)
    k = local.find(cand.phrase)
    while k >= 0:
        if k < hi and k + n > lo:
            return True
        k = local.find(cand.phrase, k + 1)
    return False


# what a finished text may end with: a full stop of a sentence, a closing quote or bracket
_FINISHED = "。！？!?…”’」』）)》】.；;：:"


def _runs_into_cut_end(text: str, cand: pi.Candidate) -> bool:
    """The window is the last thing in a text that stops mid-sentence: the page was cut
    there (提升全员育…), and the word was cut with it."""
    if text[cand.end:].strip():
        return False
    last = text.rstrip()[-1:]
    return last not in _FINISHED


_PARALLEL_SEPARATORS = "，、；,;"


def _parallel_pun(text: str, cand: pi.Candidate) -> bool:
    """A replaced character that the phrase of the same length across one comma repeats at
    the same place: 研之有物，研而有效 and 课中育德，育而有效 rework an idiom on purpose to
    echo its parallel, where a slip of the keyboard has no echo."""
    if cand.edit != pi.SUB:
        return False
    n = cand.end - cand.start
    char = text[cand.start + cand.pos]
    neighbours = []
    if text[cand.end:cand.end + 1] and text[cand.end] in _PARALLEL_SEPARATORS:
        neighbours.append(text[cand.end + 1:cand.end + 1 + n])
    if cand.start > 0 and text[cand.start - 1] in _PARALLEL_SEPARATORS:
        neighbours.append(text[max(0, cand.start - 1 - n):cand.start - 1])
    return any(len(other) == n and _all_han(other) and other[cand.pos] == char for other in neighbours)


def _terse_parallel(text: str, cand: pi.Candidate) -> bool:
    """A window short of a character that is a whole member of a series of terse items of
    its length (稳根基、提质效: 提质增效 told in three characters to match 稳根基): the
    writer cut the phrase to the series' measure, no character was lost by a slip."""
    n = cand.end - cand.start

    def bounded(a: int, b: int) -> bool:
        return (a == 0 or not _all_han(text[a - 1])) and (b >= len(text) or not _all_han(text[b]))

    if not bounded(cand.start, cand.end):
        return False
    neighbours = []
    if text[cand.end:cand.end + 1] and text[cand.end] in _PARALLEL_SEPARATORS:
        neighbours.append((cand.end + 1, cand.end + 1 + n))
    if cand.start > 0 and text[cand.start - 1] in _PARALLEL_SEPARATORS:
        neighbours.append((cand.start - 1 - n, cand.start - 1))
    return any(a >= 0 and _all_han(text[a:b]) and len(text[a:b]) == n and bounded(a, b) for a, b in neighbours)


def _shortened_verb(cand: pi.Candidate) -> bool:
    """A two-character verb told by its first character before its object (防止返贫 as
    防返贫, 巩固成果 as 固成果 is not: 固 is no verb of its own): the terse verb-object
    of slogans and programme names (防返贫动态监测), not a character dropped by a slip."""
    if cand.pos != 1 or len(cand.phrase) < 4:
        return False
    verb, rest = cand.phrase[:2], cand.phrase[2:]
    return (_dictionary_tag(verb).startswith("v") and _dictionary_tag(verb[0]).startswith("v")
            and len(rest) >= 2 and _in_dictionary(rest))


def _all_han(s: str) -> bool:
    return all(0x4E00 <= ord(c) <= 0x9FFF for c in s)


def _judged_typo(doc, cand: pi.Candidate, known: frozenset[str], single_min: int,
                 negators: frozenset[str] = frozenset()) -> bool:
    tokens = doc.tokens_in(max(0, cand.start - 1), cand.end + 1)

    def real(word: str) -> bool:
        if len(word) == 1:
            return word_frequency(word) >= single_min
        return word in known or word_frequency(word) > 0

    def soft(word: str) -> bool:          # a word jieba made up (HMM), not a dictionary word
        return len(word) > 1 and word not in known and word_frequency(word) == 0

    starts = {span.start for _, span in tokens}
    ends = {span.end for _, span in tokens}
    # A dropped character leaves every other character right, so the window must stand
    # between words; a replaced one may have made jieba glue its neighbours (要迫|不|急待),
    # and so may a character dropped from an idiom (要持|以恒 for 持之以恒).
    loose = cand.edit != pi.DROP or cand.source == pi.IDIOM
    for edge, edges in ((cand.start, starts), (cand.end, ends)):
        if edge not in edges:
            crossing = [w for w, span in tokens if span.start < edge < span.end]
            if not loose or not crossing or not soft(crossing[0]):
                return False
    if cand.edit == pi.DROP and _edge_in_outer_word(doc, cand):
        return False          # 法治化|营商环境: the window's edge character ends a word before it
    inside = [(w, span) for w, span in tokens if span.start < cand.end and span.end > cand.start]
    if cand.edit == pi.REORDER:
        return True           # a statutory name with two pieces swapped: real words by nature
    if cand.edit == pi.DOUBLE:
        # one copy belongs to a word and the other stands alone (理论|论|学习), or jieba
        # glued the copies into a word it does not know (提质质|增效); two copies in one
        # real word (人人, 常常) or two whole words (的|的) are not this rule's
        first, second = cand.start + cand.pos, cand.start + cand.pos + 1
        if _ends_word(doc.text, first + 1) and _begins_word(doc.text, second):
            return False      # a word ending in the character meets one beginning with it (武装部|部长)
        alone = [any(span.start == k and span.end == k + 1 for _, span in inside) for k in (first, second)]
        glued = any(soft(w) for w, span in inside if span.start <= first and second < span.end)
        return alone[0] != alone[1] or glued
    if cand.edit == pi.SUB:
        region = range(cand.start + cand.pos, cand.start + cand.pos + 1)
    elif cand.edit == pi.SWAP:
        region = range(cand.start + cand.pos, cand.start + cand.pos + 2)
    else:
        gap = cand.start + cand.pos
        region = range(max(cand.start, gap - 1), min(cand.end, gap + 1))
    if cand.edit == pi.SUB and len(cand.phrase) >= 5 and cand.source in (pi.OFFICIAL, pi.NAME, pi.IDIOM):
        return True           # one character off a long set formula (以人民为忠心): no chance reading
    if cand.edit == pi.DROP and cand.source == pi.IDIOM and _modifier_phrase(doc, cand, real, negators):
        return False          # 极不寻常, 大文章: a modifier and its word, not 不同寻常 or 大做文章 cut short
    if loose and any(soft(w) or not real(w) for w, _ in inside):
        return True           # the segmentation is broken here: an unknown word or a stray character
    covering = [w for w, span in inside if any(span.start <= k < span.end for k in region)]
    if cand.edit == pi.SWAP and _repeated_series(doc, cand, real):
        return False          # 各行业各部门: one character repeated before each word of a series
    if cand.edit == pi.SWAP or (cand.edit == pi.DROP and cand.source == pi.IDIOM):
        # every character is right but one is out of place or missing from a frozen idiom:
        # a lone character at the edit (实事|是|求, 来|不易) is the break
        return not all(len(w) > 1 and real(w) for w in covering)
    return not all(real(w) for w in covering)


def _edge_in_outer_word(doc, cand: pi.Candidate) -> bool:
    """A window missing the phrase's first (or last) character whose own first (last)
    character closes (opens) a dictionary word that begins (ends) outside the window where
    a word of the segmentation does: 法治化营商环境 and 市场化法治化国际化营商环境 hold
    化营商环境, but its 化 ends 法治化 / 国际化, so nothing was dropped from 优化营商环境.
    The outer word must start at a word boundary: in 推进化营商环境 the 进化 before the
    window starts inside 推进, and the 优 really is missing."""
    text = doc.text
    width = cand.end - cand.start
    if cand.pos == 0:
        tokens = doc.tokens_in(max(0, cand.start - 4), cand.start + 1)
        bounds = {span.start for _, span in tokens}
        return any(cand.start - n + 1 in bounds and _in_dictionary(text[cand.start - n + 1:cand.start + 1])
                   for n in (2, 3, 4) if cand.start - n + 1 >= 0)
    if cand.pos == width:
        tokens = doc.tokens_in(cand.end - 1, min(len(text), cand.end + 4))
        bounds = {span.end for _, span in tokens}
        return any(cand.end - 1 + n in bounds and _in_dictionary(text[cand.end - 1:cand.end - 1 + n])
                   for n in (2, 3, 4) if cand.end - 1 + n <= len(text))
    return False


def _repeated_series(doc, cand: pi.Candidate, real) -> bool:
    """A swapped window whose out-of-place character is the one it begins with, each time
    a word of its own before a word of two characters or more: the text is a series with
    one character repeated before each member (各行业各部门各单位, 全过程全方位), a common
    coordinate form, not a frozen phrase with two characters swapped (各行各业)."""
    text = doc.text
    lead = text[cand.start]
    marks = [k for k in range(cand.start, cand.end) if text[k] == lead]
    if len(marks) < 2 or not any(cand.start + cand.pos <= k <= cand.start + cand.pos + 1 for k in marks[1:]):
        return False
    tokens = doc.tokens_in(cand.start, cand.end + 8)
    for k in marks:
        alone = any(span.start == k and span.end == k + 1 for _, span in tokens)
        after = [w for w, span in tokens if span.start == k + 1]
        if not alone or not after or len(after[0]) < 2 or not real(after[0]):
            return False
    return True


def _modifier_phrase(doc, cand: pi.Candidate, real, negators: frozenset[str]) -> bool:
    """A window that is one character modifying the word after it, by the dictionary's word
    classes: a negator before an adjective or verb (不|寻常 in 极不寻常, which a degree adverb
    may modify) or an adjective before a noun (大|文章 in 这篇大文章).  The written text is a
    regular phrase; the idiom it would be with a character put back (不同寻常, 大做文章)
    reads the same, and the ordinary phrase is the likelier reading."""
    # the window read on its own: jieba's HMM may glue its first character to the word
    # before it (这篇大|文章), which says nothing of how the window reads
    inside = tokenize(doc.text[cand.start:cand.end])
    if len(inside) != 2 or len(inside[0][0]) != 1:
        return False
    (head_char, _), (word, _) = inside
    if len(word) < 2 or not real(word):
        return False
    tag = _dictionary_tag(word)
    if head_char in negators:
        return tag[:1] in ("a", "v")
    return _dictionary_tag(head_char) == "a" and tag[:1] == "n"


def _ends_word(text: str, end: int) -> bool:
    """Some dictionary word of two to four characters ends at ``end`` (武装部 before 部长)."""
    return any(_in_dictionary(text[end - n:end]) for n in (2, 3, 4) if end - n >= 0)


def _begins_word(text: str, start: int) -> bool:
    """Some dictionary word of two to four characters begins at ``start``."""
    return any(_in_dictionary(text[start:start + n]) for n in (2, 3, 4) if start + n <= len(text))


@lru_cache(maxsize=4096)
def _dictionary_tag(word: str) -> str:
    """The word's class in jieba's full dictionary (a, v, n, ...), "" for no entry: what
    the word's first line in the dictionary gives (``dictionary_entries``)."""
    key = word.encode("utf-8")
    line = dictionary_entries.lookup(_dictionary_path(), key)
    return "" if line is None else line[len(key) + 1:].decode("utf-8")


@lru_cache(maxsize=4096)
def _in_dictionary(word: str) -> bool:
    """The word is an entry of jieba's full dictionary (the segmentation uses a trimmed one,
    which leaves out rarer compounds such as 武装部): a line of it begins with the word and
    a blank.  Looked up among the lines' first words, kept sorted in the cache folder: the
    question is asked for a few windows a run, not worth loading the dictionary for, and a
    search of the file itself cost 2 ms per word it does not hold."""
    if not _all_han(word):
        return False
    return _listed(word.encode("utf-8"))


def _listed(word: bytes) -> bool:
    """Whether some line of the full dictionary begins with ``word`` and a blank: a binary
    search of its distinct first words, kept sorted in the cache folder
    (``dictionary_entries``: mapped, not read whole)."""
    return dictionary_entries.lookup(_dictionary_path(), word) is not None


@lru_cache(maxsize=1)
def _dictionary_path():
    return full_dictionary_name()      # found once: it asks the import system where jieba is (as text: no pathlib)


@lru_cache(maxsize=1)
def _dictionary_bytes() -> bytes:
    with open(full_dictionary_name(), "rb") as fh:
        return fh.read()
