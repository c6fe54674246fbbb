"""The Python API for tools that embed the checker (the language server, tests, scripts)."""
from __future__ import annotations

from checker.config.schema import Config
from checker.engine.problems import RunError
from checker.engine.runner import corpus_violations, lint_source, run_paths
from checker.engine.settings import Settings, build_settings
from checker.engine.violation import Violation
from checker.sources.discover import discover
from checker.sources.walk import skipped_message
from checker.sources.errors import InputError
from checker.sources.read import adapt_text, format_for


def _settings(config: Config | Settings | None) -> Settings:
    if isinstance(config, Settings):
        return config
    return build_settings(config=config) if config is not None else build_settings()


def check_text(text: str, path: str | None = None, config: Config | Settings | None = None) -> list[Violation]:
    """Check one document given as text; ``path`` names it (and picks Markdown for .md)."""
    settings = _settings(config)
    name = path or "<text>"
    source = adapt_text(text, name, format_for(name) if path else "text")
    has_reference = bool(settings.config.duplicates.reference)
    result = lint_source(source, settings, collect=has_reference)
    if has_reference:
        result.violations.extend(corpus_violations([result], settings))
    if result.errors:
        raise RuntimeError("; ".join(result.errors))
    return sorted(result.violations, key=Violation.sort_key)


def check_paths(paths: list[str], config: Config | Settings | None = None, jobs: int | None = None) -> list[Violation]:
    """Check files and directories; input errors raise InputError after all files ran."""
    settings = _settings(config)
    skipped: list[tuple[str, str]] = []
    files = discover(list(paths), settings.config.include, settings.config.exclude, settings.root,
                     respect_gitignore=settings.config.respect_gitignore, skipped=skipped)
    run = run_paths(files, settings, jobs)
    run.errors = [RunError(p, skipped_message(kind)) for p, kind in skipped] + run.errors
    if run.errors:
        first = RunError.of(run.errors[0])
        raise InputError(first.path, first.message)
    return run.violations
