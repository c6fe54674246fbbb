"""GB/T 9704-2012 党政机关公文格式, its text-level elements: the 发文字号, the order of
heading levels, the 主送机关 line, the 附件说明 and the attachments, the 成文日期 and
印发日期, the 附注 and the 抄送 line.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.core.plain_model import BaseModel, ConfigDict, Field, field_validator

from checker.model.lexicon import data_view
from checker.core.skipping_re import compile_skipping

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "gb-doc-number": "doc_number",
    "gb-heading-levels": "heading_levels",
    "gb-addressee": "addressee",
    "gb-attachment-note": "attachments",
    "gb-attachment-match": "attachments",
    "gb-date-line": "date_line",
    "gb-annotation": "annotation",
    "gb-cc-line": "cc_line",
}


class Vocabulary(BaseModel):
    """rules/gb-9704/vocabulary.yaml, validated (each key is documented there)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    doc_number: str = ""
    doc_number_brackets: list[str] = Field(default_factory=list)
    doc_number_ordinal: str = ""
    doc_code_endings: list[str] = Field(default_factory=list)
    doc_number_not_before: list[str] = Field(default_factory=list)
    date_line: str = ""
    date_words: list[str] = Field(default_factory=list)
    addressee_starts: list[str] = Field(default_factory=list)
    addressee_endings: list[str] = Field(default_factory=list)
    addressee_separators: list[str] = Field(default_factory=list)
    addressee_colon: str = ""
    addressee_max_length: int = 80
    attachment_note: str = ""
    attachment_heading: str = ""
    attachment_item: str = ""
    attachment_end_marks: list[str] = Field(default_factory=list)
    annotation_starts: list[str] = Field(default_factory=list)
    annotation_brackets: list[str] = Field(default_factory=list)
    cc_line: str = ""
    cc_end: str = ""
    heading_ranks: dict[str, int] = Field(default_factory=dict)

    def regex(self, name: str) -> "re.Pattern[str] | None":
        pattern = getattr(self, name)
        return _compile(pattern, re.MULTILINE) if pattern else None

    @field_validator("doc_number", "date_line", "attachment_note", "attachment_heading",
                     "attachment_item", "cc_line")
    @classmethod
    def _compiles(cls, value: str) -> str:
        if value:
            _compile(value, re.MULTILINE)   # a bad pattern fails at load, naming its key
        return value


@lru_cache(maxsize=64)
def _compile(pattern: str, flags: int) -> "re.Pattern[str]":
    return compile_skipping(pattern, flags)


def vocabulary(rule) -> Vocabulary:
    return data_view(rule.vocabulary, Vocabulary)
