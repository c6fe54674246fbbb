"""`gwlint check`."""
from __future__ import annotations

import io
import os
import sys

from checker.cli.exit_codes import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, EXIT_VIOLATIONS
from checker.engine.problems import MISSING_PATH, RunError
from checker.engine.runner import (RunResult, corpus_violations, input_limit, lint_source, run_paths,
                                   tune_gc)
from checker.engine.violation import SEVERITY_RANK, severity_counts
from checker.report.options import ReportOptions
from checker.cli.output_format import chosen_format
from checker.core.errors import ConfigError
from checker.sources.discover import discover
from checker.sources.walk import skipped_message
from checker.sources.errors import InputError
from checker.sources.read import read_stdin


def run_check(args, settings) -> int:
    # This process is the command line's own: its long-lived objects (the rule set, the
    # tables) are set aside from the collector and young objects collected less often, as
    # in the workers; a one-file run otherwise made ~150 collections walking them.
    tune_gc()
    fmt_name, formatter = chosen_format(args)
    for option, target in (("--output", args.output), ("--write-baseline", getattr(args, "write_baseline", None))):
        # --format docx writes a folder of copies when given one (and on every later run)
        folder_ok = option == "--output" and getattr(formatter, "WRITES_FOLDERS", False)
        if target:
            _check_writable(option, target, folder_ok)  # fail before a long run, not after it
    paths = args.paths or ["."]
    if getattr(args, "file_timeout", None) is not None:
        settings.config.limits.file_seconds = args.file_timeout
    # (the Word report, writing a copy of its input, refuses that itself)
    _refuse_output_onto_an_input(args, paths, settings, output=not getattr(formatter, "BINARY", False))
    _cap_jobs(args)
    baseline = None
    if getattr(args, "baseline", None):
        from checker.engine.baseline import load_baseline

        baseline = load_baseline(args.baseline)   # a bad baseline stops the run before it starts
    fixing = getattr(args, "fix", False) or getattr(args, "diff", False)
    streamer = None
    if (hasattr(formatter, "Streamer") and not args.output and not fixing and "-" not in paths
            and not getattr(args, "write_baseline", None) and not getattr(args, "statistics", False)):
        # The text report is printed file by file as the run goes: an interrupted or
        # killed run has still shown what it found.
        keep = None
        if baseline is not None:         # (the baseline's module imports pathlib: only then)
            from checker.engine.baseline import NewOnly

            keep = NewOnly(baseline)
        streamer = formatter.Streamer(sys.stdout, _report_options(args, settings, fmt_name), keep=keep)
    # A report that writes violations as it reads them gets them from disk, file by file
    # (flat memory on a large run); what reads them more than once, or edits the list,
    # gets a list.
    spool = (streamer is None and not fixing and getattr(formatter, "STREAMS", False) and baseline is None
             and not getattr(args, "write_baseline", None) and not getattr(args, "statistics", False))
    run = _run(paths, args, settings, formatter, keep_sources=fixing,
               on_result=streamer.file_done if streamer else None, spool=spool)
    if run.interrupted and fixing:
        for err in run.errors:
            print(f"gwlint: {err}", file=sys.stderr)
        print("gwlint: interrupted: no fix was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    if fixing:
        from checker.cli.fix_command import apply_or_show_fixes

        stdin_path = (args.stdin_filename or "<stdin>") if "-" in paths else None
        errors_before = len(run.errors)
        pending = apply_or_show_fixes(run, write=args.fix and not args.diff, stdin_path=stdin_path,
                                      settings=settings)
        if args.diff:
            word = [r.path for r in run.results if r.source is not None and r.source.format == "docx"]
            for path in word:
                print(f"gwlint: {path}: Word files are not diffed (--diff shows fixes to text and Markdown "
                      f"files); use --format docx --output DIR for a copy with a comment per problem", file=sys.stderr)
            for err in run.errors:
                print(f"gwlint: {err}", file=sys.stderr)
            if run.errors or word:
                return EXIT_ERROR
            return EXIT_VIOLATIONS if pending else EXIT_OK
        if pending:  # report what is left after the fixes
            fix_errors = run.errors[errors_before:]
            run = _run(paths, args, settings, formatter)
            run.errors.extend(e for e in fix_errors if e not in run.errors)  # a failed write stays an error
    if getattr(args, "write_baseline", None):
        from checker.engine.baseline import write_baseline

        try:
            count = write_baseline(run.violations, args.write_baseline)
        except OSError as exc:
            raise ConfigError(f"{args.write_baseline}: cannot write the baseline: {exc.strerror}") from None
        print(f"gwlint: wrote {count} violations to {args.write_baseline}", file=sys.stderr)
        for err in run.errors:
            print(f"gwlint: {err}", file=sys.stderr)
        return EXIT_ERROR if run.errors else EXIT_OK
    if streamer is not None:
        streamer.finish(run)
    else:
        if baseline is not None:
            from checker.engine.baseline import filter_new

            run.violations = filter_new(run.violations, baseline)
        if getattr(args, "statistics", False):
            _write_statistics(run, args, fmt_name)
        else:
            _write_report(run, args, settings, formatter, fmt_name)
    for err in run.errors:
        print(f"gwlint: {err}", file=sys.stderr)
    if run.interrupted:
        print(f"gwlint: interrupted: {len(run.results)} of {run.files} files checked; the report "
              "covers those", file=sys.stderr)
        return EXIT_INTERRUPTED
    if run.errors:
        return EXIT_ERROR
    if getattr(args, "exit_zero", False):
        return EXIT_OK
    threshold = SEVERITY_RANK[args.fail_on or settings.config.fail_on]
    failing = any(SEVERITY_RANK[severity] >= threshold and n for severity, n in severity_counts(run.violations).items())
    return EXIT_VIOLATIONS if failing else EXIT_OK


def use_color(choice: str, to_file: bool, isatty: bool, environ=os.environ) -> bool:
    """``--color``: always/never as said; auto colours a terminal, unless NO_COLOR is set
    to something (an empty NO_COLOR counts as unset, as no-color.org says), and FORCE_COLOR
    set to anything but empty, 0 or false colours even a pipe (force-color.org)."""
    if choice != "auto":
        return choice == "always"
    force = environ.get("FORCE_COLOR", "")
    if force and force.lower() not in ("0", "false"):
        return True
    if environ.get("NO_COLOR", ""):
        return False
    return isatty and not to_file


def _write_statistics(run, args, fmt_name: str) -> None:
    from checker.report import statistics

    if fmt_name not in ("text", "json"):
        raise ConfigError(f"--statistics writes text or json, not {fmt_name}")
    buffer = io.StringIO()
    statistics.render(run, buffer, fmt_name)
    if args.output:
        _write_text_file(args.output, buffer.getvalue())
    else:
        sys.stdout.write(buffer.getvalue())


def _refuse_output_onto_an_input(args, paths: list[str], settings, output: bool = True) -> None:
    """--output (or --write-baseline) naming a document of the run would overwrite it with
    the report: refuse before anything is checked or written."""
    targets = [(o, t) for o, t in (("--output", args.output if output else None),
                                   ("--write-baseline", getattr(args, "write_baseline", None))) if t]
    if not targets:
        return
    existing = [p for p in paths if p != "-" and os.path.exists(p)]
    inputs = {os.path.realpath(f) for f in discover(existing, settings.config.include, settings.config.exclude,
                                                     settings.root)}
    inputs |= {os.path.realpath(p) for p in existing if os.path.isfile(p)}
    if "-" in paths and args.stdin_filename:
        inputs.add(os.path.realpath(args.stdin_filename))
    for option, target in targets:
        if os.path.realpath(target) in inputs:
            raise ConfigError(f"{option} {target}: is one of the documents being checked; "
                              "give another file name (nothing was written)")


def _cap_jobs(args) -> None:
    """More workers than twice the cores only costs memory (each holds the rules and a
    document); cap them, with a note."""
    cap = 2 * (os.cpu_count() or 1)
    if args.jobs and args.jobs > cap:
        print(f"gwlint: note: --jobs {args.jobs} is more than twice the {os.cpu_count() or 1} cores; "
              f"using {cap} workers", file=sys.stderr)
        args.jobs = cap


def _check_writable(option: str, target: str, folder_ok: bool = False) -> None:
    folder = os.path.dirname(os.path.abspath(target))
    if os.path.isdir(target) and not folder_ok:
        raise ConfigError(f"{option} {target}: is a directory; give a file name")
    if not os.path.isdir(folder):
        raise ConfigError(f"{option} {target}: folder {os.path.dirname(target) or '.'} does not exist")


def _run(paths, args, settings, formatter, keep_sources: bool = False, on_result=None,
         spool: bool = False) -> RunResult:
    from checker.core.collector import resume

    if settings.config.duplicates.reference:   # reference documents read: the collector as before
        resume()
    needs_sources = getattr(formatter, "NEEDS_SOURCES", False) or keep_sources
    stdin_run = None
    if "-" in paths:
        paths = [p for p in paths if p != "-"]
        stdin_run = RunResult(files=1)
        try:
            # Read once: the report after --fix lints again, and the pipe is empty by then.
            source = getattr(args, "stdin_source", None) or read_stdin(args.stdin_filename or "<stdin>",
                                                                       input_limit(settings))
            args.stdin_source = source
            has_reference = bool(settings.config.duplicates.reference)
            result = lint_source(source, settings, collect=has_reference)
            stdin_run.results.append(result)
            stdin_run.violations.extend(result.violations)
            if has_reference:  # an editor's buffer is still compared with the repository
                stdin_run.violations.extend(corpus_violations([result], settings))
            stdin_run.errors.extend(result.errors)
        except InputError as exc:
            stdin_run.errors.append(RunError(exc.path, exc.reason))
    missing = [p for p in paths if not os.path.exists(p)]
    existing = [p for p in paths if os.path.exists(p)]
    resolver = getattr(args, "resolver", None)
    files: list[str] = []
    skipped: list[tuple[str, str]] = []     # found by walking, not regular files
    for given in existing:  # each path walked with the configuration nearest to it
        here = resolver.for_path(given) if resolver else settings
        respect = here.config.respect_gitignore and not getattr(args, "no_respect_gitignore", False)
        files += [f for f in discover([given], here.config.include, here.config.exclude, here.root_text,
                                      respect_gitignore=respect, skipped=skipped) if f not in files]
    if existing and not files and not args.quiet:
        print(f"gwlint: warning: no files to check in {', '.join(existing)} "
              f"(looked for {', '.join(settings.config.include)})", file=sys.stderr)
    # streamed lines on the same terminal show the progress themselves
    progress = None if on_result and sys.stdout.isatty() else _progress(args, len(files))
    # A --fix or --diff run is about to change the files (or show how): it checks them
    # afresh and leaves nothing beside them, the results cache included.
    cache = not (getattr(args, "no_cache", False) or getattr(args, "fix", False) or getattr(args, "diff", False))
    groups: dict[int, tuple] = {}
    by_folder: dict[str, object] = {}       # the files of one folder share its configuration
    for f in files:  # each file checked with the configuration nearest to it (ruff's per-file model)
        if resolver:
            folder = os.path.dirname(f)
            own = by_folder.get(folder)
            if own is None:
                own = by_folder[folder] = resolver.for_path(f)
        else:
            own = settings
        groups.setdefault(id(own), (own, []))[1].append(f)
    if len(files) > 1:   # a long run: the collector as before (see collector.off_for_one_run)
        resume()
    if len(groups) <= 1:
        own = next(iter(groups.values()))[0] if groups else settings
        run = run_paths(files, own, args.jobs, progress=progress, keep_sources=needs_sources, on_result=on_result,
                        cache=cache, spool=spool and stdin_run is None,
                        stored_report=getattr(formatter, "COPIES_STORED", False))
    else:
        run = RunResult()
        for own, group in groups.values():
            part = run_paths(group, own, args.jobs, keep_sources=needs_sources, on_result=on_result, cache=cache)
            run.files += part.files
            run.results += part.results
            run.violations += part.violations
            run.errors += part.errors
            run.interrupted |= part.interrupted
            if part.interrupted:
                break
        run.sort()
    # a walk's file that is not a regular file is an input of the run that was not read,
    # counted as a symbolic link that cannot be followed is
    skipped_inputs = dict(skipped)
    run.files += len(skipped_inputs)
    run.errors = ([RunError(p, MISSING_PATH) for p in missing]
                  + [RunError(p, skipped_message(kind)) for p, kind in skipped_inputs.items()] + run.errors)
    if stdin_run:
        run.files += 1
        run.results = stdin_run.results + run.results
        run.violations.extend(stdin_run.violations)
        run.errors.extend(stdin_run.errors)
        run.sort()
    return run


def _progress(args, total: int):
    if args.quiet or total < 20 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    # On stderr: stdout carries the report (JSON, SARIF …), which a bar would corrupt.
    progress = Progress(console=Console(stderr=True), transient=True)
    task = progress.add_task("checking", total=total)
    progress.start()

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done)
        if done >= total:
            progress.stop()

    return update


def _report_options(args, settings, fmt_name) -> ReportOptions:
    to_file = bool(args.output)
    color = use_color(args.color, to_file, sys.stdout.isatty())
    return ReportOptions(color=color and fmt_name == "text", output_path=args.output, rules=tuple(settings.rules))


def _write_report(run, args, settings, formatter, fmt_name) -> None:
    to_file = bool(args.output)
    options = _report_options(args, settings, fmt_name)
    if getattr(formatter, "BINARY", False):
        formatter.render(run, None, options)
        return
    if to_file:
        _write_text_file(args.output, lambda fh: formatter.render(run, fh, options))
    else:
        formatter.render(run, sys.stdout, options)


def _write_text_file(path: str, content) -> None:
    """Write ``content`` (a text, or a function writing to the file it is given) to
    ``path`` whole or not at all."""
    tmp = f"{path}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            if callable(content):
                content(fh)
            else:
                fh.write(content)
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ConfigError(f"{path}: cannot write the report: {exc.strerror}") from None
        raise
