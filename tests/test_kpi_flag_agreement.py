"""The report and the flags agree on every KPI: a KPI the extractor reports without its
measurement window or remedy carries a ``missing_kpi.incomplete_kpi`` note (on its own flag
or merged into the section's covering flag), and every note names such a KPI. The KPI
extractor owns completeness (``Kpi.missing``); the rule only reads it. Checked over the
eval sets, the example and the shared samples (skipped when absent)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from analyzer.lexicon.kpi import KpiElement
from analyzer.pipeline import Analyzer
from analyzer.rules.conditions import NoParams, is_amendment
from analyzer.types import AnalysisResult

ROOT = Path(__file__).resolve().parent.parent
RULE = "missing_kpi.incomplete_kpi"
SUFFIXES = {".pdf", ".docx"}
OWN = sorted(p for p in [*ROOT.glob("eval/*/*"), *ROOT.glob("examples/*")] if p.suffix.lower() in SUFFIXES)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


def expected_notes(result: AnalysisResult) -> set[str]:
    """The note the rule promises for each KPI with a target that lacks window or remedy."""
    if is_amendment(SimpleNamespace(art=SimpleNamespace(document=result.document)), NoParams()):  # type: ignore[arg-type]
        return set()  # the rule waits for the base agreement
    notes: set[str] = set()
    for kpi in result.extraction.kpis:
        gaps = [("no measurement window" if e is KpiElement.WINDOW else "no remedy")
                for e in (KpiElement.WINDOW, KpiElement.REMEDY) if kpi.target and e in kpi.missing]
        if gaps:
            notes.add(f"{kpi.metric.strip() or 'a service level'}: {' and '.join(gaps)}")
    return notes


def flagged_notes(result: AnalysisResult) -> set[str]:
    """The KPI notes the rule's findings carry, on their own or merged into another flag."""
    notes: set[str] = set()
    for f in result.findings:
        for key, value in f.explanation:
            if key == "missing" and f.rule_id == RULE:
                notes.update(value.split("; "))
            elif key == "merged" and value.startswith(f"{RULE}: "):
                notes.update(value.removeprefix(f"{RULE}: ").split("; "))
    return notes


def _check(analyzer: Analyzer, path: Path) -> None:
    result = analyzer.analyze(path)
    assert flagged_notes(result) == expected_notes(result), path.name


def test_own_documents_found() -> None:
    assert len(OWN) >= 18


@pytest.mark.parametrize("document", OWN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_report_and_flags_agree_on_every_kpi(analyzer: Analyzer, document: Path) -> None:
    _check(analyzer, document)


def test_report_and_flags_agree_on_the_samples(analyzer: Analyzer, samples_dir: Path) -> None:
    documents = sorted(p for p in samples_dir.iterdir() if p.suffix.lower() in SUFFIXES)
    assert documents
    for path in documents:
        _check(analyzer, path)
