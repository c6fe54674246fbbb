"""``compile_skipping`` (checker/core/skipping_re.py) finds what ``re.compile`` finds, and
does give the engine a set of first characters where ``re`` gave none."""
from __future__ import annotations

import random
import re

import pytest

from checker.core.skipping_re import _program, compile_skipping, first_set, made


def _has_first_set(pattern: str, flags: int = 0) -> bool:
    from re import _constants as c

    code = _program(pattern, flags)[1]
    return bool(code[2] & c.SRE_INFO_CHARSET)


def _re_has_its_own(pattern: str, flags: int = 0) -> bool:
    from re import _compiler, _constants as c, _parser

    code = _compiler._code(_parser.parse(pattern, flags), flags)
    return bool(code[2] & (c.SRE_INFO_PREFIX | c.SRE_INFO_CHARSET))


@pytest.mark.parametrize("pattern", [
    r"。{3,}|[.．·]{3,}|…+",                                  # opens with a repeat
    r"(?:https?|ftp)://\S+|www\.\S+",                         # a group holding a choice
    r"(?P<num>[0-9]{1,3}|[一二三]{1,3})(?P<cls>项|个)",        # a named group of repeats
    r"(?:^|(?<=[。；]))(?P<label>牵头单位|责任单位)",           # an anchor or a look-behind first
    r"(?<![0-9])(?:19|20)[0-9]{2}年",                         # a look-behind, then a choice
    r"(?:第)?[一二三]是",                                      # an optional group: its set and the next one's
    r"\d{2,}(?=年)",                                         # a category, repeated
])
def test_expressions_re_searches_position_by_position_get_a_first_set(pattern):
    assert not _re_has_its_own(pattern)
    assert _has_first_set(pattern)


@pytest.mark.parametrize("pattern, flags", [
    (r"a*", 0),                     # may be empty: every position is a start
    (r"(?<=年)", 0),                # takes no character
    (r".{2}年", 0),                 # . first
    (r"[^，。]{2,}：", 0),            # a negated set first
    (r"(?:ab){1,2}c", re.IGNORECASE),   # case ignored
    (r"(?i:a)b", 0),                # a group with its own flags
    (r"(?=(a))\1b", 0),              # a back reference first (past the look-ahead): no answer
])
def test_near_misses_keep_res_program(pattern, flags):
    try:
        re.compile(pattern, flags)
    except re.error:
        pytest.skip("not an expression")
    assert not _has_first_set(pattern, flags)


def test_re_own_prefix_or_set_is_left_alone():
    from re import _compiler, _parser

    for pattern in (r"年度\d+", r"[0-9]年", r"a|b|c"):
        assert _program(pattern, 0)[1] == [int(op) for op in _compiler._code(_parser.parse(pattern, 0), 0)]


def _random_expression(rng: random.Random, depth: int = 0) -> str:
    atoms = ["a", "b", "年", "[ab]", "[0-9]", r"\d", r"\s", ".", "[^a]", "^", r"\b", "(?=a)", "(?<=b)",
             "(?!年)", "(?<!a)", "\n", "$", r"\A"]
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.55 or depth > 2:
            part = rng.choice(atoms)
        elif roll < 0.75:
            part = "(?:" + "|".join(_random_expression(rng, depth + 1) for _ in range(rng.randint(1, 3))) + ")"
        elif roll < 0.85:
            part = "(?>" + _random_expression(rng, depth + 1) + ")"
        else:
            part = "(" + _random_expression(rng, depth + 1) + ")"
        if rng.random() < 0.35 and part not in ("^", "$", r"\b", r"\A") and not part.startswith(("(?<", "(?=", "(?!")):
            part += rng.choice(["?", "*", "+", "{0,2}", "{2}", "{0}", "??", "*?", "++", "{1,3}"])
        parts.append(part)
    return "".join(parts)


def test_random_expressions_find_what_re_finds():
    rng = random.Random(111)
    alphabet = "ab年1 \nc"
    given = 0
    for _ in range(1_000):
        pattern = _random_expression(rng)
        flags = rng.choice([0, 0, re.MULTILINE, re.DOTALL])
        try:
            plain = re.compile(pattern, flags)
        except re.error:
            continue
        skipping = compile_skipping(pattern, flags)
        given += _has_first_set(pattern, flags) and not _re_has_its_own(pattern, flags)
        for _ in range(15):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
            pos = rng.randint(0, len(text) + 1)
            endpos = rng.randint(0, len(text) + 2)
            assert ([(m.span(), m.groups()) for m in skipping.finditer(text, pos, endpos)]
                    == [(m.span(), m.groups()) for m in plain.finditer(text, pos, endpos)]), (pattern, text, pos, endpos)
            for method in ("search", "match", "fullmatch"):
                want = getattr(plain, method)(text, pos, endpos)
                got = getattr(skipping, method)(text, pos, endpos)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (pattern, method)
            assert skipping.sub("<\\g<0>>", text) == plain.sub("<\\g<0>>", text)
            assert skipping.split(text) == plain.split(text)
    assert given > 150          # the first sets were given to the engine, not only re's own kept


def test_a_wrong_first_set_would_be_seen():
    """The comparison above fails for a set missing a character a match begins with: an
    engine told only 'b' misses the match at 'a' (the test's own check of its power)."""
    from re import _compiler, _constants as c, _parser

    import _sre

    pattern = "(?:a)?b"
    parsed = _parser.parse(pattern, 0)
    code = [int(op) for op in _compiler._code(parsed, 0)]
    charset, _ = _compiler._optimize_charset([(c.LITERAL, ord("b"))])
    listed: list = []
    _compiler._compile_charset(charset, int(parsed.state.flags), listed)
    block = [int(c.INFO), 0, code[2] | c.SRE_INFO_CHARSET, code[3], code[4], *listed]
    block[1] = len(block) - 1
    wrong = _sre.compile(pattern, int(parsed.state.flags), block + code[1 + code[1]:], 0, {}, ())
    assert re.compile(pattern).search("xab").span() == (1, 3)
    assert wrong.search("xab").span() == (2, 3)
    assert sorted(chr(av) for _, av in first_set(parsed, int(parsed.state.flags))) == ["a", "b"]


_MADE_BY_A_RUN = """
import json, sys
from pathlib import Path
from checker.core.skipping_re import made
from checker.engine.lint import lint_document
from checker.engine.settings import build_settings
from checker.model.document import Document
settings = build_settings(no_config=True)
text = Path(sys.argv[1]).read_text(encoding="utf-8")
lint_document(Document.from_text(text, lexicon=settings.lexicon), settings.rules, True)
json.dump([[p, f] for p, f in made() if isinstance(p, str)], sys.stdout)
"""


def test_the_checks_expressions_find_what_re_finds_on_the_seeds():
    """Every expression a full run compiles through ``compile_skipping`` (the checks'
    modules, imported by linting a seed), on the seeds' texts and shuffled pieces of them.
    The expressions are listed by a fresh interpreter: in this one, other tests have
    added their own to ``made()`` (adversarial ones among them, slow on long texts)."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    listed = subprocess.run([sys.executable, "-c", _MADE_BY_A_RUN, str(seeds[0])],
                            capture_output=True, text=True, check=True, timeout=300)
    compiled = [(p, f) for p, f in json.loads(listed.stdout)]
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    rng = random.Random(112)
    lines = [line for t in texts for line in t.splitlines()]
    texts += ["\n".join(rng.sample(lines, min(len(lines), 300))) for _ in range(3)]
    assert len(compiled) > 60
    given = 0
    for pattern, flags in compiled:
        plain, skipping = re.compile(pattern, flags), compile_skipping(pattern, flags)
        given += _has_first_set(pattern, flags) and not _re_has_its_own(pattern, flags)
        for text in texts:
            assert ([(m.span(), m.groups()) for m in skipping.finditer(text)]
                    == [(m.span(), m.groups()) for m in plain.finditer(text)]), pattern
    assert given > 20
