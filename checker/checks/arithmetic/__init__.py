"""Totals, growth, shares and differences that must follow from the figures given."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "arith-parts": "parts",
    "arith-growth": "growth",
    "arith-share": "share",
    "arith-difference": "difference",
    "arith-shares-sum": "shares_sum",
}
