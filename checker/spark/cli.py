"""The command line of `gwlint spark` and `python -m checker.spark` (the file that
spark-submit runs: ``spark-submit … $(python -c 'import checker.spark.__main__ as m; print(m.__file__)') …``)."""
from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files, folders or globs Spark can read (local, hdfs://, s3a:// …)")
    p.add_argument("--output", "-o", required=True, metavar="DIR",
                   help="output folder: violations.parquet/, violations.jsonl/, summary.json")
    p.add_argument("--overwrite", action="store_true", help="replace an earlier output in DIR")
    p.add_argument("--master", metavar="URL",
                   help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--partitions", type=int, default=None, metavar="N",
                   help="spread the documents over N partitions (default: as Spark splits the input)")
    p.add_argument("--salt", type=int, default=1, metavar="N",
                   help="sub-groups a band key's sentences are cut into before ranking (skew, for keys shared by millions of sentences; default 1: off)")
    p.add_argument("--rows-per-file", type=int, default=200_000, metavar="N",
                   help="violations per output part (default 200000)")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="a Spark setting (repeatable)")
    p.add_argument("--baseline", metavar="FILE", help="report only violations not recorded in this baseline")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default=None,
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary on standard error")


def run_spark(args, settings) -> int:
    """Run the job; exit codes as `gwlint check`: 0, 1 (violations at/above --fail-on), 2."""
    from checker.engine.violation import SEVERITY_RANK
    from checker.core.errors import ConfigError
    from checker.spark.job import log, run_job, session

    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise ConfigError("gwlint spark needs PySpark: pip install 'gwlint[spark]'") from None
    conf = {}
    for item in args.conf:
        key, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--conf {item!r}: expected KEY=VALUE")
        conf[key] = value
    spark = session(args.master, conf=conf)
    try:
        job = run_job(spark, args.paths, settings, args.output, baseline=args.baseline,
                      partitions=args.partitions, salt=args.salt, overwrite=args.overwrite,
                      rows_per_file=args.rows_per_file)
    finally:
        if not getattr(args, "keep_session", False):
            spark.stop()
    total = sum(job.counts.values())
    counts = ", ".join(f"{job.counts.get(s, 0)} {s}s" for s in ("error", "warning", "info"))
    log(f"{total} problems in {job.files} files ({counts}) -> {job.output}", args.quiet)
    log("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in job.timings.items()), args.quiet)
    for err in job.errors:
        print(f"gwlint: {err}", file=sys.stderr)
    if job.errors:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[args.fail_on or settings.config.fail_on]
    return EXIT_VIOLATIONS if any(SEVERITY_RANK[s] >= threshold and n for s, n in job.counts.items()) else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """`python -m checker.spark` = `gwlint spark` (its own parser: checker.spark sits below
    checker.cli in the layers, so it does not import the CLI)."""
    import os

    from checker.core.errors import ConfigError
    from checker.engine.settings import build_settings

    parser = argparse.ArgumentParser(prog="python -m checker.spark",
                                     description="gwlint spark: check documents on Apache Spark")
    add_arguments(parser)
    parser.add_argument("--config", metavar="FILE", help="use this configuration instead of the nearest .gwlint.yaml")
    parser.add_argument("--no-config", action="store_true", help="ignore .gwlint.yaml files")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR", help="add a rule pack directory")
    parser.add_argument("--select", action="append", default=[], metavar="RULE", help="only these rule ids or categories")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE", help="skip these rule ids or categories")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)

    def split(values):
        return [v.strip() for value in values for v in value.split(",") if v.strip()]

    try:
        settings = build_settings(config_file=args.config, no_config=args.no_config, rules_dirs=args.rules,
                                  select=split(args.select), ignore=split(args.ignore))
        return run_spark(args, settings)
    except ConfigError as exc:
        print(f"gwlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        if os.environ.get("GWLINT_DEBUG"):
            raise
        print(f"gwlint: internal error: {type(exc).__name__}: {exc} (set GWLINT_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_ERROR
