"""Tables (pandas DataFrames) built once from results, shared by CSV, XLSX and the UI.

One findings table feeds the CSV, the XLSX "Flags" sheet and the review page, so the three
can never disagree about a flag, its key or the reviewer's decision.
"""

from __future__ import annotations

import pandas as pd

from analyzer.compare import Comparison, kpi_completeness
from analyzer.decisions import DecisionSet, decisions_for, flag_keys
from analyzer.lexicon.kpi import KPI_ELEMENTS
from analyzer.types import AnalysisResult, ClauseType

FINDING_COLUMNS = (
    "flag_key", "category", "severity", "rule_id", "scope", "clause_id", "clause_number",
    "clause_heading", "clause_type", "page", "quote", "message", "recommendation",
    "decision", "note", "rule_precision", "explanation",
)
# The KPI table's element columns: the completeness elements, named as in the report.
KPI_COLUMNS = tuple(e.value for e in KPI_ELEMENTS)


def clause_types(result: AnalysisResult) -> dict[str, ClauseType]:
    """Return clause id -> predicted type."""
    return {c.clause_id: c.label for c in result.classifications}


def findings_frame(result: AnalysisResult, decisions: DecisionSet | None = None) -> pd.DataFrame:
    """Return one row per flag with its clause, quote, page and the reviewer's decision."""
    types = clause_types(result)
    clauses = {c.id: c for c in result.document.clauses}
    rows = []
    for finding, key, decision in zip(
        result.findings, flag_keys(result), decisions_for(result, decisions)
    ):
        clause = clauses.get(finding.clause_id or "")
        ctype = types.get(finding.clause_id or "")
        rows.append(
            {
                "flag_key": key,
                "category": finding.category.value,
                "severity": finding.severity.value,
                "rule_id": finding.rule_id,
                "scope": finding.scope,
                "clause_id": finding.clause_id or "",
                "clause_number": (clause.number or "") if clause else "",
                "clause_heading": (clause.heading or "") if clause else "",
                "clause_type": ctype.value if ctype else "",
                "page": finding.page,
                "quote": finding.quote,
                "message": finding.message,
                "recommendation": finding.recommendation,
                "decision": decision.status.value,
                "note": decision.note,
                "rule_precision": finding.precision.describe() if finding.precision else "",
                "explanation": "; ".join(f"{k}: {v}" for k, v in finding.explanation),
            }
        )
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    frame["page"] = frame["page"].astype("Int64")
    return frame


def clauses_frame(result: AnalysisResult) -> pd.DataFrame:
    """Return one row per clause: type, confidence, provisions inside it, pages, flag count."""
    by_id = {c.clause_id: c for c in result.classifications}
    flags: dict[str, int] = {}
    for f in result.findings:
        if f.clause_id:
            flags[f.clause_id] = flags.get(f.clause_id, 0) + 1
    rows = []
    for clause in result.document.clauses:
        cls = by_id.get(clause.id)
        rows.append(
            {
                "clause_id": clause.id,
                "number": clause.number or "",
                "heading": clause.heading or "",
                "type": cls.label.value if cls else "",
                "confidence": round(cls.score, 3) if cls else None,
                "provisions": ", ".join(p.type.value for p in cls.provisions) if cls else "",
                "page": clause.page_start,
                "page_end": clause.page_end,
                "level": clause.level,
                "flags": flags.get(clause.id, 0),
                "text": clause.text,
            }
        )
    return pd.DataFrame(
        rows,
        columns=["clause_id", "number", "heading", "type", "confidence", "provisions", "page",
                 "page_end", "level", "flags", "text"],
    )


def pricing_frame(result: AnalysisResult) -> pd.DataFrame:
    """Return the priced items as the document states them."""
    rows = [
        {
            "item": r.item, "amount": r.amount, "currency": r.currency or "",
            "unit": r.unit.value, "kind": r.kind, "condition": r.condition or "",
            "clause_id": r.clause_id or "", "page": r.page, "quote": r.quote,
        }
        for r in result.extraction.rates
    ]
    return pd.DataFrame(
        rows,
        columns=["item", "amount", "currency", "unit", "kind", "condition", "clause_id", "page",
                 "quote"],
    )


def kpis_frame(result: AnalysisResult) -> pd.DataFrame:
    """Return the KPIs with every completeness field and the share present."""
    rows = []
    for k in result.extraction.kpis:
        share, missing = kpi_completeness(k)
        rows.append(
            {
                "metric": k.metric, **{e.value: getattr(k, e) for e in KPI_ELEMENTS},
                "completeness": round(share, 2),
                "missing": ", ".join(missing), "clause_id": k.clause_id or "", "page": k.page,
                "quote": k.quote,
            }
        )
    return pd.DataFrame(
        rows,
        columns=["metric", *KPI_COLUMNS, "completeness", "missing", "clause_id", "page", "quote"],
    )


def obligations_frame(result: AnalysisResult) -> pd.DataFrame:
    """Return who must do what; a passive duty shows '(nobody named)'."""
    rows = [
        {
            "party": o.party or "(nobody named)", "modal": o.modal, "action": o.action,
            "passive": o.passive, "joint": o.joint, "clause_id": o.clause_id, "page": o.page,
            "quote": o.quote,
        }
        for o in result.extraction.obligations
    ]
    return pd.DataFrame(
        rows, columns=["party", "modal", "action", "passive", "joint", "clause_id", "page", "quote"]
    )


# --------------------------------------------------------------------------- comparison


def costs_frame(comparison: Comparison) -> pd.DataFrame:
    """Return one row per bid: headline, monthly and term cost, cost per contact."""
    rows = [
        {
            "bid": c.bid, "currency": c.currency or "", "headline": c.headline_item or "",
            "headline_unit": c.headline_unit.value if c.headline_unit else "",
            "base_monthly": c.base_monthly, "recurring_fees_monthly": c.addons_monthly,
            "monthly_minimum": c.minimum_monthly, "monthly_year1": c.monthly_year1,
            "one_time": c.one_time_total, "escalator_pct": c.escalator_pct,
            "term_cost": c.term_cost, "average_monthly": c.average_monthly,
            "cost_per_contact": c.cost_per_contact, "notes": " ".join(c.notes),
        }
        for c in comparison.costs
    ]
    return pd.DataFrame(rows)


def rates_frame(comparison: Comparison) -> pd.DataFrame:
    """Return every priced item of every bid in the common units."""
    rows = [
        {
            "bid": r.bid, "item": r.item, "role": r.role, "amount": r.amount,
            "currency": r.currency or "", "unit": r.unit.value,
            "per_productive_hour": r.per_productive_hour,
            "per_handled_minute": r.per_handled_minute, "per_contact": r.per_contact,
            "monthly_cost": r.monthly_cost, "page": r.page, "quote": r.quote,
        }
        for r in comparison.rates
    ]
    return pd.DataFrame(
        rows,
        columns=["bid", "item", "role", "amount", "currency", "unit", "per_productive_hour",
                 "per_handled_minute", "per_contact", "monthly_cost", "page", "quote"],
    )


def sensitivity_frame(comparison: Comparison) -> pd.DataFrame:
    """Return term cost per bid (rows) and case (columns)."""
    rows = [
        {"bid": s.bid, "case": s.case, "term_cost": s.term_cost} for s in comparison.sensitivity
    ]
    frame = pd.DataFrame(rows, columns=["bid", "case", "term_cost"])
    if frame.empty:
        return frame
    cases = list(dict.fromkeys(frame["case"]))
    table = frame.pivot(index="bid", columns="case", values="term_cost")[cases]
    return table.reindex(list(comparison.bids)).reset_index()


def ledger_frame(comparison: Comparison) -> pd.DataFrame:
    """Return the hidden-cost ledger of every bid."""
    rows = [
        {
            "bid": e.bid, "item": e.item, "status": e.status, "amount": e.amount,
            "currency": e.currency or "", "unit": e.unit or "",
            "monthly_estimate": e.monthly_estimate, "in_total": e.in_total, "source": e.source,
            "clause": e.clause_label, "page": e.page, "quote": e.quote,
        }
        for e in comparison.ledger
    ]
    return pd.DataFrame(
        rows,
        columns=["bid", "item", "status", "amount", "currency", "unit", "monthly_estimate",
                 "in_total", "source", "clause", "page", "quote"],
    )


def kpi_matrix_frame(comparison: Comparison) -> pd.DataFrame:
    """Return metric (rows) x bid (columns): the target and completeness, or 'not committed'."""
    labels: dict[str, str] = {}
    cells: dict[tuple[str, str], list[str]] = {}
    for k in comparison.kpis:
        labels.setdefault(k.metric_key, k.metric_label)
        text = f"{k.target or 'no target'} / {k.window or 'no window'} ({k.completeness:.0%})"
        cells.setdefault((k.metric_key, k.bid), []).append(text)
    rows = []
    for key, label in labels.items():
        row = {"metric": label}
        for bid in comparison.bids:
            row[bid] = "; ".join(cells.get((key, bid), [])) or "not committed"
        rows.append(row)
    return pd.DataFrame(rows, columns=["metric", *comparison.bids])


def kpi_commitments_frame(comparison: Comparison) -> pd.DataFrame:
    """Return every KPI commitment of every bid with what it is missing."""
    rows = [
        {
            "bid": k.bid, "metric": k.metric_label, "as_written": k.metric, "target": k.target,
            "window": k.window, "remedy": k.remedy, "completeness": round(k.completeness, 2),
            "missing": ", ".join(k.missing), "page": k.page, "quote": k.quote,
        }
        for k in comparison.kpis
    ]
    return pd.DataFrame(
        rows,
        columns=["bid", "metric", "as_written", "target", "window", "remedy", "completeness",
                 "missing", "page", "quote"],
    )


def raci_frame(comparison: Comparison) -> pd.DataFrame:
    """Return topic (rows) x bid (columns): who carries the duties, unassigned ones counted."""
    summary: dict[tuple[str, str], dict[str, int]] = {}
    for e in comparison.raci:
        label = e.party if e.role in ("R", "right") else f"{e.party} [{e.role}]"
        if e.role == "right":
            label = f"{e.party} [right]"
        bucket = summary.setdefault((e.topic, e.bid), {})
        bucket[label] = bucket.get(label, 0) + 1
    topics = sorted({t for t, _ in summary})
    rows = []
    for topic in topics:
        row = {"topic": topic}
        for bid in comparison.bids:
            bucket = summary.get((topic, bid), {})
            row[bid] = "; ".join(f"{p} x{n}" for p, n in sorted(bucket.items())) or "-"
        rows.append(row)
    return pd.DataFrame(rows, columns=["topic", *comparison.bids])


def raci_detail_frame(comparison: Comparison) -> pd.DataFrame:
    """Return every responsibility entry of every bid."""
    rows = [
        {
            "bid": e.bid, "topic": e.topic, "party": e.party, "role": e.role, "modal": e.modal,
            "action": e.action, "clause": e.clause_label, "page": e.page, "quote": e.quote,
        }
        for e in comparison.raci
    ]
    return pd.DataFrame(
        rows,
        columns=["bid", "topic", "party", "role", "modal", "action", "clause", "page", "quote"],
    )


def flag_matrix_frame(comparison: Comparison) -> pd.DataFrame:
    """Return category (rows) x bid (columns): number of flags and the worst severity."""
    rows: dict[str, dict[str, object]] = {}
    for cell in comparison.flags:
        row = rows.setdefault(cell.category.value, {"category": cell.category.value})
        row[cell.bid] = f"{cell.count} ({cell.worst.value})" if cell.count and cell.worst else "0"
    return pd.DataFrame(list(rows.values()), columns=["category", *comparison.bids])


def flag_counts_frame(comparison: Comparison) -> pd.DataFrame:
    """Return category (rows) x bid (columns) flag counts as numbers, for charts."""
    rows: dict[str, dict[str, object]] = {}
    for cell in comparison.flags:
        rows.setdefault(cell.category.value, {"category": cell.category.value})[cell.bid] = (
            cell.count
        )
    return pd.DataFrame(list(rows.values()), columns=["category", *comparison.bids])


def assumptions_frame(comparison: Comparison) -> pd.DataFrame:
    """Return the scenario inputs and the assumptions as rows."""
    s = comparison.scenario
    inputs = [
        ("contacts per month", s.contacts_per_month),
        ("average handle time (minutes)", s.aht_minutes),
        ("occupancy", s.occupancy),
        ("shrinkage", s.shrinkage),
        ("hours of operation per month", s.hours_of_operation),
        ("term (months)", s.term_months),
        ("paid hours per FTE-month", s.paid_hours_per_fte_month),
    ]
    rows = [{"assumption": k, "value": str(v)} for k, v in inputs]
    rows += [{"assumption": "note", "value": text} for text in comparison.assumptions]
    return pd.DataFrame(rows, columns=["assumption", "value"])
