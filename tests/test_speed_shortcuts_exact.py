"""Shortcuts taken for speed (issue 11) give what the plain definitions give: each is
compared here with the definition it replaces, on generated inputs."""
from __future__ import annotations

import random

import pytest

from checker.checks.punctuation import halfwidth

_MARKS = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
_QUOTES = {'"': ("“", "”")}


def _fixed_point(body: str, marks, quotes) -> list[int]:
    """``flagged_marks`` as defined: passes until one finds what the last found."""
    if not any(c in body for c in list(marks) + list(quotes or {})):
        return []
    skip = halfwidth._skipped(body)
    roles = halfwidth.quote_roles(body, quotes or {}, skip)
    out: set[int] = set()
    while True:
        found = halfwidth._flag_once(body, marks, skip, out, roles)
        if found == out:
            return sorted(out)
        out = found


def test_halfwidth_marks_without_the_confirming_pass_are_the_fixed_points():
    rng = random.Random(11)
    # marks next to marks (chains that need several passes), blanks, Han, Latin, digits,
    # quotes and a URL piece
    pieces = list(',;:()?!"') * 3 + ["年", "以来", "在", "a", "Hello", "1", "22", " ", "  ", "\t", "。",
                                     "）", "“", "http://x.cn/a", "b@c.org", "—"]
    seen_multi = 0
    for _ in range(20_000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        expected = _fixed_point(body, _MARKS, _QUOTES)
        assert halfwidth.flagged_marks(body, _MARKS, _QUOTES) == expected, body
        assert halfwidth.flagged_marks(body, _MARKS) == _fixed_point(body, _MARKS, None), body
        skip = halfwidth._skipped(body)
        roles = halfwidth.quote_roles(body, _QUOTES, skip)
        first = halfwidth._flag_once(body, _MARKS, skip, set(), roles)
        seen_multi += first != set(expected)
    assert seen_multi > 100          # the inputs do reach marks found only on a later pass


def test_list_marker_ends_searched_near_closers_are_a_whole_searchs():
    from checker.checks.punctuation.list_markers import list_marker, marker_ends

    rng = random.Random(12)
    pieces = list("1234ab十一二)）)）；;，,。：: \n(（") + ["x", "年", "中", "12", "abc", "a1"]
    for numerals in ("一二三四五六七八九十", "", "ⅰⅱ)", "-]\\"):
        marker = list_marker(numerals)
        for _ in range(8_000):
            body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
            assert marker_ends(numerals, body) == {m.end() - 1 for m in marker.finditer(body)}, (numerals, body)


def _random_expression(rng: random.Random, depth: int = 0) -> str:
    """A small expression of literals, sets, groups, repeats, alternations, look-arounds
    and anchors (the syntax ``edge_sets`` reads), now and then ending in ``$``."""
    atoms = ["a", "b", "年", "比", "[ab]", "[0-9]", "[年比]", r"\d", ".", "[^a]", "^", r"\b", "(?=a)",
             "(?<=b)", "(?!年)", "(?<!a)", "\n"]
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.55 or depth > 2:
            part = rng.choice(atoms)
        elif roll < 0.75:
            part = "(?:" + "|".join(_random_expression(rng, depth + 1) for _ in range(rng.randint(1, 3))) + ")"
        else:
            part = "(" + _random_expression(rng, depth + 1) + ")"
        if rng.random() < 0.3 and part not in ("^", r"\b") and not part.startswith("(?<") and not part.startswith("(?=") and not part.startswith("(?!"):
            part += rng.choice(["?", "*", "+", "{0,2}", "{2}", "{0}", "??"])
        parts.append(part)
    if depth == 0 and rng.random() < 0.5:
        parts.append("$")
    return "".join(parts)


def test_user_matches_and_searches_skipped_by_their_edge_characters_are_none():
    import regex

    from checker.core.patterns import UserPattern, edge_sets

    rng = random.Random(13)
    alphabet = "ab年比1\nc"
    gated = [0, 0]
    for _ in range(1_500):
        pattern = _random_expression(rng)
        try:
            plain = regex.compile(pattern)
        except regex.error:
            continue
        user = UserPattern(pattern)
        first, last = edge_sets(pattern)
        gated[0] += first is not None
        gated[1] += last is not None
        for _ in range(40):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
            pos = rng.randint(0, len(text) + 1)
            endpos = rng.choice([None, rng.randint(0, len(text) + 2)])
            args = (text, pos) if endpos is None else (text, pos, endpos)
            for method in ("match", "search"):
                want = getattr(plain, method)(*args)
                got = getattr(user, method)(*args)
                assert (got and got.span()) == (want and want.span()), (pattern, method, args)
    assert gated[0] > 300 and gated[1] > 150       # the shortcuts were taken


def test_edge_sets_of_typical_expressions():
    from checker.core.patterns import edge_sets

    assert edge_sets("(?:^附件[：:])") == (frozenset("附"), None)
    assert edge_sets("(?:同比|较)(?:上年)?$") == (frozenset("同较"), frozenset("比较年"))
    assert edge_sets("(?<=第)") == (None, None)              # may be empty
    assert edge_sets(r"\d+年") == (None, None)              # a category: no answer
    assert edge_sets("a$", 8) == (frozenset("a"), None)      # multi-line $: a line end anywhere
    assert edge_sets("(?i)ab") == (None, None)
    assert edge_sets(r"\p{Han}ab") == (None, None)
    assert edge_sets("a{e<=1}b") == (None, None)             # regex's fuzzy matching


def test_sorted_lookup_finds_searchsorteds_places():
    import numpy as np

    from checker.checks.typo.sorted_lookup import SortedLookup

    rng = np.random.default_rng(14)
    for size in (0, 1, 2, 5, 127, 128, 129, 1000, 20_000):
        for step in (1, 2, 7, 128):
            # duplicates, runs of equal entries across block edges, both ends of the range
            array = np.sort(np.concatenate([rng.integers(0, 2**64 - 1, size, dtype=np.uint64, endpoint=True),
                                            np.full(size // 3, 2**40, dtype=np.uint64)]))
            lookup = SortedLookup(array, step)
            values = np.concatenate([array[rng.integers(0, max(len(array), 1), 300)] if len(array) else
                                     np.zeros(0, dtype=np.uint64),
                                     rng.integers(0, 2**64 - 1, 300, dtype=np.uint64, endpoint=True),
                                     np.array([0, 2**64 - 1, 2**40, 2**40 - 1, 2**40 + 1], dtype=np.uint64)])
            assert (lookup.left(values) == np.searchsorted(array, values, side="left")).all(), (size, step)
            assert len(lookup.left(values[:0])) == 0


@pytest.mark.parametrize("searches", [10**9, 0, 150])
def test_segmenting_with_the_plain_prefix_dict_gives_jiebas_tokens(tmp_path, monkeypatch, searches):
    """tokens.tokenize segments with a plain dict filled, text by text, with the prefix
    table's entries that are pieces of the text, each searched in its bucket's text
    (``_PrefixTable.plain_for``), or, once the searches ran out (at once, or in the middle
    of a text), with the entries of the text's characters' whole buckets: the tokens of
    jieba's own tokenizer with its whole dictionary loaded, text after text, whatever was
    put in before; the dict holds entries of the table only, and every entry of the
    characters merged."""
    from checker.model import tokens

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(tokens, "_SEARCHES_BEFORE_BUCKETS", searches)
    jieba = tokens.import_jieba()
    dictionary = tmp_path / "trimmed.txt"        # the words the prefix table is made from
    dictionary.write_bytes(tokens.trimmed_words())
    reference = jieba.Tokenizer(str(dictionary))
    reference.initialize()
    table, total = tokens._prefix_table(jieba.Tokenizer(str(dictionary)))
    mine = jieba.Tokenizer(str(dictionary))
    mine.total, mine.initialized = total, True
    rng = random.Random(17)
    pieces = ["为了了解", "基层情况", "我们我们", "深入一线", "一对一帮扶", "在职人员", "城市维护建设税",
              "征收管理", "做好做好", "各项工作", "abc123", "混排", "，", "。", "\n", " ", "迫不急待", "研之有物",
              "\U0002a6a5", "龘", "x", "高标准农田", "习近平新时代中国特色社会主义思想"]
    seen: set[str] = set()
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        mine.FREQ = table.plain_for(text)
        seen |= set(text)
        assert list(mine.tokenize(text)) == list(reference.tokenize(text)), text
    plain = table.plain_for("")
    assert plain and all(word[:1] in seen and reference.FREQ[word] == count for word, count in plain.items())
    merged = table._merged
    assert bool(merged) == (searches < 10**9) and merged <= seen
    assert all(plain[word] == count for word, count in reference.FREQ.items() if word[:1] in merged)


def _rebuilt_by_definition(text: str, start: int, end: int, original: str, collocations):
    """typo-spinner's rebuilt collocation as defined: the first collocation, first place
    in it, whose text around ``original`` stands around the spun word."""
    for phrase in collocations:
        at = phrase.find(original)
        while at >= 0:
            before, after = phrase[:at], phrase[at + len(original):]
            if text[max(0, start - len(before)):start] == before and text[end:end + len(after)] == after:
                return phrase, start - len(before), end + len(after)
            at = phrase.find(original, at + 1)
    return None


def test_spinner_collocations_filed_by_next_character_rebuild_as_defined():
    """typo-spinner tries only the collocations whose character after the original is the
    text's (or that end with it), lowest rank first: the same answer as trying them all
    in order, for the shipped pairs and for made-up ones holding the original twice."""
    from checker.checks.typo import spinner
    from checker.checks.typo.vocabulary import vocabulary
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.id == "typo-spinner")
    pairs = [(p.spun, p.original, list(p.collocations)) for p in vocabulary(rule.vocabulary).spinner]
    pairs.append(("甲乙", "丙丁", ["丙丁丙丁", "丙丁戊", "戊丙丁", "丙丁", "己丙丁戊丙丁庚", "丙丁戊己"]))
    rng = random.Random(23)
    answered = 0
    for spun, original, collocations in pairs:
        shapes = spinner._shapes(original, tuple(collocations))
        pieces = [c.replace(original, spun, 1) for c in collocations] + [spun, original, "，", "戊", "丙丁", "x", ""]
        for _ in range(150):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
            start = text.find(spun)
            while start >= 0:
                end = start + len(spun)
                expected = _rebuilt_by_definition(text, start, end, original, collocations)
                assert spinner._rebuilt(text, start, end, shapes) == expected, (text, start)
                answered += expected is not None
                start = text.find(spun, end)
    assert answered > 500


def _split_by_definition(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    from checker.model.annotations import CLOSERS, OPENERS

    pieces, depth, s = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
        elif depth == 0 and ch in seps:
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return pieces


def test_annotation_pieces_split_at_the_marks_found_by_search_as_char_by_char():
    """annotations._split_outside_brackets visits only brackets and separators: the same
    pieces as the character loop, for separator sets that overlap the brackets too."""
    from checker.model import annotations

    rng = random.Random(29)
    alphabet = "市教育局牵头（）()【】[]〔〕，,；;、 。x"
    for seps in ("，,；;", "、，,", "、）", "(", ""):
        for _ in range(400):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert annotations._split_outside_brackets(text, start, end, seps) == \
                _split_by_definition(text, start, end, seps), (text, start, end, seps)


def test_unit_name_keys_with_the_lists_ordered_once_as_sorted_at_each_call():
    """unit_key, suffix_class, unit_suffix, common_suffix and filler_free read the data's
    lists sorted once per data object: the answers of sorting them at every call."""
    from checker.model import annotations

    data = annotations._validated_data(_lexicon())
    suffixes, fillers = list(data.unit_suffixes), list(data.variant_fillers)
    assert suffixes and fillers
    rng = random.Random(31)
    words = suffixes + fillers + [full for full, _ in data.unit_abbreviations.items()] + ["县", "市", "省", "教育", "和"]
    for _ in range(3000):
        a = "".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        b = "".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        longest = next((s for s in sorted(suffixes, key=len, reverse=True) if a.endswith(s) and len(a) > len(s)), None)
        shortest = next((s for s in sorted(suffixes, key=len) if a.endswith(s) and len(a) > len(s)), None)
        both = next((s for s in sorted(suffixes, key=len, reverse=True)
                     if a.endswith(s) and b.endswith(s) and min(len(a), len(b)) > len(s)), None)
        bare = a
        for filler in sorted(fillers, key=len, reverse=True):
            bare = bare.replace(filler, "")
        key = bare
        for full, short in annotations._abbreviation_pairs(tuple(data.unit_abbreviations.items()), tuple(fillers)):
            key = key.replace(full, short)
        assert annotations.unit_suffix(a, data) == longest
        assert annotations.suffix_class(a, data) == shortest
        assert annotations.common_suffix(a, b, data) == both
        assert annotations.filler_free(a, data) == bare
        assert annotations.unit_key(a, data) == key


def _lexicon():
    from checker.engine.settings import build_settings

    return build_settings(no_config=True).lexicon


_CONTEXT_EXPRESSIONS = {          # expression: a text it matches
    r"(?<=[\u4e00-\u9fff])[。.](?=、[\u4e00-\u9fff])": "字。、字", r"(?<=、)[。.](?=[\u4e00-\u9fff])": "、.字",
    r"(?:(?<=共有)|(?<=共计))(?:家(?![庭园])|个(?![人别]))(?=[\u3400-\u9fff])": "共计个字",
    r"(?:(?<=按照)|(?<=评定为))级(?![别])": "评定为级", r"(?:告诉|联系)我(?=[。！])": "联系我！", r"a(?=b)c?": "ab",
    r"(?<=x|yz)a\b(?=。|，)": "yza，", r"(?<=[ab])(?:c|d)(?<=d)e(?!f)(?=g)": "bdeg", r"(?<=q)[rs]t$": "qst",
    r"(?:u|v)w+(?<=w)x(?=y)": "vwwxy",
}


def test_context_literals_stand_around_every_match_of_a_whole_search():
    """Wherever a whole-string search of an expression finds a match, the string holds one
    of its context literals (its lookarounds read with the fixed text beside them); and
    ``UserPattern.finditer`` over long strings finds what regex finds."""
    import re as re_
    import regex

    from checker.core import patterns as P

    rng = random.Random(37)
    checked = 0
    for pattern, example in _CONTEXT_EXPRESSIONS.items():
        matched = 0
        context = P.context_literals(pattern, re_.M)
        assert context, pattern
        compiled = regex.compile(pattern, re_.M)
        pieces = list(context) + [t[:1] for t in context] + [t[-1:] for t in context] + list(
            P.required_literals(pattern, re_.M)) + [example, example[1:], example[:-1], "。", "、", "字", "，", "\n"]
        user = P.compile_user(pattern, re_.M)
        for _ in range(300):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            found = [m.span() for m in compiled.finditer(text)]
            if found:
                matched += 1
                assert any(t in text for t in context), (pattern, text)
            long_text = (text + "字") * (2100 // (len(text) + 1) + 1)
            assert [m.span() for m in user.finditer(long_text)] == [m.span() for m in compiled.finditer(long_text)]
            checked += 1
        assert matched > 30, pattern
    assert checked == 300 * len(_CONTEXT_EXPRESSIONS)


def test_context_literals_of_the_shipped_expressions_stand_around_their_matches():
    """The shipped expressions with context literals, on the seeds and texts planted with
    their pieces: a match means one of the texts is there."""
    import re as re_
    import regex

    from checker.core import patterns as P
    from checker.engine.lint import lint_document
    from checker.engine.settings import build_settings
    from checker.model.document import Document
    from pathlib import Path

    settings = build_settings(no_config=True)
    root = Path(__file__).resolve().parents[1]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    for text in seeds[:2]:
        lint_document(Document.from_text(text, path="x.txt", lexicon=settings.lexicon), settings.rules, True)
    rng = random.Random(41)
    with_context = 0
    for pattern, flags in list(P._KNOWN.literals):
        context = P.context_literals(pattern, flags)
        if not context:
            continue
        with_context += 1
        compiled = regex.compile(pattern, flags)
        pieces = list(context) + list(P.required_literals(pattern, flags)) + ["字", "，", "。", "\n", "1", "a"]
        texts = seeds + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(200)]
        for text in texts:
            if compiled.search(text):
                assert any(t in text for t in context), (pattern, text[:80])
    assert with_context >= 3


def test_headings_between_markers_found_at_the_searched_marks_as_char_by_char():
    """numbering.inline._heading_between visits the marks a heading may follow, found by a
    search: the answer of stepping through every character."""
    from checker.checks.numbering import inline
    from checker.model.markers import marker_at

    def by_definition(text: str, start: int, end: int) -> bool:
        for i in range(start, end):
            if text[i] in inline._HEADING_AFTER:
                j = i + 1
                while j < end and text[j] in inline._BLANKS:
                    j += 1
                if j < end and marker_at(text, j, end) is not None:
                    return True
        return False

    rng = random.Random(43)
    pieces = ["。", "；", "：", ":", ";", "！", " ", "\u3000", "二是", "三、", "（四）", "5.", "工作", "，", "一"]
    answers = set()
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = by_definition(text, start, end)
        assert inline._heading_between(text, start, end) == expected, (text, start, end)
        answers.add(expected)
    assert answers == {True, False}
