"""CPU time of gwlint's start-up, by import and by kind of work, in one fresh process.

`python -X importtime` and cProfile time with the wall clock, which a loaded machine
inflates at random; this probe times with the process's CPU clock instead. It runs
`gwlint ARGS...` in-process, with timers around
- every module import (importlib's _find_and_load: own and cumulative CPU per module),
- regular-expression compilation (re._compile, outermost calls, cache misses only),
- YAML loading (yaml.load) and pydantic model-class creation (once pydantic is imported),
and prints one JSON object on standard error at exit. Imports only `sys` and `time` (both
built in) before gwlint starts, so that every other import is gwlint's own.

    python benchmarks/_startup_probe.py check --no-config --no-cache --format json FILE

The run is the console entry's (``checker.cli.entry.run``): its ``prepare`` (the
collector's threshold, the module store's finder) before the imports, ``main``, then the exit functions and ``os._exit`` (the probe's figures
are printed before them, as the entry's teardown is not gwlint's start-up).  Pass
``--no-cache`` to time the checks: without it a second run over the same file in the same
folder takes its findings from the result cache (``.gwlint_cache``) and checks nothing —
``steps`` then has no ``lint_document``.
"""
import sys
import time

_START = time.process_time()
_imports: dict = {}
_stack: list = []
_work = {"re.compile": [0.0, 0], "yaml.load": [0.0, 0], "pydantic classes": [0.0, 0]}
_depth = {"re.compile": 0, "yaml.load": 0, "pydantic classes": 0}
_imported = [0.0]              # CPU of all outermost imports so far
# Steps of a run, timed with the CPU spent importing inside them set apart: module -> functions.
_STEPS = {"checker.engine.settings": ("build_settings",), "checker.rules.loader": ("load_rules", "load_data"),
          "checker.engine.lint": ("lint_document",), "checker.sources.discover": ("discover",)}
_steps: dict = {}


def _timed(kind, call, *args, **kwargs):
    """Add the CPU time of the outermost call to kind's total."""
    if _depth[kind]:
        return call(*args, **kwargs)
    _depth[kind] += 1
    start = time.process_time()
    try:
        return call(*args, **kwargs)
    finally:
        _depth[kind] -= 1
        _work[kind][0] += time.process_time() - start
        _work[kind][1] += 1


def _install_import_timer() -> None:
    import importlib._bootstrap as bootstrap  # already loaded: the import system itself

    original = bootstrap._find_and_load

    def find_and_load(name, import_):
        start = time.process_time()
        _stack.append(0.0)
        try:
            return original(name, import_)
        finally:
            spent = time.process_time() - start
            children = _stack.pop()
            if name not in _imports:
                _imports[name] = (spent, spent - children, len(_stack))
            if _stack:
                _stack[-1] += spent
            else:
                _imported[0] += spent
            _after_import(name)

    bootstrap._find_and_load = find_and_load  # the interpreter looks it up on every import
    for name in ("re", "yaml", "pydantic._internal._model_construction"):   # imported by site already?
        if name in sys.modules:
            _after_import(name)


def _wrap_step(module, attr: str) -> None:
    original = getattr(module, attr, None)
    if original is None or hasattr(original, "_probe"):
        return

    def step(*args, **kwargs):
        start, imported = time.process_time(), _imported[0]
        try:
            return original(*args, **kwargs)
        finally:
            record = _steps.setdefault(attr, [0.0, 0.0, 0])
            record[0] += time.process_time() - start
            record[1] += _imported[0] - imported
            record[2] += 1

    step._probe = True
    setattr(module, attr, step)   # before the importer binds the name with `from ... import`


def _after_import(name: str) -> None:
    for attr in _STEPS.get(name, ()):
        _wrap_step(sys.modules[name], attr)
    if name == "re" and "re" in sys.modules and not hasattr(sys.modules["re"], "_probe"):
        re = sys.modules["re"]
        original = re._compile

        def compile_(pattern, flags):
            key = (type(pattern), pattern, flags)
            if isinstance(pattern, re.Pattern) or key in getattr(re, "_cache", {}):
                return original(pattern, flags)
            return _timed("re.compile", original, pattern, flags)

        re._compile = compile_
        re._probe = True
    elif name == "yaml" and "yaml" in sys.modules and not hasattr(sys.modules["yaml"], "_probe"):
        yaml = sys.modules["yaml"]
        original_load = yaml.load
        yaml.load = lambda *a, **k: _timed("yaml.load", original_load, *a, **k)
        yaml._probe = True
    elif name == "pydantic._internal._model_construction":
        module = sys.modules.get(name)
        meta = getattr(module, "ModelMetaclass", None)
        if meta is not None and not hasattr(meta, "_probe"):
            original_new = meta.__new__

            def new(mcs, *args, **kwargs):
                return _timed("pydantic classes", original_new, mcs, *args, **kwargs)

            meta.__new__ = new
            meta._probe = True


def main() -> None:
    _install_import_timer()
    code = 2
    try:
        # what checker.cli.entry.run does, with the figures taken before the process ends
        try:
            from checker.cli.entry import prepare
        except ImportError:     # an older gwlint (to compare with): its entry set the collector only
            from checker.core.collector import fewer_collections

            def prepare(argv):
                fewer_collections()
        prepare(sys.argv[1:])
        from checker.cli.main import main as cli

        try:
            code = cli(sys.argv[1:])
        except SystemExit as exc:   # --help, --version, a usage error
            code = exc.code
    finally:
        total = time.process_time() - _START
        import json

        sys.stderr.write("\nSTARTUP-PROBE " + json.dumps({
            "total": total,
            "imports": {k: v for k, v in _imports.items()},
            "work": _work,
            "steps": _steps,
            "imported": _imported[0],
        }) + "\n")
    from checker.cli.process_exit import leave

    leave(code)


if __name__ == "__main__":
    main()
