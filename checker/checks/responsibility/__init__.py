"""Plan items and the units responsible for them."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "responsibility-missing": "missing",
    "responsibility-lead": "lead",
    "responsibility-fields": "fields",
    "responsibility-variants": "variants",
    "responsibility-registry": "registry",
}
