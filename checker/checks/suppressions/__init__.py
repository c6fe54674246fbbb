"""Inline suppressions judged as text: a directive that silences nothing."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "unused-suppression": "unused",
}
