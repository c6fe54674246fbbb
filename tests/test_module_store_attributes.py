"""Every module a one-file run imports from the module store (checker.core.module_store)
is the module the path finder would have made: each attribute the import system sets,
in the order it sets them, and each field of its spec, compared for every ``checker``
module of a run with the store and of the same run without it."""
from __future__ import annotations

import ast

from tests.entry_runs import ONE_FILE, SEEDS, run_entry

# Written at exit: per module of the package, the import system's attributes in the
# module's own order, its spec's fields in theirs (and the properties an import reads),
# the loader by what it is (a source loader, its name and file).
_DESCRIBE = """\
from importlib.machinery import SourceFileLoader
IMPORT_ATTRS = ('__name__', '__doc__', '__package__', '__loader__', '__spec__', '__path__', '__file__',
                '__cached__', '__builtins__')
def describe(value):
    if isinstance(value, SourceFileLoader):
        return ('source loader', value.name, value.path, value.get_filename(value.name),
                value.is_package(value.name))
    if type(value).__name__ == 'ModuleSpec':
        return 'the spec'
    if isinstance(value, dict):
        return 'a dict'
    return value
seen = {}
for name, module in sorted(sys.modules.items()):
    if name != 'checker' and not name.startswith('checker.'):
        continue
    spec = module.__spec__
    seen[name] = (
        [(key, describe(value)) for key, value in vars(module).items() if key in IMPORT_ATTRS],
        module.__spec__ is spec and module.__loader__ is spec.loader,
        [(key, describe(value)) for key, value in vars(spec).items()],
        (spec.parent, spec.has_location, spec.cached),
        type(spec.loader).__name__)
with open('modules.txt', 'w', encoding='utf-8') as out:
    out.write(repr(seen))
"""

# the run without the store: its install made a no-op before the entry calls it
_NO_STORE = "import checker.core.module_store as _store\n_store.install = lambda *args, **kwargs: None\n"


def _modules(folder, before: str = "") -> dict:
    out = run_entry(folder, ONE_FILE, before=before, after=_DESCRIBE)
    assert '"violations"' in out.stdout, out.stderr[-2000:]
    return ast.literal_eval((folder / "modules.txt").read_text(encoding="utf-8"))


def test_every_module_from_the_store_is_the_one_the_path_finder_makes(tmp_path):
    (source,) = SEEDS.glob("000_*.txt")                  # the seed that needs jieba: the most modules
    (tmp_path / "doc.txt").write_bytes(source.read_bytes())
    for _ in range(2):                                   # the caches and the store filled
        _modules(tmp_path)
    plain = _modules(tmp_path, before=_NO_STORE)
    stored = _modules(tmp_path)
    assert sorted(plain) == sorted(stored)
    from_store = [name for name, seen in stored.items() if seen[-1] == "_StoredLoader"]
    assert len(from_store) > 150, "the run took too few modules from the store"
    for name in plain:
        assert plain[name][:-1] == stored[name][:-1], name
