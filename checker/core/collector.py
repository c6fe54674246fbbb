"""How often the garbage collector runs in gwlint's own processes (the command line's
and the workers').

Python collects its youngest objects after every 700 new container objects, and every
tenth collection walks the older ones too.  Starting up, gwlint makes tens of thousands
of long-lived objects (modules, classes, the rule set, tables): with the default
threshold the collector walked them some twenty times before the first document (0.01
CPU s of a one-file run) and found nothing to free.  Reference counting frees garbage at
once either way; only cycles wait a little longer.
"""
from __future__ import annotations

import gc

YOUNG = 20_000        # new container objects between two collections of the youngest
OLDER = 20            # collections of a generation before the next one is collected


def fewer_collections() -> None:
    gc.set_threshold(YOUNG, OLDER, OLDER)


# Whether off_for_one_run switched the collector off (resume turns it back on only then).
_switched_off = False


def off_for_one_run() -> None:
    """The collector off for a `gwlint check` process, from its start: a run over one file
    ends with the process, and what the collector would free by then is next to nothing
    (its passes find no garbage in the start-up objects, and a document's checks make
    almost no cycles: an 840 KB document peaks at the same memory with it off), while its
    passes over the young objects cost ~1.7 % of a one-file run's instructions.  A run
    over more than one file turns it back on (``resume``, in ``check_command``) before the
    first document, so a long run, its workers and the cross-document phase collect as
    before."""
    global _switched_off
    if gc.isenabled():
        gc.disable()
        _switched_off = True


def resume() -> None:
    """The collector on again if ``off_for_one_run`` switched it off (not otherwise: a
    library caller's own ``gc.disable`` is theirs)."""
    global _switched_off
    if _switched_off:
        _switched_off = False
        gc.enable()
