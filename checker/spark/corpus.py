"""Cross-document duplicates with Spark's operators: the MinHash-LSH join of the
duplicate kind, stated as relational steps.

`gwlint check` (``checker.checks.duplicate_corpus.check_corpus``) takes the documents in
path order, keeps for every band key a bucket of the first ``bucket_size`` sentences that
had it, and looks up each sentence of a later document in the buckets of its keys.  A
bucket depends only on that order, never on what was reported, so the same answer comes
from a join:

1. ``keys``: each sentence's band keys (the kind's own fingerprints, computed in the
   executors by its ``collect``), exploded to one row per (band, key).
2. ``buckets``: per (band, key) the first ``bucket_size`` sentences in document order
   (a window, taken in two steps over salted sub-groups so that a key that thousands of
   documents share - a boilerplate sentence - is not sorted in one task).
3. ``candidates``: each sentence of a checked document joined with the buckets of its
   keys, restricted to earlier documents; the number of bands two sentences share ranks
   them, and the first ``max_candidates`` are kept, as the CLI ranks them.
4. ``copies``: the candidates verified with the kind's ``is_copy`` (a Python UDF); per
   sentence the best-ranked verified candidate is its first occurrence.
5. A document most of whose sentences come from one other file is a version of it
   (``is_other_version``): its copies are dropped.  The rest become violations of the
   later document through the kind's ``copy_finding`` and the engine's
   ``corpus_violation``, so messages and positions are the CLI's, byte for byte.

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
        path, order, reported, _, _, fingerprints = result
        return [(order, path, reported, *row) for row in fingerprints.get(rule_id, ())]

    return results.flatMap(rows)


def duplicate_violations(spark: SparkSession, results, rule, salt: int = 8):
    """An RDD of violation rows (``checker.spark.executor.VIOLATION_FIELDS``) of ``rule``,
    a ``duplicate-corpus`` rule, over the documents in ``results``."""
    from checker.checks.duplicate_corpus import copy_finding, is_copy, is_other_version
    from checker.engine.runner import corpus_violation
    from checker.spark.executor import violation_row

    params = rule.params
    entries = spark.createDataFrame(entry_rows(results, rule.id), ENTRY_SCHEMA).persist()

    keys = entries.select("doc", "e", "reported", F.posexplode("keys").alias("band", "key"))
    buckets = _first_per_key(keys, params.bucket_size, salt)

    queries = keys.filter("reported").select(
        F.col("doc").alias("q_doc"), F.col("e").alias("q_e"), "band", "key")
    shared = (queries.join(buckets, ["band", "key"])
              .filter(F.col("c_doc") < F.col("q_doc"))
              .groupBy("q_doc", "q_e", "c_doc", "c_e").agg(F.count(F.lit(1)).alias("shared")))
    by_likelihood = Window.partitionBy("q_doc", "q_e").orderBy(F.desc("shared"), "c_doc", "c_e")
    ranked = (shared.withColumn("rank", F.row_number().over(by_likelihood))
              .filter(F.col("rank") <= params.max_candidates))

    query_text = entries.select(F.col("doc").alias("q_doc"), F.col("e").alias("q_e"),
                                F.col("norm").alias("q_norm"))
    other_text = entries.select(F.col("doc").alias("c_doc"), F.col("e").alias("c_e"),
                                F.col("norm").alias("c_norm"), F.col("path").alias("c_path"),
                                F.col("line").alias("c_line"))
    copy_udf = F.udf(lambda a, b: is_copy(a, b, params), T.BooleanType())
    verified = (ranked.join(query_text, ["q_doc", "q_e"]).join(other_text, ["c_doc", "c_e"])
                .filter(copy_udf("q_norm", "c_norm")))
    best = Window.partitionBy("q_doc", "q_e").orderBy("rank")
    first = (verified.withColumn("pick", F.row_number().over(best)).filter(F.col("pick") == 1)
             .select("q_doc", "q_e", "c_path", "c_line"))

    sentences = entries.groupBy(F.col("doc").alias("q_doc")).agg(F.count(F.lit(1)).alias("n"))
    version_udf = F.udf(lambda most, n: is_other_version(most, n, params), T.BooleanType())
    versions = (first.groupBy("q_doc", "c_path").agg(F.count(F.lit(1)).alias("copied"))
                .groupBy("q_doc").agg(F.max("copied").alias("most"))
                .join(sentences, "q_doc")
                .filter(version_udf("most", "n")).select("q_doc"))
    kept = first.join(versions, "q_doc", "left_anti")

    where = entries.select(F.col("doc").alias("q_doc"), F.col("e").alias("q_e"), "path", "line",
                           "column", "end_line", "end_column", "excerpt", "norm")
    found = kept.join(where, ["q_doc", "q_e"])

    def to_violation(row):
        entry = (row.line, row.column, row.end_line, row.end_column, row.excerpt, row.norm)
        return violation_row(corpus_violation(rule, copy_finding(row.path, entry, row.c_path, row.c_line)))

    return found.rdd.map(to_violation), entries


def _first_per_key(keys: DataFrame, size: int, salt: int) -> DataFrame:
    """Per (band, key) the first ``size`` sentences in document order.  With ``salt`` > 1
    each key's rows are first cut into ``salt`` groups by a hash of the sentence, each
    group keeps its first ``size``, and only those survivors are ranked per key: the
    same answer, but a key shared by a million sentences is never one task's sort."""
    order = ["doc", "e"]
    if salt > 1:
        salted = keys.withColumn("salt", F.pmod(F.xxhash64("doc", "e"), F.lit(salt)))
        keys = (salted.withColumn("n", F.row_number().over(
            Window.partitionBy("band", "key", "salt").orderBy(*order)))
            .filter(F.col("n") <= size).drop("salt", "n"))
    ranked = keys.withColumn("n", F.row_number().over(Window.partitionBy("band", "key").orderBy(*order)))
    return (ranked.filter(F.col("n") <= size)
            .select("band", "key", F.col("doc").alias("c_doc"), F.col("e").alias("c_e")))
