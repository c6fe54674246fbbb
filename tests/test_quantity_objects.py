"""The quantities layer's shortcuts against what they stand for: spans and quantities made
without the dataclass constructors (``known_span``, ``make_quantity``) against the
constructors, ``fold``'s early return against the plain translation, and the candidates
found through the start gate against a plain search of the candidate expression."""
import dataclasses
import random

import pytest

from checker.engine.settings import build_settings
from checker.model.document import Document
from checker.model.folding import _table, fold
from checker.model.lexicon import built_from
from checker.model.quantity import Quantity, make_quantity
from checker.model.span import Span, known_span


def test_known_spans_are_the_constructors_spans():
    rng = random.Random(5)
    for _ in range(2000):
        start = rng.randint(0, 900)
        end = start + rng.randint(0, 40)
        made, built = known_span(start, end), Span(start, end)
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        assert type(made) is Span and made.of("x" * 1000) == built.of("x" * 1000)
        assert (made < Span(end, end + 1)) == (built < Span(end, end + 1))
    with pytest.raises(AttributeError):
        known_span(1, 2).start = 0


def _random_values(rng: random.Random) -> dict:
    values = {"span": Span(3, 9), "text": "约35.28亿元", "value": rng.choice([1.0, 35.28, 0.5]),
              "number_text": rng.choice(["35.28", "二十九", "1,200"])}
    optional = {"unit": ["%", "元", None], "magnitude": ["万", None], "approx": [(), ("约",)],
                "high": [None, 3.0], "list_id": [None, 0, 4], "indicator": [None, "入学率"],
                "indicator_span": [None, Span(0, 3)], "verb": [None, "达到"], "sentence": [None, 2],
                "unit_kind": [None, "percent"], "number_span": [None, Span(4, 9)], "bound": [None, "about"],
                "multiplier": [1, 10000], "low_multiplier": [1, 100], "is_chinese_numeral": [False, True],
                "range_mark": [None, "～"], "verb_kind": [None, "level"]}
    for name, choices in optional.items():
        if rng.random() < 0.6:
            values[name] = rng.choice(choices)
    return values


def test_made_quantities_are_the_constructors_quantities():
    rng = random.Random(7)
    for _ in range(2000):
        values = _random_values(rng)
        made, built = make_quantity(dict(values)), Quantity(**values)
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        assert type(made) is Quantity and dataclasses.asdict(made) == dataclasses.asdict(built)


def test_a_made_quantity_needs_its_required_fields_and_stays_frozen():
    with pytest.raises(KeyError):
        make_quantity({"span": Span(0, 1), "text": "1", "value": 1.0})
    made = make_quantity({"span": Span(0, 2), "text": "1%", "value": 1.0, "number_text": "1", "unit": "%"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = 2.0


def test_a_made_quantity_behaves_as_a_constructed_one_everywhere():
    """The object made as ``_Unfrozen`` and given the class Quantity: pickled, copied,
    replaced, compared and sorted into sets like the constructor's, without a trace of
    the twin class."""
    import copy
    import pickle

    from checker.model.quantity import _Unfrozen

    rng = random.Random(11)
    for _ in range(300):
        values = _random_values(rng)
        made, built = make_quantity(dict(values)), Quantity(**values)
        assert not isinstance(made, _Unfrozen) and isinstance(made, Quantity)
        assert pickle.loads(pickle.dumps(made)) == built
        assert copy.copy(made) == built and copy.deepcopy(made) == built
        assert dataclasses.replace(made, text="x") == dataclasses.replace(built, text="x")
        assert {made, built} == {built} and made.scaled == built.scaled and made.is_percent == built.is_percent
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.text = "y"
        with pytest.raises(AttributeError):
            del made.text


def test_the_unfrozen_twin_needs_a_plain_slots_class():
    from checker.model.unfrozen_twin import unfrozen_twin as _unfrozen_twin

    class Plain:
        pass

    with pytest.raises(TypeError):
        _unfrozen_twin(Plain)
    twin = _unfrozen_twin(Span)
    made = twin()
    made.start, made.end = 2, 5
    made.__class__ = Span
    assert made == Span(2, 5) and hash(made) == hash(Span(2, 5))


def test_fold_returns_the_translation():
    lexicon = build_settings(no_config=True).lexicon
    table = built_from(lexicon, "traditional_forms", _table)
    assert table, "the shipped table is empty: nothing to test"
    traditional = "".join(chr(c) for c in sorted(table))
    rng = random.Random(3)
    plain = "全年新增就业12万人，增长3.5%。\n"
    for _ in range(300):
        text = "".join(rng.choice(plain) for _ in range(rng.randint(0, 60)))
        if rng.random() < 0.5:
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(traditional) + text[at:]
        assert fold(text, lexicon) == text.translate(table)
    assert fold(plain, lexicon) is plain


def test_a_traditional_document_reads_its_quantities_folded():
    doc = Document.from_text("全年收入增長12萬元，比上年減少3個百分點。\n")
    assert [(q.text, q.magnitude, q.unit) for q in doc.quantities] == [("12萬元", "万", "元"), ("3個百分點", None, "个百分点")]


def _candidates_by(find, text):
    found, pos = [], 0
    while (m := find(text, pos)) is not None:
        found.append((m.span(), m.group()))
        pos = m.end()
    return found


def test_gated_candidates_are_the_searched_candidates():
    from checker.model.quantity_grammar import grammar_for

    grammar = grammar_for(build_settings(no_config=True).lexicon)
    rng = random.Random(13)
    pieces = ["一", "二十", "三", "百分之", "高于", "大约", "不少于", "达", "近", "接近", "突破", "超过", "约",
              "12", "3.5", "-", "－", "−", "万", "亿", "元", "%", "个百分点", "所", "名", "余", "多", "至", "～",
              "以上", "左右", "是", "统一", "高质量", "大力", "不断", "年", "第", "，", "。", "\n", "A", " ",
              "十分", "两", "千米", "零", "〇", "<", "≥", "５", "0"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(4000)]
    texts.append("高于一是一二三四五六七八九十项，达到达80%，接近近30万元，统一一批十分二十余名")
    for text in texts:
        assert _candidates_by(grammar.find_candidate, text) == _candidates_by(grammar.candidates.search, text)


def test_whole_quantities_are_made_quantities():
    from checker.model.quantity import make_whole_quantity

    names = [f.name for f in dataclasses.fields(Quantity)]
    rng = random.Random(13)
    for _ in range(1000):
        values = _random_values(rng)
        whole = {name: values.get(name, f.default) for name, f in zip(names, dataclasses.fields(Quantity))}
        made = make_whole_quantity(dict(whole))
        assert made == make_quantity(dict(values)) == Quantity(**values)
        assert type(made) is Quantity and repr(made) == repr(Quantity(**values))
    partial = {"span": Span(0, 2), "text": "1%", "value": 1.0, "number_text": "1", "unit": "%"}
    with pytest.raises(KeyError):
        make_whole_quantity(partial)
