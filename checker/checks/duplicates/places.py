"""What the duplicate kinds share: the set phrases of the genre, headings, sections."""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.leftovers.furniture import furniture_paragraphs
from checker.model.document import Document
from checker.model.markers import HAN_FIRST, HAN_LAST, OPENING_HAN, marker_at
from checker.model.similarity import compile_phrases

SET_PHRASES_KEY = "duplicate_set_phrases"


def set_phrases(doc_or_lexicon) -> re.Pattern | None:
    """The compiled set phrases of the data (``rules/duplicates/vocabulary.yaml``, extendable
    from ``.gwlint.yaml``); compiled once per distinct list."""
    lexicon = doc_or_lexicon
    raw = lexicon.get(SET_PHRASES_KEY) or []
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise ValueError(f"data '{SET_PHRASES_KEY}' must be a list of regular expressions")
    return compile_phrases(tuple(raw))


def site_furniture(doc: Document, rule, line_chars: int) -> frozenset[int]:
    """Paragraphs that are a site's furniture (``checker.checks.leftovers.furniture``): the
    leftovers family's vocabulary is read on purpose, its patterns say what is not the
    document's text; the page's excerpt of the text at its head (``page_excerpts``); the
    entries of a contents list (``contents_lists``); addressee lines and salutations
    (``addressee_lines``).
    ``line_chars`` 0: none.  Found once per document and data: each duplicate kind asks,
    and reading and validating the data's expressions cost more than a look-up (a
    vocabulary is equal to another with the same fingerprint: the same data)."""
    if not line_chars:
        return frozenset()
    leftovers, own = rule.vocabulary_of("leftovers"), rule.vocabulary
    return doc.shared(("site-furniture", leftovers, own, line_chars), lambda: (
        furniture_paragraphs(doc, leftovers, line_chars) | page_excerpts(doc, own)
        | contents_lists(doc, own, _CONTENTS_LINE_CHARS) | addressee_lines(doc)))


# An addressee line (主送机关: 各镇政府，各街道办事处，县政府各部门：) or a salutation ends
# with a colon and is a short run of names: the genre's formula, shared by every notice of
# an office, never a copied sentence.
_ADDRESSEE_CHARS = 80
_ADDRESSEE_PART_CHARS = 16
_ADDRESSEE_SPLIT = re.compile("[，,、]")
_STATEMENT = frozenset("。；;！？!?")


def addressee_lines(doc: Document) -> frozenset[int]:
    """Paragraphs that are an addressee line or a salutation: ending with a colon, at most
    ``_ADDRESSEE_CHARS`` long, no statement mark, every comma-separated part short.  Read
    once per document: each duplicate kind asks."""
    return doc.shared(("addressee-lines",), lambda: _addressees(doc))


def _addressees(doc: Document) -> frozenset[int]:
    out = set()
    for para in doc.paragraphs:
        body = para.span.of(doc.text).strip()
        if not body or len(body) > _ADDRESSEE_CHARS or body[-1] not in "：:":
            continue
        if any(ch in _STATEMENT for ch in body):
            continue
        if all(len(part.strip()) <= _ADDRESSEE_PART_CHARS for part in _ADDRESSEE_SPLIT.split(body[:-1])):
            out.add(para.index)
    return frozenset(out)


# the longest line a contents entry may be
_CONTENTS_LINE_CHARS = 60


EXCERPT_MARKS_KEY = "duplicate_page_excerpt_marks"
# How many paragraphs of the page's head, before the first numbered heading, may be its
# excerpt of the text; how long a stretch of it must recur below (Han characters only).
_LEAD_PARAGRAPHS = 8
_EXCERPT_TAIL = 6
_EXCERPT_STRETCH = 12
_FINISHED = "。！？!?…”’」』）)》】.；;"


def page_excerpts(doc: Document, vocabulary) -> frozenset[int]:
    """Paragraphs at the head of a page that are the page's excerpt of the text below it,
    not the writer's: a site prints an abstract (【摘要】：…), its editor's introduction
    quoting the opening (…。下面和大家分享…), or the first so many characters of the text
    cut off mid-word (a speech page: 同志们：… quoted up to a word cut in two) before the text itself.
    The text is then met again below, and that is no repeat by the writer.

    A paragraph is one when it stands before the first numbered heading among the first
    few paragraphs, a stretch of it recurs further down (it quotes the text), and it is
    marked as an excerpt (a label or the site's words, ``duplicate_page_excerpt_marks``)
    or it stops unfinished where the text below goes on with the same words."""
    raw = _expressions(vocabulary, EXCERPT_MARKS_KEY)
    marks = _compiled_marks(raw)
    return doc.shared(("page-excerpts", raw), lambda: _page_excerpts(doc, marks))


def _expressions(vocabulary, key: str) -> tuple[str, ...]:
    """The list of regular expressions the family's data gives under ``key`` (none: ())."""
    raw = vocabulary.get(key) or []
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise ValueError(f"data '{key}' must be a list of regular expressions")
    return tuple(raw)


_MARKS_CACHE: dict[tuple[str, ...], re.Pattern | None] = {}


def _compiled_marks(raw: tuple[str, ...]) -> re.Pattern | None:
    if raw not in _MARKS_CACHE:
        _MARKS_CACHE[raw] = re.compile("|".join(f"(?:{p})" for p in raw)) if raw else None
    return _MARKS_CACHE[raw]


# what is not a Han character of the basic block (U+4E00–U+9FFF), taken out in one pass
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")


def _han(s: str) -> str:
    return _NOT_HAN.sub("", s)


def _page_excerpts(doc: Document, marks: re.Pattern | None) -> frozenset[int]:
    text = doc.text
    out: set[int] = set()
    seen = 0
    # The Han characters of the whole text, made once: those of the text below a
    # paragraph are the ones after the paragraph's own and those before it (a filter of
    # characters: a suffix of the whole's), searched from there; each lead paragraph
    # took the text below it through the filter again (8 x the document).
    whole: str | None = None
    for para in doc.paragraphs:
        body = para.span.of(text).strip(_BLANKS)
        if not body:
            continue
        if marker_at(text, para.span.start) or seen >= _LEAD_PARAGRAPHS:
            break           # the body of the text has begun
        seen += 1
        han = _han(body)
        if len(han) < _EXCERPT_STRETCH * 2:
            continue
        # an excerpt is marked or cut off: a finished paragraph with no mark is none,
        # whatever it quotes (asked first: most lead paragraphs end with a full stop, and
        # then the whole text is not filtered, ~300 instructions a character)
        unfinished = body[-1] not in _FINISHED
        marked = marks is not None and marks.search(body) is not None
        if not (marked or unfinished):
            continue
        if whole is None:
            whole = _han(text)
        below = han_count(text[:para.span.end])    # where the text below starts in ``whole``
        find = whole.find
        middle = han[len(han) // 2 - _EXCERPT_STRETCH // 2:][:_EXCERPT_STRETCH]
        if find(middle, below) < 0 and find(han[:_EXCERPT_STRETCH], below) < 0:
            continue        # it quotes nothing of the text below
        cut = unfinished and find(han[-_EXCERPT_TAIL:], below) >= 0
        if marked or cut:
            out.add(para.index)
    return frozenset(out)


def heading_paragraphs(doc: Document) -> set[int]:
    """Paragraphs that are nothing but a numbered heading (``（一）加强党的建设``)."""
    starts = {}
    for block in doc.structure.iter_blocks():
        starts[block.head.start] = block
    out = set()
    for para in doc.paragraphs:
        block = starts.get(para.span.start)
        if block is None:
            continue
        body = doc.text[block.marker.span.end:para.span.end].strip().rstrip("。.；;")
        if body == block.title.strip().rstrip("。.；;"):
            out.add(para.index)
    return out


def same_section(doc: Document, a: int, b: int) -> bool:
    return doc.section_at(a) == doc.section_at(b)


# The Han characters of the block a numbering marker (``markers.CANDIDATE``: 一、 （一）
# 1. ① …) can open with: at a place holding another character of the block there is no
# marker, answered without ``marker_at``'s call and match (tests/test_duplicate_fast_paths.py
# checks the block's characters against the expression).
MARKER_OPENING_HAN = OPENING_HAN

# Statement punctuation: a line holding none of these inside it is a name or a heading,
# not a statement (a title, a signature, a field row, a caption, a table-of-contents entry).
_STATEMENT_MARKS = frozenset("。，；！？,;!?")
_BLANKS = " \t\u3000\u00a0"
_SENTENCE_ENDS = frozenset("。！？；!?;")

# What a duplicate unit is, by the line or sentence it stands in.
PLAIN, HEADING, NAME_LINE = 0, 1, 2
# the units of a heading run into a sentence (``heading_start``): an item's subject, often
# the parent heading's words taken up again (（一）抓好X / 1、按照部署，抓好X。…)
RUN_IN = 3


def line_kinds(doc: Document, max_length: int) -> dict[int, int]:
    """Paragraph index -> HEADING or NAME_LINE for short paragraphs with no statement
    punctuation inside: HEADING when they open with a numbering marker (a heading, a
    table-of-contents entry; a trailing full stop allowed), NAME_LINE when they do not and
    end without a full stop (the title, printed again by the page or at the foot; a
    signature; a field row such as 名称：…).  A short sentence ending in 。 is a statement.
    Read once per document and length: each duplicate kind asks (the answer is shared,
    not to be changed)."""
    return doc.shared(("line-kinds", max_length), lambda: _line_kinds(doc, max_length))


def _line_kinds(doc: Document, max_length: int) -> dict[int, int]:
    out: dict[int, int] = {}
    for para in doc.paragraphs:
        whole = para.span.of(doc.text).rstrip(_BLANKS)
        body = whole.rstrip("".join(_STATEMENT_MARKS) + _BLANKS + "：:")
        if not body or len(body) > max_length or any(ch in _STATEMENT_MARKS for ch in body):
            continue
        if marker_at(doc.text, para.span.start):
            out[para.index] = HEADING
        elif whole[-1:] not in _SENTENCE_ENDS:
            out[para.index] = NAME_LINE     # a name ends without a full stop; a sentence with one
    return out


def sentence_kind(doc: Document, sentence, kinds: dict[int, int]) -> int:
    """The kind of a sentence: its paragraph's (``line_kinds``), or HEADING for a sentence
    of a longer paragraph that opens with a numbering marker and has no comma or
    semicolon (a heading run into its paragraph: ``（一）加强队伍建设。当前要…``)."""
    kind = kinds.get(sentence.paragraph)
    if kind is not None:
        return kind
    text = doc.text
    at, end = sentence.span.start, sentence.span.end
    while at < end and text[at] in _BLANKS:
        at += 1
    if at < end and HAN_FIRST <= text[at] <= HAN_LAST and text[at] not in MARKER_OPENING_HAN:
        return PLAIN        # no marker opens with it: the test below is false
    body = text[at:end].strip(_BLANKS)
    if marker_at(body, 0) and not any(ch in _STATEMENT_MARKS for ch in body.rstrip("".join(_STATEMENT_MARKS))):
        return HEADING
    return PLAIN


_LEAD_IN_ENDS = "：:"
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def heading_start(doc: Document, sentence, max_length: int) -> int | None:
    """Where a numbered heading run into its text starts inside a sentence, when the
    sentence ends with it: at the sentence's start or after a lead-in's colon (现将…总结如下：
    一、…（一）以X为Y，积极推进Z。).  A heading may have a comma (以X为Y，推进Z) but is short,
    holds no semicolon and no figure (a numbered statement of results is not a heading):
    its clauses restated in the body name the item, as a heading line's do."""
    text = doc.text
    start, end = sentence.span.start, sentence.span.end
    at = start
    while at < end and text[at] in _BLANKS:
        at += 1
    # most sentences have no lead-in colon: the start alone, without the generator
    places = _after_lead_ins(text, at, end) if _LEAD_IN_END.search(text, at, end) else (at,)
    for pos in places:
        if pos < end and HAN_FIRST <= text[pos] <= HAN_LAST and text[pos] not in MARKER_OPENING_HAN:
            continue        # no marker opens with it (most sentences: no call)
        marker = marker_at(text, pos, end)
        if marker is None:
            continue
        body = text[marker.span.end:end].rstrip("".join(_STATEMENT_MARKS) + _BLANKS)
        if (body and len(body) <= max_length and not any(ch in "；;" for ch in body)
                and not any(ch in _DIGITS for ch in body)):
            return pos
        return None
    return None


_LEAD_IN_END = re.compile("[" + _LEAD_IN_ENDS + "]")


def _after_lead_ins(text: str, at: int, end: int) -> Iterator[int]:
    """``at``, then where the text goes on after each lead-in's colon in ``text[at:end]``
    (its blanks skipped), in order: found by a search, not a look at every character."""
    yield at
    for colon in _LEAD_IN_END.finditer(text, at, end):
        j = colon.end()
        while j < end and text[j] in _BLANKS:
            j += 1
        yield j


def comparable_kinds(a: int, b: int, same_text: bool) -> bool:
    """Whether two units of these kinds may be reported as a repeat: never when either is a
    name line (a title or name met again is page layout or a reference to it, at most a
    leftover); between headings only when they are the same text (two items differing in
    a word are two items, a contents entry differs from its heading by a page number); a
    heading and a statement never (the body names the item it is about)."""
    if a == NAME_LINE or b == NAME_LINE:
        return False
    if a == RUN_IN or b == RUN_IN:
        # a run-in heading restates the item's subject, from the heading above or in the
        # text below: a repeat only when the same run-in heading is met again
        return a == b and same_text
    if a == HEADING or b == HEADING:
        # a heading's words taken up again in a statement (1、完善旅游线路。… 完善旅游线路，
        # 把…) restate the item's subject: only a heading met again as a heading is a repeat
        return a == b and same_text
    return True


ANAPHORIC_KEY = "duplicate_anaphoric_openings"


def anaphoric_sentences(doc: Document, vocabulary) -> frozenset[int]:
    """Indexes of the sentences that open (after a numbering marker or blanks) with a
    subject pointing back to their item (该项目, 此工程, 上述单位: the openings
    ``duplicate_anaphoric_openings``).  Two such sentences alike in two paragraphs state
    one thing of two subjects — a status two projects share — and are no repeat."""
    raw = _expressions(vocabulary, ANAPHORIC_KEY)
    if not raw:
        return frozenset()
    opening = _compiled_marks(tuple("^(?:" + p + ")" for p in raw))
    return doc.shared(("anaphoric-sentences", raw), lambda: _anaphoric(doc, opening))


def _anaphoric(doc: Document, opening: re.Pattern) -> frozenset[int]:
    text = doc.text
    out = set()
    for sentence in doc.sentences:
        start, end = sentence.span.start, sentence.span.end
        first = text[start:start + 1]
        if HAN_FIRST <= first <= HAN_LAST and first not in MARKER_OPENING_HAN:
            marker = None   # no marker opens with it (most sentences: no call)
        else:
            marker = marker_at(text, start, end)
        at = marker.span.end if marker is not None else start
        body = text[at:end].lstrip(_BLANKS + "，,、")
        if opening.match(body):
            out.add(sentence.index)
    return frozenset(out)


# a cited title; a unit's span may stop before the closing mark
_TITLE = re.compile(r"《[^《》\n]{0,80}(?:》|$)")


def beyond_titles(text: str, start: int, end: int) -> int:
    """Han characters of ``text[start:end]`` outside the titles it cites (《…》): a
    statement that says nothing beyond a policy's name (认真落实《关于…的意见》。) is the
    name cited again where it applies, not a repeated statement."""
    piece = text[start:end]
    if "《" in piece:           # (a stretch without one cites no title)
        piece = _TITLE.sub("", piece)
    return han_count(piece)


# The high bytes of the UTF-16 code units U+4E00..U+9FFF: a character's unit has one of
# them exactly when it is a Han character of the basic block (one outside the BMP is two
# surrogate units, high bytes D8-DF; a lone surrogate is one unit, D8-DF too).
HAN_HIGH_BYTES = bytes(range(0x4E, 0xA0))


def han_count(piece: str) -> int:
    """The Han characters of the basic block in ``piece``: ``len(_NOT_HAN.sub("", piece))``
    counted in C, a few steps per character instead of an expression's match per run of
    other characters (~300 instructions a character on a paragraph): the high byte of
    each UTF-16 unit, those of the block deleted, the difference in length."""
    high = piece.encode("utf-16-be", "surrogatepass")[::2]
    return len(high) - len(high.translate(None, HAN_HIGH_BYTES))


CONTENTS_KEY = "duplicate_contents_heads"


def contents_lists(doc: Document, vocabulary, max_length: int) -> frozenset[int]:
    """The entries of a contents list or outline (a line ``duplicate_contents_heads``
    matches whole — 目录, 目录/提纲：…… — and the headings under it, up to the first
    paragraph of statements): the headings printed again where the text takes them up
    are the text's structure, not a repeat."""
    raw = _expressions(vocabulary, CONTENTS_KEY)
    if not raw:
        return frozenset()
    head = _compiled_marks(tuple("^(?:" + p + ")$" for p in raw))
    return doc.shared(("contents-lists", raw, max_length), lambda: _contents(doc, head, max_length))


def _contents(doc: Document, head: re.Pattern, max_length: int) -> frozenset[int]:
    text = doc.text
    kinds = line_kinds(doc, max_length)
    out: set[int] = set()
    inside = False
    for para in doc.paragraphs:
        body = para.span.of(text).strip(_BLANKS)
        if not body:
            continue
        if head.match(body):
            inside = True
            out.add(para.index)
            continue
        if inside:
            entry = para.index in kinds or (marker_at(text, para.span.start) is not None and len(body) <= max_length
                                            and not any(ch in "。；;" for ch in body.rstrip("。.…")))
            if entry:
                out.add(para.index)
                continue
            inside = False
    return frozenset(out)
