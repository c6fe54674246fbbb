"""The cross-document comparison's memory: compared documents' texts kept in a file, the
per-row records in blocks; and the cheaper transport and rendering of violations."""
from __future__ import annotations

import pickle
from dataclasses import fields
from types import SimpleNamespace

import numpy as np

from checker.checks.duplicates import corpus
from checker.checks.duplicates.kept_texts import InMemoryDocument, KeptDocument, KeptTexts
from checker.checks.duplicates.row_blocks import BLOCK, RowBlocks
from checker.engine.violation import Fix, Violation
from checker.model.similarity import band_keys


def test_kept_texts_read_back_every_sentence_as_written():
    kept = KeptTexts()
    docs = [
        ["今年完成全部既定目标任务", "abc 123", "继续推进改革"],
        ["含有扩展区字符𠀀𠀁的句子", "普通句子"],                 # beyond the BMP
        ["一个孤立代理\udcff字节", "第二句\ud800"],               # lone surrogates (surrogateescape)
    ]
    held = []
    for texts in docs:
        ends = list(np.cumsum([len(t) for t in texts]))
        held.append(kept.keep("".join(texts), ends, list(range(10, 10 + len(texts)))))
    # Han text in one UTF-16 block; beyond the BMP and lone surrogates in UTF-8
    assert [type(doc).__name__ for doc in held] == ["_KeptUtf16", "KeptDocument", "_KeptWithSurrogates"]
    for texts, doc in zip(docs, held):
        assert isinstance(doc, KeptDocument)
        assert [doc.norm(e) for e in range(len(texts))] == texts
        assert [doc.line(e) for e in range(len(texts))] == list(range(10, 10 + len(texts)))
    kept.close()


def test_kept_texts_in_one_utf16_block_read_back_as_the_plain_slices():
    # every BMP character (ASCII, Latin-1, Han, the private use area, U+FFFF) and empty
    # texts, against the plain reading: the joined text sliced at the ends
    rng = np.random.default_rng(5)
    pool = "a1 ,é中国人民政府第条款\ue000\uffff\u3000"
    kept = KeptTexts()
    for _ in range(200):
        texts = ["".join(rng.choice(list(pool), size=rng.integers(0, 9))) for _ in range(rng.integers(1, 12))]
        joined = "".join(texts)
        ends = list(np.cumsum([len(t) for t in texts]))
        doc = kept.keep(joined, ends, list(range(len(texts))))
        assert type(doc).__name__ == "_KeptUtf16"
        assert [doc.norm(e) for e in range(len(texts))] == [joined[a:b] for a, b in zip([0] + ends, ends)]
    kept.close()


def test_kept_texts_stay_in_memory_when_the_file_cannot_be_written(monkeypatch):
    kept = KeptTexts()
    kept._writable = False
    doc = kept.keep("甲乙丙丁", [2, 4], [1, 2])
    assert isinstance(doc, InMemoryDocument)
    assert (doc.norm(0), doc.norm(1), doc.line(1)) == ("甲乙", "丙丁", 2)


def _fingerprints(sentences: list[str], bands: int = 16, rows: int = 4) -> corpus.Fingerprints:
    entries = [(n + 1, 1, n + 1, len(s) + 1, s, s) for n, s in enumerate(sentences)]
    return corpus.Fingerprints(tuple(entries), band_keys(sentences, bands, rows).tobytes(), bands)


def test_a_compared_document_keeps_no_string_of_its_texts_and_its_copies_are_found():
    rule = SimpleNamespace(params=corpus.Params(), id="duplicate-across-files")
    shared = "各地区各部门要认真贯彻落实本通知的各项要求并及时报告进展"
    docs = {
        "a.txt": _fingerprints([shared, "第一份文件独有的一句相当长的内容在这里写出"]),
        "b.txt": _fingerprints(["春天的田野里农民们忙着播种希望和汗水交织成歌", "另一句也是乙自己的话语不与别的任何句子相同"]),
        "c.txt": _fingerprints(["第三份文件开头的一句话它与其他文件都不相同的", shared]),
    }
    comparison = corpus.Comparison(rule, batch_rows=1)       # each document its own batch
    found = []
    for path in sorted(docs):
        found += list(comparison.add(path, docs[path], True, path))
    assert len(comparison.texts) == 3 and all(isinstance(t, KeptDocument) for t in comparison.texts)
    assert not any(isinstance(getattr(t, name, None), str) for t in comparison.texts for name in t.__slots__)
    found += list(comparison.finish())
    assert [(f.path, f.line, f.args["other"], f.args["other_line"]) for f in found] == [("c.txt", 2, "a.txt", 1)]
    assert comparison.texts == []                   # their file is closed


def test_row_blocks_give_the_records_one_array_gives():
    rng = np.random.default_rng(7)
    whole = rng.integers(0, 255, size=(BLOCK * 2 + 1234, 32), dtype=np.uint8)
    table = RowBlocks(np, (32,), np.uint8)
    for start in range(0, len(whole), 5000):            # batches straddling the blocks
        table.extend(whole[start:start + 5000])
    assert len(table) == len(whole) and len(table.blocks) == 3
    rows = rng.integers(0, len(whole), size=20000)
    assert np.array_equal(table.take(rows), whole[rows])
    assert table.take(np.zeros(0, dtype=np.int64)).shape == (0, 32)
    # rows all in one block of several (a batch's own rows): gathered from that block
    for block in range(3):
        rows = rng.integers(block * BLOCK, min((block + 1) * BLOCK, len(whole)), size=3000)
        assert np.array_equal(table.take(rows), whole[rows])
    edge = np.array([BLOCK - 1, BLOCK, BLOCK - 1])     # two blocks, side by side
    assert np.array_equal(table.take(edge), whole[edge])
    lengths = RowBlocks(np, (), np.int32)
    lengths.extend(np.arange(10, dtype=np.int32))
    assert lengths.take(np.array([9, 0, 3])).tolist() == [9, 0, 3]


def test_a_pickled_violation_keeps_every_field():
    values = {f.name: f"value {i}" for i, f in enumerate(fields(Violation))}
    values.update(line=1, column=2, end_line=3, end_column=4, fix=Fix(5, 6, "替换"))
    v = Violation(**values)
    back = pickle.loads(pickle.dumps([v], protocol=pickle.HIGHEST_PROTOCOL))[0]
    assert {f.name: getattr(back, f.name) for f in fields(Violation)} == values


def test_kept_texts_read_again_come_from_the_recent_ones_not_the_file(monkeypatch):
    kept = KeptTexts()
    kept.recent.generation = 4
    texts = [f"第{n}句话写在这里作为检验用的内容" for n in range(12)]
    ends = list(np.cumsum([len(t) for t in texts]))
    doc = kept.keep("".join(texts), ends, list(range(12)))
    reads = []
    real = type(doc)._read
    monkeypatch.setattr(type(doc), "_read", lambda self, at, size: reads.append(at) or real(self, at, size))
    # a popular text (0) asked between every other one stays; the others are let go
    asked = [e for n in range(1, 12) for e in (0, n)] + [0, 5, 11]
    assert [doc.norm(e) for e in asked] == [texts[e] for e in asked]
    assert reads.count(0) == 1                   # read once, kept while it is asked for
    assert len(reads) == 12 + 1                  # each text once, and 5 again (let go by then)
    held = kept.recent.current | kept.recent.older
    assert len(held) <= 2 * 4 and set(held.values()) <= set(texts)
    kept.close()
    assert not kept.recent.current and not kept.recent.older


def test_kept_texts_of_equal_places_and_empty_texts_are_not_confused():
    kept = KeptTexts()
    a = kept.keep("甲乙丙", [0, 3], [1, 2])               # an empty text, then one at the same place
    b = kept.keep("丁戊", [2], [1])
    assert [a.norm(0), a.norm(1), b.norm(0), a.norm(0), a.norm(1)] == ["", "甲乙丙", "丁戊", "", "甲乙丙"]
    kept.close()


def test_row_blocks_take_rows_of_many_blocks_in_any_order():
    rng = np.random.default_rng(11)
    whole = rng.integers(-2 ** 31, 2 ** 31 - 1, size=BLOCK * 9 + 17, dtype=np.int64).astype(np.int32)
    table = RowBlocks(np, (), np.int32)
    table.extend(whole[:BLOCK * 4 + 3])
    table.extend(whole[BLOCK * 4 + 3:])
    assert len(table.blocks) == 10
    for rows in (rng.integers(0, len(whole), size=50000), np.arange(len(whole))[::-7].astype(np.int32),
                 np.full(5, len(whole) - 1), np.array([BLOCK * 3 + 1])):
        assert np.array_equal(table.take(rows), whole[rows])
