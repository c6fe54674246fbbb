"""Cross-document duplicates with Spark's operators: the MinHash-LSH join of the
duplicate kind, stated as relational steps.

`gwlint check` (``checker.checks.duplicates.corpus.check_corpus``) takes the documents in
path order, keeps for every band key a bucket of the first ``bucket_size`` sentences that
had it, and looks up each sentence of a later document in the buckets of its keys.  A
bucket depends only on that order, never on what was reported, so the same answer comes
from a join:

1. ``keys``: each sentence's band keys (the kind's own fingerprints, computed in the
   executors by its ``collect``), exploded to one row per (band, key).
2. ``buckets``: per (band, key) the first ``bucket_size`` sentences in document order
   (a window; with ``salt`` > 1 taken in two steps over salted sub-groups, so that a key
   that millions of sentences share - a boilerplate sentence - is not one task's sort).
3. candidates: each sentence of a checked document joined with the buckets of its keys,
   restricted to earlier documents, gathered per sentence (one row per shared band).
4. one Python call per sentence (``first_copy``) ranks them as the CLI does (most bands
   shared, then the earliest; the first ``max_candidates``) and verifies them in that
   order with the kind's ``is_copy``, stopping at the first copy.
5. per document, ``kept_copies`` drops all its copies when it is a version of one other
   file (the kind's ``is_other_version``); the rest become violations of the later
   document through the kind's ``copy_finding`` and the engine's ``stamp_resolved``, so
   messages and positions are the CLI's, byte for byte.  (The document's directives and
   ``--baseline`` are applied after, per document: ``checker.spark.executor.settle_partition``.)

No step loops over documents on the driver; every step is a shuffle or a window.
"""
from __future__ import annotations

from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

ENTRY_SCHEMA = T.StructType([
    T.StructField("doc", T.StringType(), False),          # order key (path relative to the config's folder)
    T.StructField("path", T.StringType(), False),         # as reported
    T.StructField("reported", T.BooleanType(), False),    # False: a reference document
    T.StructField("n", T.IntegerType(), False),           # sentences of the document
    T.StructField("e", T.IntegerType(), False),           # sentence number in the document
    T.StructField("line", T.IntegerType(), False),
    T.StructField("column", T.IntegerType(), False),
    T.StructField("end_line", T.IntegerType(), False),
    T.StructField("end_column", T.IntegerType(), False),
    T.StructField("excerpt", T.StringType(), False),
    T.StructField("norm", T.StringType(), False),
    T.StructField("keys", T.ArrayType(T.LongType(), False), False),
])


def entry_rows(results, rule_id: str):
    """The sentences of every document (results: the executors' per-document tuples)."""
    def rows(result):
        path, order, reported, fingerprints = result[0], result[1], result[2], result[5]
        sentences = fingerprints.get(rule_id, ())
        return [(order, path, reported, len(sentences), *row) for row in sentences]

    return results.flatMap(rows)


def duplicate_violations(spark: SparkSession, results, rule, salt: int = 1):
    """An RDD of violation rows (``checker.spark.executor.VIOLATION_FIELDS``) of ``rule``,
    a ``duplicate-corpus`` rule, over the documents in ``results``; and the cached
    sentence table (to unpersist when done)."""
    from checker.checks.duplicates.corpus import copy_finding
    from checker.engine.stamp import stamp_resolved
    from checker.spark.executor import violation_row

    params = rule.params
    entries = spark.createDataFrame(entry_rows(results, rule.id), ENTRY_SCHEMA).persist()

    keys = entries.select("doc", "e", "reported", "n", "norm", "path", "line",
                          F.posexplode("keys").alias("band", "key"))
    buckets = _first_per_key(keys, params.bucket_size, salt)
    queries = keys.filter("reported").select(
        F.col("doc").alias("q_doc"), F.col("e").alias("q_e"), F.col("norm").alias("q_norm"), "n", "band", "key")

    # Every (sentence, earlier sentence) pair that shares a bucket, once per shared band;
    # per sentence, one Python call ranks them, verifies in rank order and stops at the
    # first copy, as the CLI does.
    first_udf = F.udf(lambda norm, found: first_copy(norm, found, params), FIRST)
    firsts = (queries.join(buckets, ["band", "key"])
              .filter(F.col("c_doc") < F.col("q_doc"))
              .groupBy("q_doc", "q_e")
              .agg(F.first("q_norm").alias("q_norm"), F.first("n").alias("n"),
                   F.collect_list(F.struct("c_doc", "c_e", "c_norm", "c_path", "c_line")).alias("found"))
              .select("q_doc", "q_e", "n", first_udf("q_norm", "found").alias("first"))
              .filter(F.col("first").isNotNull()))

    # Per document: all its copies, unless it is a version of one other document.
    keep_udf = F.udf(lambda n, copies: kept_copies(n, copies, params), T.ArrayType(FIRST_OF))
    kept = (firsts.groupBy("q_doc")
            .agg(F.first("n").alias("n"),
                 F.collect_list(F.struct("q_e", "first.c_path", "first.c_line")).alias("copies"))
            .select("q_doc", F.explode(keep_udf("n", "copies")).alias("copy"))
            .select("q_doc", "copy.q_e", "copy.c_path", "copy.c_line"))

    where = entries.select(F.col("doc").alias("q_doc"), F.col("e").alias("q_e"), "path", "line",
                           "column", "end_line", "end_column", "excerpt", "norm")
    found = kept.join(where, ["q_doc", "q_e"])

    def to_violation(row):
        entry = (row.line, row.column, row.end_line, row.end_column, row.excerpt, row.norm)
        return violation_row(stamp_resolved(rule, copy_finding(rule, row.path, entry, row.c_path, row.c_line)))

    return found.rdd.map(to_violation), entries


FIRST = T.StructType([T.StructField("c_path", T.StringType()), T.StructField("c_line", T.IntegerType())])
FIRST_OF = T.StructType([T.StructField("q_e", T.IntegerType()), *FIRST.fields])


def first_copy(norm: str, found, params):
    """``found``: the earlier sentences sharing a bucket with this one, once per shared
    band.  The likeliest first (most bands shared), then the earliest; the first of the
    best ``max_candidates`` that the kind's ``is_copy`` accepts, or None."""
    from collections import Counter

    from checker.checks.duplicates.corpus import is_copy

    shared: Counter = Counter()
    about = {}
    for c in found:
        key = (c["c_doc"], c["c_e"])
        shared[key] += 1
        about[key] = c
    ranked = sorted(shared, key=lambda k: (-shared[k], k))[:params.max_candidates]
    counts = Counter(norm)
    for key in ranked:
        c = about[key]
        if is_copy(norm, c["c_norm"], params, counts):
            return (c["c_path"], c["c_line"])
    return None


def kept_copies(sentences: int, copies, params) -> list[tuple]:
    """A document's copies, or none when it is a version of one other file (the kind's
    ``is_other_version``)."""
    from collections import Counter

    from checker.checks.duplicates.corpus import is_other_version

    per_file = Counter(c["c_path"] for c in copies)
    if per_file and is_other_version(per_file.most_common(1)[0][1], sentences, params):
        return []
    return [(c["q_e"], c["c_path"], c["c_line"]) for c in copies]


def _first_per_key(keys: DataFrame, size: int, salt: int) -> DataFrame:
    """Per (band, key) the first ``size`` sentences in document order.  With ``salt`` > 1
    each key's rows are first cut into ``salt`` groups by a hash of the sentence, each
    group keeps its first ``size``, and only those survivors are ranked per key: the
    same answer, but a key shared by millions of sentences is never one task's sort."""
    order = ["doc", "e"]
    if salt > 1:
        salted = keys.withColumn("salt", F.pmod(F.xxhash64("doc", "e"), F.lit(salt)))
        keys = (salted.withColumn("n_", F.row_number().over(
            Window.partitionBy("band", "key", "salt").orderBy(*order)))
            .filter(F.col("n_") <= size).drop("salt", "n_"))
    ranked = keys.withColumn("n_", F.row_number().over(Window.partitionBy("band", "key").orderBy(*order)))
    return (ranked.filter(F.col("n_") <= size)
            .select("band", "key", F.col("doc").alias("c_doc"), F.col("e").alias("c_e"),
                    F.col("norm").alias("c_norm"), F.col("path").alias("c_path"), F.col("line").alias("c_line")))
