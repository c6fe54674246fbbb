"""The first run's dictionary-derived stores as they were built before they were built in
bounded pieces (commit 16a357a), each from the whole dictionary in memory.  Kept as the
oracles tests/test_first_run_pieces.py holds the bounded builds to."""
from __future__ import annotations

from checker.checks.typo.literal import alternation
from checker.model.tokens import full_dictionary


def trimmed_words_whole(size: int) -> bytes:
    with open(full_dictionary(), encoding="utf-8") as fh:
        rows = [line.split() for line in fh if line.strip()]
    rows = [r for r in rows if len(r) >= 2 and r[1].isdigit()]
    rows.sort(key=lambda r: -int(r[1]))
    return "".join(" ".join(row) + "\n" for row in rows[:size]).encode("utf-8")


def entries_body_whole(data: bytes) -> bytes:
    """The entries kept for the dictionary ``data``: ``\\n`` then ``word class\\n`` per
    distinct first word (the bytes before a line's first blank; lines without a blank hold
    none), sorted by the word.  The class is what the dictionary's first line for that word
    holds after its second blank, read as ``str.split`` reads the line (the word's line as
    the search of the whole file found it: from the word to the next newline, or to the
    last byte but one when no newline follows)."""
    first: dict[bytes, int] = {}
    at = 0
    for line in data.split(b"\n"):
        if b" " in line:
            first.setdefault(line.split(b" ", 1)[0], at)
        at += len(line) + 1
    rows = []
    for word in sorted(first):
        start = first[word]
        fields = data[start:data.find(b"\n", start)].decode("utf-8").split()
        rows.append(word + b" " + (fields[2].encode("utf-8") if len(fields) > 2 else b""))
    return b"\n" + b"\n".join(rows) + b"\n"



def find_guards_whole(entries: dict[str, str], known: set[str]) -> dict[str, list[tuple[str, int]]]:
    words: set[str] = set(known)
    with open(full_dictionary(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if parts:
                words.add(parts[0])
    regex = alternation(entries)
    out: dict[str, list[tuple[str, int]]] = {}
    for word in words:
        for m in regex.finditer(word):
            wrong = m.group()
            if len(word) == len(wrong):
                continue
            repaired = word[:m.start()] + entries[wrong] + word[m.end():]
            if repaired in words:
                continue          # the word is itself a misspelt compound (台帐管理)
            before, after = word[:m.start()], word[m.end():]
            if entries[wrong] in words and (
                    (not before and len(after) == 1 and after in words)
                    or (not after and len(before) == 1 and before in words)):
                continue          # the misspelling and a word of one character (座落|在, 小|部份)
            out.setdefault(wrong, []).append((word, m.start()))
    return {k: sorted(v) for k, v in sorted(out.items())}
