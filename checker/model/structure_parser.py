"""Read a document's shape: title, year, kind, sections, numbered blocks, inline enums.

* Title: the first paragraph that is neither a web leftover (``not_title`` patterns of
  ``rules/data/structure.yaml``) nor a body paragraph; a title line ending in a joiner
  (与/及/和/暨) is joined with the next line.
* Kind: from the title's kind words; a title naming both kinds around a joiner is a
  combined document whose kind is its first part's.
* Blocks: paragraphs starting with a numbering marker (``markers``).  Levels follow the
  conventional nesting order of the styles (一、 > （一） > 1. > 1、 > （1） > ①), counting
  only the styles a document uses, so 一、 then 1. gives levels 1 and 2 and 一、（一）1.
  gives 1, 2, 3, whatever order they first appear in.  ``1.`` and ``1、`` share a level
  unless one restarts at 1 right after the other, which is nesting.
* Sections: a top-level heading whose title ends in a section word (工作总结/开展情况 ·
  工作计划/打算) opens a section of that kind; text before the first such heading
  belongs to the first section, so sections cover the whole text.
* Inline enums: ``一是…二是…`` inside one paragraph, each marker at a clause start.
"""
from __future__ import annotations

import re

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import built_from, validated
from checker.model.markers import marker_at
from checker.model.numerals import parse_cn_int
from checker.model.span import Span
from checker.model.structure import STYLE_ORDER, Block, InlineEnum, Marker, Section, Structure
from checker.core.patterns import RegexList, compile_alternation
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

_SENTENCE_END = "。！？；!?;"
# a year, also with a space before 年 as PDF copies set it (2021 年工作回顾)
_YEAR = compile_skipping(r"((?:19|20)\d{2}|[一二〇○零三四五六七八九]{4})[ \u3000]?年")
# A period written with its first year bare (2024—2026年, 2024-2026年): the text before
# the end year ends with the first year and a dash.
_PERIOD_START = compile_skipping(r"((?:19|20)\d{2})[ \u3000]*[—–\-~～至到]{1,2}[ \u3000]*$")
# Inline enumerators: 一是 … 十是, at a clause start (paragraph start, after a stop,
# a comma, a colon, a closing quote or the block's marker).
_INLINE = compile_skipping(r"([一二三四五六七八九十]{1,2})是")
_INLINE_DI = compile_skipping(r"第([一二三四五六七八九十]{1,2})[，,、]")
_CLAUSE_START = "。；：，;:,！？”’」』"
# Marks that stand for a masked or not-yet-filled figure (率*, 共x个, XX天).  The clause
# before them lost its figure — and usually its stop with it — so an enumerator glued
# to one (优良率*二是…) still opens a clause.
_MASK_MARKS = "*＊xXｘＸ×"
_ARABIC_FAMILY = ("ar-dot", "ar-dun")


class StructureData(BaseModel):
    """The ``structure`` entry of the lexicon, validated."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    not_title: RegexList = Field(default_factory=list)
    title_joiners: list[str] = Field(default_factory=list)
    title_max_length: int = 60
    kind_words: dict[str, list[str]] = Field(default_factory=dict)
    section_words: dict[str, list[str]] = Field(default_factory=dict)
    next_year_words: list[str] = Field(default_factory=list)
    # An unnumbered line opens a section only if it is this short and names a period.
    section_line_max_length: int = 25
    period_words: list[str] = Field(default_factory=list)
    # A line matching one of these opens a numbered list of its own (附件：1.… with 2.…
    # on the lines right below it); the numbered lines that follow it without a blank
    # line between are items of that list, not headings of the document.
    list_openers: RegexList = Field(default_factory=list)



class _Compiled:
    def __init__(self, data: StructureData) -> None:
        self.data = data
        self.not_title = compile_alternation(data.not_title)          # user data: bounded
        self.list_openers = compile_alternation(data.list_openers)    # user data: bounded
        self.joiners = tuple(sorted(data.title_joiners, key=len, reverse=True))
        self.kind_words = {kind: tuple(words) for kind, words in data.kind_words.items()}
        self.section_words = {kind: tuple(words) for kind, words in data.section_words.items()}
        words = [w for ws in data.kind_words.values() for w in ws]
        self.period_re = (compile_skipping(r"(?:19|20)\d{2}年|" + escaped_join(data.period_words))
                          if data.period_words else compile_skipping(r"(?:19|20)\d{2}年"))
        self.kind_re = compile_skipping(escaped_join(sorted(words, key=len, reverse=True))) if words else None

    def is_leftover(self, line: str) -> bool:
        return bool(self.not_title and self.not_title.search(line))

    def kind_of_word(self, word: str) -> str:
        for kind, words in self.kind_words.items():
            if word in words:
                return kind
        return "none"


def parse_structure(doc: Any) -> Structure:
    data = _data_for(doc.lexicon)
    text = doc.text
    paragraphs = doc.paragraphs
    title, title_span, title_last = _find_title(text, paragraphs, data)
    kind, combined, parts = _title_kind(title, data)
    year = _year_in(title, kind == "plan") if title else None
    body_start = paragraphs[title_last].index + 1 if title_last is not None else 0
    if year is None:
        for para in paragraphs[body_start:]:
            year = _year_in(para.span.of(text))
            if year:
                break
    blocks, flat = _blocks(text, paragraphs, body_start, data)
    sections = _sections(text, paragraphs, body_start, flat, kind, year, title, parts, data)
    inline = _inline_enums(text, paragraphs, body_start, flat)
    return Structure(title=title, title_span=title_span, year=year, kind=kind, sections=sections,
                     blocks=blocks, inline_enums=inline,
                     opens_mid_text=title_span is None and _opens_with_body(text, paragraphs, data))


def _opens_with_body(text: str, paragraphs: list, data: _Compiled) -> bool:
    """The first paragraph that is not a web leftover is a body line (long, or holding a
    sentence end) with no numbering marker, and another paragraph follows it: a text
    of several lines whose top — title and opening — is not shown.  A single line is a
    snippet as written, not a cut page."""
    for i, para in enumerate(paragraphs[:12]):
        line = para.span.of(text)
        if data.is_leftover(line):
            continue
        return (i + 1 < len(paragraphs) and not _is_short_line(line, data)
                and marker_at(text, para.span.start, para.span.end) is None)
    return False


# -- data ---------------------------------------------------------------------------------
def _data_for(lexicon: Any) -> _Compiled:
    """The structure tables of a lexicon, compiled once per lexicon data."""
    return built_from(lexicon, _Compiled,
                      lambda lex: _Compiled(validated(lex, StructureData, _structure_slice)))


def _structure_slice(raw: dict[str, Any]) -> Any:
    return raw.get("structure") or {}


# -- title, kind, year ----------------------------------------------------------------------
def _is_short_line(line: str, data: _Compiled) -> bool:
    return len(line) <= data.data.title_max_length and not any(ch in line for ch in _SENTENCE_END)


def _find_title(text: str, paragraphs: list, data: _Compiled) -> tuple[str, Span | None, int | None]:
    for i, para in enumerate(paragraphs[:12]):
        line = para.span.of(text)
        if data.is_leftover(line):
            continue
        if not _is_short_line(line, data) or marker_at(text, para.span.start, para.span.end):
            return "", None, None
        span, title, last = para.span, line, i
        while title.endswith(data.joiners) and last + 1 < len(paragraphs):
            nxt = paragraphs[last + 1]
            more = nxt.span.of(text)
            if not _is_short_line(more, data) or data.is_leftover(more) or marker_at(text, nxt.span.start, nxt.span.end):
                break
            title, span, last = title + more, span.cover(nxt.span), last + 1
        return title, span, last
    return "", None, None


def _year_in(line: str, plan: bool = False) -> int | None:
    """The first year of a line.  For a plan, a period (2024—2026年…方案) gives its first
    year: a plan for a period is written as the period opens, so a deadline within its
    first year (于2024年3月底前报送) is not past by the plan's own date."""
    match = _YEAR.search(line)
    if match is None:
        return None
    if plan:
        start = _PERIOD_START.search(line, 0, match.start())
        if start:
            return int(start.group(1))
    digits = match.group(1)
    return int(digits) if digits.isdigit() else parse_cn_int(digits)


def _title_kind(title: str, data: _Compiled) -> tuple[str, bool, list[tuple[str, int | None]]]:
    """The title's kind, whether it is combined, and its parts' (kind, year)."""
    if not title or data.kind_re is None:
        return "none", False, []
    hits = [(m.start(), data.kind_of_word(m.group())) for m in data.kind_re.finditer(title)]
    if not hits:
        return "none", False, []
    kinds = {k for _, k in hits}
    if len(kinds) > 1:
        # Combined only when a joiner separates a part of one kind from a part of the other.
        for joiner in data.joiners:
            pos = title.find(joiner)
            while pos != -1:
                left = {k for p, k in hits if p < pos}
                right = {k for p, k in hits if p > pos}
                if len(left) == 1 and len(right) == 1 and left != right:
                    head, tail = title[:pos], title[pos + len(joiner):]
                    left_kind, right_kind = left.pop(), right.pop()
                    parts = [(left_kind, _year_in(head, left_kind == "plan")),
                             (right_kind, _year_in(tail, right_kind == "plan"))]
                    return parts[0][0], True, parts
                pos = title.find(joiner, pos + 1)
    # One kind, or both without a joiner (…计划执行情况): the last word decides.
    return hits[-1][1], False, [(hits[-1][1], _year_in(title, hits[-1][1] == "plan"))]


# -- blocks ---------------------------------------------------------------------------------
def _levels(markers: list[Marker]) -> dict[str, int]:
    """Level of each style the document uses: conventional order, dense, 1-based."""
    used = {m.style for m in markers}
    family = {style: style for style in used}
    order = {style: float(i) for i, style in enumerate(STYLE_ORDER)}
    if set(_ARABIC_FAMILY) <= used:
        nesting = _nested_arabic(markers)
        if nesting is None:
            family["ar-dun"] = "ar-dot"          # one level written two ways
        elif nesting == "dot-in-dun":
            order["ar-dun"] = order["ar-dot"] - 0.5
    ranks = sorted({family[s] for s in used}, key=order.__getitem__)
    level = {style: i + 1 for i, style in enumerate(ranks)}
    return {style: level[family[style]] for style in used}


def _nested_arabic(markers: list[Marker]) -> str | None:
    """"dun-in-dot" when a 1、 list restarts right after a 1. item (or the reverse)."""
    for prev, cur in zip(markers, markers[1:]):
        if cur.ordinal == 1 and {prev.style, cur.style} == set(_ARABIC_FAMILY):
            return "dun-in-dot" if cur.style == "ar-dun" else "dot-in-dun"
    return None


def _blocks(text: str, paragraphs: list, body_start: int, data: _Compiled) -> tuple[list[Block], list[Block]]:
    found: list[tuple[int, Marker]] = []
    in_list = False
    for para in paragraphs[body_start:]:
        marker = marker_at(text, para.span.start, para.span.end)
        if data.list_openers is not None and data.list_openers.match(para.span.of(text)):
            in_list = True
            continue
        if in_list and marker is not None and para.index > 0 \
                and text.count("\n", paragraphs[para.index - 1].span.end, para.span.start) == 1:
            continue   # the next item of a list opened above (附件：1.… then 2.…)
        in_list = False
        if marker is not None:
            found.append((para.index, marker))
    if not found:
        return [], []
    levels = _levels([m for _, m in found])
    # The body ends at the last paragraph that is not a web leftover.
    last = len(paragraphs) - 1
    while last > body_start and data.is_leftover(paragraphs[last].span.of(text)):
        last -= 1
    flat: list[Block] = []
    roots: list[Block] = []
    stack: list[Block] = []
    for n, (index, marker) in enumerate(found):
        para = paragraphs[index]
        line = para.span.of(text)
        rest = line[len(marker.text):]
        stop = rest.find("。")
        title = (rest if stop < 0 else rest[:stop]).strip(" \t\u3000")
        block = Block(marker=marker, level=levels[marker.style], span=para.span, head=para.span, title=title)
        while stack and stack[-1].level >= block.level:
            stack.pop()
        if stack:
            block.parent = stack[-1]
            stack[-1].children.append(block)
        else:
            roots.append(block)
        stack.append(block)
        flat.append(block)
    # Each block runs to the paragraph before the next block at its level or above.
    for i, block in enumerate(flat):
        start_index = found[i][0]
        end_index = last
        for j in range(i + 1, len(flat)):
            if flat[j].level <= block.level:
                end_index = found[j][0] - 1
                break
        end_index = max(end_index, start_index)
        block.paragraphs = list(range(start_index, end_index + 1))
        block.span = Span(paragraphs[start_index].span.start, paragraphs[end_index].span.end)
    return roots, flat


# -- sections ---------------------------------------------------------------------------------
def _heading_kind(title: str, data: _Compiled) -> str | None:
    core = title.rstrip(" \t\u3000。：:，,；;")
    best: tuple[int, str] | None = None
    for kind, words in data.section_words.items():
        for word in words:
            if core.endswith(word) and (best is None or len(word) > best[0]):
                best = (len(word), kind)
    return best[1] if best else None


def _sections(text: str, paragraphs: list, body_start: int, flat: list[Block], kind: str, year: int | None,
              title: str, parts: list[tuple[str, int | None]], data: _Compiled) -> list[Section]:
    # Candidate section headings: top-level numbered headings, and unnumbered short
    # lines naming a period (2023年工作计划 · 下半年工作打算) — both ending in a section word.
    top = min((b.level for b in flat), default=None)
    heads = {b.paragraphs[0]: b for b in flat}
    candidates: list[tuple[int, str]] = []
    for para in paragraphs[body_start:]:
        block = heads.get(para.index)
        if block is not None:
            if block.level == top:
                candidates.append((block.span.start, block.title))
        else:
            line = para.span.of(text)
            if (len(line) <= data.data.section_line_max_length and data.period_re is not None
                    and data.period_re.search(line) and not any(ch in line for ch in _SENTENCE_END + "，,")):
                candidates.append((para.span.start, line))
    openers: list[tuple[int, str, str]] = []
    current = kind
    for start, heading in candidates:
        heading_kind = _heading_kind(heading, data)
        if heading_kind and (heading_kind != current or not openers):
            openers.append((start, heading, heading_kind))
            current = heading_kind
    if openers and openers[0][2] != kind and kind != "none":
        # The text before a heading of the other kind is a leading section of the title's kind.
        openers.insert(0, (0, title, kind))
    if not openers or (len(openers) == 1 and openers[0][2] == kind):
        return [Section(span=Span(0, len(text)), kind=kind, year=year, title=title)]
    sections: list[Section] = []
    for i, (start, heading, sec_kind) in enumerate(openers):
        end = openers[i + 1][0] if i + 1 < len(openers) else len(text)
        sections.append(Section(span=Span(0 if i == 0 else start, end), kind=sec_kind,
                                year=_section_year(heading, sec_kind, kind, year, parts, data),
                                title=heading))
    return sections


def _section_year(heading: str, sec_kind: str, doc_kind: str, year: int | None,
                  parts: list[tuple[str, int | None]], data: _Compiled) -> int | None:
    own = _year_in(heading, sec_kind == "plan")
    if own:
        return own
    for part_kind, part_year in parts:
        if part_kind == sec_kind and part_year:
            return part_year
    if year and sec_kind == "plan" and any(w in heading for w in data.data.next_year_words):
        return year + 1
    return year


def _after_mask(before: str) -> bool:
    """Whether ``before`` ends in a run of mask marks that is not the tail of a Latin word."""
    stem = before.rstrip(_MASK_MARKS)
    if len(stem) == len(before):
        return False
    return not (stem and stem[-1].isascii() and stem[-1].isalpha())


# -- inline enums -----------------------------------------------------------------------------
def _inline_enums(text: str, paragraphs: list, body_start: int, flat: list[Block]) -> list[InlineEnum]:
    marker_end = {b.paragraphs[0]: b.marker.span.end for b in flat}
    out: list[InlineEnum] = []
    for para in paragraphs[body_start:]:
        line = para.span.of(text)
        if "是" not in line and "第" not in line:
            continue
        skip = marker_end.get(para.index, para.span.start) - para.span.start
        found: list[Marker] = []
        for pattern, style in ((_INLINE, "cn-shi"), (_INLINE_DI, "cn-di")):
            ms = []
            for match in pattern.finditer(line):
                # the enumerator opens a clause: only blanks between it and the clause mark
                before = line[:match.start()].rstrip(" \t\u3000\u00a0")
                if (before and len(before) != skip and before[-1] not in _CLAUSE_START
                        and not _after_mask(before)):
                    continue
                ordinal = parse_cn_int(match.group(1))
                if ordinal:
                    start = para.span.start + match.start()
                    ms.append(Marker(style=style, ordinal=ordinal, span=Span(start, start + len(match.group())),
                                     text=match.group(), width="full"))
            if style == "cn-di" and len(ms) < 2:
                continue
            found.extend(ms)
        if found:
            found.sort(key=lambda m: m.span.start)
            out.append(InlineEnum(paragraph=para.index, markers=tuple(found)))
    return out
