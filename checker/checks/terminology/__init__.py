"""Terms a configured list replaces or forbids (the generic `substitution` kind lives here)."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "substitution": "substitution",
}
