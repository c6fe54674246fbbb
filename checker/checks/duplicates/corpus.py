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

from array import array
from collections import Counter
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterator

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.checks.duplicates.kept_texts import KeptTexts
from checker.checks.duplicates.copy_verdicts import CopyVerdicts
from checker.checks.duplicates.long_units import whole_units
from checker.checks.duplicates.places import line_kinds, set_phrases, site_furniture
from checker.checks.duplicates.row_blocks import RowBlocks
from checker.checks.duplicates.settled_copies import SettledCopies
from checker.checks.finding import CorpusFinding, Finding
from checker.core.excerpt import excerpt_of
from checker.model.document import Document
from checker.model.similarity import _LONG, PLACEHOLDER, band_keys, near_duplicate
from checker.model.unfrozen_twin import unfrozen_twin

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

    def place(self, e: int) -> tuple[int, int, int, int, str]:
        """``entry(e)`` less the text: what a finding of sentence ``e`` shows."""
        places, at, ends = self.places, 4 * e, self.excerpt_ends
        return (places[at], places[at + 1], places[at + 2], places[at + 3],
                self.excerpts[ends[e - 1] if e else 0:ends[e]])

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
        import base64      # here: only a run that keeps fingerprints writes them (with struct, ~1 ms)

        return {"entries": entries, "keys": base64.b64encode(self.keys).decode("ascii"), "bands": self.bands}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Fingerprints":
        import base64

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
    # only a sentence's first unit may be the whole sentence (``units_from``: the whole
    # first, then clauses and pairs, all ``clause``): the others are not looked at, nor made
    for sentence, unit in zip(doc.sentences, whole_units(doc, phrases)):
        if unit is None or sentence.paragraph in lines or sentence.paragraph in furniture:
            continue
        if unit.length >= params.min_length:
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
    for key, (path, data) in zip(order_keys(summaries, root), summaries.items()):
        docs.append((key, path, data, True))
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
    comparison = Comparison(rule)
    for key, path, data, reported in _ordered(summaries, references, settings):
        yield from comparison.add(path, data, reported and (only is None or path in only), key)
    yield from comparison.finish()


class Comparison:
    """The comparison fed one document at a time, in the order of the comparison
    (``order_key``): a runner adds each document as its turn comes, while the later ones
    are still being checked, and takes the copies found as the documents are compared.

    A document is compared with the documents added before it (``_BucketIndex``), a batch
    of documents at a time (the look-ups of a batch are a few array operations for all
    its sentences); ``add`` returns the copies of the documents compared by then, in
    order, ``finish`` those of the last batch.  Once compared, a document keeps only what
    a later document's comparison may read of it: its normalised texts, in a temporary
    file read back by byte range (``KeptTexts``), and their lines; its keys are in the
    index, its excerpts and places are let go."""

    # Rows a batch gathers before it is compared.  Each batch pays some 60 array calls a
    # band whatever its size; 2,048 rows (19 generated documents) made that a fifth of the
    # phase.  A batch closes at the first document that takes it to ``batch_rows`` rows, so
    # batches of under 4,096 rows (12 bits of batch row, which with 20 bits of row number
    # keeps the ranking's sort on 32-bit numbers to a million rows) are left room for a
    # document of 256 sentences.  (Replay, 4,000 generated documents: 8,192 rows were
    # faster still, but would leave the 32-bit sort at 4,850 documents.)
    def __init__(self, rule, batch_rows: int = 3840) -> None:
        self.rule = rule
        self.params: Params = rule.params
        self.batch_rows = batch_rows
        self.settled = SettledCopies(lambda name: self.texts[name >> 32].norm(name & 0xFFFFFFFF))
        self.index = _BucketIndex(self.params, lambda number, e: self.texts[number].norm(e), self.settled)
        self.paths: list[str] = []
        self.keys: list[str] = []
        self.texts: list[Any] = []                      # document number -> its texts
        self.kept = KeptTexts()
        self.pending: list[tuple[int, Any, bool]] = []  # (number, data, reported) not yet compared
        self.pending_rows = 0
        self.verdicts = CopyVerdicts(lambda a, b: is_copy(a, b, self.params),
                                     lambda name: self.texts[name >> 32].norm(name & 0xFFFFFFFF))

    def add(self, path: str, data, reported: bool = True, key: str | None = None) -> Iterator[CorpusFinding]:
        """``path``: the document's path as its findings name it; ``key``: its name in the
        findings of the later documents that copy it (its ``order_key``)."""
        if data.bands != self.params.bands or not len(data):
            return iter(())
        number = len(self.paths)
        self.paths.append(path)
        self.keys.append(path if key is None else key)
        self.texts.append(data)
        self.pending.append((number, data, reported))
        self.pending_rows += len(data)
        if self.pending_rows < self.batch_rows:
            return iter(())
        return self._compare()

    def finish(self) -> Iterator[CorpusFinding]:
        """The copies of the documents not compared yet; then the kept texts are let go."""
        if self.pending:
            yield from self._compare()
        self.kept.close()
        self.settled.clear()
        self.texts = []          # their file is closed: nothing may read them any more

    def _compare(self) -> Iterator[CorpusFinding]:
        batch, self.pending, self.pending_rows = self.pending, [], 0
        found = self.index.add_batch([data.key_array() for _, data, _ in batch],
                                     [reported for _, _, reported in batch], [data for _, data, _ in batch])
        params, texts, keys, verdicts = self.params, self.texts, self.keys, self.verdicts
        kept, settled = self.kept, self.settled
        for (number, data, reported), candidates in zip(batch, found):
            if reported:
                copies = []
                for e, ranked, decided, lasting in candidates:
                    if decided:
                        # the index knows this sentence a copy of its one candidate: its
                        # text is that candidate's (``_exact_copies`` compared them), or
                        # an earlier sentence of its text settled it (``SettledCopies``)
                        other = ranked[0]
                        copies.append((e, (keys[other >> 32], texts[other >> 32].line(other & 0xFFFFFFFF))))
                        continue
                    norm = data.norm(e)
                    name = number << 32 | e
                    for at, sentence in enumerate(ranked):
                        # is_copy(norm, other_norm), asked once per distinct pair of texts
                        other = texts[sentence >> 32]
                        other_e = sentence & 0xFFFFFFFF
                        other_norm = other.norm(other_e)
                        if other_norm == norm or verdicts(norm, name, other_norm, sentence):
                            copies.append((e, (keys[sentence >> 32], other.line(other_e))))
                            if at < lasting:
                                # every later sentence of this text is a copy of it too
                                settled.settle(norm, name, sentence)
                            break
                if _versions_of_one_document(copies, len(data), params):
                    copies = []
                path = self.paths[number]
                for e, (other_path, other_line) in copies:
                    yield copy_finding(self.rule, path, data.place(e), other_path, other_line)
            # from now on only a candidate's text and line are read (a summary read on
            # demand, the engine's after an edit, is kept as it is)
            if isinstance(data, Fingerprints):
                texts[number] = kept.keep(data.norms, data.norm_ends, data.places[0::4])


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
    """Which earlier sentences each sentence is compared with, filled a batch of
    documents at a time.

    A sentence falls in one bucket per band (the exact text's key is the last band); a
    document's sentences are compared with the sentences of earlier documents that share
    a bucket with them, each bucket holding only its earliest ``bucket_size`` sentences,
    the likeliest first (most buckets shared, then the earliest) and at most
    ``max_candidates`` of them.  A full bucket never changes, so a sentence is put in a
    bucket only while there is room, and a bucket's members are the earliest ones.

    The buckets are sorted runs of (key, member row) pairs, one array pair per band: each
    batch adds a run (its rows with room in their buckets), and two runs are merged
    when the later one has grown to a quarter of the one before it (a log-structured
    index: a few runs, each pair merged a logarithmic number of times; every batch
    searches every run, and fewer runs than merging at equal sizes gave cost about a
    tenth less at 250 and 2,000 documents, the merges included), so the index grows in
    document order without a Python object per bucket (a dictionary of lists took 174
    MiB at 1,000 documents) and a batch's look-ups are a few array operations for all
    its sentences.  When document d is compared its buckets hold the members added
    before it: those of the batches before its own and of the earlier documents of its
    batch (a member row before d's first row).

    Rows are numbered in the order documents are added; a candidate is given as
    document number << 32 | sentence, which orders as the rows do."""

    def __init__(self, params: Params, text_of=None, settled: SettledCopies | None = None) -> None:
        """``text_of(document number, sentence)``: a compared document's normalised
        sentence (``_exact_copies``; without it every row is looked up in every band);
        ``settled``: the copies later sentences of a text repeat (``_settled``), which
        the caller fills from the ``lasting`` candidates the index gives."""
        from checker.core.numeric import np

        self.np = np
        self.text_of = text_of
        self.settled = settled
        self.bucket_size = params.bucket_size
        self.max_candidates = params.max_candidates
        self.max_changed = params.max_changed
        self.min_ratio = params.min_ratio
        self._allowed = np.zeros(0, dtype=np.int32)      # ``_changes_allowed`` by length, made as needed
        self.width = params.bands + 1
        # per run, per band: (its keys, sorted and distinct; each key's first member's
        # place in members; how many members; the member rows, key by key)
        self.runs: list[list[tuple[Any, Any, Any, Any]]] = []
        self.sizes: list[int] = []                    # members of each run
        self.starts: list[int] = []                   # document number -> its first row
        self.doc_starts = np.zeros(0, dtype=np.int64)  # the same as an array
        self.rows = 0
        self.count_type = np.uint16 if params.bucket_size < 2 ** 16 else np.int64
        # per row: its text's length, and its characters counted by class (``_sketch``)
        self._lengths = RowBlocks(np, (), np.int32)
        self._sketches = RowBlocks(np, (self._SLOTS,), np.uint8)
        self._marked = RowBlocks(np, (), np.bool_)      # its text holds a placeholder
        self._whole = RowBlocks(np, (), np.bool_)       # a member in every band

    def add_batch(self, matrices: list, wanted: list[bool], texts: list) -> list[list[tuple[int, list[int], bool, int]]]:
        """Add documents (their key arrays, in order) and give, for each, (sentence, its
        candidates in the order they are compared, whether it is known to be a copy of
        its one candidate, ``lasting``) for each of its sentences that has any (only for
        the ``wanted`` documents; the others get []).  ``lasting``: how many of the first
        candidates would be found again by any later sentence of the same text, were it
        a copy of one of them (``SettledCopies``'s (a) and (b)): those sharing at least as
        many buckets as the sentence was put in, none if an earlier sentence of its own
        document is in its buckets."""
        np = self.np
        lengths = np.array([len(m) for m in matrices], dtype=np.int64)
        local = np.cumsum(lengths) - lengths                 # each document's first row in the batch
        base = self.rows
        self.starts.extend((local + base).tolist())
        self.doc_starts = np.concatenate((self.doc_starts, local + base))
        total = int(lengths.sum())
        keys = np.concatenate(matrices) if len(matrices) > 1 else matrices[0]
        row_type = np.int32 if base + total < 2 ** 31 else np.int64
        asked = np.repeat(np.array(wanted, dtype=bool), lengths)
        looked_up = asked.any()
        row_start = np.repeat(local + base, lengths)         # each batch row's document's first row
        run, size = [None] * self.width, 0
        pairs_row, pairs_member = [], []
        length = self._sketch(texts)
        admitted = np.zeros(total, dtype=np.int64)           # bands each batch row is a member in
        looking = asked                                      # rows whose candidates are gathered
        same_rows = same_members = np.zeros(0, dtype=np.int64)
        # the exact text's band first: a sentence it shows to be a copy of the first
        # sentence of that text needs no other band (``_exact_copies``)
        for band in (self.width - 1, *range(self.width - 1)):
            column = keys[:, band]
            order = np.argsort(column, kind="stable")        # by key, each key's rows in order
            ordered = column[order]
            first = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
            count = np.diff(np.append(first, total))
            distinct = ordered[first]
            groups = len(first)
            held = np.zeros(groups, dtype=np.int64)          # members each key has already
            group = np.repeat(np.arange(groups), count)      # of each ordered row
            # (index arrays and ``take`` below, where a boolean mask's indexing was dearer)
            looked = np.flatnonzero(looking.take(order))     # ordered rows whose candidates are gathered
            needed = np.zeros(groups, dtype=bool)            # keys of rows whose candidates are gathered
            needed[group.take(looked)] = True
            group_of, member_of = [], []                     # each key's members, earlier runs first
            for earlier in self.runs:
                run_keys, run_first, run_count, members = earlier[band]
                if not len(run_keys):
                    # a batch none of whose rows had room in this band's buckets (a
                    # document copied over and over) left it empty
                    continue
                at = np.minimum(np.searchsorted(run_keys, distinct), len(run_keys) - 1)
                hit = np.flatnonzero(run_keys[at] == distinct)
                if not len(hit):
                    continue
                sizes = run_count[at[hit]].astype(np.int64)
                held[hit] += sizes
                if looked_up:
                    hit = hit.take(np.flatnonzero(needed.take(hit)))
                    place = at.take(hit)
                    sizes = run_count.take(place).astype(np.int64)
                    n = int(sizes.sum())
                    ends = np.cumsum(sizes)
                    group_of.append(np.repeat(hit, sizes))
                    member_of.append(members.take(np.repeat(run_first.take(place).astype(np.int64) - (ends - sizes), sizes)
                                                  + np.arange(n)))
            keep = np.flatnonzero(np.arange(total) - np.repeat(first, count) < np.repeat(self.bucket_size - held, count))
            kept_rows, kept_groups = order.take(keep), group.take(keep)
            new_rows = (kept_rows + base).astype(row_type)
            admitted[kept_rows] += 1
            kept = np.bincount(kept_groups, minlength=groups)
            has = np.flatnonzero(kept)
            run[band] = (distinct[has], (np.cumsum(kept[has]) - kept[has]).astype(row_type),
                         kept[has].astype(self.count_type), new_rows)
            size += len(new_rows)
            if not looked_up:
                continue
            # the batch's own members, of the keys two or more batch rows have: a row alone
            # with its key in the batch would be given itself, which is never its candidate
            # (nor a sign of a crowded bucket), in each band it was put in
            shared_key = np.flatnonzero((count > 1).take(kept_groups))
            group_of.append(kept_groups.take(shared_key))
            member_of.append(new_rows.take(shared_key))
            # every looked-up row of the batch gets its key's members
            g = np.concatenate(group_of)
            m = np.concatenate(member_of)
            m = m.take(np.argsort(g, kind="stable"))
            g_size = np.bincount(g, minlength=groups)
            g_first = np.cumsum(g_size) - g_size
            if band == self.width - 1:
                same_rows, same_members = self._exact_copies(
                    order[asked[order]], group[asked[order]], m, g_size, g_first, base, length, local, texts)
                looking = asked.copy()
                looking[same_rows] = False
                # a text seen before (its key has members) may be settled already
                settled_rows, settled_members = self._settled(
                    order[looking[order] & (held[group] > 0)], local, texts)
                if len(settled_rows):
                    looking[settled_rows] = False
                    same_rows = np.concatenate((same_rows, settled_rows))
                    same_members = np.concatenate((same_members, settled_members))
                looked = np.flatnonzero(looking.take(order))
            query = order.take(looked)                       # batch rows looked up
            q_group = group.take(looked)
            sizes = g_size[q_group]
            n = int(sizes.sum())
            if not n:
                continue
            ends = np.cumsum(sizes)
            offsets = np.repeat(g_first[q_group] - (ends - sizes), sizes) + np.arange(n)
            pairs_row.append(np.repeat(query, sizes))
            pairs_member.append(m.take(offsets))
        self.runs.append(run)
        self.sizes.append(size)
        self.rows += total
        self._whole.extend(admitted == self.width)
        found = self._candidates(pairs_row, pairs_member, row_start, local, len(matrices), same_rows, same_members,
                                 admitted)
        while len(self.runs) > 1 and self.sizes[-2] <= 4 * self.sizes[-1]:
            self._merge()
        return found

    def _merge(self) -> None:
        """The last two runs as one (the earlier one's members first within a key)."""
        np = self.np
        later, earlier = self.runs.pop(), self.runs.pop()
        merged = []
        for band in range(len(earlier)):
            (k1, _, c1, m1), (k2, _, c2, m2) = earlier[band], later[band]
            # each band's old arrays are let go as soon as it is merged: a merge of the
            # largest runs then holds one band twice, not the whole index (+18 MiB at 2,200
            # of 4,000 documents)
            earlier[band] = later[band] = None
            column = np.concatenate((np.repeat(k1, c1.astype(np.int64)), np.repeat(k2, c2.astype(np.int64))))
            order = np.argsort(column, kind="stable")
            column = column[order]
            members = np.concatenate((m1, m2))[order]
            # (two empty bands merge into an empty one: no first key)
            first = np.flatnonzero(np.concatenate((np.ones(min(1, len(column)), dtype=bool), column[1:] != column[:-1])))
            count = np.diff(np.append(first, len(column)))
            merged.append((column[first], first.astype(m1.dtype), count.astype(self.count_type), members))
        self.sizes[-2:] = [self.sizes[-2] + self.sizes[-1]]
        self.runs.append(merged)

    def _candidates(self, pairs_row, pairs_member, row_start, local, documents: int, same_rows, same_members,
                    admitted):
        np = self.np
        result: list[list[tuple[int, list[int], bool, int]]] = [[] for _ in range(documents)]
        sentence, candidate, shared, crowded = self._ranked(pairs_row, pairs_member, row_start)
        # the candidates that share at least as many buckets as the sentence was put in,
        # unless an earlier sentence of its document is in them (``SettledCopies``)
        lasting = (shared >= admitted[sentence]) & ~crowded[sentence]
        same = np.zeros(len(sentence), dtype=bool)
        if len(same_rows):
            # a copy of the first sentence of its text, or of the copy its text settled,
            # is that one's copy alone (the third item of its entry)
            sentence = np.concatenate((sentence, same_rows))
            candidate = np.concatenate((candidate, same_members))
            same = np.concatenate((same, np.ones(len(same_rows), dtype=bool)))
            lasting = np.concatenate((lasting, np.zeros(len(same_rows), dtype=bool)))
            order = np.argsort(sentence, kind="stable")
            sentence, candidate, same, lasting = sentence[order], candidate[order], same[order], lasting[order]
        if not len(candidate):
            return result
        starts = np.flatnonzero(np.concatenate(([True], sentence[1:] != sentence[:-1])))
        ends = np.append(starts[1:], len(sentence))
        # the lasting ones are the first of each sentence's candidates (ranked by buckets shared)
        lasting = np.add.reduceat(lasting, starts).tolist()
        doc_starts = self.doc_starts
        doc = np.searchsorted(doc_starts, candidate, side="right") - 1
        names = ((doc << 32) | (candidate - doc_starts[doc])).tolist()
        rows = sentence[starts]                                    # batch row of each sentence
        owner = np.searchsorted(local, rows, side="right") - 1
        within = (rows - local[owner]).tolist()
        for d, e, a, b, equal, n in zip(owner.tolist(), within, starts.tolist(), ends.tolist(), same[starts].tolist(),
                                        lasting):
            result[d].append((e, names[a:b], equal, n))
        return result

    def _ranked(self, pairs_row, pairs_member, row_start):
        """(batch row, candidate row, buckets shared) of each row's candidates in the order
        they are compared: the first ``max_candidates`` of those sharing a bucket with it,
        less those the text sketches rule out; and whether each batch row has an earlier
        row of its own document in its buckets (``crowded``)."""
        np = self.np
        none = np.zeros(0, dtype=np.int64)
        crowded = np.zeros(len(row_start), dtype=bool)
        if not pairs_row:
            return none, none, none, crowded
        sentence = np.concatenate(pairs_row)
        candidate = np.concatenate(pairs_member).astype(np.int64)
        base = self.rows - len(row_start)
        # the members of a sentence's own document are not its candidates; one of them
        # before it crowds its buckets (index arrays: a boolean mask's indexing of the
        # batch's 100,000 pairs took ~3 times as long, and all but a few are kept)
        later = np.flatnonzero(candidate >= row_start[sentence])
        if len(later):
            own, member = sentence.take(later), candidate.take(later)
            crowded[own[member < own + base]] = True
            earlier = np.ones(len(candidate), dtype=bool)
            earlier[later] = False
            earlier = np.flatnonzero(earlier)                      # rows of earlier documents
            candidate, sentence = candidate.take(earlier), sentence.take(earlier)
        if not len(candidate):
            return none, none, none, crowded
        # how many buckets each (sentence, candidate) pair shares; per sentence the most
        # shared first, then the earliest: one sort of a number made of (sentence,
        # candidate), then one of the pairs sharing more than one bucket (``_first_ranked``),
        # faster than lexsort
        low = max(1, self.rows.bit_length())
        high = (int(sentence.max()) + 1).bit_length()
        if high + 7 + low <= 63 and self.width < 128:
            pair = (sentence << low) | candidate
            if high + low <= 32:
                # the same numbers sorted as 32-bit ones: the same order, ~40 % less time
                # (100,000 pairs a batch at 4,000 documents: 3.8 -> 2.2 ms)
                pair = pair.astype(np.uint32)
            pair = np.sort(pair)
            starts = np.flatnonzero(np.concatenate(([True], pair[1:] != pair[:-1])))
            shared = np.diff(np.append(starts, len(pair)))
            pair = pair[starts].astype(np.int64)
            sentence, candidate, shared = _first_ranked(np, pair >> low, pair & ((1 << low) - 1), shared,
                                                        len(row_start), low, self.max_candidates)
        else:
            order = np.lexsort((candidate, sentence))
            candidate, sentence = candidate[order], sentence[order]
            new = np.concatenate(([True], (candidate[1:] != candidate[:-1]) | (sentence[1:] != sentence[:-1])))
            starts = np.flatnonzero(new)
            shared = np.diff(np.append(starts, len(candidate)))
            candidate, sentence = candidate[starts], sentence[starts]
            order = np.lexsort((candidate, -shared, sentence))
            candidate, sentence, shared = candidate[order], sentence[order], shared[order]
            # the first max_candidates of each sentence
            keep = _places_in_group(np, sentence) < self.max_candidates
            candidate, sentence, shared = candidate[keep], sentence[keep], shared[keep]
        # less those the text sketches rule out
        keep = self._possible(sentence + base, candidate)
        return sentence[keep], candidate[keep], shared[keep], crowded

    def _settled(self, rows, local, texts):
        """Of the batch ``rows`` (sentences of texts seen before), those whose text is
        settled (``SettledCopies``), and the copy each is a copy of."""
        np = self.np
        none = np.zeros(0, dtype=np.int64)
        if self.settled is None or not len(rows):
            return none, none
        owner = np.searchsorted(local, rows, side="right") - 1
        get = self.settled.get
        found_rows, found_members = [], []
        for row, d, lo in zip(rows.tolist(), owner.tolist(), local[owner].tolist()):
            copy_of = get(texts[d].norm(row - lo))
            if copy_of is not None:
                found_rows.append(row)
                found_members.append(self.starts[copy_of >> 32] + (copy_of & 0xFFFFFFFF))
        if not found_rows:
            return none, none
        return np.array(found_rows, dtype=np.int64), np.array(found_members, dtype=np.int64)

    def _exact_copies(self, rows, groups, members, g_size, g_first, base: int, length, local, texts):
        """Of the batch ``rows`` looked up (``groups``: their keys in the exact text's band,
        whose members are ``members[g_first[g]:g_first[g] + g_size[g]]``, earliest first),
        those whose comparison is decided by that band alone, and the candidate each is
        compared with: a row whose text is that of its key's first member F, F in an
        earlier batch and a member of all its buckets.  F then shares every bucket with
        the row, which no candidate can exceed, and a candidate sharing every bucket is
        in the exact band's bucket, where F is the earliest: F is the row's first
        candidate whatever the other buckets hold, the text sketches keep it (same
        length, same characters) and ``is_copy`` of a text and itself is true, so the row
        is a copy of F and nothing after F is ever compared.  (The texts are compared
        here, so a key shared by two texts only costs a comparison.)"""
        np = self.np
        none = np.zeros(0, dtype=np.int64)
        if self.text_of is None or not base or not len(rows):
            return none, none
        has = g_size[groups] > 0
        rows = rows[has]
        first = members[g_first[groups[has]]].astype(np.int64)
        earlier = np.flatnonzero(first < base)
        rows, first = rows[earlier], first[earlier]
        maybe = np.flatnonzero((length[rows] >= 0) & (self._lengths.take(first) == length[rows]) & self._whole.take(first))
        rows, first = rows[maybe], first[maybe]
        if not len(rows):
            return none, none
        owner = np.searchsorted(local, rows, side="right") - 1
        doc_starts = self.doc_starts
        # each first sentence's text read once for the batch's rows that have it (the
        # copies of a popular sentence share it: 29 rows a document at 4,000 generated
        # documents, ~1.5 us a read even when it is kept)
        distinct, which = np.unique(first, return_inverse=True)
        doc = np.searchsorted(doc_starts, distinct, side="right") - 1
        text_of = self.text_of
        first_texts = [text_of(fd, f - fs) for fd, f, fs in zip(doc.tolist(), distinct.tolist(),
                                                                doc_starts[doc].tolist())]
        same = [texts[d].norm(r - lo) == first_texts[i] for d, r, lo, i in zip(
            owner.tolist(), rows.tolist(), local[owner].tolist(), which.tolist())]
        same = np.array(same, dtype=bool)
        return rows[same], first[same]

    # -- sketches of the texts: what ``is_copy`` rules out first, for all pairs at once
    _SLOTS = 32            # character classes of a sketch

    def _sketch(self, texts):
        """Keep each new row's text length and counts of its characters by class (a
        multiplicative hash of the code point; counts above 255 kept as 255).  A summary
        that reads its texts only on demand (the engine's, after an edit) is not read
        for this: its rows get length -1, never ruled out.  Gives the new rows' lengths."""
        np = self.np
        codes, lengths = [], []
        for data in texts:
            if isinstance(data, Fingerprints):
                codes.append(np.frombuffer(data.norms.encode("utf-32-le"), dtype=np.uint32))
                lengths.append(np.diff(np.asarray(data.norm_ends, dtype=np.int64), prepend=0))
            else:
                lengths.append(np.full(len(data), -1, dtype=np.int64))
        length = np.concatenate(lengths)
        rows = len(length)
        code = np.concatenate(codes) if codes else np.zeros(0, dtype=np.uint32)
        slot = ((code * np.uint32(2654435761)) >> np.uint32(27)).astype(np.int64)   # top 5 bits: 32 classes
        owner = np.repeat(np.arange(rows), np.maximum(length, 0))
        counts = np.bincount(owner * self._SLOTS + slot, minlength=rows * self._SLOTS)
        sketch = np.minimum(counts, 255).astype(np.uint8).reshape(rows, self._SLOTS)
        marked = np.zeros(rows, dtype=bool)                  # holds a placeholder
        marked[owner[code == ord(PLACEHOLDER)]] = True
        self._lengths.extend(length.astype(np.int32))
        self._sketches.extend(sketch)
        self._marked.extend(marked)
        return length

    def _possible(self, rows, candidates):
        """Whether each (row, candidate row) pair can be a copy: ``is_copy`` rejects a
        candidate longer by more than ``max_changed`` characters, or with more than that
        many characters the row lacks; counted by class, the characters lacking are
        fewer (two characters of a class may stand in for each other), so a pair with
        more lacking by class lacks more: the verdict is the same, reached in arrays.

        When neither text holds a placeholder, ``near_duplicate`` rejects the pair the
        other way round too: a row longer by more than ``max_changed``, or with more than
        that many characters the candidate lacks.  (difflib's count of changed characters
        is at least the characters of either side outside its matching blocks, which
        match equal characters one to one, so at least either side's multiset gap; the
        edit distance of the long-text path is too; and the gap by class is at most the
        gap.)  A placeholder may stand for any name, so a pair with one is left to
        ``is_copy``.

        Without placeholders the bound is also the share left unchanged: ``near_duplicate``
        rejects a pair whose changed characters c make 1 - c / (the longer length) less
        than ``min_ratio``, so of two sentences of 20-26 characters at most 3 may change
        (``_changes_allowed``), and a gap above that is a rejection too (at 1,000
        generated documents 2,383 of the 16,500 pairs that went to ``is_copy``, every
        one of them rejected there)."""
        np = self.np
        limit = self.max_changed
        own, other = self._lengths.take(rows), self._lengths.take(candidates)
        known = (own >= 0) & (other >= 0)
        plain = ~(self._marked.take(rows) | self._marked.take(candidates))   # no placeholder in either
        keep = (other - own <= limit) & ~(plain & (own - other > limit))
        at = np.flatnonzero(keep & known)
        for piece in range(0, len(at), 1 << 14):        # bounded temporaries
            part = at[piece:piece + (1 << 14)]
            gap = self._sketches.take(candidates[part]).astype(np.int16) - self._sketches.take(rows[part])
            lacking = gap.clip(min=0).sum(axis=1)           # the candidate's characters the row lacks
            extra = (-gap).clip(min=0).sum(axis=1)          # the row's characters the candidate lacks
            plain_part = plain.take(part)
            # the changes a pair may have: the ratio's bound too when neither holds a placeholder
            bound = np.where(plain_part, self._changes_allowed(np.maximum(own.take(part), other.take(part))), limit)
            keep[part[(lacking > bound) | (plain_part & (extra > bound))]] = False
        return keep | ~known

    def _changes_allowed(self, longest):
        """For each length (of the longer text of a pair), the most changed characters c,
        at most ``max_changed``, that ``near_duplicate`` accepts: 1.0 - c / length at
        least ``min_ratio``, in float64 as it computes it (the same rounding); the test
        only fails more as c grows, so each length gets the last c that passes.  A table
        by length, grown (doubled) when a longer one comes until it reaches
        ``max_changed``: c / length only shrinks as the length grows, so every longer
        length allows that too (a sentence of a million characters makes no table of a
        million entries: at the defaults the table stops at 27)."""
        np = self.np
        most, table = self.max_changed, self._allowed
        top = int(longest.max()) + 1 if len(longest) else 0
        while top > len(table) and not (len(table) > 1 and table[-1] == most):
            table = self._changes_table(max(64, 2 * len(table)))
        if len(table) > 1 and table[-1] == most:
            # the first length allowing ``max_changed`` ends it (the last entry read for
            # the longer ones; 0, the empty text's, is not one of them)
            table = table[:int(np.argmax(table[1:] == most)) + 2]
        self._allowed = table
        return table.take(np.minimum(longest, len(table) - 1))

    def _changes_table(self, size: int):
        """``_changes_allowed`` of the lengths below ``size``."""
        np = self.np
        length = np.arange(size, dtype=np.float64)
        most, ratio = self.max_changed, self.min_ratio
        with np.errstate(divide="ignore", invalid="ignore"):
            # the bound's real value, then moved to the last c that passes as rounded
            # (a step or none: the float test and the real one differ near the edge)
            allowed = np.clip(np.floor((1.0 - ratio) * length), 0, most)
            while (up := (allowed < most) & ((1.0 - (allowed + 1) / length) >= ratio)).any():
                allowed[up] += 1
            while (down := (allowed > 0) & ~((1.0 - allowed / length) >= ratio)).any():
                allowed[down] -= 1
        allowed[0] = most       # two empty texts are equal: no ratio is asked
        return allowed.astype(np.int32)


def _first_ranked(np, sentence, candidate, shared, sentences: int, low: int, cap: int):
    """The first ``cap`` candidates of each sentence, most buckets shared first, then the
    earliest, from the distinct (sentence, candidate) pairs in that order (``shared``:
    buckets each pair shares; ``sentences``: above the largest sentence; candidates below
    ``1 << low``), as (sentence, candidate, shared) by sentence and rank.

    Most pairs share one bucket (at 4,000 generated documents 49,000 of a batch's 68,000
    distinct pairs): those rank after every pair of their sentence that shares more, and
    among themselves by candidate, the order they come in.  So only the pairs sharing more
    are sorted; a pair sharing one bucket takes the places after them (those sharing more
    in its sentence, then its place among its sentence's others), and the two parts, each
    in sentence order, are put together by sentence.  (One sort of all the pairs by
    (sentence, buckets not shared, candidate) took ~3 ms a batch.)"""
    # (index arrays and ``take``: a boolean mask's indexing was ~3 times the time here)
    many, one = np.flatnonzero(shared > 1), np.flatnonzero(shared == 1)
    ranked = np.sort((sentence.take(many) << (7 + low)) | ((127 - shared.take(many)) << low) | candidate.take(many))
    many_sentence = ranked >> (7 + low)
    first = np.flatnonzero(_places_in_group(np, many_sentence) < cap)
    ahead = np.bincount(many_sentence, minlength=sentences)        # pairs sharing more, per sentence
    one_sentence = sentence.take(one)
    second = one.take(np.flatnonzero(ahead.take(one_sentence) + _places_in_group(np, one_sentence) < cap))
    ranked = ranked.take(first)
    sentence = np.concatenate((ranked >> (7 + low), sentence.take(second)))
    candidate = np.concatenate((ranked & ((1 << low) - 1), candidate.take(second)))
    shared = np.concatenate((127 - ((ranked >> low) & 127), np.ones(len(second), dtype=ranked.dtype)))
    # both parts are in sentence order: a stable sort by sentence keeps, within each
    # sentence, those sharing more before those sharing one
    order = np.argsort(sentence, kind="stable")
    return sentence.take(order), candidate.take(order), shared.take(order)


def _places_in_group(np, group):
    """Each item's place among the items of its group (``group``: sorted)."""
    n = len(group)
    starts = np.flatnonzero(np.concatenate(([True], group[1:] != group[:-1])))
    return np.arange(n) - np.repeat(starts, np.diff(np.append(starts, n)))


# The pieces below are the whole of the comparison's logic; check_corpus composes them in
# one process, checker.spark composes the same functions with Spark's operators.


# CorpusFinding is a frozen dataclass: its constructor sets each of its ten fields through
# object.__setattr__ (~5 us a finding, a tenth of the phase at 4,000 generated documents,
# where it makes 56 findings a document); its unfrozen twin takes them by plain stores and
# is then given the class (``unfrozen_twin``: the same object the constructor makes).
_UnfrozenFinding = unfrozen_twin(CorpusFinding)


def copy_finding(rule, path: str, entry: tuple, other_path: str, other_line: int) -> CorpusFinding:
    """The report of sentence ``entry`` of ``path``, a copy of line ``other_line`` of
    ``other_path`` (``entry``: line, column, end line, end column, excerpt, and what
    follows them is not read)."""
    finding = _UnfrozenFinding()
    finding.path = path
    finding.line, finding.column, finding.end_line, finding.end_column, finding.excerpt = entry[:5]
    finding.args = {"other": other_path, "other_line": other_line}
    finding.related = finding.message = None
    finding.note = "seen_in"
    finding.__class__ = CorpusFinding
    return finding


def _versions_of_one_document(copies, sentences: int, params: Params) -> bool:
    if not is_other_version(len(copies), sentences, params):
        # no file gives more copies than there are: a document whose copies are too few
        # to be another version's is none, whichever file they come from (most documents:
        # the Counter is made only for those with enough copies)
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
        # The character gap is asked only when a text holds a placeholder, or when both
        # are long.  Otherwise near_duplicate rejects every pair with a gap above the limit
        # by itself: difflib's changed characters are at least those of other_norm outside
        # its matching blocks, which pair equal characters one to one, so at least the gap.
        # Counting the gap for every pair cost more than the difflib runs it saved (16,500
        # pairs at 1,000 documents: 46 -> 38 us a pair, the verdicts the same).  The
        # long-text path's edit distance is at least the gap too, but its search grows as
        # 3 ** max_changed: there the gap's one pass is the cheaper rejection.
        if PLACEHOLDER in norm or PLACEHOLDER in other_norm or min(len(norm), len(other_norm)) >= _LONG:
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
    return _relative(path, _resolved(root))


def order_keys(paths, root: Path) -> list[str]:
    """``order_key`` of each of ``paths``, the folder resolved once (a resolve is a
    system call per part of the path: half of the keys' cost, once per document)."""
    resolved = _resolved(root)
    return [_relative(path, resolved) for path in paths]


def _resolved(root: Path) -> Path | None:
    try:
        return root.resolve()
    except (OSError, RuntimeError):                 # RuntimeError: a symlink loop (Python < 3.13)
        return None


def _relative(path: str, root: Path | None) -> str:
    """``path`` relative to the resolved folder ``root`` (None: it could not be resolved)."""
    try:
        if root is not None:
            return Path(path).resolve().relative_to(root).as_posix()
    except (ValueError, OSError, RuntimeError):     # RuntimeError: a symlink loop (Python < 3.13)
        pass
    return Path(path).as_posix()
