"""`gwlint spark`: the whole run on Spark - read, lint in executors, compare across
documents, write Parquet, JSON-lines and a summary.

Output folder (``--output OUT``)::

    OUT/violations.parquet/part-*.parquet   every violation, the JSON contract's ten fields
    OUT/violations.jsonl/part-NNNNN         the same, one JSON object a line, one file a partition
    OUT/summary.json                        version, files, summary (counts by severity), errors,
                                            by_category, by_rule, parts (the JSON-lines folder)

Rows are sorted as `gwlint check` sorts violations (path, line, column, rule, …), so
reading the JSON-lines parts in name order gives the CLI's order.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.spark.executor import VIOLATION_FIELDS

CONTRACT_FIELDS = VIOLATION_FIELDS[:-1]       # without the baseline context
SORT_FIELDS = ("path", "line", "column", "rule", "end_line", "end_column", "message")


@dataclass
class JobResult:
    files: int = 0
    counts: Counter = field(default_factory=Counter)     # by severity
    errors: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    output: str = ""


def violation_schema():
    from pyspark.sql import types as T

    ints = {"line", "column", "end_line", "end_column"}
    return T.StructType([T.StructField(name, T.IntegerType() if name in ints else T.StringType(), False)
                         for name in VIOLATION_FIELDS])


def session(master: str | None, app: str = "gwlint", conf: dict | None = None):
    import os

    from pyspark.sql import SparkSession

    launched_by_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if (master or "").startswith("local") or (master is None and not launched_by_submit):
        # Local executors run this interpreter (the one gwlint is installed in), not
        # whatever `python3` is first on PATH.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    defaults = {
        "spark.sql.adaptive.enabled": "true",             # coalesces small shuffles, splits skewed joins
        "spark.sql.adaptive.skewJoin.enabled": "true",
        "spark.python.worker.reuse": "true",              # the broadcast settings stay unpickled
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.execution.pythonUDF.arrow.enabled": "false",   # the UDFs take plain rows; no pyarrow needed
    }
    for key, value in {**defaults, **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    if not sc.getConf().contains("spark.sql.shuffle.partitions"):
        # Spark's 200 shuffle partitions cost a small local run minutes of empty tasks;
        # two per core is what a 100-core cluster gets anyway.
        spark.conf.set("spark.sql.shuffle.partitions", str(max(2, 2 * sc.defaultParallelism)))
    return spark


def run_job(spark, inputs: list[str], settings, output: str, *, baseline: str | None = None,
            partitions: int | None = None, salt: int = 1, overwrite: bool = False,
            rows_per_file: int = 200_000) -> JobResult:
    from checker.checks.registry import load_kind
    from checker.core.errors import ConfigError
    from checker.spark.corpus import duplicate_violations
    from checker.spark.executor import lint_partition, reference_partition, settle_partition
    from checker.spark.paths import resolve_inputs

    sc = spark.sparkContext
    from checker.spark.paths import local_path

    if local_path(output) is not None:
        output = os.path.abspath(local_path(output))
    job = JobResult(output=output)
    _prepare_output(spark, output, overwrite)
    started = time.perf_counter()

    corpus_rules = [r for r in settings.rules if getattr(load_kind(r.kind), "CORPUS", False)]
    for rule in corpus_rules:
        if rule.kind != "duplicate-corpus":
            raise ConfigError(f"rule '{rule.id}': kind {rule.kind!r} compares documents and has no Spark plan")

    from pyspark import StorageLevel

    keep = StorageLevel.MEMORY_AND_DISK
    settings_bc = sc.broadcast(settings)
    present, missing = _split_missing(inputs)
    job.errors = [f"{p}: no such file or directory" for p in missing]
    given = resolve_inputs(present)
    # Absolute: the JVM resolves a relative path against its own working directory,
    # which is not the Python process's once that has changed directory.
    results = _read(spark, [g.absolute for g in given], partitions).rdd.mapPartitions(
        lambda rows: lint_partition(rows, settings_bc, given))
    reference = _reference_files(spark, settings) if corpus_rules else None
    staged: list = []
    if reference is not None:
        ids = [r.id for r in corpus_rules]
        refs = reference.rdd.mapPartitions(lambda rows: reference_partition(rows, settings_bc, ids))
        results = results.union(refs).persist(keep)
        staged.append(results)
        results = _drop_checked_references(results)
    results = results.persist(keep)
    staged.append(results)
    checked = results.filter(lambda r: r[2])
    job.files = checked.count()           # runs the per-document stage once; the rest reuses it
    job.errors += checked.flatMap(lambda r: r[4]).collect()
    job.timings["documents"] = time.perf_counter() - started

    corpus_started = time.perf_counter()
    found = sc.emptyRDD()
    for rule in corpus_rules:
        found_here, entries = duplicate_violations(spark, results, rule, salt)
        found_here = found_here.persist(keep)
        found_here.count()
        staged += [found_here, entries]
        found = found.union(found_here)
    job.timings["cross_documents"] = time.perf_counter() - corpus_started

    writing = time.perf_counter()
    baseline_bc = sc.broadcast(_baseline_by_path(baseline)) if baseline else None
    violations = (checked.keyBy(lambda r: r[0]).cogroup(found.keyBy(lambda row: row[0]))
                  .mapPartitions(lambda items: settle_partition(items, settings_bc, baseline_bc)))
    unsorted = spark.createDataFrame(violations, violation_schema()).persist(keep)
    rows = unsorted.count()
    # Range-partitioned and sorted: the parts, read in name order, are in the CLI's order.
    parts = max(1, -(-rows // rows_per_file))
    spread = unsorted.coalesce(1) if parts == 1 else unsorted.repartitionByRange(parts, *SORT_FIELDS)
    frame = spread.sortWithinPartitions(*SORT_FIELDS).persist(keep)
    staged.append(unsorted)
    frame.select(*CONTRACT_FIELDS).write.parquet(f"{output}/violations.parquet")
    frame.rdd.map(_json_line).saveAsTextFile(f"{output}/violations.jsonl")
    by_category: Counter = Counter()
    by_rule: Counter = Counter()
    for r in frame.groupBy("severity", "category", "rule").count().collect():
        job.counts[r["severity"]] += r["count"]
        by_category[r["category"]] += r["count"]
        by_rule[r["rule"]] += r["count"]
    _write_text(spark, f"{output}/summary.json", json.dumps(
        summary_document(job, by_category, by_rule), ensure_ascii=False, indent=2) + "\n")
    job.timings["output"] = time.perf_counter() - writing
    for cached in (frame, *staged):
        cached.unpersist()
    settings_bc.destroy()
    if baseline_bc is not None:
        baseline_bc.destroy()
    return job


def summary_document(job: JobResult, by_category: dict, by_rule: dict) -> dict:
    return {
        "version": 1,
        "files": job.files,
        "summary": {s: job.counts.get(s, 0) for s in ("error", "warning", "info")},
        "errors": [_error_entry(e) for e in job.errors],
        "by_category": dict(sorted(by_category.items())),
        "by_rule": dict(sorted(by_rule.items())),
        "parts": "violations.jsonl",
        "parquet": "violations.parquet",
    }


def _error_entry(text: str) -> dict:
    path, sep, message = text.partition(": ")
    return {"path": path, "message": message} if sep else {"path": "", "message": text}


def _json_line(row) -> str:
    from checker.engine.violation import Violation

    return json.dumps(Violation(*(row[f] for f in CONTRACT_FIELDS)).to_json(), ensure_ascii=False)


def _split_missing(inputs: list[str]) -> tuple[list[str], list[str]]:
    """Local inputs that do not exist are reported as `gwlint check` reports them; remote
    ones are left to Spark, which fails on a missing one."""
    import glob
    import os

    from checker.spark.paths import local_path

    present, missing = [], []
    for arg in inputs:
        local = local_path(arg)
        exists = local is None or os.path.exists(local) or bool(glob.has_magic(local) and glob.glob(local))
        (present if exists else missing).append(arg)
    return present, missing


def _read(spark, inputs: list[str], partitions: int | None):
    if not inputs:
        return spark.createDataFrame([], "path string, content binary")
    frame = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
             .load(inputs).select("path", "content"))
    if partitions:
        frame = frame.repartition(partitions)
    return frame


def _reference_files(spark, settings):
    """The reference documents of ``duplicates: reference`` (globs under the
    configuration's folder, listed as the CLI's index lists them), or None."""
    from checker.engine.reference_index import reference_paths

    paths = [str(Path(p).resolve()) for p in reference_paths(settings)]
    if not paths:
        return None
    return spark.read.format("binaryFile").load(paths).select("path", "content")


def _drop_checked_references(results):
    """A reference document that is also being checked takes part once, as itself."""
    checked = results.filter(lambda r: r[2]).map(lambda r: (r[1], None))
    refs = results.filter(lambda r: not r[2]).map(lambda r: (r[1], r))
    kept = refs.subtractByKey(checked).values()
    return results.filter(lambda r: r[2]).union(kept)


def _baseline_by_path(baseline: str) -> dict[str, Counter]:
    """`--baseline`, split by document (a baseline entry's key starts with its path)."""
    from checker.engine.baseline import load_baseline

    by_path: dict[str, Counter] = {}
    for key, count in load_baseline(baseline).items():
        by_path.setdefault(key[0], Counter())[key] = count
    return by_path


def _hadoop_path(spark, target: str):
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(target)
    return path, path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def _prepare_output(spark, output: str, overwrite: bool) -> None:
    from checker.core.errors import ConfigError

    path, fs = _hadoop_path(spark, output)
    if fs.exists(path):
        if not overwrite:
            raise ConfigError(f"--output {output}: already exists; remove it or give --overwrite")
        if fs.exists(_hadoop_path(spark, f"{output}/summary.json")[0]) or not fs.listStatus(path):
            fs.delete(path, True)
        else:
            raise ConfigError(f"--output {output}: exists and is not a gwlint spark output; not overwriting it")


def _write_text(spark, target: str, text: str) -> None:
    """Write a small file on the output's file system (local, HDFS, S3 …) from the driver."""
    path, fs = _hadoop_path(spark, target)
    stream = fs.create(path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()


def log(message: str, quiet: bool) -> None:
    if not quiet:
        print(f"gwlint spark: {message}", file=sys.stderr)
