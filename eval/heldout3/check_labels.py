"""Check labels.json of held-out set 3 against its documents.

Why: a label whose quote is not in the document can never be matched, and a clean quote
that overlaps a flag of the same category contradicts itself; both would corrupt the score.

Checks, per document:
- format: kinds, categories, units, amounts, currencies, numeric KPI targets;
- every quote (flags, clean, pricing, kpis) is 10-200 characters and an exact substring of
  one unit: a DOCX paragraph or table cell as python-docx reads it, or one PDF page of
  pdfplumber ``page.extract_text()`` with every whitespace run collapsed to one space;
- no clean quote overlaps a flag of one of its categories (DOCX: not even in the same
  paragraph or cell; PDF: not on overlapping characters of the page).

usage: python check_labels.py [labels.json]     exit 0 when everything passes
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORE = {"missing_kpi", "undefined_responsibility", "vague_pricing", "hidden_cost"}
GAPS = {"training_gap", "governance_gap", "data_security_gap", "exit_gap"}
UNITS = {"productive_hour", "minute", "call", "fte_month", "transaction", "month", "one_time", "percent"}
KINDS = {"msa", "sow", "bid", "amendment", "other"}


def units_of(path: Path) -> list[str]:
    """Text units a quote may come from: paragraphs/cells (DOCX) or collapsed pages (PDF)."""
    if path.suffix == ".docx":
        import docx
        d = docx.Document(str(path))
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    out.append(cell.text)
        return out
    import pdfplumber
    with pdfplumber.open(str(path)) as pdf:
        return [re.sub(r"\s+", " ", p.extract_text() or "").strip() for p in pdf.pages]


def find_unit(quote: str, units: list[str]) -> int | None:
    for i, u in enumerate(units):
        if quote in u:
            return i
    return None


def spans_overlap(a: str, b: str, unit: str) -> bool:
    """True when the two quotes cover overlapping character ranges of the same unit."""
    for ma in re.finditer(re.escape(a), unit):
        for mb in re.finditer(re.escape(b), unit):
            if ma.start() < mb.end() and mb.start() < ma.end():
                return True
    return False


def check(labels_path: Path) -> list[str]:
    errs: list[str] = []
    gold = json.loads(labels_path.read_text())
    root = labels_path.parent
    for doc in gold["documents"]:
        name = doc["file"]
        path = root / name
        if not path.exists():
            errs.append(f"{name}: file missing")
            continue
        if doc.get("kind") not in KINDS:
            errs.append(f"{name}: bad kind {doc.get('kind')}")
        units = units_of(path)
        is_docx = path.suffix == ".docx"  # a PDF unit is a whole page: only span overlap counts

        def where(q: str, what: str) -> int | None:
            if not (10 <= len(q) <= 200):
                errs.append(f"{name}: {what}: quote length {len(q)}: {q[:60]!r}")
            u = find_unit(q, units)
            if u is None:
                errs.append(f"{name}: {what}: quote not found: {q!r}")
            return u

        flag_units = []
        for f in doc.get("flags", []):
            if f["category"] not in CORE:
                errs.append(f"{name}: flag category {f['category']} not core")
            if not f.get("section") or not f.get("note"):
                errs.append(f"{name}: flag without section/note: {f['quote'][:40]}")
            flag_units.append((f, where(f["quote"], f"flag {f['category']}")))
        for a in doc.get("absent", []):
            if a["category"] not in CORE | GAPS or not a.get("note"):
                errs.append(f"{name}: bad absent entry {a}")
        for c in doc.get("clean", []):
            u = where(c["quote"], "clean")
            if not c.get("categories") or not set(c["categories"]) <= CORE | GAPS:
                errs.append(f"{name}: clean with bad categories {c.get('categories')}")
            for f, fu in flag_units:
                if is_docx and f["category"] in c["categories"] and u is not None and u == fu:
                    errs.append(f"{name}: clean {c['quote'][:40]!r} shares a unit with flag {f['category']} "
                                f"{f['quote'][:40]!r}")
                if f["category"] in c["categories"] and u is not None and fu is not None and \
                        spans_overlap(c["quote"], f["quote"], units[u]):
                    errs.append(f"{name}: clean overlaps flag {f['category']}")
        for p in doc.get("pricing", []):
            where(p["quote"], "pricing")
            if p["unit"] not in UNITS:
                errs.append(f"{name}: pricing unit {p['unit']}")
            if not isinstance(p["amount"], (int, float)):
                errs.append(f"{name}: pricing amount not a number: {p['amount']!r}")
            cur = p.get("currency")
            if cur is not None and not re.fullmatch(r"[A-Z]{3}", cur):
                errs.append(f"{name}: bad currency {cur!r}")
        for k in doc.get("kpis", []):
            where(k["quote"], "kpi")
            if not re.search(r"\d", str(k.get("target") or "")):
                errs.append(f"{name}: KPI without numeric target: {k['quote'][:40]}")
            for key in ("metric", "window", "remedy"):
                if key not in k:
                    errs.append(f"{name}: KPI missing key {key}")
    return errs


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent / "labels.json"
    errs = check(path)
    for e in errs:
        print("FAIL", e)
    gold = json.loads(path.read_text())
    n = sum(len(d.get(k, [])) for d in gold["documents"] for k in ("flags", "clean", "pricing", "kpis"))
    print(f"{len(gold['documents'])} documents, {n} quoted labels, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
