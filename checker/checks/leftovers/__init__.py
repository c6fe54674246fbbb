"""Unfilled placeholders and conversion or web-page leftovers (the generic `pattern` kind lives here)."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "pattern": "pattern",
}
