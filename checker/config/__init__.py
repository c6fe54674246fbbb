"""`.gwlint.yaml`: its schema, where it is found, and how it changes the rule set."""
