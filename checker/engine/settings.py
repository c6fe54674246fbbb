"""Resolve configuration, command-line choices and rule packs into the rules to run."""
from __future__ import annotations

import os
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.checks.registry import bind, link_deferrals, load_kind
from checker.config import presets
from checker.config.loader import find_config, load_config
from checker.config.schema import Config, RuleSettings, default_config
from checker.model.lexicon import DataError, Lexicon, Vocabularies
from checker.core.errors import ConfigError
from checker.core.paths import builtin_rules_name
from checker.rules.loader import data_files, load_rules, load_vocabularies, validate_params
from checker.rules.rule import Rule


_DEFAULT = object()      # an argument not given (the defaults below are made per call)


class Settings:
    """Everything a run needs; picklable, so worker processes receive it once.

    ``lexicon``: the model's tables (documents parse with them); ``vocabularies``: every
    namespace (rules read their family's); ``root``: folder of the config file (globs are
    relative to it; default the current folder); ``available``: every loaded rule with the
    configuration applied, those switched off included (``enabled`` says which): what
    `gwlint rules --standard` lists."""

    # A plain class, not a dataclass: made once a run and read by attribute only (never
    # compared or copied field by field), and a dataclass is ~0.2 ms of a fresh process to
    # make.  Its instances keep a ``__dict__`` (pickled as a dataclass's was).
    def __init__(self, rules: list[Rule], lexicon: Lexicon, vocabularies: Vocabularies | None = None,
                 config: Config = _DEFAULT, root: Path = _DEFAULT, config_path: Path | None = None,
                 available: list[Rule] = _DEFAULT) -> None:
        self.rules = rules
        self.lexicon = lexicon
        self.vocabularies = vocabularies
        self.config = Config() if config is _DEFAULT else config
        # the root as given, or as text (build_settings's, the working folder's): ``root``
        # makes it a Path when first read, and the one-file run reads it only where a
        # rule or a kind names paths (pathlib, with urllib.parse, is 3 ms of a fresh process)
        self._root = os.getcwd() if root is _DEFAULT else root
        self.config_path = config_path
        self.available = [] if available is _DEFAULT else available

    @property
    def root(self) -> Path:
        from pathlib import Path

        # made at each read, not kept: ``root_text`` (and the results cache's fingerprint
        # made of it) must not change once something has read ``root``
        return Path(self._root) if isinstance(self._root, str) else self._root

    @root.setter
    def root(self, value: Path) -> None:
        self._root = value

    @property
    def root_text(self) -> str:
        """``root`` as text, without making the Path."""
        return os.fspath(self._root)

    def kind_for(self, path: str) -> str | None:
        from checker.sources.discover import glob_match

        if not self.config.kinds:
            return None
        rel = relative_to(path, self.root)
        for pattern, kind in self.config.kinds.items():  # gitignore patterns, first match wins
            if glob_match(rel, pattern):
                return kind
        return None

    def rules_for(self, path: str, *, empty_text: bool = False, alone: bool = False) -> list[Rule]:
        """The rules run on the document at ``path``; ``empty_text``: its text is empty,
        and the rules that can find nothing in it are left out, their kinds not imported
        (``checker.checks.empty_text``); ``alone``: no cross-document summary is made of
        it, and the rules whose check finds nothing without one are left out likewise
        (``checker.checks.corpus_only``)."""
        from checker.sources.discover import matches_any

        if any(r.ignore for r in self.rules):
            rel = relative_to(path, self.root)
            rules = [r for r in self.rules if not matches_any(rel, r.ignore)]
        else:
            rules = list(self.rules)
        run = rules
        if empty_text:
            from checker.checks.empty_text import runs_on_empty_text

            run = [r for r in run if runs_on_empty_text(r.kind)]
        if alone:
            from checker.checks.corpus_only import runs_alone

            run = [r for r in run if runs_alone(r.kind)]
        return link_deferrals(rules, run if run is not rules else None)


def relative_to(path: str, root: Path) -> str:
    from pathlib import Path     # only where a rule or a kind names paths

    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()


def build_settings(*, config_file: str | None = None, no_config: bool = False, rules_dirs: list[str] = (),
                   select: list[str] = (), ignore: list[str] = (), config: Config | None = None,
                   cwd: Path | None = None) -> Settings:
    config_path: Path | None = None
    if config is None:
        if config_file:
            config_path = _as_path(config_file)
            if config_path.is_dir():
                raise ConfigError(f"{config_file}: is a directory, not a configuration file")
            if not config_path.is_file():
                raise ConfigError(f"{config_file}: no such configuration file")
        elif not no_config:
            config_path = find_config(cwd)
        config = _load_config(config_path) if config_path else default_config()
    # as text without a configuration (os.path.realpath is what Path.resolve calls):
    # the one-file run imports no pathlib
    root = config_path.parent.resolve() if config_path else os.path.realpath(cwd or os.getcwd())

    config_name = str(config_path or ".gwlint.yaml")
    locations: list[Path | str] = []
    if config.extends != presets.NONE:
        locations.append(builtin_rules_name())
    locations += [(_as_path(root) / p) for p in config.packs]
    locations += [_as_path(p) for p in rules_dirs]

    from checker.engine import ruleset_cache

    key = ruleset_cache.ruleset_key(locations, config, select, ignore)
    cached = ruleset_cache.load(key)
    if cached is not None:      # validated before, from the same bytes: see ruleset_cache
        vocabularies, available, active = cached
        return Settings(rules=active, lexicon=vocabularies.model, vocabularies=vocabularies, config=config,
                        root=root, config_path=config_path, available=available)
    locations = [_as_path(p) for p in locations]      # the loaders' (a rule set not stored)
    vocabularies = load_vocabularies(locations)
    if config.data:
        try:
            vocabularies = vocabularies.extended(config.data, config_name, config._source_digest)
        except DataError as exc:
            raise ConfigError(str(exc)) from None
    rules = [bind(rule, vocabularies) for rule in load_rules(locations)]
    try:
        effective = with_presets(config, {r.id for r in rules} | {r.category for r in rules})
    except ConfigError as exc:
        if str(exc).startswith("field 'extends'"):    # name the configuration that asked for it
            raise ConfigError(f"{config_name}: {exc}") from None
        raise
    available = apply_rule_settings(rules, effective, config_name, keep_off=True)
    active = filter_rules([r for r in available if r.enabled], select, ignore)
    user_data = [config_name] if config.data else []
    user_data += [str(p) for p in locations[1 if config.extends != presets.NONE else 0:] if data_files(p)]
    if user_data:
        validate_data(active, vocabularies.model, " / ".join(user_data))
    ruleset_cache.store(key, vocabularies, available, active)
    return Settings(rules=active, lexicon=vocabularies.model, vocabularies=vocabularies, config=config,
                    root=root, config_path=config_path, available=available)


def _as_path(path: Path | str) -> Path:
    """``path`` as a ``Path``: pathlib imported where a run needs one (a configuration,
    rule folders, a rule set to validate), not by the one-file run."""
    from pathlib import Path

    return Path(path)


def with_presets(config: Config, known: set[str]) -> Config:
    """The configuration with the settings of its preset chain put before its own."""
    if config.extends == presets.NONE:
        return config
    disable: list[str] = []
    rules: dict = {}
    for path, preset in presets.chain(config.extends):
        for name in [*preset.disable, *preset.rules]:
            if name not in known:
                raise ConfigError(f"{path}: unknown rule or category {name!r}")
        disable += preset.disable
        for rule_id, setting in preset.rules.items():
            rules[rule_id] = presets.merge_setting(rules.get(rule_id), setting)
    for rule_id, setting in config.rules.items():
        rules[rule_id] = presets.merge_setting(rules.get(rule_id), setting)
    return config.model_copy(update={"disable": [*disable, *config.disable], "rules": rules})


class SettingsResolver:
    """One rule for the command line and the language server (ruff's per-file model): a
    file is checked with the `.gwlint.yaml` nearest to it, found by walking up from its own
    folder, unless ``--config`` names one or ``--no-config`` wants none.  Settings are
    built once per configuration file and rebuilt when that file changes."""

    def __init__(self, *, config_file: str | None = None, no_config: bool = False, rules_dirs: list[str] = (),
                 select: list[str] = (), ignore: list[str] = ()) -> None:
        self.fixed = bool(config_file) or no_config
        self._args = {"rules_dirs": list(rules_dirs), "select": list(select), "ignore": list(ignore)}
        self._config_file = config_file
        self._no_config = no_config
        self._by_config: dict[str | None, tuple[float | None, Settings]] = {}

    def for_path(self, path: str | Path) -> Settings:
        # the folder as text (find_config resolves it, however spelt): no pathlib
        path = os.fspath(path)
        return self.for_folder(path if os.path.isdir(path) else (os.path.dirname(path) or "."))

    def for_folder(self, folder: Path | str) -> Settings:
        if self.fixed:
            key, mtime = self._config_file, None
        else:
            found = find_config(folder)
            key = str(found) if found else None
            try:
                mtime = found.stat().st_mtime_ns if found else None
            except OSError:
                mtime = None
        cached = self._by_config.get(key)
        if cached and cached[0] == mtime:
            return cached[1]
        if self.fixed:
            settings = build_settings(config_file=self._config_file, no_config=self._no_config, **self._args)
        else:  # no configuration anywhere above: one set of settings, globs relative to the working folder
            settings = build_settings(config_file=key, no_config=key is None, **self._args)
        self._by_config[key] = (mtime, settings)
        return settings


def validate_data(rules: list[Rule], lexicon: Lexicon, source: str) -> None:
    """Data a user supplied (``.gwlint.yaml`` ``data:``, a pack's vocabularies) is checked
    when it is loaded, not by every document of the run: each rule reads it once, on its
    own examples, as a run would.  A wrong table, a bad regular expression or a value a
    kind cannot use is one line naming the data and the rule."""
    from pydantic import ValidationError

    from checker.core.patterns import regex_budget
    from checker.model.document import Document
    from checker.rules.errors import describe_validation_error

    for rule in rules:
        module = load_kind(rule.kind)
        if not hasattr(module, "check"):
            continue                        # a late kind reads findings, not data
        for text in [*rule.examples.bad[:2], *rule.examples.good[:1]]:
            doc = Document.from_text(text, "<data check>", lexicon)
            try:
                with regex_budget(1.0):      # a slow expression is not a wrong one
                    for _ in module.check(doc, rule):
                        pass
            except TimeoutError:
                break
            except ValidationError as exc:
                raise describe_validation_error(f"{source}: data (read by rule '{rule.id}')", None, exc) from None
            except Exception as exc:  # noqa: BLE001 - whatever the data breaks is a data error here
                raise ConfigError(f"{source}: data: rule '{rule.id}' cannot use it: {exc}") from None


def _load_config(path: Path) -> Config:
    try:
        return load_config(path)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the configuration as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from None


def apply_rule_settings(rules: list[Rule], config: Config, config_name: str, keep_off: bool = False) -> list[Rule]:
    """The rules the configuration runs, customised; with ``keep_off`` every rule, those it
    does not run marked ``enabled=False``."""
    by_id = {r.id: r for r in rules}
    categories = {r.category for r in rules}
    for name in config.disable:
        if name not in by_id and name not in categories:
            raise ConfigError(f"{config_name}: field 'disable': unknown rule or category {name!r}")
    for rule_id in config.rules:
        if rule_id not in by_id:
            raise ConfigError(f"{config_name}: rule '{rule_id}': unknown rule id")
    out: list[Rule] = []
    for rule in rules:
        setting = config.rules.get(rule.id)
        switched_on = setting == "enable" or (isinstance(setting, RuleSettings) and setting.enabled is True)
        runs = not (setting == "disable" or (isinstance(setting, RuleSettings) and setting.enabled is False))
        # shipped off (`enabled: false` in its pack): `rules: {id: enable}` turns it on
        runs = runs and (rule.enabled or switched_on)
        runs = runs and (switched_on or not (rule.id in config.disable or rule.category in config.disable))
        if isinstance(setting, RuleSettings):
            rule = customise(rule, setting, config_name)
        if runs:
            out.append(rule if rule.enabled else rule.with_changes(enabled=True))
        elif keep_off:
            out.append(rule.with_changes(enabled=False))
    return out


def customise(rule: Rule, setting: RuleSettings, config_name: str) -> Rule:
    changes: dict = {}
    if setting.severity:
        changes["severity"] = setting.severity
    if setting.params:
        raw = {**rule.raw_params, **setting.params}
        changes["params"] = validate_params(config_name, rule.id, load_kind(rule.kind), raw)
        changes["raw_params"] = raw
    if setting.ignore:
        changes["ignore"] = rule.ignore + tuple(setting.ignore)
    return rule.with_changes(**changes) if changes else rule


def filter_rules(rules: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    known = {r.id for r in rules} | {r.category for r in rules}
    for name in [*select, *ignore]:
        if name not in known:
            from checker.rules.categories import CATEGORIES

            if name not in CATEGORIES:
                raise ConfigError(f"unknown rule or category {name!r} in --select/--ignore")
    if select:
        rules = [r for r in rules if r.id in select or r.category in select]
    if ignore:
        rules = [r for r in rules if r.id not in ignore and r.category not in ignore]
    return rules
