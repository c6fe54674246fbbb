"""The `gwlint` command's entry (its console script, ``python -m checker``, ``python -m
gwlint``): ``checker.cli.main.main`` on the process's own arguments, in a process tuned
for a short run.

This module imports nothing at its top, so that ``run`` acts before the command line's
imports: ``main``'s own module brings argparse, and the commands bring some two hundred
modules more.
"""
from __future__ import annotations


def prepare(argv: list[str]) -> None:
    """What the process is given before the command line's imports (also by
    benchmarks/_startup_probe.py, which times them); ``argv`` the command line's words."""
    from checker.core.collector import fewer_collections, off_for_one_run

    # Before the imports: with Python's default threshold they made some twenty
    # collections (0.01 CPU s), each walking the objects of every module imported so far
    # and freeing nothing.  run_check sets the same for the run itself.
    fewer_collections()
    if _command(argv) == "check":
        off_for_one_run()   # on again for more than one file or reference documents (runner.run_paths)
    # gwlint's own modules found and read from one file (checker.core.module_store), for
    # a command: `--version` and `--help` import a handful, fewer than reading it costs
    if not _answered_alone(argv) and _command(argv) != "cache":   # `gwlint cache` keeps no store
        from checker.core import module_store

        module_store.install()


def _command(argv: list[str]) -> str | None:
    """The command word of a command line (its first word not an option), or None."""
    for word in argv:
        if not word.startswith("-"):
            return word
    return None


def _answered_alone(argv: list[str]) -> bool:
    """Whether the top level answers without a command (``--version``, ``--help`` before
    any command word, no command at all): what ``checker.cli.main`` gives no command's
    options to."""
    for word in argv:
        if word in ("-h", "--help", "--version"):
            return True
        if not word.startswith("-"):
            return False
    return True


def run() -> None:
    """Run the command line, then end the process as ``sys.exit`` would, without the
    interpreter's teardown (``checker.cli.process_exit``)."""
    import sys

    prepare(sys.argv[1:])
    from checker.cli.main import main

    try:
        status = main()
    except SystemExit as exc:   # --help, --version, a usage error: argparse's exit
        status = exc.code
    from checker.cli.process_exit import leave

    leave(status)
