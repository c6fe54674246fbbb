"""The same indicator stated with two different values."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "metric-conflict": "conflict",
}
