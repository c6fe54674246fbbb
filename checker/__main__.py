"""`python -m checker` runs the command line."""
from checker.cli.entry import run

run()
