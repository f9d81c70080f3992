"""Summarise findings into one document risk score whose computation is shown to the user.

The formula is deliberately simple so a reviewer can redo it by hand:
``W = sum(severity weight)`` over findings (high 5, medium 3, low 1), then
``score = 100 * (1 - exp(-W / 25))``: every finding raises the score, none alone saturates
it, and 0 findings give 0. Levels: low < 30 <= medium < 60 <= high.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from analyzer.types import FlagCategory, Finding, RiskSummary, Severity

WEIGHTS = {Severity.HIGH: 5.0, Severity.MEDIUM: 3.0, Severity.LOW: 1.0}
SCALE = 25.0
LEVELS = ((60.0, "high"), (30.0, "medium"), (0.0, "low"))


def risk_level(score: float) -> str:
    """Return the level name of a 0-100 score."""
    for threshold, name in LEVELS:
        if score >= threshold:
            return name
    return "low"


def summarize_risk(findings: Iterable[Finding]) -> RiskSummary:
    """Return the document risk score, its level, the counts and the formula used.

    Args:
        findings: merged findings of one document.

    Returns:
        A RiskSummary whose ``method`` spells out the arithmetic with this document's numbers.
    """
    items = list(findings)
    by_sev = Counter(f.severity for f in items)
    by_cat = Counter(f.category for f in items)
    weight = sum(WEIGHTS[s] * n for s, n in by_sev.items())
    score = round(100.0 * (1.0 - math.exp(-weight / SCALE)), 1)
    parts = " + ".join(
        f"{by_sev.get(s, 0)}x{WEIGHTS[s]:g} ({s.value})" for s in (Severity.HIGH, Severity.MEDIUM, Severity.LOW)
    )
    method = (
        f"W = sum of severity weights = {parts} = {weight:g}; "
        f"score = 100 * (1 - exp(-W / {SCALE:g})) = {score:g}; "
        "level: low < 30 <= medium < 60 <= high"
    )
    return RiskSummary(
        score=score,
        level=risk_level(score),
        counts_by_category=tuple((c.value, by_cat.get(c, 0)) for c in FlagCategory),
        counts_by_severity=tuple(
            (s.value, by_sev.get(s, 0)) for s in (Severity.HIGH, Severity.MEDIUM, Severity.LOW)
        ),
        method=method,
    )


def missing_types(classifications, ruleset):  # type: ignore[no-untyped-def]
    """Return the expected clause types absent from a document (see rules.engine)."""
    from analyzer.rules.engine import missing_types as _missing

    return _missing(classifications, ruleset)
