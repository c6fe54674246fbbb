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


def print_rules(settings, standard: str | None = None) -> int:
    """The active rules; with ``standard``, every rule citing it (on or off) and its clauses."""
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    if standard is None:
        rules = sorted(settings.rules, key=lambda r: (r.category, r.id))
        columns = ("id", "category", "severity", "kind", "description")
    else:
        rules = sorted((r for r in settings.available or settings.rules if r.cites(standard)),
                       key=lambda r: (min(r.standard), r.id))
        columns = ("id", "on", "severity", "standard", "description")
    for col in columns:
        table.add_column(col, no_wrap=col not in ("description", "standard"), overflow="fold")
    for rule in rules:
        if standard is None:
            table.add_row(rule.id, rule.category, rule.severity, rule.kind, rule.description)
        else:
            table.add_row(rule.id, "on" if rule.enabled else "off", rule.severity,
                          "; ".join(rule.standard), rule.description)
    console = _console()
    console.print(table)
    if standard is None:
        console.print(f"{len(rules)} rules")
    else:
        on = sum(1 for r in rules if r.enabled)
        console.print(f"{len(rules)} rules cite {standard} ({on} on, {len(rules) - on} off)")
    return EXIT_OK


def explain_text(rule) -> str:
    """The rule page: what it does / why / examples / use instead / options."""
    lines = [f"{rule.id}  ({rule.category}, {rule.severity}, kind: {rule.kind})", "",
             "What it does", f"  {rule.description}", ""]
    if rule.standard:
        lines += ["Standard", *(f"  {clause}" for clause in rule.standard), ""]
    lines += ["Why", *("  " + l for l in rule.why.splitlines()), ""]
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
    off = rule is None and next((r for r in settings.available if r.id == rule_id), None)
    if off:
        sys.stdout.write(explain_text(off) + "\n\nSwitched off here: turn it on with "
                         f"`rules: {{{rule_id}: enable}}` in .gwlint.yaml (or `extends: gb-standards`).\n")
        return EXIT_OK
    if rule is None:
        known = sorted(r.id for r in settings.rules)
        close = [k for k in known if rule_id in k or k in rule_id][:5]
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        print(f"gwlint: unknown rule {rule_id!r}{hint}", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(explain_text(rule) + "\n")
    return EXIT_OK
