"""The results cache: a file whose content, rules, data and configuration have not changed
since the last run is not checked again (ruff's model).

Where: ``.gwlint_cache/`` in the run's root, the folder of the ``.gwlint.yaml`` the files
are checked with, or the working folder when there is none.  Inside, one folder per
*fingerprint* of what decides the findings: gwlint's version and code, the rules run
(with their parameters, messages and severities), the data they read, the configuration,
and whether cross-document summaries are made (a one-file run makes none).  In it, one
entry per file, named by a hash of the file's path and bytes:

- ``<key>.json``: the file's own findings, errors excepted (a file that timed out or could
  not be read is checked again next time), its suppression directives and the place
  names of its source;
- ``<key>.corpus.json``: its cross-document summaries (the duplicate index's input),
  read only when the cross-document phase has to run again;
- ``corpus-<key>.json``: the cross-document phase's findings for one set of files (their
  paths and entry keys), with the directives they used, so that a run over unchanged
  files does not compare them again;
- ``report-<key>.txt`` and ``report-<key>.json``: the violations of a whole run over one
  set of files as the JSON report writes them (the text between its ``"violations": [``
  and ``]``), and its size, checksum and severity counts: a JSON report of a run over
  unchanged files copies that text, reading no file's entry and encoding nothing (the
  two newest are kept, and the four newest phase entries);
- ``index.bin`` and ``index.json``: the last comparison's band keys and every file's
  entry key, which a run after an edit updates (``runner._updated_phase``).

JSON, never pickle: a cache inside a repository must not be able to run code when it is
loaded.  Entries are written atomically (a temporary file renamed); an entry that cannot
be read or parsed is a miss and is written again, never an error, and so is one removed
while it is read.  The folder is kept bounded: at most once a day, after a run's report
(``checker.engine.results_upkeep``), the folders of fingerprints no run used for 14 days
are removed, and in the others the entries unused for 14 days whose file has changed
since or is gone (``checker.engine.results_prune``; "used" is a write or a read, the
access time ``relatime`` keeps); an unchanged file's entry stays, however long no run
saw it.  ``gwlint cache clean --results`` removes the folder's results now.
"""
from __future__ import annotations

import codecs
import json
import os
import stat
import tempfile
import zlib
from collections import Counter
from collections.abc import Iterator

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations only: see ResultsCache.root
    from typing import Any

from checker.core import digests
from checker.engine.lint import FileResult
from checker.engine.violation import Fix, Violation
from checker.sources.directives import Suppression

FORMAT = 1
KEEP_REPORTS = 2         # stored JSON reports kept per fingerprint (the newest)
KEEP_PHASES = 4          # cross-document phase entries kept per fingerprint (the newest)
FOLDER = ".gwlint_cache"
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_PIECE = 1 << 20          # bytes read at a time from a stored report
_IGNORE_ALL = "# written by gwlint: its results cache, never committed\n*\n"
PRUNE_STAMP = "pruned"       # in FOLDER: its modification time is the last prune's
PRUNE_PERIOD = 86400.0       # seconds between prunes (checker.engine.results_upkeep)
due_for_prune: set[str] = set()    # the FOLDERs this process used that are due


def _note_if_due(root: str) -> None:
    """Remember the results cache ``root`` when its prune is due: one ``stat`` of its
    stamp, here, in a module every run with a results cache has imported (the prune
    itself, ``checker.engine.results_upkeep``, is imported only when due)."""
    from checker.core.paths import stamp_fresh

    try:
        if stamp_fresh(os.path.join(root, PRUNE_STAMP), PRUNE_PERIOD):
            return
    except FileNotFoundError:
        if not os.path.isdir(root):
            return                     # a first run: nothing kept yet
    except (OSError, ValueError):
        return
    due_for_prune.add(os.fspath(root))


def _root_text(settings) -> str:
    """The run's root as text: ``Settings.root_text`` (no Path made), else ``root``."""
    text = getattr(settings, "root_text", None)
    return text if text is not None else str(settings.root)


def settings_fingerprint(settings, collect: bool) -> str:
    """What decides a file's findings besides its own path and bytes."""
    from checker.core.version import code_stamp, tool_version
    from checker.model.lexicon import plain_values

    vocabularies = settings.vocabularies
    rules = [[r.id, r.kind, r.category, r.severity, r.message, r.messages, r.raw_params, list(r.ignore),
              r.limit, r.family, r.enabled] for r in settings.rules]
    blob = {
        "format": FORMAT, "version": tool_version(), "code": code_stamp(), "collect": collect,
        "root": _root_text(settings),
        "config": plain_values(settings.config),      # not model_dump: no pydantic serializer to build
        "config_digest": getattr(settings.config, "_source_digest", None),
        "data": vocabularies.fingerprint if vocabularies is not None else settings.lexicon.fingerprint,
        "rules": rules,
    }
    text = json.dumps(blob, sort_keys=True, ensure_ascii=False, default=str)
    return digests.blake2b(text.encode(), digest_size=16).hexdigest()


class ResultsCache:
    """The entries of one fingerprint.  ``rechecked`` and ``reused`` list the paths
    checked and taken from the cache in this run (for tests and the benchmark)."""

    def __init__(self, settings, collect: bool) -> None:
        # as text (os.path), ``root`` and ``folder`` Paths made when asked: a one-file run
        # with its results cache imports no pathlib (with urllib.parse, 3 ms of a fresh process)
        self.root_text = os.path.join(_root_text(settings), FOLDER)
        self.folder_text = os.path.join(self.root_text, f"results-{settings_fingerprint(settings, collect)}")
        _note_if_due(self.root_text)
        self.rechecked: list[str] = []
        self.reused: list[str] = []
        # how the cross-document phase was had: "stored" (the same files as a run before),
        # "updated" (the last comparison's index updated for the files changed: ``affected``
        # lists the documents compared again) or "compared" (everything compared)
        self.phase: str | None = None
        self.affected: list[str] = []
        self.previous_report: str | None = None     # set with "updated": see runner._updated_phase
        self.reusable: set[str] = set()
        self._ready = False

    @property
    def root(self) -> Path:
        """The ``.gwlint_cache`` folder (``root_text`` as a Path)."""
        from pathlib import Path

        return Path(self.root_text)

    @root.setter
    def root(self, value: Path | str) -> None:
        self.root_text = os.fspath(value)

    @property
    def folder(self) -> Path:
        """This fingerprint's folder (``folder_text`` as a Path)."""
        from pathlib import Path

        return Path(self.folder_text)

    @folder.setter
    def folder(self, value: Path | str) -> None:
        self.folder_text = os.fspath(value)

    def _at(self, name: str) -> str:
        """The file ``name`` in this fingerprint's folder."""
        return os.path.join(self.folder_text, name)

    # -- keys
    @staticmethod
    def key(path: str, at: str | None = None) -> str | None:
        """A hash of the path as given and the file's bytes; None when it cannot be read
        (the check itself then reports why) or is not a regular file.

        Only a regular file can be read twice and give the same bytes: a pipe (``gwlint
        check <(cmd)``) read here was empty when checked, a named pipe nothing writes to
        made ``open`` wait for good, and ``/dev/zero`` was read forever.  Anything else is
        left to the check, uncached.  It is asked by ``stat``, not by opening it: opening
        a named pipe would let a writer waiting for a reader go on, to find none once it
        is closed here.  (Opened without waiting, ``O_NONBLOCK``, in case it was replaced
        in between; no change for a regular file.)  ``at``: where the file is, when not
        at ``path`` from the working folder (``checker.engine.results_prune``)."""
        where = path if at is None else at
        try:
            if not stat.S_ISREG(os.stat(where).st_mode):
                return None
            fd = os.open(where, _OPEN_FLAGS)
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return None
            # os.read, no file object: with the stat this costs what open().read() did
            # (400 files: 7.4-7.8 ms against 7.6-7.7; a file object on top, 9 ms)
            chunks, size = [], st.st_size + 1
            while chunk := os.read(fd, size):
                chunks.append(chunk)
                size = _PIECE
            content = b"".join(chunks)
        except OSError:
            return None
        finally:
            os.close(fd)
        h = digests.blake2b(path.encode("utf-8", "surrogateescape") + b"\0", digest_size=20)
        h.update(content)
        return h.hexdigest()

    @staticmethod
    def corpus_key(keys: list[tuple[str, str | None]]) -> str:
        h = digests.blake2b(digest_size=20)
        for path, key in sorted(keys, key=lambda pk: pk[0]):
            h.update(f"{path}\0{key or '-'}\n".encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    # -- per file
    def has(self, key: str) -> bool:
        """Whether there is an entry ``key`` (``load`` may still find it unreadable)."""
        return os.path.exists(self._at(f"{key}.json"))

    def load(self, path: str, key: str, rows: bool = False) -> FileResult | None:
        """The entry of ``path`` with ``key``; ``rows``: leave its violations as the rows
        read (``result.cached_rows``, the fields of ``checker.engine.spool.row_of``) for a
        spooled run, which writes them on without making objects of them."""
        data = self._read(f"{key}.json")
        try:
            if data is None or data["format"] != FORMAT or data["path"] != path:
                return None
            result = FileResult(path)
            if rows:
                result.cached_rows = data["violations"]
                if not all(isinstance(row, list) and len(row) == 13 for row in result.cached_rows):
                    return None
            else:
                result.violations = [_violation(v, path) for v in data["violations"]]
            result.suppressions = [Suppression(line, frozenset(names), first, last, used, text)
                                   for line, names, first, last, used, text in data["suppressions"]]
            result.unused_pending = bool(data["unused_pending"])
            labels = data["line_labels"]
            result.line_labels = None if labels is None else {int(k): v for k, v in labels}
            result.kind = data["kind"]
            # the summaries stay on disk until the cross-document phase asks for them
            result.corpus = dict.fromkeys(data["corpus"])
        except (KeyError, TypeError, ValueError):
            return None
        return result

    def load_corpus(self, result: FileResult, key: str) -> bool:
        """Fill in the cross-document summaries of a result taken from the cache."""
        from checker.checks.registry import load_kind

        wanted = [rule_id for rule_id, summary in result.corpus.items() if summary is None]
        if not wanted:
            return True
        data = self._read(f"{key}.corpus.json")
        if not isinstance(data, dict):
            return False
        try:
            for rule_id in wanted:
                kind, summary = data[rule_id]
                result.corpus[rule_id] = load_kind(kind).summary_from_json(summary)
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        return True

    def load_summary(self, key: str, rule_id: str) -> Any:
        """One rule's cross-document summary in the entry ``key``, or None."""
        from checker.checks.registry import load_kind

        data = self._read(f"{key}.corpus.json")
        try:
            kind, summary = data[rule_id]
            return load_kind(kind).summary_from_json(summary)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def store(self, key: str, result: FileResult, rules_by_id: dict) -> None:
        """Keep a result just checked, before the cross-document phase marks its
        directives used.  A result with errors is not kept: it is checked again."""
        if result.errors:
            return
        corpus: dict[str, Any] = {}
        for rule_id, summary in result.corpus.items():
            rule = rules_by_id.get(rule_id)
            to_json = getattr(summary, "to_json", None)
            if rule is None or to_json is None:
                return                       # a summary the cache cannot write: check it again
            corpus[rule_id] = [rule.kind, to_json()]
        entry = {
            "format": FORMAT, "path": result.path, "kind": result.kind,
            "violations": [_violation_json(v, result.path) for v in result.violations],
            "suppressions": [[s.line, sorted(s.names), s.first, s.last, s.used, s.text] for s in result.suppressions],
            "unused_pending": result.unused_pending,
            "line_labels": None if result.line_labels is None else sorted(result.line_labels.items()),
            "corpus": sorted(corpus),
        }
        if corpus:
            self._write(f"{key}.corpus.json", corpus)
        self._write(f"{key}.json", entry)

    # -- the cross-document phase
    def load_phase(self, key: str, rows: bool = False) -> tuple[list, dict[str, list[int]]] | None:
        """The stored cross-document findings and the directives they used; ``rows``: the
        findings as the rows read (each naming its path), for a spooled run."""
        data = self._read(f"corpus-{key}.json")
        try:
            if data is None or data["format"] != FORMAT:
                return None
            if rows:
                found = data["violations"]
                if not all(isinstance(row, list) and len(row) == 13 and isinstance(row[0], str) for row in found):
                    return None
            else:
                found = [_violation(v, None) for v in data["violations"]]
            return found, {p: list(i) for p, i in data["used"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def comparison_kept(self, key: str, keys: dict[str, str | None], limit: int) -> bool:
        """Whether a run over the files ``keys`` (path -> entry key) will take its
        cross-document findings from what is kept rather than compare everything: the
        phase entry ``key`` exists, or the kept index is of the same paths with at most
        ``limit`` of them changed (``runner._updated_phase`` then updates it)."""
        if os.path.exists(self._at(f"corpus-{key}.json")):
            return True
        head = self._read("index.json")
        try:
            old = head["keys"]
            if head["format"] != FORMAT or set(old) != set(keys):
                return False
            return sum(old[p] != k for p, k in keys.items()) <= limit
        except (KeyError, TypeError, AttributeError):
            return False

    def phase_stream(self, key: str) -> tuple[Iterator[list], dict[str, list[int]]] | None:
        """``load_phase(key, rows=True)`` with the findings read as they are taken, a
        megabyte of the entry at a time, not held whole (4,000 documents' entry is 64 MB
        of JSON, about a kilobyte a row once read).  The directives used are read first,
        from the end of the entry, where both writers put them.  The iterator raises
        ValueError on a row it cannot read; None: no such entry (or one of another form)."""
        try:
            fh = open(self._at(f"corpus-{key}.json"), "rb")
        except OSError:
            return None
        try:
            size = os.fstat(fh.fileno()).st_size
            head = b'{"format":%d,"violations":[' % FORMAT
            if fh.read(len(head)) != head:
                raise ValueError("another form")
            # '],"used":' cannot occur inside a JSON string (its quote would be escaped); the
            # directives are paths -> lists of numbers, so the last one found begins them
            reach = 1 << 16
            while True:
                start = max(len(head), size - reach)
                fh.seek(start)
                tail = fh.read(size - start)
                at = tail.rfind(b'],"used":')
                if at >= 0 or start == len(head):
                    break
                reach *= 4
            if at < 0:
                raise ValueError("no directives")
            used = json.loads(tail[at + 9:-1])
            if not tail.endswith(b"}") or not isinstance(used, dict):
                raise ValueError("no directives")
            used = {p: list(i) for p, i in used.items()}
            end = start + at
        except (OSError, ValueError, AttributeError, TypeError):
            fh.close()
            return None
        return _stored_rows(fh, len(head), end), used

    def store_phase(self, key: str, violations: list[Violation], used: dict[str, list[int]],
                    rows: list | None = None) -> None:
        """Keep the phase's findings: ``violations``, or ``rows`` as ``load_phase`` gives them."""
        if rows is not None:
            violations = rows
        def pieces():     # tens of thousands of findings: encoded a batch at a time, never as one text
            # the directives last, as PhaseWriter writes them (phase_stream reads them there)
            yield '{"format":%d,"violations":[' % FORMAT
            for at in range(0, len(violations), 2000):
                batch = violations[at:at + 2000] if rows is not None else \
                    [_violation_json(v, None) for v in violations[at:at + 2000]]
                yield ("," if at else "") + json.dumps(batch, ensure_ascii=False, separators=(",", ":"))[1:-1]
            yield '],"used":' + json.dumps(used, ensure_ascii=False, separators=(",", ":")) + "}"

        self._write(f"corpus-{key}.json", pieces())
        self.prune("corpus-", ".json", KEEP_PHASES)

    # -- the last cross-document comparison's index, for updating it after an edit
    def load_index(self) -> tuple[dict, bytes] | None:
        """The header and key bytes of the index kept by ``store_index``, or None."""
        head = self._read("index.json")
        try:
            if head is None or head["format"] != FORMAT:
                return None
            with open(self._at("index.bin"), "rb") as fh:
                blob = fh.read()
            if len(blob) != head["size"] or zlib.crc32(blob) != head["crc"]:
                return None
            return head, blob
        except (OSError, KeyError, TypeError, ValueError):
            return None

    def store_index(self, phase: str, keys: dict[str, str | None], rules: dict[str, list]) -> None:
        """Keep what the last comparison indexed: ``rules``: rule id -> [(path, keys
        array)] (the documents' band keys, uint32, a row per sentence), with the entry key
        of every file and the phase entry (``store_phase``) holding its findings."""
        writer = self.index_writer()
        if writer is None:
            return
        for rule_id, docs in rules.items():
            for path, array in docs:
                writer.add(rule_id, path, array)
        writer.close(phase, keys)

    def index_writer(self) -> "IndexWriter | None":
        """``store_index`` for documents that come one at a time (as the comparison takes
        them): ``add(rule_id, path, keys)``, then ``close(phase, keys)``."""
        if not self._prepare():
            return None
        return IndexWriter(self)

    # -- a whole run's JSON report
    def load_report(self, key: str) -> "StoredReport | None":
        """The stored violations of a run over the files of ``key`` (``corpus_key``), or
        None when there are none or they do not match their header (size, checksum)."""
        head = self._read(f"report-{key}.json")
        try:
            if head is None or head["format"] != FORMAT:
                return None
            counts = Counter({str(k): int(n) for k, n in head["counts"].items()})
            ranges = head.get("ranges") or {}
            fh = open(self._at(f"report-{key}.txt"), "rb")
        except (OSError, KeyError, TypeError, ValueError, AttributeError):
            return None
        try:        # checked through the file it will be copied from, a piece at a time
            crc = size = 0
            while piece := fh.read(_PIECE):
                crc = zlib.crc32(piece, crc)
                size += len(piece)
            if size == head["size"] and crc == head["crc"]:
                return StoredReport(fh, int(head["count"]), counts, ranges)
        except (OSError, TypeError, ValueError):
            pass
        fh.close()
        return None

    def report_writer(self, key: str, count: int, counts: dict) -> "ReportWriter | None":
        """Where the JSON report keeps the violations text of this run (see ``load_report``)."""
        if not self._prepare():
            return None
        try:
            fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=".tmp", dir=self.folder_text)
        except OSError:
            return None
        return ReportWriter(self, key, fd, tmp, count, dict(counts))

    def phase_writer(self, key: str) -> "PhaseWriter | None":
        """``store_phase`` for findings that come a batch at a time: ``write(violations)``,
        then ``close(used)``."""
        if not self._prepare():
            return None
        try:
            fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=self.folder_text)
        except OSError:
            return None
        return PhaseWriter(self, key, fd, tmp)

    # -- files
    def prune(self, prefix: str, suffix: str, keep: int) -> None:
        """Leave the ``keep`` newest entries named ``prefix<key>suffix`` (with their
        ``prefix<key>.json`` header): each run over another set of files writes a report
        and a phase entry as large as its findings."""
        try:
            found = sorted(((e.stat().st_mtime_ns, e.name) for e in os.scandir(self.folder_text)
                            if e.name.startswith(prefix) and e.name.endswith(suffix)), reverse=True)
        except OSError:
            return
        for _, name in found[keep:]:
            for stale in {name, name[:-len(suffix)] + ".json"}:
                try:
                    os.unlink(self._at(stale))
                except OSError:
                    pass

    def _prepare(self) -> bool:
        if not self._ready:
            try:
                os.makedirs(self.folder_text, exist_ok=True)
                marker = os.path.join(self.root_text, ".gitignore")
                if not os.path.exists(marker):
                    with open(marker, "w", encoding="utf-8") as fh:
                        fh.write(_IGNORE_ALL)
            except OSError:
                return False
            self._ready = True
        return True

    def _read(self, name: str) -> Any:
        try:
            with open(self._at(name), "rb") as fh:
                return json.loads(fh.read())
        except (OSError, ValueError):
            return None

    def _write(self, name: str, data: Any) -> None:
        """Atomically; a cache that cannot be written only costs time next run."""
        tmp = None
        try:
            if not self._prepare():
                return
            fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=self.folder_text)
            os.chmod(tmp, 0o644)                # mkstemp makes it private; a cache is not
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                # dumps, not dump: json.dump encodes in Python, dumps with the C encoder;
                # a generator gives the text in pieces
                if inspect_generator(data):
                    for piece in data:
                        fh.write(piece)
                else:
                    fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            os.replace(tmp, self._at(name))
        except OSError:
            _discard(tmp)


class StoredReport:
    """A run's violations as a stored JSON report's text: what the report writers need of
    a run's violations (``len``, truth, ``severity_counts``, iteration in order), the JSON
    writer taking ``json_block()`` as it is.  Only a JSON report is served from it (the
    text keeps the contract's fields, not a fix, context or place label)."""

    def __init__(self, fh, count: int, counts: Counter, ranges: dict | None = None) -> None:
        self._fh = fh
        self._count = count
        self.severity_counts = counts
        self._ranges = ranges or {}

    def text_of(self, path: str) -> str | None:
        """The text of one path's violations (each of them, joined as in the report), or
        None when the report has none of that path."""
        where = self._ranges.get(path)
        try:
            start, end = where
            self._fh.seek(start)
            data = self._fh.read(end - start)
            return data.decode("utf-8") if len(data) == end - start else None
        except (TypeError, ValueError, OSError, UnicodeDecodeError):
            return None

    def write_json_block(self, stream) -> None:
        """Copy the text to ``stream``: as bytes to a text stream's buffer, a piece at a time."""
        self._fh.seek(0)
        target = getattr(stream, "buffer", None)
        encoding = getattr(stream, "encoding", None) or ""
        if target is not None and codecs.lookup(encoding).name == "utf-8" if encoding else False:
            stream.flush()
            while piece := self._fh.read(_PIECE):
                target.write(piece)
            return
        decoder = codecs.getincrementaldecoder("utf-8")()
        while piece := self._fh.read(_PIECE):
            stream.write(decoder.decode(piece))
        stream.write(decoder.decode(b"", final=True))

    def json_block(self) -> str:
        self._fh.seek(0)
        return self._fh.read().decode("utf-8")

    def close(self) -> None:
        self._fh.close()

    def __del__(self) -> None:
        try:
            self._fh.close()
        except Exception:
            pass

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def sort(self, key=None) -> None:
        """Stored in order."""

    def __iter__(self):
        for d in json.loads("[" + self.json_block() + "]"):
            yield Violation(d["path"], d["line"], d["column"], d["end_line"], d["end_column"], d["rule"],
                            d["category"], d["severity"], d["message"], d["excerpt"])


class PhaseWriter:
    """Writes ``corpus-<key>.json`` as ``store_phase`` does, its findings as they come; a
    file that cannot be written is dropped (the phase is compared again next time)."""

    def __init__(self, cache: ResultsCache, key: str, fd: int, tmp: str) -> None:
        self._cache, self._key, self._tmp = cache, key, tmp
        self._fh = os.fdopen(fd, "w", encoding="utf-8")
        self._first = True
        self._ok = self._put('{"format":%d,"violations":[' % FORMAT)

    def _put(self, text: str) -> bool:
        try:
            self._fh.write(text)
            return True
        except OSError:
            return False

    def write(self, violations: list[Violation]) -> None:
        self.write_rows([_violation_json(v, None) for v in violations])

    def write_rows(self, rows: list) -> None:
        """Findings as rows naming their path (``_violation_json(v, None)``)."""
        if not rows or not self._ok:
            return
        text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        self._ok = self._put(("" if self._first else ",") + text[1:-1])
        self._first = False

    def close(self, used: dict[str, list[int]] | None) -> None:
        """Keep the entry with the directives it used; ``None``: drop it (the phase stopped)."""
        ok = used is not None and self._ok and self._put('],"used":' + json.dumps(used, ensure_ascii=False, separators=(",", ":")) + "}")
        if _finish(self._fh, self._tmp, self._cache._at(f"corpus-{self._key}.json"), ok):
            self._cache.prune("corpus-", ".json", KEEP_PHASES)


class IndexWriter:
    """Writes ``index.bin`` and ``index.json`` as ``store_index`` describes, each
    document's keys written as they come (to a temporary file per rule: the index lists
    the rules' documents rule by rule), never all held at once."""

    def __init__(self, cache: ResultsCache) -> None:
        self._cache = cache
        self._parts: dict[str, tuple[Any, str]] = {}       # rule id -> (open file, its path)
        self._listing: dict[str, list] = {}
        self._ok = True

    def add(self, rule_id: str, path: str, array) -> None:
        from checker.core.numeric import np

        if not self._ok:
            return
        try:
            if rule_id not in self._parts:
                fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=self._cache.folder_text)
                self._parts[rule_id] = (os.fdopen(fd, "wb"), tmp)
                self._listing[rule_id] = []
            array = np.ascontiguousarray(array, dtype=np.uint32)
            self._listing[rule_id].append([path, int(array.shape[0]), int(array.shape[1]) if array.ndim == 2 else 0])
            if array.size:                   # (a view with a zero in its shape cannot be cast)
                self._parts[rule_id][0].write(memoryview(array).cast("B"))
        except OSError:
            self._ok = False

    def close(self, phase: str | None, keys: dict[str, str | None] | None = None) -> None:
        """Keep the index (of the phase entry ``phase`` and files ``keys``); ``None``: drop it."""
        folder = self._cache.folder_text
        tmp = None
        try:
            for fh, _ in self._parts.values():
                fh.close()
            if phase is None or not self._ok:
                return
            size = crc = 0
            fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=folder)
            os.chmod(tmp, 0o644)
            with os.fdopen(fd, "wb") as out:
                for _, part in self._parts.values():
                    with open(part, "rb") as fh:
                        while piece := fh.read(_PIECE):
                            out.write(piece)
                            crc = zlib.crc32(piece, crc)
                            size += len(piece)
            os.replace(tmp, os.path.join(folder, "index.bin"))
            tmp = None
        except OSError:
            return
        finally:
            _discard(tmp)
            for _, part in self._parts.values():
                _discard(part)
        self._cache._write("index.json", {"format": FORMAT, "phase": phase, "keys": keys, "rules": self._listing,
                                          "size": size, "crc": crc})


class ReportWriter:
    """Takes the violations text of a JSON report as it is written, and keeps it (with its
    header, written last) when the report is complete: ``close(True)``."""

    def __init__(self, cache: ResultsCache, key: str, fd: int, tmp: str, count: int, counts: dict) -> None:
        self._cache, self._key, self._tmp = cache, key, tmp
        self._fh = os.fdopen(fd, "wb")
        self._crc = 0
        self._size = 0
        self._head = {"format": FORMAT, "count": count, "counts": counts}

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        self._fh.write(data)

    def close(self, keep: bool, ranges: dict | None = None) -> None:
        if _finish(self._fh, self._tmp, self._cache._at(f"report-{self._key}.txt"), keep):
            self._cache._write(f"report-{self._key}.json", {**self._head, "size": self._size, "crc": self._crc,
                                                             "ranges": ranges or {}})
            self._cache.prune("report-", ".txt", KEEP_REPORTS)


def _finish(fh, tmp: str, dest, keep: bool) -> bool:
    """Close the temporary file ``fh`` (at ``tmp``); with ``keep``, move it into place as
    ``dest``, readable like every cache file, and say so.  Otherwise, or when that fails,
    remove it: a cache that cannot be written only costs time next run."""
    try:
        fh.close()
        if keep:
            os.chmod(tmp, 0o644)
            os.replace(tmp, dest)
            return True
    except OSError:
        pass
    _discard(tmp)
    return False


def _discard(tmp: str | None) -> None:
    """Remove a temporary file left by a write that failed, if any."""
    if tmp is not None:
        try:
            os.unlink(tmp)
        except OSError:
            pass


_CHUNK = 1 << 20          # bytes of a stored entry read at a time


def _stored_rows(fh, start: int, end: int) -> Iterator[list]:
    """The rows (``_violation_json`` with their path) written between ``start`` and
    ``end`` of the open entry ``fh``, comma-separated, read a megabyte at a time."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    parse = json.JSONDecoder().raw_decode
    with fh:
        fh.seek(start)
        left = end - start
        text, at = "", 0
        while True:
            if left:
                chunk = fh.read(min(left, _CHUNK))
                if not chunk:
                    raise ValueError("the entry is cut short")
                left -= len(chunk)
                text = text[at:] + decoder.decode(chunk, final=not left)
                at = 0
            while at < len(text):
                if text[at] == ",":
                    at += 1
                    continue
                try:
                    row, after = parse(text, at)
                except ValueError:
                    if left:
                        break             # the row goes on in the next megabyte
                    raise
                if not (isinstance(row, list) and len(row) == 13 and isinstance(row[0], str)):
                    raise ValueError("not a stored finding")
                yield row
                at = after
            if not left:
                return


def inspect_generator(data: Any) -> bool:
    return hasattr(data, "__next__")


def _violation_json(v: Violation, path: str | None) -> list:
    fix = None if v.fix is None else [v.fix.start, v.fix.end, v.fix.replacement]
    return [None if v.path == path else v.path, v.line, v.column, v.end_line, v.end_column, v.rule,
            v.category, v.severity, v.message, v.excerpt, fix, v.context, v.label]


def _violation(row: list, path: str | None) -> Violation:
    (vpath, line, column, end_line, end_column, rule, category, severity, message, excerpt,
     fix, context, label) = row
    return Violation(path if vpath is None else vpath, line, column, end_line, end_column, rule, category,
                     severity, message, excerpt, None if fix is None else Fix(*fix), context, label)
