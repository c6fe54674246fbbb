"""`python -m checker` runs the command line."""
from checker.cli.main import main

raise SystemExit(main())
