"""GB/T 15834-2011 标点符号用法: the forms and uses of the marks, beyond pairing and width
(punctuation family): the ellipsis, quotes inside quotes, the 顿号 between titles and
quotations, and 书名号 around names that are not works.
"""
from __future__ import annotations

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import data_view

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "gb-ellipsis": "ellipsis",
    "gb-nested-quotes": "nested_quotes",
    "gb-title-dunhao": "title_dunhao",
    "gb-title-scope": "title_scope",
}


class Vocabulary(BaseModel):
    """rules/gb-15834/vocabulary.yaml, validated (each key is documented there)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    not_work_endings: list[str] = Field(default_factory=list)
    work_titles: list[str] = Field(default_factory=list)


def vocabulary(rule) -> Vocabulary:
    return data_view(rule.vocabulary, Vocabulary)
