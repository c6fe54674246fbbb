"""numpy, imported with OpenBLAS held to one thread.

numpy loads OpenBLAS, which starts a pool of threads that spin while it initialises: on
this 2-core machine that is about 0.1 CPU seconds of a 0.2 s import, more than half of a
one-file run's budget.  gwlint never calls BLAS (its arrays are hashes, sorted, searched
and compared), so the pool is pure cost.  The thread count is read once, when the library
loads, so it is set for the import only and the environment restored: processes this one
starts are not affected, and a user who sets any of the variables OpenBLAS reads keeps
their choice.  Modules that use numpy import ``np`` from here.
"""
from __future__ import annotations

import os
import sys

_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")

if "numpy" not in sys.modules and not any(v in os.environ for v in _THREAD_VARIABLES):
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import numpy
    finally:
        os.environ.pop("OPENBLAS_NUM_THREADS", None)

import numpy as np  # noqa: E402

__all__ = ["np"]
