"""The phrase index's key, remembered by what it is made from.

The key names the index's folder in the cache (``typo-index-<key>``): a SHA-1 of the JSON
of every input of the index — the phrases, names, known words, homophone and shape tables
of the typo vocabulary, the index settings, the format and the size of jieba's dictionary.
Writing that JSON (~300 KB) and hashing it took ~9 M instructions of every fresh process
that checks Han text.  The vocabulary is a pure function of the lexicon's data and of
gwlint's code, which the lexicon's fingerprint and the code stamp name (the validated
views of ``checker.model.lexicon`` are kept on the same two), so the key is kept in a
small sealed file (``checker.core.sealed_file``) under a memo of those two, the settings,
the format and the dictionary's size, and computed only for a memo not met before.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from checker.core.paths import cache_path
from checker.core.sealed_file import read_sealed, write_sealed

KEPT = "typo-index-keys-f1.marshal"
FORMAT = 1
LIMIT = 32            # memos kept (other checkouts' code stamps, other configurations)


def memo(code_stamp: str, fingerprint: str, index_format: int, dictionary_size: int, settings: dict,
         optional: tuple) -> str:
    """What the key is kept under: everything it is made from, by name or by value."""
    return json.dumps([code_stamp, fingerprint, index_format, dictionary_size, settings, list(optional)],
                      sort_keys=True, ensure_ascii=False)


def remembered(memo_text: str, compute: Callable[[], str]) -> str:
    """The key kept under ``memo_text``, else ``compute()`` (then kept)."""
    path = cache_path(KEPT)
    data = read_sealed(path, FORMAT)
    keys = data.get("keys") if data is not None else None
    if not isinstance(keys, dict):
        keys = {}
    key = keys.get(memo_text)
    if isinstance(key, str):
        return key
    key = compute()
    kept = dict(keys) if len(keys) < LIMIT else {}
    kept[memo_text] = key
    write_sealed(path, {"format": FORMAT, "keys": kept})
    return key
