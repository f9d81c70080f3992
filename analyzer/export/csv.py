"""CSV export: the findings table, one row per flag, with the reviewer's decisions.

Written with a UTF-8 byte-order mark so Excel opens accented party names correctly.
"""

from __future__ import annotations

from pathlib import Path

from analyzer.decisions import DecisionSet
from analyzer.export.tables import findings_frame
from analyzer.types import AnalysisResult


def csv_bytes(result: AnalysisResult, decisions: DecisionSet | None = None) -> bytes:
    """Return the findings CSV as bytes."""
    return findings_frame(result, decisions).to_csv(index=False).encode("utf-8-sig")


def export_csv(
    result: AnalysisResult, path: str | Path, decisions: DecisionSet | None = None
) -> Path:
    """Write the findings CSV and return its path."""
    path = Path(path)
    path.write_bytes(csv_bytes(result, decisions))
    return path
