"""Helpers for unit tests of rules: lint a text with one rule and assert where it fires."""
from __future__ import annotations

from functools import lru_cache

from checker.checks.registry import load_kind
from checker.engine.runner import corpus_violations, lint_source
from checker.engine.settings import Settings, build_settings
from checker.engine.violation import Violation
from checker.sources.read import adapt_text, format_for


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    return build_settings(no_config=True)


@lru_cache(maxsize=1)
def every_rule() -> list:
    """All shipped rules, including those shipped off (their examples are tests too)."""
    from checker.checks.registry import load_bound_rules
    from checker.rules.loader import builtin_rules_dir

    return load_bound_rules([builtin_rules_dir()], default_settings().vocabularies)


@lru_cache(maxsize=None)
def settings_for(rule_id: str) -> Settings:
    base = default_settings()
    rules = [r for r in every_rule() if r.id == rule_id]
    if not rules:
        raise KeyError(f"no rule {rule_id!r} in the default rule set")
    return Settings(rules=rules, lexicon=base.lexicon, vocabularies=base.vocabularies, config=base.config,
                    root=base.root)


def lint(text: str, rule_id: str | None = None, path: str = "<text>", data: dict | None = None) -> list[Violation]:
    """Violations of one rule (or of every default rule) on ``text``; ``data`` extends the
    vocabularies as `.gwlint.yaml` `data:` would (``{namespace: {key: value}}``)."""
    settings = settings_for(rule_id) if rule_id else default_settings()
    if data:
        vocabularies = settings.vocabularies.extended(data, "<test data>")
        settings = Settings(rules=[r.with_changes(vocabularies=vocabularies) for r in settings.rules],
                            lexicon=vocabularies.model, vocabularies=vocabularies,
                            config=settings.config, root=settings.root)
    if rule_id and any(getattr(load_kind(r.kind), "CORPUS", False) for r in settings.rules):
        # A corpus rule compares documents: its examples are documents separated by `---`.
        texts = text.split("\n---\n")
        results = [lint_source(adapt_text(t, f"{path}#{i}", format_for(path)), settings)
                   for i, t in enumerate(texts, 1)]
        assert not [e for r in results for e in r.errors]
        found = [v for r in results for v in r.violations] + corpus_violations(results, settings)
        return sorted(found, key=Violation.sort_key)
    source = adapt_text(text, path, format_for(path))
    result = lint_source(source, settings)
    assert not result.errors, result.errors
    return sorted(result.violations, key=Violation.sort_key)


def assert_violations(text: str, rule_id: str, *positions: tuple[int, int], path: str = "<text>") -> None:
    """Assert that ``rule_id`` fires exactly at these (line, column) positions."""
    got = [(v.line, v.column) for v in lint(text, rule_id, path) if v.rule == rule_id]
    assert got == list(positions), f"{rule_id}: expected {list(positions)}, got {got}"
