"""Measure how often each rule is right on real labelled contracts; write rules/precision.json.

Every flag the analyzer shows carries its rule's measured precision ("right in 12 of 14
flags on 34 real contracts"), so a reviewer knows how much to trust it. The figure comes
from this script, run after rule work is frozen, over the labelled real agreements: the
CUAD labels in ``../shared/labels`` and ``eval/cuad/extra_labels.json``. A flag is right
when ``../shared/tools/score_flags.py`` would count it as a true positive (its text
overlaps a labelled flag of its category, or its category is labelled absent); the
matching is imported from that tool, not rewritten.

usage: python eval/cuad/rule_precision.py [--labels L.json ...] [--out rules/precision.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DEFAULT_LABELS = (SHARED / "labels" / "cuad_dev.json", ROOT / "eval" / "cuad" / "extra_labels.json")


def _score_flags() -> ModuleType:
    path = SHARED / "tools" / "score_flags.py"
    if not path.is_file():
        sys.exit(f"{path}: not found; this script needs ../shared beside the checkout")
    spec = importlib.util.spec_from_file_location("score_flags", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _right(flag: dict[str, Any], document: dict[str, Any], clauses: dict[str, Any], sf: ModuleType) -> bool:
    category = flag["category"]
    if category in {a["category"] for a in document.get("absent", [])}:
        return True
    return any(
        g["category"] == category and sf.hits(g["quote"], flag, clauses)
        for g in document.get("flags", [])
    )


def measure(label_files: list[Path]) -> dict[str, Any]:
    """Return per-rule raised / right counts over the documents of ``label_files``."""
    from analyzer.pipeline import Analyzer
    from analyzer.report import to_report

    sf = _score_flags()
    analyzer = Analyzer.load()
    raised: Counter[str] = Counter()
    right: Counter[str] = Counter()
    documents = 0
    for label_file in label_files:
        data = json.loads(label_file.read_text(encoding="utf-8"))
        for document in data["documents"]:
            result = analyzer.try_analyze(SHARED / document["file"])
            if result.result is None:
                print(f"skipped {document['file']}: {result.error}", file=sys.stderr)
                continue
            documents += 1
            report = to_report(result.result)
            clauses = {c["id"]: c for c in report["clauses"]}
            for flag in report["flags"]:
                raised[flag["rule_id"]] += 1
                right[flag["rule_id"]] += _right(flag, document, clauses, sf)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    return {
        "measured_on": {
            "documents": documents,
            "label_files": [str(p.relative_to(p.parents[1])) for p in label_files],
            "description": f"{documents} real CUAD agreements labelled exhaustively by contracts "
                           "reviewers (shared/labels/GUIDE.md)",
            "commit": commit,
            "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        },
        "rules": {
            rule_id: {"raised": raised[rule_id], "right": right[rule_id]}
            for rule_id in sorted(raised)
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, nargs="+", default=list(DEFAULT_LABELS))
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "precision.json")
    args = parser.parse_args()
    measured = measure(args.labels)
    args.out.write_text(json.dumps(measured, indent=1) + "\n", encoding="utf-8")
    for rule_id, counts in measured["rules"].items():
        print(f"{rule_id:60} {counts['right']:4d} / {counts['raised']:4d}"
              f"  {counts['right'] / counts['raised']:.2f}")


if __name__ == "__main__":
    main()
