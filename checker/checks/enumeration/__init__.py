"""Stated counts against the items listed; 分别 with unequal sides."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "count-list": "count_list",
    "count-respectively": "respectively",
}
