"""What runs in Spark's executors: lint one document with the CLI's own engine code.

The driver resolves the settings once (configuration, rule packs, data, --select/--ignore)
and broadcasts them; each Python worker unpickles them once (PySpark keeps a broadcast's
value per worker) and calls ``checker.engine.runner.lint_source`` on every document of
its partitions, exactly as `gwlint check`'s worker processes do.  Nothing here knows a
rule: a document yields its violations, its input errors and, for each cross-document
rule, its sentence fingerprints (the kind's own ``collect``).
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from checker.engine.runner import lint_source
from checker.spark.paths import Input, Located, locate, selected

# One document's result, as plain tuples (cheap to pickle between the JVM and Python):
#   (path, order, reported, violations, errors, fingerprints, directives, unused_pending)
# violations: tuples of VIOLATION_FIELDS; fingerprints: {rule id: [entry row, ...]} with
# entry rows (e, line, column, end_line, end_column, excerpt, norm, band keys);
# directives: the document's suppression directives, which may still silence its
# cross-document findings (unused_pending: their unused-directive reports wait for that).
VIOLATION_FIELDS = ("path", "line", "column", "end_line", "end_column", "rule", "category",
                    "severity", "message", "excerpt", "context")


def violation_row(v) -> tuple:
    return (v.path, v.line, v.column, v.end_line, v.end_column, v.rule, v.category, v.severity,
            v.message, v.excerpt, v.context)


def fingerprint_rows(summary) -> list[tuple]:
    """A duplicate kind's Fingerprints as rows: position, excerpt, normalised text and the
    MinHash band keys (the last one: the exact text's key), as computed by the kind."""
    if not summary.entries:
        return []
    keys = summary.key_array().tolist()
    return [(e, entry[0], entry[1], entry[2], entry[3], entry[4], entry[5], keys[e])
            for e, entry in enumerate(summary.entries)]


def order_of(found: Located, root, order_key) -> str:
    """The document's place in the cross-document order, as the kind computes it."""
    return order_key(found.local, root) if found.local is not None else found.path


def lint_partition(rows: Iterable[Any], settings_bc, inputs: list[Input]) -> Iterator[tuple]:
    """mapPartitions body over (path URI, content) rows of the documents to check."""
    from checker.checks.duplicates.corpus import order_key
    from checker.sources.errors import InputError
    from checker.sources.read import read_bytes

    settings = settings_bc.value
    include, exclude, root = settings.config.include, settings.config.exclude, settings.root
    for uri, content in rows:
        found = locate(uri, inputs)
        if not selected(found, include, exclude, root):
            continue
        order = order_of(found, root, order_key)
        try:
            source = read_bytes(bytes(content), found.path)
        except InputError as exc:
            yield (found.path, order, True, [], [str(exc)], {}, [], False)
            continue
        result = lint_source(source, settings, collect=True, defer_unused=True)
        yield (found.path, order, True, [violation_row(v) for v in result.violations], result.errors,
               {rule_id: fingerprint_rows(summary) for rule_id, summary in result.corpus.items()},
               result.suppressions, result.unused_pending)


def settle_partition(items: Iterable[Any], settings_bc, baseline_bc) -> Iterator[tuple]:
    """The last step, per document: its cross-document findings meet its own directives
    (the engine's ``settle_document``), then ``--baseline`` drops what it records, in
    the CLI's order.  ``items``: (path, (document results, cross-document rows))."""
    from checker.engine.baseline import filter_new
    from checker.engine.lint import FileResult
    from checker.engine.runner import settle_document
    from checker.engine.violation import Violation

    settings = settings_bc.value
    for path, (documents, found) in items:
        found = [Violation(*row[:10], context=row[10]) for row in found]
        for document in documents:
            result = FileResult(path, suppressions=document[6], unused_pending=document[7])
            violations = [Violation(*row[:10], context=row[10]) for row in document[3]]
            violations += settle_document(result, found, settings)
            if baseline_bc is not None:
                from collections import Counter
                from pathlib import Path

                known = baseline_bc.value.get(Path(path).as_posix(), Counter())
                violations = filter_new(sorted(violations, key=Violation.sort_key), known)
            yield from (violation_row(v) for v in violations)


def reference_partition(rows: Iterable[Any], settings_bc, corpus_rule_ids: list[str]) -> Iterator[tuple]:
    """mapPartitions body over the reference documents (``duplicates: reference``): they
    take part in the comparison, unreported, named by their path relative to the
    configuration's folder, as ``checker.engine.reference_index`` names them."""
    from pathlib import Path

    from checker.engine.settings import relative_to
    from checker.model.document import Document
    from checker.core.errors import ConfigError
    from checker.sources.errors import InputError
    from checker.sources.read import read_bytes
    from checker.spark.paths import local_path

    settings = settings_bc.value
    rules = [r for r in settings.rules if r.id in corpus_rule_ids]
    from checker.checks.registry import load_kind

    for uri, content in rows:
        local = local_path(uri)
        if local is None:
            raise ConfigError(f"{uri}: reference documents must be local files")
        rel = relative_to(local, Path(settings.root))
        try:
            source = read_bytes(bytes(content), str(Path(local).resolve()))
        except InputError:
            continue        # the CLI's index skips an unreadable reference too
        doc = Document(source, settings.lexicon, settings.kind_for(str(Path(local).resolve())))
        yield (rel, rel, False, [], [],
               {rule.id: fingerprint_rows(load_kind(rule.kind).collect(doc, rule)) for rule in rules}, [], False)
