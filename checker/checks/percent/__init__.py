"""Percentages a rate cannot take, impossible decreases, broken ranges, rate changes in %, amount changes in 个百分点."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "rate-bound": "rate_bound",
    "decrease-bound": "decrease_bound",
    "range-order": "range_order",
    "rate-change": "rate_change",
    "amount-change-points": "amount_points",
}
