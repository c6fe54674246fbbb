"""The `gwlint` command line."""
