"""quant12's shortcuts in the quantities layer, the responsibility names and the 文号
check against the plain computations they stand for, on varied inputs written here."""
import random
import re

import pytest

from checker.engine.settings import build_settings
from checker.model import annotations, indicators
from checker.model.indicators import CLAUSE_MARKS
from checker.model.document import Document

_CLAUSE_PIECES = ["，", "、", "：", "。", "\n", "（", "）", "(", ")", "【", "】", "[", "]", "〔", "〕",
                  "园", "区", "3", "12", "入学率", "达到", " ", "\u3000", "全市", "；", "x", "副校", "长"]


def _clause_start_plain(text: str, floor: int, end: int) -> int:
    """``clause_start`` as first written: a step back per character."""
    lowest = max(floor, end - indicators.MAX_LOOKBACK)
    i = end
    while i > lowest:
        ch = text[i - 1]
        if ch in indicators._OPENING:
            # Keep a short bracket inside a noun phrase (园, 区) but stop at a long one.
            opener = indicators._OPENING[ch]
            j = text.rfind(opener, max(lowest, i - 2 - indicators._SHORT_BRACKET), i - 1)
            inner = text[j + 1:i - 1] if j >= 0 else ""
            if j >= 0 and inner and not any(c.isdigit() or c in CLAUSE_MARKS for c in inner):
                i = j
                continue
            return i
        if ch in CLAUSE_MARKS:
            return i
        i -= 1
    return lowest


def _clause_texts(rng: random.Random, n: int):
    for _ in range(n):
        text = "".join(rng.choice(_CLAUSE_PIECES) for _ in range(rng.randint(0, 40)))
        end = rng.randint(0, len(text))
        floor = rng.randint(0, end + 2) if rng.random() < 0.3 else rng.randint(0, max(end, 0))
        yield text, floor, end


def test_clause_start_is_the_character_loop():
    rng = random.Random(23)
    for text, floor, end in _clause_texts(rng, 20_000):
        assert indicators.clause_start(text, floor, end) == _clause_start_plain(text, floor, end), \
            (text, floor, end)


def test_clause_start_reaches_back_over_a_short_bracket_and_stops_at_a_long_one():
    text = "全市副校（园）长配备率"
    assert indicators.clause_start(text, 0, len(text)) == 0
    text = "全市，学校（含分校及教学点）配备率"
    assert indicators.clause_start(text, 0, len(text)) == text.index("）") + 1
    long_text = "一" * 60 + "率"
    assert indicators.clause_start(long_text, 0, len(long_text)) == len(long_text) - indicators.MAX_LOOKBACK


def test_link_fields_are_the_links_fields():
    lexicon = build_settings(no_config=True).lexicon
    linker = indicators.linker_for(lexicon)
    rng = random.Random(29)
    pieces = ["入学率", "达到", "比上年", "提高", "确保", "全市", "，", "。", "2025年", "覆盖率", "为", "约",
              "超过", "到", "达", "（园）", " ", "同比", "增长"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) + "93.5%"
        at = len(text) - 5
        prefix = rng.choice([None, "约", "达", "超过"])
        floor = rng.randint(0, at)
        link = linker.link(text, floor, at, prefix)
        assert linker.link_fields(text, floor, at, prefix) == (link.indicator, link.indicator_span, link.verb,
                                                               link.verb_span, link.verb_kind)


def _responsibility_data():
    return annotations.responsibility_data(Document.from_text("x\n"))


def test_kept_unit_keys_and_suffix_classes_are_the_computed_ones():
    data = _responsibility_data()
    ordered = annotations._ordered(data)
    fulls = [full for full, _ in ordered.abbreviations][:12]
    pieces = ["县", "市", "和", "与", "工作", "中心", "服务", "局", "处", "委员会", "办公室", "卫生健康",
              "人力资源", "社会保障", "教育", "科", *fulls, *list(data.unit_suffixes)[:10]]
    rng = random.Random(31)
    names = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(4000)]
    for name in names + names[:500]:          # asked again: the kept answer
        assert annotations.unit_key(name, data) == annotations._unit_key(name, ordered)
        assert annotations.suffix_class(name, data) == annotations._suffix_class(name, ordered)
    assert ordered.keys and ordered.classes


def test_kept_names_are_per_data_object():
    data = _responsibility_data()
    other = data.model_copy(update={"variant_fillers": [], "unit_abbreviations": {}})
    name = "县人力资源和社会保障局"
    assert annotations.unit_key(name, other) == name
    assert annotations.unit_key(name, data) == annotations._unit_key(name, annotations._ordered(data))


def test_the_kept_tables_are_cleared_when_full(monkeypatch):
    data = _responsibility_data()
    monkeypatch.setattr(annotations, "_KEPT_MAX", 5)
    for i in range(40):
        annotations.unit_key(f"县第{i}中心", data)
        annotations.suffix_class(f"县第{i}中心", data)
    ordered = annotations._ordered(data)
    assert len(ordered.keys) <= 5 and len(ordered.classes) <= 5


def test_sentences_made_through_the_twin_are_the_constructors_sentences():
    """Sentences and their spans made by plain stores and a class change: each equal to,
    hashing and printing like ``Sentence(index, Span(start, end), paragraph)``, frozen,
    of the class Sentence; on random paragraphs of marks, quotes and blanks."""
    import pickle

    from checker.model.sentences import split_sentences
    from checker.model.span import Span
    from checker.model.text_units import Paragraph, Sentence

    rng = random.Random(41)
    pieces = ["。", "！", "？", "；", "“", "”", "（", "）", "《", "》", " ", "\u3000", "甲", "乙丙", "\t", "!", "?"]
    for _ in range(800):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        cut = rng.randint(0, len(text))
        paragraphs = [Paragraph(0, Span(0, cut), 1), Paragraph(1, Span(cut, len(text)), 2)]
        for s in split_sentences(text, paragraphs):
            built = Sentence(s.index, Span(s.span.start, s.span.end), s.paragraph)
            assert type(s) is Sentence and type(s.span) is Span
            assert s == built and hash(s) == hash(built) and repr(s) == repr(built)
            assert pickle.loads(pickle.dumps(s)) == built
            with pytest.raises(AttributeError):
                s.index = 9
            with pytest.raises(AttributeError):
                s.span.start = 9


@pytest.mark.parametrize("marks", ["，,；;：:。\n（(）)", "。！？\n", "，", "）]", "", "\\^-]["])
def test_last_mark_is_the_largest_rfind(marks):
    from checker.model.last_mark import last_mark

    last = last_mark(marks)
    rng = random.Random(43)
    alphabet = list(marks) + list("甲乙丙 \t1") + ["\\", "^", "-"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50)))
        lo = rng.randint(0, len(text) + 2)
        at = rng.randint(0, len(text) + 3)
        expected = max((text.rfind(c, lo, at) for c in set(marks)), default=-1)
        assert last(text, lo, at) == expected, (marks, text, lo, at)
        assert last(text, 0, at) == max((text.rfind(c, 0, at) for c in set(marks)), default=-1)
    assert last_mark(frozenset(marks)) is last_mark(frozenset(marks))


def _findings(rule, texts, lexicon):
    from checker.engine.lint import lint_document

    out = []
    for text in texts:
        doc = Document.from_text(text, path="t", lexicon=lexicon)
        out.append([(v.line, v.column, v.end_column, v.message) for v in lint_document(doc, [rule], True).violations])
    return out


def _breakdown_texts(rng: random.Random, n: int) -> list[str]:
    pieces = ["全县共有学校193所", "其中", "中", "，", "。", "；", "幼儿园70所", "小学72所", "初中26所", "高中11所",
              "中小学", "（", "）", "“", "”", "招生1200人", "男生600人", "女生600人", "总投资3.5亿元", "完成2亿元",
              "中心", "3所中学", "新改扩建", "具有", "的", "23人", "\n", "总人口5万人", "城镇人口3万人", "乡村人口2万人"]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) + "\n" for _ in range(n)]


def test_parts_findings_with_and_without_the_marker_gate(monkeypatch):
    """parts-not-total's findings with the sentences gated by ``_marker_gate`` and with
    every sentence searched for its markers (a gate holding every offset)."""
    from checker.checks.arithmetic import parts

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.id == "parts-not-total")
    texts = _breakdown_texts(random.Random(47), 400)
    texts += ["全县共有学校193所，其中幼儿园70所、小学72所、初中26所、高中11所。\n",
              "新改扩建193所中幼儿园70所、小学72所。\n", "总人口5万人。其中城镇人口3万人，乡村人口3万人。\n"]
    gated = _findings(rule, texts, settings.lexicon)
    monkeypatch.setattr(parts, "_marker_gate", lambda text, data, quantities: list(range(len(text) + 1)))
    plain = _findings(rule, texts, settings.lexicon)
    assert gated == plain
    assert sum(map(len, gated)) >= 10, "the texts should give findings to compare"


def test_the_marker_gate_holds_every_marker():
    from checker.checks.arithmetic import parts
    from checker.checks.arithmetic.figures import data_for

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.id == "parts-not-total")
    data = data_for(rule.vocabulary)
    for text in _breakdown_texts(random.Random(53), 300):
        doc = Document.from_text(text, path="t", lexicon=settings.lexicon)
        quantities = doc.quantities
        starts = [q.span.start for q in quantities]
        gate = set(parts._marker_gate(doc.folded_text, data, quantities))
        for sentence in doc.sentences:
            for at, _ in parts._markers(doc.folded_text, sentence.span.start, sentence.span.end, data,
                                        quantities, starts):
                assert at in gate


def _first_ending_loop(name, words, longest_first):
    for word in sorted(words, key=len, reverse=longest_first):
        if name.endswith(word) and len(name) > len(word):
            return word
    return None


@pytest.mark.parametrize("longest_first", [False, True])
def test_listed_ending_is_the_loop_over_the_words(longest_first):
    from checker.model.listed_endings import endings_by_length, listed_ending

    rng = random.Random(59)
    alphabet = "中心局处办等"
    for _ in range(300):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 8))]
        groups = endings_by_length(words, longest_first)
        for _ in range(30):
            name = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
            assert listed_ending(name, groups) == _first_ending_loop(name, words, longest_first), (name, words)


def test_name_functions_are_their_loops():
    """unit_suffix, common_suffix and the unit key's gated loops against the loops over
    the lists, on names made of the data's own suffixes, fillers and full forms."""
    data = _responsibility_data()
    ordered = annotations._ordered(data)
    suffixes = list(data.unit_suffixes)
    fillers = list(data.variant_fillers)
    fulls = [full for full, _ in ordered.abbreviations]
    rng = random.Random(61)
    pieces = ["县", "市", "教育", "服务", "管理", *suffixes[:15], *fillers, *fulls[:15]]

    def key_loop(name):
        for filler in ordered.fillers_longest_first:
            name = name.replace(filler, "")
        for full, short in ordered.abbreviations:
            name = name.replace(full, short)
        return name

    def common_loop(a, b):
        for suffix in ordered.suffixes_longest_first:
            if a.endswith(suffix) and b.endswith(suffix) and min(len(a), len(b)) > len(suffix):
                return suffix
        return None

    names = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(3000)]
    for a, b in zip(names, reversed(names)):
        assert annotations._unit_key(a, ordered) == key_loop(a)
        assert annotations.unit_suffix(a, data) == _first_ending_loop(a, suffixes, True)
        assert annotations._suffix_class(a, ordered) == _first_ending_loop(a, suffixes, False)
        assert annotations.common_suffix(a, b, data) == common_loop(a, b)


def test_names_drop_their_trailer_as_the_loop_did():
    from checker.model.span import Span

    g = annotations.grammar_of(build_settings(no_config=True).lexicon)
    rng = random.Random(67)
    pieces = ["县教育局", "市财政局", "各乡镇", "、", "，", "（", "）", *g.trailers, "中心", " "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        got = annotations._names(text, 0, len(text), g)
        expected = []
        seps = g.data.name_separators
        for s, e in annotations._split_outside_brackets(text, 0, len(text), seps):
            while s < e and text[s] in seps + "。；;":
                s += 1
            while e > s and text[e - 1] in seps + "。；;":
                e -= 1
            name = text[s:e]
            for trailer in g.trailers:
                if name.endswith(trailer) and len(name) > len(trailer):
                    name = name[: -len(trailer)]
                    e -= len(trailer)
                    break
            if name:
                expected.append(annotations.UnitName(name, Span(s, e)))
        assert got == tuple(expected), text
