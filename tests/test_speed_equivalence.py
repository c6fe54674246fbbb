"""Speed work that must not change results (issue 11): the required-literal pre-filter of user
expressions (checker.core.patterns) skips an expression only where it cannot match, and the
MinHash keys computed for all texts at once are those of each text."""
from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
import regex

import re

from checker.core.patterns import compile_user, literal_scan, required_literals


@pytest.mark.parametrize("pattern, flags, expected", [
    ("abc", 0, ("abc",)),
    ("ab|cd", 0, ("ab", "cd")),
    ("x(?:ab|cd)+y?", 0, ("ab", "cd")),
    ("abc?", 0, ("ab",)),
    ("ab|c?", 0, ()),                 # a branch needing nothing: no filter
    ("a*", 0, ()),
    ("(?i)abc", 0, ()),               # case-insensitive: the text may differ
    ("abc", regex.IGNORECASE, ()),
    ("^abc", regex.MULTILINE, ("abc",)),
    ("a{e<=1}bc", 0, ()),             # regex's fuzzy matching, which re reads as literals
    ("[[:alpha:]]xy", 0, ()),         # a POSIX class
    (r"\p{Han}+ab", 0, ("ab",)),      # a property class is one character of a class
    (r"[^\P{L}]ab|cd", 0, ("ab", "cd")),
    (r"\\p{Han}ab", 0, ()),          # an escaped backslash, then braces: no filter
    (r"\p{Han", 0, ()),              # not a property class: no filter
    (r"(?<![\[])ab\]", 0, ("ab]",)),  # an escaped ] is the mark to both re and regex
    ("[]a]bc", 0, ()),                # a set opened by ]: left to regex's reading
    ("[^]a]bc", 0, ()),
    ("[a[:b]]cd", 0, ()),             # [: inside a set: its ] may be a POSIX class's
    # a set opened by a colon is a set of marks to both, unless it reads as a class's name
    (r"ab[:：]\s*(?![^\s|】\]])", 0, ("ab",)),
    (r"[^:：]ab[\]x]", 0, ("ab",)),
    (r"[:alpha:]ab[\]x]", 0, ()),
    (r"[:]ab[\]x]", 0, ()),
    ("(?<=ab)cd", 0, ("cd",)),
    ("(?i:ab)cd", 0, ("cd",)),
    # a set of a few characters, when nothing else is needed: each is a literal
    ("[xy]+z?", 0, ("x", "y")),
    ("(?:[ab]|c{2})d?", 0, ("a", "b", "c")),
    ("[a-c]", 0, ("a", "b", "c")),
    ("[{}]", 0, ("{", "}")),               # braces in a set are marks to regex too
    ("x[ab]", 0, ("x",)),                  # a literal needed anyway is kept
    ("[^ab]c?", 0, ()),                    # a negated set says nothing
    (r"[\dx]", 0, ()),                     # nor a category
    ("[a-z]", 0, ()),                      # nor a wide range
    ("[abcdefghi]", 0, ()),                # nor more than eight characters
    ("(?:[ab]|[cd]|[ef]|[gh]|ij)", 0, ()),  # nor eight one-character texts and more
])
def test_required_literals(pattern, flags, expected):
    assert required_literals(pattern, flags) == expected


def test_a_skipped_expression_finds_what_running_it_finds():
    rng = random.Random(11)
    alphabet = "abcd xy\n]["
    patterns = ["ab", "a.c", "(?:ab|cd)x", "^ab$", "b(?=c)d?", "(ab)+", "x[ab]{2}y", "ab|c", r"a\sb",
                "(?m)^cd", "(?:a|b)(?:c|d)", "(?>ab)c", "a{2}", "a{e<=1}bc", r"a\]", r"[^\[\]]ab\]",
                r"\p{L}\]b", r"[\P{L}]ab|c\]", "[]a]b", "[^]a]b", "[[:alpha:]]]"]
    for pattern in patterns:
        bounded = compile_user(pattern, regex.MULTILINE)
        plain = regex.compile(pattern, regex.MULTILINE)
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            pos = rng.randint(0, len(text))
            end = rng.randint(pos, len(text))
            assert [m.span() for m in bounded.finditer(text, pos, end)] == \
                [m.span() for m in plain.finditer(text, pos, end)], (pattern, text, pos, end)
            assert bool(bounded.search(text, pos, end)) == bool(plain.search(text, pos, end))
            assert bounded.sub("-", text) == plain.sub("-", text)


def test_a_windowed_search_finds_what_a_whole_string_finditer_finds():
    """Long strings with few literal occurrences are searched in stretches (_analyse's
    window): the matches, at every pos and endpos, are those of the whole string."""
    rng = random.Random(12)
    alphabet = "abcdxy \n，年"
    patterns = ["[a-d]{0,3}xy", "(?:ab|c)?xy(?=a)", "xy$", r"\bxy\w?", "(?<=a)xy[^\n]{0,4}b", "^[a-z]*?年xy",
                "(?:a|bc){1,3}年", "[ab]xy(?!c)|年年", "(?<![ab])[xy年]+", "(?<!x)(?<=a)(y|年)+", "(?<=[^a])a*b",
                "xy[a-d]*", "(?:a|b)?年+x", "[ab]{0,2}xy\\s*年?$",
                # sets as literals: single characters, frequent ones, a lead before them
                "[xy]", "(?<=a)[x年]+", "[ab]?[y年]{1,2}(?!c)", "(?:[ab]|[xy]{2})年?", "[a-d][ \\n]{2,}[xy]",
                "(?<![a-d])[年，]", "[{}]|xy年"]
    for pattern in patterns:
        bounded = compile_user(pattern, regex.MULTILINE)
        plain = regex.compile(pattern, regex.MULTILINE)
        scan, plain_re = literal_scan(pattern, re.MULTILINE), re.compile(pattern, re.MULTILINE)
        for _ in range(60):
            pieces = [rng.choice(alphabet) for _ in range(rng.randint(1_100, 1_600))]
            for _ in range(rng.randint(0, 40)):        # literals, some side by side
                k = rng.randrange(len(pieces))
                pieces[k] = rng.choice(["xy", "年", "xyxy", "年年"])
            text = "".join(pieces)
            pos = rng.choice([0, 0, rng.randint(0, 50)])
            end = rng.choice([len(text), len(text), rng.randint(len(text) - 50, len(text))])
            assert [(m.span(), m.groups()) for m in bounded.finditer(text, pos, end)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text, pos, end)], (pattern, pos, end)
            assert [(m.span(), m.groups()) for m in scan.finditer(text, pos, end)] == \
                [(m.span(), m.groups()) for m in plain_re.finditer(text, pos, end)], (pattern, pos, end)


def test_minhash_keys_of_all_texts_at_once_are_those_of_each_text():
    """similarity.band_keys hashes every text's shingles in one array; each row must be
    what hashing that text's own distinct shingles gives (the reference index caches them)."""
    import numpy as np

    from checker.model.similarity import _permutations, _shingle_codes, band_keys, exact_key

    def one(norm: str, bands: int, rows: int):
        a, b = _permutations(bands * rows)
        row = np.zeros(bands + 1, dtype=np.uint32)
        codes = _shingle_codes(norm)
        if len(codes):
            with np.errstate(over="ignore"):
                sig = ((codes[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).min(axis=0)
                mix = np.arange(1, rows + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
                salt = np.arange(bands, dtype=np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
                row[:bands] = (((sig.reshape(bands, rows) * mix).sum(axis=1) + salt) >> np.uint64(32)).astype(np.uint32)
        row[bands] = exact_key(norm)
        return row

    rng = random.Random(4)
    alphabet = "教育工作推进§ab12"
    for _ in range(60):
        norms = ["".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 2, 3, 8, 40])))
                 for _ in range(rng.randint(0, 7))]
        for bands, rows in ((16, 4), (5, 3)):
            got = band_keys(norms, bands, rows)
            assert got.shape == (len(norms), bands + 1)
            for n, norm in enumerate(norms):
                assert (got[n] == one(norm, bands, rows)).all(), norm


def test_expressions_known_from_an_earlier_run_compile_only_when_needed(tmp_path, monkeypatch):
    """What one run learns about an expression (it compiles; its required literals) is kept
    in the cache folder: the next process compiles it only when a string holds a literal,
    finds the same matches, and a bad expression never learned still fails when made."""
    import subprocess
    import sys

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    script = (
        "import regex\n"
        "from checker.core.patterns import compile_user, check_pattern\n"
        "p = compile_user('ab+c|xyz', regex.MULTILINE)\n"
        "print(p._compiled is not None, [m.span() for m in p.finditer('qq')], p._compiled is not None,\n"
        "      [m.span() for m in p.finditer('--abbc-xyz')], p._compiled is not None)\n"
        "q = compile_user(r'(?P<y>\\d{4})(?:年|-)(?P<m>\\d+)?', regex.IGNORECASE)\n"
        "print(q.search('x 2024年3').groupdict() == {'y': '2024', 'm': '3'}, q.sub('_', 'a2024-b'))\n"
        "try:\n"
        "    check_pattern('ab(')\n"
        "except ValueError as exc:\n"
        "    print('invalid' in str(exc))\n"
    )
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs[0].split() == ["True", "[]", "True", "[(2,", "6),", "(7,", "10)]", "True", "True", "a_b", "True"]
    # second process: known to compile, so not compiled until a literal is present, and
    # then made from the stored program
    assert runs[1].split() == ["False", "[]", "False", "[(2,", "6),", "(7,", "10)]", "True", "True", "a_b", "True"]
    assert list((tmp_path / "gwlint").glob("patterns-*.marshal"))


def test_a_damaged_file_of_known_expressions_is_ignored(tmp_path, monkeypatch):
    from checker.core import patterns

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    known = patterns._Known()
    path = known.path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\0" * 40)
    known.load()
    assert not known.ok and not known.literals
    assert not known.compiles(("ab(", 0))


def test_the_prefix_table_read_by_first_character_segments_as_jieba_does(tmp_path, monkeypatch):
    """tokens._PrefixTable answers what jieba's own loaded prefix dictionary answers, so
    segmenting with it gives the same tokens (a cold table, then one read back)."""
    from checker.model import tokens

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    jieba = tokens.import_jieba()
    dictionary = tmp_path / "trimmed.txt"
    dictionary.write_bytes(tokens.trimmed_words())
    reference = jieba.Tokenizer(str(dictionary))
    reference.initialize()
    text = ("为了了解基层情况，我们我们深入一线开展调研。一对一帮扶在职人员，"
            "推进城市维护建设税征收管理，做好做好各项工作。abc123 混排文字")
    for _ in range(2):          # built into the cache folder, then read from it
        table, total = tokens._prefix_table(jieba.Tokenizer())
        assert total == reference.total
        mine = jieba.Tokenizer()
        mine.FREQ, mine.total, mine.initialized = table, total, True
        assert list(mine.tokenize(text)) == list(reference.tokenize(text))
        for word in ["了解", "了", "一对一", "城市维护建设税", "不存在的词语", "x", ""]:
            assert table.get(word) == reference.FREQ.get(word)
            assert (word in table) == (word in reference.FREQ)


def test_re_programs_kept_between_runs_make_the_patterns_re_makes(tmp_path, monkeypatch):
    """checker.core.re_cache hands re's engine a stored program: the pattern objects are
    equal to re's own (equality compares flags, text and program), cold and read back."""
    import re
    from re import _compiler

    from checker.core import re_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    patterns = [("ab+c", 0), (r"(?P<year>(?:19|20)\d{2})年(?!度)", 0), (r"^\s*[一二三]、", re.M),
                ("(?i)straße|ǅ", 0), (rb"\x00[^\n]*", 0), ("(?x) a  b # c", 0), (r"(a)(?P<n>b)?\2", re.S)]
    original = re_cache._INSTALLED[0] if re_cache._INSTALLED else _compiler.compile
    for round_ in range(2):
        store = re_cache._Store()
        monkeypatch.setattr(re_cache, "_STORE", store)
        for pattern, flags in patterns:
            made = re_cache._compile(pattern, flags)
            assert made == original(pattern, flags)
            assert (made.groupindex, made.groups, made.flags) == (re.compile(pattern, flags).groupindex,
                                                                  re.compile(pattern, flags).groups,
                                                                  re.compile(pattern, flags).flags)
        assert (store.new == len(patterns)) == (round_ == 0)     # read back the second time
        store.save()
    with __import__("pytest").raises(re.error):
        re_cache._compile("ab(", 0)


def test_dataclass_methods_kept_between_runs_are_the_ones_exec_compiles(tmp_path, monkeypatch):
    """checker.core.code_cache hands dataclasses the code compiled from the same text: the
    generated methods have the same code, annotations and behaviour, cold and read back."""
    import dataclasses
    import typing

    from checker.core import code_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def make():
        @dataclasses.dataclass(frozen=True, order=True)
        class Point:
            x: int
            y: "typing.Optional[int]" = None
            tags: list = dataclasses.field(default_factory=list)
        return Point

    plain = make()
    for round_ in range(2):
        store = code_cache._Store()
        monkeypatch.setattr(code_cache, "_STORE", store)
        monkeypatch.setattr(code_cache, "_ACTIVE", [True])       # as between install and uninstall
        monkeypatch.setattr(dataclasses, "exec", code_cache._exec, raising=False)
        cached = make()
        monkeypatch.delattr(dataclasses, "exec")
        for name in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__"):
            a, b = getattr(plain, name), getattr(cached, name)
            assert a.__code__.co_code == b.__code__.co_code and a.__code__.co_flags == b.__code__.co_flags
            assert a.__annotations__ == b.__annotations__
        assert repr(cached(1, 2)) == repr(plain(1, 2)).replace("plain", "cached")
        assert cached(1) < cached(2) and cached(1, [3]) == cached(1, [3])
        assert (store.new > 0) == (round_ == 0)      # read back the second time
        store.save()


def test_stored_data_views_give_the_report_validated_views_give(tmp_path):
    """Validated vocabulary views are kept in the cache folder and made again without
    validation by the next run (checker.model.lexicon._StoredViews): same report."""
    import subprocess
    import sys
    from pathlib import Path

    seed = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[0]
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--no-cache", "--format", "json",
                            str(seed)], capture_output=True, text=True, env=env).stdout for _ in range(2)]
    assert runs[0] == runs[1] and '"violations"' in runs[0]
    views = list((tmp_path / "gwlint").glob("views-*.marshal"))
    assert views
    from checker.model import lexicon

    store = lexicon._StoredViews()
    store.file = lambda: str(views[0])          # noqa: E731 - read that file
    assert len(store._read()) >= 10


def test_a_view_made_again_from_plain_data_is_the_validated_one():
    import datetime as dt
    import marshal
    from typing import Optional

    from pydantic import BaseModel, ConfigDict, Field

    from checker.model.lexicon import _construct, _plain, _same

    class Row(BaseModel):
        model_config = ConfigDict(extra="forbid", defer_build=True)
        word: str
        weight: float = 1.0

    class View(BaseModel):
        model_config = ConfigDict(extra="ignore", defer_build=True)
        rows: list[Row] = Field(default_factory=list)
        by_name: dict[str, Row] = Field(default_factory=dict)
        best: Optional[Row] = None
        pair: tuple[str, ...] = ()
        count: int = 0
        since: dt.date | None = None
        stamps: list[dt.datetime] = Field(default_factory=list)

    view = View.model_validate({"rows": [{"word": "a"}, {"word": "b", "weight": 2}], "by_name": {"x": {"word": "c"}},
                                "best": {"word": "d"}, "pair": ["p", "q"], "since": "2021-07-01",
                                "stamps": ["2021-07-01T08:00:00"]})
    again = _construct(View, marshal.loads(marshal.dumps(_plain(view))))
    assert _same(again, view) and again == view
    assert type(again.since) is dt.date and type(again.stamps[0]) is dt.datetime
    assert isinstance(again.rows[1], Row) and again.rows[1].weight == 2.0 and isinstance(again.pair, tuple)
    assert again.model_fields_set == view.model_fields_set
    assert not _same(View.model_construct(rows=[{"word": "a"}]), View.model_validate({"rows": [{"word": "a"}]}))


def test_every_expression_a_run_compiles_is_rebuilt_equal_from_its_stored_program(tmp_path, monkeypatch):
    """All the re expressions checking the seeds compiles (the checks', the tables built
    from the vocabularies, the libraries'), stored and read back by re_cache: each equal
    to re's own compilation."""
    import re
    from pathlib import Path
    from re import _compiler

    from checker.api import check_text
    from checker.core import re_cache

    for seed in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))[:2]:
        check_text(seed.read_text(encoding="utf-8"))
    keys = [(k[1], k[2]) for k in list(re._cache) if isinstance(k[1], (str, bytes))]
    assert len(keys) > 50
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    original = re_cache._INSTALLED[0] if re_cache._INSTALLED else _compiler.compile
    for round_ in range(2):
        store = re_cache._Store()
        monkeypatch.setattr(re_cache, "_STORE", store)
        for pattern, flags in keys:
            assert re_cache._compile(pattern, flags) == original(pattern, flags), pattern
        store.save()


def test_the_default_configuration_made_without_validating_is_config():
    from checker.config.schema import Config, default_config
    from checker.model.lexicon import _same

    made, validated = default_config(), Config()
    assert _same(made, validated) and made.model_fields_set == validated.model_fields_set
    assert made._source_digest is None


def test_the_re_store_keeps_recent_programs_compactly_and_leaves_re_as_it_found_it(tmp_path, monkeypatch):
    """The file holds each program as bytes with the generation of the last saving run that
    used it; a pattern no recent run used is dropped; the command line gives ``re`` its own
    compiler back when it returns (a test runner's later compilations are not stored)."""
    from re import _compiler

    from checker.cli.main import main
    from checker.core import re_cache
    from checker.core.sealed_file import read_sealed

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    before = _compiler.compile
    for round_ in range(re_cache._RECENT + 1):
        store = re_cache._Store()
        monkeypatch.setattr(re_cache, "_STORE", store)
        re_cache._compile(f"round {round_}+", 0)
        re_cache._compile("every round+", 0)
        store.save()
    data = read_sealed(store.path(), re_cache._FORMAT)
    assert data["generation"] == re_cache._RECENT + 1
    kept = data["entries"]
    assert ("every round+", 0) in kept and ("round 0+", 0) not in kept and (f"round {re_cache._RECENT}+", 0) in kept
    assert all(isinstance(entry[1], bytes) for entry in kept.values())
    assert main(["rules", "--no-config"]) == 0
    assert _compiler.compile is before


def test_stored_regex_programs_run_on_the_engine_loaded_without_the_regex_package():
    """checker.core.patterns loads regex's compiled engine alone (the package's Python
    half is not needed for a stored program); the patterns it makes match as regex's own,
    and a later ``import regex`` (``from regex import _regex``) uses the same engine."""
    import subprocess
    import sys

    code = r"""
import sys
from checker.core.patterns import _engine
engine = _engine()
assert "regex" not in sys.modules and "regex._regex_core" not in sys.modules
import regex
from regex import _regex
assert _regex is engine is sys.modules["regex._regex"]
for pattern in [r"(?<=第)\d+(?:\.\d+)?", r"\p{Han}{2,}", r"(?P<y>20\d\d)年(?!度)", r"[a-z]+(?i:X)"]:
    made = regex.compile(pattern)
    again = engine.compile(*made._pickled_data)
    text = "第12.5项 2023年度 2024年 abcX 汉字"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in made.finditer(text)], pattern
    assert again.sub("-", text) == made.sub("-", text)
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]


def test_dataclass_docstrings_made_without_inspect_are_inspects(tmp_path, monkeypatch):
    """checker.core.code_cache answers ``inspect.signature`` for dataclasses (their
    docstring) from texts kept by earlier runs: for every dataclass of gwlint, and for
    the kinds of parameter it must tell apart, the text is inspect's, cold and read back."""
    import dataclasses
    import importlib
    import inspect
    import pkgutil
    import typing
    from pathlib import Path

    import checker
    from checker.core import code_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(code_cache, "_ACTIVE", [True])               # as between install and uninstall
    classes = []
    for info in pkgutil.walk_packages(checker.__path__, "checker."):
        if info.name.startswith(("checker.spark", "checker.lsp", "checker.gwlint_alias", "checker.__main__")):
            continue
        module = importlib.import_module(info.name)
        classes += [c for c in vars(module).values()
                    if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == info.name]

    @dataclasses.dataclass
    class Plain:
        a: int
        b: "str" = "x"
        c: list = dataclasses.field(default_factory=list)
        d: typing.Optional[int] = None          # typing: left to inspect itself
        e: dict[str, int] = dataclasses.field(default_factory=dict)

    @dataclasses.dataclass(kw_only=True)
    class Keywords:
        a: int = 1
        b: float = 0.5

    @dataclasses.dataclass
    class Odd:
        a: object = object()                     # a repr that differs each run

        def __new__(cls, *args, **kwargs):
            return super().__new__(cls)

    typed = dataclasses.make_dataclass("Typed", [("a", int), ("b", typing.Optional[int], None),
                                                 ("c", list[int], dataclasses.field(default_factory=list))])
    builtin = dataclasses.make_dataclass("Builtin", [("a", int), ("b", Path, None)])
    classes += [Plain, Keywords, Odd, typed, builtin]
    assert len(classes) > 30
    for round_ in range(2):
        store = code_cache._Store()
        monkeypatch.setattr(code_cache, "_STORE", store)
        for cls in classes:
            assert str(code_cache._signature(cls)) == str(inspect.signature(cls)), cls
        assert (store.new > 0) == (round_ == 0)      # read back the second time
        store.save()
    assert code_cache._signature_key(Odd) is None and code_cache._signature_key(typed) is None
    assert None not in (code_cache._signature_key(Keywords), code_cache._signature_key(Plain),
                        code_cache._signature_key(builtin))


def test_an_empty_file_run_imports_neither_inspect_nor_the_regex_package(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code = ("import sys\nfrom checker.cli.main import main\nmain(['check', '--no-cache', '--no-config', 'empty.txt'])\n"
            "print(sorted(m for m in ('inspect', 'regex', 'pkgutil', 'shutil', 'logging', 'traceback') if m in sys.modules))")
    # the temporary folder too: a cache file another process left in <temp>/gwlint would be
    # read from there (the fallback folder), importing tempfile to find it
    (tmp_path / "tmp").mkdir()
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TMPDIR": str(tmp_path / "tmp")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
            for _ in range(2)]
    assert runs[1].stdout.strip().splitlines()[-1] == "[]", runs[1].stdout + runs[1].stderr[-2000:]


def test_the_regex_build_key_is_that_of_the_engine_loaded(tmp_path):
    """The stored regex programs are keyed by the engine file ``_engine`` loads, not by the
    first ``_regex.*`` file of the folder: a folder may hold an older build's beside it."""
    import importlib.util
    import shutil
    import subprocess
    import sys

    engine = importlib.util.find_spec("regex._regex").origin
    package = tmp_path / "regex"
    shutil.copytree(Path(engine).parent, package)
    (package / "_regex.abi0-old-build.so").write_bytes(b"not this interpreter's")   # sorts first
    code = ("import sys\nfrom checker.core.patterns import _engine, _engine_file\n"
            "print(_engine_file() == _engine().__file__, 'regex._regex_core' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(Path(__file__).parents[1])])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["True", "False"], out.stdout + out.stderr[-2000:]


def test_a_documents_block_around_is_tokens_block_around():
    """Document._block_around finds a jieba block's ends by searching for a character
    outside every block (tokens._NOT_BLOCK, made from the same characters as _BLOCK);
    the spans are those of tokens.block_around's walk, runs longer than its first
    look-back stretch included."""
    from types import SimpleNamespace

    from checker.model.document import Document
    from checker.model.tokens import _BLOCK, _NOT_BLOCK, block_around

    for code in range(0x3000):
        ch = chr(code)
        assert (_BLOCK.fullmatch(ch) is None) == (_NOT_BLOCK.fullmatch(ch) is not None), hex(code)
    rng = random.Random(3)
    for _ in range(300):
        text = "".join(rng.choice(["年", "a", "9", ".", "，", " ", "\n", "-"] if rng.random() < 0.9 else ["中" * 150])
                       for _ in range(rng.randint(1, 400)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, min(len(text), start + 5))
        assert Document._block_around(SimpleNamespace(text=text), start, end) == block_around(text, start, end)


def test_after_the_command_line_returns_a_callers_dataclasses_and_parsers_are_left_alone(tmp_path):
    """main() gives back what it changed for its run (as re_cache.uninstall does for re):
    dataclasses made afterwards are not compiled into the code store, and argparse asks
    gettext again (a caller's translation is used)."""
    import subprocess
    import sys

    code = r"""
import argparse, dataclasses, gettext
from checker.cli.main import main
from checker.core import code_cache
assert main(["rules", "--no-config"]) == 0
before = code_cache._STORE.new
@dataclasses.dataclass
class Later:
    a: int = 1
print(code_cache._STORE.new == before, argparse._ is gettext.gettext, Later.__doc__)
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.stdout.strip().splitlines()[-1] == "True True Later(a: int = 1)", out.stdout[-500:] + out.stderr[-2000:]


def test_a_dataclass_made_when_the_code_store_fails_is_dataclasses_own(monkeypatch):
    """When the store cannot give a method, _exec compiles it as dataclasses' exec would,
    not with code_cache's own ``from __future__ import annotations``."""
    import dataclasses

    from checker.core import code_cache

    def broken(source):
        raise RuntimeError("a store that fails")

    def make():
        @dataclasses.dataclass
        class Point:
            x: int = 1
        return Point

    plain = make()
    monkeypatch.setattr(code_cache, "_ACTIVE", [True])
    monkeypatch.setattr(code_cache._STORE, "compiled", broken)
    monkeypatch.setattr(dataclasses, "exec", code_cache._exec, raising=False)
    made = make()
    assert made.__init__.__annotations__ == plain.__init__.__annotations__ == {"x": "int", "return": None}
    assert made.__doc__ == plain.__doc__


@pytest.mark.parametrize("pattern", [
    r"(a)xy\1", r"xy\Z", r"xy$", r"(?m)xy$", r"^xy", r"(?m)^xy", r"(a)?(?(1)xy|年)", r"(?i:xy)", r"(?s:.)xy",
    r"xy\b", r"\bxy\b", r"\Bxy", r"(?<=\b)xy", r"(?<=a\b)xy", r"xy(?=\s)", r"xy(?!\S)", r"xy(?=$)", r"xy(?!.)",
    r"(?>[a-z]{0,3}+)xy", r"xy.{0,5}+z", r"(?<![a-z]{2})xy", r"(?<=\n)xy", r"年[^\n]*?xy", r"xy(?=(.{3}))",
    r"xy(?=.*\n)", r"(?<=年..)xy", r"(?:a|xy)+b", r"\Axy", r"xy{1,2}?", r"(?<=(?=xy))xy", r"x(?=y)y",
    r"(?x) x y  ", r"(?a)xy\w", r"\d*xy", r"xy\d*$", r"xy(?=\n|$)"])
def test_windowed_searches_of_adversarial_expressions_find_what_finditer_finds(pattern):
    """Look-arounds reading past the window, back references, \\b, $ and \\Z, atomic and
    possessive parts, inline and scoped flags, IGNORECASE: UserPattern (regex) and
    LiteralScan (re) find, at every pos and endpos, what finditer over the whole string
    finds (expressions the window cannot bound run whole; the others must agree)."""
    rng = random.Random(pattern)
    for flags in (0, re.MULTILINE, re.DOTALL, re.IGNORECASE):
        plain = regex.compile(pattern, flags)
        try:
            plain_re = re.compile(pattern, flags)
        except re.error:
            plain_re = None
        bounded = compile_user(pattern, flags)
        scan = literal_scan(pattern, flags) if plain_re is not None else None
        for _ in range(6):
            pieces = [rng.choice("zzzz11  _\n\n") for _ in range(rng.randint(1_100, 1_400))]
            for _ in range(rng.randint(0, 12)):
                pieces[rng.randrange(len(pieces))] = rng.choice(["xy", "年", "xy\n", "axy", "XY", "年年xy", "xy1", "a\nxy"])
            text = "".join(pieces) + rng.choice(["", "xy"])
            pos = rng.choice([0, rng.randint(0, 30)])
            end = rng.choice([len(text), rng.randint(len(text) - 30, len(text))])
            assert [(m.span(), m.groups()) for m in bounded.finditer(text, pos, end)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text, pos, end)], (flags, pos, end)
            if scan is not None:
                assert [(m.span(), m.groups()) for m in scan.finditer(text, pos, end)] == \
                    [(m.span(), m.groups()) for m in plain_re.finditer(text, pos, end)], (flags, pos, end)


LINE_ANCHORED = [r"^[ \t]*\d+[ \t]*$", r"^\s*\d", r"^(a)?\d(?(1)a)", r"^(?<=\n)\d", r"^\d$\n^\d",
                 r"^[^\n]*\d[ ]*$", r"^(?:\d\n)+", r"^(?=[^\n]*\d)[z ]+", r"^\d(?=\n\n)", r"^(\d)\n\1",
                 r"^\d\n", r"^[z ]*\d[ ]*\n"]


@pytest.mark.parametrize("pattern", LINE_ANCHORED + [r"^\d|z", r"^[ \t]*$", r"^.{0,3}$", r"(?m)^\d", r"^*", r"\G\d"])
def test_expressions_opening_with_a_line_start_find_at_line_starts_what_finditer_finds(pattern):
    """An expression opening with ^ under MULTILINE, needing no literal, is tried only at
    line starts (``_line_probe``): at every pos and endpos, with matches spanning lines,
    back references and look-arounds, it finds what regex's finditer finds.  Those that
    may match empty, hold a top-level alternation or open otherwise are searched whole."""
    from checker.core import patterns

    rng = random.Random(pattern)
    probe = patterns._line_probe(pattern, re.MULTILINE)
    assert bool(probe) == (pattern in LINE_ANCHORED)
    assert not patterns._line_probe(pattern, 0)
    for flags in (re.MULTILINE, re.MULTILINE | re.DOTALL, 0):
        plain = regex.compile(pattern, flags)
        ours = compile_user(pattern, flags)
        for _ in range(8):
            text = "".join(rng.choice(["1", "z", " ", "\n", "\n", "a", "\t", "12\n"]) for _ in range(rng.randint(1_000, 1_600)))
            pos = rng.choice([0, 0, rng.randint(0, 30)])
            end = rng.choice([len(text), rng.randint(len(text) - 30, len(text))])
            assert [(m.span(), m.groups()) for m in ours.finditer(text, pos, end)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text, pos, end)], (flags, pos, end)


def test_jieba_imported_with_its_kept_emission_table_and_deferred_modules():
    """import_jieba puts the HMM emission table kept in the cache folder in place of
    jieba.finalseg.prob_emit and defers tempfile and pickle: in a fresh process (the table
    written by an earlier one) jieba's table answers every lookup as its module's does, and
    its deferred modules work when used."""
    import subprocess
    import sys

    probe = (
        "import sys, runpy\n"
        "from checker.model.tokens import import_jieba\n"
        "j = import_jieba()\n"
        "g = runpy.run_path(j.__path__[0] + '/finalseg/prob_emit.py')\n"
        "kept, own = j.finalseg.emit_P, g['P']\n"
        "assert list(kept) == list(own)\n"
        "for state, row in own.items():\n"
        "    assert all(kept[state].get(c, -1.5) == v for c, v in row.items())\n"
        "    assert all(kept[state].get(c, -1.5) == row.get(c, -1.5) for c in ('', 'xy', 'a', '\\U0002a6a5'))\n"
        "assert 'tempfile' not in sys.modules and 'pickle' not in sys.modules, 'deferred'\n"
        "assert j.tempfile.gettempdir() and callable(j.finalseg.pickle.load)\n"
        "import tempfile, pickle\n"
        "assert j.tempfile.mkstemp is tempfile.mkstemp and j.finalseg.pickle.load is pickle.load\n"
        "print(type(sys.modules.get('jieba.finalseg.prob_emit')).__name__)\n"
    )
    # the first process may write the kept table (and import tempfile to do so)
    warm = "from checker.model.tokens import import_jieba\nimport_jieba()\n"
    assert subprocess.run([sys.executable, "-c", warm], capture_output=True).returncode == 0
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "module"


def test_kept_prefix_table_answers_as_jiebas_own():
    """The prefix table read from the cache folder (buckets found by first character in
    one string, their data in one bytes object) gives every word jieba's own table holds
    its frequency, and no entry to a word it lacks."""
    from checker.model import tokens

    import io

    tokenizer = tokens._tokenizer()
    freq, total = tokenizer.gen_pfdict(io.BytesIO(tokens.trimmed_words()))
    table = tokenizer.FREQ
    assert tokenizer.total == total
    assert all(table.get(word) == count for word, count in freq.items())
    assert all(table.get(word) is None for word in ("", "不在词典里的词语", "\U0002a6a5甲"))


def test_the_regex_budget_counts_only_the_time_inside_the_calls():
    """The CPU timer is set once per budget and runs on between the calls
    (checker.core.patterns._run): the rule's own work between expressions must not use
    the budget up, and a runaway expression must still stop once the calls' own time
    reaches it."""
    import time

    from checker.core.patterns import RegexBudgetExceeded, compile_user, regex_budget

    quick, runaway = compile_user("ab|cd"), compile_user("^(a|aa)+$")
    spin = lambda: sum(range(30_000))          # noqa: E731 - the rule's own work
    start = time.process_time()
    with regex_budget(0.2):
        while time.process_time() - start < 0.6:   # three budgets of work between the calls
            spin()
            assert quick.search("xxab") is not None
    start = time.process_time()
    with pytest.raises(RegexBudgetExceeded):
        with regex_budget(0.2):
            for _ in range(30):
                spin()
                quick.search("xxab")
            # ends with an a: a text ending with a character no match ends with before
            # its $ is answered without a call (UserPattern._cannot_end)
            runaway.search("a" * 40 + "!a")
    assert time.process_time() - start < 5
    # the next budget starts afresh, and no timer is left running after it
    with regex_budget(0.2):
        assert quick.search("xxab") is not None
    spin_until = time.process_time() + 0.4
    while time.process_time() < spin_until:
        spin()


def test_the_timer_signal_spends_the_budget_only_by_the_calls_own_time(monkeypatch):
    """``_expired`` (the CPU timer's handler): inside a call, the budget is spent when the
    call's time so far reaches what was left; otherwise (the timer also counted the work
    between calls) it sets the timer again to what is left."""
    import signal
    import time

    from checker.core import patterns

    set_to: list[float] = []
    monkeypatch.setattr(patterns.signal, "setitimer", lambda which, seconds, *rest: set_to.append(seconds))
    budget = patterns._Budget(0.1)
    timer = patterns._Timer()
    monkeypatch.setattr(patterns, "_TIMER", timer)
    timer.owner = budget
    timer.armed = False
    patterns._expired(0, None)                       # between calls: set again to all that is left
    assert set_to == [0.1]
    timer.armed, timer.start = True, time.process_time() - 0.05
    patterns._expired(0, None)                       # half used inside this call: set again
    assert len(set_to) == 2 and 0.0 < set_to[1] <= 0.05 + 1e-3
    timer.start = time.process_time() - 0.2
    with pytest.raises(patterns.RegexBudgetExceeded):
        patterns._expired(0, None)                   # more than was left: spent
    assert not timer.armed and timer.owner is None
    timer.owner = None
    patterns._expired(0, None)                       # no budget: nothing to do
    assert len(set_to) == 2


def test_every_shipped_expression_finds_on_long_texts_what_finditer_finds():
    """Each user expression of the shipped rules and data (those a lint of the seeds
    meets), searched as gwlint searches it (required literals, sets read as characters,
    windows, anchored tries), finds on long texts what regex's finditer over the whole
    text finds: the seeds shuffled by line, with blanks, x/×/* marks, 。 and Latin
    tokens planted."""
    import regex as regex_module

    from checker.core import patterns
    from checker.model.document import Document
    from checker.engine.lint import lint_document
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))]
    for n, text in enumerate(seeds):
        lint_document(Document.from_text(text, path=f"s{n}.txt", lexicon=settings.lexicon), settings.rules)
    keys = sorted(patterns._KNOWN.literals)
    assert len(keys) > 150
    rng = random.Random(31)
    marks = [" ", "\t", "  a b c d e f g ", "x", "××", "**", "*", "。", "、。", "X年", "第×", "《**》", "1.2",
             "ab", "| q ", "％", "___", "○○", "? lián", "[ ×× ]", "——", "2023年", "12:30"]
    texts = []
    for _ in range(10):
        lines = rng.choice(seeds).splitlines(keepends=True)
        rng.shuffle(lines)
        pieces = list("".join(lines))
        for _ in range(rng.choice([5, 40, 200])):
            pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(marks))
        texts.append("".join(pieces))
    for pattern, flags in keys:
        ours, plain = patterns.compile_user(pattern, flags), regex_module.compile(pattern, flags)
        for text in texts:
            assert [m.span() for m in ours.finditer(text)] == [m.span() for m in plain.finditer(text)], pattern


def test_word_lists_looked_up_by_length_answer_as_the_loops_over_words():
    """indicators.is_rate and count_list._claim ask a set per length of word instead of
    comparing each word: the same answers on random texts and lists (the empty word,
    words longer than the text, places near the ends and the paragraph's start)."""
    from checker.checks.enumeration import count_list
    from checker.model import indicators

    rng = random.Random(41)
    alphabet = "率比占覆盖功成项所个"
    for _ in range(3_000):
        words = tuple({"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 8))})
        exceptions = tuple({"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 8))})
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        plain_word = max((len(w) for w in words if text.endswith(w)), default=0)
        plain_exception = max((len(e) for e in exceptions if text.endswith(e)), default=0)
        assert indicators._longest_ending(text, words) == plain_word
        assert indicators.is_rate(text, words, exceptions) == (bool(text) and plain_word > plain_exception)
        start = rng.randint(0, len(text))
        floor = rng.randint(0, start)
        before = any(text.startswith(w, start - len(w)) and start - len(w) >= floor for w in words)
        after = any(text.startswith(w, start) for w in words)
        assert any(start - n >= floor and text[start - n:start] in ws for n, ws in count_list._by_length(words)) == before
        assert any(text[start:start + n] in ws for n, ws in count_list._by_length(words)) == after


def test_quote_marks_and_document_numbers_searched_where_they_can_be_find_what_every_character_finds(monkeypatch):
    """gb-nested-quotes visits only the quote marks of a paragraph and
    document-number-conflict searches only the lines holding what its expression needs:
    the findings are those of visiting every character and searching every line."""
    import re as re_module

    from checker.checks.gb_15834 import nested_quotes
    from checker.checks.metric import document_number
    from tests.helpers import lint

    rng = random.Random(17)
    pieces = ["“", "”", "‘", "’", "“学习", "children’s", "工作", "。\n", "\n\n", "，", "国办发〔2023〕12号",
              "国办发〔2022〕3号", "文号：", "粤府〔2023〕 7号", "19", "20", "x", "“甲“乙”丙”",
              "\n国办发〔2023〕12号\n", "\n国办发〔2021〕5号\n"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 60))) for _ in range(250)]
    rules = ("gb-nested-quotes", "document-number-conflict")

    def findings():
        return [[(v.rule, v.line, v.column, v.message) for v in lint(t) if v.rule in rules] for t in texts]

    ours = findings()
    assert sum(map(len, ours)) > 20
    monkeypatch.setattr(nested_quotes, "_marks", lambda *marks: re_module.compile("(?s)."))
    monkeypatch.setattr(document_number, "literal_scan", lambda pattern: pattern)
    assert findings() == ours


def test_messages_filled_by_format_map_are_formatters():
    """render_message fills a template with str.format_map and leaves any template it
    cannot fill to string.Formatter: the same message, fallback or error as Formatter's
    for random templates (fields, conversions, specs, indexes, stray braces, missing
    names)."""
    from string import Formatter

    from checker.engine import stamp

    def plain(template, args):
        safe = stamp._Args({k: stamp._display(v) for k, v in args.items()})
        try:
            return Formatter().vformat(template, (), safe)
        except (ValueError, IndexError, KeyError, AttributeError):
            return template

    def outcome(f, *a):
        try:
            return "ok", f(*a)
        except Exception as exc:  # noqa: BLE001
            return "raises", type(exc).__name__

    pieces = ["{", "}", "{x}", "{y}", "{n}", "{f}", "{x!r}", "{x!a}", "{n:>5}", "{n:d}", "{x:d}", "{f:.2f}", "{f}",
              "{missing}", "{missing:>4}", "{0}", "{}", "{x.y}", "{x[0]}", "{d[k]}", "{d[z]}", "{x:{n}}", "{x:{w}}",
              "{{", "}}", "字", ":", "!", "[", "]", "{x!}", "{x!z}", "{x:{n:{n}}}", "{[", "{0[0]}", "{big}"]
    args = {"x": "abc", "y": "字", "n": 3, "f": 1.5, "d": {"k": "v"}, "w": ">6", "big": 1e20}
    rng = random.Random(8)
    for _ in range(30_000):
        template = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert outcome(stamp.render_message, template, args) == outcome(plain, template, args), template


def _sentences_read_a_character_at_a_time(text, span):
    """The splitter as it was before it searched for the marks it acts on (the reference)."""
    from checker.model import sentences as s

    stack, start, i, end = [], span.start, span.start, span.end
    while i < end:
        ch = text[i]
        if ch in s._OPENERS and ch not in s._CLOSERS:
            stack.append(s._OPENERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in s._CLOSERS and stack and s._CLOSERS[ch] in s._OPENERS and ch in stack:
            while stack and stack.pop() != ch:
                pass
        elif ch in s._ENDERS and not stack:
            j = i + 1
            while j < end and (text[j] in s._ENDERS or text[j] in s._TRAILERS):
                j += 1
            yield s._trim(text, start, j)
            start = i = j
            continue
        i += 1
    if start < end:
        if stack and end - start > 200:
            yield from s._split_plain(text, start, end)
        else:
            trimmed = s._trim(text, start, end)
            if len(trimmed):
                yield trimmed


def test_sentences_split_by_searching_for_marks_are_those_read_a_character_at_a_time():
    """Quotes, brackets and 书名号 nested, stray and unclosed, runs of enders and trailers,
    blanks at the edges, long unbalanced paragraphs: the same sentence spans."""
    from checker.model.sentences import _split_one
    from checker.model.span import Span

    rng = random.Random(8)
    pieces = list("。！？；!?;“”‘’《》（）()【】〔〕「」『』") + ["字", "词语", " ", "\u3000", "\t", "ab"] * 6
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.choice([5, 40, 300])))
        a = rng.randint(0, len(text) // 3)
        span = Span(a, rng.randint(a, len(text)))
        assert list(_split_one(text, span)) == list(_sentences_read_a_character_at_a_time(text, span))


def test_line_starts_summed_from_line_lengths_are_the_positions_after_each_newline():
    from checker.sources.source import SourceText

    rng = random.Random(5)
    texts = ["", "\n", "字", "字\n", "\n\n字\n词", "ab\ncd\n\n"]
    texts += ["".join(rng.choice("字a\n ") for _ in range(rng.randint(0, 80))) for _ in range(2000)]
    for text in texts:
        assert SourceText("p", text, text).line_starts == [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def test_leftover_matches_kept_for_the_last_text_are_those_found_afresh():
    """find_matches keeps each expression's spans for the last text it searched: asked
    again (another list holding it, another text between) it answers as a fresh search."""
    from checker.checks.leftovers import pattern as leftover

    one = "第一行 上一篇：标题\n浏览次数：12\n正文。\n" * 40
    two = "下一篇\n" + one[:300]
    lists = [(r"(?:上一篇|下一篇)", r"浏览次数[:：]\d+"), (r"浏览次数[:：]\d+",), (r"^正文", r"(?:上一篇|下一篇)")]

    def fresh(text, patterns):
        leftover._LAST = (None, {})
        return leftover.find_matches(text, patterns, frozenset())

    expected = {(t, p): fresh(t, p) for t in (one, two) for p in lists}
    for text in (one, two, one, one, two):
        for patterns in lists + lists[::-1]:
            assert leftover.find_matches(text, patterns, frozenset()) == expected[(text, patterns)]


def test_occurrences_kept_per_text_outlast_the_stretches_and_starts_that_read_them():
    """Each literal's occurrences are kept for a long text, cut at _OCCURRENCES_KEPT:
    _stretches and _starts must give up before a cut list runs out, and read what a find
    loop finds (overlapping occurrences too)."""
    from checker.core import patterns

    assert patterns._OCCURRENCES_KEPT > max(patterns._ANCHORED_MAX, patterns._STRETCHES_MAX)
    text = ("aa。" * 50 + "年" * 3 + "字" * 2_000 + "。aaa") * 3
    for literal in ("。", "aa", "年", "字", "无"):
        found, at = [], text.find(literal)
        while at >= 0:
            found.append(at)
            at = text.find(literal, at + 1)
        kept = list(patterns._occurrences(text, literal, 0, len(text)))
        assert kept == found[:patterns._OCCURRENCES_KEPT]
        assert list(patterns._occurrences(text, literal, 7, len(text) - 5)) == \
            [a for a in found if 7 <= a and a + len(literal) <= len(text) - 5]
