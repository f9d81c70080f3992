"""Command line: ``contract-analyzer`` / ``python -m analyzer``.

``main(argv)`` takes an explicit list and returns the exit code, so it is testable
in-process. Errors are one line on stderr with a distinct exit code, never a traceback.
Subcommands owned by other packages register themselves through a ``register`` function
in a cheap-to-import ``commands`` module.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from analyzer.errors import AnalyzerError

logger = logging.getLogger(__name__)

COMMAND_MODULES = (
    "analyzer.training.commands",
    "analyzer.rules.commands",
    "analyzer.export.commands",
)
EXIT_USAGE = 2


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add the input size and page limits shared by every command that reads contracts."""
    parser.add_argument("--max-mb", type=float, default=50.0, help="largest file accepted (MiB)")
    parser.add_argument("--max-pages", type=int, default=2000, help="most pages accepted")


def limits_from(args: argparse.Namespace) -> Any:
    """Return the ingest limits chosen on the command line."""
    from analyzer.ingest import Limits

    return Limits(max_bytes=int(args.max_mb * 2**20), max_pages=args.max_pages)


def load_analyzer(args: argparse.Namespace) -> Any:
    """Build the Analyzer from ``--model-dir`` / ``--rules`` / limit options."""
    from analyzer.pipeline import Analyzer

    return Analyzer.load(
        model_dir=getattr(args, "model_dir", None),
        rules_dir=getattr(args, "rules", None),
        limits=limits_from(args),
    )


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="contract-analyzer",
        description="Analyse outsourcing and services contracts offline.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    parse = sub.add_parser("parse", help="print the numbered clause tree of contracts")
    parse.add_argument("files", nargs="+", type=Path)
    parse.add_argument("--format", choices=("text", "json"), default="text")
    add_limit_options(parse)
    parse.set_defaults(func=run_parse)

    analyze = sub.add_parser("analyze", help="classify clauses and flag problems")
    analyze.add_argument("files", nargs="+", type=Path)
    analyze.add_argument("--format", choices=("json", "table"), default="table")
    analyze.add_argument("--rules", type=Path, default=None, help="folder of rule packs")
    analyze.add_argument("--model-dir", type=Path, default=None, help="classifier folder")
    add_limit_options(analyze)
    analyze.set_defaults(func=run_analyze)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    parser = _build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args))
    except AnalyzerError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


# ----------------------------------------------------------------------------- parse


def run_parse(args: argparse.Namespace) -> int:
    """Print the clause tree of each file; JSON Lines when several files are given."""
    from analyzer.ingest import load_document
    from analyzer.report import parse_report

    limits = limits_from(args)
    exit_code = 0
    for path in args.files:
        try:
            document = load_document(path, limits)
        except AnalyzerError as error:
            print(f"error: {error}", file=sys.stderr)
            exit_code = exit_code or error.exit_code
            if args.format == "json" and len(args.files) > 1:
                _print_json({"document": {"name": str(path)}, "error": _error_dict(error)})
            continue
        if args.format == "json":
            _print_json(parse_report(document), indent=None if len(args.files) > 1 else 2)
        else:
            _print_tree(document, sys.stdout)
    return exit_code


def _print_tree(document: Any, out: TextIO) -> None:
    source = document.source
    out.write(f"# {source.name}  ({source.file_format}, {source.page_count} pages, ")
    out.write(f"{len(document.clauses)} clauses, {len(document.tables)} tables)\n")
    if document.title:
        out.write(f"title: {document.title}\n")
    if document.parties:
        out.write(f"parties: {'; '.join(document.parties)}\n")
    profile = document.profile
    out.write(
        f"contract type: {profile.contract_type}  customer: {profile.customer or '-'}"
        f"  vendor: {profile.vendor or '-'}\n"
    )
    for warning in document.warnings:
        out.write(f"warning: {warning}\n")
    for clause in document.clauses:
        indent = "  " * max(clause.level - 1, 0)
        number = clause.number or "-"
        heading = f" [{clause.heading}]" if clause.heading else ""
        body = " ".join(clause.text.split())
        snippet = textwrap.shorten(body, 90, placeholder=" ...") if body else ""
        out.write(f"{indent}{number}{heading} (p.{clause.page_start}) {snippet}\n")
        for index in clause.table_indices:
            table = document.tables[index]
            out.write(f"{indent}  <table {index}: {len(table.rows)} rows, p.{table.page}>\n")


# ----------------------------------------------------------------------------- analyze


def run_analyze(args: argparse.Namespace) -> int:
    """Analyse each file; one JSON report per line for several files with ``--format json``."""
    from analyzer.report import failure_report, to_report

    engine = load_analyzer(args)
    exit_code = 0
    many = len(args.files) > 1
    for file_result in engine.analyze_many(args.files):
        if file_result.result is None:
            error = file_result.error
            print(f"error: {error.message if error else file_result.path}", file=sys.stderr)
            exit_code = exit_code or (error.exit_code if error else 1)
            if args.format == "json" and many:
                _print_json(failure_report(file_result))
            continue
        if args.format == "json":
            _print_json(to_report(file_result.result), indent=None if many else 2)
        else:
            _print_table(to_report(file_result.result), sys.stdout)
    return exit_code


def _print_table(report: dict[str, Any], out: TextIO) -> None:
    doc = report["document"]
    out.write(f"\n=== {doc['name']} ({doc['format']}, {doc['page_count']} pages, ")
    out.write(f"{doc['clause_count']} clauses)\n")
    if doc.get("title"):
        out.write(f"Title: {doc['title']}\n")
    if doc.get("parties"):
        out.write(f"Parties: {'; '.join(doc['parties'])}\n")
    if doc.get("contract_type"):
        out.write(
            f"Contract type: {doc['contract_type']}  customer: {doc.get('customer') or 'not identified'}"
            f"  vendor: {doc.get('vendor') or 'not identified'}\n"
        )
    risk = report.get("risk")
    if risk:
        out.write(f"Risk: {risk['level']} (score {risk['score']})  method: {risk['method']}\n")
    if report.get("missing_types"):
        out.write(f"Expected clause types missing: {', '.join(report['missing_types'])}\n")
    flags = report["flags"]
    out.write(f"\nFlags ({len(flags)}):\n")
    clauses = {c["id"]: c for c in report["clauses"]}
    for flag in flags:
        clause = clauses.get(flag["clause_id"] or "")
        where = f"§{clause['number']}" if clause and clause.get("number") else "document"
        page = f"p.{flag['page']}" if flag.get("page") else ""
        out.write(f"- [{flag['severity'].upper():6}] {flag['category']:25} {where} {page}\n")
        if flag["quote"]:
            out.write(f"    \"{textwrap.shorten(flag['quote'], 160, placeholder=' ...')}\"\n")
        out.write(f"    why: {flag['message']}\n    ask: {flag['recommendation']}\n")
    if report["pricing"]:
        out.write(f"\nPricing ({len(report['pricing'])}):\n")
        for rate in report["pricing"]:
            currency = rate["currency"] or ""
            out.write(f"- {rate['item'][:50]:50} {currency} {rate['amount']:>12,.2f} "
                      f"{rate['unit']} ({rate['kind']}, p.{rate['page']})\n")
    if report["kpis"]:
        out.write(f"\nKPIs ({len(report['kpis'])}):\n")
        for kpi in report["kpis"]:
            missing = f" missing: {', '.join(kpi['missing'])}" if kpi["missing"] else ""
            out.write(f"- {kpi['metric']}: {kpi['target']} window={kpi['window']} "
                      f"remedy={'yes' if kpi['remedy'] else 'no'}{missing}\n")
    counts: dict[str, int] = {}
    for clause in report["clauses"]:
        counts[clause["type"] or "unclassified"] = counts.get(clause["type"] or "unclassified", 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    out.write(f"\nClause types: {summary}\n")


def _print_json(data: dict[str, Any], indent: int | None = None) -> None:
    sys.stdout.write(json.dumps(data, indent=indent, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _error_dict(error: AnalyzerError) -> dict[str, Any]:
    return {"code": error.code, "exit_code": error.exit_code, "message": str(error)}
