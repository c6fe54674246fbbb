"""The quantity grammar's look-ahead before a magnitude (not where a unit starts: 千米)
written with the units that begin with a magnitude's first character only, against the
expressions that listed every unit: the same candidates and the same parts read."""
import random
import re
from pathlib import Path

from checker.engine.settings import build_settings
from checker.model import quantity_grammar as qg

ROOT = Path(__file__).resolve().parents[1]


def _every_unit(texts: qg.GrammarTexts, data) -> tuple[str, str]:
    """The candidate and end expressions with the look-ahead listing every unit."""
    units = qg._alternation(data.units)
    blocking = qg._blocking_units(data)
    assert blocking != units and len(blocking) < len(units) / 4
    return (texts.candidates.replace(f"(?!{blocking})", f"(?!{units})"),
            texts.end.replace(f"(?!{blocking})", f"(?!{units})"))


def _texts(data) -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    found += [Path(f"/work/scratch/pool/doc{i:04d}.txt").read_text(encoding="utf-8")
              for i in range(20) if Path(f"/work/scratch/pool/doc{i:04d}.txt").exists()]
    rng = random.Random(17)
    words = [*data.approx_prefixes, *data.approx_infixes, *data.approx_suffixes, *data.units, *data.magnitudes,
             *data.range_marks, "百分之", "一", "二十", "三", "千", "万", "3", "45.6", "1,200", "-", "的", "，"]
    found += ["".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    return found


def test_the_short_look_ahead_reads_as_the_one_of_every_unit():
    data = qg.data_view(build_settings(no_config=True).lexicon, qg.QuantityData)
    texts = qg.grammar_texts(data)
    old_candidates, old_end = (re.compile(t) for t in _every_unit(texts, data))
    candidates, end = re.compile(texts.candidates), re.compile(texts.end)
    seen = 0
    for text in _texts(data):
        got = [(m.span(), m.groups()) for m in candidates.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in old_candidates.finditer(text)], text[:60]
        for at in range(0, min(len(text), 40)):
            a, b = end.match(text, at), old_end.match(text, at)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, at)
        seen += len(got)
    assert seen > 5000
