"""The one explicit table of check kinds: kind name -> module.

Modules are imported on first use, so a run pays only for the kinds its rules use.
Add a kind: write ``checker/checks/<module>.py`` and add one line here.
"""
from __future__ import annotations

import importlib
from types import ModuleType

KINDS: dict[str, str] = {
    # kind name              module under checker.checks
    "duplicate-sentence": "duplicate_sentence",
    "duplicate-paragraph": "duplicate_paragraph",
    "duplicate-corpus": "duplicate_corpus",
    "stutter": "stutter",
    "numbering-sequence": "numbering",
    "numbering-style": "numbering_style",
    "numbering-inline": "numbering_inline",
    "rate-bound": "rate_bound",
    "decrease-bound": "decrease_bound",
    "range-order": "range_order",
    "rate-change": "rate_change",
    "percent-sign-mix": "unit_percent_sign",
    "magnitude-mix": "unit_magnitude_mix",
    "bare-magnitude": "unit_bare_magnitude",
    "fractional-count": "unit_fractional_count",
    "measure-word-fit": "unit_measure_fit",
    "measure-word-mix": "unit_measure_mix",
    "unit-spelling-mix": "unit_spelling_mix",
    "responsibility-missing": "responsibility_missing",
    "responsibility-lead": "responsibility_lead",
    "responsibility-fields": "responsibility_fields",
    "responsibility-variants": "responsibility_variants",
    "responsibility-registry": "responsibility_registry",
    "count-list": "count_list",
    "count-respectively": "count_respectively",
    "arith-parts": "arith_parts",
    "arith-growth": "arith_growth",
    "arith-share": "arith_share",
    "arith-difference": "arith_difference",
    "metric-conflict": "metric_conflict",
    "pattern": "pattern",
    "substitution": "substitution",
    "punct-balance": "punct_balance",
    "punct-halfwidth": "punct_halfwidth",
    "punct-range-mark": "punct_range",
    "number-letter": "number_letter",
    "number-approx-redundant": "number_approx",
    "number-exact-approx": "number_exact_approx",
    "number-space": "number_space",
    "stale-event": "stale_event",
    "stale-period": "stale_period",
    "stale-future-year": "stale_future",
    "stale-milestone": "stale_milestone",
}


class UnknownKind(KeyError):
    pass


def load_kind(name: str) -> ModuleType:
    try:
        module_name = KINDS[name]
    except KeyError:
        raise UnknownKind(f"unknown kind {name!r}; valid kinds: {', '.join(sorted(KINDS))}") from None
    return importlib.import_module(f"checker.checks.{module_name}")
