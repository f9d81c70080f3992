"""JSON export: the stable report of ``analyzer.report`` plus the reviewer's decisions.

Decisions go under a top-level ``review`` key, aligned with ``flags`` by index and carrying
the stable flag key, so the report's own keys stay exactly as ``schemas/`` defines them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from analyzer.decisions import DecisionSet, decisions_for, flag_keys
from analyzer.types import AnalysisResult


def review_section(result: AnalysisResult, decisions: DecisionSet | None) -> list[dict[str, Any]]:
    """Return one entry per flag: its index, stable key, decision and note."""
    return [
        {
            "flag_index": i,
            "flag_key": key,
            "rule_id": finding.rule_id,
            "decision": decision.status.value,
            "note": decision.note,
        }
        for i, (finding, key, decision) in enumerate(
            zip(result.findings, flag_keys(result), decisions_for(result, decisions))
        )
    ]


def to_json_report(result: AnalysisResult, decisions: DecisionSet | None = None) -> dict[str, Any]:
    """Return the JSON report with the ``review`` section added."""
    from analyzer.report import to_report

    report = to_report(result)
    report["review"] = review_section(result, decisions)
    return report


def export_json(
    result: AnalysisResult, path: str | Path, decisions: DecisionSet | None = None
) -> Path:
    """Write the JSON report (UTF-8, indented) and return its path."""
    path = Path(path)
    path.write_text(
        json.dumps(to_json_report(result, decisions), indent=2, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def json_bytes(result: AnalysisResult, decisions: DecisionSet | None = None) -> bytes:
    """Return the JSON report as bytes (for a download button)."""
    return json.dumps(to_json_report(result, decisions), indent=2, ensure_ascii=False).encode()


def comparison_to_json(comparison: Any) -> dict[str, Any]:
    """Return a bid comparison as JSON-ready data (the ``compare --format json`` output)."""
    from dataclasses import asdict

    data = asdict(comparison)
    data["scenario"]["derived"] = {
        "handled_minutes": comparison.scenario.handled_minutes,
        "workload_hours": comparison.scenario.workload_hours,
        "productive_hours": comparison.scenario.productive_hours,
        "productive_hours_per_fte": comparison.scenario.productive_hours_per_fte,
        "fte": comparison.scenario.fte,
    }
    return json.loads(json.dumps(data, default=str))
