"""The number checks' kept answers and gates against the plain computations they stand
for: metric-restated's names per indicator, is_rate's answers per indicator, the measure
table's noun look-up gated by first characters and lengths, count claims' word lists
grouped once."""
import random

from checker.checks.enumeration.lists import words_by_length
from checker.checks.metric import conflict
from checker.checks.units.forms import MeasureTable
from checker.engine.settings import build_settings
from checker.model.indicators import _is_rate, is_rate, rate_lexicon

_PIECES = ["全区", "确保", "学前三年", "毛入园率", "及格率", "总数", "高新技术企业", "比例", "增长率",
           "完成率", "占比", "成功率", "功率", "”", "）", "率", "覆盖面", "期中", "全校", "的"]


def _indicators(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 5))) for _ in range(n)]


def _metric_data():
    rule = next(r for r in build_settings(no_config=True).rules if r.id == "metric-restated")
    return conflict._data(rule.vocabulary)


def test_kept_names_are_the_normalised_names():
    data = _metric_data()
    rng = random.Random(17)
    for indicator in _indicators(rng, 3000):
        for min_chars in (2, 4):
            assert conflict._normalise(indicator, data, min_chars) == conflict._normalised(indicator, data, min_chars)
    # another data object: its own names, not the first one's
    other = data.model_copy(update={"metric_trailing_words": []})
    assert conflict._normalise("高新技术企业总数", other, 4) == "高新技术企业总数"
    assert conflict._normalise("高新技术企业总数", data, 4) == conflict._normalised("高新技术企业总数", data, 4)


def test_action_words_in_one_startswith_are_any_over_the_words():
    data = _metric_data()
    assert data.metric_action_words
    rng = random.Random(4)
    names = _indicators(rng, 500) + [w + "率" for w in data.metric_action_words]
    for name in names:
        assert name.startswith(conflict._action_words(data)) == any(name.startswith(w) for w in data.metric_action_words)


def test_kept_rate_answers_are_the_computed_answers():
    lexicon = build_settings(no_config=True).lexicon
    assert rate_lexicon(lexicon) is rate_lexicon(lexicon)
    rng = random.Random(9)
    pairs = [rate_lexicon(lexicon), rate_lexicon(lexicon, bounded=False), (("率",), ("增长率",)), (("率",), ())]
    for _ in range(4000):
        words, exceptions = rng.choice(pairs)
        indicator = rng.choice(_indicators(rng, 1) + [None, ""])
        expected = bool(indicator) and _is_rate(indicator, words, exceptions)
        assert is_rate(indicator, words, exceptions) == expected


class _Words:
    def __init__(self, fits):
        self.fits = fits


def _plain_noun_at(table: MeasureTable, text: str, offset: int):
    for size in range(min(table._longest, len(text) - offset), 0, -1):
        if text[offset:offset + size] in table.fits:
            return text[offset:offset + size]
    return None


def test_gated_noun_look_up_is_the_plain_loop():
    rng = random.Random(21)
    nouns = ["学校", "学校党支部", "校长", "人", "教师", "党支部", "项目", "中小学校", "领导干部", "学生"]
    for _ in range(50):
        fits = {n: {"所", "个"} for n in rng.sample(nouns, rng.randint(0, len(nouns)))}
        table = MeasureTable(_Words(fits), ["参加"])
        alphabet = "".join(set("".join(nouns))) + "，。 \n个所"
        text = "".join(rng.choice(alphabet) for _ in range(200)) + rng.choice(nouns)
        for offset in range(len(text) + 1):
            assert table._noun_at(text, offset) == _plain_noun_at(table, text, offset)


def test_count_tables_hold_the_word_lists_by_length():
    rng = random.Random(2)
    for _ in range(300):
        words = ["".join(rng.choice("各每第周星期或至") for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(0, 8))]
        grouped = words_by_length(words)
        assert [n for n, _ in grouped] == sorted({len(w) for w in words})
        assert set().union(*(ws for _, ws in grouped)) == set(words)


def test_marker_end_is_where_the_marker_ends():
    from checker.model.markers import marker_at, marker_end

    rng = random.Random(6)
    pieces = ["一、", "（一）", "(2)", "1.", "12.", "①", "第一", "三是", "二", "、", "）", "（", "加强", "3", ".", " ", "\t"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        start = rng.randint(0, len(text))
        end = rng.choice([None, rng.randint(start, len(text))])
        marker = marker_at(text, start, end)
        assert marker_end(text, start, end) == (marker.span.end if marker else None)
