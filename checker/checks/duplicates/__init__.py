"""Repeated sentences and paragraphs, stutters, copies across documents."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "duplicate-sentence": "sentence",
    "duplicate-paragraph": "paragraph",
    "duplicate-corpus": "corpus",
    "stutter": "stutter",
}
