"""``checker.model.quantity``'s maker text is compiled once and kept between runs of the
command line (``checker.core.code_cache.exec_kept``): the kept function is the one ``exec``
compiles, cold and read back."""
from __future__ import annotations


def test_quantity_maker_is_kept_and_is_the_compiled_one(tmp_path, monkeypatch):
    from dataclasses import fields

    from checker.core import code_cache
    from checker.model import quantity

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    values = {f.name: f.default for f in fields(quantity.Quantity)}
    values.update(span=None, text="12.5万元", value=12.5, number_text="12.5", unit="元", magnitude="万")
    expected = quantity.Quantity(**values)
    plain = None
    for round_ in range(2):
        store = code_cache._Store()
        monkeypatch.setattr(code_cache, "_STORE", store)
        monkeypatch.setattr(code_cache, "_ACTIVE", [True])       # as between install and uninstall
        made = quantity._maker(whole=True)
        assert (store.new > 0) == (round_ == 0)                  # compiled, then read back
        if plain is None:
            monkeypatch.setattr(code_cache, "_ACTIVE", [False])  # outside a run: compiled each time
            plain = quantity._maker(whole=True)
        assert made.__code__.co_code == plain.__code__.co_code and made.__name__ == "make_whole_quantity"
        assert made.__code__.co_filename == plain.__code__.co_filename == "<string>"
        built = made(dict(values))
        assert built == expected and hash(built) == hash(expected) and repr(built) == repr(expected)
        store.save()
