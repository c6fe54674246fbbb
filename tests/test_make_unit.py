"""``similarity.make_unit`` (units made without the dataclass constructors) against
``Unit(Span(...))``: equal, same hash, same repr, still frozen."""
import random

import pytest

from checker.model.similarity import Unit, make_unit, units_of
from checker.model.span import Span
from checker.model.document import Document


def test_made_units_are_the_constructors_units():
    rng = random.Random(11)
    for _ in range(2000):
        start = rng.randint(0, 500)
        end = start + rng.randint(0, 80)
        norm = "".join(rng.choice("甲乙丙§12x") for _ in range(rng.randint(1, 12)))
        clause = rng.random() < 0.5
        made, built = make_unit(start, end, norm, clause), Unit(Span(start, end), norm, clause)
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        assert made.span == built.span and hash(made.span) == hash(built.span) and made.span < Span(end + 1, end + 1)
        assert made.length == built.length and type(made) is Unit and type(made.span) is Span


def test_made_units_stay_frozen():
    unit = make_unit(1, 3, "甲乙", False)
    with pytest.raises(AttributeError):
        unit.norm = "丙"
    with pytest.raises(AttributeError):
        unit.span.start = 0


def test_units_of_a_sentence_are_made_units():
    text = "一是加强“××”建设，推进队伍建设；（牵头单位：某局）提升服务质量。"
    doc = Document.from_text(text)
    units = units_of(doc.text, doc.sentences[0].span, pairs=True)
    assert units and all(type(u) is Unit and type(u.span) is Span for u in units)
    assert [u.norm for u in units][:1] == ["加强§建设推进队伍建设"]


def _units_by_unit(text, norm, offsets, breaks, clauses, pairs):
    """``units_from`` without set phrases as it was: ``_unit`` per stretch."""
    from checker.model.similarity import _unit

    out = [u for u in [_unit(norm, offsets, 0, len(norm), False, None, text)] if u]
    if clauses and breaks:
        bounds = [0, *breaks, len(norm)]
        out += [u for a, b in zip(bounds, bounds[1:]) if (u := _unit(norm, offsets, a, b, True, None, text))]
        if pairs and len(bounds) > 3:
            out += [u for a, c in zip(bounds, bounds[2:]) if (u := _unit(norm, offsets, a, c, True, None, text))]
    return out


def test_plain_units_are_the_units_made_one_by_one():
    from checker.model.similarity import normalise_from, units_from

    rng = random.Random(3)
    pieces = ("加强", "队伍", "建设", "，", "；", "：", "“××”", "《*》", "“某某”", "（一）", "一是", "3.", "xx",
              "2023年", " ", "\u3000", "）", "“", "A", "。")
    placeholders_last = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        norm, offsets, breaks, _ = normalise_from(text, 0, len(text))
        for clauses, pairs in ((True, True), (True, False), (False, False)):
            expected = _units_by_unit(text, norm, offsets, breaks, clauses, pairs)
            assert units_from(text, norm, offsets, breaks, None, clauses=clauses, pairs=pairs) == expected, text
            placeholders_last += any(u.norm.endswith("§") for u in expected)
    assert placeholders_last > 500
