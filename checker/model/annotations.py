"""Responsibility annotations of plan items: ``（牵头单位：…；责任单位：…）`` and kin.

The genre writes who owns a task at the end of the task, in one of a few shapes:

* a bracketed group of fields, ``（牵头处室：办公室。责任处室：财务处、审计室）``, with
  full- or half-width brackets and colons, fields separated by ``；``, ``。`` or ``，``;
* the same fields as a sentence of their own, ``牵头单位：市教育局；责任单位：各县区。``;
* a bracketed group of clauses ending in a verb, ``（市教育局牵头，市财政局配合）``.

:func:`annotations_of` finds them all in a document once (the result is kept per
document) and gives each field's role (lead, owner, support, person, other) and the unit
names it lists, each with its span in ``Document.text``.  The field names, verbs and
separators are data (``responsibility`` in ``rules/data/responsibility.yaml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.core.plain_model import BaseModel, ConfigDict, Field as PydField

from checker.model.lexicon import built_from, validated
from checker.model.listed_endings import endings_by_length, listed_ending
from checker.model.span import Span
from checker.core.patterns import RegexList
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal
    from checker.model.document import Document

    Role = Literal["lead", "owner", "support", "person", "other"]

UNIT_ROLES = ("lead", "owner", "support")

OPENERS = "（(【[〔"
CLOSERS = "）)】]〕"
TERMINATORS = "。；;"
FIELD_SEPARATORS = "。；;，,、 　\t"
_BRACKET = compile_skipping("[" + re.escape(OPENERS + CLOSERS) + "]")
CLAUSE_SEPARATORS = "，,；;"


# -- data ------------------------------------------------------------------------------
class FieldNames(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    lead: list[str] = PydField(default_factory=list)
    owner: list[str] = PydField(default_factory=list)
    support: list[str] = PydField(default_factory=list)
    person: list[str] = PydField(default_factory=list)
    other: list[str] = PydField(default_factory=list)


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    require_titles: list[str] = PydField(default_factory=list)
    require_in_work_plans: bool = False
    only_when_some_annotated: bool = False
    exempt_headings: list[str] = PydField(default_factory=list)
    # a line naming a site's notice (温馨提示：): the numbered run after it is no plan's items
    notice_labels: list[str] = PydField(default_factory=list)
    # items under a heading whose title ends with one of these (创建标准, 申报条件) are criteria
    criteria_heading_ends: list[str] = PydField(default_factory=list)


class ResponsibilityData(BaseModel):
    """The ``responsibility`` entry of the data files, validated."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    fields: FieldNames = PydField(default_factory=FieldNames)
    # 牵头处室 = 牵头 + 处室: the prefixes that give a field its role, so that fields of one
    # family (处室, 单位, 部门) can be compared.
    role_prefixes: list[str] = PydField(default_factory=list)
    verbs: dict[str, Literal["lead", "owner", "support"]] = PydField(default_factory=dict)
    name_separators: str = "、，,"
    name_trailers: list[str] = PydField(default_factory=list)
    policy: Policy = PydField(default_factory=Policy)
    registry: list[str] = PydField(default_factory=list)
    registry_exempt: RegexList = PydField(default_factory=list)
    variant_fillers: list[str] = PydField(default_factory=list)
    variant_insertion: int = PydField(default=2, ge=0)
    unit_suffixes: list[str] = PydField(default_factory=list)
    # full form -> standard short form (卫生健康 -> 卫健): a name and its abbreviation
    # are one unit
    unit_abbreviations: dict[str, str] = PydField(default_factory=dict)



def responsibility_data(doc: "Document") -> ResponsibilityData:
    return _validated_data(doc.lexicon)


def _validated_data(lexicon) -> ResponsibilityData:
    return validated(lexicon, ResponsibilityData, _responsibility_slice)


def _responsibility_slice(raw: dict) -> dict:
    return raw.get("responsibility") or {}


# -- results ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class UnitName:
    """A unit named in a responsibility annotation."""

    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class AnnotationField:
    """One field of a responsibility annotation: label, role, value and the units it names."""

    label: str          # as written: 牵头处室, or the verb of a clause: 牵头
    role: Role
    label_span: Span
    value_span: Span    # the text after the colon (empty span for an empty field)
    units: tuple[UnitName, ...]


@dataclass(frozen=True, slots=True)
class Annotation:
    """A responsibility annotation: its span, its form and its fields."""

    span: Span          # the whole annotation, brackets included
    form: Literal["bracket", "sentence", "clauses"]
    fields: tuple[AnnotationField, ...]
    paragraph: int

    @property
    def roles(self) -> set[str]:
        return {f.role for f in self.fields}

    @property
    def units(self) -> list[UnitName]:
        return [u for f in self.fields if f.role in UNIT_ROLES for u in f.units]


# -- compiled grammar ------------------------------------------------------------------
class _Grammar:
    """The expressions that read responsibility annotations, for one vocabulary.

    ``label_at``: a label and its colon, at a position; ``next_label``: separators then a
    label and its colon; ``sentence_label``: a label and colon where a sentence starts;
    ``verb_end``: a clause ending in a responsibility verb; ``trailer_groups``: the
    trailers grouped by length, longest first (``listed_ending``)."""

    # A plain class, not a dataclass: built once per vocabulary and read by attribute only
    # (never compared, hashed or copied), and a dataclass is ~0.2 ms of a fresh process to
    # make (its methods' text, annotations read, the class made again for its slots).
    __slots__ = ("data", "role_of", "label_at", "next_label", "sentence_label", "verb_end", "name_split",
                 "trailers", "trailer_groups")

    def __init__(self, data: ResponsibilityData, role_of: dict[str, Role], label_at: re.Pattern,
                 next_label: re.Pattern, sentence_label: re.Pattern, verb_end: re.Pattern,
                 name_split: re.Pattern, trailers: tuple[str, ...], trailer_groups: tuple = ()) -> None:
        self.data = data
        self.role_of = role_of
        self.label_at = label_at
        self.next_label = next_label
        self.sentence_label = sentence_label
        self.verb_end = verb_end
        self.name_split = name_split
        self.trailers = trailers
        self.trailer_groups = trailer_groups


def _alternation(words) -> str:
    return escaped_join(sorted(set(words), key=lambda w: (-len(w), w)))


def build_grammar(data: ResponsibilityData) -> _Grammar:
    role_of: dict[str, Role] = {}
    for role in ("lead", "owner", "support", "person", "other"):
        for label in getattr(data.fields, role):
            role_of.setdefault(label, role)
    labels = _alternation(role_of) or r"(?!x)x"
    verbs = _alternation(data.verbs) or r"(?!x)x"
    seps = re.escape(FIELD_SEPARATORS)
    return _Grammar(
        data=data,
        role_of=role_of,
        label_at=compile_skipping(rf"[ 　\t]*(?P<label>{labels})[ 　\t]*[:：][ 　\t]*"),
        next_label=compile_skipping(rf"[{seps}]+(?=(?:{labels})[ 　\t]*[:：])"),
        sentence_label=compile_skipping(rf"(?:^|(?<=[。；;！!？?\s]))(?P<label>{labels})[ 　\t]*[:：]"),
        verb_end=compile_skipping(rf"^(?:由)?(?P<names>.+?)(?P<verb>{verbs})$"),
        name_split=compile_skipping("[" + re.escape(data.name_separators) + "]+"),
        trailers=tuple(sorted(data.name_trailers, key=len, reverse=True)),
        trailer_groups=endings_by_length(data.name_trailers, longest_first=True),
    )


def grammar_of(lexicon) -> _Grammar:
    """The grammar for one lexicon (built once per distinct set of data)."""
    return built_from(lexicon, _Grammar, lambda lex: build_grammar(_validated_data(lex)))


# -- parsing ---------------------------------------------------------------------------
def annotations_of(doc: "Document") -> list[Annotation]:
    """Every responsibility annotation of a document, in text order (``doc.annotations``,
    computed once)."""
    return doc.annotations


def parse_annotations(doc: "Document") -> list[Annotation]:
    g = grammar_of(doc.lexicon)
    found: list[Annotation] = []
    line_group: list[Annotation] = []   # field lines in a row (牵头单位：… / 责任单位：…)
    for para in doc.paragraphs:
        anns = parse_paragraph(doc.text, para.span, g, para.index)
        whole = (len(anns) == 1 and anns[0].form == "sentence"
                 and not doc.text[para.span.start:anns[0].span.start].strip()
                 and not doc.text[anns[0].span.end:para.span.end].strip(" 　\t。；;，,"))
        if whole:
            labels = {f.label for a in line_group for f in a.fields}
            if line_group and (line_group[-1].paragraph != para.index - 1
                               or labels & {f.label for f in anns[0].fields}):
                found.append(_joined(line_group))
                line_group = []
            line_group.append(anns[0])
            continue
        if line_group:
            found.append(_joined(line_group))
            line_group = []
        found.extend(anns)
    if line_group:
        found.append(_joined(line_group))
    return found


def _joined(lines: list[Annotation]) -> Annotation:
    """Field lines that follow one another (each a paragraph of its own, no label twice)
    are one annotation of the item above them: ``牵头单位：县教育局`` on one line and
    ``责任单位：各中小学`` on the next name the lead and the owners of one task."""
    if len(lines) == 1:
        return lines[0]
    fields = tuple(f for a in lines for f in a.fields)
    return Annotation(Span(lines[0].span.start, lines[-1].span.end), "sentence", fields, lines[0].paragraph)


def parse_paragraph(text: str, span: Span, g: _Grammar, paragraph: int = -1) -> list[Annotation]:
    out: list[Annotation] = []
    groups = _bracket_groups(text, span.start, span.end)
    for open_at, close_at in groups:
        inner_start, inner_end = open_at + 1, close_at
        end = close_at + 1 if close_at < span.end else close_at
        fields = _fields(text, inner_start, inner_end, g, stop_at_terminator=False)
        if fields:
            out.append(Annotation(Span(open_at, end), "bracket", tuple(fields), paragraph))
            continue
        clauses = _clauses(text, inner_start, inner_end, g)
        if clauses:
            out.append(Annotation(Span(open_at, end), "clauses", tuple(clauses), paragraph))
    # Fields written as a sentence of their own, outside any bracket.
    pos = span.start
    while True:
        m = g.sentence_label.search(text, pos, span.end)
        if not m:
            break
        start = m.start("label")
        if any(o <= start <= c for o, c in groups):
            pos = m.end()
            continue
        fields = _fields(text, start, span.end, g, stop_at_terminator=True)
        if not fields:
            pos = m.end()
            continue
        end = max(f.value_span.end for f in fields)
        if end < span.end and text[end] in TERMINATORS:
            end += 1
        out.append(Annotation(Span(start, end), "sentence", tuple(fields), paragraph))
        pos = max(end, m.end())
    out.sort(key=lambda a: a.span.start)
    return out


def _bracket_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost bracket pairs (open index, close index); an unclosed one runs to ``end``."""
    groups: list[tuple[int, int]] = []
    depth, open_at = 0, -1
    for m in _BRACKET.finditer(text, start, end):   # the brackets only, not every character
        i, ch = m.start(), m.group()
        if ch in OPENERS:
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
            if depth == 0:
                groups.append((open_at, i))
    if depth:
        groups.append((open_at, end))
    return groups


def _fields(text: str, start: int, end: int, g: _Grammar, stop_at_terminator: bool) -> list[AnnotationField]:
    fields: list[AnnotationField] = []
    pos = start
    while pos < end:
        m = g.label_at.match(text, pos, end)
        if not m:
            break
        label = m.group("label")
        value_start = m.end()
        nxt = g.next_label.search(text, value_start, end)
        value_end = nxt.start() if nxt else end
        if stop_at_terminator:
            for i in range(value_start, value_end):
                if text[i] in TERMINATORS:
                    value_end = i
                    break
        # the value itself, without separators around it
        vs, ve = value_start, value_end
        while ve > vs and text[ve - 1] in FIELD_SEPARATORS:
            ve -= 1
        role = g.role_of[label]
        units = _names(text, vs, ve, g) if role in UNIT_ROLES else ()
        fields.append(AnnotationField(label, role, Span(m.start("label"), m.end("label")), Span(vs, ve), units))
        if nxt is None and not stop_at_terminator:
            break
        pos = value_end
        while pos < end and text[pos] in FIELD_SEPARATORS:
            pos += 1
    return fields


def _clauses(text: str, start: int, end: int, g: _Grammar) -> list[AnnotationField]:
    """``市教育局牵头，市财政局、各县区配合``: every clause must end in a known verb."""
    pieces = _split_outside_brackets(text, start, end, CLAUSE_SEPARATORS)
    fields: list[AnnotationField] = []
    for s, e in pieces:
        while s < e and text[s] in " 　\t":
            s += 1
        while e > s and text[e - 1] in " 　\t。":
            e -= 1
        if s == e:
            continue
        m = g.verb_end.match(text[s:e])
        if not m:
            return []
        names_start, names_end = s + m.start("names"), s + m.end("names")
        if names_end - names_start > 60 or any(ch in "。！？!?：:" for ch in text[names_start:names_end]):
            return []
        verb = m.group("verb")
        units = _names(text, names_start, names_end, g)
        if not units or any(len(u.name) > 30 for u in units):
            return []
        fields.append(AnnotationField(verb, g.data.verbs[verb], Span(names_end, e), Span(names_start, names_end), units))
    if not any(f.role in ("lead", "owner") for f in fields):
        return []
    return fields


def _split_outside_brackets(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at each of ``seps`` outside brackets.  Only the brackets and
    separators are visited (a search of their class): every other character leaves the
    depth and the pieces as they are."""
    pieces, depth, s = [], 0, start
    for m in _marks_of(seps).finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
        elif depth == 0 and ch in seps:
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return pieces


@lru_cache(maxsize=64)
def _marks_of(seps: str) -> re.Pattern:
    """One character that is a bracket or one of ``seps``."""
    return compile_skipping("[" + re.escape(OPENERS + CLOSERS + seps) + "]")


def _names(text: str, start: int, end: int, g: _Grammar) -> tuple[UnitName, ...]:
    names: list[UnitName] = []
    seps = g.data.name_separators
    for s, e in _split_outside_brackets(text, start, end, seps):
        while s < e and text[s] in seps + "。；;":
            s += 1
        while e > s and text[e - 1] in seps + "。；;":
            e -= 1
        name = text[s:e]
        # the first trailer of ``g.trailers`` (longest first) the name ends with and is
        # longer than, one set look-up per trailer length (``listed_ending``)
        trailer = listed_ending(name, g.trailer_groups) if g.trailer_groups else None
        if trailer is not None:
            # (an empty trailer: name[:-0] is "", as the loop over the trailers made it)
            name = name[: -len(trailer)]
            e -= len(trailer)
        if name:
            names.append(UnitName(name, Span(s, e)))
    return tuple(names)


# -- unit names ------------------------------------------------------------------------
def unit_suffix(name: str, data: ResponsibilityData) -> str | None:
    """The longest suffix of the list that ``name`` ends with (and is more than)."""
    return listed_ending(name, _ordered(data).suffix_groups_longest)


def suffix_class(name: str, data: ResponsibilityData) -> str | None:
    """The shortest listed suffix of ``name``.  Two names sharing any listed suffix share
    this one (县就业服务中心 and 县就业服务管理中心 both end in 中心, though only the
    first ends in 服务中心), so it partitions names into comparable groups."""
    ordered = _ordered(data)
    kept = ordered.classes
    found = kept.get(name, _MISSING)
    if found is _MISSING:
        if len(kept) >= _KEPT_MAX:
            kept.clear()
        found = kept[name] = _suffix_class(name, ordered)
    return found


def _suffix_class(name: str, ordered: "_Ordered") -> str | None:
    """``suffix_class`` computed: one set look-up per suffix length (``listed_ending``)."""
    return listed_ending(name, ordered.suffix_groups_shortest)


_MISSING = object()
# Names kept per data object by ``unit_key`` and ``suffix_class`` (each table cleared
# when full): a document holds a few hundred, a corpus a few thousand.
_KEPT_MAX = 20_000


def common_suffix(a: str, b: str, data: ResponsibilityData) -> str | None:
    """The longest listed suffix both names end with (and are longer than)."""
    # of one length, a names ends with one word only: its own ending of each length,
    # longest first, is looked up in the list's words of that length
    shorter = min(len(a), len(b))
    for n, words in _ordered(data).suffix_groups_longest:
        if shorter > n:
            ending = a[len(a) - n:]
            if ending in words and b.endswith(ending):
                return ending
    return None


def filler_free(name: str, data: ResponsibilityData) -> str:
    for filler in _ordered(data).fillers_longest_first:
        name = name.replace(filler, "")
    return name


def unit_key(name: str, data: ResponsibilityData) -> str:
    """``name`` without fillers and with every full form abbreviated (县卫生健康局 and
    县卫健局 give one key; 人力资源和社会保障 and 人力资源社会保障 both give 人社)."""
    ordered = _ordered(data)
    kept = ordered.keys
    key = kept.get(name)
    if key is None:
        # one ``replace`` per filler and per abbreviation (some 70): the key is kept per
        # name, which the responsibility checks ask about again and again
        if len(kept) >= _KEPT_MAX:
            kept.clear()
        key = kept[name] = _unit_key(name, ordered)
    return key


def _unit_key(name: str, ordered: "_Ordered") -> str:
    """``unit_key`` computed.  A name holding no filler (no full form) is left as it is
    by every ``replace`` of that loop, each of which leaves it without one again: one
    search for any of them (``filler_gate``, ``full_gate``) stands for the loop then."""
    key = name
    if ordered.filler_gate is None or ordered.filler_gate.search(key):
        for filler in ordered.fillers_longest_first:
            key = key.replace(filler, "")
    if ordered.full_gate is None or ordered.full_gate.search(key):
        for full, short in ordered.abbreviations:
            key = key.replace(full, short)
    return key


class _Ordered:
    """A ``ResponsibilityData``'s lists in the orders the name functions try them (sorted
    by length, stably: the order each function sorted them in at every call).

    ``suffix_groups_shortest`` / ``_longest``: the suffixes grouped by length
    (``listed_ending``), shortest and longest first; ``filler_gate`` / ``full_gate``: one
    search for any filler, any full form (None: the list is empty or holds "");
    ``keys`` / ``classes``: answers kept per name (the lists above are the data's, never
    changed): name -> key (``unit_key``), name -> suffix class or None (``suffix_class``)."""

    # A plain class, not a dataclass: built once per data object and read by attribute only
    # (never compared, hashed or copied), and a dataclass is ~0.2 ms of a fresh process to
    # make (its methods' text, annotations read, the class made again for its slots).
    __slots__ = ("suffixes_longest_first", "suffixes_shortest_first", "fillers_longest_first", "abbreviations",
                 "suffix_groups_shortest", "suffix_groups_longest", "filler_gate", "full_gate", "keys", "classes")

    def __init__(self, suffixes_longest_first: tuple[str, ...], suffixes_shortest_first: tuple[str, ...],
                 fillers_longest_first: tuple[str, ...], abbreviations: tuple[tuple[str, str], ...],
                 suffix_groups_shortest: tuple = (), suffix_groups_longest: tuple = (),
                 filler_gate: re.Pattern | None = None, full_gate: re.Pattern | None = None) -> None:
        self.suffixes_longest_first = suffixes_longest_first
        self.suffixes_shortest_first = suffixes_shortest_first
        self.fillers_longest_first = fillers_longest_first
        self.abbreviations = abbreviations
        self.suffix_groups_shortest = suffix_groups_shortest
        self.suffix_groups_longest = suffix_groups_longest
        self.filler_gate = filler_gate
        self.full_gate = full_gate
        self.keys: dict = {}
        self.classes: dict = {}


# per data object, (the object, its _Ordered): the data is built once per lexicon and
# never changed; the object itself is kept so that its id is not reused while kept
_ORDERED: dict[int, tuple] = {}


def _ordered(data: ResponsibilityData) -> _Ordered:
    kept = _ORDERED.get(id(data))
    if kept is None or kept[0] is not data:
        if len(_ORDERED) >= 16:
            _ORDERED.clear()
        kept = _ORDERED[id(data)] = (data, _Ordered(
            tuple(sorted(data.unit_suffixes, key=len, reverse=True)), tuple(sorted(data.unit_suffixes, key=len)),
            tuple(sorted(data.variant_fillers, key=len, reverse=True)), _abbreviations(data),
            endings_by_length(data.unit_suffixes, longest_first=False),
            endings_by_length(data.unit_suffixes, longest_first=True),
            _any_of(data.variant_fillers), _any_of(full for full, _ in _abbreviations(data))))
    return kept[1]


def _any_of(words) -> re.Pattern | None:
    """One expression finding any of ``words`` (None for no words or an empty one, which
    every text holds: the loop it stands for is then always run)."""
    listed = sorted(set(words), key=lambda w: (-len(w), w))
    if not listed or "" in listed:
        return None
    return compile_skipping(escaped_join(listed))


def _abbreviations(data: ResponsibilityData) -> tuple[tuple[str, str], ...]:
    return _abbreviation_pairs(tuple(data.unit_abbreviations.items()), tuple(data.variant_fillers))


@lru_cache(maxsize=32)
def _abbreviation_pairs(items: tuple[tuple[str, str], ...], fillers: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Full form -> short form, both without fillers, longest full form first."""
    def bare(word: str) -> str:
        for filler in sorted(fillers, key=len, reverse=True):
            word = word.replace(filler, "")
        return word
    pairs = {(bare(full), bare(short)) for full, short in items}
    return tuple(sorted((p for p in pairs if p[0] and p[0] != p[1]), key=lambda p: (-len(p[0]), p)))


def same_unit(a: str, b: str, data: ResponsibilityData) -> bool:
    """Two different spellings of one unit, with a listed suffix in common: equal once
    和/与/工作… are dropped and full forms abbreviated, or one is the other with a few
    characters inserted after its first one (before the common suffix)."""
    if a == b:
        return False
    suffix = common_suffix(a, b, data)
    if suffix is None:
        return False
    if unit_key(a, data) == unit_key(b, data):
        return True
    short, long_ = sorted((a, b), key=len)
    gap = len(long_) - len(short)
    stem = len(short) - len(suffix)
    if not 1 <= gap <= data.variant_insertion or stem < 2:
        return False
    return any(long_[:i] == short[:i] and long_[i + gap:] == short[i:] for i in range(1, stem + 1))
