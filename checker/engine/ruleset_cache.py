"""The rule set as plain data, validated once and kept in the user's cache folder.

Loading the rules means reading some fifty YAML files, validating each rule and each
parameter set with pydantic and merging the vocabularies: a third of a one-file run.
``build_settings`` does that once per distinct input and keeps the outcome here, as
marshal data (dicts, lists, strings, numbers), in ``~/.cache/gwlint/ruleset-<key>``; the
next start reads it back and rebuilds the rules without validating them again
(pydantic's ``model_construct``).

The key hashes everything the outcome depends on: the format, gwlint's version and code,
the bytes of every pack, vocabulary and preset file of the rules locations (each file's
digest, kept between runs while the file is unchanged: ``checker.core.file_digests``), the
configuration (its values and the bytes it was read from), and --select/--ignore.  A
change to any of them is a new key, so the rules are read and validated again, and any
error a user would get from a bad pack or configuration is raised as before (a rule set
that fails to load is never stored).

What is stored must come back equal: on the first run each rule is rebuilt from the
stored data and compared with the validated one; a rule whose parameters do not survive
the trip as plain data keeps its raw parameters, validated again at each start, and a
rule set that cannot be stored at all is simply not cached.  A damaged file (its digest
does not match) is ignored and replaced.
"""
from __future__ import annotations

import json
import marshal
import os
from dataclasses import fields

from checker.core import digests
from checker.core.paths import cache_path
from checker.core.file_digests import FORMAT as FILE_DIGESTS_FORMAT, FileDigests
from checker.core.sealed_file import read_sealed, write_sealed
from checker.rules.rule import Deferred, Rule

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations only: the one-file run imports no pathlib
    from typing import Any

FORMAT = 4                   # 2: vocabulary values packed (read when used); 3: examples too; 4: key of file digests
KEEP = 8                     # rule sets kept in the cache folder (the newest)
_PLAIN = ("id", "kind", "category", "severity", "message", "why", "description", "raw_params", "ignore",
          "limit", "source", "enabled", "family", "messages", "standard")
_SKIPPED = {"params", "examples", "vocabularies", "defers_to"}


def cache_folder() -> Path:
    from checker.model.tokens import cache_dir

    return cache_dir()


def _files_of(location: Path | str) -> list[str]:
    """Every file of a rules location the loader or the presets may read: the YAML files
    under it, in the order of ``sorted(p for p in location.rglob("*") if p.suffix in
    (".yaml", ".yml") and p.is_file())`` (symbolic links to folders not followed), walked
    with ``os.scandir`` (pathlib's walk was half of the key's time) and given as text:
    making and sorting ``Path`` objects was most of what was left.  The order is pathlib's
    because a path sorts by its parts, and the texts share the location's own spelling
    before their parts, each a plain name."""
    location = os.fspath(location)      # a Path's text is its str (the builtin location comes as text)
    if os.path.isfile(location):
        return [location]
    if not os.path.isdir(location):
        return []
    found: list[str] = []
    _yaml_under(location, found)
    return sorted(found, key=_parts)


def _parts(path: str) -> list[str]:
    return path.split("/")


def _yaml_under(folder: str, found: list[str]) -> None:
    import os

    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir and not entry.is_symlink():
            _yaml_under(entry.path, found)
        elif os.path.splitext(entry.name)[1] in (".yaml", ".yml") and entry.is_file():
            found.append(entry.path)


def ruleset_key(locations: list[Path], config, select, ignore) -> str | None:
    """The key of a rule set, or None when an input cannot be read (the loader then
    reports it)."""
    from checker.config.presets import presets_dir_name
    from checker.core.version import code_stamp, tool_version
    from checker.model.lexicon import plain_values     # not model_dump: no serializer to build

    h = digests.blake2b(digest_size=20)
    head = {"format": FORMAT, "version": tool_version(), "code": code_stamp(),
            "config": plain_values(config), "config_digest": getattr(config, "_source_digest", None),
            "locations": [str(p) for p in locations], "select": list(select), "ignore": list(ignore)}
    h.update(json.dumps(head, sort_keys=True, ensure_ascii=False, default=str).encode())
    # each file's digest, kept between runs while the file is unchanged (reading and
    # hashing 0.6 MB of packs was most of finding the stored rule set)
    files = FileDigests(cache_path(f"filedigests-f{FILE_DIGESTS_FORMAT}.marshal"))
    try:
        for location in [*locations, presets_dir_name()]:
            for path in _files_of(location):
                size, digest = files.digest(path)
                h.update(f"\n{path}\0{size}\0".encode("utf-8", "surrogateescape"))
                h.update(digest)
    except OSError:
        return None
    files.save()
    return h.hexdigest()


# -- to and from plain data

def _params_data(rule: Rule) -> dict[str, Any]:
    params = rule.params
    if params is None:
        return {"none": True}
    return {"fields_set": sorted(params.model_fields_set), "values": params.model_dump(), "class": type(params).__name__}


def _rule_data(rule: Rule, raw_params: bool = False) -> dict[str, Any]:
    data = {name: getattr(rule, name) for name in _PLAIN}
    data["params"] = {"raw": True} if raw_params else _params_data(rule)
    # marshalled on their own: a run reads a rule's examples only to show them (``gwlint
    # rules``, ``explain``), so the file's read makes one bytes object of them
    data["examples"] = None if rule.examples is None else marshal.dumps(rule.examples.model_dump())
    return data


class _StoredExamples(Deferred):
    """A rule's examples as stored, made its ``Examples`` when first read."""

    def __init__(self, packed: bytes) -> None:
        self.packed = packed

    def resolve(self):
        from checker.rules.schema import Examples

        return Examples.model_construct(**marshal.loads(self.packed))


class _StoredParams(Deferred):
    """A rule's parameters as stored, made its kind's ``Params`` when first read: the
    kind's module is imported then, not at start-up."""

    __slots__ = ("spec", "kind", "source", "rule_id", "raw_params")

    def __init__(self, spec: dict[str, Any], rule_fields: dict[str, Any]) -> None:
        self.spec = spec
        self.kind = rule_fields["kind"]
        self.source = rule_fields["source"]
        self.rule_id = rule_fields["id"]
        self.raw_params = rule_fields["raw_params"]

    def __getstate__(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def resolve(self):
        from checker.checks.registry import load_kind

        module = load_kind(self.kind)
        # (the class cannot differ with the same code: the key has its stamp)
        if self.spec.get("raw") or module.Params.__name__ != self.spec["class"]:
            # imported only where it runs: resolve runs for every rule of a run, and each
            # ``from module import name`` of a plain module costs ~6 k instructions
            from checker.rules.loader import validate_params

            return validate_params(self.source, self.rule_id, module, self.raw_params)
        return module.Params.model_construct(_fields_set=set(self.spec["fields_set"]), **self.spec["values"])


def _params_from(data: dict[str, Any], rule_fields: dict[str, Any]):
    spec = data["params"]
    if spec.get("none"):
        return None
    return _StoredParams(spec, rule_fields)


def _rule_from(data: dict[str, Any], vocabularies) -> Rule:
    plain = {name: data[name] for name in _PLAIN}
    plain["examples"] = None if data["examples"] is None else _StoredExamples(data["examples"])
    plain["params"] = _params_from(data, plain)
    plain["vocabularies"] = vocabularies
    plain["defers_to"] = ()
    return Rule.restored(plain)         # Rule(**plain), without the frozen __init__'s setattrs


def _vocabularies_from(data: dict[str, Any]):
    from checker.model.lexicon import Vocabularies

    packed, patches = data["packed"], data["dates"]

    def unpack(name: str, key: str) -> Any:
        # the value's own dates: their paths start with its namespace and key
        held = {key: marshal.loads(packed[name][key])}
        return _with_dates(held, [(path[1:], is_datetime, text) for path, is_datetime, text in patches
                                  if path[0] == name and path[1] == key])[key]

    return Vocabularies.packed(unpack, {name: list(values) for name, values in packed.items()}, data["fingerprints"])


def _without_dates(value: Any, path: tuple, patches: list) -> Any:
    """``value`` with each date (YAML reads ``2021-07-01`` as one) replaced by its ISO
    text, each noted in ``patches`` with its path: marshal holds no dates, and putting
    them back by path costs nothing for the rest of the data."""
    import datetime

    if isinstance(value, dict):
        return {k: _without_dates(v, (*path, k), patches) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_dates(v, (*path, i), patches) for i, v in enumerate(value)]
    if isinstance(value, (datetime.datetime, datetime.date)):
        patches.append((path, type(value) is datetime.datetime, value.isoformat()))
        return value.isoformat()
    return value


def _with_dates(data: Any, patches: list) -> Any:
    if not patches:          # no date to put back: no need of the datetime module
        return data
    from checker.core import dates as datetime      # its classes, without datetime.py

    for path, is_datetime, text in patches:
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = (datetime.datetime if is_datetime else datetime.date).fromisoformat(text)
    return data


def _payload(vocabularies, available: list[Rule], active: list[Rule], raw: set[str]) -> dict[str, Any]:
    patches: list = []
    data = _without_dates(vocabularies._data, (), patches)
    return {
        "format": FORMAT,
        # each value of each namespace marshalled on its own: the file's read makes one
        # bytes object of it, and its words are made only when read (Vocabularies.packed)
        "vocabularies": {"packed": {name: {key: marshal.dumps(v) for key, v in value.items()}
                                    for name, value in data.items()},
                         "dates": patches, "fingerprints": vocabularies._fingerprints},
        "available": [_rule_data(r, r.id in raw) for r in available],
        "active": [r.id for r in active],
    }


def _rebuild(payload: dict[str, Any]):
    vocabularies = _vocabularies_from(payload["vocabularies"])
    available = [_rule_from(d, vocabularies) for d in payload["available"]]
    by_id = {r.id: r for r in available}
    active = [by_id[i] for i in payload["active"]]
    return vocabularies, available, active


# -- files

def _path(key: str) -> str:
    return cache_path(f"ruleset-{key}.marshal")


def load(key: str | None):
    """(vocabularies, available rules, active rules) from the cache, or None."""
    if key is None:
        return None
    payload = read_sealed(_path(key), FORMAT)
    if payload is None:
        return None
    try:
        return _rebuild(payload)
    except Exception:  # noqa: BLE001 - whatever no longer fits is a miss: the rules are loaded afresh
        return None


def store(key: str | None, vocabularies, available: list[Rule], active: list[Rule]) -> None:
    """Keep a validated rule set, if it comes back equal (see the module's note)."""
    if key is None:
        return
    raw: set[str] = set()
    try:
        payload = _payload(vocabularies, available, active, raw)
        body = marshal.dumps(payload)
        rebuilt = _rebuild(marshal.loads(body))
        for original, copy in zip(available, rebuilt[1]):
            if not _same(original, copy, vocabularies, rebuilt[0]):
                raw.add(original.id)
        if raw:
            payload = _payload(vocabularies, available, active, raw)
            body = marshal.dumps(payload)
            rebuilt = _rebuild(marshal.loads(body))
            if not all(_same(o, c, vocabularies, rebuilt[0]) for o, c in zip(available, rebuilt[1])):
                return
        if [r.id for r in rebuilt[2]] != [r.id for r in active] or len(rebuilt[1]) != len(available):
            return
    except Exception:  # noqa: BLE001 - data marshal cannot hold (a date in a vocabulary ...): not cached
        return
    write_sealed(_path(key), payload, keep_newest=KEEP)


def _same(original: Rule, copy: Rule, vocabularies, copied_vocabularies) -> bool:
    for f in fields(Rule):
        if f.name in ("vocabularies", "defers_to"):
            continue
        a, b = getattr(original, f.name), getattr(copy, f.name)
        if a != b or type(a) is not type(b):
            return False
        if f.name == "params" and a is not None and a.model_fields_set != b.model_fields_set:
            return False
    return (vocabularies._data == copied_vocabularies._data
            and vocabularies._fingerprints == copied_vocabularies._fingerprints)
