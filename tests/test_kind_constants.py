"""Kind modules' optional constants are read from their namespace (checker.checks.registry.
kind_constant), which is right only while no kind module computes attributes on demand."""
from __future__ import annotations

from checker.checks.registry import kind_constant, kind_table, load_kind


def test_no_kind_module_has_a_module_getattr():
    offenders = [kind for kind in kind_table() if "__getattr__" in vars(load_kind(kind))]
    assert offenders == []


def test_kind_constant_reads_what_getattr_reads():
    for kind in kind_table():
        module = load_kind(kind)
        for name, default in (("LATE", False), ("CORPUS", False), ("DEFERS_TO", ())):
            assert kind_constant(module, name, default) == getattr(module, name, default), (kind, name)
    assert any(kind_constant(load_kind(k), "DEFERS_TO", ()) for k in kind_table())
    assert any(kind_constant(load_kind(k), "LATE", False) for k in kind_table())
