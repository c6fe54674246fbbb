"""A one-file check imports no ``typing`` (~12 M instructions, 2 ms of a run): gwlint's
modules take the abstract collection types from ``collections.abc`` and ``typing``'s
other names only for type checkers (``TYPE_CHECKING = False`` / ``if TYPE_CHECKING:``);
what validation reads of them is made when it runs (checker.core.lazy_alias,
checker.core.plain_model's ``_TypingNames``).  The editable test venv's start-up does not
import ``typing`` either, so these runs see what a regular install's run imports."""
from __future__ import annotations

import ast
import importlib
import pkgutil

import pytest

import checker
from checker.core.patterns import Regex, RegexList
from checker.core.plain_model import BaseModel, ValidationError, _hints
from tests.entry_runs import ONE_FILE, ONE_FILE_TEXT, SEEDS, run_entry, imported_by_a_warm_run


@pytest.mark.parametrize("seed", ["000_", "003_"])
@pytest.mark.parametrize("report", ["json", "text"])
def test_a_one_file_run_imports_no_typing(tmp_path, seed, report):
    args = ONE_FILE if report == "json" else ONE_FILE_TEXT
    assert imported_by_a_warm_run(tmp_path, ("typing",), seed, args, plain=True) == []


def test_no_dataclass_of_a_run_holds_a_classvar_annotation(tmp_path):
    """``dataclasses`` reads a string annotation ``ClassVar[...]`` as a class variable only
    when ``typing`` is imported: in a run without it such an annotation would become a
    field.  So no dataclass a one-file run makes may have one (none needs it)."""
    (source,) = SEEDS.glob("000_*.txt")
    (tmp_path / "doc.txt").write_bytes(source.read_bytes())
    after = ("import dataclasses\n"
             "found = sorted(f'{m.__name__}.{c.__qualname__}.{f.name}'\n"
             "               for m in list(sys.modules.values()) if m.__name__.startswith('checker')\n"
             "               for c in vars(m).values() if isinstance(c, type) and dataclasses.is_dataclass(c)\n"
             "               for f in dataclasses.fields(c)\n"
             "               if str(f.type).replace('typing.', '').startswith('ClassVar'))\n"
             "sys.stderr.write(f'classvars {found} typing {\"typing\" in sys.modules}\\n')")
    for _ in range(2):
        out = run_entry(tmp_path, ONE_FILE, after=after)
    line = [x for x in out.stderr.splitlines() if x.startswith("classvars ")][-1]
    assert line == "classvars [] typing False", out.stderr[-2000:]


def _plain_models() -> list[type]:
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if not info.name.endswith("__main__") and not info.name.startswith("checker.spark"):
            importlib.import_module(info.name)
    found, todo = set(), [BaseModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found and sub.__module__.startswith("checker."):
                found.add(sub)
                todo.append(sub)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def test_every_models_annotations_resolve_without_typing_in_its_module():
    """Validation reads each model's annotations (``Literal[...]``, ``Any`` …) though its
    module binds typing's names only for type checkers; its pydantic twin is complete."""
    models = _plain_models()
    assert len(models) > 100
    for model in models:
        hints = _hints(model)
        assert set(hints) >= set(model.model_fields), model
        twin = model._twin().model
        assert twin.model_rebuild() is not False and twin.__pydantic_complete__, model


def test_typing_names_come_after_the_modules_own():
    """A name the model's module binds is the module's, even one of ``typing``'s names."""
    namespace: dict = {}
    exec("from __future__ import annotations\n"
         "from checker.core.plain_model import BaseModel\n"
         "Any = int\n"
         "class M(BaseModel):\n"
         "    a: Any\n"
         "    b: Literal['x', 'y']\n"
         "    c: Optional[str] = None\n"
         "    d: Optional[Callable[[int], int]] = None\n", namespace)
    import sys
    import types
    import typing

    module = types.ModuleType("typing_free_probe")
    module.__dict__.update(namespace)
    namespace["M"].__module__ = module.__name__
    sys.modules[module.__name__] = module
    try:
        hints = _hints(namespace["M"])
    finally:
        del sys.modules[module.__name__]
    # Callable: plain_model binds collections.abc's for itself, which must not hide typing's
    assert hints == {"a": int, "b": typing.Literal["x", "y"], "c": typing.Optional[str],
                     "d": typing.Optional[typing.Callable[[int], int]]}


class Data(BaseModel):
    patterns: RegexList = []
    one: Regex = "x"


def test_the_lazy_aliases_validate_as_their_aliases():
    from checker.checks.units.minority_form import Params
    from checker.config.schema import RuleSettings
    from checker.model.measure_words import MeasureWord

    assert RuleSettings.model_validate({"severity": "info"}).severity == "info"
    with pytest.raises(ValidationError()) as err:
        RuleSettings.model_validate({"severity": "fatal"})
    assert "Input should be 'error', 'warning' or 'info'" in str(err.value)
    assert Params.model_validate({"of": "unit-spelling"}).of == "unit-spelling"
    with pytest.raises(ValidationError()):
        Params.model_validate({"of": "spelling"})
    assert MeasureWord.model_validate({"counts": "people", "roles": ["whole"]}).roles == ["whole"]
    with pytest.raises(ValidationError()):
        MeasureWord.model_validate({"counts": "people", "roles": ["all"]})

    assert Data.model_validate({"patterns": ["a+"], "one": "b"}).patterns == ["a+"]
    for bad in ({"patterns": ["(未闭合"]}, {"one": "(未闭合"}):
        with pytest.raises(ValidationError()) as err:
            Data.model_validate(bad)
        assert "invalid regular expression" in str(err.value)


def test_the_type_checkers_aliases_are_the_run_times():
    """Each lazy alias is written twice, for type checkers (``if TYPE_CHECKING:``) and for
    the run (``else:``): both must spell the same type."""
    import inspect

    from checker.core import patterns
    from checker.checks.typo import phrase
    from checker.checks.units import minority_form
    from checker.model import measure_words
    from checker.rules import schema

    compared = 0
    for module in (patterns, phrase, minority_form, measure_words, schema):
        for node in ast.parse(inspect.getsource(module)).body:
            if not (isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING" and node.orelse):
                continue
            checked = {n.targets[0].id: n.value for n in node.body if isinstance(n, ast.Assign)}
            run = {n.targets[0].id: n.value for n in node.orelse if isinstance(n, ast.Assign)}
            assert set(checked) == set(run), module
            for name, value in run.items():
                assert isinstance(value, ast.Call) and value.func.id == "lazy_alias", name
                assert _untyped(value.args[1].body) == ast.dump(checked[name]), name    # lambda t: t.Literal[...]
                assert isinstance(getattr(module, name), type)
                compared += 1
    assert compared == 7


def _untyped(made: ast.expr) -> str:
    """``t.Literal[...]`` (the run's alias, ``t`` the typing module) as ``Literal[...]``."""

    class Untyped(ast.NodeTransformer):
        def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
            if isinstance(node.value, ast.Name) and node.value.id == "t":
                return ast.Name(id=node.attr, ctx=node.ctx)
            return self.generic_visit(node)

    return ast.dump(Untyped().visit(made))
