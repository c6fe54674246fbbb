"""The model's shipped tables (``rules/model/*.yaml``), for documents built without settings
(tests, scripts, the public API): every layer then behaves as in a real run."""
from __future__ import annotations

from functools import lru_cache

from checker.core.paths import builtin_rules_dir
from checker.core.yaml_io import read_yaml
from checker.model.lexicon import MODEL_NAMESPACE, Lexicon, merge_data


@lru_cache(maxsize=1)
def builtin_model_lexicon() -> Lexicon:
    data: dict = {}
    folder = builtin_rules_dir() / MODEL_NAMESPACE
    for path in sorted(folder.glob("*.yaml")):
        data = merge_data(data, read_yaml(path) or {})
    return Lexicon(data)
