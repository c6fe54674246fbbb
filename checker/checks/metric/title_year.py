"""The year a title names against the year the text reports on.

Under a page's title and furniture, the document's own title (``_own_title``: the last short,
unnumbered line without statement punctuation naming a summary and a year before the
opening) is the one the ``body`` check compares with; a summary joined to a plan admits
an opening on either of its years.

Two checks (``check``):

The title is the document's (``doc.structure``), or, in a web copy whose first line runs
on into the text, that line's head up to its first blank or clause mark.

* ``repeated``: a title joining a summary and a plan names one year for both —
  ``2022年工作总结及2022年工作计划`` — where the plan is for the year after (a template's
  year replaced throughout).  Titles that split a year (上半年…下半年, a quarter) pass.
* ``body``: a summary titled for one year whose text opens on another — ``2021年…工作
  总结`` over ``一、2020年水利工作情况`` or ``2020年，我局…`` — is last year's text under
  a new title.  The opening is the first body paragraph (copies of the title and site
  text skipped) that starts with a year; a range of years (2016—2020年) is no opening.
* ``heading``: the text restates its own title under another year — ``2023年…工作计划``
  over ``中心小学2027年度学校工作计划`` (a page number of a converted PDF may stand before
  it).  The restated heading names the same genre as the title part it is compared
  with (a plan's heading with the plan's year, a summary's with the summary's), and
  ends at a blank or the paragraph's end; so a plan that reviews last year first
  (``一、2022年工作回顾``, ``2022年工作总结``) and a heading that goes on
  (``2022年工作计划完成情况``) pass.

Words come from the family vocabulary (``metric_*`` of rules/metric/vocabulary.yaml).
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.model.lexicon import data_view
from checker.model.markers import marker_at
from checker.model.span import Span
from checker.core.skipping_re import compile_skipping

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = frozenset({
    "year",        # the year of the summary in the title: 2021
    "other",       # the other year: the plan's in the title, the body's opening year
    "opening",     # the body's opening words: 一、2020年水利工作情况
})

_YEAR = compile_skipping(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


class TitleData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    metric_summary_words: list[str] = Field(default_factory=list)
    metric_plan_words: list[str] = Field(default_factory=list)
    metric_title_joiners: list[str] = Field(default_factory=list)
    metric_split_year_words: list[str] = Field(default_factory=list)
    metric_opening_pattern: str = ""
    metric_heading_pattern: str = ""


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # repeated: a title year written again differently; body: the year the opening reports on
    check: Literal["repeated", "body", "heading"]
    opening_paragraphs: int = Field(3, ge=1)   # body paragraphs searched for the opening year
    # body: a line up to this long, not numbered, without statement punctuation, naming a
    # summary and its year, before the opening is the document's own title (under a page's)
    title_max_length: int = Field(40, ge=1)


@lru_cache(maxsize=8)
def _opening(pattern: str) -> re.Pattern[str] | None:
    return compile_skipping(pattern) if pattern else None


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    data = data_view(rule.vocabulary, TitleData)
    structure = doc.structure
    title, span = structure.title, structure.title_span
    if not title or span is None:
        title, span = _run_in_title(doc)
        if not title:
            return
    if any(w in title for w in data.metric_split_year_words):
        return
    if params.check == "heading":
        yield from _heading(doc, title, span, data, params)
        return
    if params.check == "body":
        own = _own_title(doc, title, span, data, params)
        if own is not None:
            title, span = own
    parts = _parts(title, data)
    if parts is None:
        return
    (head, head_at), (tail, tail_at) = parts
    summary_year = _year(head)
    if params.check == "repeated":
        plan_year = _year(tail)
        if summary_year and plan_year and summary_year[0] == plan_year[0]:
            at = span.start + tail_at + plan_year[1]
            yield Finding(Span(at, at + 4), args={"year": summary_year[0], "other": plan_year[0], "opening": ""})
        return
    if not summary_year:
        return
    found = _body_year(doc, title, span, data, params)
    # a summary joined to a plan (2021年工作总结和2022年工作计划) may open on either year
    plan_year = _year(tail) if any(w in tail for w in data.metric_plan_words) else None
    if found is not None and found[0] != summary_year[0] and (plan_year is None or found[0] != plan_year[0]):
        year, where, opening = found
        yield Finding(Span(where, where + 4), args={"year": summary_year[0], "other": year, "opening": opening})


def _run_in_title(doc) -> tuple[str, Span | None]:
    """A title run into the text of the first line (a web copy without line breaks):
    the line's head up to the first blank or clause mark, when short enough."""
    if not doc.paragraphs:
        return "", None
    first = doc.paragraphs[0].span
    line = first.of(doc.folded_text)
    match = re.match(r"[^\s，。；：,;:]{4,40}(?=[\s，。；：,;:])", line)
    if match is None:
        return "", None
    return match.group(), Span(first.start, first.start + match.end())


def _parts(title: str, data: TitleData):
    """The summary part and the plan part of the title (plan part empty for a summary
    alone), with their offsets; None when the title names no summary."""
    summary = [title.find(w) for w in data.metric_summary_words if w in title]
    if not summary:
        return None
    s_at = min(summary)
    for joiner in sorted(data.metric_title_joiners, key=len, reverse=True):
        j = title.find(joiner, s_at)
        if j < 0:
            continue
        tail = title[j + len(joiner):]
        if any(w in tail for w in data.metric_plan_words):
            return (title[:j], 0), (tail, j + len(joiner))
    return (title, 0), ("", len(title))


def _year(text: str):
    match = _YEAR.search(text)
    return (match.group(1), match.start()) if match else None


def _body_year(doc, title: str, span: Span, data: TitleData, params: Params):
    """(year, offset, opening words) of the first body paragraph that opens on a year."""
    pattern = _opening(data.metric_opening_pattern)
    if pattern is None:
        return None
    for para, body in _opening_paragraphs(doc, title, span, params.opening_paragraphs):
        match = pattern.match(body)
        if match is not None:
            return match.group("year"), para.span.start + match.start("year"), body.strip()[:20]
    return None


def _opening_paragraphs(doc, title: str, span: Span, limit: int):
    """(paragraph, its text) for the first ``limit`` body paragraphs after the title, passing
    over blank lines and the title printed again (a site prints it twice)."""
    text = doc.folded_text
    core = _core(title)
    seen = 0
    for para in doc.paragraphs:
        if para.span.start < span.end:
            continue
        body = para.span.of(text)
        stripped = body.strip()
        if not stripped or (core and core in stripped.replace(" ", "")):
            continue
        yield para, body
        seen += 1
        if seen >= limit:
            return


def _own_title(doc, title: str, span: Span, data: TitleData, params: Params) -> tuple[str, Span] | None:
    """The document's own title under the page's (a site prints its page title, its
    furniture, then the document with its own title): the last title-shaped line before
    the body's opening — not numbered, short, no statement punctuation, naming a summary
    and a year.  None when there is none."""
    pattern = _opening(data.metric_opening_pattern)
    text = doc.folded_text
    core = _core(title)
    seen = 0
    own = None
    for para in doc.paragraphs:
        if para.span.start < span.end:
            continue
        body = para.span.of(text)
        stripped = body.strip()
        if not stripped or (core and core in stripped.replace(" ", "")):
            continue
        if _title_shaped(doc, stripped, para, data, params):
            own = (stripped, para.span)
            continue
        if pattern is not None and pattern.match(body) is not None:
            break
        seen += 1
        if seen >= params.opening_paragraphs:
            break
    return own


# What a statement holds and a title does not.
_STATEMENT_MARKS = frozenset("。，；！？,;!?")


def _title_shaped(doc, line: str, para, data: TitleData, params: Params) -> bool:
    if len(line) > params.title_max_length or any(ch in _STATEMENT_MARKS for ch in line):
        return False
    if marker_at(doc.text, para.span.start):
        return False          # a numbered section heading (一、2020年工作情况) is no title
    parts = _parts(line, data)
    return parts is not None and _year(parts[0][0]) is not None


def _core(title: str) -> str:
    """The title without blanks and file-name tails, to recognise its copies."""
    core = title.replace(" ", "").replace("\u3000", "")
    core = re.sub(r"\.[A-Za-z]{2,4}$", "", core)
    return core[-12:] if len(core) >= 12 else core


def _genre_years(title: str, data: TitleData) -> dict[str, str]:
    """The year of each genre the title names: {"summary": 2021, "plan": 2022} for a
    summary joined to a plan, {"plan": 2023} for a plan alone."""
    years: dict[str, str] = {}
    parts = _parts(title, data)
    if parts is not None:
        (head, _), (tail, _) = parts
        summary = _year(head)
        if summary:
            years["summary"] = summary[0]
        plan = _year(tail)
        if plan and any(w in tail for w in data.metric_plan_words):
            years["plan"] = plan[0]
    elif any(w in title for w in data.metric_plan_words):
        plan = _year(title)
        if plan:
            years["plan"] = plan[0]
    return years


def _heading(doc, title: str, span: Span, data: TitleData, params: Params) -> Iterator[Finding]:
    """The first body paragraphs restating the title's heading under another year."""
    pattern = _opening(data.metric_heading_pattern)
    if pattern is None:
        return
    years = _genre_years(title, data)
    if not years:
        return
    for para, body in _opening_paragraphs(doc, title, span, params.opening_paragraphs):
        match = pattern.match(body)
        if match is not None:
            genre = match.group("genre")
            kind = "summary" if any(w in genre for w in data.metric_summary_words) else (
                "plan" if any(w in genre for w in data.metric_plan_words) else "")
            year = match.group("year")
            if kind in years and year != years[kind]:
                at = para.span.start + match.start("year")
                opening = re.sub(r"\s+", "", match.group(0))
                opening = re.sub(r"^[-\uff0d\u2014][0-9]+[-\uff0d\u2014]", "", opening)  # a page number
                yield Finding(Span(at, at + 4), args={"year": years[kind], "other": year, "opening": opening})
            return
