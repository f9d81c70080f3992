#!/usr/bin/env python3
"""Check that every quote in labels.json can be found in its document.

Why: a quote that is not in the text can never be matched, so a typo in the labels would
silently count as a miss for the analyzer. Checks, per the samples/README.md conventions:
- each quote is 10-200 characters;
- DOCX: each quote is an exact substring of one paragraph or one table cell (python-docx);
- PDF: each quote is an exact substring of one page's pdfplumber text once every run of
  whitespace is collapsed to one space (so no quote crosses a page);
- a clean quote never overlaps a flag of the same category;
- categories and pricing units come from the fixed vocabularies.

usage: python check_labels.py [labels.json]   exit status 0 when every check passes
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORE = {"missing_kpi", "undefined_responsibility", "vague_pricing", "hidden_cost"}
GAPS = {"training_gap", "governance_gap", "data_security_gap", "exit_gap"}
UNITS = {"productive_hour", "minute", "call", "fte_month", "transaction", "month", "one_time", "percent"}


def _collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def docx_segments(path: Path) -> list[str]:
    """Paragraphs and table cells exactly as python-docx reads them."""
    from docx import Document
    doc = Document(str(path))
    segs = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                segs.append(cell.text)
                segs.extend(p.text for p in cell.paragraphs)
    return segs


def pdf_segments(path: Path) -> list[str]:
    """One collapsed text per page, so a quote found here does not cross a page."""
    import pdfplumber
    with pdfplumber.open(str(path)) as pdf:
        return [_collapse(p.extract_text() or "") for p in pdf.pages]


def _span(segs: list[str], quote: str) -> tuple[int, int, int] | None:
    for i, s in enumerate(segs):
        j = s.find(quote)
        if j >= 0:
            return i, j, j + len(quote)
    return None


def _overlap(a: tuple[int, int, int] | None, b: tuple[int, int, int] | None, qa: str, qb: str) -> bool:
    if qa in qb or qb in qa:
        return True
    if a is None or b is None or a[0] != b[0]:
        return False
    return a[1] < b[2] and b[1] < a[2]


def check(labels_path: Path) -> list[str]:
    errors: list[str] = []
    gold = json.loads(labels_path.read_text(encoding="utf-8"))
    root = labels_path.parent
    for doc in gold["documents"]:
        f = root / doc["file"]
        if not f.exists():
            errors.append(f"{doc['file']}: file missing")
            continue
        segs = docx_segments(f) if f.suffix == ".docx" else pdf_segments(f)
        where = {}
        items = ([("flag", x) for x in doc["flags"]] + [("clean", x) for x in doc["clean"]]
                 + [("pricing", x) for x in doc["pricing"]] + [("kpi", x) for x in doc["kpis"]])
        for kind, x in items:
            q = x["quote"]
            if not 10 <= len(q) <= 200:
                errors.append(f"{doc['file']}: {kind} quote length {len(q)}: {q!r}")
            sp = _span(segs, q)
            if sp is None:
                errors.append(f"{doc['file']}: {kind} quote not found: {q!r}")
            where[(kind, q)] = sp
        for x in doc["flags"]:
            if x["category"] not in CORE:
                errors.append(f"{doc['file']}: flag category {x['category']!r} not core")
            for k in ("section", "note"):
                if not x.get(k):
                    errors.append(f"{doc['file']}: flag without {k}: {x['quote']!r}")
        for x in doc["absent"]:
            if x["category"] not in CORE | GAPS:
                errors.append(f"{doc['file']}: absent category {x['category']!r} unknown")
        for x in doc["pricing"]:
            if x["unit"] not in UNITS:
                errors.append(f"{doc['file']}: pricing unit {x['unit']!r} not in vocabulary")
            if not isinstance(x["amount"], (int, float)):
                errors.append(f"{doc['file']}: pricing amount not a number: {x['amount']!r}")
        for x in doc["kpis"]:
            if not re.search(r"\d|zero", x["target"]):
                errors.append(f"{doc['file']}: KPI target not numeric: {x['target']!r}")
        for c in doc["clean"]:
            for cat in c["categories"]:
                if cat not in CORE | GAPS:
                    errors.append(f"{doc['file']}: clean category {cat!r} unknown")
                for fl in doc["flags"]:
                    if fl["category"] == cat and _overlap(where.get(("clean", c["quote"])),
                                                         where.get(("flag", fl["quote"])),
                                                         c["quote"], fl["quote"]):
                        errors.append(f"{doc['file']}: clean quote overlaps a {cat} flag: {c['quote']!r}")
    return errors


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "labels.json"
    errors = check(path)
    for e in errors:
        print("FAIL", e)
    gold = json.loads(path.read_text(encoding="utf-8"))
    n = sum(len(d["flags"]) + len(d["clean"]) + len(d["pricing"]) + len(d["kpis"]) for d in gold["documents"])
    print(f"{'OK' if not errors else 'FAILED'}: {n} quotes in {len(gold['documents'])} documents, "
          f"{len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
