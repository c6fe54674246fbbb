"""Units and measure words: minority forms, mixed magnitudes, bare 万/亿, fractions of indivisible things."""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "percent-sign-mix": "percent_sign",
    "magnitude-mix": "magnitude_mix",
    "bare-magnitude": "bare_magnitude",
    "fractional-count": "fractional_count",
    "measure-word-fit": "measure_fit",
    "measure-word-mix": "measure_mix",
    "unit-spelling-mix": "spelling_mix",
}
