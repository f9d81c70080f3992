"""Every rule's own ``examples`` (flag / pass) run through the engine, one case each."""

from __future__ import annotations

import pytest

from analyzer.nlp import load_nlp
from analyzer.rules.examples import example_cases, run_example
from analyzer.rules.schema import load_rules

RULESET = load_rules()
CASES = example_cases(RULESET)
EXTRACTION_ONLY = {"kpi_missing", "kpi_incomplete", "obligation_without_agent", "joint_obligation"}


def _case_id(case) -> str:  # type: ignore[no-untyped-def]
    kind = "flag" if case.expect_flag else "pass"
    return f"{case.rule_id}-{kind}-{case.example.text[:30]}"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_rule_example(case, nlp) -> None:  # type: ignore[no-untyped-def]
    result = run_example(case, RULESET, nlp)
    want = "flag" if case.expect_flag else "stay quiet on"
    assert result.ok, f"{case.rule_id} should {want} {case.example.text!r}; got {result.detail}"


def test_rule_examples_every_text_rule_has_flag_and_pass() -> None:
    """A rule that works on text must show both what it flags and what it leaves alone."""
    for rule in RULESET.rules:
        conds = rule.model.when.all_ + rule.model.when.any_
        if any(c.condition in EXTRACTION_ONLY for c in conds):
            continue  # exercised with hand-made Extractions in test_rules_engine.py
        ex = rule.model.examples
        assert ex.flag, f"{rule.id} has no 'flag' example"
        assert ex.pass_, f"{rule.id} has no 'pass' example"
