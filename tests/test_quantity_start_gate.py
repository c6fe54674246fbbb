"""The quantity grammar's start gate with the approximation words in one look-ahead
against the gate that wrote a look-ahead per word: the same places on the seeds, pool
documents and random texts (``find_candidate`` reads only where a match of the gate
starts)."""
import random
import re
from pathlib import Path

from checker.engine.settings import build_settings
from checker.model import quantity_grammar as qg

ROOT = Path(__file__).resolve().parents[1]


def _gate_per_word(firsts: set[str], data) -> str:
    """The gate as written before: a look-behind and a look-ahead per approximation word."""
    numeral_words = [*data.magnitudes, *data.approx_infixes, *data.units, *data.range_marks]
    number_firsts = r"百\-－−" + qg._DIGITS + qg._CN_FIRST
    ways = [r"(?<=百)(?=分之)", rf"(?<=[{qg._DIGITS}])", rf"(?<=[-－−])(?=[{qg._DIGITS}])"]
    if all(numeral_words):
        follow = "".join(sorted({w[0] for w in numeral_words}))
        ways.append(rf"(?<=[{qg._CN_FIRST}])(?<![{qg._CN_ALL}][{qg._CN_ALL}])(?=[{qg._CN_ALL}]*[{re.escape(follow)}])")
    else:
        ways.append(rf"(?<=[{qg._CN_FIRST}])")
    for word in sorted({w for w in data.approx_prefixes if w}):
        ways.append(rf"(?<={re.escape(word[0])})(?={re.escape(word[1:])}[{number_firsts}])")
    return "[" + "".join(re.escape(c) for c in sorted(firsts)) + "](?:" + "|".join(ways) + ")"


def _texts(data) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(13)
    words = [*data.approx_prefixes, *data.units, *data.magnitudes, *data.range_marks, "百分之", "第", "年", "，",
             "一", "二十", "3", "45.6", "-", "－", "−", "７", "不", "超", "高", "近", "的", "是"]
    texts += ["".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(4000)]
    return texts


def test_the_gate_finds_the_places_the_per_word_gate_found():
    data = qg.data_view(build_settings(no_config=True).lexicon, qg.QuantityData)
    firsts = {w[0] for w in data.approx_prefixes if w} | set("百-－−０１２３４５６７８９" + qg._CN_FIRST)
    firsts.update(chr(c) for c in range(ord("0"), ord("9") + 1))
    new, old = re.compile(qg._start_gate(firsts, data)), re.compile(_gate_per_word(firsts, data))
    assert new.pattern != old.pattern and len(new.pattern) < len(old.pattern)
    found = 0
    for text in _texts(data):
        places = [m.start() for m in new.finditer(text)]
        assert places == [m.start() for m in old.finditer(text)], text[:80]
        found += len(places)
    assert found > 5_000
