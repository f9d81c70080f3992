"""Golden reports: the JSON report of every project-owned fictional document, kept equal.

Refactors must not change what the analyzer says. Each document under ``eval/`` and
``examples/`` has its report committed in ``tests/golden/`` (indented JSON, floats rounded,
so a diff is readable); ``ANALYZER_REGEN_GOLDEN=1`` rewrites them, and
``test_golden_regen_flag_is_off`` fails if that flag is left on (Docling's habit).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from analyzer.pipeline import Analyzer
from analyzer.report import to_report

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("ANALYZER_REGEN_GOLDEN", "") not in ("", "0")
DOCUMENTS = sorted(
    p for p in [*ROOT.glob("eval/*/*"), *ROOT.glob("examples/*")]
    if p.suffix.lower() in {".pdf", ".docx"}
)
# Versions change with every model or rule release and say nothing about behaviour.
VOLATILE = ("versions",)


def _golden_path(document: Path) -> Path:
    return GOLDEN / f"{document.parent.name}__{document.stem}.json"


def _stable(value: Any) -> Any:
    """Round floats so that last-bit noise between BLAS builds is no diff."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def golden_report(analyzer: Analyzer, document: Path) -> dict[str, Any]:
    """Return the comparable report of ``document``: volatile keys dropped, floats rounded."""
    report = to_report(analyzer.analyze(document))
    for key in VOLATILE:
        report.pop(key, None)
    return _stable(report)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def test_golden_documents_found() -> None:
    assert len(DOCUMENTS) >= 18, DOCUMENTS


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_report_unchanged(analyzer: Analyzer, document: Path) -> None:
    actual = golden_report(analyzer, document)
    path = _golden_path(document)
    if REGEN:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    for key in expected:
        assert actual.get(key) == expected[key], f"{path.name}: '{key}' differs from the golden report"
    assert actual.keys() == expected.keys()


def test_golden_regen_flag_is_off() -> None:
    assert not REGEN, "ANALYZER_REGEN_GOLDEN is set: golden reports were rewritten, unset it"
