"""The quantity grammar, indicators and lists (checker/model/quantities.py and friends)."""
from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.model.document import Document
from checker.model.quantities import format_quantity, scan
from checker.rules.loader import builtin_rules_dir, load_data


@lru_cache(maxsize=1)
def lexicon():
    return load_data([builtin_rules_dir()])


def quantities(text: str):
    return Document.from_text(text, lexicon=lexicon()).quantities


def one(text: str):
    found = quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize("text, written, value, unit, magnitude, approx", [
    ("毛入学率达到93.5%。", "93.5%", 93.5, "%", None, ()),
    ("一般公共预算安排的教育经费为35.28亿元", "35.28亿元", 35.28, "元", "亿", ()),
    ("改扩建校舍10.97万平方米", "10.97万平方米", 10.97, "平方米", "万", ()),
    ("抽检人数达73万余人次", "达73万余人次", 73, "人次", "万", ("达", "余")),
    ("组织4.2万余名教师签订承诺书", "4.2万余名", 4.2, "名", "万", ("余",)),
    ("投入资金近2亿元", "近2亿元", 2, "元", "亿", ("近",)),
    ("接待健身群众超10万人次", "超10万人次", 10, "人次", "万", ("超",)),
    ("开展宣讲30余场", "30余场", 30, "场", None, ("余",)),
    ("在校生规模达9000多人", "达9000多人", 9000, "人", None, ("达", "多")),
    ("优良率达到40％以上", "40％以上", 40, "％", None, ("以上",)),
    ("培训约1000人左右", "约1000人左右", 1000, "人", None, ("约", "左右")),
    ("参与人次1.12万，", "1.12万", 1.12, None, "万", ()),
    ("招收学生1,200人", "1,200人", 1200, "人", None, ()),
    ("共有二十九所学校", "二十九所", 29, "所", None, ()),
    ("合格率达到百分之八十", "百分之八十", 80, "百分之", None, ()),
    ("两万余人参加", "两万余人", 2, "人", "万", ("余",)),
    # 余/多 before the magnitude, the usual order: more than 900万元
    ("累计发放贷款900余万元", "900余万元", 900, "元", "万", ("余",)),
    ("完成投资二十多亿元", "二十多亿元", 20, "元", "亿", ("多",)),
    ("健身步道15公里", "15公里", 15, "公里", None, ()),
    ("新建1千米步道", "1千米", 1, "千米", None, ()),
    ("实施八项工程", "八项", 8, "项", None, ()),
    ("企业投入达5000万以上", "达5000万以上", 5000, None, "万", ("达", "以上")),
    ("中考700分及以上学生", "700分及以上", 700, "分", None, ("及以上",)),
])
def test_forms(text, written, value, unit, magnitude, approx):
    q = one(text)
    assert (q.text, q.value, q.unit, q.magnitude, q.approx) == (written, value, unit, magnitude, approx)


@pytest.mark.parametrize("text, low, high, unit, low_unit, high_unit", [
    ("掌握1-2项艺术特长", 1, 2, "项", None, "项"),
    ("掌握1－2项艺术特长", 1, 2, "项", None, "项"),
    ("提高到30%～50%", 30, 50, "%", "%", "%"),
    ("提高到30～50%", 30, 50, "%", None, "%"),
    ("新建2-3所学校", 2, 3, "所", None, "所"),
    ("控制在50%～30%", 50, 30, "%", "%", "%"),
    ("提升30%～50个百分点", 30, 50, "个百分点", "%", "个百分点"),
    ("用3至5年时间", 3, 5, "年", None, "年"),
])
def test_ranges(text, low, high, unit, low_unit, high_unit):
    q = one(text)
    assert (q.value, q.high, q.unit, q.low_unit, q.high_unit) == (low, high, unit, low_unit, high_unit)


@pytest.mark.parametrize("text", [
    "2022年工作总结", "时间:2023-02-28 23:28", "预计今年12月份完成", "9月开学", "1-5月",
    "第六期培训班", "党的二十大", "十四五规划", "第25届运动会", "5G+专递课堂", "G20峰会",
    "1+X证书", "2+N模式", "“0313”疫情", "“3·23”活动", "“12881”目标体系",
    "电话13912345678", "十分重要", "一起学习", "小学一年级", "三分之一的学校",
    "党的十九届六中全会", "数十万名群众", "1.党建引领", "27.加强管理", "2021-2025年",
    "二〇二二年", "统一名称",
])
def test_not_quantities(text):
    assert [q.text for q in quantities(text)] == []


def test_list_marker_before_a_year_is_not_a_decimal():
    assert [q.text for q in quantities("1.2022年新建学校5所")] == ["5所"]


def test_year_after_a_range_mark_ends_the_quantity():
    assert [q.text for q in quantities("比例达到30%至2025年")] == ["30%"]


@pytest.mark.parametrize("text, written, indicator, verb, kind", [
    ("学前三年毛入学率达到93.5%", "93.5%", "学前三年毛入学率", "达到", "level"),
    ("普惠园在园幼儿占比达到87%以上", "87%以上", "普惠园在园幼儿占比", "达到", "level"),
    ("学前教育三年入园率99.16%,公办率58.78%", "58.78%", "公办率", None, None),
    ("义务教育入学率达到100%、巩固率达到98%", "98%", "巩固率", "达到", "level"),
    ("入学率比上年提高2%", "2%", "入学率", "提高", "increase"),
    ("优质资源覆盖率提升至47.30%", "47.30%", "优质资源覆盖率", "提升至", "level"),
    ("学生安全事件同比下降12%", "12%", "学生安全事件", "下降", "decrease"),
    ("确保全区学前三年毛入园率达到88%", "88%", "学前三年毛入园率", "达到", "level"),
    ("推动学校心理辅导室标准化建设达标率超90%", "超90%", "学校心理辅导室标准化建设达标率", "超", "level"),
    ("大班额比例控制在5%以内", "5%以内", "大班额比例", "控制在", "level"),
    ("健康副校(园)长配备率达100%", "达100%", "健康副校(园)长配备率", "达", "level"),
    ("力争2022年度彩票销售额在去年的基础上增长5%", "5%", "彩票销售额", "增长", "increase"),
    ("公办就读率由90%提高到94.16%", "94.16%", "公办就读率", "提高到", "level"),
])
def test_indicator_and_verb(text, written, indicator, verb, kind):
    q = next(q for q in quantities(text) if q.text == written)
    assert (q.indicator, q.verb, q.verb_kind) == (indicator, verb, kind)
    if q.indicator_span:
        assert q.indicator_span.of(text) == q.indicator


def test_list_shares_an_id_and_inherits_indicator_and_verb():
    found = quantities("新增学位1.2万个、2.7万个,同比增长33.33%、80%。")
    ids = [q.list_id for q in found]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    assert found[3].verb == "增长" and found[3].verb_kind == "increase"
    separate = quantities("入学率达到100%、巩固率达到98%")
    assert [q.list_id for q in separate] == [None, None]


def test_four_values_of_a_list():
    found = quantities("初中优生率、小学及格率分别达到30%、50%、70%、90%;")
    assert len({q.list_id for q in found}) == 1 and len(found) == 4
    assert {q.verb for q in found} == {"达到"}


def test_list_items_cut_short_take_the_full_unit_of_the_last_item():
    found = quantities("巩固率和毛入学率分别提高1.2个、2.3个和0.5个百分点。")
    assert [q.unit for q in found] == ["个百分点"] * 3
    assert {q.unit_kind for q in found} == {"percentage-point"}
    # a list of counts, and a count beside (not in a list with) a change, keep 个
    counts = quantities("新建活动室3个、图书角2个，巩固率提高1.2个百分点。")
    assert [q.unit for q in counts] == ["个", "个", "个百分点"]
    apart = quantities("新增1个，提高2个百分点。")
    assert [q.unit for q in apart] == ["个", "个百分点"]


def test_sentence_index_and_spans():
    text = "第一句没有数字。第二句有5所学校。"
    doc = Document.from_text(text, lexicon=lexicon())
    (q,) = doc.quantities
    assert q.sentence == 1 and q.number_span.of(text) == "5" and q.unit_span.of(text) == "所"
    assert q.unit_kind == "count"


def test_scan_is_fast_enough_to_keep_regex_first():
    # Not a timing test: it checks the grammar runs on candidates only, by counting
    # the parse cache, which holds one entry per distinct candidate span.
    from checker.model.quantity_grammar import grammar_for
    grammar = grammar_for(lexicon())
    grammar._parsed.clear()
    scan("没有数字的一段话，" * 200 + "共5所。", lexicon())
    assert len(grammar._parsed) == 1


_TEXT = st.text(alphabet=st.sampled_from(list("0123456789.,，、%％～-－至约近超余多以上左右万亿元所名人次个百分点之一二三十率达到提高下降第年月 \n")),
                max_size=60) | st.text(max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_never_raises_and_spans_lie_inside(text):
    doc = Document.from_text(text, lexicon=lexicon())
    for q in doc.quantities:
        assert 0 <= q.span.start < q.span.end <= len(doc.text)
        assert q.span.of(doc.text) == q.text
        if q.indicator_span:
            assert q.indicator_span.of(doc.text) == q.indicator


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_printed_quantity_reparses_alike(text):
    doc = Document.from_text(text, lexicon=lexicon())
    for q in doc.quantities:
        printed = format_quantity(q, lexicon())
        # Re-parse inside a sentence: at a line start `1.5个` reads as the item marker `1.`.
        again = scan("共" + printed, lexicon())
        assert len(again) == 1, (q.text, printed)
        r = again[0]
        assert (r.value, r.unit, r.magnitude, r.high) == (q.value, q.unit, q.magnitude, q.high), (q.text, printed)


@settings(max_examples=200, deadline=None)
@given(value=st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False),
       unit=st.sampled_from(["%", "个百分点", "元", "所", "人次", "平方米", "项"]),
       magnitude=st.sampled_from(["", "万", "亿"]),
       prefix=st.sampled_from(["", "约", "近", "超过"]),
       suffix=st.sampled_from(["", "以上", "左右"]))
def test_generated_quantities_parse_back(value, unit, magnitude, prefix, suffix):
    number = f"{value:f}"
    written = f"{prefix}{number}{magnitude}{unit}{suffix}"
    q = one(f"经费{written}，")
    assert q.text == written
    assert q.value == float(number) and q.unit == unit and q.magnitude == (magnitude or None)


def test_negative_values_keep_ranges_and_dates_intact():
    from checker.model.document import Document
    from tests.helpers import default_settings

    lex = default_settings().lexicon
    got = [(q.text, q.value, q.high) for q in Document.from_text("入学率为-2%，2023-02-28完成1-2项。", lexicon=lex).quantities]
    assert ("-2%", -2.0, None) in got
    assert ("1-2项", 1.0, 2.0) in got
    assert all(q[0] != "-02" for q in got)


def test_the_tail_of_a_space_split_number_is_no_quantity():
    from checker.model.document import Document

    doc = Document.from_text("全县教师1 260名，其中小学教师310名。")
    assert [q.text for q in doc.quantities] == ["310名"]


# -- D3: magnitudes come from the model data (rules/model/units.yaml), nowhere else -------
def _doc_with(text: str, magnitudes: dict | None = None):
    from checker.model.document import Document
    from checker.rules.loader import builtin_vocabularies

    vocabularies = builtin_vocabularies()
    if magnitudes:
        vocabularies = vocabularies.extended({"model": {"magnitudes": magnitudes}}, "<test>")
    return Document.from_text(text, lexicon=vocabularies.model)


def test_a_magnitude_of_the_data_scales_its_figure():
    q, = _doc_with("投入资金3十万元。").quantities
    assert (q.value, q.magnitude, q.multiplier, q.scaled) == (3, "十万", 100_000, 300_000)


def test_a_magnitude_added_in_user_data_scales_its_figure():
    q, = _doc_with("投入资金2千亿元。", {"千亿": 100_000_000_000}).quantities
    assert (q.magnitude, q.scaled) == ("千亿", 2e11)


def test_a_chinese_numeral_keeps_its_own_digits_before_a_magnitude():
    # 三十万 is 30万 (十 is a digit of the numeral), not 3十万, though 十万 is a magnitude.
    q, = _doc_with("新增学位三十万个。").quantities
    assert (q.value, q.magnitude, q.scaled) == (30, "万", 300_000)
    q, = _doc_with("投入三千亿元。", {"千亿": 100_000_000_000}).quantities
    assert (q.value, q.magnitude, q.scaled) == (3000, "亿", 3e11)


def test_each_end_of_a_range_keeps_its_own_magnitude():
    q, = _doc_with("每校补助20万～3十万元。").quantities
    assert (q.low_multiplier, q.multiplier) == (10_000, 100_000)
    assert q.value * q.low_multiplier < q.high * q.multiplier


def test_comparison_signs_are_approximation_words():
    # a plan's target table writes >53%, ≥90%: the sign is read as 超过 / 不低于
    q = one("建设有综合服务站的村占比 | >53% |")
    assert q.approx == (">",) and q.bound == "above" and q.value == 53
    assert one("评分≥85分").bound == "at-least"
    # the > closing a markup tag is no sign, and the bare number after it no quantity
    assert quantities("<p>12</p>") == []


def test_daoda_is_a_linking_verb_before_its_last_character():
    # 比重到达20%: 到达 (达到 in a spinner's order) links, so the indicator ends at 比重
    q = one("高技术产业占工业总产值的比重到达20%")
    assert q.verb == "到达" and q.indicator == "高技术产业占工业总产值的比重"


def test_find_candidate_finds_what_a_search_of_the_candidate_expression_finds():
    """find_candidate tries the candidate expression only where a match can begin: from
    every position of the seeds and of shuffled pieces of them, the same match as a search."""
    import random
    from pathlib import Path

    from checker.model.quantity_grammar import grammar_for

    grammar = grammar_for(lexicon())
    seeds = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))]
    rng = random.Random(3)
    texts = [s[:4000] for s in seeds]
    for _ in range(20):
        base = rng.choice(seeds)
        cuts = sorted(rng.randrange(len(base)) for _ in range(40))
        pieces = [base[a:b] for a, b in zip(cuts, cuts[1:])]
        rng.shuffle(pieces)
        texts.append("".join(pieces)[:3000])
    texts += ["约三十余人", "一是二是", "-5%至-3%", "百分之十二", "逾１２万元", "十一五", ""]
    found = 0
    for text in texts:
        for pos in range(0, len(text) + 1, 3):
            want = grammar.candidates.search(text, pos)
            got = grammar.find_candidate(text, pos)
            assert (want and (want.span(), want.groupdict())) == (got and (got.span(), got.groupdict())), (text, pos)
            found += want is not None
    assert found > 1000


def test_the_fields_kept_per_candidate_are_those_built_at_each_place(monkeypatch):
    """quantities._build_at keeps what a candidate's text makes (issue 11) and places it:
    the quantities must be those built afresh at every place, for candidates repeated at
    other offsets, ranges cut short by a year, tabs, the same text with and without its
    high end, and shuffled pieces of the seeds."""
    import random
    from pathlib import Path

    from checker.model import quantities as qm

    pieces = ["达到93.5%", "30%至2025年", "30%至2025", "年", "10%至2030", "届", "30%至50%", "约1.2万元", "1-2项", "百分之八十", "\t2人",
              "分别提高1.2个、2.3个百分点", "二十九所", "900余万元", "2023年", "第六期", "5G", "1 260名",
              "覆盖率由80%提高到95%", "共计3,200人以上", "，", "。\n", "入学率", "比上年", "x"]
    rng = random.Random(23)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        rng.shuffle(lines)
        texts.append("".join(lines))
    kept = [repr(scan(text, lexicon())) for text in texts]
    monkeypatch.setattr(qm, "_build_at", lambda text, grammar, base, parsed, key: qm._build(text, grammar, base, parsed))
    assert kept == [repr(scan(text, lexicon())) for text in texts]
