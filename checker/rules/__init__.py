"""Rules: loading YAML rule packs and validating them against each kind's parameters."""
