"""The cross-document phase's findings made by plain stores (``copy_finding``'s unfrozen
twin, ``Fingerprints.place``) against the plain reading: the frozen constructor and
``entry``."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from checker.checks.duplicates import corpus
from checker.checks.finding import CorpusFinding
from checker.model.similarity import band_keys


def _fingerprints(sentences):
    entries = [(3 * n + 1, n % 5 + 1, 3 * n + 2, len(s) + 7, f"摘{n}{s[:6]}", s) for n, s in enumerate(sentences)]
    return corpus.Fingerprints(tuple(entries), band_keys(sentences, 16, 4).tobytes(), 16)


def test_a_finding_made_by_plain_stores_is_the_constructors_field_for_field():
    data = _fingerprints(["各地区要认真贯彻落实本通知的要求", "第二句话也写在这里作为检验", "三"])
    for e in range(len(data)):
        entry = data.entry(e)
        plain = CorpusFinding("b.txt", *entry[:5], args={"other": "a.txt", "other_line": 9}, note="seen_in")
        for made in (corpus.copy_finding(None, "b.txt", entry, "a.txt", 9),
                     corpus.copy_finding(None, "b.txt", data.place(e), "a.txt", 9)):
            assert type(made) is CorpusFinding
            # every field set (an unset slot raises AttributeError), each the constructor's
            for f in dataclasses.fields(CorpusFinding):
                assert getattr(made, f.name) == getattr(plain, f.name), f.name
            assert made == plain and repr(made) == repr(plain)
            assert pickle.loads(pickle.dumps(made)) == plain
            with pytest.raises(dataclasses.FrozenInstanceError):
                made.line = 1


def test_place_is_entry_less_the_text():
    data = _fingerprints(["甲乙丙丁戊己庚辛壬癸", "", "abc 123 混合的文字", "最后一句"])
    assert [data.place(e) for e in range(len(data))] == [data.entry(e)[:5] for e in range(len(data))]


def test_versions_of_one_document_against_the_plain_count():
    # the shortcut (too few copies in all for any one file to hold enough) against the
    # count of copies per file, at and around the share's boundary
    import random
    from collections import Counter

    rng = random.Random(13)
    for share, least in ((0.6, 10), (0.5, 4), (1.0, 1), (0.25, 1)):
        params = corpus.Params(versions_share=share, versions_min_sentences=least)
        for _ in range(3000):
            sentences = rng.randint(0, 30)
            files = rng.randint(1, 3)
            copies = [(e, (f"f{rng.randrange(files)}.txt", 1)) for e in range(rng.randint(0, sentences))]
            plain = bool(copies) and corpus.is_other_version(
                Counter(other for _, (other, _) in copies).most_common(1)[0][1], sentences, params)
            assert corpus._versions_of_one_document(copies, sentences, params) is plain
