"""The kinds of store kept in the user's cache folder, known by the start of their names.

Every store is named by what it depends on (gwlint's code, the ``regex`` build, jieba's
files, the rule set, the Python version), so an upgrade, a new virtual environment or a
changed rule pack makes new names and leaves the old files behind.  The cache sweep
(``checker.core.cache_sweep``) removes only what it recognises here: anything else in the
folder (a newer gwlint's store of a kind this one does not know, a file someone put
there) is not this gwlint's to judge.

A store that adds a new kind of file adds its prefix here, in one place.
"""
from __future__ import annotations

# prefix -> what keeps it (for ``gwlint cache info``); a store is a file or a folder
FAMILIES: dict[str, str] = {
    "code-": "dataclasses' compiled methods (checker.core.code_cache)",
    "filedigests-": "digests of the rule packs' files (checker.engine.ruleset_cache)",
    "jieba-emission-": "jieba's emission table (checker.model.tokens)",
    "jieba-": "jieba's trimmed dictionary as a prefix table (checker.model.tokens)",
    "modules-": "gwlint's own modules in one file (checker.core.module_store)",
    "patternfacts-": "facts about the rule set's expressions (checker.core.pattern_facts)",
    "patterns-": "regex expressions known to compile, and their programs (checker.core.patterns)",
    "re-": "compiled re expressions (checker.core.re_cache)",
    "ruleset-": "validated rule sets (checker.engine.ruleset_cache)",
    "typo-dictionary-entries-": "jieba's dictionary sorted for look-ups (checker.checks.typo)",
    "typo-guards-": "the typo family's guard words (checker.checks.typo)",
    "typo-index-keys-": "the phrase index's keys (checker.checks.typo)",
    "typo-index-": "the typo family's phrase index, a folder (checker.checks.typo)",
    "views-": "validated vocabulary views (checker.model.lexicon)",
    "vouched-": "stores checked whole since the machine started (checker.core.vouched)",
}

# A store being written is a temporary file or folder whose name starts with a dot
# (checker.core.sealed_file, the phrase index's writer), renamed to its name when whole.
TEMPORARY = "."

# The folder of the build locks (checker.core.store_lock): one empty file per store name.
LOCKS = "locks"


def family_of(name: str) -> str | None:
    """The family prefix of the store named ``name`` (the longest that fits), or None."""
    found = None
    for prefix in FAMILIES:
        if name.startswith(prefix) and (found is None or len(prefix) > len(found)):
            found = prefix
    return found
