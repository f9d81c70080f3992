"""Serialise analysis results to the stable JSON report.

The only place where dataclasses become dicts, so the schema in
``schemas/report.schema.json`` has one implementation. Bump ``SCHEMA_VERSION`` on any
change a consumer could notice: minor for added keys, major for removed or renamed ones.
"""

from __future__ import annotations

from typing import Any

from analyzer.types import (
    AnalysisResult,
    Classification,
    Clause,
    Document,
    FileResult,
    Finding,
    Kpi,
    Obligation,
    Provision,
    RateItem,
    Reference,
    RulePrecision,
    Table,
)

SCHEMA_VERSION = "1.4"  # 1.1: service_credit_exposure; 1.2: clause provisions; 1.3: contract profile; 1.4: flag precision


def _clause(clause: Clause, label: Classification | None) -> dict[str, Any]:
    return {
        "id": clause.id,
        "number": clause.number,
        "heading": clause.heading,
        "own_heading": clause.own_heading,
        "level": clause.level,
        "parent_id": clause.parent_id,
        "text": clause.text,
        "page": clause.page_start,
        "page_end": clause.page_end,
        "start": clause.start,
        "end": clause.end,
        "type": str(label.label) if label else None,
        "confidence": round(label.score, 4) if label else None,
        "alternatives": [[str(t), round(s, 4)] for t, s in label.alternatives] if label else [],
        "provisions": [_provision(p, clause) for p in label.provisions] if label else [],
    }


def _provision(provision: Provision, clause: Clause) -> dict[str, Any]:
    return {
        "type": str(provision.type),
        "score": round(provision.score, 4),
        "start": provision.start,
        "end": provision.end,
        "quote": clause.text[provision.start - clause.start:provision.end - clause.start],
    }


def _document(document: Document) -> dict[str, Any]:
    source = document.source
    return {
        "name": source.name,
        "sha256": source.sha256,
        "format": str(source.file_format),
        "size_bytes": source.size_bytes,
        "page_count": source.page_count,
        "title": document.title,
        "parties": list(document.parties),
        "contract_type": str(document.profile.contract_type),
        "customer": document.profile.customer,
        "vendor": document.profile.vendor,
        "customer_name": document.profile.customer_name,
        "vendor_name": document.profile.vendor_name,
        "profile_evidence": list(document.profile.evidence),
        "dates": list(document.dates),
        "clause_count": len(document.clauses),
        "table_count": len(document.tables),
    }


def _flag(finding: Finding) -> dict[str, Any]:
    first = finding.evidence[0] if finding.evidence else None
    return {
        "rule_id": finding.rule_id,
        "category": str(finding.category),
        "severity": str(finding.severity),
        "scope": finding.scope,
        "clause_id": finding.clause_id,
        "quote": first.quote if first else "",
        "page": first.page if first else None,
        "start": first.start if first else None,
        "end": first.end if first else None,
        "message": finding.message,
        "recommendation": finding.recommendation,
        "merged_rule_ids": list(finding.merged_rule_ids),
        "evidence": [
            {
                "clause_id": e.clause_id,
                "quote": e.quote,
                "start": e.start,
                "end": e.end,
                "page": e.page,
                "matched": e.matched,
            }
            for e in finding.evidence
        ],
        "explanation": dict(finding.explanation),
        "precision": _precision(finding.precision),
    }


def _precision(precision: RulePrecision | None) -> dict[str, Any] | None:
    if precision is None:
        return None
    return {
        "right": precision.right,
        "raised": precision.raised,
        "share": round(precision.share, 3),
        "documents": precision.documents,
        "summary": precision.describe(),
    }


def _rate(rate: RateItem) -> dict[str, Any]:
    return {
        "item": rate.item,
        "amount": rate.amount,
        "currency": rate.currency,
        "unit": str(rate.unit),
        "kind": rate.kind,
        "condition": rate.condition,
        "quote": rate.quote,
        "clause_id": rate.clause_id,
        "page": rate.page,
        "start": rate.start,
        "end": rate.end,
    }


def _kpi(kpi: Kpi) -> dict[str, Any]:
    return {
        "metric": kpi.metric,
        "target": kpi.target,
        "threshold": kpi.threshold,
        "window": kpi.window,
        "data_source": kpi.data_source,
        "reporting": kpi.reporting,
        "remedy": kpi.remedy,
        "cap": kpi.cap,
        "missing": list(kpi.missing),
        "quote": kpi.quote,
        "clause_id": kpi.clause_id,
        "page": kpi.page,
        "start": kpi.start,
        "end": kpi.end,
    }


def _obligation(obligation: Obligation) -> dict[str, Any]:
    return {
        "party": obligation.party,
        "modal": obligation.modal,
        "action": obligation.action,
        "passive": obligation.passive,
        "joint": obligation.joint,
        "quote": obligation.quote,
        "clause_id": obligation.clause_id,
        "page": obligation.page,
        "start": obligation.start,
        "end": obligation.end,
    }


def _reference(reference: Reference) -> dict[str, Any]:
    return {
        "label": reference.label,
        "present": reference.present,
        "quote": reference.quote,
        "clause_id": reference.clause_id,
        "page": reference.page,
        "start": reference.start,
        "end": reference.end,
    }


def _table(table: Table) -> dict[str, Any]:
    return {
        "index": table.index,
        "page": table.page,
        "page_end": table.page_end,
        "clause_id": table.clause_id,
        "rows": [list(row) for row in table.rows],
    }


def to_report(result: AnalysisResult) -> dict[str, Any]:
    """Return the JSON-ready report of one analysed document.

    Args:
        result: the analysis of one document.

    Returns:
        A dict following ``schemas/report.schema.json``.
    """
    by_clause = {c.clause_id: c for c in result.classifications}
    risk = result.risk
    return {
        "schema_version": SCHEMA_VERSION,
        "document": _document(result.document),
        "clauses": [_clause(c, by_clause.get(c.id)) for c in result.document.clauses],
        "flags": [_flag(f) for f in result.findings],
        "pricing": [_rate(r) for r in result.extraction.rates],
        "kpis": [_kpi(k) for k in result.extraction.kpis],
        "service_credit_exposure": result.extraction.service_credit_exposure,
        "obligations": [_obligation(o) for o in result.extraction.obligations],
        "references": [_reference(r) for r in result.extraction.references],
        "tables": [_table(t) for t in result.document.tables],
        "risk": (
            {
                "score": risk.score,
                "level": risk.level,
                "counts_by_category": dict(risk.counts_by_category),
                "counts_by_severity": dict(risk.counts_by_severity),
                "method": risk.method,
            }
            if risk
            else None
        ),
        "missing_types": [str(t) for t in result.missing_types],
        "versions": dict(result.versions),
        "warnings": list(result.document.warnings),
    }


def parse_report(document: Document) -> dict[str, Any]:
    """Return the report of a parsed-only document (the ``parse`` command).

    Args:
        document: a segmented document, not yet classified.

    Returns:
        A dict with ``schema_version``, ``document``, ``clauses`` and ``tables``.
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "document": _document(document),
        "clauses": [_clause(c, None) for c in document.clauses],
        "tables": [_table(t) for t in document.tables],
        "warnings": list(document.warnings),
    }


def failure_report(file_result: FileResult) -> dict[str, Any]:
    """Return the JSON line of a file that failed in a batch, so no file is silently lost."""
    error = file_result.error
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {"name": file_result.path},
        "error": {
            "code": error.code if error else "unknown",
            "exit_code": error.exit_code if error else 1,
            "message": error.message if error else "",
        },
    }
