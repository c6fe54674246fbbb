"""`gwlint rules` (a table of active rules) and `gwlint explain RULE` (one rule's page)."""
from __future__ import annotations

import sys

import yaml

from checker.cli.exit_codes import EXIT_ERROR, EXIT_OK


def _console():
    from rich.console import Console

    # Piped output has no width to fit; never cut rule ids to a guessed 80 columns.
    width = None if sys.stdout.isatty() else 240
    return Console(highlight=False, soft_wrap=True, width=width)


def print_rules(settings) -> int:
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("id", "category", "severity", "kind", "description"):
        table.add_column(col, no_wrap=col != "description", overflow="fold")
    for rule in sorted(settings.rules, key=lambda r: (r.category, r.id)):
        table.add_row(rule.id, rule.category, rule.severity, rule.kind, rule.description)
    console = _console()
    console.print(table)
    console.print(f"{len(settings.rules)} rules")
    return EXIT_OK


def explain_text(rule) -> str:
    """The rule page: what it does / why / examples / use instead / options."""
    lines = [f"{rule.id}  ({rule.category}, {rule.severity}, kind: {rule.kind})", "",
             "What it does", f"  {rule.description}", "", "Why", *("  " + l for l in rule.why.splitlines()), ""]
    lines.append("Example (flagged)")
    lines += [f"  ✗ {b}" for b in rule.examples.bad]
    lines.append("")
    lines.append("Use instead (passes)")
    lines += [f"  ✓ {g}" for g in rule.examples.good]
    if rule.examples.fixed:
        lines += ["", "--fix makes of the flagged examples"] + [f"  → {f}" for f in rule.examples.fixed]
    lines += ["", "Options (params, change them in .gwlint.yaml under rules: {id: {params: …}})"]
    params = rule.params.model_dump(mode="json")
    if params:
        dumped = yaml.safe_dump(params, allow_unicode=True, sort_keys=True, width=100).rstrip()
        lines += ["  " + l for l in dumped.splitlines()]
    else:
        lines.append("  (none)")
    lines += ["", f"Defined in {rule.source}"]
    return "\n".join(lines)


def explain_rule(settings, rule_id: str) -> int:
    rule = next((r for r in settings.rules if r.id == rule_id), None)
    if rule is None:
        known = sorted(r.id for r in settings.rules)
        close = [k for k in known if rule_id in k or k in rule_id][:5]
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        print(f"gwlint: unknown rule {rule_id!r}{hint}", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(explain_text(rule) + "\n")
    return EXIT_OK
