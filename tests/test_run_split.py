"""An expression opening with a run of one set, searched from what follows the run
(checker/core/run_split.py), finds what ``re`` finds: same spans, same groups, in order."""
from __future__ import annotations

import random
import re

from checker.core.patterns import LiteralScan
from checker.core.run_split import RunSearch, run_split
from checker.core.skipping_re import compile_skipping


def test_the_document_number_expression_splits():
    pattern = r"[\u4e00-\u9fff]{1,12}[〔\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*[〕\]］】)）][ \t]*[0-9]{1,4}[ \t]*号"
    assert run_split(pattern) == (r"[\u4e00-\u9fff]", pattern[len(r"[\u4e00-\u9fff]{1,12}"):], 1, 12)


def test_near_misses_are_not_split():
    for pattern in [
        r"[甲乙]{1,3}?丙",          # lazy
        r"[甲乙]{1,3}+丙",          # possessive
        r"[甲乙]*丙",               # may take no character
        r"[甲乙]{0,3}丙",
        r"[甲乙]{1,3}乙",           # the rest may begin inside the run
        r"[甲-丁]{2}[丙戊]",        # overlapping ranges
        r"[甲乙]{1,3}(?:丙|)",      # the rest may be empty
        r"[甲乙]{1,3}\w",           # a category: not compared
        r"[^甲乙]{1,3}丙",          # a negated set
        r"([甲乙]){1,3}丙",         # a group
        r"甲{1,3}丙",               # not a set
        r"[甲乙]{1,3}丙|丁",        # a choice at the top
        r"[甲乙]{1,3}.",            # any character next
    ]:
        assert run_split(pattern) is None, pattern
    assert run_split(r"[甲乙]{1,3}丙", re.IGNORECASE) is None
    assert run_split(r"[甲乙]+丙") == ("[甲乙]", "丙", 1, -1)
    assert run_split(r"[甲乙]{2,}丙") == ("[甲乙]", "丙", 2, -1)
    assert run_split(r"[甲乙]{2}丙") == ("[甲乙]", "丙", 2, 2)


def _random_pattern(rng: random.Random) -> str:
    the_set = rng.choice(["[甲乙]", "[甲-丁]", "[a-c甲]", "[0-9]", "[\\]x]"])
    low = rng.randint(1, 3)
    reach = rng.choice(["+", "{%d}" % low, "{%d,}" % low, "{%d,%d}" % (low, low + rng.randint(0, 4))])
    rest = rng.choice(["戊", "[戊己]", "戊+己?", "(?:戊|己庚)", "(戊)(己)?", "(?P<n>戊[0-9]*)", "戊(?=己)",
                       "戊(?!己)", "(?<=[乙c])戊", "戊$", "戊\\b", "(?:戊|己)+?庚", "戊(?:[甲乙]{1,2})?"])
    return the_set + reach + rest


def test_random_expressions_find_what_re_finds():
    rng = random.Random(21)
    alphabet = "甲乙丙丁戊己庚a b c0 1]x\n"
    split_count = 0
    for _ in range(400):
        pattern = _random_pattern(rng)
        flags = rng.choice([0, re.MULTILINE])
        split = run_split(pattern, flags)
        if split is None:
            continue
        split_count += 1
        whole = re.compile(pattern, flags)
        search = RunSearch(whole, split, compile_skipping)
        for _ in range(20):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            pos = rng.randint(0, len(text))
            end = rng.randint(pos, len(text))
            m, ours = whole.search(text, pos, end), search.search(text, pos, end)
            assert (m and (m.span(), m.groups())) == (ours and (ours.span(), ours.groups())), (pattern, text, pos, end)
            scan = LiteralScan(whole)
            assert [(x.span(), x.groups()) for x in scan.finditer(text)] == \
                   [(x.span(), x.groups()) for x in whole.finditer(text)], (pattern, text)
            scan._pieces()          # (made at the first search past the literal test)
            assert scan._run
    assert split_count > 250


def test_a_wrong_backward_run_is_caught():
    # the comparison has the power to see a search that takes the run's start wrongly
    pattern = "[甲乙]{1,2}丙"
    whole = re.compile(pattern)
    wrong = RunSearch(whole, ("[甲乙]", "丙", 1, 1), compile_skipping)     # one character too few back
    assert wrong.search("甲甲乙丙").span() != whole.search("甲甲乙丙").span()
