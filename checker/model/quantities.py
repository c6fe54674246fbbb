"""Find every quantity of a document: ``doc.quantities``.

One compiled regular expression proposes where quantities start; the quantity grammar
(``quantity_grammar``) reads each candidate from there to the end of its line.  Then:

* numbers that are not quantities are dropped: ordinals (第六期), years and dates
  (2022年, 2023-02-28), codes (5G, G20, 1+X, 3·23), adverbs (十分) — the
  ``not_quantities`` patterns and ``code_marks`` of ``rules/data/quantities.yaml``;
* a bare number is kept only when something marks it as an amount: a unit, a
  magnitude (``1.12万``) or an approximation word (``约100``); a number with none of
  these (list markers, codes such as 12881, page numbers) is not a quantity;
* quantities separated only by 、/和/及 share a ``list_id``;
* each quantity gets its indicator and linking verb (``indicators``), and a list's later
  items inherit them from the list head when their own are empty.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import replace

from checker.model.indicators import linker_for
from checker.model.quantity import Quantity, make_whole_quantity
from checker.model.quantity_grammar import End, Parsed, QuantityGrammar, grammar_for
from checker.model.span import Span, known_span

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

# Senses of approximation words, strongest last: a quantity with 约 and 以上 is "at-least".
_BOUND_ORDER = ("about", "below", "at-most", "at-least", "above")


def find_quantities(doc: Any) -> list[Quantity]:
    """The document's quantities, read on its folded text (萬元 as 万元); each keeps the
    text as written (``Quantity.text``)."""
    folded = doc.folded_text
    found = scan(folded, doc.lexicon, doc)
    if folded is doc.text or folded == doc.text:
        return found
    text = doc.text
    return [replace(q, text=q.span.of(text)) for q in found]


def scan(text: str, lexicon: Any, doc: Any = None) -> list[Quantity]:
    """All quantities of ``text`` (``doc``, when given, adds sentence indexes)."""
    if not text:
        # no character, no candidate: the grammar (built from the lexicon at first use,
        # a fifth of an empty file's checks) is not needed to find none
        return []
    grammar = grammar_for(lexicon)
    found = list(_candidates(text, grammar))
    _link(text, lexicon, grammar, found)
    if doc is not None and found:
        sentences = doc.sentences
        starts = [s.span.start for s in sentences]
        for fields in found:
            i = bisect_right(starts, fields["span"].start) - 1
            fields["sentence"] = sentences[i].index if i >= 0 else None
    # every field is set by now (``_build``'s, ``_link``'s five) but the list id and the
    # sentence, which ``_link`` and the lines above set only sometimes: with those two
    # there, each field is read by subscript (``make_whole_quantity``)
    made = []
    for fields in found:
        if "list_id" not in fields:
            fields["list_id"] = None
        if "sentence" not in fields:
            fields["sentence"] = None
        made.append(make_whole_quantity(fields))
    return made


def _candidates(text: str, grammar: QuantityGrammar):
    pos = 0
    size = len(text)
    search = grammar.find_candidate
    while pos < size:
        match = search(text, pos)
        if match is None:
            return
        start, end = match.span()
        prefix = match.group("prefix")
        number_start = start + (len(prefix) if prefix else 0)
        skip = grammar.excluded_at(text, number_start)
        if skip:
            pos = max(number_start + skip, end)
            continue
        parsed = grammar.parse(match.group())
        if parsed is None:
            pos = end
            continue
        end = start + parsed.end
        if parsed.high is not None and grammar.excluded_at(text, start + parsed.high.number_start):
            # 30%至2025年: the "range" runs into a year; keep the low end alone.
            parsed = Parsed(parsed.start, parsed.low.end, parsed.low, None, None, ())
            end = start + parsed.end
        marker = _list_marker(text, number_start, parsed.low)
        if marker:
            pos = number_start + marker
            continue
        if _is_code(text, grammar, number_start, end):
            pos = end
            continue
        quantity = _build_at(text, grammar, start, parsed, (match.group(), parsed.high is None))
        pos = end
        if quantity is not None:
            yield quantity


def _list_marker(text: str, number_start: int, low: End) -> int:
    """``1.2022年…`` at the start of a line is the item marker ``1.``: its length, else 0."""
    if "." not in low.number_text or low.prefix:
        return 0
    line_start = text.rfind("\n", 0, number_start) + 1
    if text[line_start:number_start].strip(" \t\u3000"):
        return 0
    head = low.number_text.split(".", 1)[0]
    return len(head) + 1 if len(head) <= 3 else 0


def _is_code(text: str, grammar: QuantityGrammar, number_start: int, end: int) -> bool:
    marks = grammar.data.code_marks
    before = text[number_start - 1] if number_start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before and (before in marks or before.isascii() and before.isalpha()):
        return True
    if before in "-.:/" and number_start > 1 and text[number_start - 2].isdigit():
        return True
    # The tail of a number split by a space (1 260名): its value is unknown, so no rule
    # should compute with 260 (number-space reports the split itself).
    if before in " \u00a0\u2009" and number_start > 1 and text[number_start - 2].isdigit():
        return True
    # 5G, 3A: a Latin letter right after the number (a digit after a unit is just the
    # next quantity: 4个100%).
    if after and (after in marks or (after.isascii() and after.isalpha())):
        return True
    return False


# What ``_build`` makes of a candidate, kept per grammar by the candidate's text: documents
# repeat their quantities (2人, 100%), and every field but the four offsets depends on the
# parse alone.  (candidate, high end dropped or absent) -> (the fields, the offsets) or None.
_BUILT_MAX = 4_096           # some 4 MB at most; generated corpora hold ~750 distinct candidates


def _build_at(text: str, grammar: QuantityGrammar, base: int, parsed: Parsed, key: tuple) -> dict[str, Any] | None:
    """``_build(text, grammar, base, parsed)``, the parse's fields made once per candidate
    text (``key``: the candidate and whether the parse has no high end, which settle
    ``parsed``) and placed at ``base``."""
    built = grammar.__dict__.setdefault("_built_fields", {})
    entry = built.get(key, _MISSING)
    if entry is _MISSING:
        fields = _build(text, grammar, 0, parsed, relative=True)
        entry = None
        if fields is not None:
            offsets = (fields.pop("span"), fields.pop("number_span"), fields.pop("unit_span"))
            del fields["text"]
            entry = (fields, offsets)
        if len(built) >= _BUILT_MAX:
            built.clear()
        built[key] = entry
    if entry is None:
        return None
    fields, (span, number, unit) = entry
    # the offsets are a parse's, 0 <= start <= end, placed at base >= 0: valid spans
    start, end = base + span[0], base + span[1]
    out = dict(fields)
    out["span"] = known_span(start, end)
    out["text"] = text[start:end]
    out["number_span"] = known_span(base + number[0], base + number[1])
    out["unit_span"] = known_span(base + unit[0], base + unit[1]) if unit is not None else None
    return out


_MISSING = object()


def _build(text: str, grammar: QuantityGrammar, base: int, parsed: Parsed,
           relative: bool = False) -> dict[str, Any] | None:
    """The fields of the Quantity a parsed candidate makes (None: not a quantity)."""
    low, high = parsed.low, parsed.high
    low_text, low_mag = split_magnitude(low.number_text, grammar.numeral_magnitudes)
    low_value = number_value(low_text)
    if low_value is None:
        return None
    low_mag = low.magnitude or low_mag
    high_value = high_mag = None
    high_text = None
    if high is not None:
        high_text, high_mag = split_magnitude(high.number_text, grammar.numeral_magnitudes)
        high_value = number_value(high_text)
        if high_value is None:
            return None
        high_mag = high.magnitude or high_mag
    units = grammar.data.units
    unit = (high.unit if high and high.unit else None) or low.unit
    unit_end = high if high and high.unit else low
    approx_words = [w for w in (low.prefix, low.infix) if w]
    if high is not None:
        approx_words += [w for w in (high.prefix, high.infix) if w]
    approx_words += list(parsed.suffixes)
    magnitude = high_mag if high is not None and high_mag else low_mag
    if unit is None and magnitude is None and not approx_words:
        return None     # a bare number: a marker, a code or a count without a unit
    # relative: the offsets as pairs (``_build_at`` places them), no text
    span = (parsed.start, parsed.end) if relative else Span(base + parsed.start, base + parsed.end)
    senses = grammar.data
    bound = None
    for word in approx_words:
        sense = senses.approx_prefixes.get(word) or senses.approx_infixes.get(word) or senses.approx_suffixes.get(word)
        if sense and (bound is None or _rank(sense) > _rank(bound)):
            bound = sense
    number_at = base + low.number_start
    unit_at = (base + unit_end.unit_start if unit and unit_end.unit_start is not None else None)
    return dict(
        span=span,
        text=None if relative else span.of(text),
        value=low_value,
        number_text=low_text,
        unit=unit,
        magnitude=magnitude,
        approx=tuple(approx_words),
        high=high_value,
        high_unit=high.unit if high else None,
        low_unit=low.unit if high else None,
        is_chinese_numeral=_is_chinese(low.number_text),
        unit_kind=("percent" if unit == "百分之" else units.get(unit)) if unit else None,
        number_span=(number_at, number_at + len(low_text)) if relative else Span(number_at, number_at + len(low_text)),
        unit_span=(None if unit_at is None else
                   (unit_at, unit_at + len(unit)) if relative else Span(unit_at, unit_at + len(unit))),
        high_number_text=high_text,
        low_magnitude=low_mag if high is not None else None,
        multiplier=grammar.data.magnitudes.get(magnitude or "", 1),
        low_multiplier=grammar.data.magnitudes.get((low_mag if high is not None else None) or magnitude or "", 1),
        range_mark=parsed.range_mark,
        bound=bound,
    )


def _rank(sense: str) -> int:
    return _BOUND_ORDER.index(sense) if sense in _BOUND_ORDER else -1


def _is_chinese(number_text: str) -> bool:
    return bool(number_text) and not _is_arabic(number_text)


def split_magnitude(number_text: str, magnitudes: tuple[str, ...]) -> tuple[str, str | None]:
    """Split a trailing magnitude off a Chinese numeral: ``"三十万"`` -> (``"三十"``, ``"万"``).

    The genre writes 30万 and 三十万 alike; both then have the value 30 and the magnitude 万.
    ``magnitudes`` are those a numeral may end with, longest first
    (``QuantityGrammar.numeral_magnitudes``).
    """
    if number_text and not _is_arabic(number_text):
        for mag in magnitudes:
            body = number_text[:-len(mag)]
            if number_text.endswith(mag) and body and number_value(body) is not None:
                return body, mag
    return number_text, None


def _is_arabic(number_text: str) -> bool:
    """Arabic digits, possibly after a minus sign (-2, －0.5)."""
    head = number_text[1:2] if number_text[:1] in "-－−" else number_text[:1]
    return head.isdigit()


def number_value(number_text: str) -> float | None:
    """The value of a number as written: ``"1,200"`` -> 1200.0, ``"二十九"`` -> 29.0."""
    if not number_text:
        return None
    if _is_arabic(number_text):
        digits = unicodedata.normalize("NFKC", number_text).replace(",", "").replace("−", "-")
        try:
            return float(digits)
        except ValueError:
            return None
    from checker.model.numerals import parse_cn_int

    value = parse_cn_int(number_text)
    return float(value) if value is not None else None


# -- lists, indicators and verbs ----------------------------------------------------------

def _link(text: str, lexicon: Any, grammar: QuantityGrammar, found: list[dict[str, Any]]) -> None:
    """Set list ids, indicators and verbs on the fields of the quantities found."""
    if not found:
        return
    linker = linker_for(lexicon)
    joiners = grammar.list_joiners
    prev: dict[str, Any] | None = None
    head: dict[str, Any] | None = None
    for index, q in enumerate(found):
        span = q["span"]
        joined = prev is not None and text[prev["span"].end:span.start].strip(" \t\u3000") in joiners
        if joined:
            if head is None:
                head = prev
                head["list_id"] = index - 1
            q["list_id"] = head["list_id"]
        else:
            head = None
        floor = _floor(text, prev, span.start)
        approx = q["approx"]
        prefix = approx[0] if approx and q["text"].startswith(approx[0]) else None
        (q["indicator"], q["indicator_span"], q["verb"], q["verb_span"],
         q["verb_kind"]) = linker.link_fields(text, floor, span.start, prefix)
        if head is not None:
            if q["indicator"] is None:
                q.update(indicator=head["indicator"], indicator_span=head["indicator_span"])
            if q["verb"] is None:
                q.update(verb=head["verb"], verb_span=head["verb_span"], verb_kind=head["verb_kind"])
        elif q["indicator"] is None and q["verb"] is not None and prev is not None and floor == prev["span"].end:
            # 覆盖率由80%提高到95%: the second figure measures the same indicator.
            q.update(indicator=prev["indicator"], indicator_span=prev["indicator_span"])
        prev = q
    _share_elided_units(found, grammar)


# A list's earlier items may stop at the first character of the unit written in full on
# its last item: 分别提高1.2个、2.3个百分点 means 1.2个百分点.  Elided form -> full unit.
_ELIDED_UNITS = {"个": "个百分点"}


def _share_elided_units(found: list[dict[str, Any]], grammar: QuantityGrammar) -> None:
    """Give the earlier items of a list the full unit of its last item when elided."""
    last_of: dict[int, dict[str, Any]] = {}
    for q in found:
        if q.get("list_id") is not None:
            last_of[q["list_id"]] = q
    units = grammar.data.units
    for q in found:
        last = last_of.get(q.get("list_id")) if q.get("list_id") is not None else None
        if last is None or last is q or q["high"] is not None:
            continue
        full = _ELIDED_UNITS.get(q["unit"] or "")
        if full and last["unit"] == full:
            q.update(unit=full, unit_kind=units.get(full))


def _floor(text: str, prev: dict[str, Any] | None, start: int) -> int:
    """Where the clause of a quantity may begin: its line, or after the previous quantity.

    A previous quantity in Chinese numerals without approximation (学前三年, 九年义务教育)
    is part of a name, so the indicator reaches over it.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if prev is not None and prev["span"].end > line_start:
        if prev["is_chinese_numeral"] and not prev["approx"] and prev["magnitude"] is None:
            return line_start
        return prev["span"].end
    return line_start


# -- printing ------------------------------------------------------------------------------

def format_quantity(q: Quantity, lexicon: Any) -> str:
    """Write a quantity back in the genre's usual form (the grammar reads it back alike)."""
    data = grammar_for(lexicon).data
    prefixes = [w for w in q.approx if w in data.approx_prefixes]
    infixes = [w for w in q.approx if w in data.approx_infixes and w not in data.approx_prefixes]
    suffixes = [w for w in q.approx if w in data.approx_suffixes and w not in data.approx_prefixes
                and w not in data.approx_infixes]
    head = prefixes[0] if prefixes else ""
    infix = infixes[0] if infixes else ""
    if q.unit == "百分之":
        body = f"百分之{q.number_text}"
    elif q.is_range:
        low_unit = q.low_unit or ""
        low_mag = q.low_magnitude if q.low_magnitude and q.low_unit else ""
        body = (f"{q.number_text}{low_mag}{low_unit}{q.range_mark or '～'}"
                f"{q.high_number_text}{q.magnitude or ''}{infix}{q.high_unit or ''}")
    else:
        body = f"{q.number_text}{q.magnitude or ''}{infix}{q.unit or ''}"
    return head + body + "".join(suffixes)
