"""The Document: parsed once, read by every check.

Cheap parts (lines, paragraphs, sentences) and costly parts (structure, quantities,
jieba tokens) are all computed on first use and then kept, so a run whose rules never
ask for tokens never loads jieba.
"""
from __future__ import annotations

import bisect
from functools import cached_property

from checker.model.lexicon import Lexicon
from checker.model.paragraphs import split_lines, split_paragraphs
from checker.model.sentences import split_sentences
from checker.model.span import Span
from checker.sources.source import SourceText

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from checker.model.annotations import Annotation
    from checker.model.measure_words import MeasureWords
    from checker.model.quantity import Quantity
    from checker.model.similarity import Unit
    from checker.model.structure import Section, Structure
    from checker.model.text_units import Line, Paragraph, Sentence


class Document:
    def __init__(self, source: SourceText, lexicon: Lexicon | None = None,
                 kind_override: str | None = None) -> None:
        self.source = source
        self.path = source.path
        self.text = source.text
        if lexicon is None:
            # Built without settings (tests, scripts): the shipped model tables.
            from checker.model.builtin import builtin_model_lexicon

            lexicon = builtin_model_lexicon()
        self.lexicon = lexicon
        # "summary", "plan" or "none" forced by configuration for this path, or None.
        self.kind_override = kind_override
        # tokens of the jieba blocks segmented on their own (tokens_in), by block span
        self._token_blocks: dict[tuple[int, int], list[tuple[str, Span]]] = {}
        # comparison units by (level, set-phrase expression): see sentence_units
        self._units: dict[tuple, list] = {}

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", lexicon: Lexicon | None = None,
                  kind_override: str | None = None) -> "Document":
        return cls(SourceText.from_decoded(path, text), lexicon, kind_override)

    # -- plain text units -------------------------------------------------------------
    @cached_property
    def lines(self) -> list["Line"]:
        return split_lines(self.text)

    @cached_property
    def paragraphs(self) -> list["Paragraph"]:
        return split_paragraphs(self.text, self.lines)

    @cached_property
    def sentences(self) -> list["Sentence"]:
        return split_sentences(self.text, self.paragraphs)

    @cached_property
    def folded_text(self) -> str:
        """The text with traditional character forms read as simplified ones, one
        character for one so every offset holds (萬元 → 万元, 減少 → 减少): the text numbers
        and their words are read from (``traditional_forms`` of rules/model/)."""
        from checker.model.folding import fold

        return fold(self.text, self.lexicon)

    # -- parsed layers ------------------------------------------------------------------
    @cached_property
    def structure(self) -> "Structure":
        from checker.model.structure_parser import parse_structure

        return parse_structure(self)

    @cached_property
    def quantities(self) -> list["Quantity"]:
        if not self.text:
            return []       # what find_quantities finds in no text, without its module
        from checker.model.quantities import find_quantities

        return find_quantities(self)

    @property
    def measure_words(self) -> "MeasureWords":
        """The measure-word table of the document's model data (built once per data)."""
        from checker.model.measure_words import measure_words

        return measure_words(self.lexicon)

    @cached_property
    def magnitudes(self) -> dict[str, int]:
        """What each magnitude word multiplies by (万 → 10000), from the model data
        (``magnitudes`` of rules/model/units.yaml, extendable from ``.gwlint.yaml``)."""
        from checker.model.quantity_grammar import grammar_for

        return dict(grammar_for(self.lexicon).data.magnitudes)

    @cached_property
    def annotations(self) -> list["Annotation"]:
        """Responsibility annotations (（牵头单位：…；责任单位：…）), in text order."""
        from checker.model.annotations import parse_annotations

        return parse_annotations(self)

    @cached_property
    def tokens(self) -> list[tuple[str, Span]]:
        """jieba tokens with their spans; loads jieba on first use only."""
        from checker.model.tokens import tokenize

        return tokenize(self.text)

    def tokens_in(self, start: int, end: int) -> list[tuple[str, Span]]:
        """The tokens of ``doc.tokens`` that overlap ``start..end``.  When the document has
        not been segmented yet, only the blocks around the span are (jieba segments each
        run of text between punctuation on its own, so the tokens are the same), and kept:
        a check that looks at a few places does not pay for the whole document."""
        if "tokens" in self.__dict__:
            tokens = self.tokens
            i = bisect.bisect_right(self._token_ends, start)
            out = []
            while i < len(tokens) and tokens[i][1].start < max(end, start + 1):
                out.append(tokens[i])
                i += 1
            return out
        from checker.model.tokens import tokenize

        lo, hi = self._block_around(start, end)
        if (lo, hi) not in self._token_blocks:
            self._token_blocks[lo, hi] = [(w, s.shift(lo)) for w, s in tokenize(self.text[lo:hi])]
        return [t for t in self._token_blocks[lo, hi] if t[1].start < max(end, start + 1) and t[1].end > start]

    def _block_around(self, start: int, end: int) -> tuple[int, int]:
        """``tokens.block_around``: the run of block characters holding ``start - 1``
        reaches back to the character after the last other character before it, the run
        holding ``end`` forward to the next other character; both found by a search of a
        character class (walking character by character cost the length of the block
        per question, which in a long unpunctuated text made many questions quadratic;
        finding every run of the document first cost more than the few questions)."""
        from checker.model.tokens import _BLOCK, _NOT_BLOCK

        text = self.text
        lo, hi = start, end
        if start > 0 and _BLOCK.match(text, start - 1, start):
            lo = _run_start(text, start - 1)
        if end < len(text) and _BLOCK.match(text, end, end + 1):
            found = _NOT_BLOCK.search(text, end)
            hi = found.start() if found else len(text)
        return lo, hi

    @cached_property
    def _token_ends(self) -> list[int]:
        return [span.end for _, span in self.tokens]

    # -- comparison units (the duplicate family) ----------------------------------------
    def sentence_units(self, phrases=None) -> list[list["Unit"]]:
        """Per sentence, its comparison units (``similarity.units_of`` with clauses and
        neighbouring pairs of clauses): the whole sentence first when anything is left of
        it, then its clauses, then the pairs.  A kind that compares whole sentences only
        keeps those that are not ``clause``.  Normalised once per document and list of set
        phrases (``phrases``, the compiled expression), whichever duplicate kinds run
        (``checker.model.comparison_units``)."""
        key = ("sentence", phrases)
        found = self._units.get(key)
        if found is None:
            from checker.model.comparison_units import sentence_units

            found = self._units[key] = sentence_units(self.text, self._sentence_norms, phrases)
        return found

    def paragraph_units(self, phrases=None) -> list["Unit | None"]:
        """Per paragraph, its normalised unit (``units_of`` without clauses), or None when
        nothing is left of it; once per document and list of set phrases, from the
        sentences' normalised texts where they make the paragraph's."""
        key = ("paragraph", phrases)
        found = self._units.get(key)
        if found is None:
            from checker.model.comparison_units import paragraph_units

            found = self._units[key] = paragraph_units(self.text, self.paragraphs, self.sentences,
                                                       self._sentence_norms, phrases)
        return found

    @cached_property
    def _sentence_norms(self) -> list:
        """Each sentence normalised (``comparison_units.sentence_norms``), for both unit levels."""
        from checker.model.comparison_units import sentence_norms

        return sentence_norms(self.text, self.sentences)

    def shared(self, key: tuple, build):
        """``build()``, once per document and ``key``: a result that two kinds of a run
        both need (the repeated paragraphs, found by duplicate-paragraph and skipped by
        duplicate-sentence with the paragraph rule's parameters).  ``key`` must hold all
        that the result depends on besides the document."""
        found = self._units.get(key, self._units)
        if found is self._units:
            found = self._units[key] = build()
        return found

    # -- lookups ------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        return self.source.position(offset)

    def section_at(self, offset: int) -> "Section | None":
        return self.structure.section_at(offset)

    def kind_at(self, offset: int) -> str:
        """The kind ("summary", "plan", "none") of the section holding an offset."""
        if self.kind_override:
            return self.kind_override
        section = self.section_at(offset)
        return section.kind if section else self.structure.kind

    def year_at(self, offset: int) -> int | None:
        section = self.section_at(offset)
        if section and section.year:
            return section.year
        return self.structure.year

    def paragraph_at(self, offset: int) -> "Paragraph | None":
        paras = self.paragraphs
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and paras[i].span.start <= offset <= paras[i].span.end:
            return paras[i]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.span.start for p in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.span.start for s in self.sentences]

    def sentence_at(self, offset: int) -> "Sentence | None":
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].span.start <= offset < max(self.sentences[i].span.end, offset + 1):
            return self.sentences[i]
        return None

    def sentence_text(self, index: int) -> str:
        return self.sentences[index].span.of(self.text)

    def paragraph_text(self, index: int) -> str:
        return self.paragraphs[index].span.of(self.text)


def _run_start(text: str, at: int) -> int:
    """The start of the run of block characters holding ``at``: just past the last other
    character before it, looked for in widening stretches behind it."""
    from checker.model.tokens import _NOT_BLOCK

    size = 64
    while True:
        lo = max(0, at - size)
        last = None
        for last in _NOT_BLOCK.finditer(text, lo, at):
            pass
        if last is not None:
            return last.end()
        if lo == 0:
            return 0
        size *= 4
