"""``punct-balance``: quotes, brackets and 书名号 that open or close without a partner.

The text is scanned paragraph by paragraph with a stack of open marks.  A closing mark
whose partner is not open is reported at the closing mark (``做好加法”和“乘法”``: the first
” closes nothing); marks still open at the end are reported at the opening mark.  When a
closer matches an opener further down the stack, the openers above it were never closed
and are reported.  Half-width ``( )`` pair with full-width ``（ ）`` (the width itself is
the business of ``punct-halfwidth``); a ``)`` or ``）`` right closing a short list marker
at the start of a paragraph or clause (``1)``, ``；2)``, ``2）``) is a numbering mark, not
a bracket — unless a parenthesis is open (``rgb(51, 51, 51)``, ``（9:00-18:30)``).  The
pairs, their aliases and the numerals of such markers are the vocabulary's (``pairs``,
``pair_aliases``, ``list_marker_numerals``).

Real documents are often copied from web pages and PDFs that break lines every 20–40
characters, so a title or quote may straddle a line end (``制定《…方案`` / ``（试行）》``).
A paragraph that does not end a sentence (no ``sentence_ends`` mark at its end) hands
the marks opened in its unfinished last sentence on to the next paragraph, for at most
``wrap_lines`` line ends; they are reported only once a paragraph that ends a sentence
leaves them open.

A text that stops mid-sentence was cut (a page limit, a preview): marks opened in the
unfinished last sentence of its last paragraph, of a paragraph ending in a cut mark
(vocabulary ``cut_ends``: …, ..., a broken character) or of the paragraph before a
leftover line (a paywall notice inserted in the text) are not reported, and neither are
closing marks before the first sentence end after such a leftover line — or at the top
of a text that opens in mid-text (``doc.structure.opens_mid_text``: no title, a first
line of body text with more lines after it), whose start was cut the same way.

Look-alike marks (vocabulary ``lookalike_marks``: ``〞`` typed for ``”``) pair like the
mark they imitate and are reported once per paragraph, with their count, under the
``lookalike`` template.  Paragraphs holding a scraping leftover (see ``skip_leftovers``)
are skipped: the artifact rules report them and they go as a whole.  A mark never closed
is reported with the rule's message, one never opened with its ``unopened`` template.
A paragraph with more than ``group_after`` unpaired marks gets one report, at the first,
under the ``grouped`` template with their count.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.punctuation.list_markers import marker_ends
from checker.checks.punctuation.skip_leftovers import garbled_spans, leftover_paragraphs
from checker.checks.punctuation.words import words
from checker.model.span import Span
from checker.model.last_mark import last_mark
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"mark", "partner", "count", "replacement"})
# A closing mark never opened; a look-alike mark (the rule's message is for an opener
# never closed).
# the unpaired marks of one paragraph counted in one report
MESSAGES = frozenset({"unopened", "lookalike", "grouped"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # line ends an open mark may be carried across (hard-wrapped web and PDF copies)
    wrap_lines: int = Field(6, ge=0)
    # marks left open by the unfinished sentence the text ends in are a page cut
    cut_at_end: bool = True
    # closing marks in the first sentence of a text that opens in mid-text (no title, its
    # first line body text: a later page) close marks opened on an earlier page
    cut_at_start: bool = True
    # a paragraph with more unpaired marks than this gets one report at the first, with
    # the count (the `grouped` template): a paragraph typed with its closing quotes lost
    # is one thing to mend, not one report per mark; None: one report per mark
    group_after: int | None = Field(2, ge=1)


class _Open:
    """A bracket or quotation mark opened and not closed yet: ``mark``, the opener,
    normalised (an alias or look-alike as the mark it stands for); ``written``, the
    character as written; ``offset``, in the document."""

    # A plain class, not a dataclass: read and set by attribute only (never compared,
    # hashed or copied), and a dataclass is ~0.2 ms of a fresh process to make.
    __slots__ = ("mark", "written", "offset", "line_ends")

    def __init__(self, mark: str, written: str, offset: int, line_ends: int = 0) -> None:
        self.mark = mark
        self.written = written
        self.offset = offset
        self.line_ends = line_ends


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    vocabulary = words(rule)
    openers = vocabulary.pairs
    aliases = vocabulary.pair_aliases
    lookalikes = vocabulary.lookalike_marks
    sentence_ends = vocabulary.sentence_ends
    cut_ends = tuple(vocabulary.cut_ends)
    last_sentence_end = last_mark(sentence_ends)
    closers = {c: o for o, c in openers.items()}
    numerals = vocabulary.list_marker_numerals
    text = doc.text
    # the only characters the loop below acts on: any other is passed over unread
    brackets = frozenset(lookalikes) | frozenset(aliases) | frozenset(openers) | frozenset(closers)
    relevant = _marks_of(brackets | frozenset(sentence_ends))
    # past a cut text's first sentence a sentence end that is no bracket does nothing
    # below: a paragraph not opening after a cut reads only the brackets
    bracket_marks = _marks_of(brackets)
    skipped = leftover_paragraphs(doc, rule)
    garbled = {i for span in garbled_spans(doc, rule) for i in range(span.start, span.end)}
    paragraphs = doc.paragraphs
    # marks the paragraphs' quick reading leaves to the full one (see _closes_in_order)
    barred = frozenset(lookalikes) | {_APOSTROPHE}
    carry: list[_Open] = []
    # a text that opens in mid-text (a later page: no title, its first line already body
    # text) was cut at its top as a preview is at its end: closers in its first sentence
    # close what an earlier page opened
    after_cut = params.cut_at_start and doc.structure.opens_mid_text
    found: list[tuple[int, str, str]] = []           # (offset, mark as written, problem)
    for n, para in enumerate(paragraphs):
        if para.index in skipped:
            carry, after_cut = [], True              # a leftover line cuts the text
            continue
        body = para.span.of(text)
        if not carry and not garbled and _closes_in_order(bracket_marks.findall(body), openers, closers,
                                                          aliases, barred):
            after_cut = False
            continue        # nothing to report, nothing carried on (see _closes_in_order)
        base = para.span.start
        stack = carry
        skip = marker_ends(numerals, body)
        alike: list[int] = []
        in_first_sentence = after_cut
        for m in (relevant if in_first_sentence else bracket_marks).finditer(body):
            i, ch = m.start(), m.group()
            if base + i in garbled:
                continue                             # a mark inside mojibake is garbage
            mark = lookalikes.get(ch) or aliases.get(ch, ch)
            if ch in lookalikes:
                alike.append(i)
            if in_first_sentence and ch in sentence_ends:
                in_first_sentence = False
            if mark in openers:
                stack.append(_Open(mark, ch, base + i))
            elif mark in closers:
                if _apostrophe(body, i):
                    continue
                if i in skip and not (stack and stack[-1].mark == closers[mark]):
                    continue
                opener = closers[mark]
                depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].mark == opener), None)
                if depth is None:
                    if not in_first_sentence:
                        found.append((base + i, ch, "unopened"))
                    continue
                found.extend((o.offset, o.written, "unclosed") for o in stack[depth + 1:])
                del stack[depth:]
        after_cut = False
        if alike:
            first = alike[0]
            yield Finding(Span(base + first, base + first + 1), message="lookalike",
                          args={"mark": body[first], "count": len(alike), "replacement": lookalikes[body[first]]})
        carry = []
        if not stack:
            continue
        stripped = body.rstrip()
        if stripped[-1:] in sentence_ends:
            found.extend((o.offset, o.written, "unclosed") for o in stack)
            continue
        # Only the unfinished last sentence runs on into the next line or was cut off;
        # a mark opened before the paragraph's last sentence end is left open for good.
        last_end = last_sentence_end(body)       # (one match: the loop read every character)
        settled = base + last_end if last_end >= 0 else -1
        pending = [o for o in stack if o.offset > settled]
        found.extend((o.offset, o.written, "unclosed") for o in stack if o.offset <= settled)
        last = n == len(paragraphs) - 1
        before_leftover = not last and paragraphs[n + 1].index in skipped
        if (cut_ends and stripped.endswith(cut_ends)) or before_leftover or (last and params.cut_at_end):
            continue                                 # the text was cut here
        for o in pending:
            o.line_ends += 1
        found.extend((o.offset, o.written, "unclosed") for o in pending if last or o.line_ends > params.wrap_lines)
        if not last:
            carry = [o for o in pending if o.line_ends <= params.wrap_lines]
    starts = [p.span.start for p in paragraphs]
    by_paragraph: dict[int, list[tuple[int, str, str]]] = {}
    for item in sorted(found):
        by_paragraph.setdefault(bisect.bisect_right(starts, item[0]) - 1, []).append(item)
    for group in by_paragraph.values():
        grouped = params.group_after is not None and len(group) > params.group_after
        for offset, ch, problem in group[:1] if grouped else group:
            mark = lookalikes.get(ch) or aliases.get(ch, ch)
            partner = openers.get(mark) or closers.get(mark, "")
            message = "grouped" if grouped else "unopened" if problem == "unopened" else None
            yield Finding(Span(offset, offset + 1), args={"mark": ch, "partner": partner, "count": len(group)},
                          message=message)


_APOSTROPHE = "’"


def _closes_in_order(marks: list[str], openers: dict[str, str], closers: dict[str, str],
                     aliases: dict[str, str], barred: frozenset[str]) -> bool:
    """Whether a paragraph's bracket marks (``marks``, in order) close in order, each
    closer the last mark still open, leaving none open — read from the marks alone, where
    ``check`` reads each with its offset (an object per opener, a look for the partner
    down the stack).  Most paragraphs are so, and then ``check``'s reading reports
    nothing and hands nothing on, given that nothing is carried into the paragraph, no
    garbled text lies in the document, and no mark of ``barred`` stands in it (a
    look-alike, reported; a ’ that may be an apostrophe, passed over): every closer then
    meets its opener on top of the stack, so it is never passed over as a list marker's,
    and finds no mark above its partner to report.  False sends the paragraph to the
    full reading."""
    stack: list[str] = []
    for ch in marks:
        if ch in barred:
            return False
        mark = aliases.get(ch, ch)
        if mark in openers:
            stack.append(mark)
        elif mark in closers:
            if not stack or stack.pop() != closers[mark]:
                return False
    return not stack


@lru_cache(maxsize=8)
def _marks_of(chars: frozenset[str]) -> re.Pattern[str]:
    """One character of ``chars`` (single characters only: the text is read one at a time)."""
    singles = sorted(c for c in chars if len(c) == 1)
    return compile_skipping("[" + escaped_join(singles, "") + "]" if singles else "(?!)")


def _apostrophe(body: str, i: int) -> bool:
    """’ between Latin letters is an apostrophe (children’s), not a closing quote."""
    return (body[i] == _APOSTROPHE and 0 < i < len(body) - 1
            and body[i - 1].isascii() and body[i - 1].isalpha()
            and body[i + 1].isascii() and body[i + 1].isalpha())
