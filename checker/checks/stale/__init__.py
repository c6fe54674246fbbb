"""References to dates and events that contradict the document's own year."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "stale-event": "event",
    "stale-period": "period",
    "stale-future-year": "future_year",
    "stale-milestone": "milestone",
    "stale-anniversary": "anniversary",
}
