"""Kinds without parameters share one ``Params`` (checker.checks.no_params, issue 11): it
refuses any parameter as each kind's own empty class did."""
from __future__ import annotations

import pytest

from checker.checks.no_params import Params
from checker.checks.registry import kind_table, load_kind
from checker.core.errors import ConfigError
from checker.rules.loader import validate_params

# the families whose kinds take the shared class (the others' may follow)
_FAMILIES = ("gb_15834", "gb_15835", "gb_3100", "gb_9704", "numbering", "numbers", "percent", "punctuation",
             "leftovers", "terminology", "responsibility", "stale", "suppressions")


def _kinds():
    return [kind for kind, module in kind_table().items() if module.split(".")[2] in _FAMILIES]


def test_a_kind_without_parameters_takes_the_shared_class():
    shared = []
    for kind in _kinds():
        params = load_kind(kind).Params
        if not params.model_fields:
            assert params is Params, f"{kind} declares an empty Params of its own"
            shared.append(kind)
    assert "number-letter" in shared and "unused-suppression" in shared


def test_the_shared_class_refuses_any_parameter():
    module = load_kind("number-letter")
    made = validate_params("pack.yaml", "r1", module, {})
    assert type(made) is Params and made.model_dump() == {} and made.model_fields_set == set()
    with pytest.raises(ConfigError, match=r"field 'params\.x': unknown key"):
        validate_params("pack.yaml", "r1", module, {"x": 1})
