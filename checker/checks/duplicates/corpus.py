"""Kind ``duplicate-corpus``: a sentence copied from another document.

A corpus kind (see ``checker/checks/__init__.py``): ``collect`` reduces each checked
document to the fingerprints of its sentences (normalised text, MinHash band keys,
resolved position); ``check_corpus`` indexes them in buckets, one per band key, and
compares each sentence only with the earlier sentences that share a bucket, so the cost
grows with the number of sentences, not with their pairs.  Documents are taken in path
order and a copy is reported in the later one, pointing at the first occurrence.

Reference documents (``.gwlint.yaml`` ``duplicates: {reference: [globs]}``) take part
without being reported; their fingerprints are cached on disk
(``checker.engine.reference_index``).
"""
from __future__ import annotations

import base64
from array import array
from collections import Counter
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.duplicates.places import line_kinds, set_phrases, site_furniture
from checker.checks.finding import CorpusFinding, Finding
from checker.core.excerpt import excerpt_of
from checker.model.document import Document
from checker.model.similarity import band_keys, near_duplicate

CORPUS = True
MESSAGE_ARGS = frozenset({"other", "other_line"})
# The note on the first occurrence (messages: in the pack): other, other_line.
MESSAGES = frozenset({"seen_in"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    min_length: int = Field(20, ge=6)           # content characters, set phrases not counted
    # share of the longer text left unchanged (0-1) for two sentences to be copies; lower: looser copies
    min_ratio: float = Field(0.85, gt=0, le=1)
    max_changed: int = Field(4, ge=0)           # characters a near copy may change at most; more: looser
    ignore_numeral_changes: bool = True         # last year's sentence with this year's figures
    bands: int = Field(16, ge=1, le=64)         # MinHash: bands x rows permutations
    # MinHash rows per band; more rows: fewer candidates compared, near copies missed more often
    rows: int = Field(4, ge=1, le=16)
    bucket_size: int = Field(8, ge=1)           # earliest sentences kept per bucket
    max_candidates: int = Field(16, ge=1)       # comparisons per sentence at most
    # A document of at least this many sentences, more than this share of them from one
    # other file, is another version of that file: its sentences are not reported.
    versions_min_sentences: int = Field(10, ge=1)
    # the share of sentences (0-1) from one other file above which the document is a version of it
    versions_share: float = Field(0.6, gt=0, le=1)
    # Lines this short with no statement punctuation (titles, headings, contents entries)
    # are not sentences: documents of one genre share their title's words.
    line_max_length: int = Field(60, ge=1)
    # A paragraph the leftovers family's site-furniture rules take as a leftover line (a
    # document site's disclaimer, a page's byline) is not document text: never compared.
    # A line up to this long with a match, in a run of such lines, is one of them
    # (artifact-doc-site's run_line_chars); 0 compares every paragraph.
    site_line_chars: int = Field(80, ge=0)


class Fingerprints:
    """What one document contributes: per sentence its place (line, column, end line, end
    column), excerpt and normalised text, and a (sentences x bands+1) array of 32-bit keys
    (the last column: exact text).

    Kept compact, since the parent holds one per document until the cross-document phase
    and receives each from a worker: the places in one array of integers, the excerpts and
    the normalised texts each joined into one string with an array of where each ends (a
    tuple of six objects per sentence took about three times the memory)."""

    __slots__ = ("places", "excerpts", "excerpt_ends", "norms", "norm_ends", "keys", "bands")

    def __init__(self, entries, keys: bytes, bands: int) -> None:
        """``entries``: (line, col, end_line, end_col, excerpt, norm) per sentence."""
        self.places = array("i", [v for e in entries for v in e[:4]])
        self.excerpts = "".join(e[4] for e in entries)
        self.excerpt_ends = array("i", accumulate(len(e[4]) for e in entries))
        self.norms = "".join(e[5] for e in entries)
        self.norm_ends = array("i", accumulate(len(e[5]) for e in entries))
        self.keys = keys
        self.bands = bands

    def __len__(self) -> int:
        return len(self.norm_ends)

    def __eq__(self, other) -> bool:
        return isinstance(other, Fingerprints) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def norm(self, e: int) -> str:
        return self.norms[self.norm_ends[e - 1] if e else 0:self.norm_ends[e]]

    def excerpt(self, e: int) -> str:
        return self.excerpts[self.excerpt_ends[e - 1] if e else 0:self.excerpt_ends[e]]

    def line(self, e: int) -> int:
        return self.places[4 * e]

    def entry(self, e: int) -> tuple[int, int, int, int, str, str]:
        line, col, end_line, end_col = self.places[4 * e:4 * e + 4]
        return line, col, end_line, end_col, self.excerpt(e), self.norm(e)

    @property
    def entries(self) -> tuple[tuple[int, int, int, int, str, str], ...]:
        return tuple(self.entry(e) for e in range(len(self)))

    def key_array(self):
        from checker.core.numeric import np  # only the cross-document phase pays for numpy

        return np.frombuffer(self.keys, dtype=np.uint32).reshape(len(self), self.bands + 1)

    def to_json(self, *, positions: bool = True) -> dict[str, Any]:
        entries = [list(e) if positions else [e[0], 0, 0, 0, "", e[5]] for e in self.entries]
        return {"entries": entries, "keys": base64.b64encode(self.keys).decode("ascii"), "bands": self.bands}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Fingerprints":
        return cls(data["entries"], base64.b64decode(data["keys"]), int(data["bands"]))


def summary_from_json(data: dict[str, Any]) -> Fingerprints:
    """A summary as ``collect`` made it, read back from ``to_json()`` (the results cache)."""
    return Fingerprints.from_json(data)


def check(doc: Document, rule) -> Iterator[Finding]:
    return iter(())            # everything happens in check_corpus


def collect(doc: Document, rule) -> Fingerprints:
    params: Params = rule.params
    phrases = set_phrases(rule.vocabulary)
    entries = []
    lines = line_kinds(doc, params.line_max_length)
    furniture = site_furniture(doc, rule, params.site_line_chars)
    for sentence, units in zip(doc.sentences, doc.sentence_units(phrases)):
        if sentence.paragraph in lines or sentence.paragraph in furniture:
            continue
        for unit in units:
            if not unit.clause and unit.length >= params.min_length:
                line, col = doc.position(unit.span.start)
                end_line, end_col = doc.position(unit.span.end)
                entries.append((line, col, end_line, end_col,
                                excerpt_of(doc.text, unit.span.start, unit.span.end), unit.norm))
    keys = band_keys([e[5] for e in entries], params.bands, params.rows)
    return Fingerprints(tuple(entries), keys.tobytes(), params.bands)


def _ordered(summaries, references, settings) -> list[tuple[str, str, Fingerprints, bool]]:
    """The documents in the order of the comparison: (order key, shown path, data, reported)."""
    root = Path(settings.root) if settings is not None else Path.cwd()
    docs: list[tuple[str, str, Fingerprints, bool]] = []
    for path, data in summaries.items():
        docs.append((order_key(path, root), path, data, True))
    for rel, data in (references or {}).items():
        docs.append((rel, rel, data, False))
    docs.sort(key=lambda d: d[0])
    return docs


def check_corpus(summaries: dict[str, Fingerprints], rule, settings=None,
                 references: dict[str, Fingerprints] | None = None,
                 only: set[str] | None = None) -> Iterator[CorpusFinding]:
    """Copies among the checked documents (``summaries``: path -> fingerprints) and from
    the reference documents (``references``: relative path -> fingerprints, which the
    engine's reference index supplies; they take part but are never reported).
    ``only``: report these documents' copies alone (the others' are known: see
    ``affected_documents``); a summary of another document is then read only for its
    keys until one of its sentences is a candidate."""
    params: Params = rule.params
    docs = _ordered(summaries, references, settings)

    index = _BucketIndex(docs, params)
    for number, (_, path, data, reported) in enumerate(docs):
        if not reported or (only is not None and path not in only) or data.bands != params.bands or not len(data):
            continue
        copies = []
        for e, ranked in index.candidates(number):
            norm = data.norm(e)
            counts = Counter(norm)
            for sentence in ranked:
                other_number, other_e = sentence >> 32, sentence & 0xFFFFFFFF
                other_path, _, other, _ = docs[other_number]
                if is_copy(norm, other.norm(other_e), params, counts):
                    copies.append((e, (other_path, other.line(other_e))))
                    break
        if _versions_of_one_document(copies, len(data), params):
            copies = []
        for e, (other_path, other_line) in copies:
            yield copy_finding(rule, path, data.entry(e), other_path, other_line)


def affected_documents(summaries: dict[str, Fingerprints], previous: dict[str, Any], changed: set[str],
                       rule, settings=None) -> set[str]:
    """The documents whose copies may differ from the last comparison when the documents
    ``changed`` (their keys then: ``previous``, path -> (sentences x bands+1) array) are
    now as in ``summaries``, the other documents being the same: the changed ones, and
    each later document with a sentence in a bucket (a band's key) that a changed
    document had or has a sentence in, unless the unchanged documents before it already
    fill that bucket (``bucket_size``), which then holds none of its sentences either way.  A document's candidates come only from the
    buckets of its own keys, filled by earlier documents: a later document sharing no
    bucket with a changed one sees the same buckets, the same candidates and the same
    texts, and so reports the same copies; an earlier one never sees it."""
    from checker.core.numeric import np

    params: Params = rule.params
    docs = _ordered(summaries, None, settings)
    position = {path: number for number, (_, path, _, _) in enumerate(docs)}
    affected = {p for p in changed if p in position}
    arrays, owners = [], []
    for number, (_, path, data, _) in enumerate(docs):
        if data.bands == params.bands and len(data):
            arrays.append(data.key_array())
            owners.append(np.full(len(data), number, dtype=np.int64))
    if not arrays:
        return affected
    keys = np.concatenate(arrays)                       # every document's rows, in order
    owner = np.concatenate(owners)
    changed_rows = np.isin(owner, [position[p] for p in changed if p in position])
    for path in changed:
        if path not in position:
            continue
        own = []
        current, before = summaries[path], previous.get(path)
        if current.bands == params.bands and len(current):
            own.append(current.key_array())
        if before is not None and len(before) and before.shape[1] == params.bands + 1:
            own.append(before)
        later = owner > position[path]
        if not own or not later.any():
            continue
        # a bucket already full of unchanged earlier documents' sentences never takes
        # this document's: its later members see the same bucket
        before = (owner < position[path]) & ~changed_rows
        hit = np.zeros(int(later.sum()), dtype=bool)
        for band in range(params.bands + 1):
            touched = np.unique(np.concatenate([a[:, band] for a in own]))
            earlier = np.sort(keys[before, band])
            filled = np.searchsorted(earlier, touched, side="right") - np.searchsorted(earlier, touched)
            hit |= np.isin(keys[later, band], touched[filled < params.bucket_size])
        affected.update(docs[n][1] for n in np.unique(owner[later][hit]).tolist())
    return affected


def same_for_others(before: Fingerprints, after: Fingerprints) -> bool:
    """Whether a document's new summary shows the other documents what its old one did:
    the same texts in the same order on the same lines (an edit elsewhere in it, or a
    line added after its last sentence).  Their buckets, candidates, verdicts and the
    lines their findings point to are then the same."""
    return (before.bands == after.bands and before.norms == after.norms and before.norm_ends == after.norm_ends
            and before.places[0::4] == after.places[0::4])


class _BucketIndex:
    """Which earlier sentences each sentence is compared with, for all documents at once.

    A sentence falls in one bucket per band (the exact text's key is the last band); a
    document's sentences are compared with the sentences of earlier documents that share
    a bucket with them, each bucket holding only its earliest ``bucket_size`` sentences,
    the likeliest first (most buckets shared, then the earliest) and at most
    ``max_candidates`` of them.  Filled document by document, a bucket holds, when
    document d is compared, the earliest ``bucket_size`` sentences of documents before d,
    which are the earliest ``bucket_size`` of all its sentences that come before d: so
    the buckets are built once, for all documents, as sorted arrays (numpy), one band at
    a time, and a document's candidates are looked up for all its sentences in a few
    array operations.  A dictionary of Python lists, one per bucket, took 174 MiB and a
    Counter per sentence for 1,000 documents; these arrays take about 4 bytes per
    sentence and band.

    Sentences are numbered in document order (rows of ``keys``); a candidate is given as
    document number << 32 | sentence, which orders as the rows do."""

    def __init__(self, docs, params: Params) -> None:
        from checker.core.numeric import np

        self.np = np
        self.max_candidates = params.max_candidates
        self.rows_of: dict[int, tuple[int, int]] = {}        # document number -> its first row, end
        # each document's keys as its summary holds them (a view, not a copy): the buckets
        # are built a band's column at a time and a document looks up its own rows
        self.matrices: dict[int, Any] = {}
        sizes = []
        for number, (_, _, data, _) in enumerate(docs):
            if data.bands != params.bands or not len(data):
                continue
            first_row = self.rows_of[sizes[-1][0]][1] if sizes else 0
            self.rows_of[number] = (first_row, first_row + len(data))
            self.matrices[number] = data.key_array()
            sizes.append((number, len(data)))
        self.index: list[tuple] = []
        if not sizes:
            return
        numbers = np.array([n for n, _ in sizes], dtype=np.uint64)
        lengths = np.array([k for _, k in sizes], dtype=np.int64)
        starts = np.cumsum(lengths) - lengths
        rows = int(lengths.sum())
        within = np.arange(rows, dtype=np.int64) - np.repeat(starts, lengths)
        self.names = (np.repeat(numbers, lengths) << np.uint64(32)) | within.astype(np.uint64)
        del within
        # a bucket's size fits in 16 bits, its first member's place and a row in 32
        count_type = np.uint16 if params.bucket_size < 2 ** 16 else np.int64
        place_type = np.int32 if rows < 2 ** 31 else np.int64
        for band in range(params.bands + 1):
            column = np.concatenate([m[:, band] for m in self.matrices.values()])
            order = np.argsort(column, kind="stable")          # by key, each key's rows in order
            ordered = column[order]
            del column
            first = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
            size = np.diff(np.append(first, rows))
            keep = (np.arange(rows) - np.repeat(first, size)) < params.bucket_size
            count = np.minimum(size, params.bucket_size)
            self.index.append((ordered[first], (np.cumsum(count) - count).astype(place_type),
                               count.astype(count_type), order[keep].astype(place_type)))

    def candidates(self, number: int):
        """(sentence, its candidates in the order they are compared) for each sentence of
        document ``number`` that has any."""
        np = self.np
        if number not in self.rows_of:
            return []
        start, end = self.rows_of[number]
        data_rows = self.matrices[number]
        found_rows, found_sentences = [], []
        for band, (buckets, first, count, members) in enumerate(self.index):
            at = np.searchsorted(buckets, data_rows[:, band])     # every key is a bucket's
            lengths = count[at].astype(np.int64)
            total = int(lengths.sum())
            ends = np.cumsum(lengths)
            offsets = np.repeat(first[at] - (ends - lengths), lengths) + np.arange(total)
            found_rows.append(members[offsets])
            found_sentences.append(np.repeat(np.arange(len(at)), lengths))
        candidate = np.concatenate(found_rows)
        sentence = np.concatenate(found_sentences)
        earlier = candidate < start                                # rows of earlier documents
        candidate, sentence = candidate[earlier], sentence[earlier]
        if not len(candidate):
            return []
        # how many buckets each (sentence, candidate) pair shares
        order = np.lexsort((candidate, sentence))
        candidate, sentence = candidate[order], sentence[order]
        new = np.concatenate(([True], (candidate[1:] != candidate[:-1]) | (sentence[1:] != sentence[:-1])))
        starts = np.flatnonzero(new)
        shared = np.diff(np.append(starts, len(candidate)))
        candidate, sentence = candidate[starts], sentence[starts]
        # per sentence: most shared first, then the earliest; the first max_candidates
        order = np.lexsort((candidate, -shared, sentence))
        candidate, sentence = candidate[order], sentence[order]
        starts = np.flatnonzero(np.concatenate(([True], sentence[1:] != sentence[:-1])))
        ends = np.append(starts[1:], len(sentence))
        names = self.names[candidate].tolist()
        return [(e, names[a:min(b, a + self.max_candidates)])
                for e, a, b in zip(sentence[starts].tolist(), starts.tolist(), ends.tolist())]

# The pieces below are the whole of the comparison's logic; check_corpus composes them in
# one process, checker.spark composes the same functions with Spark's operators.


def copy_finding(rule, path: str, entry: tuple, other_path: str, other_line: int) -> CorpusFinding:
    """The report of sentence ``entry`` of ``path``, a copy of line ``other_line`` of ``other_path``."""
    args = {"other": other_path, "other_line": other_line}
    return CorpusFinding(path, entry[0], entry[1], entry[2], entry[3], entry[4],
                         args=args, note="seen_in")


def _versions_of_one_document(copies, sentences: int, params: Params) -> bool:
    if not copies:
        return False
    per_file = Counter(other for _, (other, _) in copies)
    return is_other_version(per_file.most_common(1)[0][1], sentences, params)


def is_other_version(most_from_one_file: int, sentences: int, params: Params) -> bool:
    """True when most of a document is one other document: two versions of one text (a
    draft and its revision, a .txt beside its .md), not a passage pasted in.
    ``most_from_one_file``: how many of its ``sentences`` are copies from the one file
    it copies most from."""
    if sentences < params.versions_min_sentences or not most_from_one_file:
        return False
    return most_from_one_file > params.versions_share * sentences


def is_copy(norm: str, other_norm: str, params: Params, counts: Counter | None = None) -> bool:
    """Whether normalised sentence ``norm`` is a copy of ``other_norm`` (``counts``: the
    characters of ``norm``, when the caller compares it with several others)."""
    if other_norm != norm:
        # cheap bounds: more characters differ than may change (the length difference is
        # a bound of the character gap, and decides first when it says so)
        limit = params.max_changed
        if len(other_norm) - len(norm) > limit:
            return False
        counts = counts or Counter(norm)
        if _multiset_gap(counts, other_norm, limit) > limit:
            return False
    return near_duplicate(norm, other_norm, min_ratio=params.min_ratio,
                          max_changed=params.max_changed,
                          ignore_numeral_changes=params.ignore_numeral_changes) is not None


def _multiset_gap(counts: Counter, other: str, limit: int | None = None) -> int:
    """Characters of ``other`` with no counterpart in the text counted by ``counts``: a
    lower bound of the characters an edit from one to the other changes.  With ``limit``,
    counting stops once it is passed (the value is then ``limit + 1``)."""
    left = dict(counts)
    gap = 0
    for ch in other:
        n = left.get(ch)
        if n:
            left[ch] = n - 1
        else:
            gap += 1
            if limit is not None and gap > limit:
                return gap
    return gap


def order_key(path: str, root: Path) -> str:
    """Where a checked document stands in the order of the comparison (its path relative
    to the configuration's folder): of two copies, the later one is reported."""
    return _relative(path, root)


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return Path(path).as_posix()
