"""The quantity grammar's records made without their dataclass constructors
(``made_end``, ``made_parsed``: unfrozen twins) against the constructors: equal, hashing,
printing, pickling and frozen alike, and what ``_read`` gives built from the match's groups
as the constructor would have built it."""
import dataclasses
import pickle
import random

import pytest

from checker.engine.settings import build_settings
from checker.model import quantity_grammar as qg


def _end_values(rng: random.Random) -> tuple:
    return tuple(rng.choice(choices) for choices in (
        [None, "约", "近"], [None, 0, 3], ["12", "三十", "1,200"], [0, 2, 5], [2, 4, 9], [False, True],
        [None, "万", "亿"], [None, "余", "多"], [None, "个", "%", "百分之"], [None, 3, 7], [3, 8, 12]))


def test_made_ends_and_parses_are_the_constructors():
    rng = random.Random(11)
    assert len(dataclasses.fields(qg.End)) == 11 and len(dataclasses.fields(qg.Parsed)) == 6
    for _ in range(500):
        values = _end_values(rng)
        made, built = qg.made_end(*values), qg.End(*values)
        assert type(made) is qg.End
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        assert pickle.loads(pickle.dumps(made)) == built
        high = rng.choice([None, qg.End(*_end_values(rng))])
        fields = (rng.randint(0, 3), rng.randint(4, 20), built, high, rng.choice([None, "～", "至"]),
                  rng.choice([(), ("以上",), ("左右", "以上")]))
        made_p, built_p = qg.made_parsed(*fields), qg.Parsed(*fields)
        assert type(made_p) is qg.Parsed
        assert made_p == built_p and hash(made_p) == hash(built_p) and repr(made_p) == repr(built_p)
        assert pickle.loads(pickle.dumps(made_p)) == built_p
    with pytest.raises(dataclasses.FrozenInstanceError):
        qg.made_end(*_end_values(rng)).unit = "元"
    with pytest.raises(dataclasses.FrozenInstanceError):
        qg.made_parsed(0, 1, qg.End(*_end_values(rng)), None, None, ()).end = 2


def _constructed(parsed):
    """``parsed`` made again field by field by the constructors."""
    if parsed is None:
        return None

    def end(e):
        return None if e is None else qg.End(**{f.name: getattr(e, f.name) for f in dataclasses.fields(qg.End)})

    return qg.Parsed(parsed.start, parsed.end, end(parsed.low), end(parsed.high), parsed.range_mark,
                     parsed.suffixes)


def test_read_candidates_equal_the_constructed_ones():
    grammar = qg.grammar_for(build_settings(no_config=True).lexicon)
    candidates = ["约35.28亿元", "百分之八十", "1-2项", "900余万元", "20多亿元", "50%～30%", "三十万人以上",
                  "超过1,200个", "-2%", "近3万余人左右", "12", "一百二十五所"]
    rng = random.Random(3)
    alphabet = "一二三十百千万亿0123456789.,%％-~～至到余多个人元年月约近超过以上左右"
    candidates += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    read = 0
    for candidate in candidates:
        parsed = grammar._read(candidate)
        assert parsed == _constructed(parsed), candidate
        if parsed is not None:
            read += 1
            assert type(parsed) is qg.Parsed and type(parsed.low) is qg.End
            assert repr(parsed) == repr(_constructed(parsed))
    assert read > 1000
