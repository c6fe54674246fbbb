"""Paired marks, half-width marks in Chinese text, range marks."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "punct-balance": "balance",
    "punct-halfwidth": "halfwidth",
    "punct-range-mark": "range_mark",
}
