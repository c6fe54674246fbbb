"""Heading and item numbering: gaps, repeats, disorder, mixed styles."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "numbering-sequence": "sequence",
    "numbering-style": "style",
    "numbering-inline": "inline",
}
