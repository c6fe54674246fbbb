"""Units and measure words: minority forms, mixed magnitudes, bare 万/亿, fractions of indivisible things."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "minority-form": "minority_form",
    # older names of minority-form, each implying its `of` (kept for third-party packs)
    "percent-sign-mix": "minority_form",
    "unit-spelling-mix": "minority_form",
    "measure-word-mix": "minority_form",
    "magnitude-mix": "magnitude_mix",
    "bare-magnitude": "bare_magnitude",
    "fractional-count": "fractional_count",
    "measure-word-fit": "measure_fit",
}
