"""jieba segmentation, loaded on first use only, with a trimmed dictionary.

jieba's full dictionary (350,000 words) costs about half a second and 90 MB to load,
more than the rest of a one-file run together.  The checks that segment (the stutter
rule deciding whether ``了了`` in ``为了了解`` is two words) only need the common
vocabulary, so gwlint builds, once, the prefix table of jieba's most frequent words and
keeps it in the user's cache folder, read a first character at a time.
Unknown words are still segmented by jieba's HMM.
"""
from __future__ import annotations

import os
from functools import lru_cache
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.core.skipping_re import compile_skipping
from checker.model.span import Span, known_span

# 60,000 words keep the compounds that matter at stutter boundaries (一对一, 了解, 在职);
# 20,000 already lose some of them.
DICTIONARY_SIZE = 60_000


from checker.core.paths import cache_dir, cache_folders  # noqa: E402 - re-exported: the typo family reads it here
from checker.core.paths import cache_folder_names  # noqa: E402


def full_dictionary() -> Path:
    """jieba's full dictionary (word, frequency, part of speech per line), for checks that
    derive their own indexes from it once (the typo family's phrase index).  Found without
    importing jieba, which takes a quarter of a second."""
    from pathlib import Path     # the one-file run asks for full_dictionary_name

    return Path(full_dictionary_name())


def full_dictionary_name() -> str:
    """``full_dictionary()`` as text."""
    from checker.core.package_spec import package_spec

    return os.path.join(os.path.dirname(package_spec("jieba").origin), "dict.txt")


_full_dictionary = full_dictionary_name


class _ResourceReader:
    """What jieba asks of ``pkg_resources``: ``resource_stream(module, name)``, a file
    beside the module opened for reading bytes.  jieba imports ``pkg_resources`` for this
    one call, and importing that costs 60-130 ms (setuptools' vendored packaging and
    pyparsing); this stand-in opens the same file."""

    __name__ = "pkg_resources"

    @staticmethod
    def resource_stream(module: str, name: str):
        import sys

        folder = os.path.dirname(sys.modules[module].__file__)
        return open(os.path.join(folder, name), "rb")


# Modules jieba imports at its top but uses only to write its own dictionary cache
# (tempfile: with shutil and random, ~4 CPU ms) or on Jython (pickle, ~1.3 ms): jieba is
# given a stand-in that imports the real module when jieba first uses it.
_DEFERRED = ("tempfile", "pickle")


class _Hashlib:
    """What jieba takes from ``hashlib``: ``md5`` (for the name of its own dictionary
    cache file), given as CPython's own MD5 module's, the one hashlib falls back to (the
    same digests).  Importing hashlib loads and starts OpenSSL's library, ~3 ms."""

    __name__ = "hashlib"
    __spec__ = None

    @staticmethod
    def md5(*args, **kwargs):
        try:
            from _md5 import md5
        except ImportError:  # pragma: no cover - an interpreter built without it
            from hashlib import md5
        return md5(*args, **kwargs)


class _Deferred:
    """A module imported on first attribute access (then looked up in the real one)."""

    __spec__ = None     # what the import system asks of a module found in sys.modules

    def __init__(self, name: str) -> None:
        self.__name__ = name

    def __getattr__(self, attr: str):
        import importlib
        import sys

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attr)


def _alone() -> bool:
    """Whether the calling thread is the process's only thread running Python.

    The stand-ins below are put in ``sys.modules`` while jieba imports, for every thread
    to see: another thread that imported ``hashlib`` or ``logging`` then would get the
    stand-in (``hashlib.sha256`` missing).  The import lock cannot close that window: a
    module found in ``sys.modules`` is returned without taking any lock, and holding the
    global import lock over jieba's import deadlocks with a thread that is importing a
    module jieba imports too.  So the stand-ins are used only when no other thread exists
    (the command line's processes, a library user's single-threaded program); jieba's
    import starts none.  (A thread made in C that has not run Python yet is not seen.)"""
    import sys

    frames = getattr(sys, "_current_frames", None)
    return frames is not None and len(frames()) == 1


def import_jieba():
    """jieba, imported with the stand-ins above in place of ``pkg_resources`` (and of
    ``hashlib``, ``logging``, ``tempfile``, ``pickle`` when not already loaded) when no
    other thread could see them; they are removed again, so nothing else sees them."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    emission = _kept_emission()     # jieba's own module, kept packed: not a stand-in
    if not _alone():
        import jieba                # with the real modules it imports

        if emission is not None and emission[1] is None:
            _keep_emission(emission[0], sys.modules.get(_EMISSION))
        return jieba
    sys.modules["pkg_resources"] = _ResourceReader  # type: ignore[assignment]
    deferred = [_Deferred(name) for name in _DEFERRED if name not in sys.modules]
    for module in deferred:
        sys.modules[module.__name__] = module      # type: ignore[assignment]
    if "hashlib" not in sys.modules:
        sys.modules["hashlib"] = _Hashlib          # type: ignore[assignment]
    from checker.core import quiet_logging      # jieba's logger without logging (see there)

    if "logging" not in sys.modules:
        sys.modules["logging"] = quiet_logging.module  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if sys.modules.get("logging") is quiet_logging.module:
            del sys.modules["logging"]
        if sys.modules.get("pkg_resources") is _ResourceReader:
            del sys.modules["pkg_resources"]
        if sys.modules.get("hashlib") is _Hashlib:
            del sys.modules["hashlib"]
        for module in deferred:
            if sys.modules.get(module.__name__) is module:
                del sys.modules[module.__name__]
    if emission is not None and emission[1] is None:
        _keep_emission(emission[0], sys.modules.get(_EMISSION))
    return jieba


# jieba's HMM emission table (jieba.finalseg.prob_emit: a 1.2 MB module of dict literals)
# takes 6-9 CPU ms to run from its bytecode at every import, and 3-4 ms to load as marshal
# data.  jieba reads it only by ``emit_P[state].get(character, default)``: each state's
# table is kept in the cache folder as its characters in one string and their values in one
# array of doubles (the same floats), and a lookup finds the character in the string.  The
# table is put in sys.modules as that module before jieba is imported, so jieba.finalseg's
# ``from .prob_emit import P`` finds it.
_EMISSION = "jieba.finalseg.prob_emit"
# 5: each state's characters as UTF-16 in the data, before the doubles (the head held them
# as str, which marshal decoded from UTF-8 at ~35 instructions a character: 1.2 M of 35,000
# characters; the UTF-16 codec decodes them at a tenth of that); 4: the values mapped in
# place (checker.model.prefix_file's layout: a CRC-checked head, then the data, checked with
# its own CRC-32); 3 was sealed whole (checker.core.sealed_file): read, checked and
# unmarshalled into copies (0.6-0.7 ms, ~90 page faults a fresh process)
_EMISSION_FORMAT = 5


# Look-ups answered from the packed table before it is filled: a one-file run's HMM reads
# some 60-120 (the seeds: 15-29 characters, four states each), ~1 µs each, where the fill
# costs ~3-4 ms (33 M instructions: 35,000 characters and floats into four dicts); a run
# that segments much more pays at most this many slow look-ups before the fill, as before.
_LOOKUPS_BEFORE_FILL = 2_000


class _Emission(dict):
    """One state's emission log-probabilities, kept packed until jieba has asked often.

    A look-up of one character finds it in the packed string (``str.find``: the
    characters are distinct, so its first place is its place) and reads its value from
    the array: the same float the fill would store.  After ``_LOOKUPS_BEFORE_FILL``
    look-ups, or at the first of any other key, the dict is filled (~7,000 entries) and
    dict's own ``get`` put on the instance, where it shadows this method, so the HMM's
    many later look-ups run at dict speed (a string search per look-up made segmenting a
    long text twice slower).  jieba reads the table only through ``get``."""

    def __init__(self, chars: str, values: bytes) -> None:
        super().__init__()
        self._chars = chars
        self._values = memoryview(values).cast("d")
        self._lookups = 0
        if len(self._values) != len(chars):
            raise ValueError("emission table: characters and values do not pair")

    def get(self, char, default=None):
        if type(char) is str and len(char) == 1 and self._lookups < _LOOKUPS_BEFORE_FILL:
            self._lookups += 1
            at = self._chars.find(char)
            return self._values[at] if at >= 0 else default
        self.update(zip(self._chars, self._values.tolist()))
        self.get = dict.get.__get__(self)
        return dict.get(self, char, default)


def _kept_emission():
    """(cache file, its table or None) for jieba's emission table; None when jieba's module
    file is not found.  A kept table is installed as the module."""
    import codecs
    import sys
    import zlib

    from checker.core.package_spec import package_spec
    from checker.model.prefix_file import read_mapped

    if _EMISSION in sys.modules:
        return None
    try:
        source = os.path.join(os.path.dirname(package_spec("jieba").origin), "finalseg", "prob_emit.py")
        st = os.stat(source)
    except (AttributeError, ImportError, OSError, TypeError, ValueError):
        return None
    name = f"jieba-emission-{st.st_size}-{st.st_mtime_ns}-{_EMISSION_FORMAT}.table"
    for folder in cache_folder_names():
        found = read_mapped(os.path.join(folder, name))
        if found is None:
            continue
        head, data = found
        try:
            if head["format"] != _EMISSION_FORMAT or zlib.crc32(data) != head["crc"]:
                continue
            table = {state: _Emission(codecs.utf_16_le_decode(data[chars:start], "surrogatepass", True)[0],
                                      data[start:end])
                     for state, (chars, start, end) in head["P"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        module = type(sys)(_EMISSION)
        module.__file__ = str(source)
        module.P = table
        sys.modules[_EMISSION] = module
        return name, module
    return name, None


def _keep_emission(name: str, module) -> None:
    """Keep jieba's own table (a dict per state of character -> float), when it is one."""
    import array
    import zlib

    from checker.core.whole_file import write_whole
    from checker.model.prefix_file import file_bytes

    table = getattr(module, "P", None)
    if not isinstance(table, dict):
        return
    packed, parts = {}, []
    at = 0
    for state, row in table.items():
        if not (isinstance(state, str) and isinstance(row, dict)
                and all(isinstance(c, str) and len(c) == 1 and type(v) is float for c, v in row.items())):
            return
        chars = "".join(row).encode("utf-16-le", "surrogatepass")
        values = array.array("d", row.values()).tobytes()
        parts += [chars, values]        # from ``at``: the characters, then their values
        packed[state] = (at, at + len(chars), at + len(chars) + len(values))
        at += len(chars) + len(values)
    data = b"".join(parts)
    blob = file_bytes({"format": _EMISSION_FORMAT, "crc": zlib.crc32(data), "P": packed}, data)
    for folder in cache_folders():
        if write_whole(folder / name, blob):
            # the layouts this one replaces, of the same jieba: read by no run of this code
            # (another installation's, named by its own module file, is left to it)
            for old in ("-4.table", "-3.marshal"):
                try:
                    (folder / name.replace(f"-{_EMISSION_FORMAT}.table", old)).unlink(missing_ok=True)
                except OSError:
                    pass
            return


def trimmed_words(size: int = DICTIONARY_SIZE) -> bytes:
    """The trimmed dictionary: jieba's ``size`` most frequent words, a line each as jieba's
    own dictionary writes them (word, frequency, part of speech), as UTF-8.

    Made in memory from the full dictionary when the prefix table (below) is built: the
    table is what a run reads, so the trimmed text is not kept beside it.  (It was: an
    unsealed text file, from which the table was built and named by its size.  An empty
    file of that name, what a power cut leaves of a file renamed before its data reached
    the disk, gave an empty table, sealed as whole, and every later run's typo rules
    failed with "math domain error".)"""
    import heapq

    with open(_full_dictionary(), encoding="utf-8") as fh:
        rows = (r for r in (line.split() for line in fh if line.strip()) if len(r) >= 2 and r[1].isdigit())
        # the ``size`` first rows of a stable sort by falling frequency (``nsmallest`` is
        # ``sorted(...)[:size]``, equal keys in the rows' order), holding those rows only:
        # the whole dictionary's 350,000 rows as lists of strings took ~100 MB
        top = heapq.nsmallest(size, rows, key=lambda r: -int(r[1]))
    return "".join(" ".join(row) + "\n" for row in top).encode("utf-8")


# Searches of a bucket's text (``prefix_file.bucket_frequency``, ~2,000 instructions each,
# with the walk around them) before the table turns to whole buckets read into dicts (~600
# instructions an entry, a common character's bucket holding hundreds).  A one-file run asks
# 100-650 (seed 000: 365, over 15 texts, 223 characters, whose 120 buckets hold 8,146
# entries); a worker turns to whole buckets within its first few documents, after which a
# document costs what it did when every bucket was read whole (with 4,000 searches,
# corpus40 in one process cost 55 M more: the walk, repeated text after text, costs more
# than the buckets it spares once a process has read them).
_SEARCHES_BEFORE_BUCKETS = 1_000


class _PrefixTable:
    """jieba's prefix dictionary (``Tokenizer.FREQ``: every word with its frequency, every
    prefix of a word with 0), read a first character at a time.

    jieba loads the whole table (some 100,000 entries) before segmenting anything: about
    0.1 CPU seconds, while a document's stutter candidates need the words of a few short
    blocks.  Here the table is kept in the cache folder split by first character; a
    character's bucket is read as text when a word first starts with it, and a word is
    found in that text by a search, until ``_SEARCHES_BEFORE_BUCKETS`` searches are made;
    then each bucket asked is read whole into a dict.  The answers are the dictionary's
    own either way.  Offers what jieba's tokenizer asks of ``FREQ``."""

    __slots__ = ("_packed", "_lines", "_loaded", "_plain", "_merged", "_remake", "_searches")

    def __init__(self, packed, remake=None) -> None:
        self._packed = packed                   # first character -> bucket data: .get
        self._remake = remake                   # () -> buckets made again, for a damaged one
        self._lines: dict[str, tuple] = {}      # first character -> its bucket's words and frequencies
        self._loaded: dict[str, dict[str, int]] = {}
        self._plain: dict[str, int] = {}        # entries the texts segmented asked, see plain_for
        self._merged: frozenset[str] = frozenset()  # first characters whose entries are all in _plain
        self._searches = 0

    def _bucket_lines(self, first: str, keep: bool = True):
        """The words and frequencies of the bucket of ``first`` (``prefix_file.bucket_parts``),
        kept for the next search when ``keep``."""
        try:
            return self._lines[first]
        except KeyError:
            from checker.model.prefix_file import EMPTY, DamagedBucket, bucket_parts

            try:
                blob = self._packed.get(first)
            except DamagedBucket:
                # the kept file went bad after it was read (its head and length are
                # checked then, each bucket when first read): the table made again
                if self._remake is None:
                    raise
                self._packed, self._remake = self._remake(), None
                blob = self._packed.get(first)
            lines = bucket_parts(blob) if blob is not None else EMPTY
            if keep:
                self._lines[first] = lines
            return lines

    def _bucket(self, word: str) -> dict[str, int]:
        first = word[:1]
        try:
            return self._loaded[first]
        except KeyError:
            from checker.model.prefix_file import bucket_entries

            bucket = self._loaded[first] = dict(bucket_entries(self._bucket_lines(first)))
            return bucket

    def _frequency(self, word: str):
        """The word's frequency, None when it is not an entry."""
        loaded = self._loaded.get(word[:1])
        if loaded is not None:
            return loaded.get(word)
        if self._searches >= _SEARCHES_BEFORE_BUCKETS:
            return self._bucket(word).get(word)
        from checker.model.prefix_file import bucket_frequency

        self._searches += 1
        return bucket_frequency(self._bucket_lines(word[:1]), word)

    def __contains__(self, word: str) -> bool:
        return self._frequency(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self._frequency(word)
        if found is None:
            raise KeyError(word)
        return found

    def get(self, word: str, default=None):
        found = self._frequency(word)
        return default if found is None else found

    def __setitem__(self, word: str, freq: int) -> None:
        self._bucket(word)[word] = freq
        if word in self._plain or word[:1] in self._merged:
            self._plain[word] = freq

    def plain_for(self, text: str) -> dict[str, int]:
        """One plain dict holding every entry that is a piece of ``text``: what segmenting
        ``text`` asks of the table, answered by dict's own ``in``, ``[]`` and ``get`` (jieba
        asks some 900 times a document, in ``get_DAG`` and ``calc``; three Python calls each
        through this class).  Every question jieba asks while segmenting a text is of a
        piece of it (its blocks, each block's fragments, the runs it hands its HMM), so the
        answers are the table's.  The entries are found as jieba's ``get_DAG`` walks: from
        each place, the piece one character longer while the shorter one is an entry (every
        prefix of a word is an entry, so this reaches every entry starting there).  After
        ``_SEARCHES_BEFORE_BUCKETS`` searches, the whole bucket of each new character of the
        text is merged instead, and the character marked merged (after its entries are in,
        so another thread that sees the mark finds them).  The dict only grows."""
        plain, merged = self._plain, self._merged
        if self._searches < _SEARCHES_BEFORE_BUCKETS and self._found_by_search(text):
            return plain
        new = set(text).difference(merged)
        if new:
            from checker.model.prefix_file import bucket_entries

            loaded, lines = self._loaded, self._lines
            for first in new:
                # straight from the bucket's text, not through a dict of its own (a bucket
                # read whole once, its text no longer needed)
                if first in loaded:
                    plain.update(loaded[first])
                else:
                    plain.update(bucket_entries(lines.pop(first, None) or self._bucket_lines(first, keep=False)))
            self._merged = merged.union(new)
        return plain

    def _found_by_search(self, text: str) -> bool:
        """Put in the plain dict every entry that is a piece of ``text``, each found by
        ``get_DAG``'s walk (a bucket read whole already answers from its dict); False when
        the searches ran out first (a long text: the whole buckets are merged instead)."""
        from checker.model.prefix_file import bucket_frequency

        plain, merged, loaded = self._plain, self._merged, self._loaded
        left = _SEARCHES_BEFORE_BUCKETS - self._searches
        end = len(text)
        for k, first in enumerate(text):
            if first in merged:
                continue
            bucket = loaded.get(first)
            lines = self._bucket_lines(first) if bucket is None else None
            i, frag = k + 1, first
            while True:
                if frag not in plain:
                    if bucket is not None:
                        freq = bucket.get(frag)
                    elif left:
                        left -= 1
                        freq = bucket_frequency(lines, frag)
                    else:
                        self._searches = _SEARCHES_BEFORE_BUCKETS
                        return False
                    if freq is None:
                        break
                    plain[frag] = freq
                if i >= end:
                    break
                i += 1
                frag = text[k:i]
        self._searches = _SEARCHES_BEFORE_BUCKETS - left
        return True


# 7: a bucket kept as its words' text and their frequencies (checker.model.prefix_file.
# bucket_bytes), the head's characters as UTF-16; 4 kept each bucket as a marshal dict; 3 was
# sealed whole (checker.core.sealed_file) and read whole
_TABLE_FORMAT = 7
_REPLACED = ("-6.table", "-5.table", "-4.table", "-3.marshal")      # the layouts this one replaces, read by no run now


def _prefix_table(tokenizer, size: int = DICTIONARY_SIZE) -> tuple[_PrefixTable, int]:
    """The prefix table of the trimmed dictionary and its total frequency: from the cache
    folder when a whole one is kept there (``prefix_file``: a torn or emptied file reads as a
    miss, a bucket found damaged later has the table made again), else built now and kept;
    built but not kept when no folder is writable."""
    from checker.core.whole_file import write_whole
    from checker.model import prefix_file

    jieba = import_jieba()
    stem = f"jieba-{getattr(jieba, '__version__', 'x')}-{os.stat(_full_dictionary()).st_size}-{size}-prefixes"
    name = f"{stem}-{_TABLE_FORMAT}.table"

    def remade() -> prefix_file.Buckets:
        head, data = _packed_table(tokenizer, size)
        for folder in cache_folders():
            if write_whole(folder / name, prefix_file.file_bytes(head, data)):
                break
        return prefix_file.buckets_of(head, data)

    def kept():
        for folder in cache_folder_names():
            found = prefix_file.read(os.path.join(folder, name))
            if found is not None:
                head, buckets = found
                return _PrefixTable(buckets, remade), head["total"]
        return None

    def kept_or_built() -> tuple[tuple | None, tuple | None]:
        """(the kept table, None) when another process kept it meanwhile, else (None,
        the table built now: head and data), kept in the first cache folder that takes it."""
        from checker.core.store_lock import store_lock

        with store_lock(cache_dir() / name):
            found = kept()
            if found is not None:
                return found, None
            head, data = _packed_table(tokenizer, size)
            for folder in cache_folders():
                # write_whole writes a temporary file beside the target, renames it over
                # the target, and removes it when the write fails
                if write_whole(folder / name, prefix_file.file_bytes(head, data)):
                    for replaced in _REPLACED:
                        try:
                            (folder / f"{stem}{replaced}").unlink(missing_ok=True)
                        except OSError:
                            pass
                    break
            return None, (head, data)

    found = kept()
    if found is not None:
        return found
    from checker.core import built_apart        # (only to build: a run that reads the table imports neither)

    def built_and_kept() -> bool:
        kept_or_built()
        return kept() is not None

    # built in a child (checker.core.built_apart) when it can be kept for this process to read
    if built_apart.in_child(built_and_kept):
        found = kept()
        if found is not None:
            return found
    found, built = kept_or_built()
    if found is not None:
        return found
    head, data = built
    return _PrefixTable(prefix_file.buckets_of(head, data)), head["total"]


def _packed_table(tokenizer, size: int) -> tuple[dict, bytes]:
    """The prefix table of the trimmed dictionary as the cache file keeps it
    (``prefix_file.packed``): each first character's words (with their frequencies,
    prefixes at 0) as a bucket (``prefix_file.bucket_bytes``), and the total frequency."""
    import io

    from checker.model import prefix_file

    freq, total = tokenizer.gen_pfdict(io.BytesIO(trimmed_words(size)))
    buckets: dict[str, dict[str, int]] = {}
    for word, count in freq.items():
        buckets.setdefault(word[:1], {})[word] = count
    return prefix_file.packed({first: prefix_file.bucket_bytes(b) for first, b in buckets.items()}, total)


@lru_cache(maxsize=1)
def _tokenizer():
    jieba = import_jieba()

    from checker.core.quiet_logging import WARNING      # logging's number, without logging

    jieba.setLogLevel(WARNING)
    # jieba's own dictionary is named only for the record: the tokenizer is given the
    # trimmed dictionary's prefix table and marked initialised, so it never reads a file
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total = _prefix_table(tokenizer)
    tokenizer.initialized = True
    return tokenizer


@lru_cache(maxsize=1)
def _segmenter():
    """(a tokenizer for ``tokenize``, the prefix table behind it or None).  With a kept
    prefix table, a copy of jieba's tokenizer whose ``FREQ`` is the table's plain dict
    (``_PrefixTable.plain_for``), filled for each text before it is segmented; the
    tokenizer itself keeps the table, which answers any word."""
    tokenizer = _tokenizer()
    table = tokenizer.FREQ
    if not isinstance(table, _PrefixTable):
        return tokenizer, None
    import copy

    plain = copy.copy(tokenizer)
    plain.FREQ = table.plain_for("")
    return plain, table


def tokenize(text: str) -> list[tuple[str, Span]]:
    tokenizer, table = _segmenter()
    if table is not None:
        table.plain_for(text)
    # jieba's offsets are a running sum of its words' lengths from 0 (start <= end): valid
    # spans, made without the constructor's check (``known_span``; some twenty a block the
    # typo family segments)
    return [(word, known_span(start, end)) for word, start, end in tokenizer.tokenize(text)]


def word_frequency(word: str) -> int:
    """The word's frequency in the segmentation dictionary; 0 for a word jieba does not
    know (its HMM may still have produced it as a token)."""
    return _tokenizer().FREQ.get(word, 0) or 0


# jieba cuts a text into blocks (runs of these characters) and segments each block on its
# own, so the tokens of one block do not depend on the rest of the text.
_BLOCK_CHARS = r"\u4E00-\u9FD5a-zA-Z0-9+#&._%\-"
_BLOCK = compile_skipping(f"[{_BLOCK_CHARS}]+")
_NOT_BLOCK = compile_skipping(f"[^{_BLOCK_CHARS}]")       # one character outside every block


def block_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the jieba blocks that ``text[start:end]`` touches."""
    lo, hi = start, end
    while lo > 0 and _BLOCK.fullmatch(text[lo - 1]):
        lo -= 1
    while hi < len(text) and _BLOCK.fullmatch(text[hi]):
        hi += 1
    return lo, hi
