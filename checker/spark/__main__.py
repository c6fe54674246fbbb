"""`python -m checker.spark PATH … -o OUT`, also the script to give spark-submit."""
import sys

from checker.spark.cli import main

if __name__ == "__main__":
    sys.exit(main())
