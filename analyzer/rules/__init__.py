"""Rule engine: YAML rule packs -> validated RuleSet -> Findings.

Public API (loaded lazily so ``analyzer.rules.commands`` stays cheap to import):
``load_rules``, ``apply_rules``, ``missing_types``, ``RuleSet``, ``merge_findings``.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "load_rules": "analyzer.rules.schema",
    "load_rule_pack": "analyzer.rules.schema",
    "RuleSet": "analyzer.rules.schema",
    "Rule": "analyzer.rules.schema",
    "DEFAULT_RULES_DIR": "analyzer.rules.schema",
    "apply_rules": "analyzer.rules.engine",
    "missing_types": "analyzer.rules.engine",
    "merge_findings": "analyzer.rules.engine",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import the public names on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer.rules' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
