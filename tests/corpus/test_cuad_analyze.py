"""The whole analysis on real outsourcing and service agreements: no crash, sane output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer.pipeline import Analyzer
from analyzer.types import FileStatus

pytestmark = pytest.mark.corpus

SERVICE_NAMES = re.compile(r"outsourc|service", re.IGNORECASE)


@pytest.fixture(scope="module")
def engine() -> Analyzer:
    return Analyzer.load()


def test_cuad_service_agreements_analyse_without_internal_errors(cuad_dir: Path, engine: Analyzer) -> None:
    files = sorted(p for p in (cuad_dir / "pdf").glob("*.pdf") if SERVICE_NAMES.search(p.name))
    assert len(files) >= 20
    results = list(engine.analyze_many(files))
    internal = [r for r in results if r.error and r.error.code == "internal"]
    assert internal == [], [r.error.message for r in internal]
    ok = [r for r in results if r.status is not FileStatus.FAILED]
    assert len(ok) >= 0.95 * len(files)
    for file_result in ok:
        result = file_result.result
        assert result is not None
        assert len(result.classifications) == len(result.document.clauses)
        for finding in result.findings:
            for evidence in finding.evidence:
                assert result.document.text[evidence.start:evidence.end] == evidence.quote
