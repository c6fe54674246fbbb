"""Duplicate checks: normalisation, in-document repeats, stutters, cross-file copies and
the on-disk reference index."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from checker.checks.duplicates import corpus as duplicate_corpus, paragraph as duplicate_paragraph, sentence as duplicate_sentence, stutter
from checker.config.schema import Config, DuplicateSettings
from checker.engine.reference_index import cache_file, load_reference
from checker.engine.runner import run_paths
from checker.engine.settings import Settings
from checker.model.document import Document
from checker.model.similarity import PLACEHOLDER, Span, compare, near_duplicate, units_of
from checker.rules.loader import builtin_rules_dir, load_data, load_rules

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def pack():
    from checker.checks.registry import load_bound_rules

    rules = {r.id: r for r in load_bound_rules([builtin_rules_dir() / "duplicates" / "pack.yaml"])}
    return rules, load_data([builtin_rules_dir()])


def note(rule, finding, labels=None):
    """The related note as the engine writes it (kinds name a template; the engine fills it,
    placing lines in the source's own terms)."""
    from checker.engine.stamp import placed_args, render_message

    if finding.note is None:
        return finding.related
    return render_message(rule.template(finding.note), placed_args(finding.args, labels))


def run(module, rule_id: str, text: str):
    rules, lexicon = pack()
    doc = Document.from_text(text, lexicon=lexicon)
    return [(doc.position(f.span.start), f.span.of(doc.text), note(rules[rule_id], f))
            for f in module.check(doc, rules[rule_id])]


# -- normalisation and comparison --------------------------------------------------------
def test_units_drop_annotations_markers_and_mark_anonymised_names():
    text = "二是委局领导接受*新闻联播《*》专访，刊登案例33篇（牵头处室：办公室；责任处室：人事处）。"
    units = units_of(text, Span(0, len(text)))
    assert units[0].norm == f"委局领导接受新闻联播{PLACEHOLDER}专访刊登案例33篇"
    assert [u.norm for u in units[1:]] == [f"委局领导接受新闻联播{PLACEHOLDER}专访", "刊登案例33篇"]
    assert units[1].span.of(text) == "委局领导接受*新闻联播《*》专访"


def test_placeholder_matches_any_name_but_named_quotes_differ():
    assert compare("接受新闻联播打造模范机关专访", f"接受新闻联播{PLACEHOLDER}专访").changed == 0
    assert near_duplicate("参加了国培计划培训项目共计三百人", "参加了省培计划培训项目共计三百人",
                          min_ratio=0.85, max_changed=3)
    assert not near_duplicate("新增公办园学位2700个覆盖率85", "新增公办园学位3000个覆盖率90",
                              min_ratio=0.5, max_changed=9)


# -- in one document ---------------------------------------------------------------------
def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


@pytest.mark.parametrize("k", [0, 1, 3, 6])
def test_near_index_segments_find_every_earlier_text_within_k_edits(k):
    """The segment filter (NearIndex._near_plain) proposes a superset of the earlier texts
    within k edits, whatever the edits and lengths (a small alphabet makes near texts
    common); brute force is the reference."""
    import random

    from checker.model.near_index import NearIndex

    rng = random.Random(k)
    texts: list[str] = []
    index = NearIndex(k)
    for _ in range(400):
        if texts and rng.random() < 0.6:
            text = list(rng.choice(texts))
            for _ in range(rng.randint(0, k + 1)):
                at = rng.randint(0, len(text))
                op = rng.randrange(3)
                if op == 0 or not text[at:]:
                    text.insert(at, rng.choice("abc"))
                elif op == 1:
                    del text[at]
                else:
                    text[at] = rng.choice("abc")
            text = "".join(text)
        else:
            text = "".join(rng.choice("abcd") for _ in range(rng.randint(1, 30)))
        if not text:
            continue
        near = {p for p, earlier in enumerate(texts) if _edit_distance(text, earlier) <= k}
        assert near <= index._near_plain(text), text
        texts.append(text)
        index.add(text)


def test_near_index_texts_with_placeholders_get_the_same_candidates_both_ways():
    """A text with a placeholder is compared with every earlier unit the first few times
    and looked up in bigram lists after that: both give the same candidates."""
    import random

    from checker.model import near_index
    from checker.model.near_index import NearIndex

    rng = random.Random(7)
    # words enough that no list or look-up reaches its bound (as in a real document)
    words = [a + b for a in "推进建设完善机制加强管理服务水平" for b in "提升工作质量体系"]
    texts = []
    for _ in range(300):
        text = "".join(rng.choice(words) for _ in range(rng.randint(4, 10)))
        if texts and rng.random() < 0.5:
            text = rng.choice(texts)[:-2] + rng.choice(words)
        if rng.random() < 0.2:
            at = rng.randrange(len(text))
            text = text[:at] + PLACEHOLDER + text[at + 2:]
        texts.append(text)
    looked_up, compared = NearIndex(3), NearIndex(3)
    looked_up._wild_asked = near_index._WILD_ASKS          # bigram lists from the start
    compared._wild_asked = -len(texts)                     # never
    asked = 0
    for text in texts:
        a, b = looked_up.candidates(text, 0.5), compared.candidates(text, 0.5)
        assert a == b, text
        asked += PLACEHOLDER in text and bool(a)
        looked_up.add(text)
        compared.add(text)
    assert asked > 5


def test_seed_000_interview_reported_once_at_the_second_occurrence():
    rules, lexicon = pack()
    path = next((ROOT / "seeds").glob("000_*.txt"))
    doc = Document.from_text(path.read_text(encoding="utf-8"), path=str(path), lexicon=lexicon)
    found = list(duplicate_sentence.check(doc, rules["duplicate-sentence"]))
    assert [(doc.position(f.span.start), f.span.of(doc.text)) for f in found] == [
        ((5, 360), "委局主要领导接受*新闻联播《*》专访")]
    assert note(rules["duplicate-sentence"], found[0]) == "首次出现于第5行第56列"


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("00[1-4]_*.txt")), ids=lambda p: p.name[:3])
def test_other_seeds_have_no_repeated_sentence_or_paragraph(path):
    rules, lexicon = pack()
    doc = Document.from_text(path.read_text(encoding="utf-8"), path=str(path), lexicon=lexicon)
    assert not list(duplicate_sentence.check(doc, rules["duplicate-sentence"]))
    assert not list(duplicate_paragraph.check(doc, rules["duplicate-paragraph"]))


def test_sentence_repeated_in_another_paragraph_points_to_its_line():
    text = "一、总结\n全年完成农村学校食堂改造23所，惠及学生1.2万人。各校食堂全部实行明厨亮灶。\n二、计划\n完成农村学校食堂改造23所，惠及学生1.2万人。\n"
    assert run(duplicate_sentence, "duplicate-sentence", text) == [
        ((4, 1), "完成农村学校食堂改造23所，惠及学生1.2万人", "首次出现于第2行")]


def test_clause_repeated_in_its_own_sentence_is_found_though_no_other_sentence_shares_its_words():
    """A clause whose words no other sentence has is still compared with the earlier
    clauses of its own sentence (a filter of units by the bigrams other sentences share
    must not drop it), and the near-miss with other words in its place is not reported."""
    text = ("全县新建标准化塘坝蓄水工程十二处并全部通过验收，全县新建标准化塘坝蓄水工程十二处并全部通过验收。\n"
            "其他工作按计划推进。\n")
    found = run(duplicate_sentence, "duplicate-sentence", text)
    assert [(where, piece) for where, piece, _ in found] == [((1, 25), "全县新建标准化塘坝蓄水工程十二处并全部通过验收")]
    miss = ("全县新建标准化塘坝蓄水工程十二处并全部通过验收，各乡镇修缮灌溉渠道四十公里并完成清淤整治。\n"
            "其他工作按计划推进。\n")
    assert run(duplicate_sentence, "duplicate-sentence", miss) == []


def test_short_clause_restated_in_another_item_is_not_a_repeat():
    text = "1.学前教育。推进乡镇村级幼儿园一体化管理，新增学位300个。\n2.农村教育。加强农村学校建设，推进乡镇村级幼儿园一体化管理。\n"
    assert run(duplicate_sentence, "duplicate-sentence", text) == []


def test_repeated_paragraph_is_reported_once_by_the_paragraph_rule():
    para = "全面推进义务教育优质均衡发展，新建改扩建学校12所。组建教育集团8个，实现结对帮扶全覆盖。"
    text = f"{para}\n加强教师队伍建设。\n{para}\n"
    assert run(duplicate_paragraph, "duplicate-paragraph", text) == [((3, 1), para, "首次出现于第1行")]
    assert run(duplicate_sentence, "duplicate-sentence", text) == []


# -- stutters ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,word", [("要进一步进一步加强管理。", "进一步"), ("学校的的的发展。", "的的"),
                                       ("坚持和和完善制度。", "和")])
def test_stutter_reports_the_extra_copies(text, word):
    assert [f[1] for f in run(stutter, "repeated-word", text)] == [word]


@pytest.mark.parametrize("text", ["天天锻炼，人人参与，层层压实。", "为了了解需求。", "目的的实现。", "在在职教师中开展整治。",
                                  "不了了之。", "开展一对一对接。", "一步一步推进。", "等等。"])
def test_stutter_leaves_legitimate_doubling(text):
    assert run(stutter, "repeated-word", text) == []


# -- across files and the reference index -------------------------------------------------
COPIED = "全镇义务教育阶段适龄儿童入学率保持100%，控辍保学工作实现动态清零。"
OTHER = "投入资金180万元改造镇中心小学运动场，铺设塑胶跑道400米，学生活动条件明显改善。"


def settings_for(root: Path, reference: list[str]) -> Settings:
    rules, lexicon = pack()
    config = Config(duplicates=DuplicateSettings(reference=reference, cache=".cache"))
    return Settings(rules=[rules["duplicate-across-files"]], lexicon=lexicon, config=config, root=root)


def test_copy_between_checked_files_is_reported_in_the_later_one(tmp_path):
    (tmp_path / "a.txt").write_text(f"去年总结\n{COPIED}\n{OTHER}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"今年总结\n学校工作稳步推进。\n{COPIED}\n", encoding="utf-8")
    result = run_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], settings_for(tmp_path, []), jobs=1)
    assert [(Path(v.path).name, v.line, v.column) for v in result.violations] == [("b.txt", 3, 1)]
    assert "见a.txt第2行" in result.violations[0].message


def test_single_file_run_uses_cached_reference_and_reindexes_touched_files(tmp_path):
    ref_dir = tmp_path / "reports"
    ref_dir.mkdir()
    old = ref_dir / "2023.txt"
    old.write_text(f"2023年总结\n{COPIED}\n", encoding="utf-8")
    (ref_dir / "2022.txt").write_text(f"2022年总结\n{OTHER}\n", encoding="utf-8")
    new = ref_dir / "2024.txt"
    new.write_text(f"2024年总结\n{COPIED}\n{OTHER}\n", encoding="utf-8")
    settings = settings_for(tmp_path, ["reports/*.txt"])
    rule = settings.rules[0]

    first = run_paths([str(new)], settings, jobs=1)
    # Only the checked file is reported, each copy against the reference file it came from.
    assert [(v.line, v.message[v.message.index("（"):]) for v in first.violations] == [
        (2, "（见reports/2023.txt第2行）"), (3, "（见reports/2022.txt第2行）")]
    assert cache_file(settings, rule).is_file()

    again = load_reference(settings, rule, duplicate_corpus.collect)
    assert again.rebuilt == [] and sorted(again.reused) == ["reports/2022.txt", "reports/2023.txt", "reports/2024.txt"]

    old.write_text(f"2023年总结\n学校工作稳步推进，各项指标全面完成。\n", encoding="utf-8")
    os.utime(old, ns=(old.stat().st_atime_ns, old.stat().st_mtime_ns + 10**9))
    touched = load_reference(settings, rule, duplicate_corpus.collect)
    assert touched.rebuilt == ["reports/2023.txt"]
    # With the copy gone from 2023, only the sentence from 2022 is left.
    assert [v.line for v in run_paths([str(new)], settings, jobs=1).violations] == [3]


def test_reference_file_is_never_reported_and_checked_file_is_not_its_own_reference(tmp_path):
    (tmp_path / "a.txt").write_text(f"总结\n{COPIED}\n", encoding="utf-8")
    (tmp_path / "z.txt").write_text(f"总结\n{COPIED}\n", encoding="utf-8")
    settings = settings_for(tmp_path, ["*.txt"])
    # a.txt sorts first: a copy is reported in z.txt, so checking a.txt alone finds nothing,
    # as a full run would report nothing in a.txt.
    assert run_paths([str(tmp_path / "a.txt")], settings, jobs=1).violations == []
    found = run_paths([str(tmp_path / "z.txt")], settings, jobs=1).violations
    assert [(Path(v.path).name, v.line) for v in found] == [("z.txt", 2)]


def test_cache_is_rebuilt_when_parameters_change(tmp_path):
    (tmp_path / "r.txt").write_text(f"总结\n{COPIED}\n", encoding="utf-8")
    settings = settings_for(tmp_path, ["*.txt"])
    rule = settings.rules[0]
    assert load_reference(settings, rule, duplicate_corpus.collect).rebuilt == ["r.txt"]
    assert load_reference(settings, rule, duplicate_corpus.collect).rebuilt == []
    changed = rule.with_changes(params=rule.params.model_copy(update={"min_length": 30}))
    assert load_reference(settings, changed, duplicate_corpus.collect).rebuilt == ["r.txt"]


def test_heading_shared_by_summary_and_plan_is_not_a_repeat():
    heading = "（一）坚持立德树人，全面加强新时代学校思想政治工作"
    text = (f"市教育局2023年工作总结和2024年工作计划\n一、2023年工作总结\n{heading}\n全年开展思政课展示活动20场。\n"
            f"二、2024年工作计划\n{heading}\n计划开展思政课展示活动30场。\n{heading}\n")
    assert run(duplicate_sentence, "duplicate-sentence", text) == []      # left to the paragraph rule
    assert [f[0] for f in run(duplicate_paragraph, "duplicate-paragraph", text)] == [(8, 1)]


def test_two_versions_of_one_document_are_not_reported_sentence_by_sentence(tmp_path):
    sentences = [f"第{n}项工作：全市新建改扩建中小学校舍{n}处，有效缓解城区学校大班额问题。" for n in
                 "一二三四五六七八九十"] + ["组织开展书香校园读书节活动，评选阅读之星五十六名。"]
    (tmp_path / "draft.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    (tmp_path / "final.txt").write_text("\n".join(sentences[:-1]) + "\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("今年工作总结\n" + sentences[-1] + "\n", encoding="utf-8")
    found = run_paths([str(tmp_path / n) for n in ("draft.txt", "final.txt", "other.txt")],
                      settings_for(tmp_path, []), jobs=1).violations
    assert [(Path(v.path).name, v.line) for v in found] == [("other.txt", 2)]


def test_a_figure_updated_with_its_approximation_word_is_not_a_copy():
    from checker.model.similarity import numerals_only_change

    assert numerals_only_change("学生参与率达到96", "学生参与率达到95以上")
    assert numerals_only_change("新建学校15所", "新建学校约15所")
    assert not numerals_only_change("学生参与率上升5", "学生参与率下降5")


# -- D1: the sentence rule leaves a repeated paragraph to the paragraph rule only when
# that rule runs on the document, with its own parameters: one report, never none ------
_PARA = "全面推进义务教育优质均衡发展，新建改扩建学校12所。组建教育集团8个，实现结对帮扶全覆盖。"
_TWICE = f"{_PARA}\n加强教师队伍建设。\n{_PARA}\n"


def _reports(tmp_path, config: Config) -> list[tuple[str, int]]:
    from checker.engine.settings import build_settings

    (tmp_path / "doc.txt").write_text(_TWICE, encoding="utf-8")
    settings = build_settings(config=config.model_copy(update={"include": ["*.txt"]}), cwd=tmp_path)
    run_result = run_paths([str(tmp_path / "doc.txt")], settings)
    return [(v.rule, v.line, v.column) for v in run_result.violations if v.rule.startswith("duplicate-")]


@pytest.mark.parametrize("config", [
    Config(),
    Config(rules={"duplicate-sentence": {"params": {"min_length": 14}}}),
], ids=["default", "sentence-params-changed"])
def test_a_repeated_paragraph_is_one_report_when_both_rules_run(tmp_path, config):
    assert _reports(tmp_path, config) == [("duplicate-paragraph", 3, 1)]


@pytest.mark.parametrize("config", [
    Config(rules={"duplicate-paragraph": "disable"}),
    Config(disable=["duplicate-paragraph"]),
    Config(rules={"duplicate-paragraph": {"params": {"min_length": 200}}}),
    Config(rules={"duplicate-paragraph": {"ignore": ["doc.txt"]}}),
], ids=["disabled", "disabled-by-list", "min-length-raised", "ignored-for-the-path"])
def test_a_repeated_paragraph_the_paragraph_rule_does_not_report_is_reported_by_sentence(tmp_path, config):
    # Without the paragraph rule, each repeated sentence of the paragraph is reported.
    assert _reports(tmp_path, config) == [("duplicate-sentence", 3, 1), ("duplicate-sentence", 3, 27)]


def test_selecting_the_sentence_rule_alone_still_reports_a_repeated_paragraph(tmp_path):
    from checker.engine.settings import build_settings

    (tmp_path / "doc.txt").write_text(_TWICE, encoding="utf-8")
    settings = build_settings(config=Config(include=["*.txt"]), cwd=tmp_path, select=["duplicate-sentence"])
    found = run_paths([str(tmp_path / "doc.txt")], settings).violations
    assert [(v.rule, v.line, v.column) for v in found] == [("duplicate-sentence", 3, 1), ("duplicate-sentence", 3, 27)]


def test_sentences_of_short_units_only_are_passed_over_and_a_long_enough_repeat_is_still_found():
    """``_long_enough`` answers a sentence whose units are all shorter than min_length (12)
    at once, and the rule then passes it over: a repeat of exactly twelve content
    characters is still found (must-flag); one of eleven, in sentences of short clauses
    only, is not (near miss), nor any of its clauses."""
    twelve, eleven = "我们要扎实推进基层治理现", "我们要扎实推进基层治理"
    flagged = run(duplicate_sentence, "duplicate-sentence", f"{twelve}。天晴，风小。\n{twelve}。天晴，风小。")
    assert [(place, piece) for place, piece, _ in flagged] == [((2, 1), twelve)]
    missed = run(duplicate_sentence, "duplicate-sentence", f"{eleven}。天晴，风小。\n{eleven}。天晴，风小。")
    assert missed == []
    for text, min_length, kept in ((twelve + "。", 12, 1), (twelve + "。", 13, 0), ("天晴，风小。", 4, 1), ("天晴，风小。", 5, 0)):
        units = units_of(text, Span(0, len(text)))
        assert duplicate_sentence._long_enough(text, units, min_length, True) == units[:kept]


def test_a_sentence_restated_with_new_figures_elsewhere_hides_its_repeated_clause_however_far_back():
    """A sentence that differs from an earlier one in another paragraph in its figures only
    is a figure restated (metric-restated's), so its clause met again is no repeat: the
    earlier sentence is found by its skeleton even when sentences without repeats stood
    between (their skeletons are filed when a repeat first asks)."""
    clause = "推动全市经济社会高质量发展取得新的更大成效为全面建设现代化城市奠定坚实基础"
    first = f"全市完成固定资产投资100亿元，{clause}。"
    later = f"全市完成固定资产投资120亿元，{clause}。"
    between = "\n".join(["加强干部队伍建设，提升服务群众能力水平。", "深化放管服改革，优化营商环境建设工作。"])
    assert run(duplicate_sentence, "duplicate-sentence", "\n".join([first, between, later])) == []
    # the same clause after a sentence that is not the figure restated is reported
    other = f"全市新增市场主体三千多户，{clause}。"
    assert len(run(duplicate_sentence, "duplicate-sentence", "\n".join([first, between, other]))) == 1
