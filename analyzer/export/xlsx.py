"""XLSX export: one workbook a negotiator can filter, annotate and send on.

Sheets for one contract: Summary, Flags (with the reviewer's decisions and a drop-down to
change them), Clauses, Pricing, KPIs, Obligations and Comparison (its rates normalised under
a volume scenario). A bid comparison gets its own workbook (``export_comparison_xlsx``).
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pandas as pd

from analyzer.compare import (
    Comparison,
    VolumeScenario,
    classify_rates,
    cost_bid,
    normalise_rate,
)
from analyzer.decisions import DecisionSet
from analyzer.export import tables
from analyzer.types import AnalysisResult

MAX_WIDTH = 60
WRAP_COLUMNS = {"quote", "message", "recommendation", "text", "note", "notes", "value",
                "explanation", "item", "action"}


def summary_frame(result: AnalysisResult) -> pd.DataFrame:
    """Return the document facts and risk summary as label/value rows."""
    doc = result.document
    rows = [
        ("document", doc.source.name),
        ("title", doc.title or ""),
        ("parties", "; ".join(doc.parties)),
        ("dates", "; ".join(doc.dates)),
        ("pages", doc.source.page_count),
        ("clauses", len(doc.clauses)),
        ("flags", len(result.findings)),
    ]
    if result.risk:
        rows += [
            ("risk level", result.risk.level),
            ("risk score", result.risk.score),
            ("risk method", result.risk.method),
        ]
        rows += [(f"flags: {k}", v) for k, v in result.risk.counts_by_category]
        rows += [(f"severity: {k}", v) for k, v in result.risk.counts_by_severity]
    rows.append(("expected clause types missing",
                 ", ".join(t.value for t in result.missing_types) or "none"))
    rows += [(f"version: {k}", v) for k, v in result.versions]
    rows += [("warning", w) for w in doc.warnings]
    return pd.DataFrame(rows, columns=["field", "value"]).astype({"value": str})


def single_comparison_frames(
    result: AnalysisResult, scenario: VolumeScenario
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (cost summary, normalised rates) of one document under the scenario."""
    name = result.document.source.name
    rates = result.extraction.rates
    cost = cost_bid(name, rates, scenario)
    roles = classify_rates(rates)
    comparison = Comparison(
        scenario=scenario, bids=(name,), costs=(cost,),
        rates=tuple(replace(normalise_rate(r, scenario, name), role=role)
                    for r, role in zip(rates, roles)),
        sensitivity=(), ledger=(), kpis=(), raci=(), flags=(),
        assumptions=scenario.describe(),
    )
    return tables.costs_frame(comparison), tables.rates_frame(comparison)


def _format(writer: pd.ExcelWriter, sheet: str, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = writer.sheets[sheet]
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    ws.freeze_panes = "A2"
    if len(frame.columns):
        ws.auto_filter.ref = ws.dimensions
    for i, column in enumerate(frame.columns, start=1):
        values = [str(column)] + [str(v) for v in frame[column].head(200).tolist()]
        width = min(MAX_WIDTH, max(len(v) for v in values) + 2)
        letter = ws.cell(row=1, column=i).column_letter
        ws.column_dimensions[letter].width = max(width, 8)
        if str(column) in WRAP_COLUMNS or str(column) in ("as_written",):
            for row in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                for cell in row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _write(writer: pd.ExcelWriter, sheet: str, frame: pd.DataFrame, start_row: int = 0) -> None:
    frame.to_excel(writer, sheet_name=sheet, index=False, startrow=start_row)
    if start_row == 0:
        _format(writer, sheet, frame)


def _decision_dropdown(writer: pd.ExcelWriter, frame: pd.DataFrame) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if frame.empty:
        return
    ws = writer.sheets["Flags"]
    col = list(frame.columns).index("decision") + 1
    letter = ws.cell(row=1, column=col).column_letter
    validation = DataValidation(type="list", formula1='"open,accepted,dismissed"', allow_blank=True)
    ws.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{len(frame) + 1}")


def write_xlsx(
    result: AnalysisResult,
    target: str | Path | io.BytesIO,
    decisions: DecisionSet | None = None,
    scenario: VolumeScenario | None = None,
) -> None:
    """Write the single-contract workbook to a path or a buffer."""
    scenario = scenario or VolumeScenario()
    flags = tables.findings_frame(result, decisions)
    costs, rates = single_comparison_frames(result, scenario)
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        _write(writer, "Summary", summary_frame(result))
        _write(writer, "Flags", flags)
        _decision_dropdown(writer, flags)
        _write(writer, "Clauses", tables.clauses_frame(result))
        _write(writer, "Pricing", tables.pricing_frame(result))
        _write(writer, "KPIs", tables.kpis_frame(result))
        _write(writer, "Obligations", tables.obligations_frame(result))
        _write(writer, "Comparison", rates)
        notes = pd.DataFrame({"assumption": list(scenario.describe())})
        costs.to_excel(writer, sheet_name="Comparison", index=False, startrow=len(rates) + 2)
        notes.to_excel(writer, sheet_name="Comparison", index=False,
                       startrow=len(rates) + len(costs) + 5)


def export_xlsx(
    result: AnalysisResult,
    path: str | Path,
    decisions: DecisionSet | None = None,
    scenario: VolumeScenario | None = None,
) -> Path:
    """Write the single-contract workbook and return its path."""
    write_xlsx(result, Path(path), decisions, scenario)
    return Path(path)


def xlsx_bytes(
    result: AnalysisResult,
    decisions: DecisionSet | None = None,
    scenario: VolumeScenario | None = None,
) -> bytes:
    """Return the single-contract workbook as bytes (for a download button)."""
    buffer = io.BytesIO()
    write_xlsx(result, buffer, decisions, scenario)
    return buffer.getvalue()


def write_comparison_xlsx(comparison: Comparison, target: str | Path | io.BytesIO) -> None:
    """Write the bid-comparison workbook: costs, rates, sensitivity, extras, KPIs, RACI."""
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        _write(writer, "Costs", tables.costs_frame(comparison))
        _write(writer, "Assumptions", tables.assumptions_frame(comparison))
        _write(writer, "Rates", tables.rates_frame(comparison))
        _write(writer, "Sensitivity", tables.sensitivity_frame(comparison))
        _write(writer, "Hidden costs", tables.ledger_frame(comparison))
        _write(writer, "KPIs", tables.kpi_matrix_frame(comparison))
        _write(writer, "KPI detail", tables.kpi_commitments_frame(comparison))
        _write(writer, "Responsibilities", tables.raci_frame(comparison))
        _write(writer, "Flags by bid", tables.flag_matrix_frame(comparison))


def export_comparison_xlsx(comparison: Comparison, path: str | Path) -> Path:
    """Write the bid-comparison workbook and return its path."""
    write_comparison_xlsx(comparison, Path(path))
    return Path(path)


def comparison_xlsx_bytes(comparison: Comparison) -> bytes:
    """Return the bid-comparison workbook as bytes."""
    buffer = io.BytesIO()
    write_comparison_xlsx(comparison, buffer)
    return buffer.getvalue()
