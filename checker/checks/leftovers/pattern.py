"""``pattern``: report text that should not be there at all (an "existence" check).

The rule lists regular expressions (``patterns``) and/or names a list in the data
(``data``: a key of the rule's family vocabulary, which users extend from ``.gwlint.yaml``).
Every match is a finding, with the matched text as ``{match}``.

* ``allow``: match texts that are never reported — e.g. the redaction marks a
  repository uses on purpose (``*`` for a place name).
* ``unless``: a key of the data listing expressions of text that is right as it stands
  though a pattern matches inside it (a masked account or person's name, ``b****5``,
  ``张**``: a redaction a publisher made on purpose); a match overlapping one is dropped.
* ``scope``: ``text`` reports every match; ``line`` reports at most one finding per line
  (a scraped header line with three tell-tales is one leftover), spanning its matches,
  its fix replacing each of them, its message the rule's ``grouped`` template when the
  pack gives one and the line holds more than one match; ``block`` reports a run
  of matching lines, blank lines between them allowed, once (a paywall notice); ``run``
  does the same for lines that are (mostly) the leftover itself — a block of spam titles
  is one report — while a match inside a line of prose stays a report of its own line
  (spam put into the middle of a sentence).
* ``fix``: the replacement for a match (``""`` deletes it); leave unset for no fix.
* ``join``: a key of the data listing expressions for the text between two matches that
  makes them one (``年`` and ``——`` in ``xxxx年x月x日——x月xx日``: one date frame, one slot).
* ``group_after``: when a document holds more matches than this, each paragraph's matches
  become one report at the first, with their count (the ``grouped`` template of
  ``messages:``), so forty marks in one template do not bury the rest of the report; 1
  groups every paragraph with several.  A document with this many or fewer keeps one
  report per match, each at its place.  The lines of a hard-wrapped paragraph (a line
  ending mid-sentence, the next line right after it) count as one paragraph;
  ``group_by: document`` counts the whole document as one (page numbers).

Overlapping matches of different patterns are reduced to the earliest, longest one.
Patterns compile once per distinct pattern list (module cache), with the ``regex``
module: they run within the rule's time budget (``checker.core.patterns``).
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field, field_validator
from re import MULTILINE      # regex's value too: regex is imported only to compile

from checker.checks.finding import Finding
from checker.model.lexicon import Lexicon, built_from
from checker.model.span import Span
from checker.core.patterns import check_pattern, compile_user

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = frozenset({"match", "count"})


def MESSAGES(params) -> frozenset[str]:
    """A rule that groups repeated matches needs a template for the grouped report."""
    return frozenset({"grouped"}) if params.group_after is not None else frozenset()


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # regular expressions (multiline); every match is reported
    patterns: list[str] = Field(default_factory=list)
    data: str | None = None                 # a lexicon key holding more patterns
    allow: list[str] = Field(default_factory=list)      # matched texts (the whole match) never reported
    unless: str | None = None               # a lexicon key: patterns of text a match inside is left alone
    # text: one finding per match; line: one per line (spanning its matches); block: one
    # per run of matching lines; run: one per run of leftover lines, prose lines alone
    scope: Literal["text", "line", "block", "run"] = "text"
    fix: str | None = None      # replacement of a match ("": delete it); None or block scope: no fix
    # text scope: a document with more matches than this gets one report per paragraph
    # with the count (the pack's `grouped` template); None: one report per match always
    group_after: int | None = Field(None, ge=1)
    # what such a document's matches are counted by: the paragraph (lines a hard wrap cut
    # from one paragraph count as one) or the whole document (page numbers all through it)
    group_by: Literal["paragraph", "document"] = "paragraph"
    # text scope: a lexicon key of patterns for the text between two matches that makes
    # them one (xxxx年x月x日——x月xx日 is one date frame, not three blanks)
    join: str | None = None
    run_line_chars: int = Field(20, ge=0)   # run scope: a line this short with a match joins a run
    # run scope: a lexicon key of patterns for whole lines that may stand between the lines
    # of a run without ending it (a page number between a site's preview titles)
    bridge: str | None = None

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            check_pattern(pattern, MULTILINE)
        return value


@lru_cache(maxsize=256)
def compiled_patterns(patterns: tuple[str, ...]) -> tuple:
    return tuple(compile_user(p, MULTILINE) for p in patterns)


def data_patterns(lexicon, key: str) -> list[str]:
    """The expressions listed under ``key`` in the data, validated (load time and run)."""
    return list(_data_tuple(lexicon, key))


def _data_tuple(lexicon, key: str) -> tuple[str, ...]:
    """``data_patterns`` as a tuple, validated once per lexicon data (``built_from``: by its
    fingerprint) rather than at every document: the rules of this kind ask for their lists
    at each check, some two hundred expressions a document.  A list that fails raises each
    time, as before (nothing is kept for it)."""
    if not isinstance(lexicon, Lexicon):
        return tuple(_validated(lexicon, key))
    return built_from(lexicon, ("leftover data patterns", key), lambda lex: tuple(_validated(lex, key)))


def _validated(lexicon, key: str) -> list[str]:
    extra = lexicon.get(key) or []
    if not isinstance(extra, list) or not all(isinstance(p, str) for p in extra):
        raise ValueError(f"data {key!r} must be a list of regular expressions")
    for pattern in extra:
        try:
            check_pattern(pattern, MULTILINE)
        except ValueError as exc:
            raise ValueError(f"data {key!r}: {exc}") from None
    return extra


# A line this short that holds a leftover is a leftover line (a spam title, a site's
# button), not prose with something put into it.
_SHORT_LINE = 20


def _patterns(vocabulary, params: Params) -> tuple[str, ...]:
    if not params.data:
        return tuple(params.patterns)
    if not isinstance(vocabulary, Lexicon):
        return _listed(vocabulary, tuple(params.patterns), params.data)
    # once per lexicon data, list and key (see ``_data_tuple``)
    own = tuple(params.patterns)
    return built_from(vocabulary, ("leftover patterns", own, params.data),
                      lambda lex: _listed(lex, own, params.data))


def _listed(vocabulary, own: tuple[str, ...], key: str) -> tuple[str, ...]:
    """The rule's own patterns, then those of the data under ``key`` not among them."""
    found = list(own)
    found += [p for p in data_patterns(vocabulary, key) if p not in found]
    return tuple(found)


# The spans each expression matches in the last text searched: the punctuation kinds'
# leftover and garble lists repeat expressions the artifact rules search (a quarter of
# these searches, on the same document).  Swapped whole per text, as one tuple: a thread
# reads one text's entries.
_LAST: tuple = (None, {})


def _spans(compiled, text: str) -> list[Span]:
    global _LAST
    if not text:
        # a span kept takes a character, and an empty text has none: not searched (two
        # expressions needing no literal loaded regex's engine for an empty file, ~4 M)
        return []
    last = _LAST
    if last[0] is not text:
        last = _LAST = (text, {})
    spans = last[1].get(compiled.pattern)
    if spans is None:
        # stored only once found in full (a search stopped by its time budget raises)
        spans = last[1][compiled.pattern] = [Span(m.start(), m.end()) for m in compiled.finditer(text)
                                             if m.end() > m.start()]
    return spans


def find_matches(text: str, patterns: tuple[str, ...], allow: frozenset[str]) -> list[Span]:
    """Non-overlapping matches of any pattern, earliest first, longest at one start."""
    spans: list[Span] = []
    for compiled in compiled_patterns(patterns):
        spans += _spans(compiled, text)
    spans.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return [s for s in kept if s.of(text) not in allow]


def _outside(text: str, spans: list[Span], patterns: tuple[str, ...]) -> list[Span]:
    """The spans that overlap no match of ``patterns``."""
    if not patterns:
        return spans
    spared = find_matches(text, patterns, frozenset())
    if not spared:
        return spans
    starts = [s.start for s in spared]
    kept = []
    for span in spans:
        i = bisect.bisect_left(starts, span.end) - 1
        if i >= 0 and spared[i].end > span.start:
            continue
        kept.append(span)
    return kept


def _joined(text: str, spans: list[Span], joins: tuple) -> list[Span]:
    """Matches with nothing between them but a text one of ``joins`` matches whole (a date
    frame's 年 and ——) made one span: one blank frame is one slot to fill."""
    out = [spans[0]]
    for span in spans[1:]:
        last = out[-1]
        gap = text[last.end:span.start]
        if "\n" not in gap and any(j.fullmatch(gap) for j in joins):
            out[-1] = Span(last.start, span.end)
        else:
            out.append(span)
    return out


def LOCAL(params) -> bool:  # noqa: N802 - the kinds' LOCAL, asked of a rule's parameters
    """Line-scoped patterns find a paragraph's problems in it alone (the language server
    re-checks just the edited paragraphs with them); block and text patterns may span
    paragraphs."""
    return params.scope == "line"


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    patterns = _patterns(rule.vocabulary, params)
    if not patterns:
        return
    text = doc.text
    spans = find_matches(text, patterns, frozenset(params.allow))
    if params.unless and spans:
        spans = _outside(text, spans, _data_tuple(rule.vocabulary, params.unless))
    if params.join and len(spans) > 1:
        spans = _joined(text, spans, compiled_patterns(_data_tuple(rule.vocabulary, params.join)))
    if params.scope == "text":
        if params.group_after is not None and len(spans) > params.group_after:
            yield from _grouped(doc, spans, params.group_by)
            return
        for span in spans:
            yield Finding(span, args={"match": span.of(text), "count": 1}, fix=params.fix)
        return
    if params.scope == "run":
        bridges = compiled_patterns(_data_tuple(rule.vocabulary, params.bridge)) if params.bridge else ()
        for group, whole in line_runs(doc, spans, params.run_line_chars, bridges):
            first, last = group[0], group[-1]
            span = Span(first.start, last.end) if whole else first
            yield Finding(span, args={"match": first.of(text), "count": len(group)})
        return
    groups = _group_by_line(doc, spans, params.scope == "block")
    for group in groups:
        first, last = group[0], group[-1]
        args = {"match": first.of(text), "count": len(group)}
        if len(group) == 1:
            yield Finding(first, args=args, fix=params.fix)
        elif params.scope == "line":
            # one finding per line, from its first match to its last; the fix (if any)
            # replaces every match and keeps the text between them
            message = "grouped" if "grouped" in rule.messages else None
            span = Span(first.start, last.end)
            fix = None
            if params.fix is not None:
                pieces, at = [], first.start
                for match in group:
                    pieces += [text[at:match.start], params.fix]
                    at = match.end
                fix = "".join(pieces) + text[at:last.end]
            yield Finding(span, args=args, fix=fix, message=message)
        else:
            # a block spans several lines: no fix, the text between matches is not ours to drop
            yield Finding(Span(first.start, last.end), args={"match": first.of(text), "count": len(group)})


def _grouped(doc, spans: list[Span], by: str = "paragraph") -> Iterator[Finding]:
    """One finding per paragraph (or for the document), at its first match, counting the
    matches.  A line that stops mid-sentence, followed at once by the next line, was
    hard-wrapped (a PDF or a web page copied line by line): its lines are one paragraph."""
    text = doc.text
    if by == "document":
        groups = {0: list(spans)}
    else:
        paragraphs = doc.paragraphs
        starts = [p.span.start for p in paragraphs]
        logical: list[int] = []
        for i, para in enumerate(paragraphs):
            wrapped = i > 0 and paragraphs[i - 1].line + 1 == para.line and _stops_mid_sentence(
                paragraphs[i - 1].span.of(text))
            logical.append(logical[-1] if wrapped else i)
        groups = {}
        for span in spans:
            groups.setdefault(logical[bisect.bisect_right(starts, span.start) - 1], []).append(span)
    for group in groups.values():
        first = group[0]
        args = {"match": first.of(text), "count": len(group)}
        if len(group) == 1:
            yield Finding(first, args=args)
        else:
            yield Finding(first, args=args, message="grouped")


# the marks inside a sentence: a line holding one has begun a sentence
_CLAUSE_MARKS = "，、；：,;:"
_SENTENCE_ENDS = "。！？!?…"
_CLOSERS = "”’」』）)》"
# a line this short is a piece of a line, too short for a title
_FRAGMENT_CHARS = 4


def _stops_mid_sentence(line: str) -> bool:
    """The line does not end a sentence, and has begun one (a clause mark in it: 现在，我代表)
    or is a fragment (XX, 14.9%, ；: a few characters, or no more than one Chinese one); a
    title or a heading, which ends without a full stop too, holds no clause mark and is
    longer than a fragment."""
    if not line or line.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS:
        return False
    words = sum(1 for ch in line if 0x3400 <= ord(ch) <= 0x9FFF)
    return len(line) <= _FRAGMENT_CHARS or words < 2 or any(mark in line for mark in _CLAUSE_MARKS)


def line_runs(doc, spans: list[Span], line_chars: int, bridges: tuple = ()) -> list[tuple[list[Span], bool]]:
    """Matches grouped by line; lines that are leftover lines — mostly matched text, or
    short (a spam title, a site's button; up to ``line_chars`` a line of a site's notice)
    — join into runs, blank lines between allowed (and lines wholly matched by one of
    ``bridges``), and are ``whole``; a line of prose with a match stands alone."""
    text = doc.text
    lines = doc.lines
    starts = [ln.span.start for ln in lines]
    runs: list[tuple[list[Span], bool]] = []
    last_line = -10
    last_joins = False
    for group in _group_by_line(doc, spans, False):
        i = bisect.bisect_right(starts, group[0].start) - 1
        body = len(lines[i].span.of(text).strip())
        matched = sum(s.end - s.start for s in group)
        whole = body > 0 and (2 * matched >= body or body <= _SHORT_LINE)
        joins = whole or body <= line_chars
        if runs and joins and last_joins and all(
                _between(lines[j].span.of(text), bridges) for j in range(last_line + 1, i)):
            runs[-1] = (runs[-1][0] + list(group), True)
        else:
            runs.append((list(group), whole))
        last_line, last_joins = i, joins
    return runs


def _between(line: str, bridges: tuple) -> bool:
    """A line that may stand inside a run: blank, or wholly matched by a bridge pattern."""
    body = line.strip()
    return not body or any(b.fullmatch(body) for b in bridges)


def _group_by_line(doc, spans: list[Span], across_blank_lines: bool) -> list[list[Span]]:
    """Group matches by line (``line`` scope) or by runs of matching lines (``block``)."""
    lines = doc.lines
    starts = [ln.span.start for ln in lines]

    groups: list[list[Span]] = []
    last_line = -10
    for span in spans:
        i = bisect.bisect_right(starts, span.start) - 1
        if groups and i == last_line:
            groups[-1].append(span)
        elif groups and across_blank_lines and i > last_line and all(
                not lines[j].span.of(doc.text).strip() for j in range(last_line + 1, i)):
            groups[-1].append(span)
        else:
            groups.append([span])
        last_line = i
    return groups
