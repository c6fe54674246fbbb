"""The typo family: its planted set's figures, the phrase index, agreement with the
stutter rule, and the kinds' guards."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checker.checks.typo import phrase_index as pi
from checker.model.document import Document
from tests.helpers import lint

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import typo_planted  # noqa: E402


@pytest.fixture(autouse=True)
def full_repair(monkeypatch):
    """The tests below lint one sentence each: typo-phrase runs without its shipped
    condition of the phrase written whole elsewhere in the document (needs_evidence), as
    `rules: {typo-phrase: {params: {needs_evidence: false}}}` in .gwlint.yaml would run it;
    test_shipped_phrase_repair_needs_the_phrase_elsewhere checks the shipped condition."""
    from checker.engine.settings import Settings
    from tests import helpers

    base = helpers.default_settings()

    def with_rules(rules):
        return Settings(rules=[typo_planted.full_repair(r) for r in rules], lexicon=base.lexicon,
                        vocabularies=base.vocabularies, config=base.config, root=base.root)

    full = with_rules(base.rules)
    monkeypatch.setattr(helpers, "default_settings", lambda: full)
    monkeypatch.setattr(helpers, "settings_for",
                        lambda rule_id: with_rules([r for r in helpers.every_rule() if r.id == rule_id]))


@pytest.fixture(scope="module")
def figures():
    return typo_planted.evaluate(typo_planted.read())


def test_planted_set_is_large_and_covers_every_kind():
    items = typo_planted.read()
    assert len(items) >= 240
    assert {i.kind for i in items} == set(typo_planted.RULE_OF_KIND)


def test_planted_precision(figures):
    assert figures.precision >= 0.95, figures.false


def test_planted_recall(figures):
    assert figures.recall() >= 0.85, figures.misses
    assert figures.listed_hits / figures.listed_total >= 0.8
    for kind in figures.total:
        assert figures.recall(kind) >= 0.6, (kind, [m for m in figures.misses if m[0] == kind])


def _rules(text, *rule_ids):
    return [(v.rule, v.excerpt) for v in lint(text) if v.rule in rule_ids]


def test_doubled_word_is_repeated_word_and_doubled_character_is_typo():
    both = ("repeated-word", "typo-phrase")
    assert _rules("计划通过全省统一招聘招聘教师957名。", *both) == [("repeated-word", "招聘")]
    assert _rules("切实提高学校的的办学水平。", *both) == [("repeated-word", "的")]
    assert _rules("全体党员要深入开展理论论学习。", *both) == [("typo-phrase", "理论论学习")]
    [(rule, excerpt)] = _rules("推进课堂提质质增效。", *both)
    assert rule == "typo-phrase" and "提质质增效" in excerpt


def test_a_misspelling_is_reported_once():
    hits = [v.rule for v in lint("各级干部要以身作责，率先垂范。") if v.category == "typo"]
    assert hits == ["typo-misspelling"]


def test_phrase_repair_suggests_the_phrase():
    [v] = [v for v in lint("确保教育支出逐年只增不减，确保生均教育支出逐年增不减。") if v.rule == "typo-phrase"]
    assert v.excerpt == "增不减" and "只增不减" in v.message


def test_a_dropped_official_character_needs_the_phrase_elsewhere():
    # 切实增活力 is a terse parallel, not 增强活力 cut short
    assert not _rules("加强阵地建设，切实增活力。", "typo-phrase")
    assert not _rules("确保教育支出逐年增不减。", "typo-phrase")


def test_listed_phrases_extend_the_index_and_whitelist_jargon():
    data = {"typo": {"phrases": ["三抓三促行动"]}}
    assert not lint("深入开展三抓三醋行动。", "typo-phrase")
    hits = [v for v in lint("深入开展三抓三醋行动。", "typo-phrase", data=data)]
    assert [v.excerpt for v in hits] == ["三抓三醋行动"]
    assert not lint("深入开展三抓三促行动。", "typo-phrase", data=data)
    # a jargon word is never repaired once listed
    assert not lint("推进课堂提质增效。", "typo-phrase")


def test_variants_of_every_edit():
    assert pi.variant("只增不减", pi.SUB, 3, ord("剪"), 0) == "只增不剪"
    assert pi.variant("只增不减", pi.DROP, 0, 0, 0) == "增不减"
    assert pi.variant("只增不减", pi.DOUBLE, 1, 0, 0) == "只增增不减"
    assert pi.variant("只增不减", pi.SWAP, 1, 0, 0) == "只不增减"
    assert pi.variant("城市维护建设税", pi.REORDER, 2, 0, (2 << 2) | 2) == "城市建设维护税"


def test_index_is_cached_and_maps_back(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    args = (("只增不减", "应助尽助"), ("城市维护建设税",), (), ("zhǐ:只止纸",), ("减咸",), pi.Settings())
    key = pi.index_key(*args)
    built = pi.load.__wrapped__(key, *args)
    assert list(tmp_path.glob("gwlint/typo-index-*/hashes.npy"))
    again = pi.load.__wrapped__(key, *args)
    text = "逐年只增不减，逐年纸增不减，逐年只增不咸，城市建设维护税。"
    found = {(c.phrase, text[c.start:c.end], pi.EDITS[c.edit]) for c in again.scan(text)}
    assert ("只增不减", "纸增不减", "sub") in found
    assert ("只增不减", "只增不咸", "sub") in found
    assert ("城市维护建设税", "城市建设维护税", "reorder") in found
    assert not any(w == "只增不减" for _, w, _ in found)
    assert len(built) == len(again)


def test_tokens_in_matches_the_whole_segmentation():
    text = "确保教育支出逐年只增不减。加强师德师风建设，推进课堂提质增效！"
    whole = Document.from_text(text)
    part = Document.from_text(text)
    for start, end in [(6, 10), (14, 18), (20, 24)]:
        expected = [t for t in whole.tokens if t[1].start < end and t[1].end > start]
        assert part.tokens_in(start, end) == expected
    assert "tokens" not in part.__dict__


def test_traditional_once_per_paragraph_and_traditional_documents_left_alone():
    text = "全市新建學校12所，增加學位8000個，校舍改造全面完成。\n此後我们将继续推进学前教育普及普惠，扩大优质资源供给。"
    hits = [v for v in lint(text, "typo-traditional")]
    assert [(v.line, v.excerpt) for v in hits] == [(1, "學校12所，增加學位8000個"), (2, "後")]
    traditional = "國家衛生健康委日前發布統計公報。公報顯示，我國居民健康狀況持續改善，醫療衛生機構總數繼續增加，衛生人員隊伍不斷壯大。"
    assert not lint(traditional, "typo-traditional")


def test_misspelling_inside_a_longer_word_is_not_reported():
    assert not lint("演出在舞台帐篷里进行。", "typo-misspelling")
    assert [v.excerpt for v in lint("对困难学生建立台帐。", "typo-misspelling")] == ["台帐"]


def test_spinner_allows_a_right_compound_only_when_it_covers_the_collocation():
    assert not lint("各项改革取得积极进展。", "typo-spinner")
    assert [v.excerpt for v in lint("积极进展党员，壮大队伍。", "typo-spinner")] == ["进展"]


def test_shipped_phrase_repair_needs_the_phrase_elsewhere(monkeypatch):
    monkeypatch.undo()        # the shipped settings
    assert not [v for v in lint("全体党员要深入开展理论论学习。") if v.rule == "typo-phrase"]
    hits = [v.excerpt for v in lint("坚持理论学习，全体党员要深入开展理论论学习。") if v.rule == "typo-phrase"]
    assert hits == ["理论论学习"]


def test_ordinary_phrases_one_edit_from_an_idiom_are_not_repaired():
    # a character repeated before each member of a series; a negator or an adjective
    # before a word; two words meeting on a shared character
    for text in ("各行业各部门各有关单位要压实责任。", "这是极不寻常的一年。", "做好这篇大文章。",
                 "县武装部部长参加会议。"):
        assert not [v for v in lint(text) if v.rule == "typo-phrase"], text
    # the slips themselves still are
    assert [v.excerpt for v in lint("坚持实事是求。") if v.rule == "typo-phrase"] == ["实事是求"]


def test_the_python_scan_finds_what_the_numpy_scan_finds():
    """A one-file run scans in Python (no numpy import); both scans must give the same
    candidates in the same order, on the seeds and on texts full of planted variants."""
    import random

    from checker.checks.typo.phrase import index_for
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    index = index_for(rule)
    hashes, meta = index._python_arrays()[:2]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(11)
    texts = list(seeds)
    for _ in range(12):
        base, parts, at = rng.choice(seeds), [], 0
        for _ in range(30):
            nxt = min(len(base), at + rng.randrange(1, 200))
            parts.append(base[at:nxt])
            at = nxt
            pid, edit, pos, char, extra = pi._unpack(int(meta[rng.randrange(len(hashes))]))
            phrase = index.phrases[pid]
            planted = pi.variant(phrase, edit, pos, char, extra)
            # beside the whole phrase or a piece of it: the anchor and pair tests decide
            parts.append(rng.choice([planted, phrase + planted, planted + phrase, phrase[0] + planted]))
        texts.append("".join(parts))
    found = 0
    for text in texts:
        python, numpy_ = list(index._scan_python(text)), list(index._scan_numpy(text))
        assert python == numpy_
        found += len(python)
    assert found > 100


def test_the_start_table_lets_every_variant_through():
    """Both scans hash a window only as far as its first three characters' slot of the start
    table allows: every indexed variant of three or more characters must fit its slot,
    or a scan would miss it (a slot shared by other variants may allow more)."""
    import random

    from checker.checks.typo.phrase import index_for
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    index = index_for(rule)
    _, meta, _, _, _, _, table = index._numpy_arrays()[:7]
    rng = random.Random(5)
    checked = 0
    for k in rng.sample(range(len(meta)), 30_000):
        pid, edit, pos, char, extra = pi._unpack(int(meta[k]))
        v = pi.variant(index.phrases[pid], edit, pos, char, extra)
        if len(v) < 3:
            continue
        slot = ((ord(v[0]) * pi._BASE_INT + ord(v[1])) * pi._BASE_INT + ord(v[2])) & pi._START_MASK
        assert int(table[slot]) >= min(len(v), 255), v
        checked += 1
    assert checked > 20_000


def test_the_numpy_scan_at_the_ends_of_han_runs():
    """Variants planted at the very start and end of a text and against non-Han marks,
    digits and Latin letters are found by the numpy scan as by the Python scan."""
    import random

    from checker.checks.typo.phrase import index_for
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    index = index_for(rule)
    _, meta = index._python_arrays()[:2]
    rng = random.Random(9)
    found = 0
    for _ in range(300):
        parts = []
        for _ in range(rng.randint(1, 4)):
            pid, edit, pos, char, extra = pi._unpack(int(meta[rng.randrange(len(meta))]))
            parts.append(pi.variant(index.phrases[pid], edit, pos, char, extra))
            parts.append(rng.choice(["", "，", "a", "1", "\n", "。工作"]))
        text = "".join(parts)
        python, numpy_ = list(index._scan_python(text)), list(index._scan_numpy(text))
        assert python == numpy_, text
        found += len(python)
    assert found > 100


def test_dictionary_lookups_answer_as_a_search_of_the_dictionary_file():
    """_in_dictionary and _dictionary_tag read the sorted first words of jieba's full
    dictionary (a binary search): the same answers as a search of the file for a line
    beginning with the word and a blank."""
    import random

    from checker.checks.typo import phrase as ph

    data = ph._dictionary_bytes()
    lines = data.decode("utf-8").split("\n")
    rng = random.Random(7)
    words = [line.split(" ")[0] for line in rng.sample(lines, 60) if " " in line]
    words += [w[:-1] for w in words] + [w[::-1] for w in words] + [lines[0].split(" ")[0]]
    for word in words:
        key = word.encode("utf-8") + b" "
        held = data.startswith(key) or data.find(b"\n" + key) >= 0
        assert ph._in_dictionary.__wrapped__(word) == (held and ph._all_han(word)), word
        assert (ph._dictionary_tag.__wrapped__(word) != "") <= held, word
        assert ph._listed(word.encode("utf-8")) == held, word
