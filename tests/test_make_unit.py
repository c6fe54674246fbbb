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
