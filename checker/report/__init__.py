"""Report formatters: one module per format, each with ``render(run, stream, options)``."""
