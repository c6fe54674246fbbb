"""gwlint on Apache Spark: the same rules over millions of documents (`gwlint spark`).

Needs the optional extra ``gwlint[spark]`` (PySpark) and a Java runtime.  Modules:
``paths`` (naming documents as the CLI does), ``executor`` (per-document linting in the
executors), ``corpus`` (cross-document duplicates as joins), ``job`` (the run and its
output), ``cli`` (the command line).
"""
