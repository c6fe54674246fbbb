"""Check kinds, grouped in families: ``checker/checks/<family>/`` beside ``rules/<family>/``.

A family package lists its kinds in ``KINDS = {"kind-name": "module"}``; the registry
(``checker.checks.registry``) finds the families by walking this package.  A kind module
defines:

* ``Params`` — a pydantic model (``extra="forbid"``) of the kind's thresholds and switches;
* ``MESSAGE_ARGS`` — the names its findings provide to message templates;
* ``MESSAGES`` (optional) — the names of the templates of the rule's ``messages:`` map
  that it fills itself (``rule.fill(name, **args)``: a detail chosen among several, a
  note on another place), so that every word of a message stays in the pack;
* ``check(doc, rule) -> Iterator[Finding]`` — reads ``doc.*`` and ``rule.vocabulary`` only.

A kind whose findings another kind's may cover (a sentence of a repeated paragraph) may
set ``DEFERS_TO`` (kind names): the rules of those kinds that run on the same document
are then in ``rule.defers_to``, and the kind leaves to them what they report.

A kind that compares documents with each other (cross-document duplicates) also sets
``CORPUS = True`` and defines ``collect(doc, rule)`` (a picklable summary of one document)
and ``check_corpus(summaries, rule, settings, references) -> Iterator[CorpusFinding]``,
where ``references`` are the reference documents' summaries that the engine's index supplies.
"""
