"""The quantity and marker readers were pyparsing grammars; they are now read with plain
regular expressions (no pyparsing import at start-up).  These tests keep the pyparsing
forms as the reference and compare both readers on every candidate of the seeds and the
planted cases and on random strings of the grammars' characters."""
from __future__ import annotations

import random
from pathlib import Path

import pyparsing as pp

from checker.model import markers
from checker.model import quantity_grammar as qg
from checker.model.lexicon import data_view
from checker.rules.loader import builtin_lexicon

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases").rglob("*.txt"))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def _random_strings(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(count)]


# -- quantities -----------------------------------------------------------------------------

def _reference_quantity(grammar: qg.QuantityGrammar):
    units, mags, prefixes, infixes, marks, suffixes = (
        qg._alternation(getattr(grammar.data, name)) for name in
        ("units", "magnitudes", "approx_prefixes", "approx_infixes", "range_marks", "approx_suffixes"))
    end = pp.Regex(
        rf"(?P<prefix>{prefixes})?"
        rf"(?:百分之(?P<percent_number>{qg._ARABIC}|{qg._CN_AFTER_PERCENT})"
        rf"|(?P<number>{qg._SIGNED}|{qg._CN})"
        # 余/多 after the magnitude (4.2万余名) or before it (900余万元)
        rf"(?:(?!{units})(?P<magnitude>{mags})(?P<infix>{infixes})?"
        rf"|(?P<infix_first>{infixes})(?:(?!{units})(?P<magnitude_after>{mags}))?)?"
        rf"(?P<unit>{units})?)"
    )
    quantity = (pp.Located(end)("low") + pp.Opt(pp.Regex(marks)("range_mark") + pp.Located(end)("high"))
                + pp.ZeroOrMore(pp.Regex(suffixes)("suffix*")))
    whole = pp.Located(quantity)
    whole.leave_whitespace(recursive=True)
    whole.streamline()

    def end_of(located):
        part, start = located.value, located.locn_start
        prefix = part.get("prefix") or None
        at = start + (len(prefix) if prefix else 0)
        if part.get("percent_number"):
            number = part["percent_number"]
            return (prefix, start if prefix else None, number, at + 3, at + 3 + len(number), True, None, None,
                    "百分之", at, located.locn_end)
        number, unit = part["number"], part.get("unit") or None
        return (prefix, start if prefix else None, number, at, at + len(number), False,
                part.get("magnitude") or part.get("magnitude_after") or None,
                part.get("infix") or part.get("infix_first") or None, unit,
                located.locn_end - len(unit) if unit else None, located.locn_end)

    def parse(candidate: str):
        try:
            result = whole.parse_string(candidate)
        except pp.ParseException:
            return None
        body = result.value
        high = end_of(body["high"]) if "high" in body else None
        return (result.locn_start, result.locn_end, end_of(body["low"]), high,
                body.get("range_mark") if high else None, tuple(body.get("suffix", ())))

    return parse


def _plain(parsed):
    if parsed is None:
        return None
    fields = qg.End.__slots__

    def end(e):
        return None if e is None else tuple(getattr(e, f) for f in fields)

    return parsed.start, parsed.end, end(parsed.low), end(parsed.high), parsed.range_mark, parsed.suffixes


def test_quantities_read_as_the_pyparsing_grammar_read_them():
    grammar = qg.QuantityGrammar(data_view(builtin_lexicon(), qg.QuantityData))
    reference = _reference_quantity(grammar)
    candidates = set()
    for text in _texts():
        for match in grammar.candidates.finditer(text):
            candidates.add(match.group())
            candidates.add(text[match.start():match.end() + 3])
    assert len(candidates) > 500
    candidates |= set(_random_strings("一二三十百千万亿0123456789.,%％-~～至到余多个人元年月约近超过以上左右 \t", 20000, 3))
    for candidate in candidates:
        assert _plain(grammar._read(candidate)) == reference(candidate), candidate


# -- markers --------------------------------------------------------------------------------

def _reference_marker():
    cn = pp.Word(markers._CN)("cn")
    ar = pp.Word("0123456789０１２３４５６７８９")("ar")
    opener = pp.Literal("（")("open") | pp.Literal("(")("open")
    close = pp.one_of(list(markers._CLOSE))("close")

    def result(style):
        def action(t):
            ordinal = markers.parse_cn_int(t["cn"]) if "cn" in t else int(t["ar"])
            if "open" in t:
                width = "full" if t["open"] == "（" else "half"
            else:
                width = "half" if t.get("sep") == "." else "full"
            return [(style, ordinal, width)]
        return action

    def glyph(style, table):
        return lambda t: [(style, table.index(t["glyph"]) + 1, "full")]

    styles = [
        (cn + pp.Literal("、")("sep")).set_parse_action(result("cn-dun")),
        (opener + cn + close).set_parse_action(result("cn-paren")),
        (ar + pp.one_of([".", "．"])("sep")).set_parse_action(result("ar-dot")),
        (ar + pp.Literal("、")("sep")).set_parse_action(result("ar-dun")),
        (opener + ar + close).set_parse_action(result("ar-paren")),
        pp.one_of(list(markers._CIRCLED))("glyph").set_parse_action(glyph("circled", markers._CIRCLED)),
        pp.one_of(list(markers._PAREN_DIGITS))("glyph").set_parse_action(glyph("ar-paren", markers._PAREN_DIGITS)),
        pp.one_of(list(markers._DOT_DIGITS))("glyph").set_parse_action(glyph("ar-dot", markers._DOT_DIGITS)),
    ]
    grammar = pp.MatchFirst(styles) + pp.StringEnd()

    def read(text):
        try:
            style, ordinal, width = grammar.parse_string(text, parse_all=True)[0]
        except pp.ParseException:
            return None
        if ordinal is None or ordinal < 1:
            return None
        return style, ordinal, width

    return read


def test_markers_read_as_the_pyparsing_grammar_read_them():
    reference = _reference_marker()
    texts = {m.group() for text in _texts() for m in markers.CANDIDATE.finditer(text)}
    assert len(texts) > 20
    texts |= set(_random_strings("一二三十百零〇两0123456789０１.．、（）() \t\n①⑳⑴⒇⒈⒛x", 20000, 4))
    for text in texts:
        assert markers.read_marker_text.__wrapped__(text) == reference(text), text
