"""Check kinds, grouped in families: ``checker/checks/<family>/`` beside ``rules/<family>/``.

A family package lists its kinds in ``KINDS = {"kind-name": "module"}``; the registry
(``checker.checks.registry``) finds the families by walking this package.  A kind module
defines:

* ``Params`` — a pydantic model (``extra="forbid"``) of the kind's thresholds and switches;
* ``MESSAGE_ARGS`` — the names its findings provide to message templates;
* ``check(doc, rule) -> Iterator[Finding]`` — reads ``doc.*`` and ``rule.vocabulary`` only;
* optionally ``MESSAGES`` — names of templates the rule's pack must give in its
  ``messages:`` map (a function of the rule's params when that depends on them): a finding
  names the one it uses (``Finding.message``, ``Finding.note``), or the kind fills a part of
  a message with ``rule.fill(name, **args)``, so every word of a message stays in the pack.

A kind whose findings another kind's may cover (a sentence of a repeated paragraph) may
set ``DEFERS_TO`` (kind names): the rules of those kinds that run on the same document
are then in ``rule.defers_to``, and the kind leaves to them what they report.

A kind that compares documents with each other (cross-document duplicates) also sets
``CORPUS = True`` and defines ``collect(doc, rule)`` (a picklable summary of one document)
and ``check_corpus(summaries, rule, settings, references) -> Iterator[CorpusFinding]``,
where ``references`` are the reference documents' summaries that the engine's index supplies.
"""
