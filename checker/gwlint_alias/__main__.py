"""`python -m gwlint` runs the command line (the same as `gwlint` and `python -m checker`)."""
from checker.cli.entry import run

run()
