"""CLI subcommands ``export`` and ``compare``: everything the UI does, from a terminal.

Cheap to import: pandas, openpyxl, python-docx and the pipeline load only when a command
runs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

FORMATS = ("xlsx", "csv", "json", "memo", "docx")
DEFAULT_SUFFIX = {"xlsx": ".xlsx", "csv": ".csv", "json": ".json", "memo": ".memo.docx",
                  "docx": ".commented.docx"}
EXIT_USAGE = 2


def parse_share(text: str) -> float:
    """Parse a share given as 0.8, 80 or 80%."""
    value = float(text.strip().rstrip("%"))
    return value / 100.0 if value > 1 or text.strip().endswith("%") else value


def parse_hours(text: str) -> float:
    """Parse hours of operation per month: a number, or a pattern like 24x7 or 12x5."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[xX]\s*(\d)\s*", text)
    if match:
        per_day, days = float(match.group(1)), int(match.group(2))
        return per_day * days * 365.0 / 7.0 / 12.0  # weeks per month = 365 / 7 / 12
    return float(text)


def add_scenario_options(parser: argparse.ArgumentParser) -> None:
    """Add the volume-scenario options shared by ``compare`` and ``export --to xlsx``."""
    from analyzer.compare import VolumeScenario

    d = VolumeScenario()
    parser.add_argument("--volume", type=float, default=d.contacts_per_month,
                        help=f"handled contacts per month (default {d.contacts_per_month:g})")
    parser.add_argument("--aht", type=float, default=d.aht_minutes,
                        help=f"average handle time in minutes (default {d.aht_minutes:g})")
    parser.add_argument("--occupancy", type=parse_share, default=d.occupancy,
                        help="occupancy, 0.8 or 80%% (default 80%%)")
    parser.add_argument("--shrinkage", type=parse_share, default=d.shrinkage,
                        help="shrinkage, 0.3 or 30%% (default 30%%)")
    parser.add_argument("--hours", type=parse_hours, default=d.hours_of_operation,
                        help="hours of operation per month, or a pattern like 24x7 (default 730)")
    parser.add_argument("--term-months", type=int, default=d.term_months,
                        help=f"contract term in months (default {d.term_months})")
    parser.add_argument("--paid-hours", type=float, default=d.paid_hours_per_fte_month,
                        help="paid hours per FTE-month (default 173)")


def scenario_from(args: argparse.Namespace):
    """Build the VolumeScenario from parsed options."""
    from analyzer.compare import VolumeScenario

    return VolumeScenario(
        contacts_per_month=args.volume, aht_minutes=args.aht, occupancy=args.occupancy,
        shrinkage=args.shrinkage, hours_of_operation=args.hours, term_months=args.term_months,
        paid_hours_per_fte_month=args.paid_hours,
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``export`` and ``compare`` to the CLI."""
    from analyzer.cli import add_limit_options

    export = subparsers.add_parser(
        "export", help="analyse a contract and write XLSX, CSV, JSON, a DOCX memo or comments"
    )
    export.add_argument("file", type=Path)
    export.add_argument("--to", choices=FORMATS, required=True, dest="to")
    export.add_argument("--out", type=Path, default=None,
                        help="output path (default: next to the input with a suffix)")
    export.add_argument("--decisions", type=Path, default=None,
                        help="reviewer decisions JSON (saved from the review page)")
    export.add_argument("--include-notes", action="store_true",
                        help="put reviewer notes into DOCX comments (they are internal)")
    export.add_argument("--rules", type=Path, default=None, help="folder of rule packs")
    export.add_argument("--model-dir", type=Path, default=None, help="classifier folder")
    add_scenario_options(export)
    add_limit_options(export)
    export.set_defaults(func=run_export)

    compare = subparsers.add_parser(
        "compare", help="compare 2 to 5 bids under a volume scenario"
    )
    compare.add_argument("files", nargs="+", type=Path)
    compare.add_argument("--format", choices=("table", "json"), default="table")
    compare.add_argument("--out", type=Path, default=None, help="also write an XLSX workbook")
    compare.add_argument("--rules", type=Path, default=None, help="folder of rule packs")
    compare.add_argument("--model-dir", type=Path, default=None, help="classifier folder")
    add_scenario_options(compare)
    add_limit_options(compare)
    compare.set_defaults(func=run_compare)


def run_export(args: argparse.Namespace) -> int:
    """Analyse one file and write the chosen export."""
    from analyzer.cli import load_analyzer
    from analyzer.decisions import load_decisions

    try:
        scenario = scenario_from(args)
        decisions = load_decisions(args.decisions) if args.decisions else None
    except (ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.to == "docx" and args.file.suffix.lower() != ".docx":
        print(f"error: {args.file}: Word comments need a .docx original; "
              "use --to memo or --to xlsx for a PDF", file=sys.stderr)
        return EXIT_USAGE
    result = load_analyzer(args).analyze(args.file)
    out = args.out or args.file.with_suffix(DEFAULT_SUFFIX[args.to])
    write_export(result, args.to, out, decisions, scenario, args.file, args.include_notes)
    print(f"wrote {out}", file=sys.stderr)
    return 0


def write_export(result, to: str, out: Path, decisions=None, scenario=None,
                 source: Path | None = None, include_notes: bool = False) -> Path:
    """Write one export of an analysed document (shared by the CLI and tests)."""
    if to == "xlsx":
        from analyzer.export.xlsx import export_xlsx

        return export_xlsx(result, out, decisions, scenario)
    if to == "csv":
        from analyzer.export.csv import export_csv

        return export_csv(result, out, decisions)
    if to == "json":
        from analyzer.export.json import export_json

        return export_json(result, out, decisions)
    if to == "memo":
        from analyzer.export.docx_memo import export_memo

        return export_memo(result, out, decisions)
    from analyzer.export.docx_comments import annotate_docx

    annotate_docx(result, source or Path(result.document.source.path), out, decisions,
                  include_notes)
    return out


def run_compare(args: argparse.Namespace) -> int:
    """Analyse 2 to 5 bids and print (and optionally save) their comparison."""
    from analyzer.cli import load_analyzer
    from analyzer.compare import compare_bids

    if not 2 <= len(args.files) <= 5:
        print(f"error: compare needs 2 to 5 files, got {len(args.files)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        scenario = scenario_from(args)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    engine = load_analyzer(args)
    results, exit_code = [], 0
    for file_result in engine.analyze_many(args.files):
        if file_result.result is None:
            message = file_result.error.message if file_result.error else file_result.path
            print(f"error: {message}", file=sys.stderr)
            exit_code = exit_code or (file_result.error.exit_code if file_result.error else 1)
        else:
            results.append(file_result.result)
    if len(results) < 2:
        print("error: fewer than two bids could be read; nothing to compare", file=sys.stderr)
        return exit_code or EXIT_USAGE
    comparison = compare_bids(results, scenario)
    if args.format == "json":
        from analyzer.export.json import comparison_to_json

        sys.stdout.write(json.dumps(comparison_to_json(comparison), indent=2) + "\n")
    else:
        sys.stdout.write(comparison_text(comparison))
    if args.out:
        from analyzer.export.xlsx import export_comparison_xlsx

        export_comparison_xlsx(comparison, args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    return exit_code


def comparison_text(comparison) -> str:
    """Render a comparison as plain-text tables for a terminal."""
    import pandas as pd

    from analyzer.export import tables

    def block(title: str, frame: pd.DataFrame) -> str:
        with pd.option_context("display.width", 160, "display.max_columns", 30,
                               "display.max_colwidth", 60, "display.float_format",
                               "{:,.2f}".format):
            body = frame.to_string(index=False) if not frame.empty else "(none)"
        return f"\n== {title}\n{body}\n"

    costs = tables.costs_frame(comparison).drop(columns=["notes"])
    out = "== Assumptions\n" + "\n".join(f"- {a}" for a in comparison.assumptions) + "\n"
    out += block("Cost per bid", costs)
    out += block("Sensitivity (term cost)", tables.sensitivity_frame(comparison))
    rates = tables.rates_frame(comparison).drop(columns=["quote"])
    out += block("Rates in common units", rates)
    ledger = tables.ledger_frame(comparison).drop(columns=["quote"])
    out += block("Hidden-cost ledger", ledger)
    out += block("KPI commitments (target / window, completeness)",
                 tables.kpi_matrix_frame(comparison))
    out += block("Who is responsible (obligations by topic)", tables.raci_frame(comparison))
    out += block("Flags by category", tables.flag_matrix_frame(comparison))
    for cost in comparison.costs:
        out += f"\n{cost.bid}: " + " ".join(cost.notes)
    return out + "\n"
