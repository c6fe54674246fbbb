"""The same fact stated with two values: an indicator, the year a text reports on, a 文号."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "metric-conflict": "conflict",
    "title-year": "title_year",
    "document-number": "document_number",
    "magnitude-slip": "magnitude_slip",
    "plan-period": "plan_period",
}
