"""Check kinds: one module per kind, each a pure function of document and rule.

A kind module defines:

* ``Params`` — a pydantic model (``extra="forbid"``) of the kind's parameters;
* ``MESSAGE_ARGS`` — the names its findings provide to message templates;
* ``check(doc, rule) -> Iterator[Finding]``.

A kind that compares documents with each other (cross-document duplicates) may also set
``CORPUS = True`` and define ``collect(doc, rule)`` (a picklable summary of one document)
and ``check_corpus(summaries, rule) -> Iterator[CorpusFinding]``.
"""
