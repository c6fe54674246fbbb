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
