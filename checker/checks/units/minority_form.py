"""``minority-form``: the form of a thing that fewer places in the document use.

One idea behind several rules (Vale's "consistency"): a document writes a thing one way,
and each place that writes it the other way is reported, with the majority form and where
the document first writes it.  What "a thing" and "its form" are is the ``of`` parameter:

* ``percent-sign`` — the percent sign after a number: ``%`` or ``％``;
* ``unit-spelling`` — one unit's spellings (平方米 / ㎡), groups from the vocabulary's
  ``unit_spellings``;
* ``measure-word`` — the measure word a noun is counted with: the generic side (role
  ``generic`` of the model's table: 个) against the specific one (所, 名 …); two specific
  words say different things and are not compared.

Each ``of`` only extracts *uses* (group, form, span, fix, words for the message); choosing
the majority, breaking ties (``on_tie``), a house style's ``preferred`` forms and the report
are shared.  The kind names ``percent-sign-mix``, ``unit-spelling-mix`` and
``measure-word-mix`` are kept as aliases that imply their ``of``.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checker.core.lazy_alias import lazy_alias
from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.finding import Finding
from checker.checks.units.forms import FIRST_SEEN_ARGS, first_seen, majority, measure_table, words
from checker.model.lexicon import built_from
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any, Literal

MESSAGE_ARGS = frozenset({
    "found", "expected",                  # the form written here, the document's majority form
    "count_found", "count_expected",      # how many places use each
    "word", "noun",                       # measure-word: the word written here and the noun counted
}) | FIRST_SEEN_ARGS
MESSAGES = frozenset({"first_seen"})

if TYPE_CHECKING:
    Form = Literal["percent-sign", "unit-spelling", "measure-word"]
else:   # the same alias, made only when pydantic validates (checker.core.lazy_alias)
    Form = lazy_alias("Form", lambda t: t.Literal["percent-sign", "unit-spelling", "measure-word"])
# The older kind names, each standing for one ``of``.
ALIASES: dict[str, Form] = {"percent-sign-mix": "percent-sign", "unit-spelling-mix": "unit-spelling",
                            "measure-word-mix": "measure-word"}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    of: Form | None = None                # what is compared (implied by an alias kind name)
    # the form kept when both are used equally often (%; specific for measure words)
    on_tie: str | None = None
    # forms a house style prefers (千克, 平方米): the other forms of their group are reported
    # even where most places use them
    preferred: list[str] = Field(default_factory=list)


class Use:
    """One written form of something a document should write one way: ``group``, what is
    compared within (a unit's spellings, a noun); ``form``, how it is written here;
    ``span``, what the report underlines; ``fix``, the text with the majority form, when it
    is mechanical; ``shown``, the text the message quotes (default: the form); ``word``,
    the measure word written (measure-word only); ``first_text``, what the first-seen note
    quotes when this is the majority's first use; ``label``, the form as the message names
    it (measure-word: the words of a side)."""

    # A plain class, not a dataclass: read and set by attribute only (never compared,
    # hashed or copied), and a dataclass is ~0.2 ms of a fresh process to make.
    __slots__ = ("group", "form", "span", "fix", "shown", "word", "first_text", "label", "extra")

    def __init__(self, group: Any, form: str, span: Span, fix: str | None = None, shown: str = "", word: str = "",
                 first_text: str = "", label: str = "", extra: dict | None = None) -> None:
        self.group = group
        self.form = form
        self.span = span
        self.fix = fix
        self.shown = shown
        self.word = word
        self.first_text = first_text
        self.label = label
        self.extra = {} if extra is None else extra


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    of = params.of or ALIASES[rule.kind]
    uses: dict[Any, list[Use]] = defaultdict(list)
    for use in _EXTRACT[of](doc, rule):
        uses[use.group].append(use)
    for group, items in uses.items():
        forms = [u.form for u in items]
        preferred = [f for f in params.preferred if f in _preferred_group(params, items)]
        expected = preferred[0] if preferred else majority(forms, prefer=lambda f: 0 if f == _tie(params, of) else 1)
        if all(f == expected for f in forms):
            continue
        majority_uses = [u for u in items if u.form == expected]
        first = majority_uses[0] if majority_uses else None
        label = _label(of, rule, majority_uses, expected)
        note = first_seen(doc, first.span.start, first.first_text or expected) if first else {}
        for use in items:
            if use.form == expected:
                continue
            args = {"found": use.shown or use.form, "expected": label, "count_found": forms.count(use.form),
                    "count_expected": forms.count(expected), "word": use.word, "noun": group, **note}
            yield Finding(use.span, args=args, fix=_fix(use, expected) if of != "measure-word" else None,
                          note="first_seen" if first else None)


def _tie(params: Params, of: Form) -> str:
    return params.on_tie or ("%" if of == "percent-sign" else "specific" if of == "measure-word" else "")


def _preferred_group(params: Params, items: list[Use]) -> set[str]:
    """The preferred forms that belong to this group (a house style names forms of many)."""
    members = items[0].extra.get("members", frozenset())
    return {f for f in params.preferred if f in members}


def _label(of: Form, rule, majority_uses: list[Use], expected: str) -> str:
    if of == "measure-word":
        separator = words(rule).list_separator
        return separator.join(dict.fromkeys(u.word for u in majority_uses)) or expected
    return expected


def _fix(use: Use, expected: str) -> str | None:
    return use.fix.replace("\0", expected) if use.fix else expected


# -- what each ``of`` compares ------------------------------------------------------------
# A number and its percent sign.  The number must not continue a code or a URL
# (``%E4%B8`` and ``abc%20`` are percent-encoding, not percentages).
_PERCENT = compile_skipping(
    r"(?<![0-9０-９A-Za-z.．%％])"
    r"(?P<number>[0-9０-９]+(?:[.．][0-9０-９]+)?)"
    r"(?P<space>[ \u3000]?)"
    r"(?P<sign>[%％])"
    r"(?![0-9A-Fa-f]{2})"
)


def _percent_signs(doc, rule) -> Iterator[Use]:
    members = frozenset({"%", "％"})
    for m in literal_scan(_PERCENT).finditer(doc.text):
        yield Use("percent", m.group("sign"), Span(m.start(), m.end()),
                  fix=m.group("number") + m.group("space") + "\0", extra={"members": members})


def _spelling_groups(spellings: list[list[str]]) -> dict[str, int]:
    return {spelling: i for i, group in enumerate(spellings) for spelling in group}


def _unit_spellings(doc, rule) -> Iterator[Use]:
    spellings = words(rule).unit_spellings
    group_of = built_from(rule.vocabulary, "minority-form-spellings", lambda _: _spelling_groups(spellings))
    members = {i: frozenset(g) for i, g in enumerate(spellings)}
    for q in doc.quantities:
        if q.unit_span is not None and q.unit in group_of:
            group = group_of[q.unit]
            yield Use(group, q.unit, q.unit_span, extra={"members": members[group]})


def _measure_words(doc, rule) -> Iterator[Use]:
    table = measure_table(doc, rule)
    generic = set(table.table.with_role("generic"))
    text = doc.text
    for q in doc.quantities:
        if q.unit_span is None or q.unit_kind != "count":
            continue
        nouns = table.nouns_after(text, q.unit_span.end)
        # The head (last) noun that takes the measure word is the one counted: 3个学校党支部.
        counted = next(((noun, end) for noun, end in reversed(nouns or []) if q.unit in table.fits[noun]), None)
        if counted is None:
            continue
        noun, end = counted
        span = Span(q.number_span.start, end)
        yield Use(noun, "generic" if q.unit in generic else "specific", span, shown=span.of(text), word=q.unit,
                  first_text=text[q.number_span.start:end], extra={"members": frozenset({"generic", "specific"})})


_EXTRACT = {"percent-sign": _percent_signs, "unit-spelling": _unit_spellings, "measure-word": _measure_words}
