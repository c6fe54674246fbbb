"""The exit codes of every gwlint command: 0 clean, 1 violations at or above --fail-on,
2 a usage, configuration or input error."""
EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
