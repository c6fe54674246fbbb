"""Kind ``typo-traditional``: traditional characters left in a simplified document.

A converter's leftovers (後, 裏, 會) or text pasted from a traditional source.  The table
(the vocabulary's ``traditional``, from OpenCC) holds only characters that a simplified
text never uses (於, 乾, 著 are also simplified characters and are not listed).  One
report per paragraph, spanning its first to its last traditional character, with the
simplified form as the fix.  A document written mostly in traditional characters is not
simplified text and is left alone.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.typo.vocabulary import vocabulary
from checker.model.lexicon import built_from
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

MESSAGE_ARGS = frozenset({"found", "right", "count"})

_HAN = compile_skipping(f"[{chr(0x4E00)}-{chr(0x9FFF)}]")       # the CJK Unified Ideographs block


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # a document whose Han characters are more than this share traditional is traditional text
    # (about a third of the characters of such a text differ): it is left alone
    max_traditional_share: float = Field(0.1, ge=0, le=1)
    # ... and has at least this many of them (a short simplified text with a few leftovers
    # is still simplified)
    min_traditional_count: int = Field(20, ge=1)
    fix: bool = True  # offer the standard form as a --fix replacement


def class_for(rule) -> re.Pattern[str] | None:
    """One character class of every traditional character of the table (None: no table),
    made from the keys alone: the order and repeats of the characters in a class change
    nothing it matches (``re`` compiles a class to the set of its characters)."""
    def build(lexicon):
        keys = vocabulary(lexicon).traditional_keys
        if not keys:
            return None
        # re.escape escapes character by character: one call over the joined characters
        # gives the text a call per character gave (thousands of calls, 2-5 ms fresh)
        return compile_skipping("[" + _escaped(keys) + "]")

    return built_from(rule.vocabulary, ("typo-traditional-class",), build)


def translation_for(rule) -> dict[int, str]:
    """``str.maketrans`` of the table: made when a document holds a traditional character."""
    return built_from(rule.vocabulary, ("typo-traditional-translation",),
                      lambda lexicon: str.maketrans(vocabulary(lexicon).traditional_map))


def _escaped(text: str) -> str:
    """``re.escape(text)``: re.escape changes only ASCII characters, so a text whose ASCII
    characters need none is itself (its per-character look-up over 3,500 Han characters
    was 2.7 M instructions)."""
    ascii_part = text.encode("ascii", "ignore").decode("ascii")
    return text if re.escape(ascii_part) == ascii_part else re.escape(text)


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    if not doc.text:
        return      # a character class finds nothing in no text: the table is not built
    regex = class_for(rule)
    if regex is None:
        return
    text = doc.text
    found = [m.start() for m in regex.finditer(text)]
    if not found:
        return
    han = len(_HAN.findall(text))
    if han and len(found) / han > params.max_traditional_share and len(found) >= params.min_traditional_count:
        return
    i = 0
    for para in doc.paragraphs:
        here = []
        while i < len(found) and found[i] < para.span.end:
            if found[i] >= para.span.start:
                here.append(found[i])
            i += 1
        if not here:
            continue
        start, end = here[0], here[-1] + 1
        table = translation_for(rule)
        chars = "".join(dict.fromkeys(text[k] for k in here))
        yield Finding(Span(start, end),
                      args={"found": chars, "right": chars.translate(table),
                            "count": len(here)},
                      fix=text[start:end].translate(table) if params.fix else None)
