"""Each rule's measured precision on real contracts, read from ``precision.json`` in the rules folder.

``eval/cuad/rule_precision.py`` writes the file after rule work is frozen; the analyzer only
reads it, so a flag can say how often its rule was right. A rules folder without the file
(``--rules DIR`` with a team's own packs) gives flags without a figure; a broken file is a
``RulePackError`` naming the file and the field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from analyzer.errors import RulePackError
from analyzer.types import Finding, RulePrecision

PRECISION_FILE = "precision.json"


class _Counts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    raised: int
    right: int

    @model_validator(mode="after")
    def _right_within_raised(self) -> _Counts:
        if not 0 <= self.right <= self.raised:
            raise ValueError(f"right ({self.right}) must be between 0 and raised ({self.raised})")
        return self


class _MeasuredOn(BaseModel):
    model_config = ConfigDict(extra="allow")

    documents: int


class _PrecisionFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    measured_on: _MeasuredOn
    rules: dict[str, _Counts]


def load_precision(rules_dir: Path) -> Mapping[str, RulePrecision]:
    """Return rule id -> measured precision from ``rules_dir/precision.json`` ({} when absent).

    Raises:
        RulePackError: the file is not JSON or a field is wrong (file and field named).
    """
    path = Path(rules_dir) / PRECISION_FILE
    if not path.is_file():
        return {}
    try:
        parsed = _PrecisionFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as error:
        raise RulePackError(f"{path}: not valid JSON ({error}); regenerate it with "
                            "eval/cuad/rule_precision.py") from error
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise RulePackError(f"{path}: field '{field}': {first['msg']}") from error
    documents = parsed.measured_on.documents
    return {
        rule_id: RulePrecision(right=counts.right, raised=counts.raised, documents=documents)
        for rule_id, counts in parsed.rules.items()
    }


def with_precision(
    findings: tuple[Finding, ...], precision: Mapping[str, RulePrecision]
) -> tuple[Finding, ...]:
    """Return the findings with their rule's measured precision attached (None when unmeasured)."""
    return tuple(replace(f, precision=precision.get(f.rule_id)) for f in findings)
