"""The exit codes of every gwlint command: 0 clean, 1 violations at or above --fail-on,
2 a usage, configuration or input error, 130 interrupted (Ctrl-C, SIGTERM; the report
then covers the files checked so far)."""
EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
