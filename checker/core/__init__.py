"""What every layer shares: spans, errors, safe YAML reading, text helpers (imports nothing above it)."""
