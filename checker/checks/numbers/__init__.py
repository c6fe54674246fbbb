"""How figures are written: letters for digits, redundant approximation, split numbers."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "number-letter": "letter",
    "number-approx-redundant": "approx_redundant",
    "number-exact-approx": "exact_approx",
    "number-space": "space",
}
