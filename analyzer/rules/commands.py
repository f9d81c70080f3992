"""CLI: ``rules check [--rules DIR] [--examples]`` validates rule packs.

Cheap to import: the schema (pydantic, yaml) and spaCy load only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``rules`` command group with its ``check`` subcommand."""
    rules = subparsers.add_parser("rules", help="validate and inspect rule packs")
    sub = rules.add_subparsers(dest="rules_command", required=True)
    check = sub.add_parser("check", help="validate every pack of a rules directory")
    check.add_argument("--rules", type=Path, default=None, help="rules directory (default: repo rules/)")
    check.add_argument(
        "--examples", action="store_true", help="also run every rule's flag/pass examples"
    )
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Print each pack with its rule count, then errors; return non-zero on a broken pack."""
    from analyzer.errors import RulePackError
    from analyzer.rules.schema import load_rules

    try:
        ruleset = load_rules(args.rules)
    except RulePackError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    by_category: dict[str, int] = {}
    for rule in ruleset.rules:
        by_category[rule.model.category.value] = by_category.get(rule.model.category.value, 0) + 1
    for pack in ruleset.packs:
        print(f"{pack.path}: pack {pack.name} version {pack.version}: {pack.rule_count} rules")
    print(f"{len(ruleset.rules)} rules in {len(ruleset.packs)} packs; by category: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_category.items())))
    if ruleset.expected_clause_types:
        print("expected clause types: " + ", ".join(t.value for t in ruleset.expected_clause_types))
    if not getattr(args, "examples", False):
        return 0
    from analyzer.nlp import load_nlp
    from analyzer.rules.examples import run_examples

    results = run_examples(ruleset, load_nlp())
    failed = [r for r in results if not r.ok]
    for r in failed:
        want = "flag" if r.case.expect_flag else "pass"
        print(f"example failed: rule {r.case.rule_id}: expected {want}: "
              f"{r.case.example.text!r} -> {r.detail}", file=sys.stderr)
    print(f"examples: {len(results) - len(failed)}/{len(results)} ok")
    return 1 if failed else 0
