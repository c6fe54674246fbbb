"""The quantity grammar's expressions kept with the validated views (``GrammarTexts``):
the texts a store hands back are those ``grammar_texts`` makes, a grammar built from them
is the grammar built from the data, and a second process reads them from the store
instead of making them."""
import marshal

from checker.engine.settings import build_settings
from checker.model import lexicon, quantity_grammar as qg


def _patterns(grammar: qg.QuantityGrammar) -> list[str]:
    return [grammar.candidates.pattern, grammar._starts.pattern, *(p.pattern for p in grammar._expr),
            *(p.pattern for p in grammar.not_quantities)]


def _fresh_store(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = lexicon._StoredViews()
    monkeypatch.setattr(lexicon, "_VIEWS", store)
    monkeypatch.setattr(lexicon, "_BUILT", {})
    return store


def test_the_stored_texts_make_the_grammar_of_the_data(monkeypatch, tmp_path):
    lex = build_settings(no_config=True).lexicon
    data = qg.data_view(lex, qg.QuantityData)
    made = qg.grammar_texts(data)
    reference = _patterns(qg.QuantityGrammar(data))
    store = _fresh_store(monkeypatch, tmp_path)
    calls = []
    real = qg.grammar_texts
    monkeypatch.setattr(qg, "grammar_texts", lambda d: calls.append(d) or real(d))
    first = qg.grammar_for(lex)
    assert len(calls) == 1
    assert _patterns(first) == reference
    kept = [view for view in store.fresh.values() if type(view) is qg.GrammarTexts]
    assert kept and lexicon._same(kept[0], made)
    store.save()
    # another process: a new store over the same folder reads the texts, nothing is made
    again = _fresh_store(monkeypatch, tmp_path)
    second = qg.grammar_for(lex)
    assert len(calls) == 1 and not any(type(v) is qg.GrammarTexts for v in again.fresh.values())
    assert _patterns(second) == _patterns(first)


def test_the_texts_survive_the_stores_round_trip():
    lex = build_settings(no_config=True).lexicon
    made = qg.grammar_texts(qg.data_view(lex, qg.QuantityData))
    data = marshal.loads(marshal.dumps(lexicon._plain(made, stored=True)))
    assert lexicon._same(lexicon._construct(qg.GrammarTexts, data), made)
    assert len(made.candidates) > 1000 and "(?P<unit>" in made.end
