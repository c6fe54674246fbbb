"""Copies a later sentence of the same text is known to repeat, without a look-up.

The cross-document comparison looks a sentence up in its buckets (one per band key,
each holding its earliest ``bucket_size`` members), ranks the members it gathers (most
buckets shared, then the earliest), and reports the sentence as a copy of the first
ranked candidate that ``is_copy`` accepts.  The generated corpora, like real ones, repeat
popular sentences, and each repeat of a text used to gather its buckets afresh: the look-up
of the same keys, the same members and the same verdicts, ~100 members gathered a
repeated sentence once its buckets fill.

When sentence R1 of text t found copy A, a later sentence R2 of the same text t (another
document) finds A too, provided (a) A shares at least as many buckets with t as R1 was
admitted to (``admitted``) and (b) no earlier sentence of R1's own document is in R1's
buckets.  Why:

- R2's keys are R1's (the same text), so R2 looks in the same buckets.  Each candidate
  R1 saw (a member from a document before R1's) is R2's candidate too, sharing the same
  buckets: a member's buckets never change.
- The other members R2 sees came after R1's document started.  By (b) none of them came
  before R1 there, so each came after R1.  A sentence N is put in a bucket only while the
  bucket has room; R1 came before N, so each bucket N is in had room when R1 came too,
  and R1 was put in it: N shares at most ``admitted`` buckets with t, at most as many as
  A by (a), and when as many, N comes later than A, which ranks it after A.
- So the candidates ranked before A for R2 are the ones ranked before A for R1, in the
  same order: A keeps its rank (within ``max_candidates``), the ones before it are the
  same texts, which ``is_copy`` rejected for t then (its verdict depends on the two
  texts alone; the text sketches only rule out pairs it rejects), and A is accepted.

The condition then holds for every later sentence of text t, so the copy is kept for
the text: a sentence of a kept text is reported as a copy of A without being looked up
(the index still puts it in its buckets).  What is kept is two integers by the text's
hash, R1's name and A's, not the text: a hit is trusted once R1's text, read back, is
found equal to the sentence's, so two texts of one hash cost a look-up, never a wrong
copy.  The store is bounded, two generations (``kept_texts.RecentTexts``: an entry found
in the older one is kept again), so a forgotten text only costs a look-up again.
"""
from __future__ import annotations

from typing import Callable

from checker.checks.duplicates.kept_texts import RecentTexts

# entries per generation, at most twice this many kept (~110 bytes each: 3.7 MB).  At 4,000
# generated documents a later sentence found its text settled 12.1 times a document with
# these generations, 7.6 with generations of 4,096, 12.4 with every entry kept (31,700).
GENERATION = 1 << 14
_NAME = (1 << 64) - 1


class SettledCopies:
    """text -> the candidate (document number << 32 | sentence) every later sentence of
    that text is a copy of."""

    __slots__ = ("kept", "text_of")

    def __init__(self, text_of: Callable[[int], str], generation: int = GENERATION) -> None:
        """``text_of(name)``: the text of the compared sentence ``name``."""
        self.kept = RecentTexts(generation)
        self.text_of = text_of

    def get(self, text: str) -> int | None:
        kept = self.kept.get(hash(text))
        if kept is None or self.text_of(kept >> 64) != text:
            return None
        return kept & _NAME

    def settle(self, text: str, name: int, copy_of: int) -> None:
        """Sentence ``name`` of ``text``, looked up, was found a copy of ``copy_of``, which
        the index ranked among its ``lasting`` candidates (the module's (a) and (b))."""
        self.kept.put(hash(text), name << 64 | copy_of)

    def clear(self) -> None:
        self.kept.current.clear()
        self.kept.older.clear()
