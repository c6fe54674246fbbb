"""`gwlint report`: render a saved result (gwlint spark's output, a JSON report) in any format."""
from __future__ import annotations

import argparse

from checker.cli.exit_codes import EXIT_OK


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("location", metavar="RESULT",
                   help="a gwlint spark output folder (or its summary.json), or a JSON report")
    p.add_argument("--from", dest="shape", choices=("json-lines", "json"), default="json-lines",
                   help="what RESULT is (default: json-lines, the output of gwlint spark)")
    p.add_argument("--format", default="text", help="text, json, html, sarif, junit, github, docx (default: text)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--root", metavar="DIR",
                   help="folder the documents' relative paths start from, for formats that show text (default: .)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")


def run_report(args, settings) -> int:
    from checker.cli.check_command import _check_writable, _write_report
    from checker.cli.output_format import chosen_format
    from checker.report.saved import load_run

    fmt_name, formatter = chosen_format(args)
    if args.output:
        _check_writable("--output", args.output)
    run = load_run(args.location, args.shape, root=args.root,
                   with_sources=getattr(formatter, "NEEDS_SOURCES", False))
    _write_report(run, args, settings, formatter, fmt_name)
    return EXIT_OK
