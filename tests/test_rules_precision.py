"""Measured rule precision: read from rules/precision.json, attached to every flag, reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.errors import RulePackError
from analyzer.rules import load_rules
from analyzer.rules.precision import PRECISION_FILE, load_precision, with_precision
from analyzer.rules.schema import DEFAULT_RULES_DIR
from analyzer.types import RulePrecision
from tests.factories import make_result


def _write(tmp_path: Path, data: object) -> Path:
    (tmp_path / PRECISION_FILE).write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def test_precision_absent_file_gives_no_figures(tmp_path: Path) -> None:
    assert load_precision(tmp_path) == {}


def test_precision_reads_counts_and_documents(tmp_path: Path) -> None:
    folder = _write(tmp_path, {"measured_on": {"documents": 34, "commit": "abc"},
                               "rules": {"hidden_cost.late_interest": {"raised": 8, "right": 6}}})
    precision = load_precision(folder)["hidden_cost.late_interest"]
    assert precision == RulePrecision(right=6, raised=8, documents=34)
    assert precision.share == pytest.approx(0.75)
    assert precision.describe() == "right in 6 of 8 flags on 34 labelled real contracts"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"measured_on": {"documents": 3}, "rules": {"a.b": {"raised": 2, "right": 3}}}, "rules.a.b"),
        ({"measured_on": {"documents": 3}, "rules": {"a.b": {"raised": "x", "right": 1}}}, "rules.a.b.raised"),
        ({"rules": {}}, "measured_on"),
        ({"measured_on": {"documents": 3}, "rules": {}, "extra": 1}, "extra"),
    ],
)
def test_precision_broken_file_names_the_field(tmp_path: Path, data: object, field: str) -> None:
    with pytest.raises(RulePackError, match=f"field '{field}'"):
        load_precision(_write(tmp_path, data))


def test_precision_not_json_is_a_rule_pack_error(tmp_path: Path) -> None:
    (tmp_path / PRECISION_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(RulePackError, match="not valid JSON"):
        load_precision(tmp_path)


def test_precision_attached_to_findings_of_measured_rules_only() -> None:
    result = make_result()
    measured = {result.findings[0].rule_id: RulePrecision(right=1, raised=2, documents=5)}
    findings = with_precision(result.findings, measured)
    assert findings[0].precision == RulePrecision(right=1, raised=2, documents=5)
    unmeasured = [f for f in findings if f.rule_id not in measured]
    assert all(f.precision is None for f in unmeasured)


def test_precision_shipped_file_names_only_existing_rules() -> None:
    shipped = load_precision(DEFAULT_RULES_DIR)
    if not shipped:
        pytest.skip("no rules/precision.json shipped")
    rule_ids = {rule.id for rule in load_rules().rules}
    assert set(shipped) <= rule_ids, set(shipped) - rule_ids


def test_precision_reaches_the_report_through_the_pipeline(tmp_path: Path) -> None:
    import shutil

    from analyzer.pipeline import Analyzer
    from analyzer.report import to_report

    example = Path(__file__).resolve().parents[1] / "examples" / "northwind_lumen_contact_center_msa.docx"
    rules_dir = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules_dir)
    first = to_report(Analyzer.load(rules_dir=rules_dir).analyze(example))["flags"][0]["rule_id"]
    _write(rules_dir, {"measured_on": {"documents": 7}, "rules": {first: {"raised": 4, "right": 3}}})
    flags = to_report(Analyzer.load(rules_dir=rules_dir).analyze(example))["flags"]
    measured = [f["precision"] for f in flags if f["rule_id"] == first]
    assert measured and all(p["summary"] == "right in 3 of 4 flags on 7 labelled real contracts"
                            for p in measured)
    assert all(f["precision"] is None for f in flags if f["rule_id"] != first)
